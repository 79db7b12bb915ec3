import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-reference.js';
import fs from 'node:fs';
import path from 'node:path';
import { constantTimeEqual, digest } from '../../src/auth/secrets.js';
import { ROOT } from '../../bench/lib/server-process.js';

/** Passwords, sign-in throttling, sessions and their cookies, cross-site protection, tracking tokens. */
const DIALECTS = await dialects();

const login = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe.each(DIALECTS)('authentication and sessions (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { loginPerMinute: 1_000_000 });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.kernel.rateLimiter.reset();
  });

  it('stores passwords as salted scrypt hashes at the configured cost', async () => {
    const make = (username: string) =>
      t.as('admin', {
        method: 'POST',
        url: '/api/v1/users',
        payload: { username, displayName: username, password: 'same-password-1', role: 'supervisor' },
      });
    expect((await make('hash-a')).statusCode).toBe(201);
    expect((await make('hash-b')).statusCode).toBe(201);
    const rows = await t.tdb.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', 'in', ['hash-a', 'hash-b'])
      .execute();
    for (const r of rows)
      expect(r.password_hash).toMatch(
        new RegExp(`^scrypt\\$${process.env.QINGDAN_SCRYPT_N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`),
      );
    expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
    expect(JSON.stringify(rows)).not.toContain('same-password-1');
  });

  it('hashes at N = 2^15 when not lowered for tests', () => {
    const env = { ...process.env };
    delete env.QINGDAN_SCRYPT_N;
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/auth/secrets.ts').then(async (m) => process.stdout.write(await m.hashPassword('x')))",
      ],
      { cwd: ROOT, env, encoding: 'utf8' },
    );
    expect(out.split('$')[1]).toBe('32768');
  });

  const clearBackoff = () => t.tdb.db.deleteFrom('login_backoff' as never).execute();
  const from = (ip: string) => ({ remoteAddress: ip });
  const loginFrom = (ip: string, username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, ...from(ip) });

  it('backs off an address after three wrong passwords with 429 and Retry-After (issue #16, finding 7)', async () => {
    await clearBackoff();
    for (let i = 0; i < 3; i++) expect((await loginFrom('10.0.0.66', 'shuili', 'wrong-password')).statusCode).toBe(401);
    // The fourth try is taken, and starts a wait of 1 s, then 2 s, 4 s …: the next is refused.
    expect((await loginFrom('10.0.0.66', 'shuili', 'wrong-password')).statusCode).toBe(401);
    const refused = await loginFrom('10.0.0.66', 'shuili', DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 1 } });
    // An unknown name is counted and answered exactly alike: no telling which names exist.
    for (let i = 0; i < 4; i++) await loginFrom('10.0.0.66', 'no-such-user', 'wrong-password');
    const unknown = await loginFrom('10.0.0.66', 'no-such-user', DEMO_PASSWORD);
    expect(unknown.statusCode).toBe(429);
    expect(unknown.headers['retry-after']).toBe('1');
    expect(unknown.json()).toEqual(refused.json());
    expect((await loginFrom('10.0.0.66', 'no-such-user', 'x')).json()).toEqual(
      (await loginFrom('10.0.0.66', 'shuili', 'x')).json(),
    );
    // Once the wait is over the owner's right password works again.
    t.clock.set(new Date(t.clock.now().getTime() + 1500).toISOString());
    expect((await loginFrom('10.0.0.66', 'shuili', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("does not lock the owner out from another address while an attacker's address guesses", async () => {
    await clearBackoff();
    const attempts: number[] = [];
    for (let i = 0; i < 12; i++) {
      attempts.push((await loginFrom('203.0.113.9', 'jiaoyu', 'wrong-password')).statusCode);
      t.clock.set(new Date(t.clock.now().getTime() + 200).toISOString());
    }
    // 3 free tries, then waits that grow: most of the attacker's guesses are refused unread.
    expect(attempts.filter((c) => c === 401).length).toBeLessThanOrEqual(6);
    expect(attempts.filter((c) => c === 429).length).toBeGreaterThanOrEqual(6);
    expect((await loginFrom('198.51.100.7', 'jiaoyu', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('counts parallel guesses atomically, and caps one account across many addresses', async () => {
    await clearBackoff();
    const wrong = await Promise.all(
      Array.from({ length: 16 }, () => loginFrom('203.0.113.10', 'jiaoyu', 'wrong-password')),
    );
    // Only the free tries and the first counted one reach the password check; no count is lost.
    expect(wrong.filter((r) => r.statusCode === 401).length).toBe(4);
    expect(wrong.filter((r) => r.statusCode === 429).length).toBe(12);
    await clearBackoff();
    // A spread-out attack: one guess from each of many addresses. After ten the account waits,
    // briefly (at most 30 s), for every address — the owner included, but never for long.
    const spread: number[] = [];
    for (let i = 0; i < 14; i++) spread.push((await loginFrom(`192.0.2.${i}`, 'jiaoyu', 'wrong-password')).statusCode);
    expect(spread.slice(0, 11)).toEqual(Array(11).fill(401));
    expect(spread.slice(11)).toEqual([429, 429, 429]);
    const owner = await loginFrom('198.51.100.7', 'jiaoyu', DEMO_PASSWORD);
    expect(owner.statusCode).toBe(429);
    expect(Number(owner.headers['retry-after'])).toBeLessThanOrEqual(30);
    t.clock.set(new Date(t.clock.now().getTime() + 30_000).toISOString());
    expect((await loginFrom('198.51.100.7', 'jiaoyu', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('takes as long for an unknown username as for a wrong password', async () => {
    const time = async (username: string) => {
      await clearBackoff();
      const t0 = process.hrtime.bigint();
      await login(t, username, 'wrong-password');
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time('ducha'));
      unknown.push(await time(`nobody-${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // The old dummy check used N=16 and answered unknown names in a fraction of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ and stores only its digest', async () => {
    const res = await login(t, 'shouli', DEMO_PASSWORD);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/qd_session=[\w-]{43};/);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).toMatch(/Path=\//);
    const value = res.cookies.find((c) => c.name === 'qd_session')!.value;
    const stored = await t.tdb.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).toContain(digest(value));
    expect(stored.map((s) => s.id)).not.toContain(value);
  });

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const secure = await createTestApp(dialect, { secureCookies: true });
    try {
      expect(String((await login(secure, 'shouli', DEMO_PASSWORD)).headers['set-cookie'])).toMatch(/; Secure/i);
    } finally {
      await secure.close();
    }
  });

  it('ends a session at logout and the other sessions when the password changes', async () => {
    const cookieOf = async () =>
      `qd_session=${(await login(t, 'shizhang', DEMO_PASSWORD)).cookies.find((c) => c.name === 'qd_session')!.value}`;
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    const a = await cookieOf();
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: a } });
    expect((await me(a)).statusCode).toBe(401);
    const stolen = await cookieOf();
    const mine = await cookieOf();
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: mine },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(stolen)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
  });

  it('refuses cookie-authenticated writes from other sites, by Origin or Sec-Fetch-Site', async () => {
    const cookie = await t.login('admin');
    const write = (headers: Record<string, string>, method: 'POST' | 'PATCH' | 'DELETE' = 'POST') =>
      t.app.inject({
        method,
        url: method === 'POST' ? '/api/v1/tags' : '/api/v1/tags/1',
        headers: { cookie, host: 'qingdan.example', ...headers },
        payload: method === 'DELETE' ? undefined : { code: `t${Math.random().toString(36).slice(2, 8)}`, name: '标签' },
      });
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://qingdan.example.evil.example' },
    ] as Array<Record<string, string>>) {
      const res = await write(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await write({ origin: 'https://evil.example' }, 'PATCH')).statusCode).toBe(403);
    expect((await write({ origin: 'https://evil.example' }, 'DELETE')).statusCode).toBe(403);
    expect((await write({ origin: 'http://qingdan.example' })).statusCode).toBe(201);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    // Reading is not a state change; an API key is never attached by a browser on its own.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie, origin: 'https://evil.example' } }))
        .statusCode,
    ).toBe(200);
  });

  it('hands out unguessable tracking tokens, keeps only digests, and seals them in idempotent replies', async () => {
    const a = await reportProblem(t);
    const b = await reportProblem(t);
    for (const token of [a.token, b.token]) expect(token).toMatch(/^t_[\w-]{43}$/); // 256 random bits
    expect(a.token).not.toBe(b.token);
    const row = await t.tdb.db
      .selectFrom('problems')
      .select('tracking_token_hash')
      .where('code', '=', a.code)
      .executeTakeFirstOrThrow();
    expect(row.tracking_token_hash).toBe(digest(a.token));
    // A wrong token of the right shape, one differing only in its last character, and none: all 404.
    const last = a.token.at(-1) === 'A' ? 'B' : 'A';
    for (const token of [b.token, `${a.token.slice(0, -1)}${last}`, '']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/problems/${a.code}`,
        headers: token ? { 'x-tracking-token': token } : {},
      });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/problems/${a.code}?token=${a.token}` })).json().problem
        .reporter,
    ).toBeDefined();
    // Compared as digests in constant time (crypto.timingSafeEqual), never with ===.
    expect(constantTimeEqual(digest(a.token), row.tracking_token_hash!)).toBe(true);
    expect(constantTimeEqual(digest(b.token), row.tracking_token_hash!)).toBe(false);
    expect(constantTimeEqual('short', row.tracking_token_hash!)).toBe(false);
    const source = fs.readFileSync(path.join(ROOT, 'src/problems/short-code.ts'), 'utf8');
    expect(source).toMatch(/constantTimeEqual\(digest\(token\), row\.tracking_token_hash\)/);
    expect(fs.readFileSync(path.join(ROOT, 'src/auth/secrets.ts'), 'utf8')).toMatch(/timingSafeEqual/);
    const body = { title: '幂等提交', description: '同一个幂等键重试' };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: body,
      headers: { 'idempotency-key': 'secret-retry-key-1' },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: body,
      headers: { 'idempotency-key': 'secret-retry-key-1' },
    });
    expect(again.json().trackingToken).toBe(first.json().trackingToken);
    const stored = JSON.stringify(await t.tdb.db.selectFrom('idempotency_keys').selectAll().execute());
    expect(stored).not.toContain(first.json().trackingToken);
    expect(stored).not.toContain('secret-retry-key-1');
  });
});
