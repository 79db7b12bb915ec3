import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-db.js';
import { migrateDown, migrateForStart, migrateToLatest, schemaState } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createDb } from '../../src/db/database.js';
import { parseConfig } from '../../src/config.js';
import { createKernel } from '../../src/kernel.js';
import { isEmpty, seedReference } from '../../src/demo/demo-seed.js';
import { withSeedLock } from '../../src/ops/seed-lock.js';
import { ROOT } from './server-process.js';

const run = promisify(execFile);
const NAMES = Object.keys(migrations);
const NEWEST = NAMES[NAMES.length - 1];
const FUTURE = '29991231T0000-from-a-newer-release';

describe.each(await dialects())('upgrades on %s', (dialect) => {
  let tdb: TestDatabase | undefined;
  afterEach(async () => {
    await tdb?.destroy();
    tdb = undefined;
  });

  it('reports the schema, undoes the newest migration and applies it again', async () => {
    tdb = await createTestDatabase(dialect);
    let s = await schemaState(tdb.db);
    expect(s.known.every((m) => m.appliedAt)).toBe(true);
    expect(s.ahead).toEqual([]);
    await migrateDown(tdb.db);
    s = await schemaState(tdb.db);
    expect(s.known.filter((m) => !m.appliedAt).map((m) => m.name)).toEqual([NEWEST]);
    const again = await migrateToLatest(tdb.db);
    expect(again.results?.map((r) => r.migrationName)).toEqual([NEWEST]);
  });

  it('starts on a schema a newer release migrated, and refuses one that is ahead and behind at once', async () => {
    tdb = await createTestDatabase(dialect);
    await sql`insert into kysely_migration (name, timestamp) values (${FUTURE}, ${new Date().toISOString()})`.execute(
      tdb.db,
    );
    // Kysely alone refuses any unknown migration; the start check lets the previous release run.
    await expect(migrateToLatest(tdb.db)).rejects.toThrow();
    expect(await migrateForStart(tdb.db)).toEqual({ ahead: [FUTURE] });
    const config = parseConfig({}, { dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl, logLevel: 'silent' });
    const k = await createKernel(config, { db: tdb.db, logger: false });
    await k.close();
    await sql`delete from kysely_migration where name = ${NEWEST}`.execute(tdb.db);
    await expect(migrateForStart(tdb.db)).rejects.toThrow(/does not know .*lacks some it needs/);
  });
});

// Several instances share PostgreSQL only; SQLite is one instance's file.
describe.runIf((await dialects()).includes('postgres'))('two instances on PostgreSQL', () => {
  const dialect = 'postgres' as const;
  let tdb: TestDatabase | undefined;
  afterEach(async () => {
    await tdb?.destroy();
    tdb = undefined;
  });

  it('seeds once when two instances start together', async () => {
    tdb = await createTestDatabase(dialect);
    const second = createDb({ databaseUrl: tdb.databaseUrl, dataDir: tdb.dataDir, sqliteFile: tdb.sqliteFile });
    const seeded: string[] = [];
    const start = (name: string, db: TestDatabase['db']) =>
      withSeedLock(db, tdb!.engine, async () => {
        if (!(await isEmpty(db))) return;
        await seedReference(db);
        await db
          .insertInto('users')
          .values({
            username: 'admin',
            display_name: '管理员',
            password_hash: 'x',
            role: 'admin',
            department_id: null,
            email: null,
            phone: null,
            active: 1,
            failed_logins: 0,
            locked_until: null,
            created_at: new Date().toISOString(),
          })
          .execute();
        seeded.push(name);
      });
    try {
      await Promise.all([start('a', tdb.db), start('b', second.db)]);
    } finally {
      await second.db.destroy();
    }
    expect(seeded).toHaveLength(1);
    const areas = await tdb.db
      .selectFrom('areas')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const again = await createTestDatabase(dialect, { migrate: true });
    const one = await seedReference(again.db).finally(() => again.destroy());
    expect(Number(areas?.n)).toBe(Object.keys(one.areas).length);
  });
});

describe('qingdan migrate status', () => {
  it('lists applied and pending migrations', async () => {
    const tdb = await createTestDatabase('sqlite', { migrate: false });
    try {
      const env = { ...process.env, QINGDAN_DATA_DIR: tdb.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
      const cli = (...args: string[]) =>
        run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env });
      const before = await cli('migrate', 'status');
      expect(before.stdout).toContain(`pending  ${NEWEST}`);
      expect(before.stdout).toContain(`${NAMES.length} pending`);
      await migrateToLatest(tdb.db);
      const after = await cli('migrate', 'status', '--json');
      expect(JSON.parse(after.stdout)).toMatchObject({ pending: 0, ahead: [] });
    } finally {
      await tdb.destroy();
    }
  }, 60_000);
});
