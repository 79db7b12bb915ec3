const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-04 09:05" in the viewer's time zone; dates ('YYYY-MM-DD') pass through. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return formatTime(iso).slice(0, 10);
}

export function currentMonth(offset = 0): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  // Rates may come as 0..1 or 0..100.
  const p = v <= 1 ? v * 100 : v;
  return `${p.toFixed(1)}%`;
}

/** Build a tree-ordered, depth-annotated list from flat items with parentId. */
export function treeOrder<T extends { id: number; parentId?: number | null; sort?: number }>(
  items: T[],
): { item: T; depth: number }[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<number | null, T[]>();
  for (const it of items) {
    const parent = it.parentId != null && ids.has(it.parentId) ? it.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(it);
    children.set(parent, list);
  }
  const out: { item: T; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.id - b.id);
    for (const it of list) {
      if (seen.has(it.id)) continue;
      seen.add(it.id);
      out.push({ item: it, depth });
      walk(it.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A whole percentage figure as "40%", or a dash when there is none. */
export const pct = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : `${Math.round(n)}%`;
