import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError, say } from '../errors.js';
import { errors } from '../http/common-schemas.js';
import { attachmentName } from '../sheets/sheet.routes.js';
import { importsDir } from '../sheets/sheet-import.service.js';
import { type SheetUpload, withSheetUpload } from '../sheets/sheet-upload.js';
import { IdParams, SheetImportReport } from './campaign.schema.js';
import { templateCsv } from './campaign-sheets.js';
import { PLANNERS, RECORDERS } from './campaign-access.js';
import type { CampaignsState } from './campaigns.feature.js';

const tags = ['campaigns'];
const consumes = ['multipart/form-data'];
const response = { 200: SheetImportReport, ...errors(400, 401, 403, 404, 409, 413, 415) };

const positive = (v: string | undefined, field: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('validation_failed', say(`缺少必填项 ${field}`, `${field} is required`), { field });
  return n;
};

const date = (v: string, field: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new AppError('validation_failed', say(`${field} 应为 YYYY-MM-DD 格式的日期`, `${field} is YYYY-MM-DD`), {
      field,
    });
  return v;
};

/** Sheet uploads of a visit's findings, a forum's points and a 一企一策 plan, and their templates. */
export const campaignSheetRoutes =
  (s: CampaignsState, config: Config): FastifyPluginAsyncTypebox =>
  async (app) => {
    const upload = <T>(req: FastifyRequest, use: (u: SheetUpload) => Promise<T>) => {
      if (!req.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          say('请以 multipart/form-data 上传表格', 'send the sheet as multipart/form-data'),
        );
      return withSheetUpload(importsDir(config), req.parts(), use);
    };
    for (const [list, key] of [
      ['visits', 'visitId'],
      ['forums', 'forumId'],
    ] as const) {
      app.post(
        `/api/v1/${list}/:id/${list === 'visits' ? 'findings' : 'points'}/sheet`,
        {
          config: { access: RECORDERS },
          schema: {
            tags,
            consumes,
            summary:
              `Import a ${list === 'visits' ? "visit's findings" : "forum's points"} from a sheet (multipart ` +
              'field file, .xlsx or .csv; 问题, 问题描述, 民生, 统一社会信用代码, 对象): all rows or none',
            params: IdParams,
            response,
          },
        },
        async (req) =>
          upload(req, (u) => s.imports.findings(req.actor, { [key]: req.params.id } as { visitId: number }, u.file)),
      );
    }
    app.post(
      '/api/v1/campaigns/:id/plans/sheet',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          consumes,
          summary:
            "Import a subject's 一企一策 plan from a sheet, one row per measure (措施, 权重, 时间占比, 完成时限). " +
            'Multipart fields: file, subjectId, startDate (optional); all rows or none',
          params: IdParams,
          response,
        },
      },
      async (req) =>
        upload(req, (u) =>
          s.imports.plan(
            req.actor,
            req.params.id,
            {
              subjectId: positive(u.fields.subjectId, 'subjectId'),
              ...(u.fields.startDate && { startDate: date(u.fields.startDate, 'startDate') }),
            },
            u.file,
          ),
        ),
    );
    app.get(
      '/api/v1/campaigns/sheets/:kind/template.csv',
      {
        schema: {
          tags,
          summary: 'The sheet to fill in: findings (a visit or forum) or plan (one row per measure)',
          params: Type.Object({ kind: Type.Union([Type.Literal('findings'), Type.Literal('plan')]) }),
          produces: ['text/csv'],
          response: { ...errors(400) },
        },
      },
      async (req, reply) =>
        reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header(
            'Content-Disposition',
            attachmentName(req.params.kind === 'plan' ? '一企一策模板.csv' : '问题清单模板.csv'),
          )
          .send(templateCsv(req.params.kind)),
    );
  };
