import type { Db } from '../db/database.js';
import type { Config } from '../config.js';
import { AppError, say } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { isStaff } from '../auth/actor.js';
import { digest, randomToken } from '../auth/secrets.js';
import { formatShortCode, tokenMatches } from './short-code.js';
import { appendEvent } from '../audit/audit.repository.js';
import { allowedActions, isState, type Action } from '../lifecycle/lifecycle.js';
import { localDate, type Clock } from '../shared/time.js';
import { subtreeIds } from '../reference/reference.repository.js';
import * as repo from './problem.repository.js';
import { countBounded, countProblems, listProblems, type ListFilter, type SortKey } from './problem-list.repository.js';
import { rankedPage } from './ranked-pages.js';
import { loadLookups, presentProblem } from './problem.presenter.js';
import {
  canRead,
  isOwnReport,
  lifecycleContext,
  mayReadContact,
  reportInputFor,
  visibilityFor,
} from './problem-access.js';
import { listTotals, totalKey } from './list-totals.js';
import { runAfterWrite, runDecorate, runOnCreate, type ProblemHooks } from './problem-hooks.js';
import type { Dialect } from '../db/dialect.js';
import type { CreateProblemInput, ListQueryInput, ProblemView } from './problem.schema.js';
import { validateReferences } from './problem-validation.js';
import type { ReferenceNamesCache } from '../reference/reference-names.js';

export interface ProblemDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  /** What other features add to problem writes (composed by the kernel; see src/features.ts). */
  hooks: ProblemHooks;
  /** Cached reference names for presenting items (absent, they are queried). */
  referenceNames?: ReferenceNamesCache;
}

export type Loaded = { row: repo.ProblemRow; coDepartmentIds: number[]; hasToken: boolean };

export function problemService(deps: ProblemDeps) {
  const { db, config, clock } = deps;
  const today = () => localDate(clock(), config.timezone);

  async function present(actor: Actor, rows: repo.ProblemRow[], tokenFor?: number): Promise<ProblemView[]> {
    const publicOnly = !isStaff(actor);
    const lookups = await loadLookups(db, rows, {
      publicOnly,
      names: deps.referenceNames && (() => deps.referenceNames!.get()),
    });
    const views = rows.map((r) =>
      presentProblem(r, lookups, { withContact: mayReadContact(actor) || tokenFor === r.id, today: today() }),
    );
    await runDecorate(
      deps.hooks,
      db,
      views,
      rows.map((r) => r.id),
    );
    return views;
  }

  /** Loads an item the actor may read, or answers not_found (never "forbidden", to hide codes). */
  async function load(dbx: Db, actor: Actor, code: string, token?: string): Promise<Loaded> {
    const row = await repo.findProblemByCode(dbx, code);
    const notFound = new AppError('not_found', say(`未找到问题 ${code}`, `problem ${code} was not found`), {
      what: 'problem',
      key: code,
    });
    if (!row) throw notFound;
    const hasToken = isOwnReport(actor, row) || tokenMatches(row, token);
    const coDepartmentIds = (await repo.coDepartmentIdsOf(dbx, [row.id])).get(row.id) ?? [];
    if (!canRead(actor, row, coDepartmentIds, hasToken)) throw notFound;
    return { row, coDepartmentIds, hasToken };
  }

  async function withActions(actor: Actor, loaded: Loaded) {
    const [problem] = await present(actor, [loaded.row], loaded.hasToken ? loaded.row.id : undefined);
    const ctx = lifecycleContext(actor, loaded.row, loaded.coDepartmentIds, loaded.hasToken);
    const allowed: Action[] = isState(loaded.row.status) ? allowedActions(loaded.row.status, ctx) : [];
    return { problem, allowedActions: allowed };
  }

  /**
   * `beforeCommit` lets the caller store something (the idempotent reply) in the same transaction;
   * `within` writes in the caller's transaction instead (a visit and its findings commit together).
   */
  async function create(
    actor: Actor,
    sent: CreateProblemInput,
    beforeCommit?: (trx: Db, response: unknown) => Promise<void>,
    within?: Db,
  ) {
    const input = reportInputFor(actor, sent);
    const now = clock().toISOString();
    const token = randomToken('t_');
    const sourceCode =
      isStaff(actor) || actor.kind === 'api_key'
        ? (input.sourceCode ?? (actor.kind === 'api_key' ? 'open311' : 'hotline'))
        : 'web';
    const anonymous = input.anonymous === true;
    // The title is stored trimmed, so the schema's minimum must hold after trimming ("  " passed it).
    if ([...input.title.trim()].length < 2)
      throw new AppError(
        'validation_failed',
        say('标题除空格外至少需要 2 个字', 'the title needs at least 2 characters besides spaces'),
        {
          field: 'title',
        },
      );
    const inTransaction = <T>(f: (trx: Db) => Promise<T>) => (within ? f(within) : db.transaction().execute(f));
    const year = now.slice(0, 4);
    const scope = `${config.codePrefix}-${year}`;
    // Drawn before the transaction where the dialect says so (src/db/dialect.ts): never inside a
    // caller's transaction, whose connection a second one must not wait on.
    const drawn = !within && deps.dialect.drawsCodesOutsideTransaction ? await repo.nextSequence(db, scope) : null;
    return inTransaction(async (trx) => {
      const refs = await validateReferences(trx, { ...input, sourceCode });
      const seq = drawn ?? (await repo.nextSequence(trx, scope));
      const code = `${config.codePrefix}-${year}-${String(seq).padStart(6, '0')}`;
      const short = await repo.unusedShortCode(trx);
      const id = await repo.insertProblem(trx, {
        code,
        title: input.title.trim(),
        description: input.description,
        category_id: input.categoryId ?? null,
        source_id: refs.sourceId,
        area_id: input.areaId ?? null,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        urgency: input.urgency ?? 'normal',
        is_public: input.isPublic === false ? 0 : 1,
        anonymous: anonymous ? 1 : 0,
        reporter_name: anonymous ? null : input.reporter?.name || null,
        reporter_phone: anonymous ? null : input.reporter?.phone || null,
        reporter_email: anonymous ? null : input.reporter?.email || null,
        tracking_token_hash: digest(token),
        short_code: short,
        status: 'submitted',
        progress_percent: 0,
        redo_count: 0,
        report_count: 1,
        measures: input.measures ?? null,
        parent_id: refs.parentId,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      if (input.tagIds?.length) await repo.setTags(trx, id, input.tagIds);
      await runOnCreate(deps.hooks, trx, { problemId: id, code, actor, input });
      const payload = {
        title: input.title,
        categoryId: input.categoryId ?? null,
        areaId: input.areaId ?? null,
        source: sourceCode,
        urgency: input.urgency ?? 'normal',
      };
      const ev = await appendEvent(trx, {
        problemId: id,
        action: 'submit',
        actorId: actor.id,
        actorName: actor.name,
        role: actor.role,
        fromState: null,
        toState: 'submitted',
        payload,
        reason: null,
        isPublic: true,
        createdAt: now,
      });
      await runAfterWrite(deps.hooks, trx, {
        problemId: id,
        code,
        action: 'submit',
        eventId: ev.id,
        fromState: null,
        toState: 'submitted',
        payload,
        actorId: actor.id,
      });
      const row = (await repo.findProblemById(trx, id))!;
      const lookups = await loadLookups(trx, [row], {
        publicOnly: false,
        names: deps.referenceNames && (() => deps.referenceNames!.get(trx)),
      });
      const problem = presentProblem(row, lookups, { withContact: true, today: today() });
      await runDecorate(deps.hooks, trx, [problem], [id]);
      const shortCode = formatShortCode(short);
      if (beforeCommit) await beforeCommit(trx, { problem, trackingToken: token, shortCode });
      return { problem, trackingToken: token, shortCode, id };
    });
  }

  async function toFilter(_actor: Actor, q: ListQueryInput): Promise<ListFilter> {
    const statuses = q.status
      ? q.status
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    const bad = statuses?.find((s) => !isState(s));
    if (bad)
      throw new AppError('validation_failed', say(`未知状态“${bad}”`, `unknown status "${bad}"`), { field: 'status' });
    const f: ListFilter = {
      statuses: statuses as ListFilter['statuses'],
      sourceId: q.sourceId,
      tagId: q.tagId,
      urgency: q.urgency,
      ownerLeaderId: q.ownerLeaderId,
      from: q.from,
      to: q.to,
      overdueBefore: q.overdue ? today() : undefined,
      warningLevel: q.warning,
    };
    if (q.categoryId) f.categoryIds = await subtreeIds(db, 'categories', q.categoryId);
    if (q.areaId) f.areaIds = await subtreeIds(db, 'areas', q.areaId);
    if (q.departmentId) f.departmentIds = await subtreeIds(db, 'departments', q.departmentId);
    const text = q.q?.trim();
    if (text) {
      if (deps.hooks.search) f.textMatch = await deps.hooks.search.match(db, text);
      else f.textLike = text;
    }
    return f;
  }

  const totals = listTotals();

  return {
    load,
    withActions,
    create,
    today,
    present,
    async get(actor: Actor, code: string, token?: string) {
      return withActions(actor, await load(db, actor, code, token));
    },
    /** A page of the list with its total (left out when `withTotal` is false, e.g. export pages). */
    async list(actor: Actor, q: ListQueryInput, opts: { withTotal?: boolean } = {}) {
      const filter = await toFilter(actor, q);
      const visibility = visibilityFor(actor);
      const text = q.q?.trim();
      const search = text && filter.textMatch ? deps.hooks.search : null;
      const limit = q.limit ?? 20;
      // A text query without an explicit sort lists by relevance, window by window (ranked-pages.ts).
      const [{ rows, nextCursor }, total] = await Promise.all([
        search && text && !q.sort
          ? rankedPage(db, search, text, { filter, visibility, publicOnly: !isStaff(actor), limit, cursor: q.cursor })
          : listProblems(db, deps.dialect, filter, visibility, (q.sort ?? 'created_desc') as SortKey, limit, q.cursor),
        opts.withTotal === false
          ? undefined
          : totals.get(totalKey(visibility, q), Boolean(q.cursor), () => countBounded(db, filter, visibility)),
      ]);
      const items = await present(actor, rows);
      if (text && deps.hooks.search) for (const item of items) deps.hooks.search.decorate(item, text);
      return { items, nextCursor, ...total };
    },
    async count(actor: Actor, q: ListQueryInput) {
      return countProblems(db, await toFilter(actor, q), visibilityFor(actor));
    },
    toFilter,
  };
}

export type ProblemService = ReturnType<typeof problemService>;
