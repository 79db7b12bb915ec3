/**
 * The 完成情况 / 销号情况 column and the item state, both ways. Export writes one fixed label per
 * state, so an exported sheet re-imports to the same states; import also reads the phrases real
 * sheets use (已完成, 序时推进, 长期坚持 …).
 */
import type { State } from '../lifecycle/lifecycle.js';

export const STATE_LABELS: Record<State, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  merged: '已合并',
  assigned: '已交办',
  in_progress: '整改中',
  long_term: '长期整改',
  rectified: '已整改待验收',
  verified: '已验收待销号',
  closed: '已销号',
};

const BY_LABEL = new Map(Object.entries(STATE_LABELS).map(([s, l]) => [l, s as State]));

/** Phrases, checked in order: "未完成" must not read as "完成". */
const PHRASES: Array<[RegExp, State]> = [
  [/未完成|没有完成|尚未|未销号|未办结|未整改|未解决/, 'in_progress'],
  [/长期|持续|常态化|长效/, 'long_term'],
  [/待验收|已整改/, 'rectified'],
  [/销号|办结|已完成|完成整改|整改完成|已解决|整改到位|^完成$|^是$/, 'closed'],
  [/整改中|推进|正在|进行中|序时|基本完成|部分完成|^否$/, 'in_progress'],
];

export type Completion = { kind: 'state'; state: State } | { kind: 'empty' } | { kind: 'unknown' };

export function parseCompletion(text: string): Completion {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t) return { kind: 'empty' };
  const exact = BY_LABEL.get(t);
  if (exact) return { kind: 'state', state: exact };
  for (const [re, state] of PHRASES) if (re.test(t)) return { kind: 'state', state };
  return { kind: 'unknown' };
}

/** States in which an item has a responsible lead unit. */
export const NEEDS_LEAD: State[] = ['assigned', 'in_progress', 'long_term', 'rectified'];

/** "完成60%" in a progress report: the last percentage given, if any. */
export function percentIn(text: string | null): number | null {
  if (!text) return null;
  const all = [...text.normalize('NFKC').matchAll(/(\d{1,3})(?:\.\d+)?\s*%/g)]
    .map((m) => Number(m[1]))
    .filter((n) => n <= 100);
  return all.length ? all[all.length - 1] : null;
}
