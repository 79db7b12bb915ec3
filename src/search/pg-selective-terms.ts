import { sql, type Kysely } from 'kysely';

/** The OR keeps this many of the draft's terms, the rarest. */
const KEEP = 8;

/**
 * A duplicate check ORs up to 32 character pairs of the draft. Common pairs (政府, 工作, 落实 …)
 * match nearly every item, and every match is read and scored with ts_rank_cd, so only the eight
 * rarest pairs are OR-ed (a copy shares nearly all its pairs with the original, so it still
 * matches and ranks high; near-exact copies are also found by an AND of the leading terms). How
 * common a pair is comes from the statistics ANALYZE keeps on the tsvector column
 * (pg_stats.most_common_elems: the ~1,000 most frequent lexemes with the share of rows holding
 * each), read in one cheap query; a pair missing from that list is rarer than all of it, and ties
 * keep the draft's order (title first). Counting each pair through the GIN index instead (up to a
 * tenth of the items each) cost 250 ms of a 300 ms check at 10,000 items on the loaded machine.
 * Without statistics (a table never analysed) the first eight terms are kept. Only an OR of plain
 * terms is rewritten.
 */
export async function selectiveOr(db: Kysely<any>, tsquery: string): Promise<string> {
  const terms = tsquery.split(' | ');
  if (terms.length <= KEEP || !terms.every((t) => /^'[^']+'$/.test(t))) return tsquery;
  const words = terms.map((t) => t.slice(1, -1));
  const rows = await sql<{ e: string; f: number }>`select u.e, u.f from pg_stats,
      unnest(most_common_elems::text::text[], most_common_elem_freqs) as u(e, f)
    where tablename = 'problem_search' and attname = 'document' and schemaname = current_schema()
      and u.e = any(${words}::text[])`.execute(db);
  const share = new Map(rows.rows.map((r) => [r.e, Number(r.f)]));
  return words
    .map((w, i) => ({ term: terms[i], f: share.get(w) ?? 0 }))
    .sort((a, b) => a.f - b.f)
    .slice(0, KEEP)
    .map((r) => r.term)
    .join(' | ');
}
