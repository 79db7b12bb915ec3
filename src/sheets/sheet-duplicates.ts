/**
 * Duplicates inside one sheet: the same message entered twice (exact, after folding spaces and
 * punctuation) or nearly so (character-pair Dice ≥ 0.9, the scorer of src/duplicates). A history
 * export of thousands of rows holds dozens of such pairs. Comparing every pair would be quadratic,
 * so each text is filed under bands of its smallest-hashing character pairs (a bottom-k sketch cut
 * in pairs): texts that are nearly the same share a band, unrelated texts that merely share a common
 * pair almost never share two, and only texts sharing a band are compared.
 */
import { createHash } from 'node:crypto';
import { dice, shingles } from '../duplicates/similarity.js';

const SKETCH = 8;
const NEAR = 0.9;

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
const hash32 = (s: string) => createHash('md5').update(s).digest().readUInt32BE(0);

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
    const mins = [...sh]
      .map(hash32)
      .sort((a, b) => a - b)
      .slice(0, SKETCH);
    const sketch: string[] = [];
    for (let i = 0; i + 1 < mins.length; i += 2) sketch.push(`${mins[i]}:${mins[i + 1]}`);
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
