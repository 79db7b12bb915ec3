/**
 * A 311 client's whole conversation over real HTTP (a listening server and fetch, form-encoded
 * bodies, XML first): discovery → services → definition → POST with attributes → read back by
 * id and by token → the item lives in Qingdan's own list and lifecycle → closed in Qingdan, it
 * reads `closed` with its note, and the close shows on the FixMyStreet updates feed.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { xmlToData } from './xml-data.js';
import { expectValid, XML_TYPE } from './contract.js';
import { createClientKey, formBody, LIGHT_ANSWERS, setDemoQuestions } from './helpers.js';

const DIALECTS = await dialects();
type Row = Record<string, unknown>;

describe.each(DIALECTS)('a 311 client over HTTP (%s)', (dialect) => {
  let t: TestApp;
  let origin: string;
  let apiKey: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    apiKey = await createClientKey(t, 'FixMyStreet 荆州');
    await setDemoQuestions(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  const getXml = async (url: string) => {
    const res = await fetch(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get('content-type')).toBe(XML_TYPE);
    return xmlToData(await res.text());
  };

  it('reports a damaged road and follows it to closed', async () => {
    const discovery = await getXml(`${origin}/open311/v2/discovery.xml`);
    const endpoint = ((discovery.data as Row).endpoints as Row[])[0];
    expect(endpoint.formats).toEqual(['text/xml', 'application/json']);
    // Discovery names the configured public address; this test server listens elsewhere.
    expect(endpoint.url).toBe(`${t.config.publicUrl}/open311/v2`);
    const api = `${origin}/open311/v2`;

    const services = (await getXml(`${api}/services.xml?jurisdiction_id=jingzhou.gov.cn`)).data as Row[];
    const roads = services.find((s) => s.service_code === 'roads')!;
    expect(roads).toMatchObject({ service_name: '道路破损', metadata: 'true', group: '城市管理' });

    const definition = (await getXml(`${api}/services/roads.xml?jurisdiction_id=jingzhou.gov.cn`)).data as Row;
    const attributes = definition.attributes as Row[];
    expect(attributes.map((a) => a.code)).toEqual(['severity', 'area_m2', 'hazards']);
    const severity = (attributes[0].values as Row[]).find((v) => v.name === '坑洼')!.key as string;

    const body = formBody({
      jurisdiction_id: 'jingzhou.gov.cn',
      api_key: apiKey,
      service_code: 'roads',
      address_string: '荆州区江津西路与北京西路交叉口',
      description: '路口有一个大坑，电动车经过很危险',
      'attribute[severity]': severity,
      'attribute[area_m2]': '2.5',
      'attribute[hazards][]': ['manhole', 'water'],
      first_name: '小红',
      last_name: '刘',
      phone: '13700000000',
      email: 'liu@example.com',
      device_id: 'device-7',
      account_id: 'fms-99',
      media_url: 'https://fixmystreet.example/photo/1.jpg',
    });
    const posted = await fetch(`${api}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(posted.status).toBe(200);
    const receipt = await posted.json();
    expectValid('post_response', receipt);
    const id = receipt[0].service_request_id as string;
    expect(receipt[0]).toMatchObject({ token: expect.stringMatching(/^o311_[0-9a-f]{24}$/), account_id: 'fms-99' });

    // Before triage anyone may follow it by its id, as its notice says, but reads only a minimal view:
    // status, service and times — no description, address, position, photo or contact.
    const notice = receipt[0].service_notice as string;
    expect(notice).toMatch(/service_request_id/);
    for (const url of [`${api}/requests/${id}.json`, `${api}/requests.json?service_request_id=${id}`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      const view = (await res.json()) as Row[];
      expectValid('requests', view);
      expect(view).toHaveLength(1);
      expect(view[0]).toMatchObject({
        service_request_id: id,
        status: 'open',
        service_code: 'roads',
        service_name: '道路破损',
        service_notice: '已收到，待受理中心审核。',
        description: null,
        address: null,
        address_id: null,
        lat: null,
        long: null,
        media_url: null,
        agency_responsible: null,
      });
      expect(view[0].requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(JSON.stringify(view)).not.toMatch(/小红|13700000000|liu@example\.com|大坑|江津西路|fixmystreet/);
    }
    const publicXml = (await getXml(`${api}/requests/${id}.xml`)).data as Row[];
    expect(publicXml[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'roads' });
    // The submitting client, with its key, reads everything it sent.
    const mine = (await getXml(`${api}/requests/${id}.xml?api_key=${encodeURIComponent(apiKey)}`)).data as Row[];
    expect(mine[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'roads',
      address: '荆州区江津西路与北京西路交叉口',
      media_url: 'https://fixmystreet.example/photo/1.jpg',
    });
    expect(JSON.stringify(mine)).not.toMatch(/小红|13700000000|liu@example\.com|device-7/);

    // The receipt's token finds the request id, as a client polling for a queued request would.
    const lookup = (await getXml(`${api}/tokens/${receipt[0].token}.xml`)).data as Row[];
    expect(lookup).toEqual([{ service_request_id: id, token: receipt[0].token }]);
    const lookupJson = await (await fetch(`${api}/tokens/${receipt[0].token}.json`)).json();
    expect(lookupJson).toEqual([{ service_request_id: id, token: receipt[0].token }]);

    // A reporter holding a Qingdan receipt (the web form's tracking token) finds that item the same way.
    const web = await reportProblem(t, LIGHT_ANSWERS);
    const byToken = (await getXml(`${api}/tokens/${web.token}.xml`)).data as Row[];
    expect(byToken).toEqual([{ service_request_id: web.code, token: web.token }]);

    // Qingdan's own list and item: source Open311, the reporter for staff, the answers in words.
    const list = await t.as('shouli', { method: 'GET', url: '/api/v1/problems?status=submitted&limit=100' });
    const listed = list.json().items.find((p: Row) => p.code === id);
    expect(listed).toMatchObject({ source: { code: 'open311' }, status: 'submitted', category: { name: '道路破损' } });
    const item = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${id}` })).json();
    expect(item.problem.reporter).toEqual({ name: '刘小红', phone: '13700000000', email: 'liu@example.com' });
    expect(item.problem.answers).toEqual([
      { code: 'severity', label: '破损程度', value: 'pothole', display: '坑洼' },
      { code: 'area_m2', label: '破损面积（平方米）', value: 2.5, display: '2.5' },
      { code: 'hazards', label: '伴随隐患', value: ['manhole', 'water'], display: '井盖缺失或松动、积水' },
    ]);
    expect(item.allowedActions).toContain('assign');

    expect((await act(t, 'shouli', id, 'assign', { leadDepartmentId: t.ids.departments.urban })).statusCode).toBe(200);
    await act(t, 'chengguan', id, 'sign');
    t.clock.advanceHours(3);
    await act(t, 'chengguan', id, 'rectify', { evidence: '已修补路面 3 平方米，更换井盖' });
    t.clock.advanceHours(1);
    const closed = await act(t, 'shouli', id, 'close', { note: '已修复并回访，群众满意' });
    expect(closed.json().problem.status).toBe('closed');

    const [now] = (await (await fetch(`${api}/requests/${id}.json`)).json()) as Row[];
    expect(now).toMatchObject({
      status: 'closed',
      status_notes: '已修复并回访，群众满意',
      agency_responsible: '市城市管理执法委员会',
    });
    const updates = (
      await getXml(
        `${api}/servicerequestupdates.xml?start_date=2026-11-02T00:00:00%2B08:00&end_date=2026-11-03T00:00:00%2B08:00`,
      )
    ).data as Row[];
    const ours = updates.filter((u) => u.service_request_id === id);
    expect(ours.map((u) => u.status)).toEqual(['ACTION_SCHEDULED', 'IN_PROGRESS', 'FIXED', 'FIXED']);
    expect(ours.at(-1)).toMatchObject({
      description: '已修复并回访，群众满意',
      updated_datetime: '2026-11-02T14:00:00+08:00',
      external_status_code: 'closed',
    });
  });
});
