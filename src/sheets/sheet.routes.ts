import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, say } from '../errors.js';
import { errors, IdParams } from '../http/common-schemas.js';
import type { ExportFormat } from './export.service.js';
import { IMPORT_ROLES } from './sheet-import.service.js';
import { ExportQuery, ImportListSchema, ImportReportSchema } from './sheet.schema.js';
import type { SheetsState } from './sheets.feature.js';

const tags = ['sheets'];
const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export const attachmentName = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const sheetRoutes =
  ({ imports, exportList, exportSettlement, today }: SheetsState): FastifyPluginAsyncTypebox =>
  async (app) => {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/v1/problems/export.${format}`,
        {
          config: { access: 'staff' },
          schema: {
            tags,
            summary:
              'The list (same filters and q as GET /api/v1/problems) as the classic 整改清单 ' +
              (format === 'xlsx' ? 'workbook' : 'CSV (UTF-8 with BOM)'),
            querystring: ExportQuery,
            produces: [MIME[format]],
            response: { ...errors(400, 401, 403) },
          },
        },
        async (req, reply) => {
          const out = new PassThrough();
          // Streamed: the first page is on its way before the last is read.
          exportList(req.actor, req.query, format, out).catch((err) => {
            req.log.error({ err }, 'export failed');
            out.destroy(err as Error);
          });
          const day = today();
          return reply
            .header('Content-Type', MIME[format])
            .header('Content-Disposition', attachmentName(`整改清单-${day}.${format}`))
            .header('Cache-Control', 'no-store')
            .send(out);
        },
      );
    }

    app.get(
      '/api/v1/reports/settlement.xlsx',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'The monthly settlement and rankings as a workbook, one sheet per view (staff)',
          querystring: Type.Object(
            { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) },
            { additionalProperties: false },
          ),
          produces: [MIME.xlsx],
          response: { ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => {
        const out = new PassThrough();
        exportSettlement(req.query.month, out).catch((err) => {
          req.log.error({ err }, 'settlement export failed');
          out.destroy(err as Error);
        });
        return reply
          .header('Content-Type', MIME.xlsx)
          .header('Content-Disposition', attachmentName(`月结与排名-${req.query.month}.xlsx`))
          .header('Cache-Control', 'no-store')
          .send(out);
      },
    );

    app.post(
      '/api/v1/imports',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          summary:
            'Import a 整改清单 (.xlsx or .csv). Multipart fields: file; mode = dry_run | strict | ' +
            'valid_only (default dry_run); sheet; sheetKey; mapping (JSON: header → field or "ignore"; ' +
            'remembered for that set of headers); visibility = public | private (new items; default public); ' +
            'suggestCategories=true (rows without a category take the learned suggestion)',
          response: { 200: ImportReportSchema, ...errors(400, 401, 403, 413, 415) },
        },
      },
      async (req) => {
        if (!req.isMultipart())
          throw new AppError(
            'unsupported_media_type',
            say('请以 multipart/form-data 方式上传表格', 'send the sheet as multipart/form-data'),
          );
        return imports.fromUpload(req.actor, req.parts());
      },
    );

    app.get(
      '/api/v1/imports',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags,
          summary: 'Committed imports, newest first',
          response: { 200: ImportListSchema, ...errors(401, 403) },
        },
      },
      async () => {
        return { items: await imports.list() };
      },
    );

    app.get(
      '/api/v1/imports/:id/rejected',
      {
        config: { access: IMPORT_ROLES },
        schema: {
          tags,
          summary: 'The rejected-rows file of a valid-rows-only import',
          params: IdParams,
          response: { ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { path, format } = imports.rejectedFile(req.params.id);
        return reply
          .header('Content-Type', MIME[format])
          .header('Content-Disposition', attachmentName(`未导入的行-${req.params.id}.${format}`))
          .send(fs.createReadStream(path));
      },
    );
  };
