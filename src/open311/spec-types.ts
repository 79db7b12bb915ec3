/**
 * The JSON documents of GeoReport v2 (wiki.open311.org/GeoReport_v2) plus FixMyStreet's
 * servicerequestupdates extension, exactly as they go on the wire: snake_case, the spec's
 * element names. Optional fields are `null` rather than absent because the spec's own JSON
 * examples do so and the vendored schemas allow it; XML writes them as empty elements.
 */
import type { FmsStatus, Open311Status } from './status-map.js';

/** request.json: description maxLength 4000 (JSON Schema counts code points, so do we). */
export const MAX_DESCRIPTION_LENGTH = 4000;

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
export const DATATYPES: readonly Open311Datatype[] = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
];

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

export interface Open311AttributeValue {
  key: string;
  name: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string | null;
  /** Only on list datatypes. */
  values?: Open311AttributeValue[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311Request {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** One item of the POST /requests answer (a realtime service returns the id, never a token). */
export interface Open311PostResponseItem {
  service_request_id: string | null;
  token: string | null;
  service_notice: string | null;
  account_id: string | null;
}

/** One item of GET /tokens/{token}. */
export interface Open311TokenItem {
  service_request_id: string | null;
  token: string;
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** FixMyStreet's GET servicerequestupdates item (mySociety's Open311 extension). */
export interface Open311Update {
  update_id: string;
  service_request_id: string;
  status: FmsStatus;
  updated_datetime: string;
  description: string;
  /** FixMyStreet expects the element even when empty. */
  media_url: string;
  /** The Qingdan state after the event, for FixMyStreet's response templates. */
  external_status_code: string;
}

export interface Open311DiscoveryEndpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Open311DiscoveryEndpoint[];
}
