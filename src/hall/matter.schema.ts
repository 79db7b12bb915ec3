import { Type, type Static } from '@sinclair/typebox';
import {
  AUDIENCES,
  codesOf,
  FREE_SERVICES,
  LIFE_EVENTS,
  MATERIAL_FORMS,
  MATTER_TYPES,
  SERVICE_MODES,
} from './vocabulary.js';

/** HTTP shapes of the matter catalogue (事项目录) and its service guides (办事指南). */
export const lit = <T extends string>(codes: readonly T[]) => Type.Union(codes.map((c) => Type.Literal(c)));
export const id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const days = Type.Integer({ minimum: 0, maximum: 365 });
export const MATTER_CODE = '^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$';

export const MaterialInput = Type.Object(
  {
    name: text(200),
    form: lit(codesOf(MATERIAL_FORMS)),
    copies: Type.Integer({ minimum: 1, maximum: 99 }),
    required: Type.Boolean({ description: 'false: 容缺 — may be promised and supplied after acceptance' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const VersionInput = Type.Object(
  {
    name: text(200),
    type: lit(codesOf(MATTER_TYPES)),
    departmentId: id,
    implementingBody: text(200),
    legalBasis: text(2000),
    conditions: Type.String({ maxLength: 4000 }),
    audience: lit(codesOf(AUDIENCES)),
    statutoryDays: days,
    promisedDays: days,
    feeFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'fee in fen (分); 0 is free' }),
    feeNote: Type.Optional(Type.String({ maxLength: 500 })),
    atMostOnce: Type.Boolean({ description: '最多跑一次' }),
    serviceMode: lit(codesOf(SERVICE_MODES)),
    freeServices: Type.Array(lit(codesOf(FREE_SERVICES)), { maxItems: 4, uniqueItems: true }),
    lifeEvents: Type.Array(lit(codesOf(LIFE_EVENTS)), { maxItems: 15, uniqueItems: true }),
    materials: Type.Array(MaterialInput, { maxItems: 60 }),
  },
  { additionalProperties: false },
);
export type VersionInputT = Static<typeof VersionInput>;

export const CreateMatterBody = Type.Composite([
  Type.Object({ code: Type.String({ pattern: MATTER_CODE, description: '事项编码' }) }),
  VersionInput,
]);
export type CreateMatterInput = Static<typeof CreateMatterBody>;

export const PublishBody = Type.Object(
  {
    effectiveFrom: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

export const MatterCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const VERSION_STATES = ['draft', 'scheduled', 'current', 'replaced'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const MaterialView = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  name: Type.String(),
  form: Type.String(),
  copies: Type.Integer(),
  required: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type MaterialViewT = Static<typeof MaterialView>;

const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });

export const VersionSummary = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  state: lit([...VERSION_STATES]),
  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
  effectiveTo: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const MatterView = Type.Object({
  code: Type.String(),
  versionId: Type.Integer(),
  version: Type.Integer(),
  state: lit([...VERSION_STATES]),
  name: Type.String(),
  type: Type.String(),
  department: Ref,
  implementingBody: Type.String(),
  legalBasis: Type.String(),
  conditions: Type.String(),
  audience: Type.String(),
  statutoryDays: Type.Integer(),
  promisedDays: Type.Integer(),
  feeFen: Type.Integer(),
  feeNote: Type.Union([Type.String(), Type.Null()]),
  atMostOnce: Type.Boolean(),
  serviceMode: Type.String(),
  freeServices: Type.Array(Type.String()),
  lifeEvents: Type.Array(Type.String()),
  effectiveFrom: Type.Union([Type.String(), Type.Null()]),
  effectiveTo: Type.Union([Type.String(), Type.Null()]),
  materials: Type.Array(MaterialView),
  /** Staff only: every version of the matter. */
  versions: Type.Optional(Type.Array(VersionSummary)),
});
export type MatterViewT = Static<typeof MatterView>;

export const MatterBrief = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  state: lit([...VERSION_STATES]),
  name: Type.String(),
  type: Type.String(),
  department: Ref,
  promisedDays: Type.Integer(),
  statutoryDays: Type.Integer(),
  feeFen: Type.Integer(),
  atMostOnce: Type.Boolean(),
  serviceMode: Type.String(),
  lifeEvents: Type.Array(Type.String()),
  materialCount: Type.Integer(),
});
export type MatterBriefT = Static<typeof MatterBrief>;

export const MatterListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    departmentId: Type.Optional(id),
    lifeEvent: Type.Optional(lit(codesOf(LIFE_EVENTS))),
    type: Type.Optional(lit(codesOf(MATTER_TYPES))),
    atMostOnce: Type.Optional(Type.Boolean()),
    serviceMode: Type.Optional(lit(codesOf(SERVICE_MODES))),
    state: Type.Optional(lit(['published', 'draft', 'all'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type MatterListQueryT = Static<typeof MatterListQuery>;

export const MatterList = Type.Object({
  items: Type.Array(MatterBrief),
  total: Type.Integer({ description: 'matters matching, all pages' }),
  nextOffset: Type.Union([Type.Integer(), Type.Null()]),
});

const Vocab = Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }));
export const Vocabulary = Type.Object({
  matterTypes: Vocab,
  lifeEvents: Vocab,
  freeServices: Vocab,
  materialForms: Vocab,
  serviceModes: Vocab,
  audiences: Vocab,
  ratingLevels: Vocab,
  ratingReasons: Type.Array(
    Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), good: Type.Boolean() }),
  ),
});

export const LifeEventCounts = Type.Object({
  items: Type.Array(
    Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), matters: Type.Integer() }),
  ),
  departments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), matters: Type.Integer() })),
});
