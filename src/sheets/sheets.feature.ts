import type { Writable } from 'node:stream';
import { dispatchFeature } from '../dispatch/dispatch.feature.js';
import { referenceFeature } from '../reference/reference.feature.js';
import { defineFeature } from '../feature.js';
import type { Actor } from '../auth/actor.js';
import type { ListQueryInput } from '../problems/problem.schema.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { duplicatesFeature } from '../duplicates/duplicates.feature.js';
import { assessmentFeature } from '../assessment/assessment.feature.js';
import { sheetImports, type SheetImports } from './sheet-import.service.js';
import { exportList, type ExportFormat } from './export.service.js';
import { exportReports } from './report-workbook.js';
import { sheetRoutes } from './sheet.routes.js';
import { registerSheetCommands } from './sheet-commands.js';
import { decorateOrigins } from './origin-decorate.js';

export interface SheetsState {
  imports: SheetImports;
  /** The list as the classic 整改清单, streamed to `out`; resolves with the number of rows. */
  exportList(actor: Actor, query: ListQueryInput, format: ExportFormat, out: Writable): Promise<number>;
  /** The month's settlement and rankings workbook; resolves with its sheet names. */
  exportSettlement(month: string, out: Writable): Promise<string[]>;
  today(): string;
}

/** Spreadsheet import and export of the list (the classic 整改清单), in the back office and the CLI. */
export const sheetsFeature = defineFeature<SheetsState>({
  name: 'sheets',
  install(k) {
    const { problems } = k.of(problemsFeature);
    const dups = k.of(duplicatesFeature);
    return {
      imports: sheetImports({
        db: k.db,
        config: k.config,
        clock: k.clock,
        hooks: k.hooks,
        suggestDuplicates: (dbx, d) => dups.suggest(d, { publicOnly: false, limit: 3, dbx }),
        // Looked up per call: the dispatch feature is installed after this one.
        suggestCategory: async (text) => {
          const top = k.of(dispatchFeature).suggest(text, 1).category[0];
          if (!top) return null;
          const { categories } = await k.of(referenceFeature).names.get();
          return { id: top.id, name: categories.get(top.id)?.name ?? String(top.id) };
        },
      }),
      exportList: (actor, query, format, out) =>
        exportList({ db: k.db, timezone: k.config.timezone, problems }, actor, query, format, out),
      exportSettlement: (month, out) => exportReports(k.of(assessmentFeature).settlement, month, out),
      today: () => problems.today(),
    };
  },
  hooks: () => ({ decorate: { 'sheets.origin': (db, views, ids) => decorateOrigins(db, views, ids) } }),
  routes: (state) => sheetRoutes(state),
  cli: registerSheetCommands,
});
