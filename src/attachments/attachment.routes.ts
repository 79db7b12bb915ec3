import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, say } from '../errors.js';
import { trackingToken } from '../http/auth-hook.js';
import { checkPartText } from '../http/text-input.js';
import { CodeParams, errors, IdParams } from '../http/common-schemas.js';
import { AttachmentSchema } from '../problems/problem.schema.js';
import type { AttachmentService } from './attachments.feature.js';

const tags = ['attachments'];
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });

export const attachmentRoutes =
  (attachments: AttachmentService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/v1/problems/:code/attachments',
      {
        schema: {
          tags,
          summary: 'Upload a photo or document (multipart field "file"); the type is checked by content',
          consumes: ['multipart/form-data'],
          params: CodeParams,
          querystring: TokenQuery,
          response: { 201: Type.Object({ attachment: AttachmentSchema }), ...errors(400, 401, 403, 404, 413, 415) },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new AppError(
            'unsupported_media_type',
            say('请以 multipart/form-data 方式上传文件', 'send the file as multipart/form-data'),
          );
        const file = await req.file();
        if (!file)
          throw new AppError('validation_failed', say('请求中没有文件', 'no file in the request'), { field: 'file' });
        try {
          checkPartText('file', file.filename);
        } catch (err) {
          file.file.resume(); // let the rest of the body go by so the 400 is answered at once
          throw err;
        }
        const attachment = await attachments.upload(req.actor, req.params.code, trackingToken(req), {
          filename: file.filename,
          stream: file.file,
        });
        if (file.file.truncated) throw new AppError('payload_too_large', say('文件过大', 'the file is too large'));
        return reply.status(201).send({ attachment });
      },
    );

    app.get(
      '/api/v1/attachments/:id',
      { schema: { tags, params: IdParams, querystring: TokenQuery, response: { ...errors(404) } } },
      async (req, reply) => {
        const { meta, stream } = await attachments.open(req.actor, req.params.id, trackingToken(req));
        // Only images are shown inline; anything else downloads, so a browser never renders it as a page.
        const inline = meta.mime.startsWith('image/');
        reply.header('Content-Type', meta.mime);
        reply.header('Content-Length', meta.size);
        reply.header(
          'Content-Disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
        );
        reply.header('Cache-Control', 'private, max-age=3600');
        return reply.send(stream);
      },
    );
  };
