import { Type } from '@sinclair/typebox';
import {
  DateString,
  EnforcementKindSchema,
  ItemBrief,
  NullableId,
  PageQuery,
  PanelRoleSchema,
  id,
  page,
  text,
} from './campaign.schema.js';

export const CampaignInput = Type.Object(
  {
    name: text(200, 2),
    description: text(10_000, 2),
    departmentId: id,
    startDate: Type.Optional(DateString),
    deadline: DateString,
    areaId: Type.Optional(NullableId),
    isPublic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const MeasureInput = Type.Object(
  {
    name: text(200),
    weight: Type.Number({ minimum: 0, maximum: 100 }),
    // Share of the time to the deadline; the measures are back-scheduled from it when no dates are given.
    fraction: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    dueDate: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export const PlanInput = Type.Object(
  {
    subjectId: id,
    startDate: Type.Optional(DateString),
    measures: Type.Array(MeasureInput, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);

export const MilestoneView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  dueDate: Type.String(),
  weight: Type.Number(),
  done: Type.Boolean(),
  missed: Type.Boolean(),
});
export const PlanView = Type.Object({
  id: Type.Integer(),
  subjectId: Type.Integer(),
  subjectName: Type.String(),
  item: ItemBrief,
  milestones: Type.Array(MilestoneView),
  activeMeasures: Type.Array(Type.String()),
});

const Counts = Type.Record(Type.String(), Type.Integer());
export const CampaignView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  status: Type.String(),
  departmentId: Type.Integer(),
  departmentName: Type.String(),
  startDate: Type.String(),
  deadline: Type.String(),
  isPublic: Type.Boolean(),
  plans: Type.Integer(),
  plansDone: Type.Integer(),
  progressPercent: Type.Integer(),
  enforcement: Counts,
  accepted: Type.Boolean(),
});
export const CampaignPage = page(CampaignView);
export const CampaignListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const EnforcementInput = Type.Object(
  {
    subjectId: id,
    kind: EnforcementKindSchema,
    decidedOn: DateString,
    legalBasis: text(500),
    departmentId: id,
    docNumber: text(100),
    attachmentId: Type.Optional(NullableId),
    milestoneId: Type.Optional(NullableId),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const LiftInput = Type.Object(
  { liftedOn: DateString, docNumber: text(100), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const EnforcementView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  subjectId: Type.Integer(),
  subjectName: Type.String(),
  kind: Type.String(),
  decidedOn: Type.String(),
  legalBasis: Type.String(),
  departmentName: Type.String(),
  docNumber: Type.String(),
  attachmentId: NullableId,
  milestoneId: NullableId,
  milestoneName: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  liftedOn: Type.Union([Type.String(), Type.Null()]),
  liftDocNumber: Type.Union([Type.String(), Type.Null()]),
});

export const PanelInput = Type.Object(
  {
    result: Type.Union([Type.Literal('accepted'), Type.Literal('failed')]),
    decidedOn: DateString,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    members: Type.Array(
      Type.Object(
        {
          name: text(100),
          role: PanelRoleSchema,
          contact: Type.Optional(Type.String({ maxLength: 100 })),
          rating: Type.Integer(),
          comment: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export const PanelView = Type.Object({
  id: Type.Integer(),
  problemCode: Type.String(),
  result: Type.String(),
  decidedOn: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  averageRating: Type.Number(),
  members: Type.Array(
    Type.Object({
      name: Type.String(),
      role: Type.String(),
      contact: Type.Union([Type.String(), Type.Null()]),
      rating: Type.Integer(),
      comment: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const CampaignDetail = Type.Composite([
  CampaignView,
  Type.Object({
    description: Type.String(),
    planList: Type.Array(PlanView),
    enforcementList: Type.Array(EnforcementView),
    panels: Type.Array(PanelView),
  }),
]);

/** An item attached to a campaign (from a hot spot or by code), as its page lists it. */
export const CampaignItemPage = Type.Composite([
  Type.Object({ campaignId: Type.Integer() }),
  page(
    Type.Composite([
      Type.Omit(ItemBrief, ['livelihood', 'subjectId', 'subjectName']),
      Type.Object({ attachedAt: Type.String() }),
    ]),
  ),
]);
