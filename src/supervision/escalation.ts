import { appendEvent } from '../audit/audit.repository.js';
import { OVERDUE_STATES } from '../problems/problem-list.repository.js';
import { departmentUserIds } from '../notify/notifier.js';
import { insertAction } from './supervision-actions.repository.js';
import { lastDueDate, REPORTING_STATES, missedWeek, weekStart } from './weekly-report-rule.js';
import { lastReportAt, UNTRIAGED_CHILD_STATES } from './item-progress.js';
import { recomputeWarning } from './warnings.service.js';
import type { SupervisionRuntime } from './runtime.js';
import { overdueReminder, weeklyReportMissing } from './notice-texts.js';

/**
 * Escalation: the day after a deadline passes, a reminder (催办) is recorded on the item and the
 * unit is notified. Keyed by item and deadline, so reruns and a second instance record it once,
 * and an extended deadline that passes again earns a new reminder.
 */
export async function sendOverdueReminders(rt: SupervisionRuntime): Promise<{ overdue: number; reminded: number }> {
  const today = rt.today();
  const rows = await rt.db
    .selectFrom('problems')
    .select(['id', 'code', 'title', 'status', 'deadline', 'lead_department_id'])
    .where('status', 'in', OVERDUE_STATES)
    .where('deadline', '<', today)
    .orderBy('id')
    .execute();
  let reminded = 0;
  for (const p of rows) {
    await rt.db.transaction().execute(async (trx) => {
      const now = rt.now().toISOString();
      const notice = overdueReminder(p);
      const text = notice.body;
      const id = await insertAction(trx, {
        problemId: p.id,
        departmentId: p.lead_department_id,
        kind: 'reminder',
        actionDate: today,
        text,
        textEn: notice.en.body,
        people: [],
        automatic: true,
        dedupeKey: `overdue:${p.id}:${p.deadline}`,
        createdBy: null,
        createdAt: now,
      });
      if (id === null) return;
      reminded++;
      await appendEvent(trx, {
        problemId: p.id,
        action: 'reminder',
        actorId: null,
        actorName: 'system',
        role: 'system',
        fromState: p.status,
        toState: p.status,
        payload: { supervisionActionId: id, deadline: p.deadline, automatic: true, text },
        reason: null,
        isPublic: false,
        createdAt: now,
      });
      await rt.notifier.notify(
        trx,
        {
          userIds: await departmentUserIds(trx, p.lead_department_id),
          kind: 'reminder',
          ...notice,
          problemCode: p.code,
        },
        now,
      );
      await recomputeWarning(rt, trx, p.id);
    });
  }
  return { overdue: rows.length, reminded };
}

/**
 * The weekly check (周督): items that owed last week's progress report and have none are recorded
 * as a miss on the item and its unit, once per item and week, and the unit is told.
 */
export async function checkWeeklyReports(
  rt: SupervisionRuntime,
): Promise<{ dueDate: string; checked: number; missing: number }> {
  const dueDate = lastDueDate(rt.today(), rt.config.weeklyReportWeekday);
  // Parent items (campaigns split into tasks) report through their children.
  const rows = await rt.db
    .selectFrom('problems')
    .select(['id', 'code', 'title', 'status', 'signed_at', 'lead_department_id'])
    .where('status', 'in', REPORTING_STATES)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('problems as c')
            .select('c.id')
            .whereRef('c.parent_id', '=', 'problems.id')
            .where('c.status', 'not in', UNTRIAGED_CHILD_STATES),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  let missing = 0;
  for (const p of rows) {
    const last = await lastReportAt(rt.db, p.id);
    const facts = {
      status: p.status,
      signedDate: p.signed_at ? rt.dateOf(p.signed_at) : null,
      lastReportDate: last ? rt.dateOf(last) : null,
    };
    if (!missedWeek(facts, dueDate)) continue;
    await rt.db.transaction().execute(async (trx) => {
      const now = rt.now().toISOString();
      const r = await trx
        .insertInto('weekly_report_misses')
        .values({ problem_id: p.id, department_id: p.lead_department_id, due_date: dueDate, created_at: now })
        .onConflict((oc) => oc.columns(['problem_id', 'due_date']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) return;
      missing++;
      await appendEvent(trx, {
        problemId: p.id,
        action: 'weekly_report_missing',
        actorId: null,
        actorName: 'system',
        role: 'system',
        fromState: p.status,
        toState: p.status,
        payload: { dueDate, weekStart: weekStart(dueDate), lastReportAt: last },
        reason: null,
        isPublic: false,
        createdAt: now,
      });
      await rt.notifier.notify(
        trx,
        {
          userIds: await departmentUserIds(trx, p.lead_department_id),
          kind: 'reminder',
          problemCode: p.code,
          ...weeklyReportMissing({ ...p, deadline: null }, weekStart(dueDate), dueDate),
        },
        now,
      );
      await recomputeWarning(rt, trx, p.id);
    });
  }
  return { dueDate, checked: rows.length, missing };
}
