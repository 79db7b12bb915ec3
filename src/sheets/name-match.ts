/**
 * Matches the unit and leader names typed in a sheet (牵头单位, 配合单位, 领办领导) to the
 * reference lists. Only an exact match (after harmless normalisation) or an alias resolves by
 * itself; anything else returns ranked suggestions for a person to confirm, because guessing
 * wrong sends an item to the wrong department.
 */

export interface NameCandidate {
  id: string | number;
  name: string;
  aliases?: readonly string[];
}

export type NameResolution<T extends NameCandidate> =
  | { kind: 'exact'; candidate: T }
  | { kind: 'suggest'; suggestions: Array<{ candidate: T; score: number }> };

export interface ResolveOptions {
  /** How many suggestions to return (default 3). */
  limit?: number;
  /** Suggestions scoring below this are noise: unrelated names still share 市 and 局. */
  minScore?: number;
}

/**
 * Width, spaces and punctuation never distinguish two units; the characters do. We do not strip
 * 市/区/局: 市场监管局 starts with 市, and 荆州区 and 荆州市 are different bodies.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/[^\p{L}\p{N}()]/gu, '');
}

/** 市水利局(牵头) → 市水利局: role notes in brackets are common in 配合单位 cells. */
function withoutNotes(norm: string): string {
  return norm.replace(/\([^)]*\)/g, '');
}

function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const cur = [0];
    for (let j = 0; j < b.length; j++) cur.push(ca === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], cur[j]));
    prev = cur;
  }
  return prev[b.length];
}

function bigramDice(a: string[], b: string[]): number {
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < b.length; i++) counts.set(b[i] + b[i + 1], (counts.get(b[i] + b[i + 1]) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    const k = a[i] + a[i + 1];
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(k, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/**
 * Similarity in [0, 1]. Chinese short forms keep characters of the full name in order
 * (城管局 ← 市城市管理执法局, 市税务局 ← 国家税务总局荆州市税务局), so the main signal is how much
 * of the typed name is a subsequence of the candidate; bigram Dice rewards shared words and the
 * candidate-side ratio prefers the tighter of two otherwise equal candidates.
 */
export function nameSimilarity(typed: string, candidate: string): number {
  const a = Array.from(withoutNotes(normalizeName(typed)));
  const b = Array.from(withoutNotes(normalizeName(candidate)));
  if (a.length === 0 || b.length === 0) return 0;
  if (a.join('') === b.join('')) return 1;
  const lcs = lcsLength(a, b);
  return 0.5 * (lcs / a.length) + 0.3 * bigramDice(a, b) + 0.2 * (lcs / b.length);
}

export function resolveName<T extends NameCandidate>(
  name: string,
  candidates: readonly T[],
  opts: ResolveOptions = {},
): NameResolution<T> {
  const { limit = 3, minScore = 0.45 } = opts;
  const norm = normalizeName(name);
  if (!norm) return { kind: 'suggest', suggestions: [] };
  const namesOf = (c: T) => [c.name, ...(c.aliases ?? [])].map(normalizeName);
  for (const key of [norm, withoutNotes(norm)]) {
    const hits = candidates.filter((c) => namesOf(c).some((n) => n === key || withoutNotes(n) === key));
    if (hits.length === 1) return { kind: 'exact', candidate: hits[0] };
    // Two units answering to the same name cannot be told apart here; a person must choose.
    if (hits.length > 1)
      return { kind: 'suggest', suggestions: hits.slice(0, limit).map((candidate) => ({ candidate, score: 1 })) };
  }
  const scored = candidates
    .map((candidate) => ({
      candidate,
      score: Math.max(...[candidate.name, ...(candidate.aliases ?? [])].map((n) => nameSimilarity(name, n))),
    }))
    .filter((s) => s.score >= minScore)
    .sort((x, y) => y.score - x.score);
  return {
    kind: 'suggest',
    suggestions: scored.slice(0, limit).map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 })),
  };
}

/**
 * Splits a multi-value cell: 市水利局、市生态环境局,市住建局 → three names. Spaces are not
 * separators (a stray space inside a name is a typo, not two units); a trailing 等 / 等单位 goes.
 */
export function splitMultiValue(cell: string | null | undefined): string[] {
  if (!cell) return [];
  const out: string[] = [];
  for (const raw of String(cell).split(/[、，,;；/／|｜\r\n\t]+/)) {
    const piece = raw
      .trim()
      .replace(/\s*等(?:单位|部门)?$/, '')
      .trim();
    if (piece && !out.includes(piece)) out.push(piece);
  }
  return out;
}
