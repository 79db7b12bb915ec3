import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { readFindingSheet, readPlanSheet, type RejectedRow } from './campaign-sheets.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { forumService } from './forum.service.js';
import type { planService } from './plan.service.js';
import type { visitService } from './visit.service.js';

interface Deps {
  rt: CampaignRuntime;
  visits: ReturnType<typeof visitService>;
  forums: ReturnType<typeof forumService>;
  plans: ReturnType<typeof planService>;
}

/** What an import says: every row accepted and stored, or the rejected rows with reasons and nothing stored. */
const report = (rows: number, rejected: RejectedRow[], items: string[] = []) => ({
  stored: rejected.length === 0,
  rows,
  accepted: rows - rejected.length,
  rejected,
  items,
});
export type SheetImportReport = ReturnType<typeof report>;

/**
 * A service's refusal that names one row of the sheet (`findings/3/…`, `measures/0/dueDate`) is that
 * row's rejection; anything else refuses the whole file.
 */
function rowRefusal(e: unknown, list: string): RejectedRow | null {
  if (!(e instanceof AppError) || e.code !== 'validation_failed') return null;
  const field = (e.details as { field?: unknown } | null)?.field;
  const m = typeof field === 'string' ? new RegExp(`^${list}/(\\d+)`).exec(field) : null;
  return m ? { row: Number(m[1]) + 2, reason: e.message } : null;
}

/**
 * Sheet imports of a visit's findings, a forum's points and a subject's 一企一策 plan, for the API's
 * uploads and the command line alike: all rows or none (the services write in one transaction).
 */
export function campaignImports(s: Deps) {
  return {
    async findings(actor: Actor, target: { visitId: number } | { forumId: number }, file: string) {
      const rows = await readFindingSheet(file);
      const codes = rows.map((r) => r.creditCode).filter((c): c is string => Boolean(c));
      const names = rows.map((r) => r.subject).filter((c): c is string => Boolean(c));
      const subjects =
        codes.length || names.length
          ? await s.rt.db
              .selectFrom('cmp_subjects')
              .select(['id', 'credit_code', 'name'])
              .where((eb) => eb.or([eb('credit_code', 'in', [...codes, '']), eb('name', 'in', [...names, ''])]))
              .execute()
          : [];
      const rejected: RejectedRow[] = [];
      const findings = rows.map((r) => {
        const subject = r.creditCode
          ? subjects.find((x) => x.credit_code === r.creditCode)
          : r.subject
            ? subjects.find((x) => x.name === r.subject)
            : undefined;
        const reason =
          r.problem ??
          (r.creditCode && !subject ? `没有统一社会信用代码为 ${r.creditCode} 的对象 / no such subject` : null) ??
          (r.subject && !subject ? `没有名为“${r.subject}”的对象 / no such subject` : null);
        if (reason) rejected.push({ row: r.row, reason });
        return { ...r.finding, subjectId: subject?.id ?? null };
      });
      if (rejected.length) return report(rows.length, rejected);
      try {
        const items =
          'visitId' in target
            ? await s.visits.addFindings(actor, target.visitId, findings)
            : await s.forums.addPoints(actor, target.forumId, findings);
        return report(rows.length, [], items);
      } catch (e) {
        const refused = rowRefusal(e, 'findings');
        if (refused) return report(rows.length, [refused]);
        throw e;
      }
    },

    async plan(actor: Actor, campaignId: number, opts: { subjectId: number; startDate?: string }, file: string) {
      const rows = await readPlanSheet(file);
      const rejected = rows.flatMap((r) => (r.problem ? [{ row: r.row, reason: r.problem }] : []));
      if (rejected.length) return report(rows.length, rejected);
      try {
        const plan = await s.plans.add(actor, campaignId, { ...opts, measures: rows.map((r) => r.measure) });
        return report(rows.length, [], [plan.code]);
      } catch (e) {
        const refused = rowRefusal(e, 'measures');
        if (refused) return report(rows.length, [refused]);
        throw e;
      }
    },
  };
}
