/**
 * Bad input answers Open311's error form (a list of {code, description}, 400/403/404) in the
 * request's format, and a refused POST stores nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  BASE,
  createClientKey,
  expectError,
  formBody,
  post,
  setDemoQuestions,
  storedCounts,
  STREET_LIGHT,
  type Fields,
} from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('Open311 errors (%s)', (dialect) => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    // Many refusals from one client: the per-client submit limit is tested on its own.
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1000 });
    key = await createClientKey(t);
    await setDemoQuestions(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const without = (fields: Fields, ...names: string[]) =>
    Object.fromEntries(Object.entries(fields).filter(([k]) => !names.includes(k)));

  const refusals: Array<[string, () => Fields, number, RegExp]> = [
    ['no api_key', () => STREET_LIGHT, 403, /api_key is required/],
    ['a wrong api_key', () => ({ ...STREET_LIGHT, api_key: 'qdk_not-a-key' }), 403, /api_key is not valid/],
    [
      'an unknown service_code',
      () => ({ ...STREET_LIGHT, api_key: key, service_code: 'ufo-sighting' }),
      400,
      /service_code "ufo-sighting"/,
    ],
    [
      'no service_code',
      () => ({ ...without(STREET_LIGHT, 'service_code', 'attribute[pole_number]', 'attribute[fault]'), api_key: key }),
      400,
      /service_code is required/,
    ],
    ['no location', () => ({ ...without(STREET_LIGHT, 'lat', 'long'), api_key: key }), 400, /exactly one location/],
    [
      'two locations',
      () => ({ ...STREET_LIGHT, address_string: '北京路 1 号', api_key: key }),
      400,
      /exactly one location/,
    ],
    [
      'half a point',
      () => ({ ...without(STREET_LIGHT, 'long'), api_key: key }),
      400,
      /lat and long must be given together/,
    ],
    [
      'an unknown address_id',
      () => ({ ...without(STREET_LIGHT, 'lat', 'long'), address_id: 'nowhere', api_key: key }),
      400,
      /address_id "nowhere"/,
    ],
    [
      'a missing required attribute',
      () => ({ ...without(STREET_LIGHT, 'attribute[pole_number]'), api_key: key }),
      400,
      /attribute\[pole_number\] is required/,
    ],
    [
      'a value outside the list',
      () => ({ ...STREET_LIGHT, 'attribute[fault]': 'exploded', api_key: key }),
      400,
      /attribute\[fault\]: not among the allowed keys: "exploded"/,
    ],
    [
      'an unknown attribute',
      () => ({ ...STREET_LIGHT, 'attribute[colour]': 'red', api_key: key }),
      400,
      /unknown attribute\[colour\]/,
    ],
    [
      'a number that is not one',
      () => ({
        service_code: 'roads',
        address_string: '江津路',
        'attribute[severity]': 'pothole',
        'attribute[area_m2]': 'big',
        api_key: key,
      }),
      400,
      /attribute\[area_m2\]: must be a number/,
    ],
    [
      'a bad date attribute',
      () => ({ service_code: 'noise', address_string: '江津路', 'attribute[since]': '2026-11-29 22:00', api_key: key }),
      400,
      /attribute\[since\]: must be an ISO 8601 date-time/,
    ],
    [
      'an over-long description',
      () => ({ ...STREET_LIGHT, description: '灯'.repeat(4001), api_key: key }),
      400,
      /description must be at most 4000 characters/,
    ],
    ['a bad e-mail', () => ({ ...STREET_LIGHT, email: 'not-an-address', api_key: key }), 400, /email is not a valid/],
    [
      'a non-http media_url',
      () => ({ ...STREET_LIGHT, media_url: 'javascript:alert(1)', api_key: key }),
      400,
      /media_url must be an http\(s\) URL/,
    ],
    [
      'an unknown jurisdiction',
      () => ({ ...STREET_LIGHT, api_key: key, jurisdiction_id: 'wuhan.gov.cn' }),
      404,
      /jurisdiction_id "wuhan.gov.cn" was not found/,
    ],
  ];

  it.each(refusals)('refuses %s in both formats and stores nothing', async (_name, fields, status, message) => {
    const before = await storedCounts(t);
    const json = expectError(
      await post(t, { ...fields(), lang: 'en' }, 'json', `${BASE}/requests.json?lang=en`),
      status,
      'json',
    );
    expect(json.join('\n')).toMatch(message);
    expectError(await post(t, fields(), 'xml'), status, 'xml');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('reports every problem of a request at once', async () => {
    const res = await post(
      t,
      { service_code: 'street-lights', api_key: key, email: 'x', 'attribute[fault]': 'exploded' },
      'json',
      `${BASE}/requests.json?lang=en`,
    );
    expect(expectError(res, 400)).toEqual([
      'email is not a valid e-mail address',
      'give exactly one location: lat and long, address_string, or address_id',
      'attribute[pole_number] is required',
      'attribute[fault]: not among the allowed keys: "exploded"',
    ]);
  });

  it('refuses a revoked key and a bad X-API-Key header with 403', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/v1/api-keys', payload: { name: 'old app' } });
    await t.as('admin', { method: 'DELETE', url: `/api/v1/api-keys/${res.json().apiKey.id}` });
    expectError(await post(t, { ...STREET_LIGHT, api_key: res.json().key }), 403);
    const header = await t.app.inject({
      method: 'GET',
      url: `${BASE}/services.xml`,
      headers: { 'x-api-key': 'qdk_wrong' },
    });
    expectError(header, 403, 'xml');
  });

  it('refuses bodies that are not forms, in Open311 form', async () => {
    const before = await storedCounts(t);
    const plain = await t.app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      headers: { 'content-type': 'text/plain' },
      payload: formBody({ ...STREET_LIGHT, api_key: key }),
    });
    expectError(plain, 400);
    const huge = await post(t, { ...STREET_LIGHT, api_key: key, description: 'x'.repeat(300_000) }, 'xml');
    expectError(huge, 400, 'xml');
    expect(await storedCounts(t)).toEqual(before);
  });

  it.each([
    ['an unknown format suffix', `${BASE}/services.csv`, 400, 'xml'],
    ['no format suffix', `${BASE}/services`, 400, 'xml'],
    ['an unknown endpoint', `${BASE}/complaints.json`, 404, 'json'],
    ['a path outside the API', `${BASE}/a/b/c.json`, 404, 'json'],
    ['an unknown service definition', `${BASE}/services/ufo.json`, 404, 'json'],
    ['an unknown request', `${BASE}/requests/JZ-2026-999999.xml`, 404, 'xml'],
    ['an unknown token', `${BASE}/tokens/t_nope.json`, 404, 'json'],
    ['a bad start_date', `${BASE}/requests.json?start_date=yesterday`, 400, 'json'],
    ['a date without a zone', `${BASE}/requests.xml?end_date=2026-11-29T08:00:00`, 400, 'xml'],
    [
      'a span over 90 days',
      `${BASE}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z`,
      400,
      'json',
    ],
    ['an unknown status', `${BASE}/requests.json?status=pending`, 400, 'json'],
    ['a bad updates window', `${BASE}/servicerequestupdates.xml?start_date=2026-13-01T00:00:00Z`, 400, 'xml'],
  ] as const)('answers %s in the error form', async (_name, url, status, format) => {
    expectError(await t.app.inject({ method: 'GET', url }), status, format);
  });

  it('answers unknown methods under /open311 in Open311 form too', async () => {
    expectError(await t.app.inject({ method: 'DELETE', url: `${BASE}/requests.json` }), 404);
    expectError(await post(t, { api_key: key }, 'json', `${BASE}/services.json`), 404);
  });
});
