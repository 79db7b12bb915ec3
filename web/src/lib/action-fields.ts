import type { Action } from '../../../src/lifecycle/lifecycle.js';
import type { MessageKey } from '../i18n/index.js';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'percent'
  | 'department'
  | 'departments'
  | 'leader'
  | 'result'
  | 'method'
  | 'files';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  label: MessageKey;
}

const f = (name: string, kind: FieldKind, label: MessageKey, required = false): FieldSpec => ({
  name,
  kind,
  label,
  required,
});

/** The input each action takes (docs/api-contract.md); `required` mirrors the lifecycle table. */
export const ACTION_FIELDS: Record<Action, FieldSpec[]> = {
  accept: [f('note', 'textarea', 'field.note')],
  reject: [f('reason', 'textarea', 'field.reason', true)],
  merge: [f('targetCode', 'text', 'field.targetCode', true), f('reason', 'textarea', 'field.reason')],
  assign: [
    f('leadDepartmentId', 'department', 'field.leadDepartmentId', true),
    f('coDepartmentIds', 'departments', 'field.coDepartmentIds'),
    f('deadline', 'date', 'field.deadline'),
    f('ownerLeaderId', 'leader', 'field.ownerLeaderId'),
    f('responsiblePerson', 'text', 'field.responsiblePerson'),
    f('measures', 'textarea', 'field.measures'),
  ],
  sign: [],
  return: [f('reason', 'textarea', 'field.reason', true)],
  progress: [
    f('text', 'textarea', 'field.text', true),
    f('percent', 'percent', 'field.percent', true),
    f('attachmentIds', 'files', 'field.attachments'),
  ],
  rectify: [f('evidence', 'textarea', 'field.evidence', true), f('attachmentIds', 'files', 'field.attachments')],
  verify: [
    f('result', 'result', 'field.result', true),
    f('comment', 'textarea', 'field.comment'),
    f('method', 'method', 'field.method'),
  ],
  close: [f('note', 'textarea', 'field.note')],
  reopen: [f('reason', 'textarea', 'field.reason', true)],
  long_term: [f('checkpointDate', 'date', 'field.checkpointDate', true), f('reason', 'textarea', 'field.reason')],
  note: [f('text', 'textarea', 'field.text', true)],
};

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
        s.kind === 'percent' ? Math.round(Number(v)) : ['department', 'leader'].includes(s.kind) ? Number(v) : v.trim();
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
