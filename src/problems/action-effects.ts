/**
 * What each lifecycle action does to an item beyond its state: the columns it sets, the payload
 * its event records, and the other writes it asks for (co-departments, the master of a merge).
 * Pure: the caller loads the facts an effect needs (action-facts.ts for the API; bulk seeding has
 * them in memory) and writes the result, so the API, the sheet import and bulk seeding share one
 * set of rules. Whether an action may happen, by whom and with which input is the lifecycle
 * table's business (`decide`); an effect only refuses what needs the facts (validation_failed).
 */
import type { Updateable } from 'kysely';
import type { ProblemTable } from '../db/schema.js';
import { AppError, say, type Bilingual } from '../errors.js';
import { TRANSITIONS, type Action } from '../lifecycle/lifecycle.js';
import { weekdayPolicy, type DeadlinePolicy } from './deadline-policy.js';
import type { ProblemRow } from './problem.repository.js';

export type Input = Record<string, any>;
type Patch = Updateable<ProblemTable>;

/** The columns effects read. Items planned by bulk seeding have no id or code yet. */
export type EffectRow = Pick<
  ProblemRow,
  | 'report_count'
  | 'category_id'
  | 'lead_department_id'
  | 'owner_leader_id'
  | 'responsible_person'
  | 'measures'
  | 'redo_count'
  | 'progress_percent'
  | 'urgency'
> & { id?: number; code?: string };

/** The item a duplicate is merged into (id and code are null while bulk seeding plans). */
export interface MergeTarget {
  id: number | null;
  code: string | null;
  status: string;
  report_count: number;
}

/** What the caller knows before the effect runs; each action reads only its own fields. */
export interface Facts {
  now: string;
  /** The local date ('YYYY-MM-DD') deadlines count from. */
  today: string;
  /** verify: the caller holds the item's tracking token, so the reporter verifies. */
  hasToken?: boolean;
  /** merge: the item `targetCode` names, null when there is none. */
  target?: MergeTarget | null;
  /** assign: names of the existing departments, at least those the input names. */
  departments?: ReadonlyMap<number, string>;
  /** assign: the role of the user `ownerLeaderId` names, null when there is none. */
  leaderRole?: string | null;
  /** assign: names of the item's category and of the `categoryId` asked for, when they exist. */
  categories?: ReadonlyMap<number, string>;
  /** assign: the item's category's time-limit tier ('simple' when unknown) … */
  tier?: string | null;
  /** … and how a default deadline follows from it (weekdays only when not given). */
  deadlines?: DeadlinePolicy;
}

export interface Effect {
  patch: Patch;
  payload: Record<string, unknown>;
  reason: string | null;
  /** The item's co-departments from now on, when the action replaces them. */
  coDepartments?: number[];
  /** A merge counts the duplicate on its master (facts.target) and records it there. */
  master?: {
    patch: { report_count: number; updated_at: string };
    payload: { duplicateCode: string | null; reportCount: number };
  };
}

type EffectOf = (row: EffectRow, input: Input, facts: Facts) => Effect;

/** The 5-level rating (好差评) and the verification result each level means. */
const RATING_RESULT: Record<number, string> = {
  5: 'satisfied',
  4: 'satisfied',
  3: 'basically_satisfied',
  2: 'unsatisfied',
  1: 'unsatisfied',
};

const invalid = (field: string, message: string | Bilingual) => new AppError('validation_failed', message, { field });
const reasonOf = (input: Input): string | null => (typeof input.reason === 'string' ? input.reason : null);
const plain = (patch: Patch, payload: Record<string, unknown>, input: Input): Effect => ({
  patch,
  payload,
  reason: reasonOf(input),
});

/** A progress report's event, as the progress action records it (the sheet import writes them too). */
export const progressPayload = (text: unknown, percent: unknown) => ({ text, percent });

/** The state an event records: null for actions that never change it (a report, a note) and left it. */
export const recordedState = (action: Action, from: string, to: string): string | null =>
  to !== from || TRANSITIONS[action].to !== null ? to : null;

const merge: EffectOf = (row, input, f) => {
  const target = f.target;
  if (!target)
    throw invalid('targetCode', say(`事项 ${input.targetCode} 不存在`, `item ${input.targetCode} does not exist`));
  if (target.id !== null && target.id === row.id)
    throw invalid('targetCode', say('事项不能合并到自身', 'an item cannot be merged into itself'));
  if (target.status === 'merged')
    throw invalid(
      'targetCode',
      say(
        `事项 ${target.code} 本身是重复件，请合并到其主件`,
        `item ${target.code} is itself a duplicate; merge into its master`,
      ),
    );
  const reportCount = target.report_count + row.report_count;
  return {
    patch: { merged_into_id: target.id },
    payload: { targetCode: target.code },
    reason: reasonOf(input),
    master: {
      patch: { report_count: reportCount, updated_at: f.now },
      payload: { duplicateCode: row.code ?? null, reportCount },
    },
  };
};

/**
 * A category changed in triage: the new one, with the old one for the timeline (the audit of the
 * change). The dispatch model learns from the stored category, so the correction teaches it.
 */
function recategorise(row: EffectRow, input: Input, f: Facts) {
  if (input.categoryId === undefined || input.categoryId === row.category_id) return null;
  const names = f.categories ?? new Map<number, string>();
  const to: number | null = input.categoryId;
  if (to !== null && !names.has(to))
    throw invalid('categoryId', say(`类别 ${to} 不存在`, `category ${to} does not exist`));
  const from = row.category_id;
  return {
    categoryId: to,
    categoryName: to === null ? null : names.get(to)!,
    previousCategoryId: from,
    previousCategoryName: from === null ? null : (names.get(from) ?? String(from)),
  };
}

const assign: EffectOf = (row, input, f) => {
  const lead: number = input.leadDepartmentId;
  const co: number[] = (input.coDepartmentIds ?? []).filter((d: number) => d !== lead);
  const names = f.departments ?? new Map<number, string>();
  if (!names.has(lead))
    throw invalid('leadDepartmentId', say(`部门 ${lead} 不存在`, `department ${lead} does not exist`));
  for (const id of co)
    if (!names.has(id)) throw invalid('coDepartmentIds', say(`部门 ${id} 不存在`, `department ${id} does not exist`));
  if (input.ownerLeaderId && f.leaderRole !== 'leader')
    throw invalid(
      'ownerLeaderId',
      say(`用户 ${input.ownerLeaderId} 不是领导`, `user ${input.ownerLeaderId} is not a leader`),
    );
  const recategorised = recategorise(row, input, f);
  const deadline: string =
    input.deadline ?? (f.deadlines ?? weekdayPolicy).defaultDeadline(f.today, f.tier ?? 'simple', row.urgency);
  if (deadline < f.today) throw invalid('deadline', say('整改时限已过', 'the deadline is in the past'));
  const patch: Patch = {
    lead_department_id: lead,
    deadline,
    owner_leader_id: input.ownerLeaderId ?? row.owner_leader_id,
    responsible_person: input.responsiblePerson ?? row.responsible_person,
    measures: input.measures ?? row.measures,
    assigned_at: f.now,
    signed_at: null,
    ...(recategorised && { category_id: recategorised.categoryId }),
  };
  const payload = {
    ...recategorised,
    leadDepartmentId: lead,
    leadDepartmentName: names.get(lead) ?? String(lead),
    coDepartmentIds: co,
    coDepartmentNames: co.map((id) => names.get(id) ?? String(id)),
    deadline,
    deadlineDefaulted: input.deadline === undefined,
    ownerLeaderId: input.ownerLeaderId ?? null,
  };
  return { patch, payload, reason: reasonOf(input), coDepartments: co };
};

const verify: EffectOf = (row, input, f) => {
  const method = input.method ?? (f.hasToken ? 'reporter' : 'callback');
  if (input.rating !== undefined && RATING_RESULT[input.rating] !== input.result)
    throw invalid(
      'rating',
      say(
        `评价 ${input.rating} 对应“${RATING_RESULT[input.rating]}”，而不是“${input.result}”`,
        `a rating of ${input.rating} means "${RATING_RESULT[input.rating]}", not "${input.result}"`,
      ),
    );
  const redo = input.result === 'unsatisfied';
  const patch: Patch = redo
    ? {
        satisfaction: input.result,
        redo_count: row.redo_count + 1,
        rectified_at: null,
        progress_percent: Math.min(row.progress_percent, 90),
      }
    : { satisfaction: input.result };
  const payload = { result: input.result, rating: input.rating ?? null, comment: input.comment ?? null, method };
  return plain(patch, payload, input);
};

/** One effect per lifecycle action. */
export const EFFECTS: Record<Action, EffectOf> = {
  accept: (_row, input) => plain({}, { note: input.note ?? null }, input),
  reject: (_row, input) => plain({}, {}, input),
  merge,
  assign,
  sign: (_row, input, f) => plain({ signed_at: f.now }, { note: input.note ?? null }, input),
  return: (row, input) => ({
    patch: { lead_department_id: null, deadline: null, signed_at: null, assigned_at: null },
    payload: { previousLeadDepartmentId: row.lead_department_id },
    reason: reasonOf(input),
    coDepartments: [],
  }),
  progress: (_row, input) =>
    plain({ progress_percent: input.percent }, progressPayload(input.text, input.percent), input),
  rectify: (_row, input, f) =>
    plain({ rectified_at: f.now, progress_percent: 100 }, { evidence: input.evidence }, input),
  verify,
  close: (_row, input, f) => plain({ closed_at: f.now }, { note: input.note ?? null }, input),
  reopen: (_row, input) => plain({ closed_at: null, rectified_at: null }, {}, input),
  long_term: (_row, input) =>
    plain({ checkpoint_date: input.checkpointDate }, { checkpointDate: input.checkpointDate }, input),
  note: (_row, input) => plain({}, { text: input.text }, input),
};
