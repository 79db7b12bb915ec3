import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { Open311Error, text, toOpen311Error } from './errors.js';
import {
  presentDiscovery,
  presentErrors,
  presentPostResponse,
  presentRequest,
  presentService,
  presentServiceDefinition,
  presentTokenLookup,
  presentUpdates,
  UNCATEGORISED,
} from './presenters.js';
import type { Open311EventInput, Open311ProblemInput } from './types.js';

const OPTS = { timeZone: 'Asia/Shanghai' };

const PROBLEM: Open311ProblemInput = {
  code: 'JZ-2026-000001',
  status: 'assigned',
  category: { code: 'road', name: '道路破损', nameEn: 'Damaged road' },
  description: '北京路人行道塌陷',
  latestPublicNote: '已交办市政局',
  leadDepartment: { name: '市政局', nameEn: 'Municipal Works' },
  deadline: '2026-12-10',
  createdAt: '2026-11-29T01:00:00.000Z',
  updatedAt: '2026-11-29T02:00:00.000Z',
  address: null,
  area: { code: '421002', name: '沙市区', nameEn: 'Shashi' },
  lat: 30.3,
  lng: 112.2,
  mediaUrl: null,
};

describe('presentService', () => {
  it('maps a category, its parent as group and its keywords', () => {
    expect(
      presentService({
        code: 'bikes',
        name: '共享单车乱停',
        nameEn: 'Shared bikes',
        parent: { name: '市容', nameEn: 'Cityscape' },
        keywords: '单车，停放、 乱停;bike parking\n单车',
        hasQuestions: true,
      }),
    ).toEqual({
      service_code: 'bikes',
      service_name: '共享单车乱停',
      description: null,
      metadata: true,
      type: 'realtime',
      keywords: '单车,停放,乱停,bike parking',
      group: '市容',
    });
  });
  it('speaks English when asked and has no group or keywords at the top', () => {
    const s = presentService(
      { code: 'water', name: '供水', nameEn: 'Water', keywords: ['', ' '], hasQuestions: false },
      'en',
    );
    expect(s).toMatchObject({ service_name: 'Water', group: null, keywords: null, metadata: false });
  });
});

describe('presentServiceDefinition', () => {
  it('sorts by order, numbers 1..n, and gives values to list types only', () => {
    const def = presentServiceDefinition('road', [
      { code: 'B', datatype: 'string', required: false },
      { code: 'A', datatype: 'singlevaluelist', required: true, order: 5, values: [{ key: '1', name: '一' }] },
      { code: 'I', datatype: 'text', required: false, variable: false, order: 1, description: '请注意安全' },
    ]);
    expect(def.attributes.map((a) => [a.code, a.order, a.variable, 'values' in a])).toEqual([
      ['I', 1, false, false],
      ['A', 2, true, true],
      ['B', 3, true, false],
    ]);
  });
});

describe('presentRequest', () => {
  it('maps the public view with offsets in the city zone', () => {
    expect(presentRequest(PROBLEM, { ...OPTS, serviceNotice: '我们将在5个工作日内处理' })).toEqual({
      service_request_id: 'JZ-2026-000001',
      status: 'open',
      status_notes: '已交办市政局',
      service_name: '道路破损',
      service_code: 'road',
      description: '北京路人行道塌陷',
      agency_responsible: '市政局',
      service_notice: '我们将在5个工作日内处理',
      requested_datetime: '2026-11-29T09:00:00+08:00',
      updated_datetime: '2026-11-29T10:00:00+08:00',
      expected_datetime: '2026-12-10T23:59:59+08:00',
      address: '沙市区',
      address_id: '421002',
      zipcode: null,
      lat: 30.3,
      long: 112.2,
      media_url: null,
    });
  });

  it('handles an uncategorised, unlocated, closed item in English', () => {
    const r = presentRequest(
      {
        ...PROBLEM,
        status: 'closed',
        category: null,
        area: null,
        lat: null,
        lng: 112,
        deadline: null,
        leadDepartment: null,
      },
      { ...OPTS, lang: 'en' },
    );
    expect(r).toMatchObject({
      status: 'closed',
      service_code: UNCATEGORISED.code,
      service_name: 'Uncategorised',
      address: null,
      address_id: null,
      lat: null,
      long: null,
      expected_datetime: null,
      agency_responsible: null,
    });
  });

  it('clips long descriptions to 4000 characters without splitting a surrogate pair', () => {
    const r = presentRequest({ ...PROBLEM, description: '😀'.repeat(5000) }, OPTS);
    expect([...r.description!]).toHaveLength(4000);
    expect(r.description!.endsWith('😀…')).toBe(true);
  });

  it('never publishes what is not in the view', () => {
    const leaky = {
      ...PROBLEM,
      reporterName: '张三',
      reporterPhone: '13800000000',
      trackingToken: 'secret',
    } as Open311ProblemInput;
    const json = JSON.stringify(presentRequest(leaky, OPTS));
    for (const s of ['张三', '13800000000', 'secret', 'reporter']) expect(json).not.toContain(s);
  });
});

describe('presentUpdates', () => {
  const event = (over: Partial<Open311EventInput>): Open311EventInput => ({
    id: 1,
    problemCode: 'JZ-2026-000001',
    action: 'sign',
    fromState: 'assigned',
    toState: 'in_progress',
    createdAt: '2026-11-30T00:00:00Z',
    isPublic: true,
    ...over,
  });

  it('keeps public events only and maps their status', () => {
    expect(
      presentUpdates(
        [
          event({ id: 1, text: '已签收' }),
          event({ id: 2, action: 'return', toState: 'accepted', isPublic: false, text: '非本单位职责' }),
          event({
            id: 3,
            action: 'reopen',
            fromState: 'closed',
            toState: 'in_progress',
            mediaUrl: 'https://x.cn/1.jpg',
          }),
        ],
        OPTS,
      ),
    ).toEqual([
      {
        update_id: '1',
        service_request_id: 'JZ-2026-000001',
        status: 'IN_PROGRESS',
        updated_datetime: '2026-11-30T08:00:00+08:00',
        description: '已签收',
        media_url: '',
        external_status_code: 'in_progress',
      },
      {
        update_id: '3',
        service_request_id: 'JZ-2026-000001',
        status: 'REOPEN',
        updated_datetime: '2026-11-30T08:00:00+08:00',
        description: '',
        media_url: 'https://x.cn/1.jpg',
        external_status_code: 'in_progress',
      },
    ]);
  });
});

describe('small documents', () => {
  it('answers a POST with the id, no token', () => {
    expect(presentPostResponse('JZ-2026-000002', { serviceNotice: '已收到' })).toEqual([
      { service_request_id: 'JZ-2026-000002', token: null, service_notice: '已收到', account_id: null },
    ]);
    expect(presentTokenLookup('t1', null)).toEqual([{ service_request_id: null, token: 't1' }]);
  });

  it('lists discovery endpoints with the spec URL and both formats', () => {
    const d = presentDiscovery({
      changeset: '2026-11-29T00:00:00+08:00',
      contact: '12345 热线',
      keyService: '请联系管理员申请 api_key',
      endpoints: [
        { url: 'https://qingdan.example.cn/open311/v2', changeset: '2026-11-29T00:00:00+08:00', type: 'production' },
      ],
    });
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
  });

  it('renders errors in the chosen language and maps core errors', () => {
    const err = new Open311Error(404, text('未找到', 'not found'));
    expect(presentErrors(err)).toEqual([{ code: 404, description: '未找到' }]);
    expect(presentErrors(err, 'en')).toEqual([{ code: 404, description: 'not found' }]);
    expect(toOpen311Error(new AppError('unauthenticated', 'bad key')).status).toBe(403);
    expect(toOpen311Error(new AppError('not_found', 'gone')).status).toBe(404);
    expect(toOpen311Error(new AppError('invalid_transition', 'no')).status).toBe(400);
    const internal = toOpen311Error(new Error('db password is hunter2'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.items('en'))).not.toContain('hunter2');
  });
});
