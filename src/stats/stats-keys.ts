import { PUBLIC_STATES, type State } from '../lifecycle/lifecycle.js';
import { OVERDUE_STATES } from '../problems/problem-list.repository.js';
import type { StatsItemTable } from '../db/schema.js';

/**
 * What one item adds to the counters, as a pure function of its `stats_items` row. The migration
 * backfill and the rebuild compute the same thing in SQL; the integration test in test/stats
 * holds all three to the live counts.
 */
export type ItemState = Omit<StatsItemTable, 'problem_id'>;
export type Scope = 'all' | 'public';
export type Dimension = 'total' | 'category' | 'area' | 'source' | 'month' | 'deadline' | 'department' | 'tag';
export interface CounterKey {
  scope: Scope;
  dimension: Dimension;
  key: string;
  status: string;
}

/** Sorted ids joined by commas: the same text the SQL backfill's string_agg produces. */
export const idList = (ids: Iterable<number>): string => [...new Set(ids)].sort((a, b) => a - b).join(',');

export function contribution(item: ItemState): CounterKey[] {
  const scopes: Scope[] =
    item.is_public === 1 && PUBLIC_STATES.includes(item.status as State) ? ['all', 'public'] : ['all'];
  const keys: Array<[Dimension, string]> = [['total', '']];
  if (item.category_id !== null) keys.push(['category', String(item.category_id)]);
  if (item.area_id !== null) keys.push(['area', String(item.area_id)]);
  if (item.source_id !== null) keys.push(['source', String(item.source_id)]);
  if (item.created_month !== null) keys.push(['month', item.created_month]);
  // Only what "overdue" can count: open items by deadline, summed below today when read.
  if (item.deadline !== null && OVERDUE_STATES.includes(item.status as State)) keys.push(['deadline', item.deadline]);
  if (item.departments !== '') keys.push(['department', item.departments]);
  for (const t of item.tags ? item.tags.split(',') : []) keys.push(['tag', t]);
  return scopes.flatMap((scope) => keys.map(([dimension, key]) => ({ scope, dimension, key, status: item.status })));
}

const SEP = '\u0001';
const encode = (k: CounterKey) => [k.scope, k.dimension, k.key, k.status].join(SEP);

/**
 * The signed changes that turn `before`'s contribution into `after`'s, without the keys that
 * cancel out, sorted (so concurrent writers touch counters in one order).
 */
export function delta(before: ItemState | null, after: ItemState | null): Array<CounterKey & { n: number }> {
  const m = new Map<string, number>();
  for (const k of before ? contribution(before) : []) m.set(encode(k), (m.get(encode(k)) ?? 0) - 1);
  for (const k of after ? contribution(after) : []) m.set(encode(k), (m.get(encode(k)) ?? 0) + 1);
  return [...m]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => {
      const [scope, dimension, key, status] = k.split(SEP);
      return { scope: scope as Scope, dimension: dimension as Dimension, key, status, n };
    });
}

const FIELDS = [
  'is_public',
  'status',
  'category_id',
  'area_id',
  'source_id',
  'created_month',
  'deadline',
  'departments',
  'tags',
] as const;
export const sameState = (a: ItemState | null, b: ItemState | null): boolean =>
  a === null || b === null ? a === b : FIELDS.every((k) => a[k] === b[k]);
