/**
 * A request posted through Open311 can be followed by its id at once, by anyone, as its notice says:
 * a minimal view while it awaits triage. An item reported on the web that awaits triage stays hidden,
 * and once triaged the ordinary public rule decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { createClientKey, formBody } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('Open311 read-back before triage (%s)', (dialect) => {
  let t: TestApp;
  let apiKey: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    apiKey = await createClientKey(t, 'readback client');
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({
        jurisdiction_id: 'jingzhou.gov.cn',
        api_key: apiKey,
        service_code: 'street-lights',
        address_string: '沙市区北京中路 88 号',
        description: '路灯整夜不亮',
        phone: '13700000001',
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json()[0].service_request_id as string;
  };
  const read = (id: string) => t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });

  it('shows a minimal view of its own posts at once, never a web report awaiting triage', async () => {
    const id = await post();
    const res = await read(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0]).toMatchObject({ service_request_id: id, status: 'open', description: null, address: null });
    expect(res.body).not.toMatch(/13700000001|北京中路|整夜/);
    const web = await reportProblem(t);
    expect((await read(web.code)).statusCode).toBe(404);
  });

  it('hands over to the public rule once triaged', async () => {
    const rejected = await post();
    expect((await act(t, 'shouli', rejected, 'reject', { reason: '不属于受理范围' })).statusCode).toBe(200);
    // Rejected items are not public: the minimal view ends with triage (the client still reads it with its key).
    expect((await read(rejected)).statusCode).toBe(404);
    const accepted = await post();
    await act(t, 'shouli', accepted, 'assign', { leadDepartmentId: t.ids.departments.urban });
    const full = await read(accepted);
    expect(full.statusCode).toBe(200);
    expect(full.json()[0]).toMatchObject({
      status: 'open',
      description: '路灯整夜不亮',
      address: '沙市区北京中路 88 号',
    });
  });
});
