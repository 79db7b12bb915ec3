/**
 * The `highlight` field of a listed item when the list has a text query: for each text field
 * that matched, the text as segments {text, match}. Segments, not HTML, so no client ever has to
 * trust markup; long descriptions are cut to a window around the first match.
 */
import { highlightSegments, type HighlightSegment } from './highlight.js';

const FIELDS = ['title', 'description', 'address', 'measures'] as const;
type Field = (typeof FIELDS)[number];
export type Highlight = Partial<Record<Field, HighlightSegment[]>>;

/** Characters kept before the first match and in total, for long texts. */
const BEFORE = 40;
const WINDOW = 160;

/** Cuts segments to a window that starts shortly before the first match; … marks the cuts. */
export function snippet(segments: HighlightSegment[], before = BEFORE, window = WINDOW): HighlightSegment[] {
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  if (total <= window) return segments;
  let offset = 0;
  for (const s of segments) {
    if (s.match) break;
    offset += s.text.length;
  }
  const start = Math.max(0, Math.min(offset - before, total - window));
  const end = start + window;
  const out: HighlightSegment[] = [];
  let pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (b > a) out.push({ text: s.text.slice(a - pos, b - pos), match: s.match });
    pos += s.text.length;
  }
  if (start > 0) out.unshift({ text: '…', match: false });
  if (end < total) out.push({ text: '…', match: false });
  return out;
}

export function highlightItem(item: Partial<Record<Field, string | null>>, query: string): Highlight {
  const out: Highlight = {};
  for (const f of FIELDS) {
    const text = item[f];
    if (!text) continue;
    const segs = highlightSegments(text, query);
    if (segs.some((s) => s.match)) out[f] = f === 'title' ? segs : snippet(segs);
  }
  return out;
}
