/**
 * The plain domain objects the Open311 presenters and validators accept. They are deliberately
 * small and camelCase so the integration (problems service, reference data) adapts its rows to
 * them in one place, and so no field we must never publish (reporter name, phone, e-mail,
 * tracking token, staff names) can reach the wire by accident: presenters copy named fields only.
 */
import type { Action, State } from '../lifecycle/lifecycle.js';
import type { Open311Datatype } from './spec-types.js';

/** Which language names and messages are given in; Chinese first, English when asked. */
export type Lang = 'zh' | 'en';

/** A category as an Open311 service. */
export interface Open311CategoryInput {
  code: string;
  name: string;
  nameEn?: string | null;
  /** Parent category, shown as the service `group`. */
  parent?: { name: string; nameEn?: string | null } | null;
  /** Free text or a list; split on commas (ASCII and full-width), 、 ; and line breaks. */
  keywords?: string | readonly string[] | null;
  description?: string | null;
  /** The category has questions (attribute definitions): `metadata` true. */
  hasQuestions: boolean;
}

export interface AttributeValueInput {
  key: string;
  name: string;
}

/** A question asked when reporting in a category (an Open311 service attribute). */
export interface AttributeDefinition {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  /** false: informational text only, no answer expected. Defaults to true. */
  variable?: boolean;
  /** 1 shows first; missing orders go last, in input order. */
  order?: number | null;
  /** The prompt shown to the reporter. */
  description?: string | null;
  datatypeDescription?: string | null;
  /** Allowed answers of singlevaluelist / multivaluelist. */
  values?: readonly AttributeValueInput[];
}

/** The public view of a problem, as GET /requests shows it. */
export interface Open311ProblemInput {
  code: string;
  status: State;
  category: { code: string; name: string; nameEn?: string | null } | null;
  description: string;
  /** The latest public explanation (rejection reason, merge target, progress text …). */
  latestPublicNote?: string | null;
  leadDepartment?: { name: string; nameEn?: string | null } | null;
  /** 'YYYY-MM-DD' (end of that day, local time) or an ISO-8601 instant. */
  deadline?: string | null;
  /** ISO-8601 UTC instants, as stored. */
  createdAt: string;
  updatedAt: string;
  address?: string | null;
  /** Qingdan's addressing system is its area tree: the area code is the Open311 address_id. */
  area?: { code: string; name: string; nameEn?: string | null } | null;
  lat?: number | null;
  lng?: number | null;
  /** Absolute URL of the first public photo. */
  mediaUrl?: string | null;
  /** Per-item notice; falls back to the presenter option `serviceNotice`. */
  serviceNotice?: string | null;
}

/** One lifecycle event on the FixMyStreet updates feed. */
export interface Open311EventInput {
  id: number | string;
  problemCode: string;
  action: Action;
  fromState: State | null;
  /** null when the action does not change the state (progress, note). */
  toState: State | null;
  /** Public text of the event: reason, note, progress report, evidence … */
  text?: string | null;
  createdAt: string;
  isPublic: boolean;
  mediaUrl?: string | null;
}

export interface Open311DiscoveryInput {
  changeset: string;
  contact: string;
  keyService: string;
  endpoints: { url: string; changeset: string; type: 'production' | 'test' }[];
}

/** Options every presenter takes. */
export interface PresentOptions {
  /** IANA zone for the offsets written on date-times (config.timezone, e.g. Asia/Shanghai). */
  timeZone: string;
  lang?: Lang;
  /** Jurisdiction-wide default for `service_notice`. */
  serviceNotice?: string | null;
}
