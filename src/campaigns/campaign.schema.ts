import { Type, type Static } from '@sinclair/typebox';
import { ENFORCEMENT_KINDS, PANEL_ROLES, SUBJECT_KINDS } from './vocabulary.js';

export const id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableId = Type.Union([id, Type.Null()]);
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const literals = (o: object) => Type.Union(Object.keys(o).map((k) => Type.Literal(k)));

export const IdParams = Type.Object({ id });
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};
const page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const SubjectKindSchema = literals(SUBJECT_KINDS);
export const SubjectInput = Type.Object(
  {
    kind: SubjectKindSchema,
    name: text(200, 2),
    creditCode: Type.Optional(Nullable(text(40))),
    areaId: Type.Optional(NullableId),
    address: Type.Optional(Nullable(text(500))),
    contactName: Type.Optional(Nullable(text(100))),
    contactPhone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' }))),
    departmentId: Type.Optional(NullableId),
    isPublic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const SubjectView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  areaId: NullableId,
  areaName: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  // Only staff see a contact; the public never.
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  departmentId: NullableId,
  departmentName: Type.Union([Type.String(), Type.Null()]),
  isPublic: Type.Boolean(),
});
export const SubjectListQuery = Type.Object(
  { kind: Type.Optional(SubjectKindSchema), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);
export const SubjectPage = page(SubjectView);

export const ItemBrief = Type.Object({
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  progressPercent: Type.Integer(),
  deadline: Type.Union([Type.String(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  livelihood: Type.Boolean(),
  subjectId: NullableId,
  subjectName: Type.Union([Type.String(), Type.Null()]),
});

export const FindingInput = Type.Object(
  {
    title: text(200, 2),
    description: text(10_000, 2),
    livelihood: Type.Optional(Type.Boolean()),
    categoryId: Type.Optional(NullableId),
    areaId: Type.Optional(NullableId),
    subjectId: Type.Optional(NullableId),
  },
  { additionalProperties: false },
);
export type FindingInputT = Static<typeof FindingInput>;

export const VisitInput = Type.Object(
  {
    leaderId: id,
    visitDate: DateString,
    areaId: Type.Optional(NullableId),
    place: text(200),
    topic: text(200),
    met: Type.Optional(Type.String({ maxLength: 2000 })),
    isPublic: Type.Optional(Type.Boolean()),
    findings: Type.Array(FindingInput, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const VisitView = Type.Object({
  id: Type.Integer(),
  leaderId: NullableId,
  leaderName: Type.String(),
  visitDate: Type.String(),
  areaId: NullableId,
  place: Type.String(),
  topic: Type.String(),
  met: Type.String(),
  isPublic: Type.Boolean(),
  problemsFound: Type.Integer(),
  livelihood: Type.Integer(),
});
export const VisitDetail = Type.Composite([VisitView, Type.Object({ items: Type.Array(ItemBrief) })]);
export const VisitListQuery = Type.Object(
  {
    leaderId: Type.Optional(id),
    month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const VisitPage = page(VisitView);

export const ForumInput = Type.Object(
  {
    title: text(200, 2),
    host: text(100),
    forumDate: DateString,
    place: text(200),
    attendees: Type.Optional(Type.String({ maxLength: 2000 })),
    minutes: Type.Optional(Type.String({ maxLength: 20_000 })),
    subjectIds: Type.Optional(Type.Array(id, { maxItems: 100, uniqueItems: true })),
    isPublic: Type.Optional(Type.Boolean()),
    points: Type.Array(FindingInput, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export const ForumView = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  host: Type.String(),
  forumDate: Type.String(),
  place: Type.String(),
  attendees: Type.String(),
  minutes: Type.String(),
  isPublic: Type.Boolean(),
  points: Type.Integer(),
});
export const ForumDetail = Type.Composite([
  ForumView,
  Type.Object({
    subjects: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
    items: Type.Array(ItemBrief),
  }),
]);
export const ForumPage = page(ForumView);
export const PlainListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const FindingsInput = Type.Object(
  { findings: Type.Array(FindingInput, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);

/** What a sheet import of findings or of a plan answers: all rows stored, or the rejected ones and nothing. */
export const SheetImportReport = Type.Object({
  stored: Type.Boolean({ description: 'true when every row was accepted and stored; else nothing was stored' }),
  rows: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() })),
  items: Type.Array(Type.String(), { description: 'the codes of the items created' }),
});

export const EnforcementKindSchema = literals(ENFORCEMENT_KINDS);
export const PanelRoleSchema = literals(PANEL_ROLES);
export { Nullable, NullableId, text, page };
