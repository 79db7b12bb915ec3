import { Type, type TObject, type TSchema } from '@sinclair/typebox';

/**
 * Reference data kinds: the lists administrators manage and everyone else picks from. Each kind
 * names its table, its extra columns and whether it is a tree.
 */
const name = Type.String({ minLength: 1, maxLength: 100 });
const code = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$' });
const nameEn = Type.Union([Type.String({ maxLength: 200 }), Type.Null()]);
const sort = Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 });
const parentId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);

export const AREA_LEVELS = ['city', 'district', 'township', 'village'] as const;
export const TIME_LIMIT_TIERS = ['immediate', 'enquiry', 'simple', 'cross_department', 'historic'] as const;

const level = Type.Union(AREA_LEVELS.map((l) => Type.Literal(l)));
const departmentKind = Type.String({ minLength: 1, maxLength: 40 });
const categoryExtra = {
  defaultDepartmentId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  timeLimitTier: Type.Union(TIME_LIMIT_TIERS.map((t) => Type.Literal(t))),
  keywords: Type.String({ maxLength: 500 }),
};

/** The records each kind answers with (sources and tags are flat lists, the others trees). */
const record = { id: Type.Integer(), code, name, nameEn, sort };
export const FlatRefSchema = Type.Object(record);
export const AreaSchema = Type.Object({ ...record, parentId, level });
export const DepartmentSchema = Type.Object({ ...record, parentId, kind: departmentKind });
export const CategorySchema = Type.Object({ ...record, parentId, ...categoryExtra });

export interface ReferenceKind {
  /** URL segment and table name. */
  table: 'areas' | 'departments' | 'categories' | 'sources' | 'tags';
  label: string;
  tree: boolean;
  /** camelCase field → snake_case column, for fields beyond id/parentId/code/name/nameEn/sort. */
  extra: Record<string, string>;
  extraSchema: Record<string, TSchema>;
  extraDefaults: Record<string, unknown>;
  /** The response record. */
  item: TObject;
}

export const REFERENCE_KINDS: ReferenceKind[] = [
  {
    table: 'areas',
    label: 'area',
    tree: true,
    extra: { level: 'level' },
    extraSchema: { level },
    extraDefaults: { level: 'district' },
    item: AreaSchema,
  },
  {
    table: 'departments',
    label: 'department',
    tree: true,
    extra: { kind: 'kind' },
    extraSchema: { kind: departmentKind },
    extraDefaults: { kind: 'bureau' },
    item: DepartmentSchema,
  },
  {
    table: 'categories',
    label: 'category',
    tree: true,
    extra: { defaultDepartmentId: 'default_department_id', timeLimitTier: 'time_limit_tier', keywords: 'keywords' },
    extraSchema: categoryExtra,
    extraDefaults: { defaultDepartmentId: null, timeLimitTier: 'simple', keywords: '' },
    item: CategorySchema,
  },
  {
    table: 'sources',
    label: 'source',
    tree: false,
    extra: {},
    extraSchema: {},
    extraDefaults: {},
    item: FlatRefSchema,
  },
  { table: 'tags', label: 'tag', tree: false, extra: {}, extraSchema: {}, extraDefaults: {}, item: FlatRefSchema },
];

/** Full record schema (responses) and the create/patch body schemas for one kind. */
export function schemasFor(kind: ReferenceKind) {
  const common = { code, name, nameEn, sort, ...(kind.tree ? { parentId } : {}) };
  const item = kind.item;
  const createProps: Record<string, TSchema> = { code, name, nameEn: Type.Optional(nameEn), sort: Type.Optional(sort) };
  if (kind.tree) createProps.parentId = Type.Optional(parentId);
  for (const [k, s] of Object.entries(kind.extraSchema)) createProps[k] = Type.Optional(s);
  const create = Type.Object(createProps, { additionalProperties: false });
  const patch = Type.Partial(Type.Object({ ...common, ...kind.extraSchema }), {
    additionalProperties: false,
    minProperties: 1,
  });
  return { item, create, patch, list: Type.Object({ items: Type.Array(item) }) };
}
