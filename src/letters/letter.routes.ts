import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, IdParams } from '../http/common-schemas.js';
import { renderLetterPdf } from './letter-pdf.js';
import { AcknowledgeBody, IssueLetterBody, LetterPage, LetterQuery, LetterSchema, ReplyBody } from './letter.schema.js';
import { ISSUERS, type LetterService } from './letter.service.js';

const tags = ['supervision'];

/** Letters and summons under the supervision routes (docs/supervision-letters.md). */
export const letterRoutes =
  (letters: LetterService, pdfFont: string | null): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/supervision/letters',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Letters (督办函) and summons (约谈), newest first; a unit sees those addressed to it',
          querystring: LetterQuery,
          response: { 200: LetterPage, ...errors(400, 401, 403) },
        },
      },
      async (req) => letters.list(req.actor, req.query),
    );

    app.post(
      '/api/v1/supervision/letters',
      {
        config: { access: [...ISSUERS] },
        schema: {
          tags,
          summary: 'Issue a numbered letter or summons on an item to a unit, with a reply deadline in working days',
          body: IssueLetterBody,
          response: { 201: LetterSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await letters.issue(req.actor, req.body)),
    );

    app.get(
      '/api/v1/supervision/letters/:id',
      {
        config: { access: 'staff' },
        schema: { tags, summary: 'One letter', params: IdParams, response: { 200: LetterSchema, ...errors(401, 404) } },
      },
      async (req) => letters.get(req.actor, req.params.id),
    );

    app.get(
      '/api/v1/supervision/letters/:id/pdf',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'The letter as a printable PDF (CJK font embedded; 503 when the server has none)',
          params: IdParams,
          response: { ...errors(401, 404, 503) },
        },
      },
      async (req, reply) => {
        const row = await letters.printable(req.actor, req.params.id);
        const pdf = await renderLetterPdf(row, pdfFont);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="letter-${row.kind}-${row.year}-${row.serial}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.post(
      '/api/v1/supervision/letters/:id/acknowledge',
      {
        config: { access: ['department'] },
        schema: {
          tags,
          summary: 'The addressed unit signs for the letter (签收): who signed, when',
          params: IdParams,
          body: AcknowledgeBody,
          response: { 200: LetterSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => letters.acknowledge(req.actor, req.params.id, req.body),
    );

    app.post(
      '/api/v1/supervision/letters/:id/reply',
      {
        config: { access: ['department'] },
        schema: {
          tags,
          summary:
            "The addressed unit's written reply (after signing for it); a reply after the deadline is marked late",
          params: IdParams,
          body: ReplyBody,
          response: { 200: LetterSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => letters.reply(req.actor, req.params.id, req.body),
    );
  };
