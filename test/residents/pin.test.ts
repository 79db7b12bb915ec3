/**
 * The pin on a report: checked against the area boundaries inside the creating transaction (outside
 * every area or half a coordinate pair → 400, nothing stored; no area given → the one under the
 * pin), "already reported nearby" of the same category, and following one of those instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';
import { DEMO_BOUNDARIES } from '../../src/residents/demo-map.js';
import { residentsFeature } from '../../src/residents/residents.feature.js';
import { startSmsGateway } from './sms-gateway.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('the pin on a report (%s)', (dialect) => {
  let t: TestApp;
  let gw: Awaited<ReturnType<typeof startSmsGateway>>;
  const count = async () =>
    Number(
      (
        await t.tdb.db
          .selectFrom('problems')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  const post = (payload: Record<string, unknown>) =>
    t.as(null, {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '井盖破损', description: '路口井盖破损，夜间危险', ...payload },
    });

  beforeAll(async () => {
    gw = await startSmsGateway();
    t = await createTestApp(dialect, {
      supervision: { ...parseSupervisionConfig({}), webhook: { url: gw.url, secret: 'x'.repeat(32) } },
    });
  });
  afterAll(async () => {
    await t.close();
    await gw.close();
  });

  it('accepts any pin while the city has no boundaries, then refuses one outside every area', async () => {
    expect((await post({ lat: 39.9, lng: 116.4 })).statusCode).toBe(201);
    const map = t.kernel.of(residentsFeature).map;
    for (const code of ['jz-ss', 'jz-jl']) await map.setBoundary(t.ids.areas[code], DEMO_BOUNDARIES[code]);
    const before = await count();
    const outside = await post({ lat: 39.9, lng: 116.4, areaId: t.ids.areas['jz-ss'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'validation_failed', details: { field: 'lat' } });
    expect(outside.json().error.message).toContain('不在本市任何区域内');
    const half = await post({ lat: 30.36 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details.field).toBe('lng');
    expect((await post({ lat: 95, lng: 112.3 })).statusCode).toBe(400);
    expect((await post({ lat: 30.36, lng: 'east' })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('files a pinned report without an area under the area that holds the pin', async () => {
    const res = await post({ lat: 30.36, lng: 112.3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().problem.area).toMatchObject({ id: t.ids.areas['jz-ss'] });
    const given = await post({ lat: 30.36, lng: 112.3, areaId: t.ids.areas['jz-ss-zs'] });
    expect(given.json().problem.area.id).toBe(t.ids.areas['jz-ss-zs']);
  });

  it('shows open public items of the same category nearby, and lets a resident follow one instead', async () => {
    const lights = t.ids.categories['street-lights'];
    const water = t.ids.categories['water-supply'];
    const near = await reportProblem(t, { lat: 30.3601, lng: 112.3001, categoryId: lights });
    const other = await reportProblem(t, { lat: 30.3602, lng: 112.3002, categoryId: water });
    const far = await reportProblem(t, { lat: 30.37, lng: 112.3, categoryId: lights });
    const unaccepted = await reportProblem(t, { lat: 30.36, lng: 112.3, categoryId: lights });
    for (const { code } of [near, other, far]) await act(t, 'shouli', code, 'accept');
    const url = `/api/v1/map/nearby?lat=30.36&lng=112.3&radius=300&categoryId=${lights}`;
    const res = await t.as(null, { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.json().radius).toBe(300);
    expect(res.json().items).toEqual([
      {
        code: near.code,
        title: '小区路灯不亮',
        status: 'accepted',
        categoryId: lights,
        lat: 30.3601,
        lng: 112.3001,
        metres: 15,
      },
    ]);
    expect(res.body).not.toContain(unaccepted.code);
    expect(res.body).not.toContain('13812345678');
    const any = await t.as(null, { method: 'GET', url: '/api/v1/map/nearby?lat=30.36&lng=112.3' });
    expect(any.json().items.map((i: { code: string }) => i.code)).toEqual([near.code, other.code]);
    for (const bad of ['lat=91&lng=112', 'lat=30&lng=112&radius=5', 'lat=30&lng=112&categoryId=0', 'lat=x&lng=1'])
      expect((await t.as(null, { method: 'GET', url: `/api/v1/map/nearby?${bad}` })).statusCode).toBe(400);

    // Following needs a resident: anonymous is told to sign in, a signed-in resident follows.
    const follow = { method: 'POST' as const, url: '/api/v1/residents/subscriptions' };
    const payload = { problemCode: near.code, mode: 'immediate' };
    expect((await t.as(null, { ...follow, payload })).statusCode).toBe(401);
    const phone = '13700000001';
    await t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone } });
    const s = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/session',
      payload: { phone, code: gw.lastCode(phone) },
    });
    const cookie = `qd_session=${s.cookies.find((c) => c.name === 'qd_session')!.value}`;
    const followed = await t.app.inject({ ...follow, headers: { cookie }, payload });
    expect(followed.statusCode, followed.body).toBe(201);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/residents/subscriptions', headers: { cookie } });
    expect(JSON.stringify(mine.json())).toContain(near.code);
  });

  it('names what is wrong in an uploaded boundary', async () => {
    const url = `/api/v1/map/areas/${t.ids.areas['jz-kfq']}/boundary`;
    const put = (payload: object) => t.as('admin', { method: 'PUT', url, payload });
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [112.2, 30.15],
          [112.42, 30.14],
          [112.42, 30.28],
          [112.2, 30.3],
        ],
      ],
    };
    expect((await put(open)).json().error.message).toContain('第 1 个环未闭合');
    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [112.2, 30.15],
          [112.42, 95],
          [112.42, 30.28],
          [112.2, 30.15],
        ],
      ],
    };
    expect((await put(far)).json().error.message).toContain('第 1 个环的第 2 个点不是 WGS-84 范围内的 [经度, 纬度]');
    expect((await put({ type: 'LineString', coordinates: [] })).json().error.message).toContain('"LineString"');
    expect((await put(DEMO_BOUNDARIES['jz-kfq'])).statusCode).toBe(200);
  });
});
