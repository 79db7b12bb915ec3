/**
 * Marks the parts of a text that a search query matched, using the same runs as queryTerms so
 * what is highlighted is what made the item match. Matching happens on the normalised text
 * (full-width ＷｉＦｉ matches wifi) but the output keeps the original characters.
 */
import { bigrams, queryRuns } from './tokenize.js';

export interface HighlightSegment {
  text: string;
  match: boolean;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function escapeRegExp(s: string): string {
  // Only syntax characters: the patterns use the u flag, which rejects escapes like \-.
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const LETTER = '(?:(?!\\p{Script=Han})\\p{L})';

/**
 * Codes match as the index does: the query must be a run of whole parts, or a whole atom
 * (318 hits G318, 18 does not), and parts may be joined by - or _ in the text (the index
 * stores every contiguous sub-join, so jz2026000123 found JZ-2026-000123).
 */
function codePattern(parts: string[]): string | null {
  const chars = Array.from(parts.join(''));
  if (chars.length === 0) return null;
  const cls = (c: string) => (/\p{N}/u.test(c) ? '\\p{N}' : LETTER);
  const body = chars.map(escapeRegExp).join('[-_]?');
  return `(?<!${cls(chars[0])})${body}(?!${cls(chars[chars.length - 1])})`;
}

function needlePatterns(query: string): RegExp[] {
  const patterns = new Set<string>();
  for (const run of queryRuns(query)) {
    if (run.kind === 'code') {
      const p = codePattern(run.parts);
      if (p) patterns.add(p);
    } else {
      const bs = bigrams(run.text);
      // Bigrams rather than the whole run: the item matched on bigrams, which may be apart.
      for (const n of bs.length ? bs : [run.text]) patterns.add(escapeRegExp(n));
    }
  }
  return [...patterns].map((p) => new RegExp(p, 'gu'));
}

/** Normalises per code point, remembering which original slice each normalised unit came from. */
function normalizeWithMap(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const cp of text) {
    const n = cp.normalize('NFKC').toLowerCase();
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + cp.length);
    }
    norm += n;
    i += cp.length;
  }
  return { norm, from, to };
}

/** Original text split into matched and unmatched segments; no HTML involved. */
export function highlightSegments(text: string, query: string): HighlightSegment[] {
  if (!text) return [];
  const { norm, from, to } = normalizeWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const re of needlePatterns(query)) {
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      if (m[0].length === 0) break;
      ranges.push([from[m.index], to[m.index + m[0].length - 1]]);
      re.lastIndex = m.index + 1; // overlapping hits: 哈哈 in 哈哈哈
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: HighlightSegment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return out;
}

/** HTML-safe string: every character of the text is escaped; only open/close are raw. */
export function highlight(text: string, query: string, open = '<mark>', close = '</mark>'): string {
  return highlightSegments(text, query)
    .map((s) => (s.match ? open + escapeHtml(s.text) + close : escapeHtml(s.text)))
    .join('');
}
