/**
 * The features the dispatch model reads: character unigrams and bigrams of each run of letters and
 * digits. Chinese needs no dictionary this way (a new place name or slang word still shares its
 * characters with history), and short complaints keep enough signal to be routed.
 */
import { normalizeText } from '../search/tokenize.js';

const RUN_RE = /[\p{L}\p{N}]+/gu;
/** Digits carry dates, phone numbers and house numbers, never the subject: fold them to one mark. */
const DIGITS_RE = /\p{N}+/gu;

/** Counts of every 1–2-character gram of a text. */
export function charGrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (g: string) => counts.set(g, (counts.get(g) ?? 0) + 1);
  const folded = normalizeText(text).replace(DIGITS_RE, '0');
  for (const m of folded.matchAll(RUN_RE)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i < chars.length; i++) {
      add(chars[i]);
      if (i + 1 < chars.length) add(chars[i] + chars[i + 1]);
    }
  }
  return counts;
}
