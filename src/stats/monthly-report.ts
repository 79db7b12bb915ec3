import type { Actor } from '../auth/actor.js';
import { monthWindow } from '../assessment/month-window.js';
import type { SettlementService } from '../assessment/settlement.service.js';
import type { StatsService } from './stats.service.js';

/**
 * The monthly report (月报): the month's flows (as the list counts them: items created in the
 * month), the standing figures at the time of asking, and the month's red and black lists.
 */
export async function monthlyReport(
  deps: { stats: StatsService; settlement: SettlementService; timezone: string },
  actor: Actor,
  month: string,
) {
  const { stats } = deps;
  const w = monthWindow(month, deps.timezone);
  const [inMonth, standing, rankings] = await Promise.all([
    stats.summary(actor, { from: w.firstDay, to: w.lastDay }),
    stats.summary(actor, {}),
    deps.settlement.rankings(month),
  ]);
  const top = <T extends { count: number }>(rows: T[], n = 10) =>
    [...rows]
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, n);
  return {
    month,
    settled: rankings.settled,
    monthFigures: {
      found: inMonth.found,
      rectified: inMonth.rectified,
      inProgress: inMonth.inProgress,
      overdue: inMonth.overdue,
      longTerm: inMonth.longTerm,
    },
    standing: {
      found: standing.found,
      rectified: standing.rectified,
      inProgress: standing.inProgress,
      overdue: standing.overdue,
      longTerm: standing.longTerm,
      rectificationRate: standing.rectificationRate,
    },
    topCategories: top(inMonth.byCategory.filter((c) => c.parentId !== null)),
    byArea: inMonth.byArea.filter((a) => a.parentId !== null && a.count > 0),
    bySource: inMonth.bySource,
    redList: rankings.redList,
    blackList: rankings.blackList,
  };
}
