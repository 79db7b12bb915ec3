/** What the sample of the list found (list-index-plan.ts), in sampled rows. */
export interface SampleCounts {
  total: number;
  /** Rows the sample stands for: the id range. */
  span: number;
  /** Matching the whole filter. */
  all: number;
  /** Inside the date range (every sampled row when there is none). */
  dates: number;
  parts: PlanPart[];
  /**
   * Sampled rows a walk along the update or deadline order passes up to and with the first match
   * of the filter's parts correlated with that order (date range, status, visibility), and how
   * many sampled rows match those parts: a walk reads the rows before the matches start.
   */
  firstMatchAt?: number;
  ordering?: number;
}

/** One filter SQLite can seek by. */
export interface PlanPart {
  column: string;
  /** Its index continues with (created_at, id). */
  byCreated: boolean;
  /** One value: its index then holds the matches in creation order. */
  single: boolean;
  hits: number;
  /** Matching this part and the date range. */
  hitsInDates: number;
}

export interface PlanChoice {
  /** The columns SQLite may seek by; every other filter column is hidden from its index choice. */
  seekBy: string[];
  /** Read in the sort order and stop after a page; false: sort what the seek found. */
  ordered: boolean;
  /** Rows the plan is expected to read. */
  rows: number;
}

const CREATED = 'problems.created_at';

/**
 * The plan that reads the fewest rows. A walk along an order (the sort index, or a filter's
 * (column, created_at, id) index for a creation-sorted page) reads until `need` matches, at the
 * sampled rate of matches among what it passes, and never more than it passes; a seek reads all it
 * finds and sorts it. A date range with another sort can always seek the range on the creation
 * index and sort it, so no page with a range walks a whole index.
 */
export function choosePlan(c: SampleCounts, q: { sortColumn: string; dated: boolean; need: number }): PlanChoice {
  const scale = c.span / c.total;
  // No match in the sample: the filter may match nothing at all, and a walk reads all it passes.
  const walk = (passed: number) => (c.all === 0 ? passed * scale : Math.min(passed * scale, (q.need * passed) / c.all));
  const seek = (found: number) => Math.max(found, 0.5) * scale;
  const byCreated = q.sortColumn === 'created_at';
  // Sampled rows before the matches start along the sort order: where the first sampled match
  // lies, beyond twice the gap expected between matches spread evenly (a first match lies that
  // far by chance one time in seven).
  const lead =
    c.firstMatchAt === undefined || !c.ordering ? 0 : Math.max(0, c.firstMatchAt - 1 - (2 * c.total) / c.ordering);
  const plans: PlanChoice[] = [
    byCreated
      ? { seekBy: [CREATED], ordered: true, rows: walk(c.dates) }
      : { seekBy: [], ordered: true, rows: lead * scale + walk(c.total) },
  ];
  if (q.dated && !byCreated) plans.push({ seekBy: [CREATED], ordered: false, rows: seek(c.dates) });
  for (const p of c.parts) {
    if (p.byCreated && p.single && byCreated)
      plans.push({ seekBy: [p.column, CREATED], ordered: true, rows: walk(p.hitsInDates) });
    else if (p.byCreated) plans.push({ seekBy: [p.column, CREATED], ordered: false, rows: seek(p.hitsInDates) });
    else plans.push({ seekBy: [p.column], ordered: false, rows: seek(p.hits) });
  }
  return plans.reduce((best, p) => (p.rows < best.rows ? p : best));
}
