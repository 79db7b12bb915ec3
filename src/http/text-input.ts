/**
 * Text as it arrives (issue #16 finding 12). Bodies must be valid UTF-8: the default parsers
 * turned bad bytes into U+FFFD and stored them. Text fields refuse what no one types but an
 * attacker finds useful: C0/C1 control characters (line breaks and tabs only in multi-line fields)
 * and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a
 * reviewer read a name, an address or a file name in a different order than it is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBody(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new AppError('validation_failed', '请求内容不是有效的 UTF-8 编码 / the request body is not valid UTF-8', {
      field: '(body)',
    });
  }
}

/** A form body: bytes and %-escapes must both be UTF-8 (decodeURIComponent throws on %FF). */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const [k, v] = (eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)]).map((s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        throw new AppError(
          'validation_failed',
          `表单字段编码无效 / the form field ${JSON.stringify(s.slice(0, 40))} is not valid UTF-8`,
          {
            field: '(body)',
          },
        );
      }
    });
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** JSON (Fastify's own parser, prototype-poisoning checks kept) and forms, both decoded strictly. */
export function registerStrictBodies(app: FastifyInstance, bodyLimit: number): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req, body, done) => {
    let text: string;
    try {
      text = decodeBody(body as Buffer);
    } catch (err) {
      return done(err as Error, undefined);
    }
    json(req, text, done);
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit },
    async (_req: FastifyRequest, body: Buffer) => parseForm(decodeBody(body)),
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\t\n\r]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// An unpaired UTF-16 surrogate: JSON can carry one ("\ud800"), UTF-8 cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not be stored, or null. */
function refusal(s: string, multiLine: boolean): string | null {
  if (s.includes('\u0000') || LONE_SURROGATE.test(s)) return 'NUL characters or unpaired surrogates';
  if (CONTROL.test(s) || (!multiLine && LINE_BREAK.test(s)))
    return multiLine ? 'control characters (only line breaks and tabs)' : 'control characters or line breaks';
  if (BIDI.test(s)) return 'bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069)';
  return null;
}

type Schema = {
  maxLength?: number;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  type?: string | string[];
};

/** The branch of a union that describes this value (TypeBox's Optional, Nullable, Union). */
function branch(schema: Schema | undefined, value: unknown): Schema | undefined {
  const options = schema?.anyOf ?? schema?.oneOf;
  if (!options) return schema;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return options.find((o) => o.type === kind || (kind === 'number' && o.type === 'integer')) ?? options[0];
}

/**
 * Names, titles, codes and addresses are one line: a string field whose schema caps it at 300
 * characters or fewer. Longer fields (descriptions, reasons, notes, comments) and fields no
 * schema describes may break lines.
 */
const isMultiLine = (s: Schema | undefined) => !(s?.maxLength !== undefined && s.maxLength <= 300);

/** The path (field.sub.0) of the first string in a body that may not be stored, and why. Iterative. */
export function refusedTextAt(value: unknown, schema?: Schema): { field: string; why: string } | null {
  const stack: Array<[unknown, Schema | undefined, string]> = [[value, schema, '']];
  while (stack.length) {
    const [v, raw, at] = stack.pop()!;
    const s = branch(raw, v);
    if (typeof v === 'string') {
      const why = refusal(v, isMultiLine(s));
      if (why) return { field: at || '(body)', why };
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const next = at ? `${at}.${k}` : k;
        const why = refusal(k, false);
        if (why) return { field: next, why };
        const extra = typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined;
        stack.push([x, Array.isArray(v) ? s?.items : (s?.properties?.[k] ?? extra), next]);
      }
    }
  }
  return null;
}

function refuse(found: { field: string; why: string } | null): void {
  if (found)
    throw new AppError('validation_failed', `${found.field}: text may not contain ${found.why}`, {
      field: found.field,
    });
}

/** The body, the query string and the path parameters, each by its own schema. */
export function checkRequestText(request: FastifyRequest): void {
  const schema = request.routeOptions.schema as Record<string, Schema | undefined> | undefined;
  refuse(refusedTextAt(request.body, schema?.body));
  refuse(refusedTextAt(request.query, schema?.querystring));
  refuse(refusedTextAt(request.params, schema?.params));
}

/**
 * A multipart form's text fields and a file's name never pass through the schema: checked here as
 * one-line text (a file name with U+202E shows "photo‮gpj.exe" as "photoexe.jpg").
 */
export function checkPartText(field: string, value: string): void {
  const why = refusal(value, false);
  refuse(why ? { field, why } : null);
}
