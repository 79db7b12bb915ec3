import type { RefKind } from '../../api/reference.js';
import type { MessageKey } from '../../i18n/index.js';

export type RefFieldKind = 'text' | 'number' | 'parent' | 'department' | 'select';
/** `prefix` names the message group that labels a select's options (level.city, tier.simple …). */
export interface RefField {
  name: string;
  kind: RefFieldKind;
  label: MessageKey;
  required?: boolean;
  options?: string[];
  prefix?: string;
}

/** Time-limit tiers the server knows (src/supervision/time-limits.ts). */
export const TIERS = ['immediate', 'enquiry', 'simple', 'cross_department', 'historic'] as const;

const common: RefField[] = [
  { name: 'code', kind: 'text', label: 'ref.code', required: true },
  { name: 'name', kind: 'text', label: 'ref.name', required: true },
  { name: 'nameEn', kind: 'text', label: 'ref.nameEn' },
];
const sort: RefField = { name: 'sort', kind: 'number', label: 'ref.sort' };
const parent: RefField = { name: 'parentId', kind: 'parent', label: 'ref.parent' };

/** Editable fields per reference kind (docs/api-contract.md "Reference data"). */
export const REF_FIELDS: Record<RefKind, RefField[]> = {
  areas: [
    ...common,
    parent,
    {
      name: 'level',
      kind: 'select',
      label: 'ref.level',
      required: true,
      options: ['city', 'district', 'township', 'village'],
      prefix: 'level',
    },
    sort,
  ],
  departments: [...common, parent, { name: 'kind', kind: 'text', label: 'ref.kind' }, sort],
  categories: [
    ...common,
    parent,
    { name: 'defaultDepartmentId', kind: 'department', label: 'ref.defaultDepartment' },
    { name: 'timeLimitTier', kind: 'select', label: 'ref.timeLimitTier', options: [...TIERS], prefix: 'tier' },
    { name: 'keywords', kind: 'text', label: 'ref.keywords' },
    sort,
  ],
  sources: [...common, sort],
  tags: [...common, sort],
};

export const isTree = (kind: RefKind) => REF_FIELDS[kind].some((f) => f.kind === 'parent');

/** Form strings → API body: numbers for ids and sort, null for a cleared optional id. */
export function refBody(fields: RefField[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim();
    if (f.kind === 'parent' || f.kind === 'department') body[f.name] = v ? Number(v) : null;
    else if (f.kind === 'number') body[f.name] = v ? Number(v) : 0;
    else if (v || !f.required) body[f.name] = v || null;
  }
  return body;
}
