import type { Static } from '@sinclair/typebox';
import { ACTIONS, type Action, TRANSITIONS } from '../../../src/lifecycle/lifecycle.js';
import type { ACTION_BODIES } from '../../../src/problems/problem.schema.js';
import type { MessageKey } from '../i18n/index.js';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'percent'
  | 'department'
  | 'category'
  | 'departments'
  | 'leader'
  | 'result'
  | 'method'
  | 'files';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  label: MessageKey;
}

/** A form input, named as the action's body schema names it (a typo fails the typecheck). */
type Input<A extends Action> = [
  name: keyof Static<(typeof ACTION_BODIES)[A]> & string,
  kind: FieldKind,
  label: MessageKey,
];

/** The inputs each action's form offers (docs/api-contract.md), in the order shown. */
const INPUTS: { [A in Action]: Input<A>[] } = {
  accept: [['note', 'textarea', 'field.note']],
  reject: [['reason', 'textarea', 'field.reason']],
  merge: [
    ['targetCode', 'text', 'field.targetCode'],
    ['reason', 'textarea', 'field.reason'],
  ],
  assign: [
    ['categoryId', 'category', 'field.categoryId'],
    ['leadDepartmentId', 'department', 'field.leadDepartmentId'],
    ['coDepartmentIds', 'departments', 'field.coDepartmentIds'],
    ['deadline', 'date', 'field.deadline'],
    ['ownerLeaderId', 'leader', 'field.ownerLeaderId'],
    ['responsiblePerson', 'text', 'field.responsiblePerson'],
    ['measures', 'textarea', 'field.measures'],
  ],
  sign: [],
  return: [['reason', 'textarea', 'field.reason']],
  progress: [
    ['text', 'textarea', 'field.text'],
    ['percent', 'percent', 'field.percent'],
    ['attachmentIds', 'files', 'field.attachments'],
  ],
  rectify: [
    ['evidence', 'textarea', 'field.evidence'],
    ['attachmentIds', 'files', 'field.attachments'],
  ],
  verify: [
    ['result', 'result', 'field.result'],
    ['comment', 'textarea', 'field.comment'],
    ['method', 'method', 'field.method'],
  ],
  close: [['note', 'textarea', 'field.note']],
  reopen: [['reason', 'textarea', 'field.reason']],
  long_term: [
    ['checkpointDate', 'date', 'field.checkpointDate'],
    ['reason', 'textarea', 'field.reason'],
  ],
  note: [['text', 'textarea', 'field.text']],
};

/** Each action's fields; which are required is the lifecycle table's `requires`, as the server checks. */
export const ACTION_FIELDS = Object.fromEntries(
  ACTIONS.map((a) => [
    a,
    (INPUTS[a] as [string, FieldKind, MessageKey][]).map(([name, kind, label]) => ({
      name,
      kind,
      label,
      required: TRANSITIONS[a].requires.includes(name),
    })),
  ]),
) as Record<Action, FieldSpec[]>;

/** Fields for an action; an action this UI does not know yet gets an empty form (the server validates). */
export const fieldsFor = (action: string): FieldSpec[] => ACTION_FIELDS[action as Action] ?? [];

const KNOWN = new Set(Object.keys(ACTION_FIELDS));
/** Label for an action: translated when known, the raw name otherwise. */
export const actionLabel = (t: (k: MessageKey) => string, action: string): string =>
  KNOWN.has(action) ? t(`action.${action}` as MessageKey) : action;

export type FormValue = string | string[] | File[];
export type FormValues = Record<string, FormValue>;

/** Turn form strings into the JSON body: ids and percents become numbers, empties are dropped. */
export function toBody(specs: FieldSpec[], values: FormValues, attachmentIds: number[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const s of specs) {
    const v = values[s.name];
    if (s.kind === 'files') {
      if (attachmentIds.length) body[s.name] = attachmentIds;
    } else if (s.kind === 'departments') {
      const ids = (v as string[] | undefined) ?? [];
      if (ids.length) body[s.name] = ids.map(Number);
    } else if (typeof v === 'string' && v.trim() !== '') {
      body[s.name] =
        s.kind === 'percent'
          ? Math.round(Number(v))
          : ['department', 'category', 'leader'].includes(s.kind)
            ? Number(v)
            : v.trim();
    }
  }
  return body;
}

export function missingFields(specs: FieldSpec[], values: FormValues): string[] {
  return specs
    .filter((s) => {
      if (!s.required) return false;
      const v = values[s.name];
      return v === undefined || (typeof v === 'string' ? v.trim() === '' : v.length === 0);
    })
    .map((s) => s.name);
}
