import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_CHAIN, verifyChain } from '../../src/audit/audit.repository.js';
import { auditKey } from '../../src/audit/audit-key.js';
import { verifyLinks } from '../../src/audit/chain.js';
import { compareCheckpoint, makeCheckpoint, writeCheckpoint } from '../../src/audit/checkpoint.js';
import { eventHash } from '../../src/audit/hash.js';
import { checkItemStates } from '../../src/audit/replay.js';
import type { Db } from '../../src/db/database.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { dialects } from '../helpers/test-db.js';

const DIALECTS = await dialects();
const run = promisify(execFile);

/** The real `qingdan audit verify …` on the test city, as an operator runs it. */
async function qingdanAudit(t: TestApp, ...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, QINGDAN_DATA_DIR: t.tdb.dataDir, DATABASE_URL: t.tdb.databaseUrl ?? '' };
  try {
    const r = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'audit', ...args], {
      env: { ...env, LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

/**
 * What an attacker with database access and the source code does: edit, then re-hash without a key,
 * each item's events linked to that item's previous one (the chain is partitioned per item since
 * migration 20261207T0510), and the item heads set to the new links.
 */
async function rewriteUnkeyed(db: Db, fromId: number, unseal: boolean) {
  const rows = await db.selectFrom('events').selectAll().where('id', '>=', fromId).orderBy('id').execute();
  const last = new Map<number, string>();
  for (const row of rows) {
    if (!last.has(row.problem_id)) {
      const before = await db
        .selectFrom('events')
        .select('hash')
        .where('problem_id', '=', row.problem_id)
        .where('id', '<', fromId)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      last.set(row.problem_id, before?.hash ?? 'genesis');
    }
    const hash = eventHash({ ...row, prev_hash: last.get(row.problem_id)! }, null);
    await db
      .updateTable('events')
      .set({ prev_hash: last.get(row.problem_id)!, hash })
      .where('id', '=', row.id)
      .execute();
    await db
      .updateTable('audit_item_heads')
      .set({ last_event_id: row.id, last_hash: hash })
      .where('problem_id', '=', row.problem_id)
      .execute();
    last.set(row.problem_id, hash);
  }
  if (unseal) await db.updateTable('audit_head').set({ keyed_from: null, keyed_mac: null }).execute();
}

describe.each(DIALECTS)('a tamper-evident audit trail (%s)', (dialect) => {
  let t: TestApp;
  let walked: string;
  let returned: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // A full lifecycle walk, and an item sent back and reassigned.
    walked = (await reportProblem(t)).code;
    await act(t, 'shouli', walked, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', walked, 'sign');
    await act(t, 'chengguan', walked, 'progress', { text: '已进场施工', percent: 50 });
    await act(t, 'chengguan', walked, 'rectify', { evidence: '已修复' });
    const verified = await act(t, 'shouli', walked, 'verify', { result: 'satisfied', rating: 5, method: 'callback' });
    expect(verified.statusCode).toBe(200);
    returned = (await reportProblem(t)).code;
    await act(t, 'shouli', returned, 'assign', { leadDepartmentId: t.ids.departments.edu });
    expect((await act(t, 'jiaoyu', returned, 'return', { reason: '不属于教育局职责' })).statusCode).toBe(200);
    await act(t, 'shouli', returned, 'assign', { leadDepartmentId: t.ids.departments.urban, deadline: '2027-01-29' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keys the chain and still verifies it, and every item, after a lifecycle walk', async () => {
    const chain = await verifyChain(t.tdb.db);
    expect(chain).toMatchObject({ ok: true, keyedFrom: 1 });
    expect(chain.checked).toBeGreaterThanOrEqual(9);
    expect(fs.readFileSync(path.join(t.tdb.dataDir, 'audit.key'), 'utf8').trim()).toHaveLength(64);
    expect(await checkItemStates(t.tdb.db)).toEqual({ checked: 2, mismatches: [] });
  });

  it('reports an item whose row was updated behind the system’s back', async () => {
    const row = await t.tdb.db
      .selectFrom('problems')
      .selectAll()
      .where('code', '=', returned)
      .executeTakeFirstOrThrow();
    await sql`update problems set status = 'closed', deadline = '2030-01-01' where id = ${row.id}`.execute(t.tdb.db);
    const r = await checkItemStates(t.tdb.db);
    expect(r.mismatches).toEqual([
      { code: returned, column: 'status', recorded: 'closed', replayed: 'assigned' },
      { code: returned, column: 'deadline', recorded: '2030-01-01', replayed: '2027-01-29' },
    ]);
    const cli = await qingdanAudit(t, 'verify', '--item', returned);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(
      `item ${returned} differs from its events: status is "closed", its events say "assigned"`,
    );
    expect((await checkItemStates(t.tdb.db, { code: walked })).mismatches).toEqual([]);
    await t.tdb.db
      .updateTable('problems')
      .set({ status: row.status, deadline: row.deadline })
      .where('id', '=', row.id)
      .execute();
  });

  it('fails a rewritten event whose links were recomputed without the key', async () => {
    const key = auditKey()!;
    const checkpointFile = path.join(t.tdb.dataDir, 'checkpoint.json');
    writeCheckpoint(
      checkpointFile,
      makeCheckpoint(
        [{ spec: ITEM_CHAIN, verdict: await verifyLinks(t.tdb.db, ITEM_CHAIN) }],
        '2026-12-06T00:00:00Z',
        key,
      ),
    );
    expect(await compareCheckpoint(t.tdb.db, checkpointFile, [ITEM_CHAIN], key)).toEqual([]);
    const victim = await t.tdb.db
      .selectFrom('events')
      .select('id')
      .where('action', '=', 'return')
      .executeTakeFirstOrThrow();
    await sql`update events set reason = '已核实' where id = ${victim.id}`.execute(t.tdb.db);
    await rewriteUnkeyed(t.tdb.db, victim.id, false);
    const r = await verifyChain(t.tdb.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ eventId: victim.id, reason: 'content_changed' });

    // Moving the keyed start away as well makes the whole chain plain SHA-256 again, which the
    // database alone cannot tell from an old one: the signed checkpoint outside it can.
    await rewriteUnkeyed(t.tdb.db, 1, true);
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
    const problems = await compareCheckpoint(t.tdb.db, checkpointFile, [ITEM_CHAIN], key);
    expect(problems.join('\n')).toMatch(/keyed start moved from event 1/);
    expect(problems.join('\n')).toMatch(/was rewritten since the checkpoint/);
    const cli = await qingdanAudit(t, 'verify', '--checkpoint', checkpointFile);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('does NOT hold');

    const forged = JSON.parse(fs.readFileSync(checkpointFile, 'utf8'));
    forged.chains[0].lastHash = (await verifyLinks(t.tdb.db, ITEM_CHAIN)).lastHash;
    fs.writeFileSync(checkpointFile, JSON.stringify(forged));
    expect(await compareCheckpoint(t.tdb.db, checkpointFile, [ITEM_CHAIN], key)).toEqual([
      'the checkpoint signature does not match: it was edited or signed with another key',
    ]);
  });
});
