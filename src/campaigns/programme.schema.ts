import { Type } from '@sinclair/typebox';

/** A programme part's or sub-project's budget (万元) and planned years. */
export const PartInput = Type.Object(
  {
    kind: Type.Union([Type.Literal('part'), Type.Literal('subproject')]),
    budgetWan: Type.Number({ minimum: 0, maximum: 1e9 }),
    spentWan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
    yearFrom: Type.Integer({ minimum: 2000, maximum: 2100 }),
    yearTo: Type.Integer({ minimum: 2000, maximum: 2100 }),
  },
  { additionalProperties: false },
);
export const ProgrammeView = Type.Object({
  code: Type.String(),
  title: Type.String(),
  progressPercent: Type.Integer(),
  budgetWan: Type.Number(),
  spentWan: Type.Number(),
  yearFrom: Type.Union([Type.Integer(), Type.Null()]),
  yearTo: Type.Union([Type.Integer(), Type.Null()]),
  parts: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      progressPercent: Type.Integer(),
      budgetWan: Type.Number(),
      spentWan: Type.Number(),
      yearFrom: Type.Integer(),
      yearTo: Type.Integer(),
      parentCode: Type.String(),
      deadline: Type.Union([Type.String(), Type.Null()]),
      overdue: Type.Boolean(),
    }),
  ),
});
