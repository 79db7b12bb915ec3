import { Type } from '@sinclair/typebox';

/** HTTP shapes of the monthly assessment: scorecards (internal) and rankings (published 红黑榜). */
export const MonthSchema = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const rate = Type.Union([Type.Number(), Type.Null()]);
export const ScoreRowSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Optional(Type.String()),
  rank: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  received: Type.Integer(),
  signedWithinLimit: Type.Integer(),
  rectified: Type.Integer(),
  closed: Type.Integer(),
  overdue: Type.Integer(),
  returned: Type.Integer(),
  redone: Type.Integer(),
  verifications: Type.Integer(),
  rated: Type.Integer(),
  meanWorkingDaysToClose: rate,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  onTimeRate: rate,
  returnRate: rate,
  redoRate: rate,
  composite: Type.Union([Type.Number({ description: '0..100 points' }), Type.Null()]),
  overdueCount: Type.Integer(),
});
export const BriefSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  rank: Type.Union([Type.Integer(), Type.Null()]),
  composite: rate,
});
const Weights = Type.Object({ response: Type.Number(), resolution: Type.Number(), satisfaction: Type.Number() });
export const ScorecardSchema = Type.Object({
  month: Type.String(),
  computedAt: Type.String(),
  settled: Type.Boolean(),
  settledAt: Type.Union([Type.String(), Type.Null()]),
  settledBy: Type.Union([Type.String(), Type.Null()]),
  weights: Weights,
  satisfactionFactors: Type.Record(Type.String(), Type.Number()),
  departments: Type.Array(ScoreRowSchema),
  areas: Type.Array(ScoreRowSchema),
  sections: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), { description: "other features' parts of the month, e.g. hall" }),
  ),
});
export const RankingsSchema = Type.Object({
  month: Type.String(),
  settled: Type.Boolean(),
  settledAt: Type.Union([Type.String(), Type.Null()]),
  weights: Weights,
  departments: Type.Array(ScoreRowSchema),
  areas: Type.Array(ScoreRowSchema),
  redList: Type.Array(BriefSchema),
  blackList: Type.Array(BriefSchema),
  areaLists: Type.Object({ redList: Type.Array(BriefSchema), blackList: Type.Array(BriefSchema) }),
});

export const SettlementList = Type.Object({
  items: Type.Array(
    Type.Object({
      month: Type.String(),
      settledAt: Type.String(),
      settledBy: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
