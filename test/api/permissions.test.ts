import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();
const WHO = ['anonymous', 'admin', 'shouli', 'ducha', 'shuji', 'chengguan', 'jiaoyu'] as const;
type Who = (typeof WHO)[number];

/** Expected status per caller; a row of the permission matrix. */
type Row = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  expect: Record<Who, number>;
};
interface Ctx {
  t: TestApp;
  privateCode: string;
  publicCode: string;
  n: number;
}

const all = (s: number) => Object.fromEntries(WHO.map((w) => [w, s])) as Record<Who, number>;
const adminOnly = (ok: number) => ({ ...all(403), anonymous: 401, admin: ok });
const staff = (ok: number) => ({ ...all(ok), anonymous: 401 });

const MATRIX: Row[] = [
  { name: 'list areas', method: 'GET', url: () => '/api/v1/areas', expect: all(200) },
  {
    name: 'create area',
    method: 'POST',
    url: () => '/api/v1/areas',
    body: (c) => ({ code: `a${c.n}`, name: '测试区', level: 'district' }),
    expect: adminOnly(201),
  },
  {
    name: 'rename department',
    method: 'PATCH',
    url: (c) => `/api/v1/departments/${c.t.ids.departments.tax}`,
    body: () => ({ sort: 1 }),
    expect: adminOnly(200),
  },
  { name: 'delete tag', method: 'DELETE', url: () => '/api/v1/tags/999999', expect: adminOnly(404) },
  { name: 'list categories', method: 'GET', url: () => '/api/v1/categories', expect: all(200) },
  { name: 'list users', method: 'GET', url: () => '/api/v1/users', expect: adminOnly(200) },
  {
    name: 'create user',
    method: 'POST',
    url: () => '/api/v1/users',
    body: (c) => ({ username: `u${c.n}`, displayName: '新用户', password: 'password123', role: 'supervisor' }),
    expect: adminOnly(201),
  },
  { name: 'list API keys', method: 'GET', url: () => '/api/v1/api-keys', expect: adminOnly(200) },
  {
    name: 'create API key',
    method: 'POST',
    url: () => '/api/v1/api-keys',
    body: (c) => ({ name: `key ${c.n}` }),
    expect: adminOnly(201),
  },
  { name: 'who am I', method: 'GET', url: () => '/api/v1/auth/me', expect: staff(200) },
  { name: 'list leaders', method: 'GET', url: () => '/api/v1/leaders', expect: staff(200) },
  { name: 'list problems', method: 'GET', url: () => '/api/v1/problems', expect: all(200) },
  { name: 'read a public item', method: 'GET', url: (c) => `/api/v1/problems/${c.publicCode}`, expect: all(200) },
  // Private item of the urban management committee: other departments and the public get 404.
  {
    name: 'read a private item',
    method: 'GET',
    url: (c) => `/api/v1/problems/${c.privateCode}`,
    expect: { ...all(200), anonymous: 404, jiaoyu: 404 },
  },
  {
    name: 'private timeline',
    method: 'GET',
    url: (c) => `/api/v1/problems/${c.privateCode}/timeline`,
    expect: { ...all(200), anonymous: 404, jiaoyu: 404 },
  },
  {
    name: 'note on a private item',
    method: 'POST',
    url: (c) => `/api/v1/problems/${c.privateCode}/actions/note`,
    body: () => ({ text: '内部备注' }),
    expect: { ...all(200), anonymous: 404, jiaoyu: 404 },
  },
  {
    name: 'sign for a public item',
    method: 'POST',
    url: (c) => `/api/v1/problems/${c.publicCode}/actions/sign`,
    body: () => ({}),
    expect: { ...all(403), anonymous: 401, admin: 200, chengguan: 200 },
  },
];

describe.each(DIALECTS)('permission matrix (%s)', (dialect) => {
  const ctx = { n: 0 } as Ctx;
  beforeAll(async () => {
    ctx.t = await createTestApp(dialect);
    const urban = ctx.t.ids.departments.urban;
    const priv = await reportProblem(ctx.t, { isPublic: false });
    await act(ctx.t, 'shouli', priv.code, 'assign', { leadDepartmentId: urban });
    ctx.privateCode = priv.code;
  });
  afterAll(async () => {
    await ctx.t.close();
  });

  for (const row of MATRIX) {
    for (const who of WHO) {
      it(`${row.name} as ${who} → ${row.expect[who]}`, async () => {
        if (row.name === 'sign for a public item') {
          const pub = await reportProblem(ctx.t);
          await act(ctx.t, 'shouli', pub.code, 'assign', { leadDepartmentId: ctx.t.ids.departments.urban });
          ctx.publicCode = pub.code;
        } else if (!ctx.publicCode) {
          const pub = await reportProblem(ctx.t);
          await act(ctx.t, 'shouli', pub.code, 'accept');
          ctx.publicCode = pub.code;
        }
        ctx.n++;
        const res = await ctx.t.as(who === 'anonymous' ? null : who, {
          method: row.method,
          url: row.url(ctx),
          ...(row.body ? { payload: row.body(ctx) as object } : {}),
        });
        expect(res.statusCode, res.body).toBe(row.expect[who]);
        if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[a-z_]+$/);
      });
    }
  }

  it("never shows a reporter's personal data to the public", async () => {
    const { code } = await reportProblem(ctx.t, {
      reporter: { name: '隐私姓名', phone: '13999998888', email: 'secret@example.com' },
    });
    await act(ctx.t, 'shouli', code, 'accept');
    for (const url of [`/api/v1/problems/${code}`, `/api/v1/problems/${code}/timeline`, '/api/v1/problems?limit=100']) {
      const res = await ctx.t.as(null, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      for (const secret of ['隐私姓名', '13999998888', 'secret@example.com']) expect(res.body).not.toContain(secret);
    }
    const dept = await ctx.t.as('chengguan', { method: 'GET', url: `/api/v1/problems/${code}` });
    expect(dept.body).not.toContain('13999998888');
    const staffView = await ctx.t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` });
    expect(staffView.json().problem.reporter).toEqual({
      name: '隐私姓名',
      phone: '13999998888',
      email: 'secret@example.com',
    });
  });

  it('lets the reporter follow a new item with the token, and nobody without it', async () => {
    const { code, token } = await reportProblem(ctx.t);
    expect((await ctx.t.as(null, { method: 'GET', url: `/api/v1/problems/${code}` })).statusCode).toBe(404);
    const mine = await ctx.t.as(null, {
      method: 'GET',
      url: `/api/v1/problems/${code}`,
      headers: { 'x-tracking-token': token },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().problem.reporter.name).toBe('王小明');
    const wrong = await ctx.t.as(null, {
      method: 'GET',
      url: `/api/v1/problems/${code}?token=${token.slice(0, -2)}xx`,
    });
    expect(wrong.statusCode).toBe(404);
  });
});
