import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { newShortCode } from './short-code.js';
import type { Db } from '../db/database.js';
import type { ProblemTable } from '../db/schema.js';

export type ProblemRow = Selectable<ProblemTable>;

/** Codes are issued in capitals (JZ-2026-000071); one typed in lower case names the same item. */
export const findProblemByCode = (db: Db, code: string) =>
  db.selectFrom('problems').selectAll().where('code', '=', code.trim().toUpperCase()).executeTakeFirst();
export const findProblemById = (db: Db, id: number) =>
  db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertProblem(db: Db, row: Insertable<ProblemTable>): Promise<number> {
  const r = await db.insertInto('problems').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProblem(db: Db, id: number, patch: Updateable<ProblemTable>): Promise<void> {
  await db.updateTable('problems').set(patch).where('id', '=', id).execute();
}

/** Next number in a code scope ('JZ-2026'): one atomic upsert, safe under concurrency. */
export async function nextSequence(db: Db, scope: string): Promise<number> {
  const r = await db
    .insertInto('code_sequences')
    .values({ scope, last_value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ last_value: sql`code_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

export async function setCoDepartments(db: Db, problemId: number, departmentIds: number[]): Promise<void> {
  await db.deleteFrom('problem_departments').where('problem_id', '=', problemId).execute();
  if (departmentIds.length) {
    await db
      .insertInto('problem_departments')
      .values(departmentIds.map((d) => ({ problem_id: problemId, department_id: d })))
      .execute();
  }
}

export async function setTags(db: Db, problemId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom('problem_tags').where('problem_id', '=', problemId).execute();
  if (tagIds.length)
    await db
      .insertInto('problem_tags')
      .values(tagIds.map((t) => ({ problem_id: problemId, tag_id: t })))
      .execute();
}

export async function coDepartmentIdsOf(db: Db, problemIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!problemIds.length) return out;
  const rows = await db
    .selectFrom('problem_departments')
    .select(['problem_id', 'department_id'])
    .where('problem_id', 'in', problemIds)
    .execute();
  for (const r of rows) out.set(r.problem_id, [...(out.get(r.problem_id) ?? []), r.department_id]);
  return out;
}

export async function tagIdsOf(db: Db, problemIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!problemIds.length) return out;
  const rows = await db
    .selectFrom('problem_tags')
    .select(['problem_id', 'tag_id'])
    .where('problem_id', 'in', problemIds)
    .execute();
  for (const r of rows) out.set(r.problem_id, [...(out.get(r.problem_id) ?? []), r.tag_id]);
  return out;
}

export async function codesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('problems').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function findIdempotent(db: Db, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveIdempotent(
  db: Db,
  row: { key: string; request_hash: string; status_code: number; response: string; created_at: string },
) {
  await db.insertInto('idempotency_keys').values(row).execute();
}

/** A short tracking code no item has yet (a clash is one in ~10^11 per item, so a retry is plenty). */
export async function unusedShortCode(db: Db): Promise<string> {
  for (;;) {
    const code = newShortCode();
    const taken = await db.selectFrom('problems').select('id').where('short_code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}
