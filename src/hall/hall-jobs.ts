import type { Job } from '../jobs/job-runner.js';
import { departmentUserIds } from '../notify/notifier.js';
import type { HallRuntime } from './hall-runtime.js';
import { casesQuery } from './application.repository.js';
import { RUNNING } from './case-states.js';
import { caseEvent, caseWarningNow } from './case-writes.js';
import { RATING_DESK } from './bad-rating.js';

const RANK: Record<string, number> = { none: 0, blue: 1, yellow: 2, red: 3 };
const NAMES: Record<string, string> = { blue: '蓝色', yellow: '黄色', red: '红色' };

/**
 * Warnings and reminders for cases, as for problem items: the hourly pass stores each running
 * case's colour and tells the department when one rises to yellow or red; the daily pass records
 * a reminder (催办) the day after a due date passes, once per case.
 */
export async function recomputeCaseWarnings(rt: HallRuntime) {
  const rows = await casesQuery(rt.db)
    .where((eb) => eb.or([eb('a.status', 'in', RUNNING), eb('a.warning_level', '!=', 'none')]))
    .execute();
  let changed = 0;
  for (const c of rows) {
    const w = caseWarningNow(rt, c);
    if (w.level === c.warning_level) continue;
    changed++;
    const now = rt.now().toISOString();
    await rt.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('hall_applications')
        .set({ warning_level: w.level, warning_since: now })
        .where('id', '=', c.id)
        .execute();
      await caseEvent(rt, trx, RATING_DESK, c, {
        action: 'warning',
        from: c.status,
        to: c.status,
        payload: { from: c.warning_level, to: w.level, reasons: w.reasons },
        isPublic: false,
      });
      if (RANK[w.level] > RANK[c.warning_level] && RANK[w.level] >= RANK.yellow)
        await rt.notifier.notify(
          trx,
          {
            userIds: await departmentUserIds(trx, c.department_id),
            kind: 'warning',
            title: `${NAMES[w.level]}预警：办件 ${c.number}`,
            body:
              `办件 ${c.number}「${c.matter_name}」承诺 ${c.due_date} 前办结，` +
              `现为${NAMES[w.level]}预警（${w.reasons.join(', ')}）。`,
            en: {
              title: `${w.level} warning: case ${c.number}`,
              body:
                `Case ${c.number} "${c.matter_name}" was promised by ${c.due_date} ` +
                `and is now at a ${w.level} warning (${w.reasons.join(', ')}).`,
            },
          },
          now,
        );
    });
  }
  return { checked: rows.length, changed };
}

export async function sendCaseReminders(rt: HallRuntime) {
  const today = rt.today();
  const rows = await casesQuery(rt.db)
    .where('a.status', 'in', RUNNING)
    .where('a.due_date', '<', today)
    .where('a.reminded_on', 'is', null)
    .execute();
  for (const c of rows) {
    const now = rt.now().toISOString();
    await rt.db.transaction().execute(async (trx) => {
      await trx.updateTable('hall_applications').set({ reminded_on: today }).where('id', '=', c.id).execute();
      await caseEvent(rt, trx, RATING_DESK, c, {
        action: 'reminder',
        from: c.status,
        to: c.status,
        payload: { dueDate: c.due_date },
        isPublic: false,
      });
      await rt.notifier.notify(
        trx,
        {
          userIds: await departmentUserIds(trx, c.department_id),
          kind: 'reminder',
          title: `催办：办件 ${c.number} 已超承诺时限`,
          body: `办件 ${c.number}「${c.matter_name}」承诺 ${c.due_date} 前办结，已逾期，请尽快办理。`,
          en: {
            title: `Reminder: case ${c.number} is past its promised time`,
            body: `Case ${c.number} "${c.matter_name}" was promised by ${c.due_date} and is overdue; please act soon.`,
          },
        },
        now,
      );
    });
  }
  return { reminded: rows.length };
}

export function hallJobs(rt: HallRuntime): Job[] {
  return [
    {
      name: 'hall-warnings',
      description: "recompute every running case's warning against its promised time (hourly)",
      slot: (now) => now.toISOString().slice(0, 13),
      run: async () => recomputeCaseWarnings(rt),
    },
    {
      name: 'hall-reminders',
      description: 'record a reminder (催办) the day after a case passes its promised date (daily)',
      slot: () => rt.today(),
      run: async () => sendCaseReminders(rt),
    },
  ];
}
