/**
 * POST /requests: a form-encoded body (spec). Everything wrong with it is reported at once.
 * The location rule is Qingdan's, stricter than the spec's "at least one": exactly one of
 * lat+long, address_string or address_id, so an item never carries two places that disagree.
 * address_id is an area code of Qingdan's area tree (our "addressing system").
 */
import { validateAttributes, type AttributeAnswer } from './attributes.js';
import { ErrorList } from './errors.js';
import { optionalParam, values, type RawParams } from './params.js';
import { MAX_DESCRIPTION_LENGTH } from './spec-types.js';
import type { AttributeDefinition } from './types.js';

export { MAX_DESCRIPTION_LENGTH };

export type Open311Location =
  | { kind: 'point'; lat: number; long: number }
  | { kind: 'address'; address: string }
  | { kind: 'address_id'; addressId: string };

export interface PostRequestInput {
  serviceCode: string;
  location: Open311Location;
  description?: string;
  mediaUrl?: string;
  /** Reporter contact: stored as reporter data, never published. */
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  accountId?: string;
  deviceId?: string;
  /** Raw answers by attribute code (one or more non-empty strings each). */
  attributes: Record<string, string[]>;
  /** Typed answers, present when definitions were passed to parsePostRequest. */
  answers?: AttributeAnswer[];
}

const ATTRIBUTE_KEY = /^attribute\[([^\][]+)\](\[\])?$/;

/**
 * Answers from `attribute[CODE]=v` and `attribute[CODE][]=v` keys (flat, as a plain form parser
 * leaves them; arrays when repeated), and from an already nested `attribute: {CODE: v}` in case
 * a qs-style parser ran first. Empty answers are absent.
 */
export function extractAttributes(body: RawParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (code: string, raw: unknown) => {
    const list = values({ v: raw }, 'v');
    if (list.length > 0) out[code] = [...(out[code] ?? []), ...list];
  };
  for (const [key, raw] of Object.entries(body)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) add(m[1], raw);
  }
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [code, raw] of Object.entries(nested as Record<string, unknown>)) add(code, raw);
  }
  return out;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function coordinate(raw: string | undefined, name: string, limit: number, errors: ErrorList): number | undefined {
  if (raw === undefined) return undefined;
  const n = NUMBER.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    errors.add(
      `${name} 须为 -${limit} 到 ${limit} 之间的 WGS84 坐标，收到 "${raw}"`,
      `${name} must be a WGS84 coordinate between -${limit} and ${limit}, got "${raw}"`,
    );
    return undefined;
  }
  return n;
}

function location(body: RawParams, errors: ErrorList): Open311Location | undefined {
  const latRaw = optionalParam(body, 'lat');
  const longRaw = optionalParam(body, 'long');
  const address = optionalParam(body, 'address_string');
  const addressId = optionalParam(body, 'address_id');
  const hasPoint = latRaw !== undefined || longRaw !== undefined;
  const given = [hasPoint, address !== undefined, addressId !== undefined].filter(Boolean).length;
  if (given !== 1) {
    errors.add(
      '须且只能给出一种位置：lat 与 long、address_string 或 address_id',
      'give exactly one location: lat and long, address_string, or address_id',
    );
    return undefined;
  }
  if (address !== undefined) return { kind: 'address', address };
  if (addressId !== undefined) return { kind: 'address_id', addressId };
  if (latRaw === undefined || longRaw === undefined) {
    errors.add('lat 与 long 须同时给出', 'lat and long must be given together');
    return undefined;
  }
  const lat = coordinate(latRaw, 'lat', 90, errors);
  const long = coordinate(longRaw, 'long', 180, errors);
  return lat === undefined || long === undefined ? undefined : { kind: 'point', lat, long };
}

function httpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Parses and checks a POST /requests body. With `definitions` (the service's questions) the
 * attribute answers are validated too, and their errors join the same list. api_key and
 * jurisdiction_id are checked separately (requireApiKey, checkJurisdiction).
 */
export function parsePostRequest(body: RawParams, definitions?: readonly AttributeDefinition[]): PostRequestInput {
  const errors = new ErrorList();
  const opt = (name: string) => optionalParam(body, name);
  const serviceCode = opt('service_code');
  if (serviceCode === undefined) errors.add('缺少 service_code', 'service_code is required');
  const loc = location(body, errors);
  const description = opt('description');
  if (description !== undefined && [...description].length > MAX_DESCRIPTION_LENGTH) {
    errors.add(
      `description 不得超过 ${MAX_DESCRIPTION_LENGTH} 个字符`,
      `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
    );
  }
  const mediaUrl = opt('media_url');
  if (mediaUrl !== undefined && !httpUrl(mediaUrl))
    errors.add('media_url 须为 http(s) 地址', 'media_url must be an http(s) URL');
  const attributes = extractAttributes(body);
  let answers: AttributeAnswer[] | undefined;
  if (definitions) answers = validateAttributes(attributes, definitions, errors);
  errors.throwIfAny();
  const optional = {
    description,
    mediaUrl,
    email: opt('email'),
    phone: opt('phone'),
    firstName: opt('first_name'),
    lastName: opt('last_name'),
    accountId: opt('account_id'),
    deviceId: opt('device_id'),
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return { serviceCode: serviceCode!, location: loc!, ...present, attributes, ...(answers && { answers }) };
}
