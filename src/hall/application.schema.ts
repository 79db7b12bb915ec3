import { Type, type Static } from '@sinclair/typebox';
import { CASE_ACTIONS, CASE_STATES } from './case-states.js';
import { DateString, id, lit } from './matter.schema.js';
import { codesOf, FREE_SERVICES, RATING_REASONS } from './vocabulary.js';

/** HTTP shapes of applications (办件), notices, ratings (好差评) and the hall's figures. */
export const WINDOW = Type.String({ pattern: '^[A-Za-z0-9-]{1,10}$', description: 'window number, e.g. A03' });
export const CaseNoParams = Type.Object({ no: Type.String({ minLength: 1, maxLength: 40 }) });
const phone = Type.String({ maxLength: 40, pattern: '^[0-9+()\\- ]*$' });
const email = Type.String({ maxLength: 200, pattern: '^$|^[^@\\s]+@[^@\\s]+$' });
const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const FreeServiceInput = Type.Object(
  { service: lit(codesOf(FREE_SERVICES)), quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) },
  { additionalProperties: false },
);
const Deferred = Type.Object(
  { materialId: id, promisedDate: DateString },
  { additionalProperties: false, description: '容缺: a material promised for a date' },
);

export const RegisterBody = Type.Object(
  {
    matterCode: Type.String({ minLength: 1, maxLength: 40 }),
    window: WINDOW,
    applicant: Type.Object(
      {
        kind: lit(['person', 'enterprise'] as const),
        name: Type.String({ minLength: 1, maxLength: 100 }),
        idNumber: Type.String({
          minLength: 1,
          maxLength: 40,
          description: 'resident ID or unified social credit code',
        }),
        phone: Type.Optional(phone),
        email: Type.Optional(email),
        address: Type.Optional(Type.String({ maxLength: 300 })),
      },
      { additionalProperties: false },
    ),
    received: Type.Array(id, { maxItems: 60, uniqueItems: true, description: 'ids of the materials handed in' }),
    deferred: Type.Optional(Type.Array(Deferred, { maxItems: 60 })),
    freeServices: Type.Optional(Type.Array(FreeServiceInput, { maxItems: 4 })),
    notify: Type.Optional(Type.Boolean({ description: 'send the notice by SMS and e-mail (default true)' })),
  },
  { additionalProperties: false },
);
export type RegisterInput = Static<typeof RegisterBody>;

export const SupplyBody = Type.Object(
  {
    materialIds: Type.Array(id, { minItems: 1, maxItems: 60, uniqueItems: true }),
    deferred: Type.Optional(Type.Array(Deferred, { maxItems: 60 })),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    method: Type.Optional(lit(['window', 'post'] as const)),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    materialIds: Type.Optional(Type.Array(id, { maxItems: 60, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionBody>;
export const ActionParams = Type.Object({
  no: Type.String({ minLength: 1, maxLength: 40 }),
  action: lit(CASE_ACTIONS.filter((a) => a !== 'supply')),
});

export const NoticeView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  number: Type.String(),
  createdAt: Type.String(),
  sent: Type.Array(Type.String()),
  title: Type.String(),
  lines: Type.Array(Type.String(), { description: 'the notice as printed, line by line' }),
});
export type NoticeViewT = Static<typeof NoticeView>;

const Warning = Type.Object({ level: Type.String(), reasons: Type.Array(Type.String()) });
const CaseMaterial = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  form: Type.String(),
  copies: Type.Integer(),
  required: Type.Boolean(),
  state: Type.String(),
  promisedDate: nullable(Type.String()),
  receivedAt: nullable(Type.String()),
});
export const RatingBrief = Type.Object({
  level: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: nullable(Type.String()),
  createdAt: Type.String(),
  problemCode: nullable(Type.String()),
  problemStatus: nullable(Type.String()),
});

export const CaseView = Type.Object({
  number: Type.String(),
  status: lit(CASE_STATES),
  matter: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer() }),
  department: Type.Object({ id: Type.Integer(), name: Type.String() }),
  window: Type.String(),
  clerk: Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), name: Type.String() }),
  applicant: Type.Object({
    kind: Type.String(),
    name: Type.String(),
    idMasked: Type.String({ description: 'the number itself only from …/applicant, for the roles that work the case' }),
    phone: nullable(Type.String()),
    email: nullable(Type.String()),
    address: nullable(Type.String()),
  }),
  materials: Type.Array(CaseMaterial),
  promisedDays: Type.Integer(),
  registeredOn: Type.String(),
  acceptedOn: nullable(Type.String()),
  dueDate: nullable(Type.String()),
  paused: Type.Boolean(),
  pausedDays: Type.Integer(),
  decidedOn: nullable(Type.String()),
  workingDaysUsed: Type.Union([Type.Integer(), Type.Null()]),
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
  decisionReason: nullable(Type.String()),
  resultMethod: nullable(Type.String()),
  resultNote: nullable(Type.String()),
  issuedAt: nullable(Type.String()),
  warning: Warning,
  noticeCount: Type.Integer(),
  notices: Type.Array(NoticeView),
  rating: Type.Union([RatingBrief, Type.Null()]),
  freeServices: Type.Array(Type.Object({ service: Type.String(), quantity: Type.Integer(), unitFen: Type.Integer() })),
  allowedActions: Type.Array(Type.String()),
});
export type CaseViewT = Static<typeof CaseView>;

export const RegisterResult = Type.Object({
  case: CaseView,
  notice: NoticeView,
  trackingToken: Type.String({ description: 'shown once: the applicant follows and rates the case with it' }),
});

/** What the applicant sees with the case number and token: no ID number, names masked. */
export const PublicCaseView = Type.Object({
  number: Type.String(),
  status: lit(CASE_STATES),
  matter: Type.Object({ code: Type.String(), name: Type.String() }),
  department: Type.String(),
  applicantName: Type.String(),
  registeredOn: Type.String(),
  acceptedOn: nullable(Type.String()),
  dueDate: nullable(Type.String()),
  paused: Type.Boolean(),
  decidedOn: nullable(Type.String()),
  issuedAt: nullable(Type.String()),
  resultMethod: nullable(Type.String()),
  missing: Type.Array(Type.String()),
  notices: Type.Array(
    Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), createdAt: Type.String() }),
  ),
  timeline: Type.Array(Type.Object({ action: Type.String(), toState: nullable(Type.String()), at: Type.String() })),
  canRate: Type.Boolean(),
  rating: Type.Union([Type.Object({ level: Type.Integer(), createdAt: Type.String() }), Type.Null()]),
});

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ maxLength: 200, pattern: `^(${CASE_STATES.join('|')})(,(${CASE_STATES.join('|')}))*$` }),
    ),
    matterCode: Type.Optional(Type.String({ maxLength: 40 })),
    departmentId: Type.Optional(id),
    window: Type.Optional(WINDOW),
    clerkId: Type.Optional(id),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    decided: Type.Optional(Type.Boolean()),
    onTime: Type.Optional(Type.Boolean()),
    noticed: Type.Optional(Type.Boolean({ description: 'had at least one one-time notice' })),
    overdue: Type.Optional(Type.Boolean()),
    warning: Type.Optional(lit(['blue', 'yellow', 'red'] as const)),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'case number or applicant name' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type CaseListQueryT = Static<typeof CaseListQuery>;

export const CaseBrief = Type.Object({
  number: Type.String(),
  status: Type.String(),
  matter: Type.Object({ code: Type.String(), name: Type.String() }),
  department: Type.Object({ id: Type.Integer(), name: Type.String() }),
  window: Type.String(),
  clerkName: Type.String(),
  applicantName: Type.String(),
  idMasked: Type.String(),
  registeredOn: Type.String(),
  acceptedOn: nullable(Type.String()),
  dueDate: nullable(Type.String()),
  decidedOn: nullable(Type.String()),
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
  warning: Warning,
  noticeCount: Type.Integer(),
});
export const CaseList = Type.Object({
  items: Type.Array(CaseBrief),
  total: Type.Integer(),
  nextOffset: Type.Union([Type.Integer(), Type.Null()]),
});

export const RateBody = Type.Object(
  {
    level: Type.Integer({ minimum: 1, maximum: 5, description: '5 非常满意 … 1 非常不满意' }),
    reasons: Type.Optional(Type.Array(lit(codesOf(RATING_REASONS)), { maxItems: 11, uniqueItems: true })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    token: Type.Optional(Type.String({ maxLength: 100, description: 'the case token from the SMS link' })),
  },
  { additionalProperties: false },
);
export type RateInput = Static<typeof RateBody>;
export const VisitRateBody = Type.Object(
  {
    window: WINDOW,
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    reasons: Type.Optional(Type.Array(lit(codesOf(RATING_REASONS)), { maxItems: 11, uniqueItems: true })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    raterName: Type.Optional(Type.String({ maxLength: 100 })),
    raterPhone: Type.Optional(phone),
  },
  { additionalProperties: false },
);
export type VisitRateInput = Static<typeof VisitRateBody>;

export const RatingView = Type.Object({
  id: Type.Integer(),
  caseNumber: nullable(Type.String()),
  window: Type.String(),
  department: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  level: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: nullable(Type.String()),
  channel: Type.String(),
  ratedOn: Type.String(),
  createdAt: Type.String(),
  problemCode: nullable(Type.String()),
  problemStatus: nullable(Type.String()),
  problemDeadline: nullable(Type.String()),
});
export const RatingListQuery = Type.Object(
  {
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    bad: Type.Optional(Type.Boolean()),
    departmentId: Type.Optional(id),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type RatingListQueryT = Static<typeof RatingListQuery>;

export const FreeServicePrices = Type.Object({
  items: Type.Array(
    Type.Object({
      service: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      unitFen: Type.Integer(),
      unit: Type.String(),
    }),
  ),
});
export const PricesBody = Type.Object(
  {
    prices: Type.Array(
      Type.Object(
        { service: lit(codesOf(FREE_SERVICES)), unitFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 4 },
    ),
  },
  { additionalProperties: false },
);
