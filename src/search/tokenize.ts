/**
 * Chinese-aware full-text terms shared by the SQLite (FTS5) and PostgreSQL (tsvector) indexes.
 *
 * Neither engine segments Chinese, so we produce the terms ourselves and store them as a
 * space-separated string. Matching rests on CJK character bigrams: any two consecutive Han
 * characters of a text are a term, so a query of two or more contiguous characters matches
 * exactly when all its bigrams are present — no dictionary can make 污水 miss 生活污水乱泼滥倒.
 * The last character of every Han run is also kept as a one-character term, so every character
 * of the text starts some term and a one-character query can be a prefix query.
 */

/** Longest term we emit; PostgreSQL drops words over 2047 bytes and long blobs are never searched. */
const MAX_TERM = 64;
/** Codes with more parts than this only get whole + parts, not every contiguous sub-join. */
const MAX_SUBJOIN_PARTS = 6;

const WORD_CHAR = '(?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])';
/** A Han run, or a Latin/digit "code" whose parts may be joined by - or _ (JZ-2026-000123). */
const RUN_RE = new RegExp(`(\\p{Script=Han}+)|(${WORD_CHAR}+(?:[-_]${WORD_CHAR}+)*)`, 'gu');
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Words users type as boolean operators; we have no boolean syntax, so they would only miss. */
const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** NFKC folds full-width Latin/digits/space to half-width and compatibility ideographs to unified. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export type Run =
  | { kind: 'han'; text: string; start: number; end: number }
  | { kind: 'code'; parts: string[]; start: number; end: number };

/** Splits normalised text into Han runs and codes; everything else is a separator. */
export function scanRuns(normalized: string): Run[] {
  const runs: Run[] = [];
  for (const m of normalized.matchAll(RUN_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (m[1]) runs.push({ kind: 'han', text: m[1], start, end });
    else runs.push({ kind: 'code', parts: m[0].split(/[-_]/).map(clean).filter(Boolean), start, end });
  }
  return runs;
}

/** Terms may only hold letters and digits, so FTS5 unicode61 and PG's parser never split them. */
function clean(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '').slice(0, MAX_TERM);
}

function hanChars(run: string): string[] {
  return Array.from(run);
}

export function bigrams(run: string): string[] {
  const chars = hanChars(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Letter/digit atoms: g318 → g, 318, so 318 finds G318国道. */
function atoms(part: string): string[] {
  return part.match(/\p{N}+|[^\p{N}]+/gu) ?? [];
}

function codeTerms(parts: string[]): string[] {
  const out: string[] = [];
  const n = parts.length;
  if (n <= MAX_SUBJOIN_PARTS) {
    // Every contiguous sub-join, so a query for 2026-000123 or JZ2026 finds JZ-2026-000123.
    for (let i = 0; i < n; i++) for (let j = i + 1; j <= n; j++) out.push(parts.slice(i, j).join(''));
  } else {
    out.push(parts.join(''), ...parts);
  }
  for (const p of parts) out.push(...atoms(p));
  return out.map((t) => t.slice(0, MAX_TERM));
}

/** Index terms of a text, deduplicated, in first-seen order. */
export function indexTerms(text: string): string[] {
  const norm = normalizeText(text);
  const terms = new Set<string>();
  for (const run of scanRuns(norm)) {
    if (run.kind === 'code') {
      for (const t of codeTerms(run.parts)) terms.add(t);
      continue;
    }
    for (const b of bigrams(run.text)) terms.add(b);
    terms.add(hanChars(run.text).at(-1)!);
  }
  // Whole words ride along for ranking and term statistics (hot words). Matching never needs
  // them: segmentation depends on context, so a query may be segmented differently than the text.
  for (const s of segmenter.segment(norm)) {
    if (s.isWordLike && s.segment.length >= 3 && HAN_ONLY.test(s.segment)) terms.add(s.segment.slice(0, MAX_TERM));
  }
  return [...terms];
}

/** One required query term; prefix terms match any index term starting with them. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** Runs of a user query, with operator words dropped; highlighting uses the same runs. */
export function queryRuns(query: string): Run[] {
  const words = query.split(/\s+/).filter((w) => !OPERATOR_WORDS.has(w));
  return scanRuns(normalizeText(words.join(' ')));
}

/** Query → AND of terms. Empty when nothing searchable remains (only operators, emoji …). */
export function queryTerms(query: string): QueryTerm[] {
  const out = new Map<string, QueryTerm>();
  const add = (term: string, prefix: boolean) => {
    const key = `${prefix ? '*' : '='}${term}`;
    if (term && !out.has(key)) out.set(key, { term, prefix });
  };
  for (const run of queryRuns(query)) {
    if (run.kind === 'code') add(run.parts.join('').slice(0, MAX_TERM), false);
    else if (hanChars(run.text).length === 1) add(run.text, true);
    else for (const b of bigrams(run.text)) add(b, false);
  }
  return [...out.values()];
}

/** In-memory evaluation of queryTerms against indexTerms, for small lists and tests. */
export function matchesQuery(terms: Iterable<string>, query: QueryTerm[]): boolean {
  const set = terms instanceof Set ? (terms as Set<string>) : new Set(terms);
  return query.every((q) => (q.prefix ? [...set].some((t) => t.startsWith(q.term)) : set.has(q.term)));
}

/**
 * Space-separated terms for an FTS5 column (tokenize='unicode61 remove_diacritics 0') or
 * to_tsvector('simple', …). No tokenchars are needed: terms hold only letters and digits, which
 * unicode61 and PG's default parser both keep together, so each term stays one token.
 */
export function toIndexString(terms: string[]): string {
  return terms.map(clean).filter(Boolean).join(' ');
}

/**
 * FTS5 MATCH expression, or null when the query has no searchable term (callers skip MATCH).
 * Terms are letters/digits only, and quoting keeps words like and/or/not from being operators.
 */
export function toFtsQuery(query: string): string | null {
  const q = queryTerms(query);
  if (q.length === 0) return null;
  return q.map((t) => `"${t.term}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/**
 * PostgreSQL to_tsquery('simple', …) text (bind it as a parameter), or null when empty.
 * PG's parser follows the database locale: letters it does not know (e.g. Imperial Aramaic
 * under C.UTF-8) are dropped on both sides rather than erroring; Han, incl. Extension B+, is kept.
 */
export function toTsQuery(query: string): string | null {
  const q = queryTerms(query);
  if (q.length === 0) return null;
  return q.map((t) => `'${t.term}'${t.prefix ? ':*' : ''}`).join(' & ');
}
