/**
 * The life of a case (办件) as one table, pure like src/lifecycle: who may do what in which state.
 * Registering (receive) is not in it: it creates the case as `incomplete` (a one-time notice) or
 * `accepted` (an acceptance notice).
 */
import { type Bilingual, say } from '../errors.js';

export const CASE_STATES = [
  'incomplete', // 一次性告知: materials missing, the applicant will come back
  'accepted', // 已受理: with the competent department, the promised-time clock running
  'reviewing', // 审查中
  'supplement', // 补正中: waiting for the applicant, the clock paused
  'approved', // 准予
  'refused', // 不予
  'issued', // 已办结: the result handed over at the window or posted
  'withdrawn', // 撤回
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'supply',
  'review',
  'request_supplement',
  'approve',
  'refuse',
  'issue',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Window staff (any window accepts any matter); the competent department's back office; oversight. */
type Side = 'window' | 'department';
interface Rule {
  from: CaseState[];
  /** null: decided by the service (supply completes or not). */
  to: CaseState | null;
  by: Side[];
  requires: string[];
}

export const CASE_RULES: Record<CaseAction, Rule> = {
  supply: {
    from: ['incomplete', 'accepted', 'reviewing', 'supplement'],
    to: null,
    by: ['window', 'department'],
    requires: ['materialIds'],
  },
  review: { from: ['accepted'], to: 'reviewing', by: ['department'], requires: [] },
  request_supplement: { from: ['reviewing'], to: 'supplement', by: ['department'], requires: ['reason'] },
  approve: { from: ['reviewing'], to: 'approved', by: ['department'], requires: [] },
  refuse: { from: ['reviewing'], to: 'refused', by: ['department'], requires: ['reason'] },
  issue: { from: ['approved', 'refused'], to: 'issued', by: ['window', 'department'], requires: ['method'] },
  withdraw: { from: ['incomplete', 'accepted', 'supplement'], to: 'withdrawn', by: ['window'], requires: ['reason'] },
};

/** States whose promised-time clock runs. */
export const RUNNING: CaseState[] = ['accepted', 'reviewing'];
/** States in which the department has decided. */
export const DECIDED: CaseState[] = ['approved', 'refused', 'issued'];

export type CaseRefusal = { code: 'invalid_transition' | 'forbidden' | 'validation_failed'; message: Bilingual };

const ZH: Record<CaseAction, string> = {
  supply: '补交材料',
  review: '开始审查',
  request_supplement: '要求补正',
  approve: '准予',
  refuse: '不予',
  issue: '送达结果',
  withdraw: '撤回',
};

/** Why `action` cannot happen now, or null. `side` is null for callers on neither side. */
export function refusal(
  state: CaseState,
  action: CaseAction,
  side: Side | null,
  input: Record<string, unknown>,
): CaseRefusal | null {
  const rule = CASE_RULES[action];
  if (!rule.from.includes(state)) {
    const early = (action === 'issue' || action === 'approve' || action === 'refuse') && !DECIDED.includes(state);
    return {
      code: 'invalid_transition',
      message: early
        ? say(
            `部门审查决定之前不能${ZH[action]}`,
            `no result before the department's review and decision (case is ${state})`,
          )
        : say(`“${ZH[action]}”在${state}状态下不可用`, `"${action}" is not possible while the case is ${state}`),
    };
  }
  if (!side || !rule.by.includes(side))
    return {
      code: 'forbidden',
      message: say(`您不能对该办件执行“${ZH[action]}”`, `you may not "${action}" this case`),
    };
  const missing = rule.requires.filter((f) => {
    const v = input[f];
    return v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);
  });
  if (missing.length)
    return {
      code: 'validation_failed',
      message: say(`“${ZH[action]}”需要填写 ${missing.join('、')}`, `"${action}" requires ${missing.join(', ')}`),
    };
  return null;
}

export function allowedCaseActions(state: CaseState, side: Side | null): CaseAction[] {
  return CASE_ACTIONS.filter(
    (a) => CASE_RULES[a].from.includes(state) && side !== null && CASE_RULES[a].by.includes(side),
  );
}
