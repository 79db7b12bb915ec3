import type { Actor } from '../auth/actor.js';
import type { SettlementService } from '../assessment/settlement.service.js';
import { monthWindow } from '../assessment/month-window.js';
import type { HallRuntime } from './hall-runtime.js';
import { applicationService } from './application.service.js';
import { matterService } from './matter.service.js';
import { rateCase, rateVisit } from './rating.service.js';
import { listRatings } from './rating-list.js';
import { hallMonth, hallStats } from './hall-stats.js';
import { priceList, setPrices } from './free-services.js';
import { casesQuery } from './application.repository.js';
import { presentBrief } from './application.presenter.js';
import { caseWarningNow } from './case-writes.js';
import { RUNNING } from './case-states.js';
import { currentOn, versionsQuery } from './matter.repository.js';
import type { RatingListQueryT } from './application.schema.js';
import type { FreeService } from './vocabulary.js';

/** The hall feature's state: its services, composed on one runtime. */
export function hallService(rt: HallRuntime, settlement: () => SettlementService) {
  const applications = applicationService(rt);
  return {
    rt,
    matters: matterService(rt),
    applications,
    rateCase: (actor: Actor, number: string, input: Parameters<typeof rateCase>[3]) =>
      rateCase(rt, actor, number, input),
    rateVisit: (actor: Actor, input: Parameters<typeof rateVisit>[2]) => rateVisit(rt, actor, input),
    ratings: (actor: Actor, q: RatingListQueryT) => listRatings(rt.db, actor, q),
    prices: () => priceList(rt.db),
    setPrices: (actor: Actor, prices: { service: FreeService; unitFen: number }[]) => setPrices(rt, actor, prices),

    async stats(actor: Actor, q: { from?: string; to?: string; departmentId?: number }) {
      const f = await applications.filterOf(actor, q);
      return hallStats(rt, f, { withClerks: true });
    },

    /** The public hall page: this year's figures beside the catalogue's size. */
    async figures(year?: number) {
      const y = year ?? Number(rt.today().slice(0, 4));
      const today = rt.today();
      const stats = await hallStats(rt, { from: `${y}-01-01`, to: `${y}-12-31`, today }, { withClerks: false });
      const counts = await currentOn(versionsQuery(rt.db), today)
        .clearSelect()
        .select((eb) => [
          eb.fn.countAll<number | string>().as('matters'),
          eb.fn.count<number | string>('v.department_id').distinct().as('departments'),
        ])
        .executeTakeFirstOrThrow();
      return {
        year: y,
        matters: Number(counts.matters),
        departments: Number(counts.departments),
        savedThisYearFen: stats.freeServices.savedFen,
        stats,
      };
    },

    /** The month as the settlement has it: the frozen section once settled, else live. */
    async month(month: string) {
      const card = await settlement().scorecard(month);
      const w = monthWindow(month, rt.timezone);
      const section =
        (card.sections?.hall as Awaited<ReturnType<typeof hallMonth>> | undefined) ?? (await hallMonth(rt, w));
      return { month, settled: card.settled, ...section };
    },

    /** Running cases with a warning, computed now (the hourly job stores them for the list). */
    async board(actor: Actor) {
      const rows = await casesQuery(rt.db)
        .where('a.status', 'in', RUNNING)
        .$if(actor.role === 'department', (q) =>
          q.where('a.department_id', 'in', actor.departmentScope.length ? actor.departmentScope : [-1]),
        )
        .orderBy('a.due_date')
        .limit(5000)
        .execute();
      const counts: Record<string, number> = { blue: 0, yellow: 0, red: 0 };
      const items = [];
      for (const r of rows) {
        const w = caseWarningNow(rt, r);
        if (w.level === 'none') continue;
        counts[w.level]++;
        if (items.length < 300) items.push({ ...presentBrief(r), warning: { level: w.level, reasons: w.reasons } });
      }
      const rank: Record<string, number> = { red: 0, yellow: 1, blue: 2 };
      items.sort((a, b) => rank[a.warning.level] - rank[b.warning.level]);
      return { counts, items };
    },
  };
}

export type HallService = ReturnType<typeof hallService>;
