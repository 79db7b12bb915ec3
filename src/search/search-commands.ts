/**
 * `qingdan search reindex`: rebuilds the full-text index from the items, after a bulk load that
 * bypassed the write hooks, a restore, or a change to how text is segmented.
 */
import type { Command } from 'commander';
import { withApp } from '../sheets/cli-app.js';
import { ProgressBar } from '../sheets/progress-bar.js';
import { reindexAll } from './search.service.js';

export function registerSearchCommands(program: Command): void {
  const search = program.command('search').description('the full-text search index');
  search
    .command('reindex')
    .description('rebuild the search index of every item')
    .action(async () => {
      await withApp(
        async (app) => {
          const bar = new ProgressBar('索引 indexing');
          const started = Date.now();
          const n = await reindexAll(app.services.db, {
            onProgress: (p) => bar.update(p.done, p.total ? p.done / p.total : null),
          });
          bar.done(n);
          process.stdout.write(`indexed ${n} items in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        },
        { autoIndex: false },
      );
    });
}
