/**
 * What an Open311 caller is allowed to reach: jurisdictions (required with several, area-scoped
 * ones), the per-client submit limit, and the spec's default window of 90 days / 1,000 requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { BASE, createClientKey, getBoth, post } from './helpers.js';

describe('jurisdictions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      open311Jurisdictions: [
        { id: 'jingzhou.gov.cn', areaCode: null },
        { id: 'shashi.jingzhou.gov.cn', areaCode: 'jz-ss' },
      ],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('requires jurisdiction_id when several are served, and 404s an unknown one', async () => {
    const missing = await t.app.inject({ method: 'GET', url: `${BASE}/services.json` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].description).toContain('jurisdiction_id');
    expect(
      (await t.app.inject({ method: 'GET', url: `${BASE}/services.json?jurisdiction_id=wuhan.gov.cn` })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `${BASE}/services.xml?jurisdiction_id=Jingzhou.gov.cn` })).statusCode,
    ).toBe(200);
  });

  it('scopes a district jurisdiction to its area subtree, for reads and new requests', async () => {
    const key = await createClientKey(t);
    const ss = (await reportProblem(t)).code; // 沙市区
    const jz = (await reportProblem(t, { areaId: t.ids.areas['jz-jz'] })).code;
    for (const code of [ss, jz]) await act(t, 'shouli', code, 'accept');
    const list = async (j: string) =>
      (await getBoth(t, 'requests', 'requests', { jurisdiction_id: j })).map(
        (r: { service_request_id: string }) => r.service_request_id,
      );
    expect(await list('jingzhou.gov.cn')).toEqual([jz, ss]);
    expect(await list('shashi.jingzhou.gov.cn')).toEqual([ss]);
    const outside = await post(t, {
      service_code: 'fraud',
      address_id: 'jz-jz',
      api_key: key,
      jurisdiction_id: 'shashi.jingzhou.gov.cn',
    });
    expect(outside.statusCode).toBe(400);
    const [ok] = (
      await post(t, {
        service_code: 'fraud',
        lat: '30.3',
        long: '112.2',
        api_key: key,
        jurisdiction_id: 'shashi.jingzhou.gov.cn',
      })
    ).json();
    const [row] = await getBoth(t, `requests/${ok.service_request_id}`, 'requests', {
      api_key: key,
      jurisdiction_id: 'shashi.jingzhou.gov.cn',
    });
    expect(row.address_id).toBe('jz-ss');
  });
});

describe('submit limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { publicSubmitPerMinute: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds an Open311 client to the same per-client limit as the web form', async () => {
    const key = await createClientKey(t);
    const fields = { service_code: 'fraud', address_string: '沙市区', api_key: key };
    expect((await post(t, fields)).statusCode).toBe(200);
    expect((await post(t, fields)).statusCode).toBe(200);
    const third = await post(t, fields);
    expect(third.statusCode).toBe(400);
    // Chinese unless the client asks for English (lang=en or Accept-Language).
    expect(third.json()[0].description).toContain('请求过于频繁');
    t.clock.advanceHours(1);
    expect((await post(t, fields)).statusCode).toBe(200);
  });
});

describe('default window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the last 90 days, at most 1,000 requests, newest first', async () => {
    const { code } = await reportProblem(t, { categoryId: t.ids.categories.fraud });
    await act(t, 'shouli', code, 'accept');
    const { id: _id, ...template } = await t.tdb.db
      .selectFrom('problems')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    // 1,004 more public items, one a minute before the first, and one from half a year ago.
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      ...template,
      code: `JZ-2026-9${String(i).padStart(5, '0')}`,
      short_code: null, // unique per report; copies of one row have none
      created_at:
        i === 1004
          ? '2026-05-01T00:00:00.000Z'
          : new Date(Date.parse(template.created_at) - (i + 1) * 60_000).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 200)
      await t.tdb.db
        .insertInto('problems')
        .values(rows.slice(i, i + 200))
        .execute();
    const list = await getBoth(t, 'requests', 'requests');
    expect(list).toHaveLength(1000);
    expect(list[0].service_request_id).toBe(code);
    expect(list[999].service_request_id).toBe('JZ-2026-900998');
    const old = await getBoth(t, 'requests', 'requests', {
      start_date: '2026-04-20T00:00:00Z',
      end_date: '2026-05-20T00:00:00Z',
    });
    expect(old.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(['JZ-2026-901004']);
  });
});
