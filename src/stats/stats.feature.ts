import { defineFeature } from '../feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { assessmentFeature } from '../assessment/assessment.feature.js';
import { refreshAfterWrite } from './stats-counters.service.js';
import { statsService, type StatsService } from './stats.service.js';
import { summaryCache } from './summary-cache.js';
import { monthlyReport } from './monthly-report.js';
import { statsRoutes } from './stats.routes.js';
import { registerStatsCommands } from './stats-commands.js';

export interface StatsState {
  stats: StatsService;
  /** Answers of the summary for a few seconds; any item write starts them afresh. */
  cache: ReturnType<typeof summaryCache<Awaited<ReturnType<StatsService['summary']>>>>;
  today(): string;
}

/**
 * Statistics: the headline figures (from counters every item write keeps in its own transaction),
 * breakdowns, trends and the monthly report. Bulk paths that skip the hooks run `qingdan stats
 * rebuild`.
 */
export const statsFeature = defineFeature<StatsState>({
  name: 'stats',
  install(k) {
    const { problems } = k.of(problemsFeature);
    return {
      stats: statsService({ db: k.db, dialect: k.dialect, problems }),
      cache: summaryCache(),
      today: problems.today,
    };
  },
  hooks: ({ cache }) => ({
    afterWrite: {
      'stats.counters': refreshAfterWrite,
      'stats.summary-cache': async () => cache.bump(),
    },
  }),
  routes: (state, k) =>
    statsRoutes(state, (actor, month) =>
      monthlyReport(
        { stats: state.stats, settlement: k.of(assessmentFeature).settlement, timezone: k.config.timezone },
        actor,
        month,
      ),
    ),
  cli: registerStatsCommands,
});
