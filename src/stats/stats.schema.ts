import { Type } from '@sinclair/typebox';

/** A row of a tree breakdown (categories, areas, units): counts include the sub-rows. */
export const CountRowSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  count: Type.Integer(),
  rectified: Type.Integer(),
});
const FlatRow = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  count: Type.Integer(),
  rectified: Type.Integer(),
});
export const SummarySchema = Type.Object({
  found: Type.Integer({ description: 'items the list returns for this filter' }),
  rectified: Type.Integer({ description: 'rectified, verified or closed' }),
  inProgress: Type.Integer({ description: 'assigned or in progress' }),
  overdue: Type.Integer({ description: "as the list's overdue=true" }),
  longTerm: Type.Integer(),
  rectificationRate: Type.Union([Type.Number(), Type.Null()]),
  byCategory: Type.Array(CountRowSchema, { description: 'counts include sub-categories, as categoryId= on the list' }),
  byArea: Type.Array(CountRowSchema),
  byDepartment: Type.Array(CountRowSchema, {
    description: 'lead or co-unit, sub-units included, as departmentId= on the list',
  }),
  bySource: Type.Array(FlatRow),
  byTag: Type.Array(FlatRow),
  byMonth: Type.Array(Type.Object({ month: Type.String(), found: Type.Integer(), rectified: Type.Integer() }), {
    description: 'by month of creation (UTC), as from/to on the list',
  }),
  asOf: Type.String(),
});
