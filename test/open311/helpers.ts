import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/test-app.js';
import { DEMO_QUESTIONS } from '../../src/demo/demo-open311.js';
import { expectValid, expectXmlTwin, JSON_TYPE, XML_TYPE } from './contract.js';

export const BASE = '/open311/v2';

export type Fields = Record<string, string | number | readonly string[]>;

/** A form body as a 311 client sends it: repeated keys for lists, `attribute[code][]` included. */
export function formBody(fields: Fields): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, String(item));
  }
  return body.toString();
}

export function query(fields: Fields = {}): string {
  const q = formBody(fields);
  return q === '' ? '' : `?${q}`;
}

/** GET a document in JSON and XML; both must be 200, fit the contract and say the same. */
export async function getBoth(t: TestApp, path: string, kind: string, fields: Fields = {}): Promise<any> {
  const [json, xml] = await Promise.all(
    ['json', 'xml'].map((f) => t.app.inject({ method: 'GET', url: `${BASE}/${path}.${f}${query(fields)}` })),
  );
  expect(json.statusCode, json.body).toBe(200);
  expect(xml.statusCode, xml.body).toBe(200);
  expect(json.headers['content-type']).toBe(JSON_TYPE);
  expect(xml.headers['content-type']).toBe(XML_TYPE);
  const data = json.json();
  expectValid(kind, data);
  expectXmlTwin(kind, xml.body, data);
  return data;
}

export function post(
  t: TestApp,
  fields: Fields,
  format = 'json',
  url = `${BASE}/requests.${format}`,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody(fields),
  });
}

/** An error answer: the status, the spec's list of {code, description}, in the asked format. */
export function expectError(res: LightMyRequestResponse, status: number, format: 'json' | 'xml' = 'json'): string[] {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'xml') {
    expect(res.headers['content-type']).toBe(XML_TYPE);
    expect(res.body).toMatch(/<errors><error><code>\d{3}<\/code><description>/);
    return [...res.body.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]);
  }
  expect(res.headers['content-type']).toBe(JSON_TYPE);
  const items = res.json() as Array<{ code: number; description: string }>;
  expectValid('errors', items);
  for (const item of items) expect(item.code).toBe(status);
  return items.map((i) => i.description);
}

/** Rows in every table a submission writes: a refused request must leave them all unchanged. */
export async function storedCounts(t: TestApp) {
  const count = async (table: 'problems' | 'open311_requests' | 'problem_answers' | 'events') =>
    Number(
      (
        await t.tdb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    problems: await count('problems'),
    open311: await count('open311_requests'),
    answers: await count('problem_answers'),
    events: await count('events'),
  };
}

/** A public API key for an Open311 client, made by the administrator through the native API. */
export async function createClientKey(t: TestApp, name = '荆州 311 App'): Promise<string> {
  const res = await t.as('admin', { method: 'POST', url: '/api/v1/api-keys', payload: { name, role: 'public' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().key as string;
}

/** The demo categories' questions, set through the admin API. */
export async function setDemoQuestions(t: TestApp): Promise<void> {
  for (const [code, items] of Object.entries(DEMO_QUESTIONS)) {
    const res = await t.as('admin', {
      method: 'PUT',
      url: `/api/v1/categories/${t.ids.categories[code]}/questions`,
      payload: { items },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** A valid street-light report (its two required answers given). */
export const STREET_LIGHT: Fields = {
  service_code: 'street-lights',
  lat: '30.3269',
  long: '112.2397',
  description: '和平社区三号楼前路灯不亮',
  'attribute[pole_number]': 'SS-0123',
  'attribute[fault]': 'single',
  first_name: '小明',
  last_name: '王',
  email: 'wang@example.com',
  phone: '13812345678',
};

/** What the native form must send for a street light once its questions are set. */
export const LIGHT_ANSWERS = { answers: { pole_number: 'SS-0001', fault: 'street' } };
