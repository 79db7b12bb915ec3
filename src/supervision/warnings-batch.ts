import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ItemSupervisionTable } from '../db/schema.js';
import { lockItemHeads } from '../audit/item-partitions.js';
import { progressOf, type ItemProgress, type ProgressContext, type ProgressRow } from './item-progress.js';
import { batchContext } from './progress-context.js';
import { loadProgressInputs } from './progress-batch.js';
import { WARNING_STATES } from './warning-level.js';
import type { SupervisionRuntime } from './runtime.js';
import { computedValues, newSupervisionRow, recordLevelChanges, type ComputedValues } from './warnings.service.js';

type Stored = Pick<ItemSupervisionTable, keyof ComputedValues | 'warning_since'>;
interface Change {
  row: ProgressRow;
  p: ItemProgress;
  values: ComputedValues;
  before: string;
}

/** The item's columns the pass reads (not its description and the rest of its text). */
const PROGRESS_COLUMNS = [
  'id',
  'code',
  'title',
  'status',
  'assigned_at',
  'created_at',
  'signed_at',
  'progress_percent',
  'deadline',
  'checkpoint_date',
  'lead_department_id',
  'owner_leader_id',
] as const satisfies readonly (keyof ProgressRow)[];

const COLUMNS = ['warning_level', 'warning_reasons', 'planned_percent', 'missing_weekly_report', 'last_report_at'];
const differs = (s: Stored, v: ComputedValues) =>
  COLUMNS.some((c) => s[c as keyof ComputedValues] !== v[c as keyof ComputedValues]);

/** One statement for the batch's changed rows; casts so PostgreSQL types the untyped parameters. */
async function writeChanged(trx: Db, changes: Change[], now: string): Promise<void> {
  if (!changes.length) return;
  const rows = changes.map(
    ({ row, values: v, before }) =>
      sql`(CAST(${row.id} AS INTEGER), ${v.warning_level}, ${v.warning_reasons},
        CAST(${v.planned_percent} AS DOUBLE PRECISION), CAST(${v.missing_weekly_report} AS INTEGER),
        ${v.last_report_at}, ${before !== v.warning_level ? now : null})`,
  );
  await sql`WITH v(id, level, reasons, planned, missing, last_at, since) AS (VALUES ${sql.join(rows)})
    UPDATE item_supervision SET warning_level = v.level, warning_reasons = v.reasons,
      planned_percent = v.planned, missing_weekly_report = v.missing, last_report_at = v.last_at,
      warning_since = COALESCE(v.since, item_supervision.warning_since), computed_at = ${now}
    FROM v WHERE item_supervision.problem_id = v.id`.execute(trx);
}

/**
 * Recomputes a batch of items (ordered by id) inside the caller's transaction, with a few set queries,
 * and writes only the rows whose values change. The results are those of recomputeWarning on each
 * item in id order: a parent reads the plan its children stored, so a child earlier in the batch
 * lends its fresh plan, as it would have been committed one transaction earlier.
 */
async function recomputeBatch(
  rt: SupervisionRuntime,
  trx: Db,
  rows: ProgressRow[],
  ctx: ProgressContext = batchContext(rt),
): Promise<{ levels: string[]; changed: number; written: number }> {
  const ids = rows.map((r) => r.id);
  const storedRows = await trx.selectFrom('item_supervision').selectAll().where('problem_id', 'in', ids).execute();
  const stored = new Map<number, Stored>(storedRows.map((s) => [s.problem_id, s]));
  const missing = rows.filter((r) => !stored.has(r.id) && WARNING_STATES.includes(r.status as never));
  if (missing.length) {
    await trx
      .insertInto('item_supervision')
      .values(missing.map((r) => newSupervisionRow(r.id)))
      .onConflict((oc) => oc.column('problem_id').doNothing())
      .execute();
    for (const r of missing) stored.set(r.id, newSupervisionRow(r.id));
  }
  const inputs = await loadProgressInputs(trx, ids);
  const freshPlan = new Map<number, number | null>();
  const levels: string[] = [];
  const changes: Change[] = [];
  for (const row of rows) {
    const s = stored.get(row.id);
    if (!s) {
      levels.push('none'); // as recomputeWarning: nothing stored, nothing to carry
      continue;
    }
    const own = inputs.get(row.id)!;
    const children = own.children.map((c) =>
      freshPlan.has(c.id) ? { ...c, planned_percent: freshPlan.get(c.id)! } : c,
    );
    const p = progressOf(rt, row, { ...own, children }, ctx);
    const values = computedValues(p);
    freshPlan.set(row.id, values.planned_percent);
    levels.push(values.warning_level);
    if (differs(s, values)) changes.push({ row, p, values, before: s.warning_level });
  }
  const now = rt.now().toISOString();
  const moved = changes.filter((c) => c.before !== c.values.warning_level);
  if (moved.length) {
    // As recomputeWarning: the audit head before the rows, then the level as a concurrent write left it.
    // In id order, so two passes (or a pass and a writer) never wait on each other in a cycle.
    await lockItemHeads(
      trx,
      moved.map((c) => c.row.id),
    );
    const byId = new Map(moved.map((c) => [c.row.id, c]));
    const locked = await rt.dialect
      .forUpdate(
        trx
          .selectFrom('item_supervision')
          .select(['problem_id', 'warning_level'])
          .where('problem_id', 'in', [...byId.keys()]),
      )
      .execute();
    for (const l of locked) byId.get(l.problem_id)!.before = l.warning_level;
  }
  await writeChanged(trx, changes, now);
  const recorded = moved.filter((c) => c.before !== c.values.warning_level);
  await recordLevelChanges(
    rt,
    trx,
    recorded.map((c) => ({ row: c.row, before: c.before, p: c.p })),
    now,
  );
  const changed = recorded.length;
  return { levels, changed, written: changes.length };
}

interface WarningsPass {
  checked: number;
  changed: number;
  written: number;
  batches: number;
  levels: Record<string, number>;
}

/**
 * The scheduled pass over every item that can carry a warning, or still carries one: a batch of
 * items by id per transaction. `between` runs after each batch (the job renews its lease there and
 * stops if it lost it). A rerun after a crash recomputes from the start and finds the items done
 * before the crash unchanged, so it writes nothing for them.
 */
export async function recomputeAllWarnings(
  rt: SupervisionRuntime,
  opts: { batchSize?: number; between?: () => Promise<void> } = {},
): Promise<WarningsPass> {
  const size = opts.batchSize ?? 1000;
  const out: WarningsPass = {
    checked: 0,
    changed: 0,
    written: 0,
    batches: 0,
    levels: { none: 0, blue: 0, yellow: 0, red: 0 },
  };
  let after = 0;
  let ctx: ProgressContext | undefined;
  for (;;) {
    const done = await rt.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('problems')
        .leftJoin('item_supervision as s', 's.problem_id', 'problems.id')
        .select(PROGRESS_COLUMNS.map((c) => `problems.${c}` as const))
        .where('problems.id', '>', after)
        .where((eb) => eb.or([eb('problems.status', 'in', [...WARNING_STATES]), eb('s.warning_level', '!=', 'none')]))
        .orderBy('problems.id')
        .limit(size)
        .execute();
      if (!rows.length) return true;
      ctx = batchContext(rt, ctx);
      const r = await recomputeBatch(rt, trx, rows, ctx);
      for (const l of r.levels) out.levels[l]++;
      out.checked += rows.length;
      out.changed += r.changed;
      out.written += r.written;
      out.batches++;
      after = rows[rows.length - 1].id;
      return rows.length < size;
    });
    if (done) return out;
    await opts.between?.();
  }
}
