import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { idList, type CounterKey, type ItemState, type Scope } from './stats-keys.js';

/**
 * The counters are a ledger: writes append signed rows (never update one), readers sum by key.
 * Appending takes no lock on rows other writers need, so concurrent writers neither wait for each
 * other nor deadlock (a sheet import holds its transaction over many items); `compact` folds the
 * ledger back to one row per key when it has grown.
 */

const idsOf = (list: string | null): number[] => (list ? list.split(',').map(Number) : []);

/**
 * What the item contributed so far (`before`, null for a new item) and what it contributes now
 * (`after`, null if it is gone), in one query inside the writing transaction.
 */
export async function itemStates(
  trx: Db,
  problemId: number,
): Promise<{ before: ItemState | null; after: ItemState | null }> {
  const r = await trx
    .selectFrom('problems as p')
    .leftJoin('stats_items as s', 's.problem_id', 'p.id')
    .select([
      'p.is_public',
      'p.status',
      'p.category_id',
      'p.area_id',
      'p.source_id',
      'p.created_at',
      'p.deadline',
      'p.lead_department_id',
      sql<string | null>`(select string_agg(cast(department_id as text), ',' order by department_id)
        from problem_departments where problem_id = p.id)`.as('co'),
      sql<
        string | null
      >`(select string_agg(cast(tag_id as text), ',' order by tag_id) from problem_tags where problem_id = p.id)`.as(
        'tag_list',
      ),
      's.problem_id as s_id',
      's.is_public as s_is_public',
      's.status as s_status',
      's.category_id as s_category_id',
      's.area_id as s_area_id',
      's.source_id as s_source_id',
      's.created_month as s_created_month',
      's.deadline as s_deadline',
      's.departments as s_departments',
      's.tags as s_tags',
    ])
    .where('p.id', '=', problemId)
    .executeTakeFirst();
  if (!r) return { before: await storedItemState(trx, problemId), after: null };
  const co = idsOf(r.co);
  const after: ItemState = {
    is_public: r.is_public,
    status: r.status,
    category_id: r.category_id,
    area_id: r.area_id,
    source_id: r.source_id,
    created_month: r.created_at.slice(0, 7),
    deadline: r.deadline,
    departments: idList(r.lead_department_id === null ? co : [r.lead_department_id, ...co]),
    tags: idList(idsOf(r.tag_list)),
  };
  const before: ItemState | null =
    r.s_id === null
      ? null
      : {
          is_public: r.s_is_public!,
          status: r.s_status!,
          category_id: r.s_category_id,
          area_id: r.s_area_id,
          source_id: r.s_source_id,
          created_month: r.s_created_month,
          deadline: r.s_deadline,
          departments: r.s_departments!,
          tags: r.s_tags!,
        };
  return { before, after };
}

export async function storedItemState(trx: Db, problemId: number): Promise<ItemState | null> {
  const r = await trx.selectFrom('stats_items').selectAll().where('problem_id', '=', problemId).executeTakeFirst();
  if (!r) return null;
  const { problem_id: _id, ...state } = r;
  return state;
}

export async function saveItemState(trx: Db, problemId: number, state: ItemState): Promise<void> {
  await trx
    .insertInto('stats_items')
    .values({ problem_id: problemId, ...state })
    .onConflict((oc) => oc.column('problem_id').doUpdateSet(state))
    .execute();
}

export async function appendCounters(trx: Db, rows: Array<CounterKey & { n: number }>): Promise<void> {
  if (rows.length) await trx.insertInto('stats_counters').values(rows).execute();
}

export interface CounterRow {
  dimension: string;
  key: string;
  status: string;
  n: number;
}

/** A scope's counters summed by key, and how many ledger rows that took (to decide compaction). */
export async function readCounters(db: Db, scope: Scope): Promise<{ rows: CounterRow[]; ledgerRows: number }> {
  const raw = await db
    .selectFrom('stats_counters')
    .where('scope', '=', scope)
    .select([
      'dimension',
      'key',
      'status',
      (eb) => eb.fn.sum<number>('n').as('n'),
      (eb) => eb.fn.countAll<number>().as('c'),
    ])
    .groupBy(['dimension', 'key', 'status'])
    .execute();
  let ledgerRows = 0;
  const rows: CounterRow[] = [];
  for (const r of raw) {
    ledgerRows += Number(r.c);
    if (Number(r.n) !== 0) rows.push({ dimension: r.dimension, key: r.key, status: r.status, n: Number(r.n) });
  }
  return { rows, ledgerRows };
}

/**
 * Folds the ledger to one row per key (zeros dropped). On PostgreSQL it first takes the table
 * in exclusive mode without waiting: holding it means no uncommitted appends exist, so the sum
 * read and the rows deleted are the same; if writers hold it, compaction is skipped (false) and
 * tried again later. SQLite transactions are serial already.
 */
const BUSY = new Error('stats_counters is busy');

export async function compact(db: Db, dialect: Dialect): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await dialect.lockTables(trx, ['stats_counters'], { nowait: true }))) throw BUSY;
      const sums = await trx
        .selectFrom('stats_counters')
        .select(['scope', 'dimension', 'key', 'status', (eb) => eb.fn.sum<number>('n').as('n')])
        .groupBy(['scope', 'dimension', 'key', 'status'])
        .execute();
      await trx.deleteFrom('stats_counters').execute();
      const rows = sums.filter((r) => Number(r.n) !== 0).map((r) => ({ ...r, n: Number(r.n) }));
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('stats_counters')
          .values(rows.slice(i, i + 500))
          .execute();
    });
    return true;
  } catch (err) {
    // Writers are appending right now.
    if (err === BUSY) return false;
    throw err;
  }
}
