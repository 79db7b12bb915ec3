/**
 * What Open311 reads from Qingdan's tables and the little it stores itself (open311_requests).
 * Visibility is the public's (accepted and later, marked public) widened by one rule: a client
 * reads back every item it submitted with its own api_key, as a reporter does with a token.
 */
import { countUpTo } from '../problems/problem-list.repository.js';
import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, Open311RequestTable } from '../db/schema.js';
import { ACTIONS, PUBLIC_STATES, type State } from '../lifecycle/lifecycle.js';
import type { ProblemRow } from '../problems/problem.repository.js';
import { normaliseShortCode } from '../problems/short-code.js';

export interface Scope {
  /** The calling client's api key id, when it sent one: its own submissions are visible too. */
  apiKeyId: number | null;
  /** Area subtree of an area-scoped jurisdiction; null: the whole city. */
  areaIds: number[] | null;
}

export interface RequestFilter extends Scope {
  codes?: string[];
  /** Category ids; `uncategorised` selects items without a category. */
  categoryIds?: number[];
  uncategorised?: boolean;
  states?: State[];
  from?: string;
  to?: string;
  limit: number;
}

type EB = ExpressionBuilder<Database, 'problems'>;

function scopeExpr(eb: EB, scope: Scope): Expression<SqlBool> {
  const visible = eb.and([eb('problems.is_public', '=', 1), eb('problems.status', 'in', PUBLIC_STATES)]);
  const readable =
    scope.apiKeyId === null
      ? visible
      : eb.or([
          visible,
          eb.exists(
            eb
              .selectFrom('open311_requests as o')
              .select('o.problem_id')
              .whereRef('o.problem_id', '=', 'problems.id')
              .where('o.api_key_id', '=', scope.apiKeyId),
          ),
        ]);
  return scope.areaIds === null
    ? readable
    : eb.and([readable, eb('problems.area_id', 'in', scope.areaIds.length ? scope.areaIds : [-1])]);
}

/** GET /requests: newest first, at most `limit`. */
export async function findRequests(db: Db, f: RequestFilter): Promise<ProblemRow[]> {
  return db
    .selectFrom('problems')
    .selectAll('problems')
    .where((eb) => requestsExpr(eb, f))
    .orderBy('problems.created_at', 'desc')
    .orderBy('problems.id', 'desc')
    .limit(f.limit)
    .execute();
}

/** How many requests the filter holds, counted up to `bound` + 1 rows (the list's total). */
export function countRequests(db: Db, f: RequestFilter, bound: number): Promise<number> {
  return countUpTo(
    db,
    db
      .selectFrom('problems')
      .select('problems.id')
      .where((eb) => requestsExpr(eb, f)),
    bound,
  );
}

function requestsExpr(eb: EB, f: RequestFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [scopeExpr(eb, f)];
  if (f.codes) parts.push(eb('problems.code', 'in', f.codes.length ? f.codes : ['']));
  if (f.categoryIds || f.uncategorised) {
    const ors: Expression<SqlBool>[] = [];
    if (f.categoryIds?.length) ors.push(eb('problems.category_id', 'in', f.categoryIds));
    if (f.uncategorised) ors.push(eb('problems.category_id', 'is', null));
    parts.push(ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`);
  }
  if (f.states) parts.push(eb('problems.status', 'in', f.states.length ? f.states : ['']));
  if (f.from) parts.push(eb('problems.created_at', '>=', f.from));
  if (f.to) parts.push(eb('problems.created_at', '<=', f.to));
  return eb.and(parts);
}

/**
 * Items posted through Open311 that still await triage, by id: their own notice says they can be
 * followed by that id at once, so anyone may read a minimal view of them (open311-present.ts).
 */
export async function findAwaitingTriage(db: Db, codes: string[], areaIds: number[] | null): Promise<ProblemRow[]> {
  if (codes.length === 0) return [];
  let q = db
    .selectFrom('problems')
    .selectAll('problems')
    .where('problems.code', 'in', codes)
    .where('problems.status', '=', 'submitted')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('open311_requests as o').select('o.problem_id').whereRef('o.problem_id', '=', 'problems.id'),
      ),
    );
  if (areaIds !== null) q = q.where('problems.area_id', 'in', areaIds.length ? areaIds : [-1]);
  return q.execute();
}

/** Public lifecycle events of visible items in a time window, oldest first (the updates feed). */
export async function findUpdates(db: Db, f: Scope & { from: string; to: string; limit: number }) {
  return db
    .selectFrom('events')
    .innerJoin('problems', 'problems.id', 'events.problem_id')
    .select([
      'events.id',
      'events.problem_id',
      'problems.code',
      'events.action',
      'events.from_state',
      'events.to_state',
      'events.payload',
      'events.reason',
      'events.created_at',
    ])
    .where('events.is_public', '=', 1)
    .where('events.action', 'in', [...ACTIONS])
    .where('events.created_at', '>=', f.from)
    .where('events.created_at', '<=', f.to)
    .where((eb) => scopeExpr(eb as unknown as EB, f))
    .orderBy('events.created_at')
    .orderBy('events.id')
    .limit(f.limit)
    .execute();
}

export type UpdateRow = Awaited<ReturnType<typeof findUpdates>>[number];

/** Public lifecycle events of some items, oldest first (for each item's latest public note). */
export async function publicEventsOf(db: Db, problemIds: number[]): Promise<UpdateRow[]> {
  if (problemIds.length === 0) return [];
  return db
    .selectFrom('events')
    .innerJoin('problems', 'problems.id', 'events.problem_id')
    .select([
      'events.id',
      'events.problem_id',
      'problems.code',
      'events.action',
      'events.from_state',
      'events.to_state',
      'events.payload',
      'events.reason',
      'events.created_at',
    ])
    .where('events.problem_id', 'in', problemIds)
    .where('events.is_public', '=', 1)
    .where('events.action', 'in', [...ACTIONS])
    .orderBy('events.id')
    .execute();
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/** Public photos of items and of events: Open311's media_url points at the first one. */
export async function publicPhotos(db: Db, problemIds: number[]) {
  if (problemIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'problem_id', 'event_id'])
    .where('problem_id', 'in', problemIds)
    .where('is_public', '=', 1)
    .where('mime', 'in', IMAGE_TYPES)
    .orderBy('id')
    .execute();
}

export async function open311RowsOf(db: Db, problemIds: number[]) {
  if (problemIds.length === 0) return new Map<number, { media_url: string | null }>();
  const rows = await db
    .selectFrom('open311_requests')
    .select(['problem_id', 'media_url'])
    .where('problem_id', 'in', problemIds)
    .execute();
  return new Map(rows.map((r) => [r.problem_id, r]));
}

export async function insertOpen311Request(trx: Db, row: Insertable<Open311RequestTable>): Promise<void> {
  await trx.insertInto('open311_requests').values(row).execute();
}

/** Categories that are services: leaves of the category tree, with their parent's names. */
export async function leafCategories(db: Db) {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'code', 'name', 'name_en', 'sort'])
    .orderBy('sort')
    .orderBy('id')
    .execute();
  const parents = new Set(rows.map((r) => r.parent_id).filter((p): p is number => p !== null));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows
    .filter((r) => !parents.has(r.id))
    .map((r) => ({ ...r, parent: r.parent_id === null ? null : (byId.get(r.parent_id) ?? null) }));
}

export async function areaByCode(db: Db, code: string) {
  return db.selectFrom('areas').select(['id', 'code', 'name', 'name_en']).where('code', '=', code).executeTakeFirst();
}

/**
 * The item a token belongs to (GET /tokens/{token}): the public token an Open311 POST returned,
 * or a reporter's Qingdan tracking token or short code.
 */
export async function codeByToken(db: Db, token: string, hash: string): Promise<string | null> {
  const open311 = await db
    .selectFrom('open311_requests as o')
    .innerJoin('problems as p', 'p.id', 'o.problem_id')
    .select('p.code')
    .where('o.token', '=', token)
    .executeTakeFirst();
  if (open311) return open311.code;
  const short = normaliseShortCode(token);
  const row = await db
    .selectFrom('problems')
    .select('code')
    .where((eb) =>
      short
        ? eb.or([eb('tracking_token_hash', '=', hash), eb('short_code', '=', short)])
        : eb('tracking_token_hash', '=', hash),
    )
    .executeTakeFirst();
  return row?.code ?? null;
}

/** The 'open311' source exists in the demo; a city that set up its own sources gets it on first use. */
export async function ensureOpen311Source(db: Db): Promise<void> {
  const found = await db.selectFrom('sources').select('id').where('code', '=', 'open311').executeTakeFirst();
  if (found) return;
  await db
    .insertInto('sources')
    .values({ code: 'open311', name: 'Open311 客户端', name_en: 'Open311 client', sort: 100 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

type Named = { id: number; code: string; name: string; name_en: string | null };

/** Names (both languages) and codes of the reference data a request shows; small tables, read whole. */
export async function referenceNames(db: Db) {
  const [categories, areas, departments] = await Promise.all([
    db.selectFrom('categories').select(['id', 'code', 'name', 'name_en']).execute(),
    db.selectFrom('areas').select(['id', 'code', 'name', 'name_en']).execute(),
    db.selectFrom('departments').select(['id', 'code', 'name', 'name_en']).execute(),
  ]);
  const byId = (rows: Named[]) => new Map(rows.map((r) => [r.id, r]));
  return { categories: byId(categories), areas: byId(areas), departments: byId(departments) };
}
