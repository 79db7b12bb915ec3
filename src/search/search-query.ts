/**
 * A user's query in both engines' syntax. Matching is the AND of the query's terms (tokenize.ts);
 * in SQLite the same terms are OR-ed with a phrase form of each Han run, which matches nothing
 * new but adds to BM25 for items holding the words contiguously, so 污水处理 ranks an item about
 * 污水处理 above one that mentions 污水 and 处理 in different sentences. PostgreSQL's cover-density
 * ranking rewards adjacency by itself.
 */
import { bigrams, queryRuns, queryTerms, toTsQuery } from './tokenize.js';

export interface SearchQuery {
  fts: string;
  tsquery: string;
}

function quoted(term: string, prefix = false): string {
  return `"${term}"${prefix ? '*' : ''}`;
}

export function buildSearchQuery(query: string): SearchQuery | null {
  const terms = queryTerms(query);
  const tsquery = toTsQuery(query);
  if (!terms.length || !tsquery) return null;
  const base = terms.map((t) => quoted(t.term, t.prefix)).join(' AND ');
  const phrases: string[] = [];
  let multi = false;
  for (const run of queryRuns(query)) {
    if (run.kind === 'code') {
      const whole = run.parts.join('').slice(0, 64);
      if (whole) phrases.push(quoted(whole));
      continue;
    }
    const bs = bigrams(run.text);
    if (bs.length === 0) phrases.push(quoted(run.text, true));
    else if (bs.length === 1) phrases.push(quoted(bs[0]));
    else {
      multi = true;
      phrases.push(`"${bs.join(' ')}"`);
    }
  }
  const fts = multi ? `(${base}) OR (${phrases.join(' AND ')})` : base;
  return { fts, tsquery };
}
