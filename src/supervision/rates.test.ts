import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type RateCounts, DEFAULT_RATE_CONFIG, computeRates, rank, rateConfig } from './rates.js';

/** 沙市区住建局, one month — every figure below is worked out by hand in the comments. */
const unit: RateCounts = {
  dispatched: 40,
  signedWithinLimit: 36, // response 36/40 = 0.9
  validCallbacks: 30,
  solvedAtCallback: 24, // resolution 24/30 = 0.8
  // satisfaction (10 + 8 + 0.9 × 5) / 25 = 22.5 / 25 = 0.9
  verySatisfied: 10,
  satisfied: 8,
  basicallySatisfied: 5,
  dissatisfied: 2,
  veryDissatisfied: 0,
  closed: 20,
  closedOnTime: 15,
  workingDaysToClose: 170, // on time 0.75, mean 8.5 working days
  returned: 4, // 4/40 = 0.1
  verifications: 25,
  redone: 2, // 2/25 = 0.08
  overdue: 3,
};
const nothing: RateCounts = Object.fromEntries(Object.keys(unit).map((k) => [k, 0])) as unknown as RateCounts;

describe('computeRates', () => {
  it('hand-computed fixture', () => {
    const r = computeRates(unit);
    expect(r.response).toBeCloseTo(0.9, 12);
    expect(r.resolution).toBeCloseTo(0.8, 12);
    expect(r.satisfaction).toBeCloseTo(0.9, 12);
    // 0.1 × 0.9 + 0.5 × 0.8 + 0.4 × 0.9 = 0.09 + 0.40 + 0.36 = 0.85
    expect(r.composite).toBeCloseTo(0.85, 12);
    expect(r.onTimeCompletion).toBeCloseTo(0.75, 12);
    expect(r.returnRate).toBeCloseTo(0.1, 12);
    expect(r.redoRate).toBeCloseTo(0.08, 12);
    expect(r.meanWorkingDaysToClose).toBeCloseTo(8.5, 12);
    expect(r.rated).toBe(25);
    expect(r.overdue).toBe(3);
  });

  it('gives null, not 0, when nothing was measured', () => {
    expect(computeRates(nothing)).toEqual({
      response: null,
      resolution: null,
      satisfaction: null,
      composite: null,
      onTimeCompletion: null,
      returnRate: null,
      redoRate: null,
      meanWorkingDaysToClose: null,
      rated: 0,
      overdue: 0,
    });
  });

  it('has no composite until all three rates are measurable', () => {
    const r = computeRates({ ...unit, validCallbacks: 0, solvedAtCallback: 0 });
    expect(r.response).toBeCloseTo(0.9, 12);
    expect(r.resolution).toBeNull();
    expect(r.composite).toBeNull();
  });

  it('takes factor and weight overrides', () => {
    // Counting 基本满意 fully: (10 + 8 + 5) / 25 = 0.92.
    const full = rateConfig({ satisfactionFactors: { basicallySatisfied: 1 } });
    expect(computeRates(unit, full).satisfaction).toBeCloseTo(0.92, 12);
    // 0.2 × 0.9 + 0.4 × 0.8 + 0.4 × 0.92 = 0.18 + 0.32 + 0.368 = 0.868
    const c = rateConfig({
      satisfactionFactors: { basicallySatisfied: 1 },
      weights: { response: 0.2, resolution: 0.4 },
    });
    expect(computeRates(unit, c).composite).toBeCloseTo(0.868, 12);
    // Weights are normalised: 10/50/40 = 0.1/0.5/0.4.
    const pct = rateConfig({ weights: { response: 10, resolution: 50, satisfaction: 40 } });
    expect(computeRates(unit, pct).composite).toBeCloseTo(0.85, 12);
    expect(DEFAULT_RATE_CONFIG.satisfactionFactors.basicallySatisfied).toBe(0.9);
    expect(Object.isFrozen(DEFAULT_RATE_CONFIG.weights)).toBe(true);
  });

  it('refuses impossible counts and config', () => {
    expect(() => computeRates({ ...unit, signedWithinLimit: 41 })).toThrow(AppError);
    expect(() => computeRates({ ...unit, redone: 26 })).toThrow(AppError);
    expect(() => computeRates({ ...unit, closed: -1 })).toThrow(AppError);
    expect(() => computeRates({ ...unit, dispatched: 40.5 })).toThrow(AppError);
    expect(() => rateConfig({ satisfactionFactors: { satisfied: 1.2 } })).toThrow(AppError);
    expect(() => rateConfig({ weights: { response: 0, resolution: 0, satisfaction: 0 } })).toThrow(AppError);
    expect(() => rateConfig({ weights: { response: -0.1 } })).toThrow(AppError);
  });
});

type Row = { unit: string; composite: number | null; days: number | null };
const row = (unit: string, composite: number | null, days: number | null = null): Row => ({ unit, composite, days });
const names = (rows: Row[]) => rows.map((r) => r.unit);

describe('rank', () => {
  const rows = [
    row('A', 0.85),
    row('B', 0.92),
    row('C', 0.7),
    row('D', 0.85),
    row('E', null),
    row('F', 0.6),
    row('G', 0.75),
    row('H', 0.5),
    row('I', 0.95),
    row('J', 0.8),
    row('K', 0.65),
    row('L', 0.55),
  ];

  it('competition ranking, unscored last, red and black lists', () => {
    const r = rank(rows, 'composite');
    expect(r.ranked.map((x) => [x.row.unit, x.rank])).toEqual([
      ['I', 1],
      ['B', 2],
      ['A', 3],
      ['D', 3],
      ['J', 5],
      ['G', 6],
      ['C', 7],
      ['K', 8],
      ['F', 9],
      ['L', 10],
      ['H', 11],
      ['E', null],
    ]);
    expect(names(r.redList)).toEqual(['I', 'B', 'A', 'D', 'J']);
    expect(names(r.blackList)).toEqual(['H', 'L', 'F', 'K', 'C']);
  });

  it('includes ties at the cut-off', () => {
    const r = rank(
      [
        row('a', 0.9),
        row('b', 0.8),
        row('c', 0.8),
        row('d', 0.7),
        row('e', 0.6),
        row('f', 0.6),
        row('g', 0.5),
        row('h', 0.4),
        row('i', 0.3),
      ],
      'composite',
      { listSize: 2 },
    );
    expect(names(r.redList)).toEqual(['a', 'b', 'c']);
    expect(names(r.blackList)).toEqual(['i', 'h']);
    const tail = rank([row('a', 0.9), row('b', 0.8), row('c', 0.4), row('d', 0.3), row('e', 0.3)], 'composite', {
      listSize: 1,
    });
    expect(names(tail.blackList)).toEqual(['e', 'd']);
  });

  it('never puts a unit on both lists', () => {
    const r = rank(rows.slice(0, 7), 'composite');
    expect(names(r.redList)).toEqual(['B', 'A', 'D', 'G', 'C']);
    expect(names(r.blackList)).toEqual(['F']);
  });

  it('treats float noise as a tie', () => {
    const r = rank([row('x', 0.1 + 0.2), row('y', 0.3)], 'composite');
    expect(r.ranked.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('ascending order for lower-is-better figures', () => {
    const r = rank([row('p', null, 8.5), row('q', null, 3), row('s', null, null), row('t', null, 12)], 'days', {
      order: 'asc',
      listSize: 1,
    });
    expect(r.ranked.map((x) => [x.row.unit, x.rank])).toEqual([
      ['q', 1],
      ['p', 2],
      ['t', 3],
      ['s', null],
    ]);
    expect(names(r.redList)).toEqual(['q']);
    expect(names(r.blackList)).toEqual(['t']);
  });

  it('handles empty input and rejects a bad list size', () => {
    expect(rank([] as Row[], 'composite')).toEqual({ ranked: [], redList: [], blackList: [] });
    expect(() => rank(rows, 'composite', { listSize: -1 })).toThrow(AppError);
  });
});
