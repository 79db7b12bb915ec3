import { Type } from '@sinclair/typebox';

/** Shapes of the hall's figures (hall-stats.ts). Rates are 0..1, null when nothing was measured. */
const rate = Type.Union([Type.Number(), Type.Null()]);
export const CaseTotals = Type.Object({
  cases: Type.Integer(),
  decided: Type.Integer(),
  onTime: Type.Integer(),
  onTimeRate: rate,
  meanWorkingDays: rate,
  meanPromisedDays: rate,
  noticed: Type.Integer({ description: 'cases that had a one-time notice: the applicant had to come back' }),
  noticeRate: rate,
});
export const RatingTotals = Type.Object({
  total: Type.Integer(),
  distribution: Type.Record(Type.String(), Type.Integer()),
  satisfied: Type.Integer(),
  bad: Type.Integer(),
  badRectified: Type.Integer(),
  rectificationRate: rate,
});
const Saved = Type.Object({
  byService: Type.Array(Type.Object({ service: Type.String(), quantity: Type.Integer(), savedFen: Type.Integer() })),
  savedFen: Type.Integer(),
});
const Group = Type.Array(Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() }));

export const HallStats = Type.Object({
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  totals: CaseTotals,
  byMatter: Group,
  byDepartment: Group,
  byWindow: Group,
  byClerk: Group,
  ratings: RatingTotals,
  freeServices: Saved,
});

export const HallFigures = Type.Object({
  year: Type.Integer(),
  matters: Type.Integer({ description: 'published matters in force today' }),
  departments: Type.Integer(),
  savedThisYearFen: Type.Integer(),
  stats: HallStats,
});

export const HallMonth = Type.Object({
  month: Type.String(),
  settled: Type.Boolean(),
  firstDay: Type.String(),
  lastDay: Type.String(),
  departments: Type.Array(
    Type.Composite([Type.Object({ id: Type.Integer(), name: Type.String(), ratings: RatingTotals }), CaseTotals]),
  ),
  totals: Type.Composite([Type.Object({ ratings: RatingTotals }), CaseTotals]),
  freeServices: Saved,
});
