/**
 * The XML side of GeoReport v2 (XML is the required format; JSON is optional). One writer turns
 * the same JSON documents the presenters build into the spec's XML, so the two formats cannot
 * drift: a list under key K becomes <K><item/>…</K> with the item name the spec uses (the
 * "Spark" convention of wiki.open311.org/JSON_and_XML_Conversion, with the spec's own names).
 * null becomes an empty element, as in the spec's examples (<account_id/>).
 */
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

/** Element name of one item of each list the documents contain. */
export const LIST_ITEM: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

// Characters XML 1.0 cannot carry at all, not even as &#…; references: C0 controls other than
// tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates. They are replaced, never dropped silently
// into an invalid document (a strict client would reject the whole response).
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const SPECIAL = /[&<>"'\r]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be normalised to LF by every parser; the reference keeps it.
  '\r': '&#xD;',
};

export function escapeXml(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD').replace(SPECIAL, (c) => ENTITY[c]);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`cannot write the non-finite number ${value} as XML`);
  }
  return escapeXml(String(value));
}

function element(name: string, value: unknown): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: "${name}"`);
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = LIST_ITEM[name];
    if (!item) throw new Error(`no item element name for the list "${name}"`);
    const inner = value.map((v) => element(item, v)).join('');
    return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('');
    return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const body = scalarText(value);
    return body === '' ? `<${name}/>` : `<${name}>${body}</${name}>`;
  }
  throw new Error(`cannot write a ${typeof value} as XML (element "${name}")`);
}

/** A whole document: declaration, then `root` holding `data` (a list or an object). */
export function writeXml(root: string, data: unknown): string {
  return `${XML_DECLARATION}\n${element(root, data)}\n`;
}

// One function per document of the spec, so callers cannot pick a wrong root element.
export const discoveryXml = (d: Open311Discovery) => writeXml('discovery', d);
export const servicesXml = (s: readonly Open311Service[]) => writeXml('services', s);
export const serviceDefinitionXml = (d: Open311ServiceDefinition) => writeXml('service_definition', d);
export const requestsXml = (r: readonly Open311Request[]) => writeXml('service_requests', r);
export const postResponseXml = (r: readonly Open311PostResponseItem[]) => writeXml('service_requests', r);
export const tokenXml = (t: readonly Open311TokenItem[]) => writeXml('service_requests', t);
export const errorsXml = (e: readonly Open311ErrorItem[]) => writeXml('errors', e);
export const updatesXml = (u: readonly Open311Update[]) => writeXml('service_request_updates', u);
