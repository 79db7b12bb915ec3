import type { Db } from '../db/database.js';
import type { Config } from '../config.js';
import type { Dialect } from '../db/dialect.js';
import { createKernel } from '../kernel.js';
import type { Feature } from '../feature.js';
import { problemsFeature, type ProblemsState } from '../problems/problems.feature.js';
import { attachmentsFeature, type AttachmentService } from '../attachments/attachments.feature.js';
import { hashPassword } from '../auth/secrets.js';
import { actorForUser } from '../users/user.service.js';
import type { Actor } from '../auth/actor.js';
import {
  DEMO_AREAS,
  DEMO_CATEGORIES,
  DEMO_DEPARTMENTS,
  DEMO_PASSWORD,
  DEMO_SOURCES,
  DEMO_TAGS,
  DEMO_USERS,
} from './demo-reference.js';
import { seedStory } from './demo-story.js';
import { seedGenerated } from './demo-generated.js';
import { seedSupervisionDemo } from './demo-supervision.js';
import { seedDemoOpen311 } from './demo-open311.js';
import { rebuildCounters } from '../stats/stats-rebuild.js';
import { CORE_FEATURES, features } from '../features.js';

export interface DemoOptions {
  /** Generated items beyond the story's (default 2,000). */
  generated?: number;
  now?: Date;
  log?: (msg: string) => void;
}

/** A seeding context: the list on a clock the seeder moves, and an actor per demo account. */
export interface SeedContext {
  db: Db;
  dialect: Dialect;
  config: Config;
  /** The problem services of a kernel with the core features only: no feature hooks run. */
  services: ProblemsState;
  /** The attachments store of the same kernel: demo photos are stored as uploads are. */
  attachments: AttachmentService;
  /** A kernel on the same database and clock with more features (the supervision demo's). */
  kernelWith(features: readonly Feature<any>[]): ReturnType<typeof createKernel>;
  setNow(d: Date): void;
  now(): Date;
  actors: Record<string, Actor>;
  ids: {
    areas: Record<string, number>;
    departments: Record<string, number>;
    categories: Record<string, number>;
    tags: Record<string, number>;
    users: Record<string, number>;
  };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n) === 0;
}

async function insertTree<T extends { code: string; parent?: string }>(
  db: Db,
  table: 'areas' | 'departments' | 'categories',
  rows: T[],
  extra: (r: T, ids: Record<string, number>) => Record<string, unknown>,
) {
  const ids: Record<string, number> = {};
  for (const [i, r] of rows.entries()) {
    const res = await db
      .insertInto(table)
      .values({
        code: r.code,
        name: (r as any).name,
        name_en: (r as any).nameEn,
        parent_id: r.parent ? ids[r.parent] : null,
        sort: i,
        ...extra(r, ids),
      } as any)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[r.code] = res.id;
  }
  return ids;
}

export async function seedReference(db: Db): Promise<SeedContext['ids']> {
  return db.transaction().execute(async (trx) => {
    const areas = await insertTree(trx, 'areas', DEMO_AREAS, (r) => ({ level: r.level }));
    const departments = await insertTree(trx, 'departments', DEMO_DEPARTMENTS, (r) => ({ kind: r.kind }));
    const categories = await insertTree(trx, 'categories', DEMO_CATEGORIES, (r) => ({
      default_department_id: r.dept ? departments[r.dept] : null,
      time_limit_tier: r.tier ?? 'simple',
      keywords: r.keywords ?? '',
    }));
    // The migrations already made some (import): the demo only puts them in its order.
    for (const [i, s] of DEMO_SOURCES.entries())
      await trx
        .insertInto('sources')
        .values({ code: s.code, name: s.name, name_en: s.nameEn, sort: i })
        .onConflict((oc) => oc.column('code').doUpdateSet({ sort: i }))
        .execute();
    const tags: Record<string, number> = {};
    for (const [i, t] of DEMO_TAGS.entries()) {
      tags[t.code] = (
        await trx
          .insertInto('tags')
          .values({ code: t.code, name: t.name, name_en: t.nameEn, sort: i })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    return { areas, departments, categories, tags, users: {} };
  });
}

export async function seedDemo(db: Db, dialect: Dialect, config: Config, opts: DemoOptions = {}): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const ids = await seedReference(db);
  const hash = await hashPassword(DEMO_PASSWORD);
  const created = (opts.now ?? new Date()).toISOString();
  for (const u of DEMO_USERS) {
    const dept = 'dept' in u ? ids.departments[u.dept] : null;
    ids.users[u.username] = (
      await db
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hash,
          role: u.role,
          department_id: dept,
          email: `${u.username}@demo.qingdan.local`,
          phone: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  let current = opts.now ?? new Date();
  const clock = () => current;
  // Demo notices stay in the in-app inbox: demo accounts have no real mailboxes or phones.
  const quiet: Config = { ...config, supervision: { ...config.supervision, smtp: null, webhook: null } };
  const kernelWith = (features: readonly Feature<any>[]) =>
    createKernel(quiet, { db, dialect, clock, migrate: false, logger: false, features });
  const core = await kernelWith(CORE_FEATURES);
  const services = core.of(problemsFeature);
  const actors: Record<string, Actor> = {};
  for (const u of DEMO_USERS) {
    const row = await db.selectFrom('users').selectAll().where('username', '=', u.username).executeTakeFirstOrThrow();
    actors[u.username] = await actorForUser(db, row, 'key');
  }
  const ctx: SeedContext = {
    db,
    dialect,
    config: quiet,
    services,
    attachments: core.of(attachmentsFeature),
    kernelWith,
    setNow: (d) => {
      current = d;
    },
    now: () => current,
    actors,
    ids,
  };
  const realNow = opts.now ?? new Date();
  await seedStory(ctx, realNow);
  log(`demo: story items seeded`);
  await seedGenerated(ctx, realNow, opts.generated ?? 2000, log);
  await seedDemoOpen311(db, quiet, ids.categories, realNow, log);
  await seedSupervisionDemo(ctx, realNow, log);
  ctx.setNow(realNow);
  await core.close();
  // Every other feature's part of the city, on a kernel with all features and hooks.
  const full = await kernelWith(features);
  await full.start();
  for (const f of full.features) {
    if (!f.demo) continue;
    await f.demo(full.of(f), full, { ...ctx, realNow, log });
    ctx.setNow(realNow);
  }
  await full.close();
  // The core kernel runs no feature hooks, so the statistics counters are counted once at the end.
  await rebuildCounters(db, dialect);
  log(`demo: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
