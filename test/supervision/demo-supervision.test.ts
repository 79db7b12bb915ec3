import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { parseConfig } from '../../src/config.js';
import { seedDemo } from '../../src/demo/demo-seed.js';

const DIALECTS = await dialects();

/** The demo city must show a living campaign: plans, reports, every warning colour, actions, settled months. */
describe.each(DIALECTS)('demo supervision data (%s)', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const config = parseConfig({}, { dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl, logLevel: 'silent' });
    await seedDemo(tdb.db, tdb.engine, config, { generated: 80, now: new Date('2026-11-27T03:00:00Z') });
  }, 240_000);
  afterAll(async () => {
    await tdb.destroy();
  });

  it('has milestones, weekly reports, warnings of every colour, every kind of action, two settled months', async () => {
    const db = tdb.db;
    expect(
      Number(
        (
          await db
            .selectFrom('milestones')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(10);
    const campaign = await db
      .selectFrom('problems')
      .select('id')
      .where('title', 'like', '%一企一策专项整治%')
      .executeTakeFirstOrThrow();
    const children = await db.selectFrom('problems').select('id').where('parent_id', '=', campaign.id).execute();
    expect(children).toHaveLength(6);
    const reports = await db
      .selectFrom('events')
      .select('id')
      .where('action', '=', 'progress')
      .where(
        'problem_id',
        'in',
        children.map((c) => c.id),
      )
      .execute();
    expect(reports.length).toBeGreaterThanOrEqual(18);
    const levels = new Set(
      (await db.selectFrom('item_supervision').select('warning_level').distinct().execute()).map(
        (r) => r.warning_level,
      ),
    );
    expect([...levels].sort()).toEqual(['blue', 'none', 'red', 'yellow']);
    const kinds = new Set(
      (await db.selectFrom('supervision_actions').select('kind').distinct().execute()).map((r) => r.kind),
    );
    expect([...kinds].sort()).toEqual(['flagged', 'letter', 'notice', 'reminder', 'summons']);
    expect((await db.selectFrom('settlements').select('month').orderBy('month').execute()).map((r) => r.month)).toEqual(
      ['2026-09', '2026-10'],
    );
    expect(
      (await db.selectFrom('extensions').select('status').orderBy('status').execute()).map((r) => r.status),
    ).toEqual(['granted', 'pending']);
    expect(
      Number(
        (
          await db
            .selectFrom('weekly_report_misses')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);
  });
});
