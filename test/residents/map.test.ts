/**
 * The map: boundaries uploaded as GeoJSON, the area under a pin, "already reported nearby",
 * clusters with filters, and the content-security policy allowing the configured tile host only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { parseMapConfig } from '../../src/residents/map-config.js';
import { DEMO_BOUNDARIES, seedDemoMap } from '../../src/residents/demo-map.js';
import { residentsFeature } from '../../src/residents/residents.feature.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('the map (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      map: parseMapConfig({ QINGDAN_TILE_URL: 'http://127.0.0.1:8123/{z}/{x}/{y}.png', QINGDAN_TILE_CRS: 'gcj02' }),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores a boundary only from valid GeoJSON, for admins, and finds the deepest area under a pin', async () => {
    const url = `/api/v1/map/areas/${t.ids.areas['jz-ss']}/boundary`;
    const bad = await t.as('admin', { method: 'PUT', url, payload: { type: 'Point', coordinates: [112, 30] } });
    expect(bad.statusCode).toBe(400);
    expect((await t.as('shouli', { method: 'PUT', url, payload: DEMO_BOUNDARIES['jz-ss'] })).statusCode).toBe(403);
    expect(await t.tdb.db.selectFrom('area_boundaries').selectAll().execute()).toEqual([]);
    const ok = await t.as('admin', {
      method: 'PUT',
      url,
      payload: { type: 'Feature', properties: {}, geometry: DEMO_BOUNDARIES['jz-ss'] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const hp = t.ids.areas['jz-ss-zs-hp'];
    const small = {
      type: 'Polygon',
      coordinates: [
        [
          [112.25, 30.33],
          [112.27, 30.33],
          [112.27, 30.35],
          [112.25, 30.33],
        ],
      ],
    };
    await t.as('admin', { method: 'PUT', url: `/api/v1/map/areas/${hp}/boundary`, payload: small });
    const at = await t.as(null, { method: 'GET', url: '/api/v1/map/locate?lat=30.34&lng=112.265' });
    expect(at.json().area).toMatchObject({ id: hp, name: '和平社区' });
    const district = await t.as(null, { method: 'GET', url: '/api/v1/map/locate?lat=30.4&lng=112.35' });
    expect(district.json().area.name).toBe('沙市区');
    const outside = await t.as(null, { method: 'GET', url: '/api/v1/map/locate?lat=39.9&lng=116.4' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toBe('该位置不在本市任何区域内');
    expect((await t.as(null, { method: 'GET', url: '/api/v1/map/locate?lat=95&lng=112' })).statusCode).toBe(400);
    const areas = await t.as(null, { method: 'GET', url: '/api/v1/map/areas' });
    expect(areas.json().items).toHaveLength(2);
  });

  it('shows open public items nearby and clusters the public ones, never contact details', async () => {
    const a = await reportProblem(t, { lat: 30.34, lng: 112.26 });
    const b = await reportProblem(t, { lat: 30.3405, lng: 112.2605 });
    // Far from the others but inside 沙市区: a pin outside every boundary is refused (test/residents/pin.test.ts).
    const far = await reportProblem(t, { lat: 30.42, lng: 112.35 });
    const hidden = await reportProblem(t, { lat: 30.3401, lng: 112.2601 }); // never accepted: not public
    for (const { code } of [a, b, far]) await act(t, 'shouli', code, 'accept');
    const near = await t.as(null, { method: 'GET', url: '/api/v1/map/nearby?lat=30.34&lng=112.26&radius=300' });
    expect(near.json().items.map((i: { code: string }) => i.code)).toEqual([a.code, b.code]);
    expect(near.body).not.toContain(hidden.code);
    expect(near.body).not.toContain('王小明');
    const coarse = await t.as(null, { method: 'GET', url: '/api/v1/map/clusters?zoom=6' });
    expect(coarse.json().total).toBe(3);
    expect(
      coarse
        .json()
        .clusters.map((c: { count: number }) => c.count)
        .sort(),
    ).toEqual([3]);
    const fine = await t.as(null, { method: 'GET', url: '/api/v1/map/clusters?zoom=16' });
    expect(fine.json().clusters).toHaveLength(3);
    expect(fine.json().clusters.every((c: { code: string }) => c.code)).toBe(true);
    const boxed = await t.as(null, { method: 'GET', url: '/api/v1/map/clusters?zoom=16&bbox=112.2,30.3,112.28,30.36' });
    expect(boxed.json().total).toBe(2);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/map/clusters?bbox=1,2,3' })).statusCode).toBe(400);
    // Found by the fuzz run: a status outside the public ones answered 500 on PostgreSQL (`in ()`).
    const odd = await t.as(null, { method: 'GET', url: '/api/v1/map/clusters?status=%F0%9F%A0%95x' });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.code).toBe('validation_failed');
  });

  it('places demo items inside their districts and allows only the configured tile host', async () => {
    const code = (await reportProblem(t, { areaId: t.ids.areas['jz-jl'] })).code;
    await seedDemoMap(t.tdb.db, t.kernel.of(residentsFeature).map, t.ids.areas);
    const row = await t.tdb.db
      .selectFrom('problems')
      .select(['lat', 'lng'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const located = await t.as(null, { method: 'GET', url: `/api/v1/map/locate?lat=${row.lat}&lng=${row.lng}` });
    expect(located.json().area.name).toBe('江陵县');
    const page = await t.as(null, { method: 'GET', url: '/api/v1/map/config' });
    expect(page.json()).toMatchObject({ tileCrs: 'gcj02' });
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data: blob: http://127.0.0.1:8123;");
  });
});
