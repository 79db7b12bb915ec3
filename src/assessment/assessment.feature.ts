import type { Command } from 'commander';
import { defineFeature } from '../feature.js';
import { CONSOLE_ACTOR, type CliHost } from '../cli/cli-host.js';
import { supervisionFeature } from '../supervision/supervision.feature.js';
import { settlementService, type SettlementService } from './settlement.service.js';
import { assessmentRoutes } from './assessment.routes.js';

export interface AssessmentState {
  settlement: SettlementService;
}

/** Monthly settlement (月结) and the rankings of units and districts by the three rates. */
export const assessmentFeature = defineFeature<AssessmentState>({
  name: 'assessment',
  // Sections are gathered when a scorecard is computed, so features installed later contribute too.
  install: (k) => ({
    settlement: settlementService(k.of(supervisionFeature), () =>
      k.features.flatMap((f) => (f.settlement ? [f.settlement(k.of(f), k)] : [])),
    ),
  }),
  routes: ({ settlement }, k) => assessmentRoutes(settlement, k.of(supervisionFeature)),
  cli: registerSettleCommand,
});

function registerSettleCommand(program: Command, cli: CliHost): void {
  program
    .command('settle <month>')
    .description("settle (freeze) a finished month's assessment, YYYY-MM")
    .action(async (month: string) => {
      await cli.withKernel(async (k) => {
        const card = await k.of(assessmentFeature).settlement.settle(CONSOLE_ACTOR, month);
        process.stdout.write(`settled ${card.month}: ${card.departments.length} units, ${card.areas.length} areas\n`);
      });
    });
}
