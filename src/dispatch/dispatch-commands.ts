/**
 * `qingdan dispatch evaluate --train FILE --test FILE`: held-out accuracy of the dispatch model on
 * labelled files (CSV label,text without header, or a sheet in the import format).
 * `qingdan dispatch train`: retrains the suggestions from the database.
 * `qingdan dispatch sample --out DIR`: writes the generated corpus (train.csv, test.csv) to measure on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { csvLine, UTF8_BOM } from '../sheets/csv-writer.js';
import { evaluate } from './evaluate.js';
import { readLabelled } from './labelled-file.js';
import type { Example } from './linear-model.js';
import { sampleCorpus } from './sample-corpus.js';
import { dispatchFeature } from './dispatch.feature.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function registerDispatchCommands(program: Command, cli: CliHost): void {
  const dispatch = program.command('dispatch').description('category and lead-unit suggestions learned from history');
  dispatch
    .command('train')
    .description("retrain the suggestions from the city's triaged items")
    .action(async () => {
      await cli.withKernel(
        async (k) => {
          const results = await k.of(dispatchFeature).train();
          if (!results.length) process.stdout.write('not enough triaged items to learn from (need two labels)\n');
          for (const r of results) {
            const acc =
              r.top1 === null
                ? 'too few to hold out'
                : `held-out top-1 ${r.top1.toFixed(3)}, top-3 ${r.top3?.toFixed(3)}`;
            process.stdout.write(`${r.target}: ${r.items} items, ${r.labels} labels, ${r.trainMs} ms; ${acc}\n`);
          }
        },
        { start: false },
      );
    });
  dispatch
    .command('evaluate')
    .description('train on one labelled file and print top-1 / top-3 accuracy on another')
    .requiredOption('--train <file>', 'CSV (label,text; no header) or a sheet in the import format')
    .requiredOption('--test <file>', 'held-out items in the same format')
    .option('--c <number>', 'SVM penalty (default 0.1)', Number)
    .action(async (o: { train: string; test: string; c?: number }) => {
      const [train, test] = await Promise.all([readLabelled(o.train), readLabelled(o.test)]);
      const r = evaluate(train, test, o.c ? { c: o.c } : {});
      process.stdout.write(
        [
          `训练 train: ${r.trainItems} 条 items, ${r.labels} 类 labels, ${r.trainMs.toFixed(0)} ms`,
          `测试 test: ${r.testItems} 条 items${r.unseenLabels ? ` (${r.unseenLabels} with a label not in train)` : ''}`,
          `top-1: ${r.top1.toFixed(3)} (${pct(r.top1)})`,
          `top-3: ${r.top3.toFixed(3)} (${pct(r.top3)})`,
          `建议 suggestion: median ${r.suggestMedianMs.toFixed(2)} ms, p95 ${r.suggestP95Ms.toFixed(2)} ms`,
          '',
        ].join('\n'),
      );
    });
  dispatch
    .command('sample')
    .description('write a generated corpus of labelled citizen messages (train.csv, test.csv) to measure on')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--count <n>', 'messages in all, two thirds for training', Number, 2763)
    .option('--seed <n>', 'random seed', Number, 2026)
    .option('--noise <share>', 'share of disputed labels', Number, 0.03)
    .action((o: { out: string; count: number; seed: number; noise: number }) => {
      const { train, test } = sampleCorpus({ count: o.count, seed: o.seed, labelNoise: o.noise });
      fs.mkdirSync(o.out, { recursive: true });
      const write = (name: string, rows: Example[]) =>
        fs.writeFileSync(path.join(o.out, name), UTF8_BOM + rows.map((e) => csvLine([e.label, e.text])).join(''));
      write('train.csv', train);
      write('test.csv', test);
      process.stdout.write(`wrote ${train.length} + ${test.length} items to ${o.out}\n`);
    });
}
