import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { parseConfig, type Config } from '../../src/config.js';
import { buildApp } from '../../src/app.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/demo-reference.js';
import { hashPassword } from '../../src/auth/secrets.js';
import type { DialectName } from '../../src/db/dialect.js';
import type { Kernel } from '../../src/kernel.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/** A controllable clock: tests move time explicitly. */
export class TestClock {
  constructor(public current = new Date('2026-11-02T02:00:00Z')) {}
  now = () => this.current;
  set(iso: string) {
    this.current = new Date(iso);
  }
  advanceDays(days: number) {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
  advanceHours(hours: number) {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
}

export interface TestApp {
  app: FastifyInstance;
  /** The app's kernel: every feature's state (`t.kernel.of(feature)`), the dialect, the hooks. */
  kernel: Kernel;
  tdb: TestDatabase;
  clock: TestClock;
  config: Config;
  ids: Awaited<ReturnType<typeof seedReference>>;
  /** Session cookie per demo username, logged in lazily. */
  login(username: string): Promise<string>;
  /** app.inject as a demo user (or anonymous with null). */
  as(username: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let hashed: string | undefined;

/**
 * A real app on a fresh database of the given dialect with the demo reference data and one
 * account per demo user (no generated items), driven with app.inject().
 */
export async function createTestApp(
  dialect: DialectName,
  overrides: Partial<Config> = {},
  clock = new TestClock(),
): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const config = parseConfig(
    {},
    { dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl, logLevel: 'silent', webDir: '/nonexistent', ...overrides },
  );
  const ids = await seedReference(tdb.db);
  hashed ??= await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const dept = 'dept' in u ? ids.departments[u.dept] : null;
    ids.users[u.username] = (
      await tdb.db
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hashed,
          role: u.role,
          department_id: dept,
          email: null,
          phone: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: clock.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const app = await buildApp(config, { db: tdb.db, clock: clock.now, logger: false });
  const cookies = new Map<string, string>();
  const login = async (username: string) => {
    const cached = cookies.get(username);
    if (cached) return cached;
    const header = await loginAs(app, username);
    cookies.set(username, header);
    return header;
  };
  return {
    app,
    kernel: app.kernel,
    tdb,
    clock,
    config,
    ids,
    login,
    async as(username, opts) {
      const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
      if (username) headers.cookie = await login(username);
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await tdb.destroy();
    },
  };
}

/**
 * The configuration of a site restored into `target` from a backup of `from`: a backup does not
 * carry the audit key (docs/backup-restore.md), so the operator brings it along. `env` adds settings.
 */
export function restoredSiteConfig(target: TestDatabase, from: Config, env: Record<string, string> = {}): Config {
  return parseConfig(env, {
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    logLevel: 'silent',
    webDir: '/nonexistent',
    auditKey: from.auditKey,
    auditKeyFile: from.auditKeyFile,
  });
}

/** Logs a demo user in on any app (a second instance, a restored site): the Cookie header to send. */
export async function loginAs(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return `qd_session=${res.cookies.find((c) => c.name === 'qd_session')!.value}`;
}

/** Report an item as the public and return its code and tracking token. */
export async function reportProblem(t: TestApp, body: Record<string, unknown> = {}) {
  // A parent item, measures, tags and a raised urgency are staff-only (issue #16): such reports come
  // in through the acceptance desk, still as web reports.
  const desk =
    ['parentCode', 'measures', 'tagIds'].some((f) => body[f] !== undefined) ||
    (body.urgency !== undefined && body.urgency !== 'normal');
  const res = await t.as(desk ? 'shouli' : null, {
    method: 'POST',
    url: '/api/v1/problems',
    payload: {
      ...(desk && { sourceCode: 'web' }),
      title: '小区路灯不亮',
      description: '和平社区三号楼前的路灯坏了两周',
      categoryId: t.ids.categories['street-lights'],
      areaId: t.ids.areas['jz-ss'],
      reporter: { name: '王小明', phone: '13812345678', email: 'wang@example.com' },
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`);
  const json = res.json();
  return { code: json.problem.code as string, token: json.trackingToken as string };
}

export async function act(
  t: TestApp,
  who: string | null,
  code: string,
  action: string,
  payload: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return t.as(who, { method: 'POST', url: `/api/v1/problems/${code}/actions/${action}`, payload, headers });
}
