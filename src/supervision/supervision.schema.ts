import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { ACTION_KINDS } from './supervision-actions.repository.js';

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const obj = <T extends TProperties>(props: T) => Type.Object(props, { additionalProperties: false });

export const WarningSchema = Type.Object({
  level: Type.Union(['none', 'blue', 'yellow', 'red'].map((l) => Type.Literal(l))),
  reasons: Type.Array(Type.String(), {
    description: 'overdue, behind_plan, missed_milestone, missing_weekly_report, deadline_near',
  }),
  since: Type.Optional(nullable(Type.String())),
});

export const MilestoneSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: 'as stored (a plan sent back keeps it)' }),
  label: Type.String({ description: "the name in the reader's language (Accept-Language): a template's English" }),
  dueDate: Type.String(),
  weight: Type.Number(),
  doneAt: nullable(Type.String()),
  missed: Type.Boolean(),
});

export const ExtensionSchema = Type.Object({
  id: Type.Integer(),
  reason: Type.String(),
  originalDeadline: nullable(Type.String()),
  requestedDeadline: Type.String(),
  status: Type.Union(['pending', 'granted', 'refused'].map((s) => Type.Literal(s))),
  grantedDeadline: nullable(Type.String()),
  decisionNote: nullable(Type.String()),
  requestedAt: Type.String(),
  decidedAt: nullable(Type.String()),
  code: Type.Optional(Type.String()),
});

export const ActionSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindName: Type.String(),
  date: Type.String(),
  text: Type.String(),
  people: Type.Array(Type.String()),
  automatic: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: nullable(Type.String()),
  department: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  problem: nullable(Type.Object({ code: Type.String(), title: Type.String() })),
});

export const ItemSupervisionSchema = Type.Object({
  code: Type.String(),
  status: Type.String(),
  deadline: nullable(Type.String()),
  originalDeadline: nullable(Type.String()),
  limits: Type.Object({
    dispatchBy: Type.String({ description: 'dispatch (派单) limit from receipt, by urgency' }),
    signForBy: nullable(Type.String({ description: 'sign-for (签收) limit from assignment' })),
    returnBy: nullable(Type.String({ description: 'last day to return (退单)' })),
    signedInTime: nullable(Type.Boolean()),
  }),
  checkpointDate: nullable(Type.String()),
  warning: WarningSchema,
  plannedPercent: nullable(Type.Number({ description: 'planned progress for today from the milestones' })),
  reportedPercent: nullable(
    Type.Number({ description: 'from the latest progress report, or rolled up from child items' }),
  ),
  missedMilestones: Type.Integer(),
  lastReportAt: nullable(Type.String()),
  missingWeeklyReport: Type.Boolean(),
  nextReportDue: nullable(Type.String()),
  rollupWeight: Type.Number(),
  milestones: Type.Array(MilestoneSchema),
  children: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      status: Type.String(),
      weight: Type.Number(),
      reportedPercent: Type.Number(),
      plannedPercent: nullable(Type.Number()),
    }),
  ),
  extensions: Type.Array(ExtensionSchema),
  actions: Type.Array(ActionSchema),
});

export const PlanBody = obj({
  milestones: Type.Array(
    obj({
      name: Type.String({ minLength: 1, maxLength: 200 }),
      dueDate: date,
      weight: Type.Number({ minimum: 0, maximum: 1000 }),
      done: Type.Optional(Type.Boolean()),
    }),
    { maxItems: 50 },
  ),
});
export const TemplateBody = obj({
  template: Type.String({ minLength: 1, maxLength: 50 }),
  startDate: Type.Optional(date),
});
export const DoneBody = obj({ done: Type.Boolean() });
export const WeightBody = obj({ rollupWeight: Type.Number({ minimum: 0, maximum: 1000 }) });
export const ExtensionRequestBody = obj({
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  requestedDeadline: date,
});
export const ExtensionDecisionBody = obj({
  decision: Type.Union([Type.Literal('grant'), Type.Literal('refuse')]),
  grantedDeadline: Type.Optional(date),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const ActionBody = obj({
  kind: Type.Union(
    ACTION_KINDS.map((k) => Type.Literal(k)),
    { description: 'reminder 催办, letter 督办函, summons 约谈, notice 通报, flagged 挂牌督办' },
  ),
  problemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  date: Type.Optional(date),
  text: Type.String({ minLength: 1, maxLength: 10_000 }),
  people: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
});

export const WarningItemSchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  deadline: nullable(Type.String()),
  reportedPercent: nullable(Type.Number()),
  plannedPercent: nullable(Type.Number()),
  leadDepartment: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  warning: WarningSchema,
  missingWeeklyReport: Type.Boolean(),
});
export const LevelCounts = Type.Record(Type.String(), Type.Integer());
export const WarningList = Type.Object({ counts: LevelCounts, items: Type.Array(WarningItemSchema) });
/** A page of the supervision board: `total` matches every filter; `counts` per colour and
 * `missingTotal` (missing weekly reports) ignore only their own filter, so tabs show true totals. */
export const WarningPage = Type.Object({
  counts: LevelCounts,
  total: Type.Integer(),
  missingTotal: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(WarningItemSchema),
});
export const TodoPage = Type.Object({
  kind: Type.String(),
  counts: Type.Object({ sign: Type.Integer(), plan: Type.Integer(), report: Type.Integer(), rectify: Type.Integer() }),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(WarningItemSchema),
});
/** The acceptance inbox's dispatch clock (intake-clock.ts). */
export const IntakeClock = Type.Object({
  waiting: Type.Integer(),
  overdue: Type.Integer(),
  items: Type.Array(Type.Object({ code: Type.String(), dispatchBy: Type.String(), overdue: Type.Boolean() })),
});
export const LeaderItems = Type.Object({
  leaderId: Type.Integer(),
  counts: LevelCounts,
  items: Type.Array(WarningItemSchema),
});
export const DepartmentRecord = Type.Object({
  department: Type.Object({ id: Type.Integer(), name: Type.String() }),
  actions: Type.Array(ActionSchema),
  weeklyReportMisses: Type.Array(Type.Object({ dueDate: Type.String(), code: Type.String(), title: Type.String() })),
  warnings: WarningList,
  extensions: Type.Array(ExtensionSchema),
});

const tierLimit = obj({
  amount: Type.Integer({ minimum: 0, maximum: 3650 }),
  unit: Type.Union((['working_days', 'calendar_days', 'calendar_months'] as const).map((u) => Type.Literal(u))),
});
const tierMap = Type.Record(Type.String(), tierLimit);
export const TimeLimitsBody = obj({
  tiers: Type.Optional(tierMap),
  tiersByUrgency: Type.Optional(
    obj({ normal: Type.Optional(tierMap), urgent: Type.Optional(tierMap), emergency: Type.Optional(tierMap) }),
  ),
  dispatchHours: Type.Optional(Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 720 }))),
  signForHours: Type.Optional(Type.Number({ minimum: 0, maximum: 720 })),
  returnWindowWorkingDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
});
export const TimeLimitsView = Type.Object({
  effective: Type.Object({}, { additionalProperties: true }),
  overrides: Type.Object({}, { additionalProperties: true }),
});

/** A standard plan (plan-templates.ts): milestones at fractions of the time to the deadline. */
export const PlanTemplateSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  label: Type.String({ description: "the name in the reader's language (Accept-Language)" }),
  milestones: Type.Array(
    Type.Object({
      name: Type.String(),
      nameEn: Type.String(),
      label: Type.String(),
      fraction: Type.Number(),
      weight: Type.Number(),
    }),
  ),
});

export const CalendarDaySchema = Type.Object({ date: Type.String(), name: Type.String() });
/** One year of the working-day calendar: the administrators' own, the shipped one, or none. */
export const CalendarYearSchema = Type.Object({
  year: Type.Integer(),
  source: Type.Union((['custom', 'shipped', 'none'] as const).map((s) => Type.Literal(s))),
  note: nullable(Type.String()),
  daysOff: Type.Array(CalendarDaySchema),
  adjustedWorkdays: Type.Array(CalendarDaySchema),
  updatedAt: nullable(Type.String()),
});
