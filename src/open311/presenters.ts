/**
 * Plain domain objects → the spec's JSON documents. Each presenter names every field it writes,
 * so nothing else on its input (reporter contact, tracking token, staff names) can leak onto a
 * public API. The XML twin of each document comes from the same object (xml.ts).
 */
import { sortDefinitions } from './attributes.js';
import { formatDateTime, formatDeadline } from './datetime.js';
import type { Open311Error } from './errors.js';
import { DISCOVERY_FORMATS } from './format.js';
import { fmsStatusForEvent, open311Status, stateAfter } from './status-map.js';
import { MAX_DESCRIPTION_LENGTH } from './spec-types.js';
import type {
  Open311Attribute,
  Open311Discovery,
  Open311ErrorItem,
  Open311PostResponseItem,
  Open311Request,
  Open311Service,
  Open311ServiceDefinition,
  Open311TokenItem,
  Open311Update,
} from './spec-types.js';
import type {
  AttributeDefinition,
  Lang,
  Open311CategoryInput,
  Open311DiscoveryInput,
  Open311EventInput,
  Open311ProblemInput,
  PresentOptions,
} from './types.js';

export const SPECIFICATION_URL = 'http://wiki.open311.org/GeoReport_v2';

/** Items without a category still need a service_code (required by request.json). */
export const UNCATEGORISED = { code: 'uncategorised', name: '未分类', nameEn: 'Uncategorised' } as const;

const named = (o: { name: string; nameEn?: string | null }, lang: Lang = 'zh') =>
  lang === 'en' && o.nameEn ? o.nameEn : o.name;

const blankToNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);

/** Keywords as the spec wants them: one comma-separated string. */
function keywordsOf(raw: Open311CategoryInput['keywords']): string | null {
  const parts = typeof raw === 'string' ? raw.split(/[,，、;；\n]/) : [...(raw ?? [])];
  const words = [...new Set(parts.map((w) => w.trim()).filter((w) => w !== ''))];
  return words.length > 0 ? words.join(',') : null;
}

export function presentService(c: Open311CategoryInput, lang: Lang = 'zh'): Open311Service {
  return {
    service_code: c.code,
    service_name: named(c, lang),
    description: blankToNull(c.description),
    metadata: c.hasQuestions,
    // Qingdan creates the item inside the POST and answers with its code.
    type: 'realtime',
    keywords: keywordsOf(c.keywords),
    group: c.parent ? named(c.parent, lang) : null,
  };
}

const LIST_TYPES = new Set(['singlevaluelist', 'multivaluelist']);

export function presentServiceDefinition(
  serviceCode: string,
  questions: readonly AttributeDefinition[],
): Open311ServiceDefinition {
  // Orders are renumbered 1..n after sorting: clients sort by them, gaps and ties help no one.
  const attributes = sortDefinitions(questions).map(
    (q, i): Open311Attribute => ({
      variable: q.variable ?? true,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: blankToNull(q.datatypeDescription),
      order: i + 1,
      description: blankToNull(q.description),
      ...(LIST_TYPES.has(q.datatype) && { values: (q.values ?? []).map((v) => ({ key: v.key, name: v.name })) }),
    }),
  );
  return { service_code: serviceCode, attributes };
}

/** Cuts to the schema's limit on a code-point boundary (never half a surrogate pair). */
function clip(s: string, max: number): string {
  const points = [...s];
  return points.length <= max ? s : `${points.slice(0, max - 1).join('')}…`;
}

export function presentRequest(p: Open311ProblemInput, opts: PresentOptions): Open311Request {
  const lang = opts.lang ?? 'zh';
  const category = p.category ?? UNCATEGORISED;
  const point = typeof p.lat === 'number' && typeof p.lng === 'number';
  return {
    service_request_id: p.code,
    status: open311Status(p.status),
    status_notes: blankToNull(p.latestPublicNote),
    service_name: named(category, lang),
    service_code: category.code,
    description: blankToNull(clip(p.description, MAX_DESCRIPTION_LENGTH)),
    agency_responsible: p.leadDepartment ? named(p.leadDepartment, lang) : null,
    service_notice: blankToNull(p.serviceNotice ?? opts.serviceNotice),
    requested_datetime: formatDateTime(p.createdAt, opts.timeZone),
    updated_datetime: formatDateTime(p.updatedAt, opts.timeZone),
    expected_datetime: p.deadline ? formatDeadline(p.deadline, opts.timeZone) : null,
    address: blankToNull(p.address) ?? (p.area ? named(p.area, lang) : null),
    address_id: p.area?.code ?? null,
    zipcode: null,
    lat: point ? p.lat! : null,
    long: point ? p.lng! : null,
    media_url: blankToNull(p.mediaUrl),
  };
}

/** The public events of a problem as FixMyStreet updates; non-public events never pass. */
export function presentUpdates(events: readonly Open311EventInput[], opts: PresentOptions): Open311Update[] {
  return events
    .filter((e) => e.isPublic)
    .map((e) => ({
      update_id: String(e.id),
      service_request_id: e.problemCode,
      status: fmsStatusForEvent(e),
      updated_datetime: formatDateTime(e.createdAt, opts.timeZone),
      description: e.text ?? '',
      media_url: e.mediaUrl ?? '',
      external_status_code: stateAfter(e),
    }));
}

/** POST /requests answer: realtime, so the id at once and never a token. */
export function presentPostResponse(
  code: string,
  opts: { serviceNotice?: string | null; accountId?: string | null; token?: string | null } = {},
): Open311PostResponseItem[] {
  return [
    {
      service_request_id: code,
      token: blankToNull(opts.token),
      service_notice: blankToNull(opts.serviceNotice),
      account_id: blankToNull(opts.accountId),
    },
  ];
}

export function presentTokenLookup(token: string, code: string | null): Open311TokenItem[] {
  return [{ service_request_id: code, token }];
}

export function presentErrors(err: Open311Error, lang: Lang = 'zh'): Open311ErrorItem[] {
  return err.items(lang);
}

export function presentDiscovery(d: Open311DiscoveryInput): Open311Discovery {
  return {
    changeset: d.changeset,
    contact: d.contact,
    key_service: d.keyService,
    endpoints: d.endpoints.map((e) => ({
      specification: SPECIFICATION_URL,
      url: e.url,
      changeset: e.changeset,
      type: e.type,
      formats: [...DISCOVERY_FORMATS],
    })),
  };
}
