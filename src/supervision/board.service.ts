import type { Actor } from '../auth/actor.js';
import { AppError, type Lang, notFound, say } from '../errors.js';
import { appendEvent } from '../audit/audit.repository.js';
import { subtreeIds } from '../reference/reference.repository.js';
import { findProblemByCode } from '../problems/problem.repository.js';
import { departmentUserIds } from '../notify/notifier.js';
import { itemProgress } from './item-progress.js';
import { departmentScope, loadFor } from './supervision-access.js';
import {
  ACTION_NAMES,
  ACTION_NAMES_EN,
  insertAction,
  listActions,
  presentAction,
  type SupervisionActionKind,
} from './supervision-actions.repository.js';
import { presentExtension } from './extensions.service.js';
import { dispatchDeadline, returnWindowEnd } from './time-limits.js';
import { limitUrgency } from './calendar-store.js';
import type { SupervisionRuntime } from './runtime.js';
import { warningBoardPage } from './warning-board.repository.js';
import { milestoneLabel } from './plan-templates.js';
import { todoPage, type TodoKind } from './todo.repository.js';

interface WarningQuery {
  level?: string;
  departmentId?: number;
  areaId?: number;
  q?: string;
  missing?: boolean;
  limit?: number;
  offset?: number;
}

const PUBLIC_ACTION_KINDS: SupervisionActionKind[] = ['notice', 'flagged'];

/** Supervision views (item, warnings board, leader, department record) and manual actions. */
export function boardService(rt: SupervisionRuntime) {
  const db = rt.db;

  async function warningRows(f: {
    level?: string;
    departmentIds?: number[];
    ownerLeaderId?: number;
    includeNone?: boolean;
  }) {
    return db
      .selectFrom('problems')
      .innerJoin('item_supervision as s', 's.problem_id', 'problems.id')
      .leftJoin('departments as d', 'd.id', 'problems.lead_department_id')
      .select([
        'problems.code',
        'problems.title',
        'problems.status',
        'problems.deadline',
        'problems.progress_percent',
        'problems.lead_department_id',
        'd.name as department_name',
        's.warning_level',
        's.warning_reasons',
        's.warning_since',
        's.planned_percent',
        's.missing_weekly_report',
      ])
      .$if(!f.includeNone, (q) => q.where('s.warning_level', '!=', 'none'))
      .$if(f.level !== undefined, (q) => q.where('s.warning_level', '=', f.level!))
      .$if(f.departmentIds !== undefined, (q) =>
        q.where('problems.lead_department_id', 'in', f.departmentIds!.length ? f.departmentIds! : [-1]),
      )
      .$if(f.ownerLeaderId !== undefined, (q) => q.where('problems.owner_leader_id', '=', f.ownerLeaderId!))
      .orderBy('problems.deadline')
      .orderBy('problems.id')
      .limit(500)
      .execute();
  }
  type WarningRow = Awaited<ReturnType<typeof warningRows>>[number];
  /** A to-do row may have no supervision row yet (an item just assigned): no warning then. */
  const presentTodo = (r: { [K in keyof WarningRow]: WarningRow[K] | null }) =>
    presentWarning({
      ...(r as WarningRow),
      warning_level: r.warning_level ?? 'none',
      warning_reasons: r.warning_reasons ?? '[]',
      missing_weekly_report: r.missing_weekly_report ?? 0,
    });
  const presentWarning = (r: WarningRow) => ({
    code: r.code,
    title: r.title,
    status: r.status,
    deadline: r.deadline,
    reportedPercent: r.progress_percent,
    plannedPercent: r.planned_percent,
    leadDepartment: r.lead_department_id ? { id: r.lead_department_id, name: r.department_name ?? '' } : null,
    warning: { level: r.warning_level, reasons: JSON.parse(r.warning_reasons) as string[], since: r.warning_since },
    missingWeeklyReport: r.missing_weekly_report === 1,
  });
  const levelCounts = (rows: { warning_level: string }[]) =>
    rows.reduce(
      (acc, r) => {
        acc[r.warning_level] = (acc[r.warning_level] ?? 0) + 1;
        return acc;
      },
      {
        blue: 0,
        yellow: 0,
        red: 0,
      } as Record<string, number>,
    );

  /**
   * Warning counts per colour over every matching item, counted in SQL: the rows shown stop at
   * 500, and counting those made a unit with more warnings look better than it is.
   */
  async function warningCounts(f: { departmentIds?: number[]; ownerLeaderId?: number }) {
    const rows = await db
      .selectFrom('problems')
      .innerJoin('item_supervision as s', 's.problem_id', 'problems.id')
      .select(['s.warning_level', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('s.warning_level', '!=', 'none')
      .$if(f.departmentIds !== undefined, (q) =>
        q.where('problems.lead_department_id', 'in', f.departmentIds!.length ? f.departmentIds! : [-1]),
      )
      .$if(f.ownerLeaderId !== undefined, (q) => q.where('problems.owner_leader_id', '=', f.ownerLeaderId!))
      .groupBy('s.warning_level')
      .execute();
    const counts: Record<string, number> = levelCounts([]);
    for (const r of rows) counts[r.warning_level] = Number(r.n);
    return counts;
  }

  return {
    async item(actor: Actor, code: string, lang: Lang = 'zh') {
      const { row } = await loadFor(rt, db, actor, code, 'read');
      const [p, sup, exts, actions] = await Promise.all([
        itemProgress(rt, db, row),
        db.selectFrom('item_supervision').selectAll().where('problem_id', '=', row.id).executeTakeFirst(),
        db.selectFrom('extensions').selectAll().where('problem_id', '=', row.id).orderBy('id').execute(),
        listActions(db, { problemId: row.id }),
      ]);
      // The hour limits of triage and hand-over, and whether each was met.
      const cal = rt.store.calendar();
      const limits = {
        dispatchBy: dispatchDeadline(cal, row.created_at, limitUrgency(row.urgency), rt.store.limits()),
        signForBy: row.assigned_at ? rt.store.signForBy(row.assigned_at, row.urgency) : null,
        returnBy: row.assigned_at ? returnWindowEnd(cal, rt.dateOf(row.assigned_at), rt.store.limits()) : null,
        signedInTime:
          row.assigned_at && row.signed_at ? row.signed_at <= rt.store.signForBy(row.assigned_at, row.urgency) : null,
      };
      return {
        code: row.code,
        status: row.status,
        deadline: row.deadline,
        limits,
        originalDeadline: sup?.original_deadline ?? row.deadline,
        checkpointDate: row.checkpoint_date,
        warning: { ...p.warning, since: sup?.warning_since ?? null },
        plannedPercent: p.plannedPercent,
        reportedPercent: p.reportedPercent,
        missedMilestones: p.missedMilestones,
        lastReportAt: p.lastReportAt,
        missingWeeklyReport: p.missingWeeklyReport,
        nextReportDue: p.nextReportDue,
        rollupWeight: sup?.rollup_weight ?? 1,
        milestones: p.milestones.map((m) => ({
          id: m.id,
          name: m.name,
          label: milestoneLabel(m.name, lang),
          dueDate: m.dueDate,
          weight: m.weight,
          doneAt: m.doneAt ?? null,
          missed: m.missed,
        })),
        children: p.children.map((c) => ({
          code: c.code,
          title: c.title,
          status: c.status,
          weight: c.weight,
          reportedPercent: c.reported,
          plannedPercent: c.planned,
        })),
        extensions: exts.map(presentExtension),
        actions: actions.map((a) => presentAction(a, lang)),
      };
    },

    /** The board's warnings, one page at a time, filtered and counted in SQL. */
    async warnings(actor: Actor, q: WarningQuery) {
      const scope = departmentScope(actor);
      let departmentIds = q.departmentId ? await subtreeIds(db, 'departments', q.departmentId) : undefined;
      if (scope !== 'all') departmentIds = (departmentIds ?? scope).filter((d) => scope.includes(d));
      const areaIds = q.areaId ? await subtreeIds(db, 'areas', q.areaId) : undefined;
      const limit = q.limit ?? 50;
      const offset = q.offset ?? 0;
      const { rows, ...totals } = await warningBoardPage(
        db,
        { level: q.level, departmentIds, areaIds, q: q.q, missing: q.missing },
        { limit, offset },
      );
      return { ...totals, limit, offset, items: rows.map(presentWarning) };
    },

    /** A unit's to-do (sign, plan, weekly report, rectify): one kind's page and every kind's count. */
    async todo(
      actor: Actor,
      q: { kind?: TodoKind; departmentId?: number; q?: string; limit?: number; offset?: number },
    ) {
      const scope = departmentScope(actor);
      let departmentIds = q.departmentId ? await subtreeIds(db, 'departments', q.departmentId) : undefined;
      if (scope !== 'all') departmentIds = (departmentIds ?? scope).filter((d) => scope.includes(d));
      const kind = q.kind ?? 'sign';
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const { rows, counts } = await todoPage(db, { kind, departmentIds, q: q.q }, { limit, offset });
      return { kind, counts, total: counts[kind], limit, offset, items: rows.map(presentTodo) };
    },

    /** Items a leader owns (领办) with their warnings; oversight roles may look at any leader's. */
    async leaderItems(actor: Actor, leaderId?: number) {
      const id = actor.role === 'leader' ? actor.id! : leaderId;
      if (!id)
        throw new AppError('validation_failed', say('请指明领导：leaderId', 'say which leader: leaderId'), {
          field: 'leaderId',
        });
      const [rows, counts] = await Promise.all([
        warningRows({ ownerLeaderId: id, includeNone: true }),
        warningCounts({ ownerLeaderId: id }),
      ]);
      const open = await db
        .selectFrom('problems')
        .select(['code', 'title', 'status', 'deadline'])
        .where('owner_leader_id', '=', id)
        .orderBy('id')
        .execute();
      const warned = new Map(rows.map((r) => [r.code, presentWarning(r)]));
      return {
        leaderId: id,
        counts,
        items: open.map(
          (o) =>
            warned.get(o.code) ?? {
              ...o,
              reportedPercent: null,
              plannedPercent: null,
              leadDepartment: null,
              warning: { level: 'none', reasons: [], since: null },
              missingWeeklyReport: false,
            },
        ),
      };
    },

    async departmentRecord(actor: Actor, departmentId: number, q: { from?: string; to?: string }, lang: Lang = 'zh') {
      const scope = departmentScope(actor);
      if (scope !== 'all' && !scope.includes(departmentId))
        throw new AppError(
          'forbidden',
          say('单位只能查看本单位的督查记录', 'a unit sees only its own supervision record'),
        );
      const dept = await db
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('id', '=', departmentId)
        .executeTakeFirst();
      if (!dept) throw notFound('department', departmentId);
      const [actions, misses, warnings, exts, counts] = await Promise.all([
        listActions(db, { departmentIds: [departmentId], from: q.from, to: q.to }),
        db
          .selectFrom('weekly_report_misses as m')
          .innerJoin('problems as p', 'p.id', 'm.problem_id')
          .select(['m.due_date', 'p.code', 'p.title'])
          .where('m.department_id', '=', departmentId)
          .$if(q.from !== undefined, (x) => x.where('m.due_date', '>=', q.from!))
          .$if(q.to !== undefined, (x) => x.where('m.due_date', '<=', q.to!))
          .orderBy('m.due_date', 'desc')
          .limit(500)
          .execute(),
        warningRows({ departmentIds: [departmentId] }),
        db
          .selectFrom('extensions as e')
          .innerJoin('problems as p', 'p.id', 'e.problem_id')
          .selectAll('e')
          .select(['p.code'])
          .where('e.department_id', '=', departmentId)
          .orderBy('e.id', 'desc')
          .limit(200)
          .execute(),
        warningCounts({ departmentIds: [departmentId] }),
      ]);
      return {
        department: dept,
        actions: actions.map((a) => presentAction(a, lang)),
        weeklyReportMisses: misses.map((m) => ({ dueDate: m.due_date, code: m.code, title: m.title })),
        warnings: { counts, items: warnings.map(presentWarning) },
        extensions: exts.map((e) => ({ code: e.code, ...presentExtension(e) })),
      };
    },

    /** A supervisor records 催办/督办函/约谈/通报/挂牌督办 on an item or a unit. */
    async recordAction(
      actor: Actor,
      input: {
        kind: SupervisionActionKind;
        problemCode?: string;
        departmentId?: number;
        date?: string;
        text: string;
        people?: string[];
      },
    ) {
      if (!input.problemCode && !input.departmentId)
        throw new AppError(
          'validation_failed',
          say(
            '请指明事项（problemCode）或单位（departmentId）',
            'name the item (problemCode) or the unit (departmentId)',
          ),
          {
            field: 'problemCode',
          },
        );
      return db.transaction().execute(async (trx) => {
        const problem = input.problemCode ? await findProblemByCode(trx, input.problemCode) : undefined;
        if (input.problemCode && !problem) throw notFound('problem', input.problemCode);
        const departmentId = input.departmentId ?? problem?.lead_department_id ?? null;
        if (
          departmentId !== null &&
          !(await trx.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst())
        ) {
          throw new AppError(
            'validation_failed',
            say(`部门 ${departmentId} 不存在`, `department ${departmentId} does not exist`),
            {
              field: 'departmentId',
            },
          );
        }
        const now = rt.now().toISOString();
        const date = input.date ?? rt.today();
        const id = (await insertAction(trx, {
          problemId: problem?.id ?? null,
          departmentId,
          kind: input.kind,
          actionDate: date,
          text: input.text,
          people: input.people ?? [],
          automatic: false,
          dedupeKey: null,
          createdBy: actor.id,
          createdAt: now,
        }))!;
        if (problem) {
          await appendEvent(trx, {
            problemId: problem.id,
            action: `supervision_${input.kind}`,
            actorId: actor.id,
            actorName: actor.name,
            role: actor.role,
            fromState: problem.status,
            toState: problem.status,
            payload: { supervisionActionId: id, kind: input.kind, date, text: input.text, people: input.people ?? [] },
            reason: null,
            isPublic: PUBLIC_ACTION_KINDS.includes(input.kind),
            createdAt: now,
          });
        }
        await rt.notifier.notify(
          trx,
          {
            userIds: await departmentUserIds(trx, departmentId),
            kind: input.kind === 'summons' ? 'summons' : input.kind === 'reminder' ? 'reminder' : 'supervision',
            problemCode: problem?.code ?? null,
            title: `${ACTION_NAMES[input.kind]}${problem ? `：${problem.title}` : ''}`,
            body: input.text,
            // The supervisor's own words stay as written; only the heading is the system's.
            en: { title: `${ACTION_NAMES_EN[input.kind]}${problem ? `: ${problem.title}` : ''}`, body: input.text },
          },
          now,
        );
        const [row] = await listActions(trx, { id });
        return presentAction(row);
      });
    },
  };
}
