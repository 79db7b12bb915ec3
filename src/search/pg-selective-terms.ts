import { sql, type Kysely } from 'kysely';

/** Below this many OR-ed terms ranking every match is cheap enough. */
const MIN_TERMS = 8;

/**
 * A duplicate check ORs up to 32 character pairs of the draft. Common pairs (政府, 工作, 落实 …)
 * match nearly every item, so PostgreSQL could not use the GIN index (a sequential scan) and
 * scored every item with ts_rank_cd: 135 ms of 2,000 items, growing with the list. Keeping the
 * pairs that occur in under a tenth of the items (each counted through the GIN index, stopping
 * at that bound) leaves the ones that tell a complaint apart; if fewer than four are that rare,
 * the eight rarest. Only an OR of plain terms is rewritten.
 */
export async function selectiveOr(db: Kysely<any>, tsquery: string): Promise<string> {
  const terms = tsquery.split(' | ');
  if (terms.length < MIN_TERMS || !terms.every((t) => /^'[^']+'$/.test(t))) return tsquery;
  const est = await sql<{
    n: number;
  }>`select reltuples::float8 as n from pg_class where relname = 'problem_search'`.execute(db);
  const cap = Math.max(200, Math.ceil(Number(est.rows[0]?.n ?? 0) * 0.1));
  const counted = await sql<{ t: string; n: number }>`select t, (select count(*) from (select 1 from problem_search
      where document @@ to_tsquery('simple', t) limit ${cap}) x)::int as n from unnest(${terms}::text[]) as t`.execute(
    db,
  );
  const byRarity = counted.rows.sort((a, b) => a.n - b.n);
  const rare = byRarity.filter((r) => r.n > 0 && r.n < cap);
  const kept = (rare.length >= 4 ? rare : byRarity.filter((r) => r.n > 0).slice(0, MIN_TERMS)).map((r) => r.t);
  return kept.length ? kept.join(' | ') : tsquery;
}
