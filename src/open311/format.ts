/**
 * GeoReport v2 picks the response format by the path's suffix: `services.xml`,
 * `requests/JZ-2026-000001.json`. XML is the format every endpoint must offer, JSON is optional;
 * the spec names XML `text/xml` (discovery's <format>text/xml</format>), so that is what we send,
 * with the charset spelled out because text/* otherwise defaults to US-ASCII for some clients.
 */
import { badRequest, toOpen311Error } from './errors.js';
import type { Lang } from './types.js';
import {
  discoveryXml,
  errorsXml,
  postResponseXml,
  requestsXml,
  serviceDefinitionXml,
  servicesXml,
  tokenXml,
  updatesXml,
} from './xml.js';
import type {
  Open311Discovery,
  Open311ErrorItem,
  Open311PostResponseItem,
  Open311Request,
  Open311Service,
  Open311ServiceDefinition,
  Open311TokenItem,
  Open311Update,
} from './spec-types.js';

export const FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof FORMATS)[number];

/** The format errors are rendered in when the request's own format is unknown or malformed. */
export const DEFAULT_FORMAT: Open311Format = 'xml';

export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The MIME names the discovery document lists under <formats>. */
export const DISCOVERY_FORMATS = ['text/xml', 'application/json'] as const;

export const isOpen311Format = (s: string): s is Open311Format => (FORMATS as readonly string[]).includes(s);

/**
 * Splits a route segment at its last dot: 'JZ-2026-000001.json' → {name, format}. Identifiers
 * may themselves contain dots, so only the last one separates the suffix; the suffix is
 * case-insensitive ('services.XML' works) because some clients upper-case it.
 */
export function parseFormat(segment: string): { name: string; format: Open311Format } {
  const dot = segment.lastIndexOf('.');
  const name = dot > 0 ? segment.slice(0, dot) : '';
  const suffix = dot > 0 ? segment.slice(dot + 1).toLowerCase() : '';
  if (name === '' || !isOpen311Format(suffix)) {
    throw badRequest({
      zh: `无法识别的格式："${segment}"，路径须以 .xml 或 .json 结尾`,
      en: `unknown format in "${segment}": the path must end in .xml or .json`,
    });
  }
  return { name, format: suffix };
}

/**
 * The format an error should be written in, from a request path, before or without routing:
 * the suffix of the last path segment when it is .xml/.json, else XML, the required format.
 */
export function formatOfPath(url: string): Open311Format {
  const pathOnly = url.split(/[?#]/)[0];
  const m = /\.([A-Za-z]+)$/.exec(pathOnly);
  const suffix = m ? m[1].toLowerCase() : '';
  return isOpen311Format(suffix) ? suffix : DEFAULT_FORMAT;
}

/** Every document the Open311 endpoints answer with, tagged so XML gets the right root. */
export type Open311Document =
  | { kind: 'discovery'; data: Open311Discovery }
  | { kind: 'services'; data: readonly Open311Service[] }
  | { kind: 'service_definition'; data: Open311ServiceDefinition }
  | { kind: 'requests'; data: readonly Open311Request[] }
  | { kind: 'post_response'; data: readonly Open311PostResponseItem[] }
  | { kind: 'token'; data: readonly Open311TokenItem[] }
  | { kind: 'errors'; data: readonly Open311ErrorItem[] }
  | { kind: 'updates'; data: readonly Open311Update[] };

function xmlOf(doc: Open311Document): string {
  switch (doc.kind) {
    case 'discovery':
      return discoveryXml(doc.data);
    case 'services':
      return servicesXml(doc.data);
    case 'service_definition':
      return serviceDefinitionXml(doc.data);
    case 'requests':
      return requestsXml(doc.data);
    case 'post_response':
      return postResponseXml(doc.data);
    case 'token':
      return tokenXml(doc.data);
    case 'errors':
      return errorsXml(doc.data);
    case 'updates':
      return updatesXml(doc.data);
  }
}

/**
 * The body and Content-Type of a document in a format. JSON is the bare array or object, as in
 * the spec's JSON examples (no wrapper named after the XML root).
 */
export function render(format: Open311Format, doc: Open311Document): { contentType: string; body: string } {
  const body = format === 'xml' ? xmlOf(doc) : JSON.stringify(doc.data);
  return { contentType: CONTENT_TYPES[format], body };
}

/** Any thrown value as the Open311 error answer: status, Content-Type and body. */
export function renderError(
  err: unknown,
  format: Open311Format = DEFAULT_FORMAT,
  lang: Lang = 'zh',
): { status: number; contentType: string; body: string } {
  const e = toOpen311Error(err);
  return { status: e.status, ...render(format, { kind: 'errors', data: e.items(lang) }) };
}
