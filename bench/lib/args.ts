/** Command-line options of `npm run bench`; every one has a default so a fresh clone just runs. */
export interface BenchArgs {
  items: number;
  db: 'sqlite' | 'postgres';
  /** Seconds per scenario. */
  duration: number;
  /** Parallel clients of the latency scenarios (intake uses 32, as the issue asks). */
  concurrency: number;
  /** Re-seed even when a cached database of this size exists. */
  fresh: boolean;
  /** Where results go (default bench/results). */
  out: string;
  /** Only these scenarios (comma-separated names). */
  only: string[] | null;
  /** PostgreSQL: work on the seeded database itself, not a template copy (10M items would need two). */
  inPlace: boolean;
  /** Write the server's CPU profile (node --cpu-prof) into this directory. */
  profile: string | null;
}

const USAGE = `usage: npm run bench -- [--items N] [--db sqlite|postgres] [--duration S] [--concurrency C]
                          [--fresh] [--only a,b] [--out DIR] [--in-place]
                          [--profile DIR]
  --items        items in the database (default 1000000; 100000 for a trial run)
  --db           sqlite (default) or postgres (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
  --duration     seconds per scenario (default 10)
  --concurrency  parallel clients for list, statistics, search and item page (default 2)
  --fresh        seed again even if bench/tmp holds a database of this size
  --only         run only some scenarios: intake,list,stats,search,item,map,day
  --in-place     PostgreSQL: run on the cached database itself (no copy; it is seeded again next time)
  --profile      write the server's CPU profile (.cpuprofile, for Chrome DevTools) into DIR`;

function number(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(String(raw).replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} wants a whole number between ${min} and ${max}, got "${raw}"\n${USAGE}`);
  return n;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    items: 1_000_000,
    db: 'sqlite',
    duration: 10,
    concurrency: 2,
    fresh: false,
    out: 'bench/results',
    only: null,
    inPlace: false,
    profile: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--items':
        args.items = number('items', value(), 100, 50_000_000);
        break;
      case '--db': {
        const v = value();
        if (v !== 'sqlite' && v !== 'postgres') throw new Error(`--db wants sqlite or postgres, got "${v}"\n${USAGE}`);
        args.db = v;
        break;
      }
      case '--duration':
        args.duration = number('duration', value(), 1, 600);
        break;
      case '--concurrency':
        args.concurrency = number('concurrency', value(), 1, 256);
        break;
      case '--fresh':
        args.fresh = true;
        break;
      case '--in-place':
        args.inPlace = true;
        break;
      case '--profile':
        args.profile = value();
        break;
      case '--out':
        args.out = value();
        break;
      case '--only':
        args.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option "${argv[i]}"\n${USAGE}`);
    }
  }
  return args;
}
