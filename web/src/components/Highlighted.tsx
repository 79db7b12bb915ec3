import type { Segment } from '../api/problems.js';

/** Search hits as text with <mark>: the server sends segments, never markup, and none is parsed here. */
export function Highlighted({ segments, fallback }: { segments?: Segment[]; fallback: string }) {
  if (!segments?.length) return <>{fallback}</>;
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
