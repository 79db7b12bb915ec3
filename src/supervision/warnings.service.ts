import type { Db } from '../db/database.js';
import { appendEvent, appendEvents, type NewEvent } from '../audit/audit.repository.js';
import { lockItemHead } from '../audit/item-partitions.js';
import { departmentUserIds } from '../notify/notifier.js';
import { WARNING_STATES, type WarningLevel } from './warning-level.js';
import { itemProgress, type ItemProgress, type ProgressRow } from './item-progress.js';
import type { SupervisionRuntime } from './runtime.js';
import { warningRaised } from './notice-texts.js';

const RANK: Record<string, number> = { none: 0, blue: 1, yellow: 2, red: 3 };

/** The supervision row an item starts with, before its first recomputation. */
export const newSupervisionRow = (problemId: number) => ({
  problem_id: problemId,
  warning_level: 'none',
  warning_reasons: '[]',
  warning_since: null,
  planned_percent: null,
  original_deadline: null,
  missing_weekly_report: 0,
  last_report_at: null,
  rollup_weight: 1,
  computed_at: null,
});

export async function ensureSupervisionRow(trx: Db, problemId: number): Promise<void> {
  await trx
    .insertInto('item_supervision')
    .values(newSupervisionRow(problemId))
    .onConflict((oc) => oc.column('problem_id').doNothing())
    .execute();
}

/** The columns a recomputation writes, besides computed_at and warning_since. */
export interface ComputedValues {
  warning_level: WarningLevel;
  warning_reasons: string;
  planned_percent: number | null;
  missing_weekly_report: number;
  last_report_at: string | null;
}

export function computedValues(p: ItemProgress): ComputedValues {
  return {
    warning_level: p.warning.level,
    warning_reasons: JSON.stringify(p.warning.reasons),
    planned_percent: p.plannedPercent,
    missing_weekly_report: p.missingWeeklyReport ? 1 : 0,
    last_report_at: p.lastReportAt,
  };
}

/**
 * Recomputes one item's warning and stores it. A change of level is written to the timeline
 * (internal) in the same transaction, and a rise to yellow or red notifies the unit and the owning
 * leader. Returns the new level. Run inside the caller's transaction. The scheduled pass does the
 * same a batch at a time (warnings-batch.ts); a test holds the two to the same results.
 */
export async function recomputeWarning(
  rt: SupervisionRuntime,
  trx: Db,
  problemId: number,
): Promise<WarningLevel | null> {
  const row = await trx.selectFrom('problems').selectAll().where('id', '=', problemId).executeTakeFirst();
  if (!row) return null;
  if (WARNING_STATES.includes(row.status as never)) await ensureSupervisionRow(trx, problemId);
  const readStored = (lock: boolean) =>
    trx
      .selectFrom('item_supervision')
      .selectAll()
      .where('problem_id', '=', problemId)
      .$if(lock, (q) => rt.dialect.forUpdate(q))
      .executeTakeFirst();
  let stored = await readStored(false);
  if (!stored) return 'none';
  const p = await itemProgress(rt, trx, row);
  const now = rt.now().toISOString();
  const level = p.warning.level;
  if (stored.warning_level !== level) {
    // A change writes an event: take the item's audit head first, as every writer of the item does,
    // then the row, so the job and a concurrent write neither deadlock nor both record the same change.
    await lockItemHead(trx, problemId);
    stored = (await readStored(true))!;
  }
  const before = stored.warning_level;
  await trx
    .updateTable('item_supervision')
    .set({ ...computedValues(p), computed_at: now, ...(before !== level && { warning_since: now }) })
    .where('problem_id', '=', problemId)
    .execute();
  if (before !== level) await recordLevelChange(rt, trx, row, before, p, now);
  return level;
}

const levelEvent = (row: ProgressRow, before: string, p: ItemProgress, now: string): NewEvent => ({
  problemId: row.id,
  action: 'warning',
  actorId: null,
  actorName: 'system',
  role: 'system',
  fromState: row.status,
  toState: row.status,
  payload: {
    from: before,
    to: p.warning.level,
    reasons: p.warning.reasons,
    plannedPercent: p.plannedPercent,
    reportedPercent: p.reportedPercent,
  },
  reason: null,
  isPublic: false,
  createdAt: now,
});

/** A rise to yellow or red notifies the unit (found through `unitUsers`) and the owning leader. */
async function noticeRise(
  rt: SupervisionRuntime,
  trx: Db,
  c: LevelChange,
  now: string,
  unitUsers: (departmentId: number | null) => Promise<number[]>,
): Promise<void> {
  const level = c.p.warning.level;
  if (!(RANK[level] > RANK[c.before] && RANK[level] >= RANK.yellow)) return;
  const users = [
    ...(await unitUsers(c.row.lead_department_id)),
    ...(c.row.owner_leader_id ? [c.row.owner_leader_id] : []),
  ];
  await rt.notifier.notify(
    trx,
    { userIds: users, kind: 'warning', problemCode: c.row.code, ...warningRaised(c.row, level, c.p.warning.reasons) },
    now,
  );
}

export interface LevelChange {
  row: ProgressRow;
  before: string;
  p: ItemProgress;
}

/** The timeline event of a level change and, for a rise to yellow or red, the notice. */
export async function recordLevelChange(
  rt: SupervisionRuntime,
  trx: Db,
  row: ProgressRow,
  before: string,
  p: ItemProgress,
  now: string,
): Promise<void> {
  await appendEvent(trx, levelEvent(row, before, p, now));
  await noticeRise(rt, trx, { row, before, p }, now, (d) => departmentUserIds(trx, d));
}

/**
 * recordLevelChange for a batch of items (the scheduled pass): the events in a few statements, each
 * unit's users looked up once. The caller holds the items' audit heads.
 */
export async function recordLevelChanges(rt: SupervisionRuntime, trx: Db, changes: LevelChange[], now: string) {
  await appendEvents(
    trx,
    changes.map((c) => levelEvent(c.row, c.before, c.p, now)),
  );
  const units = new Map<number | null, Promise<number[]>>();
  const unitUsers = (d: number | null) => {
    if (!units.has(d)) units.set(d, departmentUserIds(trx, d));
    return units.get(d)!;
  };
  for (const c of changes) await noticeRise(rt, trx, c, now, unitUsers);
}
