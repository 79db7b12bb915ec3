/**
 * Reading GeoReport v2 parameters from a query string or a form body, as a plain parser (Fastify's
 * querystring, src/http/text-input.ts) hands them over: flat keys, a string or — for a repeated key —
 * an array of strings. Empty values count as absent: clients routinely send every field of a
 * form, filled or not (`service_code=&status=`), and the spec defines no meaning for "".
 */
import { parseDateTime } from './datetime.js';
import { badRequest, ErrorList, forbidden311, notFound311, text } from './errors.js';
import { isOpen311Status, type Open311Status } from './status-map.js';

export type RawParams = Readonly<Record<string, unknown>>;

/** Non-empty trimmed strings given for `name`, in order (a repeated key gives several). */
export function values(params: RawParams, name: string): string[] {
  const raw = params[name];
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter((v) => v !== '');
}

/** A single-valued parameter; given twice with different values it is ambiguous, so refused. */
export function optionalParam(params: RawParams, name: string): string | undefined {
  const list = [...new Set(values(params, name))];
  if (list.length > 1) {
    throw badRequest(text(`参数 ${name} 只能给出一个值`, `${name} must be given once, got ${list.length} values`));
  }
  return list[0];
}

/**
 * A comma-separated list; the spec also allows repeating the key ("can be declared multiple
 * times, comma delimited"), so both forms are merged. Duplicates are dropped, order is kept.
 */
export function listParam(params: RawParams, name: string): string[] | undefined {
  const items = values(params, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return items.length > 0 ? [...new Set(items)] : undefined;
}

/** An ISO-8601 date-time with a zone, returned as the stored UTC form. */
export function dateTimeParam(params: RawParams, name: string, errors?: ErrorList): string | undefined {
  const raw = optionalParam(params, name);
  if (raw === undefined) return undefined;
  const parsed = parseDateTime(raw);
  if (parsed === null) {
    const zh = `${name} 须为带时区的 ISO 8601 时间，如 2026-11-29T08:00:00+08:00，收到 "${raw}"`;
    const en = `${name} must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T08:00:00+08:00; got "${raw}"`;
    if (!errors) throw badRequest(text(zh, en));
    errors.add(zh, en);
    return undefined;
  }
  return parsed;
}

/** The spec: a start/end range "may not span more than 90 days". */
export const MAX_SPAN_DAYS = 90;
/** The spec's default query limit: the first 1000 requests. */
export const DEFAULT_LIMIT = 1000;

export interface DateRange {
  startDate?: string;
  endDate?: string;
}

function dateRange(params: RawParams, errors: ErrorList): DateRange {
  const startDate = dateTimeParam(params, 'start_date', errors);
  const endDate = dateTimeParam(params, 'end_date', errors);
  if (startDate && endDate) {
    const span = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000;
    if (span < 0) errors.add('start_date 不能晚于 end_date', 'start_date must not be after end_date');
    else if (span > MAX_SPAN_DAYS) {
      errors.add(
        `start_date 与 end_date 相隔不得超过 ${MAX_SPAN_DAYS} 天`,
        `start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`,
      );
    }
  }
  return { ...(startDate && { startDate }), ...(endDate && { endDate }) };
}

export interface RequestsQuery extends DateRange {
  serviceRequestIds?: string[];
  serviceCodes?: string[];
  statuses?: Open311Status[];
}

/**
 * GET /requests. service_request_id "overrides all other arguments" (spec), so when it is given
 * the other filters are validated but not returned: the caller looks up exactly those ids.
 */
export function parseRequestsQuery(params: RawParams): RequestsQuery {
  const errors = new ErrorList();
  const range = dateRange(params, errors);
  const statusList = listParam(params, 'status')?.map((s) => s.toLowerCase());
  const wrong = statusList?.filter((s) => !isOpen311Status(s)) ?? [];
  if (wrong.length > 0)
    errors.add(
      `status 只能是 open 或 closed，收到 "${wrong.join(',')}"`,
      `status must be open or closed, got "${wrong.join(',')}"`,
    );
  errors.throwIfAny();
  const serviceRequestIds = listParam(params, 'service_request_id');
  if (serviceRequestIds) return { serviceRequestIds };
  const serviceCodes = listParam(params, 'service_code');
  const statuses = statusList?.filter(isOpen311Status);
  return { ...range, ...(serviceCodes && { serviceCodes }), ...(statuses && { statuses }) };
}

/** GET servicerequestupdates (FixMyStreet): an optional date range. */
export function parseUpdatesQuery(params: RawParams): DateRange {
  const errors = new ErrorList();
  const range = dateRange(params, errors);
  errors.throwIfAny();
  return range;
}

/**
 * jurisdiction_id is only required of servers with several jurisdictions; ours has one, so it
 * may be left out, but a different one names a jurisdiction we do not serve (404, as the spec).
 */
export function checkJurisdiction(params: RawParams, jurisdictionId: string): void {
  const given = optionalParam(params, 'jurisdiction_id');
  if (given !== undefined && given !== jurisdictionId) {
    throw notFound311(text(`未找到辖区 jurisdiction_id "${given}"`, `jurisdiction_id "${given}" was not found`));
  }
}

/** POST needs api_key; whether it is valid is the auth layer's call (also a 403 when not). */
export function requireApiKey(params: RawParams): string {
  const key = optionalParam(params, 'api_key');
  if (key === undefined) throw forbidden311(text('缺少 api_key', 'api_key is required'));
  return key;
}
