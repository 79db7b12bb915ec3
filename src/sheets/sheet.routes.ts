import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireRole, requireStaff } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { errors, IdParams } from '../http/common-schemas.js';
import { ListQuery } from '../problems/problem.schema.js';
import type { Services } from '../services.js';
import { exportList, type ExportFormat } from './export.service.js';
import { importer, IMPORT_ROLES, ImportReportSchema, importsDir, parseImportFields } from './sheet-import-http.js';
import { formatOf } from './sheet-reader.js';
import { exportReports } from './report-workbook.js';

const tags = ['sheets'];
const { cursor: _c, limit: _l, ...listFilters } = ListQuery.properties;
const ExportQuery = Type.Object(listFilters, { additionalProperties: false });
const n = Type.Integer();
const ImportList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: n,
      file_name: Type.String(),
      sheet_key: Type.String(),
      mode: Type.String(),
      total_rows: n,
      created: n,
      updated: n,
      unchanged: n,
      rejected: n,
      actor_id: Type.Union([n, Type.Null()]),
      actor_name: Type.String(),
      started_at: Type.String(),
      finished_at: Type.String(),
    }),
  ),
});
const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export const attachmentName = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const sheetRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/v1/problems/export.${format}`,
        {
          schema: {
            tags,
            summary: `The list (same filters and q as GET /api/v1/problems) as the classic 整改清单 ${format === 'xlsx' ? 'workbook' : 'CSV (UTF-8 with BOM)'} (staff)`,
            querystring: ExportQuery,
            produces: [MIME[format]],
            response: { ...errors(400, 401, 403) },
          },
        },
        async (req, reply) => {
          requireStaff(req.actor);
          const out = new PassThrough();
          // Streamed: the first page is on its way before the last is read.
          exportList(services, req.actor, req.query, format, out).catch((err) => {
            req.log.error({ err }, 'export failed');
            out.destroy(err as Error);
          });
          const day = services.problems.today();
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
        requireStaff(req.actor);
        const out = new PassThrough();
        exportReports(services, req.actor, req.query.month, out).catch((err) => {
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
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          summary:
            'Import a 整改清单 (.xlsx or .csv). Multipart fields: file; mode = dry_run | strict | valid_only (default dry_run); sheet; sheetKey; mapping (JSON: header → field or "ignore")',
          response: { 200: ImportReportSchema, ...errors(400, 401, 403, 413, 415) },
        },
      },
      async (req) => {
        requireRole(req.actor, IMPORT_ROLES);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the sheet as multipart/form-data');
        const dir = importsDir(services.config);
        const fields: Record<string, string> = {};
        let upload: { file: string; name: string } | null = null;
        try {
          for await (const part of req.parts()) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            if (upload) throw new AppError('validation_failed', 'send one file', { field: 'file' });
            formatOf(part.filename);
            const file = path.join(dir, `upload-${crypto.randomUUID()}${path.extname(part.filename).toLowerCase()}`);
            upload = { file, name: part.filename };
            await pipeline(part.file, fs.createWriteStream(file));
            if (part.file.truncated)
              throw new AppError(
                'payload_too_large',
                'the sheet is larger than the upload limit; import it with `qingdan import`',
              );
          }
          if (!upload) throw new AppError('validation_failed', 'no file in the request', { field: 'file' });
          return await importer(services).fromFile(req.actor, upload.file, upload.name, parseImportFields(fields));
        } finally {
          if (upload) fs.rmSync(upload.file, { force: true });
        }
      },
    );

    app.get(
      '/api/v1/imports',
      {
        schema: {
          tags,
          summary: 'Committed imports, newest first',
          response: { 200: ImportList, ...errors(401, 403) },
        },
      },
      async (req) => {
        requireRole(req.actor, IMPORT_ROLES);
        return {
          items: await services.db.selectFrom('sheet_imports').selectAll().orderBy('id', 'desc').limit(100).execute(),
        };
      },
    );

    app.get(
      '/api/v1/imports/:id/rejected',
      {
        schema: {
          tags,
          summary: 'The rejected-rows file of a valid-rows-only import',
          params: IdParams,
          response: { ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        requireRole(req.actor, IMPORT_ROLES);
        const dir = importsDir(services.config);
        const name = fs.readdirSync(dir).find((f) => f.startsWith(`${req.params.id}-rejected.`));
        if (!name)
          throw new AppError('not_found', `import ${req.params.id} has no rejected rows`, {
            what: 'import',
            key: req.params.id,
          });
        const format = name.endsWith('.csv') ? 'csv' : 'xlsx';
        return reply
          .header('Content-Type', MIME[format])
          .header('Content-Disposition', attachmentName(`未导入的行-${req.params.id}.${format}`))
          .send(fs.createReadStream(path.join(dir, name)));
      },
    );
  };
