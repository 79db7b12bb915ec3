/**
 * Writes one valid sheet row inside the import's transaction, through the same path as any item
 * write: the row, an event on the hash-chained audit log (action 'import', source 'import'), and
 * the afterWrite hooks (search index, supervision …) for every event.
 */
import type { Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ProblemTable } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { appendEvent } from '../audit/audit.repository.js';
import { runAfterWrite, type ProblemHooks, type WriteBatch } from '../problems/problem-hooks.js';
import * as repo from '../problems/problem.repository.js';
import { progressPayload } from '../problems/action-effects.js';
import { impliedProgress, STATE_COLUMNS } from '../problems/state-columns.js';
import { localMidnight } from '../assessment/month-window.js';
import { localDate } from '../shared/time.js';
import { rowKey, type ImportRow } from './row-validate.js';
import type { ReferenceResolver } from './reference-resolver.js';
import type { CodeAllocator } from './code-allocator.js';
import { loadOrigin, originChanges, originOf, writeOrigin } from './import-origin.js';

export interface WriteContext {
  actor: Actor;
  now: string;
  timezone: string;
  codePrefix: string;
  hooks: ProblemHooks;
  fileName: string;
  sheetKey: string;
  importSourceId: number;
  /** Whether new items are public (the import's choice); a re-import leaves visibility alone. */
  isPublic: boolean;
  resolver: ReferenceResolver;
  codes: CodeAllocator;
  /** The import's writes, for hooks that work once per batch (runAfterBatch before commit). */
  batch: WriteBatch;
  /** (sheet key, 序号) → item links, written in batches by flushKeys. */
  pendingKeys: Array<{ sheet_key: string; seq: string; problem_id: number }>;
}

/** A completion date is a local day; noon keeps it on that day in any report. Sheets repeat
 * the same few dates and the time-zone arithmetic is costly, so each date is converted once. */
const noons = new Map<string, string>();
function dayInstant(date: string | null, tz: string, fallback: string): string {
  if (!date) return fallback;
  const key = `${tz} ${date}`;
  let iso = noons.get(key);
  if (!iso) {
    iso = new Date(Date.parse(localMidnight(date, tz)) + 12 * 3_600_000).toISOString();
    if (noons.size > 10_000) noons.clear();
    noons.set(key, iso);
  }
  return iso;
}

async function event(
  trx: Db,
  ctx: WriteContext,
  id: number,
  code: string,
  action: string,
  from: string | null,
  to: string | null,
  payload: Record<string, unknown>,
  isPublic: boolean,
) {
  const ev = await appendEvent(trx, {
    problemId: id,
    action,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    role: ctx.actor.role,
    fromState: from,
    toState: to,
    payload,
    reason: null,
    isPublic,
    createdAt: ctx.now,
  });
  await runAfterWrite(ctx.hooks, trx, {
    problemId: id,
    code,
    action,
    eventId: ev.id,
    fromState: from,
    toState: to,
    payload,
    actorId: ctx.actor.id,
    batch: ctx.batch,
  });
}

/** The problem columns a row sets, for a new item or as the target of an update. */
function columnsOf(r: ImportRow, ctx: WriteContext, prior?: repo.ProblemRow): Updateable<ProblemTable> {
  const has = (f: Parameters<typeof r.present.has>[0]) => r.present.has(f);
  const c: Updateable<ProblemTable> = {};
  if (has('title')) c.title = r.title;
  if (has('description')) c.description = r.description;
  if (has('source') && r.sourceId) c.source_id = r.sourceId;
  if (has('area')) c.area_id = r.areaId;
  if (has('category')) c.category_id = r.categoryId;
  if (has('measures')) c.measures = r.measures;
  if (has('leadDepartment')) c.lead_department_id = r.leadDepartmentId;
  if (has('responsiblePerson')) c.responsible_person = r.responsiblePerson;
  if (has('ownerLeader')) c.owner_leader_id = r.ownerLeaderId;
  if (has('deadline')) c.deadline = r.deadline;
  // The original report time dates the item: statistics, list filters and the settlement read created_at.
  if (r.reportedAt) c.created_at = r.reportedAt;
  // An item first reported years ago is not stamped with today's date either.
  const then = prior ? ctx.now : (r.reportedAt ?? ctx.now);
  if (has('completion') || has('completedOn') || !prior) {
    // The state's timestamps and progress, as the lifecycle's effects would have set them.
    const implied = STATE_COLUMNS[r.status];
    c.status = r.status;
    const keep = (col: 'assigned_at' | 'signed_at' | 'rectified_at' | 'closed_at') => prior?.[col] ?? then;
    const lead = has('leadDepartment') ? r.leadDepartmentId : (prior?.lead_department_id ?? null);
    c.assigned_at = lead && implied.stamped.assigned_at ? keep('assigned_at') : null;
    c.signed_at = lead && implied.stamped.signed_at ? keep('signed_at') : null;
    // A completion date keeps the recorded instant when it names the same day (an exported sheet).
    const doneAt = (col: 'rectified_at' | 'closed_at') => {
      const known = prior?.[col];
      if (!r.completedOn) return keep(col);
      return known && localDate(new Date(known), ctx.timezone) === r.completedOn
        ? known
        : dayInstant(r.completedOn, ctx.timezone, then);
    };
    c.rectified_at = implied.stamped.rectified_at
      ? r.status === 'closed' && prior?.rectified_at
        ? prior.rectified_at
        : doneAt('rectified_at')
      : null;
    c.closed_at = implied.stamped.closed_at ? doneAt('closed_at') : null;
    c.progress_percent =
      implied.progress ??
      Math.max(r.progressPercent, prior && impliedProgress(prior.status) === null ? prior.progress_percent : 0);
  }
  return c;
}

export async function createItem(trx: Db, r: ImportRow, ctx: WriteContext): Promise<{ id: number; code: string }> {
  let code = r.code;
  if (code) await ctx.codes.claim(trx, code);
  else code = await ctx.codes.take(trx);
  const cols = columnsOf(r, ctx);
  const id = await repo.insertProblem(trx, {
    code,
    title: r.title,
    description: r.description,
    category_id: r.categoryId,
    source_id: r.sourceId ?? ctx.importSourceId,
    area_id: r.areaId,
    address: null,
    lat: null,
    lng: null,
    urgency: 'normal',
    is_public: ctx.isPublic ? 1 : 0,
    anonymous: 1,
    reporter_name: null,
    reporter_phone: null,
    reporter_email: null,
    tracking_token_hash: null,
    status: r.status,
    measures: r.measures,
    lead_department_id: r.leadDepartmentId,
    responsible_person: r.responsiblePerson,
    owner_leader_id: r.ownerLeaderId,
    deadline: r.deadline,
    checkpoint_date: null,
    progress_percent: cols.progress_percent as number,
    redo_count: 0,
    report_count: 1,
    merged_into_id: null,
    parent_id: null,
    satisfaction: null,
    assigned_at: cols.assigned_at as string | null,
    signed_at: cols.signed_at as string | null,
    rectified_at: cols.rectified_at as string | null,
    closed_at: cols.closed_at as string | null,
    created_by: ctx.actor.id,
    created_at: r.reportedAt ?? ctx.now,
    updated_at: ctx.now,
  });
  await writeOrigin(trx, id, ctx.now, originOf(r), false);
  if (r.coDepartmentIds.length)
    await trx
      .insertInto('problem_departments')
      .values(r.coDepartmentIds.map((d) => ({ problem_id: id, department_id: d })))
      .execute();
  const names = (ids: number[]) => ids.map((d) => ctx.resolver.nameOf('department', d));
  await event(
    trx,
    ctx,
    id,
    code,
    'import',
    null,
    r.status,
    {
      source: 'import',
      title: r.title,
      sheet: ctx.fileName,
      sheetKey: ctx.sheetKey,
      row: r.rowNumber,
      seq: r.seq,
      leadDepartmentName: names(r.leadDepartmentId ? [r.leadDepartmentId] : [])[0] ?? null,
      coDepartmentNames: names(r.coDepartmentIds),
      deadline: r.deadline,
    },
    true,
  );
  if (r.progress)
    await event(
      trx,
      ctx,
      id,
      code,
      'progress',
      r.status,
      null,
      progressPayload(r.progress, cols.progress_percent),
      true,
    );
  const key = rowKey(r);
  if (key) ctx.pendingKeys.push({ sheet_key: ctx.sheetKey, seq: key, problem_id: id });
  return { id, code };
}

export async function flushKeys(trx: Db, ctx: WriteContext): Promise<void> {
  const keys = ctx.pendingKeys.splice(0);
  for (let i = 0; i < keys.length; i += 500)
    await trx
      .insertInto('sheet_import_keys')
      .values(keys.slice(i, i + 500))
      .execute();
}

async function latestProgress(trx: Db, id: number): Promise<string | null> {
  const e = await trx
    .selectFrom('events')
    .select('payload')
    .where('problem_id', '=', id)
    .where('action', '=', 'progress')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return e ? ((JSON.parse(e.payload) as { text?: string }).text ?? null) : null;
}

/** What a row would change on an existing item: read-only, so a dry run counts like a real import. */
export async function planUpdate(dbx: Db, prior: repo.ProblemRow, r: ImportRow, ctx: WriteContext) {
  const cols = columnsOf(r, ctx, prior);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(cols)) {
    const old = prior[k as keyof repo.ProblemRow];
    if (old !== v) changes[k] = { from: old, to: v };
  }
  let coDepartments: number[] | null = null;
  if (r.present.has('coDepartments')) {
    const before = ((await repo.coDepartmentIdsOf(dbx, [prior.id])).get(prior.id) ?? []).sort((a, b) => a - b);
    const after = [...r.coDepartmentIds].sort((a, b) => a - b);
    if (before.join(',') !== after.join(',')) {
      changes.co_departments = { from: before, to: after };
      coDepartments = after;
    }
  }
  const origin = await loadOrigin(dbx, prior.id);
  const originNext = originOf(r);
  const originDiff = originChanges(origin, originNext);
  Object.assign(changes, originDiff);
  const progressChanged = Boolean(r.progress) && r.progress !== (await latestProgress(dbx, prior.id));
  const kind: 'updated' | 'unchanged' = Object.keys(changes).length || progressChanged ? 'updated' : 'unchanged';
  return { kind, cols, changes, coDepartments, origin, originNext, originDiff, progressChanged };
}

/** Applies the row to an existing item; 'unchanged' writes nothing at all. */
export async function updateItem(
  trx: Db,
  prior: repo.ProblemRow,
  r: ImportRow,
  ctx: WriteContext,
): Promise<'updated' | 'unchanged'> {
  const plan = await planUpdate(trx, prior, r, ctx);
  const { cols, changes, progressChanged } = plan;
  if (plan.kind === 'unchanged') return 'unchanged';
  if (plan.coDepartments) await repo.setCoDepartments(trx, prior.id, plan.coDepartments);
  if (Object.keys(plan.originDiff).length)
    await writeOrigin(trx, prior.id, ctx.now, plan.originNext, plan.origin !== undefined);
  if (Object.keys(changes).length) {
    const problemKeys = new Set(Object.keys(cols));
    const fields = Object.fromEntries(
      Object.entries(changes)
        .filter(([k]) => problemKeys.has(k))
        .map(([k, c]) => [k, c.to]),
    );
    await repo.updateProblem(trx, prior.id, { ...fields, updated_at: ctx.now });
    const newStatus = (cols.status as string | undefined) ?? prior.status;
    await event(
      trx,
      ctx,
      prior.id,
      prior.code,
      'import_update',
      prior.status,
      newStatus !== prior.status ? newStatus : null,
      { source: 'import', sheet: ctx.fileName, sheetKey: ctx.sheetKey, row: r.rowNumber, changes },
      false,
    );
  }
  if (progressChanged) {
    await repo.updateProblem(trx, prior.id, { updated_at: ctx.now });
    await event(
      trx,
      ctx,
      prior.id,
      prior.code,
      'progress',
      (cols.status as string | undefined) ?? prior.status,
      null,
      progressPayload(r.progress, cols.progress_percent ?? prior.progress_percent),
      true,
    );
  }
  return 'updated';
}
