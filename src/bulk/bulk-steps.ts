import type { Rnd } from './bulk-text.js';

/**
 * Where a bulk item's story stops, by weight, and how long each step takes. The weights follow
 * the brief's campaign: most items are fixed and closed, a fifth are still being worked on, a few
 * are rejected, merged as duplicates, returned or turned into long-term items.
 */
export type StepKind =
  | 'accept'
  | 'reject'
  | 'merge'
  | 'assign'
  | 'sign'
  | 'return'
  | 'progress'
  | 'long_term'
  | 'rectify'
  | 'verify'
  | 'verify_unsatisfied'
  | 'close'
  | 'note';

export interface Step {
  kind: StepKind;
  /** The lifecycle action the step performs. */
  action: string;
  afterDays: (rnd: Rnd) => number;
}

const between = (lo: number, hi: number) => (rnd: Rnd) => lo + rnd() * (hi - lo);

const DELAYS: Record<StepKind, (rnd: Rnd) => number> = {
  accept: between(0.02, 0.6),
  reject: between(0.05, 1.5),
  merge: between(0.05, 1.5),
  assign: between(0.05, 1.5),
  sign: between(0.02, 0.4),
  return: between(0.3, 2),
  progress: between(3, 8),
  long_term: between(5, 15),
  rectify: between(2, 12),
  verify: between(1, 5),
  verify_unsatisfied: between(1, 5),
  close: between(0.3, 3),
  note: between(0.1, 3),
};

const step = (kind: StepKind): Step => ({
  kind,
  action: kind === 'verify_unsatisfied' ? 'verify' : kind,
  afterDays: DELAYS[kind],
});

const ENDINGS: Array<[weight: number, kinds: StepKind[]]> = [
  [5, []],
  [3, ['accept']],
  [3, ['reject']],
  [2, ['merge']],
  [4, ['assign']],
  [15, ['assign', 'sign', 'progress']],
  [3, ['assign', 'sign', 'return']],
  [2, ['assign', 'sign', 'long_term', 'progress']],
  [9, ['assign', 'sign', 'progress', 'rectify']],
  [8, ['assign', 'sign', 'progress', 'rectify', 'verify']],
  [42, ['assign', 'sign', 'progress', 'rectify', 'verify', 'close']],
  [4, ['assign', 'sign', 'progress', 'rectify', 'verify_unsatisfied', 'progress']],
];
const TOTAL = ENDINGS.reduce((s, [w]) => s + w, 0);

/** One item's steps: an ending by weight, sometimes accepted before dispatch, with weekly reports and notes. */
export function STORY_ENDINGS(rnd: Rnd): Step[] {
  let r = rnd() * TOTAL;
  const kinds =
    ENDINGS.find(([w]) => {
      r -= w;
      return r < 0;
    })?.[1] ?? [];
  const out: Step[] = [];
  for (const kind of kinds) {
    if (kind === 'assign' && rnd() < 0.3) out.push(step('accept'));
    out.push(step(kind));
    // Departments report weekly; longer jobs have several reports.
    if (kind === 'progress') for (let n = Math.floor(rnd() * 3); n > 0; n--) out.push(step('progress'));
    if (kind === 'sign' && rnd() < 0.1) out.push(step('note'));
  }
  return out;
}
