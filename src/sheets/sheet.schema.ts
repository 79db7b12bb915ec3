import { Type } from '@sinclair/typebox';
import { ListQuery } from '../problems/problem.schema.js';

/** The list's filters without paging: what an export takes. */
const { cursor: _c, limit: _l, ...listFilters } = ListQuery.properties;
export const ExportQuery = Type.Object(listFilters, { additionalProperties: false });

const n = Type.Integer();
export const ImportRunSchema = Type.Object({
  id: n,
  fileName: Type.String(),
  sheetKey: Type.String(),
  mode: Type.String(),
  totalRows: n,
  created: n,
  updated: n,
  unchanged: n,
  rejected: n,
  actorId: Type.Union([n, Type.Null()]),
  actorName: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.String(),
});
export const ImportListSchema = Type.Object({ items: Type.Array(ImportRunSchema) });

const Issue = Type.Object({
  row: Type.Union([Type.Integer(), Type.Null()]),
  column: Type.Union([Type.String(), Type.Null()]),
  field: Type.Union([Type.String(), Type.Null()]),
  value: Type.Optional(Type.String()),
  message: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  suggestions: Type.Optional(Type.Array(Type.String())),
});
const Count = Type.Integer();
export const ImportReportSchema = Type.Object({
  ok: Type.Boolean(),
  mode: Type.String(),
  committed: Type.Boolean(),
  importId: Type.Union([Type.Integer(), Type.Null()]),
  fileName: Type.String(),
  sheetName: Type.Union([Type.String(), Type.Null()]),
  sheetKey: Type.String(),
  header: Type.Union([
    Type.Null(),
    Type.Object({
      rows: Type.Array(Type.Integer()),
      unknown: Type.Array(Type.String()),
      columns: Type.Array(Type.Object({ index: Type.Integer(), header: Type.String(), field: Type.String() })),
    }),
  ]),
  headersSeen: Type.Array(Type.String()),
  suggestedMapping: Type.Record(Type.String(), Type.String()),
  mappingSource: Type.Union([Type.Literal('given'), Type.Literal('saved'), Type.Literal('none')]),
  headerDigest: Type.Union([Type.String(), Type.Null()]),
  totals: Type.Object({
    rows: Count,
    valid: Count,
    invalid: Count,
    created: Count,
    updated: Count,
    unchanged: Count,
    skipped: Count,
  }),
  issues: Type.Array(Issue),
  issueCount: Type.Object({ errors: Count, warnings: Count }),
  issuesTruncated: Type.Boolean(),
  rejectedFile: Type.Union([
    Type.String({ description: 'download URL of the rejected rows (valid_only)' }),
    Type.Null(),
  ]),
  durationMs: Count,
  rowsPerSecond: Count,
});
