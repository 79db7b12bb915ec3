import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, say, type Bilingual, type ErrorCode, type Lang } from '../errors.js';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { ERROR_TEXTS, messageIn, PART_TEXTS, validationText } from './error-texts.js';
import { preferredLang } from './lang.js';

/** The one error body every endpoint uses. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

// Fastify's own failures, translated into our codes.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_MAX_PARAM_LENGTH: 'bad_request',
};

/**
 * The one error body for any thrown value, in the language asked for (Chinese unless the request
 * prefers English). Codes and statuses do not depend on the language.
 */
export function toErrorBody(
  err: FastifyError | AppError | Error,
  lang: Lang = 'zh',
): { status: number; body: ErrorBody } {
  const body = (code: ErrorCode, text: Bilingual | string, details?: unknown) =>
    errorBody(code, typeof text === 'string' ? messageIn(lang, code, text) : text[lang], details);
  if (err instanceof AppError) {
    const message = messageIn(lang, err.code, err.message, err.text);
    return { status: ERROR_CODES[err.code], body: errorBody(err.code, message, err.details) };
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const details = fe.validation.map((v) => {
      const field =
        (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
        (v.params as any)?.missingProperty ||
        fe.validationContext;
      return { field, message: validationText(lang, v, field), rule: v.keyword };
    });
    const part = fe.validationContext ?? 'request';
    const message =
      lang === 'en'
        ? `invalid ${part}: ${fe.message}`
        : `${PART_TEXTS[part]?.zh ?? '请求'}有误：${details.map((d) => d.message).join('；')}`;
    return { status: 400, body: errorBody('validation_failed', message, details) };
  }
  // A lost or refused database connection: the request may be retried once the pool reconnects.
  if (isDatabaseUnavailable(fe)) {
    return {
      status: 503,
      body: body('unavailable', say('数据库暂时不可用，请稍后重试', 'the database is unavailable; try again shortly')),
    };
  }
  // A full disk (the file system's ENOSPC, SQLite's SQLITE_FULL, PostgreSQL's 53100): nothing was
  // stored, the server carries on, and the log names the cause.
  if (fe.code === 'ENOSPC' || fe.code === 'EDQUOT' || fe.code === 'SQLITE_FULL' || fe.code === '53100') {
    return { status: 507, body: body('insufficient_storage', ERROR_TEXTS.insufficient_storage) };
  }
  // A foreign key naming a row that does not exist (an unknown department, parent, category):
  // every such id comes from the request, so it is the client's mistake, not a server fault.
  if (fe.code === '23503' || fe.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { status: 400, body: body('bad_request', say('引用的记录不存在', 'a referenced record does not exist')) };
  }
  // PostgreSQL's class 22 "data exception" (a number out of range for its column, malformed
  // text for a type) is caused by the input, not by the server: the client hears 400, not 500.
  if (typeof fe.code === 'string' && /^22[0-9A-Z]{3}$/.test(fe.code) && 'severity' in fe) {
    return {
      status: 400,
      body: body(
        'bad_request',
        say('有取值超出范围或格式不符', 'a value is out of range or malformed for where it is stored'),
      ),
    };
  }
  // Busboy (multipart uploads) throws plain Errors for bodies that are cut short or malformed;
  // the stream it feeds then reports a premature close. Both are the client's broken request.
  if (
    !fe.statusCode &&
    (/^(Multipart: |Unexpected end of (form|file)|Malformed (part header|urlencoded form))/.test(fe.message) ||
      fe.code === 'ERR_STREAM_PREMATURE_CLOSE')
  ) {
    return {
      status: 400,
      body: body(
        'bad_request',
        say(
          `上传的内容不完整或格式有误：${fe.message}`,
          `the multipart body is malformed or incomplete: ${fe.message}`,
        ),
      ),
    };
  }
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return { status: ERROR_CODES[mapped], body: body(mapped, fe.message) };
  if (fe.statusCode === 429) return { status: 429, body: body('rate_limited', ERROR_TEXTS.rate_limited) };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: 400, body: body('bad_request', fe.message) };
  }
  return { status: 500, body: body('internal', ERROR_TEXTS.internal) };
}

/**
 * The router answers some requests before any route or error handler runs (a malformed URL, a path
 * segment longer than maxParamLength); Fastify's own body for those is not ours, so they are
 * rendered here in the one error format too.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(err, preferredLang(request.headers['accept-language']));
  request.log.info({ code: body.error.code, status }, body.error.message);
  void reply
    .status(status)
    .type('application/json; charset=utf-8')
    .header('X-Content-Type-Options', 'nosniff')
    .send(body);
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (raw non-ASCII or control
 * bytes in the URL, malformed headers, headers too large); Fastify's fallback body is not ours.
 * The socket gets a complete response in the one error format and is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message]: [number, string, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [413, 'Payload Too Large', 'payload_too_large', 'the request headers are too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'bad_request', 'the request was not received in time']
        : [400, 'Bad Request', 'bad_request', 'the request is malformed (a URL must be percent-encoded ASCII)'];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(err, preferredLang(request.headers['accept-language']));
    // Stack traces go to the log only, never to the client.
    if (status === 503) request.log.warn({ err: { message: err.message, code: err.code } }, body.error.message);
    else if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: body.error.code, status }, body.error.message);
    // Refused before its body was read (a full disk, a file too large): close the connection, or
    // the client goes on sending the rest of a large body into a socket it then waits on.
    if (!request.raw.complete) reply.header('connection', 'close');
    // A refusal that knows when to come back says so in the standard header as well as the body.
    const retry = (body.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (status === 429 && typeof retry === 'number') reply.header('retry-after', String(retry));
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(noRoute(request));
  });
}

/** The body for a path no route serves, in the language asked for. */
export function noRoute(request: FastifyRequest): ErrorBody {
  const route = `${request.method} ${request.url.split('?')[0]}`;
  const lang = preferredLang(request.headers['accept-language']);
  return errorBody('not_found', say(`没有这个接口：${route}`, `no route ${route}`)[lang]);
}
