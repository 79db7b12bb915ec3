import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/server-process.js';
import type { BenchResults } from './lib/report.js';

/**
 * Writes the goals table of bench/README.md (between its goals markers) from the result files in
 * bench/results: every figure beside its goal, per database and size. run.ts calls it after each
 * run; `npx tsx bench/summary.ts` does it by hand.
 */
export function updateSummary(dir = path.join(ROOT, 'bench', 'results')): void {
  const load = (db: string, items: number): BenchResults | null => {
    const f = path.join(dir, `${db}-${items}.json`);
    return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as BenchResults) : null;
  };
  const runs = [
    [10_000_000, 'postgres'],
    [1_000_000, 'sqlite'],
    [1_000_000, 'postgres'],
    [100_000, 'sqlite'],
    [100_000, 'postgres'],
  ] as const;
  const results = runs.map(([items, db]) => ({ items, db, r: load(db, items) }));
  const first = results.find((x) => x.r)?.r;
  if (!first) return;
  const cell = (r: BenchResults | null, i: number) => {
    const g = r?.goals[i];
    if (!g || g.value === null) return '—';
    return `${g.value} ${g.unit}${g.met ? ' ✓' : ' ✗'}`;
  };
  const head = results.map(
    (x) =>
      `${x.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${x.items >= 1_000_000 ? `${x.items / 1_000_000}M` : '100k'}`,
  );
  const lines = [
    `| scenario | measure | goal | ${head.join(' | ')} |`,
    `|---|---|---|${head.map(() => '---').join('|')}|`,
    ...first.goals.map(
      (g, i) => `| ${g.scenario} | ${g.measure} | ${g.goal} | ${results.map((x) => cell(x.r, i)).join(' | ')} |`,
    ),
    `| intake | Qingdan requests/s (bare Fastify) | | ${results
      .map((x) => {
        const i = x.r?.intake;
        return i ? `${i.qingdan.requestsPerSecond} (${i.baseline.requestsPerSecond})` : '—';
      })
      .join(' | ')} |`,
    `| bulk seeding | items/s (\`seed --bulk\` alone) | ≥ 20,000 (SQLite) | ${results
      .map((x) => x.r?.seeding.bulkItemsPerSecond?.toLocaleString('en') ?? '—')
      .join(' | ')} |`,
    '',
    `✓ met, ✗ missed. Dates and commits: ${results
      .filter((x) => x.r)
      .map((x) => `${x.db} ${x.items.toLocaleString('en')}: ${x.r!.date.slice(0, 16)} (${x.r!.commit})`)
      .join('; ')}.`,
  ];
  const table = aligned(lines.filter((l) => l.startsWith('|')));
  lines.splice(0, table.length, ...table);
  const readme = path.join(ROOT, 'bench', 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = '<!-- goals:start -->';
  const end = '<!-- goals:end -->';
  if (!text.includes(start) || !text.includes(end)) return;
  fs.writeFileSync(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${lines.join('\n')}\n${text.slice(text.indexOf(end))}`,
  );
}

/** The table as the project's formatter writes it (Biome checks README.md): cells padded to the column. */
function aligned(rows: string[]): string[] {
  const cells = rows.map((r) =>
    r
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim()),
  );
  const widths = cells[0].map((_, i) => Math.max(3, ...cells.map((r) => (/^-+$/.test(r[i]) ? 3 : r[i].length))));
  return cells.map(
    (r) => `| ${r.map((c, i) => (/^-+$/.test(c) ? '-'.repeat(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) updateSummary();
