/**
 * Duplicates inside one sheet: the same message entered twice (exact, after folding spaces and
 * punctuation) or nearly so (character-pair Dice ≥ 0.9, the scorer of src/duplicates). A history
 * export of thousands of rows holds dozens of such pairs. Comparing every pair would be quadratic,
 * so each text is filed under bands of its min-hashes (see `bands`): texts that are nearly the
 * same share a band, unrelated texts that merely share a common pair almost never share two, and
 * only texts sharing a band are compared.
 */
import { dice, shingles } from '../duplicates/similarity.js';

const SKETCH = 16;
const NEAR = 0.9;

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
/** FNV-1a: a shingle is two characters, and a sheet has millions of them. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * One-permutation min-hashing: each shingle falls in one of SKETCH bins by its hash, each bin keeps
 * its smallest hash, and bands are pairs of bins. A changed character moves at most the bins its
 * two shingles fall in, so the other bands still match (a sorted bottom-k shifts them all).
 */
function bands(sh: Set<string>): string[] {
  const mins = new Array<number>(SKETCH).fill(Number.POSITIVE_INFINITY);
  for (const x of sh) {
    const h = hash32(x);
    const bin = h % SKETCH;
    if (h < mins[bin]) mins[bin] = h;
  }
  const out: string[] = [];
  for (let b = 0; b + 1 < SKETCH; b += 2)
    if (Number.isFinite(mins[b]) && Number.isFinite(mins[b + 1])) out.push(`${b}:${mins[b]}:${mins[b + 1]}`);
  return out;
}

export type SheetDuplicate = { row: number; kind: 'exact' | 'near'; score: number };

export class SheetDuplicates {
  private exact = new Map<string, number>();
  private sketches = new Map<string, number[]>();
  private texts = new Map<number, Set<string>>();

  /** The earlier row this text repeats, if any; then remembers the text under its row. */
  check(row: number, title: string, description: string): SheetDuplicate | null {
    const key = fold(`${title}\n${description}`);
    const same = this.exact.get(key) ?? this.exact.get(fold(description));
    if (same !== undefined) return { row: same, kind: 'exact', score: 1 };
    this.exact.set(key, row);
    this.exact.set(fold(description), row);
    const sh = shingles(description);
    if (sh.size < 4) return null;
    const sketch = bands(sh);
    let best: SheetDuplicate | null = null;
    const seen = new Set<number>();
    for (const h of sketch)
      for (const other of this.sketches.get(h) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const score = dice(sh, this.texts.get(other)!);
        if (score >= NEAR && (!best || score > best.score)) best = { row: other, kind: 'near', score };
      }
    for (const h of sketch) {
      const list = this.sketches.get(h);
      if (list) list.push(row);
      else this.sketches.set(h, [row]);
    }
    this.texts.set(row, sh);
    return best;
  }
}
