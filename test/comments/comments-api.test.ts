/**
 * Comments, thanks and likes over HTTP on both databases: who may post, read, like and moderate,
 * what the public never receives (hidden text, contact details), validation and rate limits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('comments (%s)', (dialect) => {
  let t: TestApp;
  let open: string; // public, in progress
  let done: string; // public, rectified
  const post = (
    code: string,
    payload: Record<string, unknown>,
    who: string | null = null,
    headers: Record<string, string> = {},
  ) => t.as(who, { method: 'POST', url: `/api/v1/problems/${code}/comments`, payload, headers });
  const list = (code: string, query = '', who: string | null = null, headers: Record<string, string> = {}) =>
    t.as(who, { method: 'GET', url: `/api/v1/problems/${code}/comments${query}`, headers });
  const like = (id: number, cookie?: string, method: 'POST' | 'DELETE' = 'POST') =>
    t.as(null, { method, url: `/api/v1/comments/${id}/like`, headers: cookie ? { cookie } : {} });
  /** The signed device cookie the server issued with a like, as a Cookie header. */
  const deviceOf = (res: { cookies: { name: string; value: string }[] }) =>
    `qd_device=${res.cookies.find((c) => c.name === 'qd_device')?.value}`;

  async function assigned(body: Record<string, unknown> = {}) {
    const { code, token } = await reportProblem(t, body);
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    return { code, token };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    open = (await assigned()).code;
    done = (await assigned()).code;
    await act(t, 'chengguan', done, 'rectify', { evidence: '已修复' });
  });
  beforeEach(() => t.kernel.rateLimiter.reset());
  afterAll(async () => {
    await t.close();
  });

  it('publishes a comment as plain data and lists it newest or hottest first', async () => {
    const payload = '<script>alert(1)</script>路灯还是不亮';
    const a = await post(open, { text: `  ${payload}  `, authorName: '老王', contact: '13800000000' });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'comment', text: payload, authorName: '老王', likes: 0, hidden: false });
    expect(a.json()).not.toHaveProperty('contact');
    const b = (await post(open, { text: '第二条' })).json();
    expect(b.authorName).toBeNull();
    await like(a.json().id);
    const hot = (await list(open, '?sort=hot')).json();
    expect(hot.items.map((c: { id: number }) => c.id)).toEqual([a.json().id, b.id]);
    expect(hot).toMatchObject({ total: 2, counts: { comment: 2, thanks: 0 }, nextOffset: null });
    const fresh = (await list(open, '?sort=new&limit=1')).json();
    expect(fresh.items.map((c: { id: number }) => c.id)).toEqual([b.id]);
    expect(fresh.nextOffset).toBe(1);
  });

  it('validates the body and the query', async () => {
    for (const body of [
      {},
      { text: '' },
      { text: '   ' },
      { text: 'x'.repeat(1001) },
      { text: 'ok', kind: 'praise' },
      { text: 'ok', extra: 1 },
      { text: 'ok', authorName: 'n'.repeat(41) },
    ]) {
      const res = await post(open, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await list(open, '?sort=best')).statusCode).toBe(400);
    expect((await list(open, '?limit=0')).statusCode).toBe(400);
    expect(
      (await t.as(null, { method: 'POST', url: '/api/v1/comments/1/hide', payload: { reason: '广告' } })).statusCode,
    ).toBe(401);
    expect(
      (await t.as('ducha', { method: 'POST', url: '/api/v1/comments/1/hide', payload: { reason: '' } })).statusCode,
    ).toBe(400);
    expect(
      (await t.as('ducha', { method: 'POST', url: '/api/v1/comments/1/hide', payload: { reason: '  ' } })).statusCode,
    ).toBe(400);
  });

  it('takes comments only on items the public can see, and thanks only once rectified', async () => {
    const fresh = await reportProblem(t);
    expect((await post(fresh.code, { text: '看不到的' })).statusCode).toBe(404);
    expect((await list(fresh.code)).statusCode).toBe(404);
    expect((await post(fresh.code, { text: '内部' }, 'shouli')).statusCode).toBe(409);
    const priv = await assigned({ isPublic: false });
    expect((await post(priv.code, { text: '私密件' }, 'chengguan')).statusCode).toBe(409);
    expect((await list(priv.code, '', 'jiaoyu')).statusCode).toBe(404); // another unit's private item
    expect((await post('JZ-2026-999999', { text: 'x' })).statusCode).toBe(404);
    const early = await post(open, { text: '谢谢', kind: 'thanks' });
    expect(early.statusCode).toBe(409);
    const thanks = await post(done, { text: '送锦旗：为民办实事', kind: 'thanks', authorName: '和平社区居民' });
    expect(thanks.statusCode, thanks.body).toBe(201);
    expect((await list(done, '?kind=thanks')).json().items).toHaveLength(1);
  });

  it('counts one like per signed device and lets it be taken back', async () => {
    const c = (await post(open, { text: '点赞测试' })).json();
    const first = await like(c.id);
    expect(first.json()).toEqual({ id: c.id, likes: 1, likedByMe: true });
    const deviceA = deviceOf(first);
    expect(first.cookies.find((k) => k.name === 'qd_device')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect((await like(c.id, deviceA)).json().likes).toBe(1);
    expect((await like(c.id, deviceA)).cookies).toEqual([]); // a valid device id is kept, not reissued
    expect((await like(c.id)).json().likes).toBe(2); // another browser (a new device id)
    const mine = (await list(open, '?sort=new', null, { cookie: deviceA }))
      .json()
      .items.find((x: { id: number }) => x.id === c.id);
    expect(mine).toMatchObject({ likes: 2, likedByMe: true });
    expect((await like(c.id, deviceA, 'DELETE')).json()).toEqual({ id: c.id, likes: 1, likedByMe: false });
    expect((await like(c.id, deviceA, 'DELETE')).json().likes).toBe(1);
    expect((await like(999_999)).statusCode).toBe(404);
  });

  it('lets moderators hide with a reason; the public then never receives the text', async () => {
    const c = (await post(open, { text: '广告：办证 138xxxx', contact: 'spam@example.com' })).json();
    expect(
      (await t.as('chengguan', { method: 'POST', url: `/api/v1/comments/${c.id}/hide`, payload: { reason: '广告' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.as('shuji', { method: 'POST', url: `/api/v1/comments/${c.id}/hide`, payload: { reason: '广告' } }))
        .statusCode,
    ).toBe(403);
    const hidden = await t.as('shouli', {
      method: 'POST',
      url: `/api/v1/comments/${c.id}/hide`,
      payload: { reason: '广告信息' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({
      hidden: true,
      hiddenReason: '广告信息',
      hiddenBy: '受理中心 王敏',
      contact: 'spam@example.com',
    });
    const pub = await list(open, '?sort=new&limit=100');
    expect(pub.body).not.toContain('办证');
    expect(pub.body).not.toContain('广告信息');
    expect((await like(c.id)).statusCode).toBe(404);
    // A unit is not a moderator: hidden text and the reason stay with moderators (issue #16, finding 14).
    const unit = await list(open, '?sort=new&limit=100', 'chengguan');
    expect(unit.body).not.toContain('办证');
    expect(unit.body).not.toContain('广告信息');
    const staff = (await list(open, '?sort=new&limit=100', 'ducha'))
      .json()
      .items.find((x: { id: number }) => x.id === c.id);
    expect(staff).toMatchObject({ hidden: true, hiddenReason: '广告信息' });
    const queue = await t.as('ducha', { method: 'GET', url: '/api/v1/comments?hidden=true' });
    expect(queue.json().items[0]).toMatchObject({ id: c.id, problem: { code: open } });
    expect((await t.as('chengguan', { method: 'GET', url: '/api/v1/comments' })).statusCode).toBe(403);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/comments' })).statusCode).toBe(401);
    const back = await t.as('admin', { method: 'POST', url: `/api/v1/comments/${c.id}/restore` });
    expect(back.json()).toMatchObject({ hidden: false, hiddenReason: null });
    expect((await list(open, '?sort=new&limit=100')).body).toContain('办证');
  });

  it('rate-limits the public per client, not staff', async () => {
    for (let i = 0; i < 5; i++) expect((await post(open, { text: `第${i}条` })).statusCode).toBe(201);
    const sixth = await post(open, { text: '第六条' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('rate_limited');
    // Another address is another client.
    const other = await t.as(null, {
      method: 'POST',
      url: `/api/v1/problems/${open}/comments`,
      payload: { text: '别处' },
      remoteAddress: '10.0.0.9',
    });
    expect(other.statusCode).toBe(201);
    t.clock.advanceHours(0.02);
    expect((await post(open, { text: '一分钟后' })).statusCode).toBe(201);
  });

  it('ranks the most-commented public items and leaves hidden comments out', async () => {
    const res = await t.as(null, { method: 'GET', url: '/api/v1/comments/most-commented?limit=2' });
    expect(res.statusCode).toBe(200);
    const [first, second] = res.json().items;
    expect(first).toMatchObject({ code: open, thanks: 0 });
    expect(second).toMatchObject({ code: done, comments: 0, thanks: 1 });
    expect((await t.as(null, { method: 'GET', url: '/api/v1/comments/most-commented?limit=50' })).statusCode).toBe(400);
  });

  it('filters the list by warning level and documents every comments route', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/v1/problems?warning=red' })).statusCode).toBe(200);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/problems?warning=purple' })).statusCode).toBe(400);
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, method] of [
      ['/api/v1/problems/{code}/comments', 'get'],
      ['/api/v1/problems/{code}/comments', 'post'],
      ['/api/v1/comments/{id}/like', 'post'],
      ['/api/v1/comments/{id}/like', 'delete'],
      ['/api/v1/comments/{id}/hide', 'post'],
      ['/api/v1/comments/{id}/restore', 'post'],
      ['/api/v1/comments/most-commented', 'get'],
      ['/api/v1/comments', 'get'],
    ])
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
