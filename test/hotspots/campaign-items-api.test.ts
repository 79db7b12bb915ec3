/**
 * The items attached to a campaign on both databases: listed oldest first and paged with the total,
 * each reader seeing the campaign and its items as elsewhere (the public: public items, nothing
 * about reporters; a unit: its own items and public ones, only its own campaigns); detached by those
 * who may attach, audited on the item's chain and the campaigns' chain like the attachment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { ITEM_CHAIN } from '../../src/audit/audit.repository.js';
import { verifyLinks } from '../../src/audit/chain.js';
import { CAMPAIGN_CHAIN } from '../../src/campaigns/campaign-audit.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('campaign items (%s)', (dialect) => {
  let t: TestApp;
  let own: string; // public, the campaign's unit's
  let other: string; // public, another unit's
  let hidden: string; // private, another unit's
  let id: number;
  let closed: number; // a campaign the public does not see
  const call = (who: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.as(who, { method, url, ...(payload && { payload }) });
  const codes = async (who: string | null, url: string) =>
    (await call(who, 'GET', url)).json().items.map((i: { code: string }) => i.code);

  async function assigned(dept: string, body: Record<string, unknown> = {}) {
    const { code } = await reportProblem(t, body);
    const res = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments[dept] });
    if (res.statusCode !== 200) throw new Error(res.body);
    return code;
  }
  async function campaign(isPublic: boolean) {
    const res = await call('ducha', 'POST', '/api/v1/campaigns', {
      name: isPublic ? '和平小区路灯专项整治' : '内部专项整治',
      description: '路灯集中整治',
      departmentId: t.ids.departments.urban,
      startDate: '2026-11-02',
      deadline: '2026-12-31',
      isPublic,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    own = await assigned('urban');
    other = await assigned('edu', { title: '学校门口路灯不亮' });
    hidden = await assigned('edu', { title: '学校后门路灯不亮', isPublic: false });
    id = await campaign(true);
    closed = await campaign(false);
    for (const c of [id, closed]) {
      const res = await call('ducha', 'POST', `/api/v1/hotspots/campaigns/${c}/items`, { codes: [own, other, hidden] });
      if (res.statusCode !== 200) throw new Error(res.body);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists them oldest first, paged with the total, with their department and deadline', async () => {
    const res = await call('ducha', 'GET', `/api/v1/campaigns/${id}/items`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ campaignId: id, total: 3, limit: 20, offset: 0 });
    const [first] = res.json().items;
    expect(first).toMatchObject({ code: own, status: 'assigned', departmentName: expect.any(String) });
    expect(first.deadline).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(await codes('ducha', `/api/v1/campaigns/${id}/items`)).toEqual([own, other, hidden]);
    const page = (await call('ducha', 'GET', `/api/v1/campaigns/${id}/items?limit=2&offset=1`)).json();
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.items.map((i: { code: string }) => i.code)).toEqual([other, hidden]);
    expect((await call('ducha', 'GET', `/api/v1/campaigns/${id}/items?limit=0`)).statusCode).toBe(400);
    expect((await call('ducha', 'GET', '/api/v1/campaigns/99999/items')).statusCode).toBe(404);
  });

  it('shows each reader what they may see of the campaign and its items', async () => {
    const pub = await call(null, 'GET', `/api/v1/campaigns/${id}/items`);
    expect(pub.json()).toMatchObject({ total: 2 });
    expect(await codes(null, `/api/v1/campaigns/${id}/items`)).toEqual([own, other]);
    for (const secret of ['王小明', '13812345678', 'example.com', '学校后门']) expect(pub.body).not.toContain(secret);
    expect((await call(null, 'GET', `/api/v1/campaigns/${closed}/items`)).statusCode).toBe(404);
    expect(await codes('chengguan', `/api/v1/campaigns/${closed}/items`)).toEqual([own, other]);
    // Another unit sees neither campaign, as the campaign list does not show it them.
    expect((await call('jiaoyu', 'GET', `/api/v1/campaigns/${id}/items`)).statusCode).toBe(404);
  });

  it('detaches an item, audited on both chains, and lets it be attached again', async () => {
    const url = (code: string, c = id) => `/api/v1/hotspots/campaigns/${c}/items/${code}`;
    expect((await call(null, 'DELETE', url(other))).statusCode).toBe(401);
    expect((await call('jiaoyu', 'DELETE', url(other))).statusCode).toBe(403);
    // Acceptance staff neither attach nor detach: refused at the edge, as the API document says.
    expect((await call('shouli', 'DELETE', url(other))).statusCode).toBe(403);
    expect(
      (await call('shouli', 'POST', `/api/v1/hotspots/campaigns/${id}/items`, { codes: [other] })).statusCode,
    ).toBe(403);
    const doc = (await call(null, 'GET', '/api/openapi.json')).json();
    for (const [path, method] of [
      ['/api/v1/hotspots/campaigns/{id}/items', 'post'],
      ['/api/v1/hotspots/campaigns/{id}/items/{code}', 'delete'],
    ])
      expect(doc.paths[path][method].description).toContain('Roles: admin, supervisor, department.');
    expect((await call('chengguan', 'DELETE', url(hidden))).statusCode).toBe(404); // not theirs to read
    expect((await call('ducha', 'DELETE', url(other, 99999))).statusCode).toBe(404);
    const res = await call('chengguan', 'DELETE', url(other));
    expect(res.statusCode, res.body).toBe(204);
    expect((await call('ducha', 'DELETE', url(other))).statusCode).toBe(404); // no longer attached
    expect(await codes('ducha', `/api/v1/campaigns/${id}/items`)).toEqual([own, hidden]);
    expect(await codes('ducha', `/api/v1/campaigns/${closed}/items`)).toEqual([own, other, hidden]);
    const chain = await t.tdb.db
      .selectFrom('cmp_events')
      .select(['payload', 'entity_id'])
      .where('action', '=', 'detach_items')
      .execute();
    expect(chain.map((e) => [e.entity_id, JSON.parse(e.payload).items])).toEqual([[id, [other]]]);
    const events = await t.tdb.db
      .selectFrom('events')
      .select('payload')
      .where('action', '=', 'campaign_detach')
      .execute();
    expect(events.map((e) => JSON.parse(e.payload).campaignId)).toEqual([id]);
    for (const c of [ITEM_CHAIN, CAMPAIGN_CHAIN]) expect((await verifyLinks(t.tdb.db, c)).ok).toBe(true);
    t.clock.advanceHours(1);
    const again = await call('ducha', 'POST', `/api/v1/hotspots/campaigns/${id}/items`, { codes: [other] });
    expect(again.json()).toMatchObject({ attached: [other], already: [] });
    expect(await codes('ducha', `/api/v1/campaigns/${id}/items`)).toEqual([own, hidden, other]);
  });
});
