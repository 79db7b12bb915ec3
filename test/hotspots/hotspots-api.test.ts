/**
 * Hot spots over HTTP on both databases: clusters found and ranked by size, growth and support;
 * "me too" once per account and per signed device, capped per address, refused on private
 * items; promotion to a systemic item and attachment to a campaign, audited; the public view
 * without private items or reporters' details.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { ITEM_CHAIN } from '../../src/audit/audit.repository.js';
import { verifyLinks } from '../../src/audit/chain.js';
import { CAMPAIGN_CHAIN } from '../../src/campaigns/campaign-audit.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('hot spots (%s)', (dialect) => {
  let t: TestApp;
  const lights: string[] = [];
  const rubbish: string[] = [];
  let hidden: string; // a private street-light report
  let unaccepted: string;
  const get = (who: string | null, url: string, cookie?: string) =>
    t.as(who, { method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (who: string | null, url: string, payload?: Record<string, unknown>) =>
    t.as(who, { method: 'POST', url, ...(payload !== undefined && { payload }) });
  const metoo = (code: string, cookie?: string, method: 'POST' | 'DELETE' = 'POST', who: string | null = null) =>
    t.as(who, { method, url: `/api/v1/hotspots/items/${code}/metoo`, headers: cookie ? { cookie } : {} });
  const deviceOf = (res: { cookies: { name: string; value: string }[] }) =>
    `qd_device=${res.cookies.find((c) => c.name === 'qd_device')?.value}`;

  async function accepted(body: Record<string, unknown>) {
    const { code } = await reportProblem(t, body);
    const res = await act(t, 'shouli', code, 'accept');
    if (res.statusCode !== 200) throw new Error(res.body);
    return code;
  }
  const light = (n: number) => ({
    title: `和平小区${n}号楼前路灯不亮`,
    description: `和平小区${n}号楼前的路灯坏了，晚上一片漆黑`,
  });
  const bin = (n: number) => ({
    title: '江北路垃圾没人清运',
    description: `江北路${n}号旁垃圾堆了一周没人清运，臭气熏天`,
    areaId: t.ids.areas['jz-jz'],
    categoryId: null,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
    // Two light reports and three rubbish reports in the window before this one: the lights grow.
    t.clock.set('2026-09-20T02:00:00Z');
    lights.push(await accepted(light(1)), await accepted(light(2)));
    for (let i = 1; i <= 3; i++) rubbish.push(await accepted(bin(i)));
    t.clock.set('2026-10-20T02:00:00Z');
    for (let i = 3; i <= 6; i++) lights.push(await accepted(light(i)));
    for (let i = 4; i <= 6; i++) rubbish.push(await accepted(bin(i)));
    hidden = (await reportProblem(t, { ...light(7), isPublic: false })).code;
    await act(t, 'shouli', hidden, 'accept');
    unaccepted = (await reportProblem(t, light(8))).code;
    await accepted({ title: '学校门口交通拥堵', description: '放学时段校门口车辆乱停', areaId: t.ids.areas['jz-jz'] });
    t.clock.set('2026-11-02T02:00:00Z');
  });
  beforeEach(() => t.kernel.rateLimiter.reset());
  afterAll(async () => {
    await t.close();
  });

  it('finds the clusters with their counts and ranks them by size, growth and support', async () => {
    expect((await get(null, '/api/v1/hotspots')).statusCode).toBe(401);
    expect((await get('chengguan', '/api/v1/hotspots')).statusCode).toBe(403);
    const res = await get('ducha', '/api/v1/hotspots?days=30');
    expect(res.statusCode, res.body).toBe(200);
    const [first, second, ...rest] = res.json().items;
    expect(rest).toEqual([]);
    // This window: lights 4 public + 1 private + 1 not yet accepted; previous: 2.
    expect(first).toMatchObject({ reports: 6, previous: 2, growth: 4, area: { name: expect.any(String) } });
    expect(first.codes).toEqual(expect.arrayContaining([...lights, hidden, unaccepted]));
    expect(second).toMatchObject({ title: '江北路垃圾没人清运', reports: 3, previous: 3, growth: 0 });
    const byGrowth = (await get('ducha', '/api/v1/hotspots?sort=growth')).json().items;
    expect(byGrowth[0].key).toBe(first.key);
    const wide = (await get('ducha', '/api/v1/hotspots?days=60')).json().items;
    expect(wide.find((c: { key: string }) => c.key === second.key).reports).toBe(6);
    expect((await get('ducha', '/api/v1/hotspots?days=0')).statusCode).toBe(400);
  });

  it('shows the public only public items, without reporters', async () => {
    const res = await get(null, '/api/v1/hotspots/public');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    const lit = items.find((c: { codes: string[] }) => c.codes.includes(lights[2]));
    expect(lit).toMatchObject({ reports: 4, previous: 2 });
    expect(lit.codes).not.toContain(hidden);
    expect(lit.codes).not.toContain(unaccepted);
    expect(res.body).not.toContain('王小明');
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('example.com');
  });

  it('counts "me too" once per account and per signed device, capped per address', async () => {
    const code = rubbish[4];
    const a = await metoo(code);
    expect(a.json()).toEqual({ code, count: 1, mine: true });
    const deviceA = deviceOf(a);
    expect((await metoo(code, deviceA)).json().count).toBe(1);
    expect((await metoo(code, 'qd_device=forged.mac')).json().count).toBe(2); // a forged id gets a new one
    expect((await metoo(code, undefined, 'POST', 'chengguan')).json().count).toBe(3);
    expect((await metoo(code, undefined, 'POST', 'chengguan')).json().count).toBe(3);
    expect((await metoo(code)).json().count).toBe(4); // a third device from this address
    const capped = await metoo(code);
    expect(capped.statusCode).toBe(429);
    expect((await get(null, `/api/v1/hotspots/items/${code}/metoo`, deviceA)).json()).toEqual({
      code,
      count: 4,
      mine: true,
    });
    expect((await metoo(code, deviceA, 'DELETE')).json()).toEqual({ code, count: 3, mine: false });
    for (const c of [hidden, unaccepted, 'QD-2026-999999']) expect((await metoo(c)).statusCode, c).toBe(404);
    const bySupport = (await get('ducha', '/api/v1/hotspots?sort=support')).json().items;
    expect(bySupport[0]).toMatchObject({ title: '江北路垃圾没人清运', support: 3 });
  });

  it('promotes a cluster to a systemic item with its items linked and audited', async () => {
    const cluster = (await get('ducha', '/api/v1/hotspots'))
      .json()
      .items.find((c: { codes: string[] }) => c.codes.includes(lights[0]));
    const body = { codes: cluster.codes, kind: 'monthly', title: '和平小区路灯集中整治' };
    expect((await post('chengguan', '/api/v1/hotspots/promote', body)).statusCode).toBe(403);
    expect((await post('ducha', '/api/v1/hotspots/promote', { ...body, codes: ['QD-2026-999999'] })).statusCode).toBe(
      400,
    );
    const res = await post('ducha', '/api/v1/hotspots/promote', body);
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    expect(res.json()).toMatchObject({ kind: 'monthly', linked: cluster.codes.length, children: cluster.codes.length });
    const item = (await get('ducha', `/api/v1/problems/${code}`)).json().problem;
    expect(item.title).toBe('【每月一题】和平小区路灯集中整治');
    const child = (await get('ducha', `/api/v1/problems/${lights[0]}`)).json().problem;
    expect(child.parentCode).toBe(code);
    const events = await t.tdb.db
      .selectFrom('events')
      .select('action')
      .where('action', 'in', ['hotspot_link', 'hotspot_promote'])
      .execute();
    expect(events.length).toBe(cluster.codes.length + 1);
    const again = (await get('ducha', '/api/v1/hotspots')).json().items;
    expect(again.find((c: { key: string }) => c.key === cluster.key).promotedTo).toBe(code);
  });

  it('attaches existing items to a campaign, audited on both chains', async () => {
    const opened = await post('ducha', '/api/v1/campaigns', {
      name: '江北路环境卫生专项整治',
      description: '江北路沿线垃圾清运专项整治',
      departmentId: t.ids.departments.urban,
      startDate: '2026-11-02',
      deadline: '2026-12-31',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id;
    const url = `/api/v1/hotspots/campaigns/${id}/items`;
    expect((await post('jiaoyu', url, { codes: rubbish })).statusCode).toBe(403);
    // The campaign's own unit, but an item it may not read (private, not its own).
    expect((await post('chengguan', url, { codes: [hidden] })).statusCode).toBe(404);
    expect((await post('ducha', '/api/v1/hotspots/campaigns/99999/items', { codes: rubbish })).statusCode).toBe(404);
    const res = await post('ducha', url, { codes: rubbish.slice(0, 4) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ campaignId: id, attached: rubbish.slice(0, 4), already: [] });
    const more = (await post('ducha', url, { codes: rubbish })).json();
    expect(more).toEqual({ campaignId: id, attached: rubbish.slice(4), already: rubbish.slice(0, 4) });
    const listed = (await get('ducha', `/api/v1/campaigns/${id}/items`))
      .json()
      .items.map((i: { code: string }) => i.code);
    expect(listed).toEqual(rubbish);
    const chain = await t.tdb.db
      .selectFrom('cmp_events')
      .select('payload')
      .where('action', '=', 'attach_items')
      .execute();
    expect(chain.map((e) => JSON.parse(e.payload).items)).toEqual([rubbish.slice(0, 4), rubbish.slice(4)]);
    const itemEvents = await t.tdb.db
      .selectFrom('events')
      .select('id')
      .where('action', '=', 'campaign_attach')
      .execute();
    expect(itemEvents.length).toBe(rubbish.length);
    for (const chain of [ITEM_CHAIN, CAMPAIGN_CHAIN]) expect((await verifyLinks(t.tdb.db, chain)).ok).toBe(true);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await get(null, '/api/openapi.json')).json();
    for (const p of ['/api/v1/hotspots', '/api/v1/hotspots/public', '/api/v1/hotspots/items/{code}/metoo'])
      expect(doc.paths[p], p).toBeDefined();
  });
});
