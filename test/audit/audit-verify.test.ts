import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();
const run = promisify(execFile);

/** Runs the real `qingdan audit verify` against the test database. */
async function auditVerify(t: TestApp): Promise<{ code: number; out: string }> {
  const env = {
    ...process.env,
    QINGDAN_DATA_DIR: t.tdb.dataDir,
    DATABASE_URL: t.tdb.databaseUrl ?? '',
    LOG_LEVEL: 'silent',
  };
  try {
    const r = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'audit', 'verify'], {
      env,
    });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe.each(DIALECTS)('audit chain (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (let i = 0; i < 3; i++) {
      code = (await reportProblem(t)).code;
      await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
      await act(t, 'chengguan', code, 'sign');
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('verifies an untouched chain', async () => {
    const r = await auditVerify(t);
    const events = Number(
      (
        await t.tdb.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(events).toBeGreaterThanOrEqual(9);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`audit chain intact: ${events} events verified`);
  });

  it("names the event whose row was edited behind the system's back", async () => {
    const victim = await t.tdb.db
      .selectFrom('events')
      .select(['id', 'reason'])
      .where('action', '=', 'assign')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`update events set reason = 'edited' where id = ${victim.id}`.execute(t.tdb.db);
    const r = await auditVerify(t);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at event ${victim.id}`);
    expect(r.out).toContain('was changed after it was written');
    await sql`update events set reason = ${victim.reason} where id = ${victim.id}`.execute(t.tdb.db);
    expect((await auditVerify(t)).code).toBe(0);
  });

  it('notices a deleted event and a truncated tail', async () => {
    const rows = await t.tdb.db.selectFrom('events').selectAll().orderBy('id').execute();
    const middle = rows[4];
    await sql`delete from events where id = ${middle.id}`.execute(t.tdb.db);
    let r = await auditVerify(t);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at event ${rows[5].id}`);
    await t.tdb.db.insertInto('events').values(middle).execute();
    const last = rows[rows.length - 1];
    await sql`delete from events where id = ${last.id}`.execute(t.tdb.db);
    r = await auditVerify(t);
    expect(r.code).toBe(1);
    expect(r.out).toContain('events were removed from the end');
  });
});
