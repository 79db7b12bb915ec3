/**
 * Open311 answers errors as a list of {code, description} with status 400, 403 or 404 (500 for
 * our own faults), in the request's format. Validation collects every problem it finds into one
 * error so a client can fix a request in one round trip. Messages carry Chinese and English;
 * the route picks one when it renders.
 */
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.js';
import { messageIn } from '../http/error-texts.js';
import type { Open311ErrorItem } from './spec-types.js';
import type { Lang } from './types.js';

export type Open311HttpStatus = 400 | 403 | 404 | 500;

export interface Text {
  zh: string;
  en: string;
  /** The parameter the message is about, when there is one (the native API reports it). */
  field?: string;
}

export const text = (zh: string, en: string): Text => ({ zh, en });

export class Open311Error extends Error {
  readonly status: Open311HttpStatus;
  readonly messages: readonly Text[];
  constructor(status: Open311HttpStatus, messages: Text | readonly Text[]) {
    const list = Array.isArray(messages) ? [...(messages as readonly Text[])] : [messages as Text];
    if (list.length === 0) throw new Error('Open311Error needs at least one message');
    super(list.map((m) => m.en).join('; '));
    this.name = 'Open311Error';
    this.status = status;
    this.messages = list;
  }

  /** The wire list. The spec's examples put the HTTP status in `code`, so every item does. */
  items(lang: Lang = 'zh'): Open311ErrorItem[] {
    return this.messages.map((m) => ({ code: this.status, description: m[lang] }));
  }
}

export const badRequest = (messages: Text | readonly Text[]) => new Open311Error(400, messages);
export const notFound311 = (messages: Text | readonly Text[]) => new Open311Error(404, messages);
export const forbidden311 = (messages: Text | readonly Text[]) => new Open311Error(403, messages);

/** Collects messages while validating, then throws them together. */
export class ErrorList {
  private readonly list: Text[] = [];
  add(zh: string, en: string, field?: string): void {
    this.list.push(field === undefined ? text(zh, en) : { zh, en, field });
  }
  get size(): number {
    return this.list.length;
  }
  /** What was collected, for callers that report it in another error format (the native API). */
  get messages(): readonly Text[] {
    return this.list;
  }
  throwIfAny(status: Open311HttpStatus = 400): void {
    if (this.list.length > 0) throw new Open311Error(status, this.list);
  }
}

/**
 * The Open311 routes render any thrown value with this: the core's AppError keeps its meaning
 * (401 becomes 403 because the spec answers a bad api_key with 403; 409/413/415/429 become 400,
 * the spec's catch-all for a request it will not serve), and anything unknown is a 500 whose
 * details stay in the log, never on the wire.
 */
export function toOpen311Error(err: unknown): Open311Error {
  if (err instanceof Open311Error) return err;
  if (err instanceof AppError) {
    const http = ERROR_CODES[err.code];
    const status: Open311HttpStatus = http === 404 ? 404 : http === 401 || http === 403 ? 403 : http >= 500 ? 500 : 400;
    if (status === 500) return internalError();
    return new Open311Error(status, bothOf(err.code, err.message, err.text));
  }
  // Fastify's own refusals (body too large, unsupported media type, malformed body) carry a 4xx
  // statusCode and a message safe to show; the same mapping applies.
  const fastifyStatus = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const status = fastifyStatus === 404 ? 404 : fastifyStatus === 401 || fastifyStatus === 403 ? 403 : 400;
    const message = err instanceof Error && err.message ? err.message : 'bad request';
    const code: ErrorCode = status === 404 ? 'not_found' : status === 403 ? 'forbidden' : 'bad_request';
    return new Open311Error(status, bothOf(code, message));
  }
  return internalError();
}

/** A core message in both languages: as thrown, or the code's own sentence for the missing one. */
const bothOf = (code: ErrorCode, message: string, given: { zh: string; en: string } | null = null): Text =>
  text(messageIn('zh', code, message, given), messageIn('en', code, message, given));

function internalError(): Open311Error {
  return new Open311Error(500, text('服务器内部错误，请稍后重试', 'Internal server error, please try again later'));
}
