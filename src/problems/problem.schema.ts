import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { ACTIONS, STATES, VERIFY_RESULTS } from '../lifecycle/lifecycle.js';
import { AnswerSchema, AnswersInput } from '../questions/question.schema.js';

const Ref = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameEn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
const NullableRef = Type.Union([Ref, Type.Null()]);
// Ids are 32-bit in both databases; a larger one could not exist and would overflow PostgreSQL's integer.
const id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
const Urgency = Type.Union(URGENCIES.map((u) => Type.Literal(u)));
export const StateSchema = Type.Union(STATES.map((s) => Type.Literal(s)));
// One unambiguous way to match each segment (no adjacent \s*), so a long near-miss cannot backtrack exponentially.
const STATE_ALT = `(?:${STATES.join('|')})`;
const STATUS_LIST = `^\\s*(?:${STATE_ALT}\\s*)?(?:,\\s*(?:${STATE_ALT}\\s*)?)*$`;

export const CreateProblemBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.String({ minLength: 2, maxLength: 10_000 }),
    categoryId: Type.Optional(Type.Union([id, Type.Null()])),
    areaId: Type.Optional(Type.Union([id, Type.Null()])),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
    urgency: Type.Optional(Urgency),
    isPublic: Type.Optional(Type.Boolean()),
    anonymous: Type.Optional(Type.Boolean()),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 100 })),
          phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' })),
          email: Type.Optional(Type.String({ maxLength: 200, pattern: '^$|^[^@\\s]+@[^@\\s]+$' })),
        },
        { additionalProperties: false },
      ),
    ),
    tagIds: Type.Optional(Type.Array(id, { maxItems: 20, uniqueItems: true })),
    sourceCode: Type.Optional(Type.String({ maxLength: 50 })),
    measures: Type.Optional(Type.String({ maxLength: 10_000 })),
    parentCode: Type.Optional(Type.String({ maxLength: 40 })),
    answers: Type.Optional(AnswersInput),
  },
  { additionalProperties: false },
);
export type CreateProblemInput = Static<typeof CreateProblemBody>;

export const ListQuery = Type.Object(
  {
    // Checked by the schema, not only by the service, so routes that stream the list (the export)
    // refuse a bad status before the response has started.
    status: Type.Optional(Type.String({ maxLength: 300, pattern: STATUS_LIST, description: 'comma-separated states' })),
    categoryId: Type.Optional(id),
    departmentId: Type.Optional(id),
    areaId: Type.Optional(id),
    sourceId: Type.Optional(id),
    tagId: Type.Optional(id),
    ownerLeaderId: Type.Optional(id),
    urgency: Type.Optional(Urgency),
    from: Type.Optional(date),
    to: Type.Optional(date),
    overdue: Type.Optional(Type.Boolean()),
    warning: Type.Optional(
      Type.Union(
        ['blue', 'yellow', 'red'].map((l) => Type.Literal(l)),
        { description: 'supervision warning level' },
      ),
    ),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(
      Type.Union(['created_desc', 'created_asc', 'updated_desc', 'deadline_asc'].map((s) => Type.Literal(s))),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ListQueryInput = Static<typeof ListQuery>;

export const AttachmentSchema = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  kind: Type.String(),
  url: Type.String(),
  // When it was added: photos from the report and from the rectification are told apart by it.
  createdAt: Type.Optional(Type.String()),
});

/** Matched and unmatched runs of a field for a text query (src/search/search-highlight.ts). */
export const SegmentSchema = Type.Object({ text: Type.String(), match: Type.Boolean() });
const HighlightSchema = Type.Object(
  {
    title: Type.Optional(Type.Array(SegmentSchema)),
    description: Type.Optional(Type.Array(SegmentSchema)),
    address: Type.Optional(Type.Array(SegmentSchema)),
    measures: Type.Optional(Type.Array(SegmentSchema)),
  },
  { description: 'on a list with q: the fields that matched, as segments' },
);

export const ProblemSchema = Type.Object(
  {
    code: Type.String(),
    title: Type.String(),
    description: Type.String(),
    status: StateSchema,
    category: NullableRef,
    source: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    area: NullableRef,
    address: Type.Union([Type.String(), Type.Null()]),
    lat: Type.Union([Type.Number(), Type.Null()]),
    lng: Type.Union([Type.Number(), Type.Null()]),
    urgency: Type.String(),
    isPublic: Type.Boolean(),
    anonymous: Type.Boolean(),
    reporter: Type.Optional(
      Type.Object({
        name: Type.Union([Type.String(), Type.Null()]),
        phone: Type.Union([Type.String(), Type.Null()]),
        email: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    measures: Type.Union([Type.String(), Type.Null()]),
    leadDepartment: NullableRef,
    coDepartments: Type.Array(Ref),
    responsiblePerson: Type.Union([Type.String(), Type.Null()]),
    ownerLeader: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
    deadline: Type.Union([Type.String(), Type.Null()]),
    checkpointDate: Type.Union([Type.String(), Type.Null()]),
    progressPercent: Type.Integer(),
    redoCount: Type.Integer(),
    reportCount: Type.Integer(),
    mergedInto: Type.Union([Type.String(), Type.Null()]),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    satisfaction: Type.Union([Type.String(), Type.Null()]),
    tags: Type.Array(Ref),
    attachments: Type.Array(AttachmentSchema),
    overdue: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    assignedAt: Type.Union([Type.String(), Type.Null()]),
    signedAt: Type.Union([Type.String(), Type.Null()]),
    rectifiedAt: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Type.String(), Type.Null()]),
    answers: Type.Optional(Type.Array(AnswerSchema)),
    highlight: Type.Optional(HighlightSchema),
    origin: Type.Optional(
      Type.Object(
        {
          importedAt: Type.String(),
          supportCount: Type.Union([Type.Integer(), Type.Null()]),
          opposeCount: Type.Union([Type.Integer(), Type.Null()]),
          externalRef: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          externalUserId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
        },
        { description: 'imported items: what the sheet brought (reference and user id for staff with contact rights)' },
      ),
    ),
  },
  { additionalProperties: true },
);
export type ProblemView = Static<typeof ProblemSchema>;

const LifecycleAction = Type.Union(ACTIONS.map((a) => Type.Literal(a)));
export const ProblemWithActions = Type.Object({ problem: ProblemSchema, allowedActions: Type.Array(LifecycleAction) });
/** A new item and, once, the secrets that let its reporter follow and verify it (the token or the short code). */
export const Created = Type.Object({
  problem: ProblemSchema,
  trackingToken: Type.String(),
  shortCode: Type.String({ description: 'short tracking code, e.g. "K7QX-M3RP": accepted wherever the token is' }),
});
export const ProblemList = Type.Object({
  items: Type.Array(ProblemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  total: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Items matching, counted exactly up to 10,000 (see totalExact)' }),
  ),
  totalExact: Type.Optional(
    Type.Boolean({ description: 'False when more than `total` (10,000) items match: show "more than 10,000"' }),
  ),
});

const reason = Type.String({ minLength: 1, maxLength: 2000 });
const text = Type.String({ minLength: 1, maxLength: 10_000 });
const attachmentIds = Type.Optional(Type.Array(id, { maxItems: 20, uniqueItems: true }));
const body = <T extends TProperties>(props: T) => Type.Object(props, { additionalProperties: false });

/** One body schema per action; the route picks by the action in the path. */
export const ACTION_BODIES = {
  accept: body({ note: Type.Optional(Type.String({ maxLength: 2000 })) }),
  reject: body({ reason }),
  merge: body({ targetCode: Type.String({ minLength: 1, maxLength: 40 }), reason: Type.Optional(reason) }),
  assign: body({
    leadDepartmentId: id,
    categoryId: Type.Optional(
      Type.Union([id, Type.Null()], {
        description: 'Re-categorise during triage (recorded on the timeline; teaches the dispatch model)',
      }),
    ),
    coDepartmentIds: Type.Optional(Type.Array(id, { maxItems: 20, uniqueItems: true })),
    deadline: Type.Optional(date),
    ownerLeaderId: Type.Optional(Type.Union([id, Type.Null()])),
    responsiblePerson: Type.Optional(Type.String({ maxLength: 100 })),
    measures: Type.Optional(Type.String({ maxLength: 10_000 })),
  }),
  sign: body({ note: Type.Optional(Type.String({ maxLength: 2000 })) }),
  return: body({ reason }),
  progress: body({ text, percent: Type.Integer({ minimum: 0, maximum: 100 }), attachmentIds }),
  rectify: body({ evidence: text, attachmentIds }),
  verify: body({
    result: Type.Union(VERIFY_RESULTS.map((r) => Type.Literal(r))),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    rating: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 5,
        description: '好差评: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意',
      }),
    ),
    method: Type.Optional(Type.Union(['reporter', 'callback', 'residents_acceptance'].map((m) => Type.Literal(m)))),
  }),
  close: body({ note: Type.Optional(Type.String({ maxLength: 2000 })) }),
  reopen: body({ reason }),
  long_term: body({ checkpointDate: date, reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
  note: body({ text }),
} as const;

export const TimelineSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      action: Type.String(),
      fromState: Type.Union([Type.String(), Type.Null()]),
      toState: Type.Union([Type.String(), Type.Null()]),
      actorName: Type.String(),
      role: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      payload: Type.Record(Type.String(), Type.Unknown()),
      isPublic: Type.Boolean(),
      createdAt: Type.String(),
      attachments: Type.Array(AttachmentSchema),
      masterCode: Type.Optional(
        Type.String({ description: "set on events of the master shown on a merged duplicate's timeline" }),
      ),
    }),
  ),
});
