/**
 * Every Open311 endpoint in XML and JSON against the contract (schemas, XML twins), with the
 * documented query parameters, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { BASE, createClientKey, getBoth, LIGHT_ANSWERS, post, setDemoQuestions, STREET_LIGHT } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('Open311 GeoReport v2 endpoints (%s)', (dialect) => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    key = await createClientKey(t);
    await setDemoQuestions(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('discovery names the v2 endpoint and both formats', async () => {
    const d = await getBoth(t, 'discovery', 'discovery');
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect(d.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const root = await t.app.inject({ method: 'GET', url: '/open311/discovery.json' });
    expect(root.json()).toEqual(d);
    expect(root.headers['access-control-allow-origin']).toBe('*');
    expect(root.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lists leaf categories as services, with group and metadata, never the routing keywords', async () => {
    const services = await getBoth(t, 'services', 'services');
    const codes = services.map((s: { service_code: string }) => s.service_code);
    expect(codes).toContain('street-lights');
    expect(codes).not.toContain('urban-mgmt'); // a parent category is a group, not a service
    expect(services.find((s: { service_code: string }) => s.service_code === 'street-lights')).toEqual({
      service_code: 'street-lights',
      service_name: '路灯不亮',
      description: null,
      metadata: true,
      type: 'realtime',
      keywords: null,
      group: '城市管理',
    });
    expect(services.find((s: { service_code: string }) => s.service_code === 'fraud').metadata).toBe(false);
    const en = await getBoth(t, 'services', 'services', { lang: 'en' });
    expect(en.find((s: { service_code: string }) => s.service_code === 'roads')).toMatchObject({
      service_name: 'Damaged roads',
      group: 'Urban management',
    });
  });

  it('defines a service by its questions, every datatype with order, required, description and values', async () => {
    const def = await getBoth(t, 'services/roads', 'service_definition');
    expect(def.service_code).toBe('roads');
    expect(
      def.attributes.map((a: { code: string; datatype: string; order: number; required: boolean }) => [
        a.code,
        a.datatype,
        a.order,
        a.required,
      ]),
    ).toEqual([
      ['severity', 'singlevaluelist', 1, true],
      ['area_m2', 'number', 2, false],
      ['hazards', 'multivaluelist', 3, false],
    ]);
    expect(def.attributes[0]).toMatchObject({
      variable: true,
      description: '破损程度',
      values: [
        { key: 'crack', name: '轻微裂缝' },
        { key: 'pothole', name: '坑洼' },
        { key: 'collapse', name: '塌陷（危险）' },
      ],
    });
    expect(def.attributes[1].values).toBeUndefined();
    const noise = await getBoth(t, 'services/noise', 'service_definition');
    expect(noise.attributes.map((a: { datatype: string }) => a.datatype)).toEqual([
      'datetime',
      'singlevaluelist',
      'text',
    ]);
    const lights = await getBoth(t, 'services/street-lights', 'service_definition');
    expect(lights.attributes[0]).toMatchObject({
      code: 'pole_number',
      datatype: 'string',
      datatype_description: '灯杆上喷涂的编号，如 SS-0123',
    });
    expect((await getBoth(t, 'services/fraud', 'service_definition')).attributes).toEqual([]);
  });

  it('creates a request from a form post and answers the id with a service notice, in XML too', async () => {
    for (const format of ['json', 'xml']) {
      const res = await post(t, { ...STREET_LIGHT, api_key: key, account_id: 'acct-42' }, format);
      expect(res.statusCode, res.body).toBe(200);
      if (format === 'json') {
        const [item] = res.json();
        expect(item).toMatchObject({ token: expect.stringMatching(/^o311_/), account_id: 'acct-42' });
        expect(item.service_request_id).toMatch(/^JZ-2026-\d{6}$/);
        expect(item.service_notice).toContain('service_request_id');
      } else {
        expect(res.body).toMatch(
          new RegExp(
            '^<\\?xml version="1.0" encoding="utf-8"\\?>\\n<service_requests><request>' +
              '<service_request_id>JZ-2026-\\d{6}</service_request_id><token>o311_[0-9a-f]{24}</token>',
          ),
        );
      }
    }
  });

  it('treats empty form fields as absent', async () => {
    const res = await post(t, {
      ...STREET_LIGHT,
      api_key: key,
      address_string: '',
      address_id: '',
      email: '',
      media_url: '',
      'attribute[fault]': ['', 'street'],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('filters requests by id list, service code list, status list and date range, newest first', async () => {
    const a = (await reportProblem(t, LIGHT_ANSWERS)).code; // street-lights, via the native form
    const b = (
      await reportProblem(t, {
        categoryId: t.ids.categories.roads,
        title: '路面坑洼',
        answers: { severity: 'pothole' },
      })
    ).code;
    const c = (await reportProblem(t, { categoryId: t.ids.categories.fraud, title: '诈骗电话' })).code;
    for (const code of [a, b, c]) await act(t, 'shouli', code, 'accept');
    await act(t, 'shouli', c, 'reject', { reason: '请向公安机关报案' });
    const ids = (rows: Array<{ service_request_id: string }>) => rows.map((r) => r.service_request_id);

    expect(ids(await getBoth(t, 'requests', 'requests', { service_request_id: `${b},${a}` }))).toEqual([b, a]);
    expect(ids(await getBoth(t, 'requests', 'requests', { service_code: 'roads' }))).toEqual([b]);
    expect(ids(await getBoth(t, 'requests', 'requests', { service_code: ['roads', 'street-lights'] }))).toEqual([b, a]);
    // A parent category's code selects its leaves; empty parameters are absent.
    expect(
      ids(await getBoth(t, 'requests', 'requests', { service_code: 'urban-mgmt', status: '', start_date: '' })),
    ).toEqual([b, a]);
    const open = await getBoth(t, 'requests', 'requests', { status: 'open' });
    expect(ids(open)).toEqual([b, a]); // rejected items are not public; submitted ones not yet
    expect(ids(await getBoth(t, 'requests', 'requests', { status: 'open,closed' }))).toEqual([b, a]);
    expect(await getBoth(t, 'requests', 'requests', { status: 'closed' })).toEqual([]);
    expect(
      ids(
        await getBoth(t, 'requests', 'requests', {
          start_date: '2026-11-01T00:00:00+08:00',
          end_date: '2026-11-30T00:00:00+08:00',
        }),
      ),
    ).toEqual([b, a]);
    expect(await getBoth(t, 'requests', 'requests', { end_date: '2026-10-01T00:00:00Z' })).toEqual([]);
  });

  it('shows a request with the spec fields, in the city time zone, and never the reporter', async () => {
    const { code } = await reportProblem(t, {
      ...LIGHT_ANSWERS,
      address: '北京路 1 号',
      reporter: { name: '李四', phone: '13900000000', email: 'li@example.com' },
    });
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban, deadline: '2026-11-06' });
    const [r] = await getBoth(t, `requests/${code}`, 'requests');
    expect(r).toEqual({
      service_request_id: code,
      status: 'open',
      status_notes: '已交办市城市管理执法委员会，限 2026-11-06 前办结。',
      service_name: '路灯不亮',
      service_code: 'street-lights',
      description: '和平社区三号楼前的路灯坏了两周',
      agency_responsible: '市城市管理执法委员会',
      service_notice: '已交办，待承办单位签收。',
      requested_datetime: '2026-11-02T10:00:00+08:00',
      updated_datetime: '2026-11-02T10:00:00+08:00',
      expected_datetime: '2026-11-06T23:59:59+08:00',
      address: '北京路 1 号',
      address_id: 'jz-ss',
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });
    const both = JSON.stringify(await getBoth(t, 'requests', 'requests'));
    for (const secret of ['李四', '13900000000', 'li@example.com', 'wang@example.com', '13812345678'])
      expect(both).not.toContain(secret);
  });

  it('lets a client read back all it submitted before triage, and others only the minimal view', async () => {
    const [created] = (await post(t, { ...STREET_LIGHT, api_key: key })).json();
    const id = created.service_request_id;
    const anonymous = await t.app.inject({ method: 'GET', url: `${BASE}/requests/${id}.json` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()[0]).toMatchObject({ service_request_id: id, status: 'open', lat: null, long: null });
    const [mine] = await getBoth(t, `requests/${id}`, 'requests', { api_key: key });
    expect(mine).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'street-lights',
      lat: 30.3269,
      long: 112.2397,
    });
    const other = await createClientKey(t, 'another app');
    const theirs = await t.app.inject({ method: 'GET', url: `${BASE}/requests/${id}.json?api_key=${other}` });
    expect(theirs.json()[0]).toMatchObject({ service_request_id: id, description: null, lat: null, long: null });
  });

  it('finds an item by its tracking token', async () => {
    const { code, token } = await reportProblem(t, LIGHT_ANSWERS);
    expect(await getBoth(t, `tokens/${token}`, 'token')).toEqual([{ service_request_id: code, token }]);
    expect((await t.app.inject({ method: 'GET', url: `${BASE}/tokens/t_unknown.xml` })).statusCode).toBe(404);
  });

  it('feeds FixMyStreet updates with extended statuses in a date window', async () => {
    const { code, token } = await reportProblem(t, LIGHT_ANSWERS);
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    await act(t, 'chengguan', code, 'note', { text: '内部：联系供电公司' });
    t.clock.advanceHours(5);
    await act(t, 'chengguan', code, 'rectify', { evidence: '已更换灯泡' });
    await act(
      t,
      null,
      code,
      'verify',
      { result: 'unsatisfied', comment: '晚上还是不亮' },
      { 'x-tracking-token': token },
    );
    const updates = (
      await getBoth(t, 'servicerequestupdates', 'updates', {
        start_date: '2026-11-02T00:00:00Z',
        end_date: '2026-11-03T00:00:00Z',
      })
    ).filter((u: { service_request_id: string }) => u.service_request_id === code);
    expect(updates.map((u: { status: string; description: string }) => [u.status, u.description])).toEqual([
      ['ACTION_SCHEDULED', '已交办市城市管理执法委员会，限 2026-11-03 前办结。'],
      ['IN_PROGRESS', '承办单位已签收。'],
      ['FIXED', '已更换灯泡'],
      ['REOPEN', '核实结果：不满意，退回重新整改。晚上还是不亮'],
    ]);
    expect(updates[2].updated_datetime).toBe('2026-11-02T15:00:00+08:00');
    const later = await getBoth(t, 'servicerequestupdates', 'updates', {
      start_date: '2026-11-02T06:00:00Z',
      end_date: '2026-11-03T00:00:00Z',
    });
    expect(later.filter((u: { service_request_id: string }) => u.service_request_id === code)).toHaveLength(2);
    t.clock.set('2026-11-02T02:00:00Z');
  });
});
