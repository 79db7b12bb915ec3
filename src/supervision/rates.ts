/**
 * Assessment figures for 月结 (monthly settlement): the three rates, the composite score and the
 * supporting figures, from plain counts so the same code scores units, areas and the whole city.
 * Published formulas vary by city, so factors and weights are configuration.
 */
import { AppError, say } from '../errors.js';

export interface RateCounts {
  dispatched: number;
  signedWithinLimit: number;
  /** Callbacks (回访) that reached the reporter and got an answer. */
  validCallbacks: number;
  solvedAtCallback: number;
  /** 好差评 five levels: 非常满意 5 … 非常不满意 1. */
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  veryDissatisfied: number;
  closed: number;
  closedOnTime: number;
  /** Sum over closed items of working days from dispatch to close. */
  workingDaysToClose: number;
  returned: number;
  /** Verification decisions, and how many of them were "unsatisfied" (a redo). */
  verifications: number;
  redone: number;
  /** Open items past their deadline now; a count, not a rate. */
  overdue: number;
}

export const SATISFACTION_LEVELS = [
  'verySatisfied',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'veryDissatisfied',
] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export interface RateConfig {
  /** How much one rating of each level counts as "satisfied". */
  satisfactionFactors: Record<SatisfactionLevel, number>;
  /** Composite weights; normalised, so 10/50/40 means the same as 0.1/0.5/0.4. */
  weights: { response: number; resolution: number; satisfaction: number };
}

/** Frozen: it is shared by every caller that passes no config. */
export const DEFAULT_RATE_CONFIG: RateConfig = Object.freeze({
  satisfactionFactors: Object.freeze({
    verySatisfied: 1,
    satisfied: 1,
    basicallySatisfied: 0.9,
    dissatisfied: 0,
    veryDissatisfied: 0,
  }),
  weights: Object.freeze({ response: 0.1, resolution: 0.5, satisfaction: 0.4 }),
});

export interface RateOverrides {
  satisfactionFactors?: Partial<Record<SatisfactionLevel, number>>;
  weights?: Partial<RateConfig['weights']>;
}

/** Rates are 0..1; null when nothing was measured (0 of 0 is not 0%). */
export interface Rates {
  response: number | null;
  resolution: number | null;
  satisfaction: number | null;
  composite: number | null;
  onTimeCompletion: number | null;
  returnRate: number | null;
  redoRate: number | null;
  meanWorkingDaysToClose: number | null;
  rated: number;
  overdue: number;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

function validate(c: RateCounts): void {
  for (const [k, v] of Object.entries(c)) {
    if (!Number.isInteger(v) || v < 0)
      throw new AppError(
        'validation_failed',
        say(`${k} 必须是 ≥ 0 的整数，实为 ${v}`, `${k} must be a whole number ≥ 0, got ${v}`),
      );
  }
  const pairs: [keyof RateCounts, keyof RateCounts][] = [
    ['signedWithinLimit', 'dispatched'],
    ['returned', 'dispatched'],
    ['solvedAtCallback', 'validCallbacks'],
    ['closedOnTime', 'closed'],
    ['redone', 'verifications'],
  ];
  for (const [part, whole] of pairs) {
    if (c[part] > c[whole])
      throw new AppError(
        'validation_failed',
        say(
          `${part}（${c[part]}）超过了 ${whole}（${c[whole]}）`,
          `${part} (${c[part]}) exceeds ${whole} (${c[whole]})`,
        ),
      );
  }
}

export function rateConfig(o: RateOverrides = {}): RateConfig {
  const c: RateConfig = {
    satisfactionFactors: { ...DEFAULT_RATE_CONFIG.satisfactionFactors, ...o.satisfactionFactors },
    weights: { ...DEFAULT_RATE_CONFIG.weights, ...o.weights },
  };
  for (const [k, v] of Object.entries(c.satisfactionFactors)) {
    if (!(v >= 0 && v <= 1))
      throw new AppError(
        'validation_failed',
        say(`满意度系数 ${k} 必须在 0..1 之间，实为 ${v}`, `satisfaction factor ${k} must be within 0..1, got ${v}`),
      );
  }
  const w = Object.values(c.weights);
  if (w.some((v) => !(v >= 0)) || w.every((v) => v === 0)) {
    throw new AppError(
      'validation_failed',
      say('综合权重必须 ≥ 0 且不能全为 0', 'composite weights must be ≥ 0 and not all 0'),
    );
  }
  return c;
}

/**
 * A composite needs all three rates: renormalising over whichever were measured would let a unit
 * with no callbacks yet top the ranking on its response rate alone.
 */
export function computeRates(counts: RateCounts, config: RateConfig = DEFAULT_RATE_CONFIG): Rates {
  validate(counts);
  const rated = SATISFACTION_LEVELS.reduce((s, l) => s + counts[l], 0);
  const satisfiedEquivalent = SATISFACTION_LEVELS.reduce((s, l) => s + counts[l] * config.satisfactionFactors[l], 0);
  const response = ratio(counts.signedWithinLimit, counts.dispatched);
  const resolution = ratio(counts.solvedAtCallback, counts.validCallbacks);
  const satisfaction = ratio(satisfiedEquivalent, rated);
  const w = config.weights;
  const composite =
    response === null || resolution === null || satisfaction === null
      ? null
      : (w.response * response + w.resolution * resolution + w.satisfaction * satisfaction) /
        (w.response + w.resolution + w.satisfaction);
  return {
    response,
    resolution,
    satisfaction,
    composite,
    onTimeCompletion: ratio(counts.closedOnTime, counts.closed),
    returnRate: ratio(counts.returned, counts.dispatched),
    redoRate: ratio(counts.redone, counts.verifications),
    meanWorkingDaysToClose: ratio(counts.workingDaysToClose, counts.closed),
    rated,
    overdue: counts.overdue,
  };
}

type NumericKey<T> = { [K in keyof T]: T[K] extends number | null | undefined ? K : never }[keyof T];

export interface RankOptions {
  /** 'desc' (default): higher is better; 'asc' for figures like mean days to close. */
  order?: 'desc' | 'asc';
  /** Size of the red (红榜) and black (黑榜) lists; 5 by default. */
  listSize?: number;
}

export interface RankResult<T> {
  /** Best first; rows without a value come last with rank null. */
  ranked: { row: T; rank: number | null }[];
  redList: T[];
  /** Worst first. */
  blackList: T[];
}

/** Scores this close are equal: computed rates differ in the 16th digit for equal counts. */
const EPSILON = 1e-9;

/**
 * Competition ranking (1, 2, 2, 4). Ties at a list's cut-off are all included, since choosing
 * between equal units would be arbitrary; a unit on the red list is never also on the black list.
 */
export function rank<T>(rows: readonly T[], key: NumericKey<T>, options: RankOptions = {}): RankResult<T> {
  const sign = options.order === 'asc' ? -1 : 1;
  const n = options.listSize ?? 5;
  if (!Number.isInteger(n) || n < 0)
    throw new AppError(
      'validation_failed',
      say(`listSize 必须是 ≥ 0 的整数，实为 ${n}`, `listSize must be a whole number ≥ 0, got ${n}`),
    );
  const value = (row: T) => row[key] as number | null | undefined;
  const isScored = (r: T) => typeof value(r) === 'number' && Number.isFinite(value(r));
  const score = (r: T) => sign * (value(r) as number);
  const better = (a: T, b: T) => score(a) - score(b) > EPSILON;
  const sorted = rows.filter(isScored).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  // One pass each way: a row ties with its neighbour or takes its position as rank.
  const ranks: number[] = [];
  for (const [i, r] of sorted.entries()) ranks.push(i > 0 && !better(sorted[i - 1], r) ? ranks[i - 1] : i + 1);
  const fromBottom: number[] = [];
  for (let i = sorted.length - 1, pos = 1; i >= 0; i--, pos++) {
    fromBottom[i] = i < sorted.length - 1 && !better(sorted[i], sorted[i + 1]) ? fromBottom[i + 1] : pos;
  }
  const redList = sorted.filter((_, i) => ranks[i] <= n);
  const blackList = sorted
    .map((row, i) => ({ row, i }))
    .reverse()
    .filter(({ i }) => ranks[i] > n && fromBottom[i] <= n)
    .map(({ row }) => row);
  return {
    ranked: [
      ...sorted.map((row, i) => ({ row, rank: ranks[i] })),
      ...rows.filter((r) => !isScored(r)).map((row) => ({ row, rank: null })),
    ],
    redList,
    blackList,
  };
}
