import type { Db } from '../db/database.js';
import type { ReferenceKind } from './reference.schema.js';

export type ReferenceRecord = Record<string, unknown> & { id: number; code: string; name: string };

function toRecord(kind: ReferenceKind, row: Record<string, any>): ReferenceRecord {
  const out: Record<string, unknown> = {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    sort: row.sort,
  };
  if (kind.tree) out.parentId = row.parent_id;
  for (const [field, column] of Object.entries(kind.extra)) out[field] = row[column];
  return out as ReferenceRecord;
}

function toRow(kind: ReferenceKind, input: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const map: Record<string, string> = { code: 'code', name: 'name', nameEn: 'name_en', sort: 'sort', ...kind.extra };
  if (kind.tree) map.parentId = 'parent_id';
  for (const [field, column] of Object.entries(map)) if (input[field] !== undefined) row[column] = input[field];
  return row;
}

export async function listReference(db: Db, kind: ReferenceKind): Promise<ReferenceRecord[]> {
  const rows = await (db as Db)
    .selectFrom(kind.table as 'tags')
    .selectAll()
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((r) => toRecord(kind, r));
}

export async function findReference(db: Db, kind: ReferenceKind, id: number): Promise<ReferenceRecord | undefined> {
  const row = await db
    .selectFrom(kind.table as 'tags')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(kind, row) : undefined;
}

export async function insertReference(db: Db, kind: ReferenceKind, input: Record<string, unknown>): Promise<number> {
  const row = { ...toRow(kind, { ...kind.extraDefaults, sort: 0, ...input }) };
  const res = await db
    .insertInto(kind.table as 'tags')
    .values(row as any)
    .returning('id')
    .executeTakeFirstOrThrow();
  return res.id;
}

export async function updateReference(
  db: Db,
  kind: ReferenceKind,
  id: number,
  input: Record<string, unknown>,
): Promise<void> {
  const row = toRow(kind, input);
  if (Object.keys(row).length === 0) return;
  await db
    .updateTable(kind.table as 'tags')
    .set(row as any)
    .where('id', '=', id)
    .execute();
}

export async function deleteReference(db: Db, kind: ReferenceKind, id: number): Promise<void> {
  await db
    .deleteFrom(kind.table as 'tags')
    .where('id', '=', id)
    .execute();
}

/** Ids of a tree node and all its descendants (department scope, area filters). */
export async function subtreeIds(
  db: Db,
  table: 'areas' | 'departments' | 'categories',
  rootId: number,
): Promise<number[]> {
  const rows = await db.selectFrom(table).select(['id', 'parent_id']).execute();
  return subtreeFrom(rows, rootId);
}

export function subtreeFrom(rows: { id: number; parent_id: number | null }[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const r of rows)
    if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
