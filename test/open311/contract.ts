/**
 * The contract every Open311 answer is held to in the API tests: JSON validates against the
 * vendored GeoReport v2 schemas (test/open311/schemas, see schema-contract.test.ts for why Ajv's
 * default mode takes them as they are), and XML is well-formed, has the spec's element names and
 * reads back as the same data as its JSON twin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { xmlShape, xmlToData } from './xml-data.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'schemas');
const load = (file: string): AnySchemaObject => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));

// Swagger 2.0 cannot say "nullable": its optional properties also allow null, as the schema files do.
function nullableOptionals(def: AnySchemaObject): AnySchemaObject {
  const required = new Set<string>(def.required ?? []);
  const properties = Object.fromEntries(
    Object.entries(def.properties as Record<string, AnySchemaObject>).map(([k, v]) => [
      k,
      required.has(k) ? v : { anyOf: [v, { type: 'null' }] },
    ]),
  );
  return { ...def, properties };
}

export const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of ['uid', 'uint', 'double']) ajv.addFormat(f, true);
for (const file of ['service.json', 'services.json', 'service-definition.json', 'request.json', 'requests.json'])
  ajv.addSchema(load(file), file);
const swagger = Object.fromEntries(
  Object.entries(load('swagger.json').definitions as Record<string, AnySchemaObject>).map(([name, def]) => [
    name,
    nullableOptionals(def),
  ]),
);
/** A validator for one Swagger definition (each carries all of them, so its $refs resolve). */
export const fromSwagger = (name: string) => ajv.compile({ ...swagger[name], definitions: swagger });
const arrayOf = (name: string) => ajv.compile({ type: 'array', items: { ...swagger[name] }, definitions: swagger });

// Documents without a schema file are held to the shape the spec (and FixMyStreet) gives them.
const errorsSchema = ajv.compile({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    additionalProperties: false,
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
});
const updatesSchema = ajv.compile({
  type: 'array',
  items: {
    type: 'object',
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'],
    properties: {
      update_id: { type: 'string' },
      service_request_id: { type: 'string' },
      status: {
        enum: [
          'OPEN',
          'INVESTIGATING',
          'ACTION_SCHEDULED',
          'IN_PROGRESS',
          'FIXED',
          'DUPLICATE',
          'NOT_COUNCILS_RESPONSIBILITY',
          'NO_FURTHER_ACTION',
          'INTERNAL_REFERRAL',
          'CLOSED',
          'REOPEN',
        ],
      },
      updated_datetime: { type: 'string', format: 'date-time' },
      description: { type: 'string' },
      media_url: { type: 'string' },
    },
  },
});
const discoverySchema = ajv.compile({
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string', format: 'date-time' },
    contact: { type: 'string' },
    key_service: { type: 'string' },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: { url: { type: 'string', format: 'uri' }, formats: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
});

export const VALIDATORS: Record<string, ValidateFunction> = {
  services: ajv.getSchema('services.json')!,
  service_definition: ajv.getSchema('service-definition.json')!,
  requests: ajv.getSchema('requests.json')!,
  post_response: arrayOf('RequestResponse'),
  token: arrayOf('TokenResponse'),
  errors: errorsSchema,
  updates: updatesSchema,
  discovery: discoverySchema,
};

/** The XML root element of each document kind. */
export const ROOTS: Record<string, string> = {
  services: 'services',
  service_definition: 'service_definition',
  requests: 'service_requests',
  post_response: 'service_requests',
  token: 'service_requests',
  errors: 'errors',
  updates: 'service_request_updates',
  discovery: 'discovery',
};

export function expectValid(kind: string, data: unknown): void {
  const validate = VALIDATORS[kind];
  expect(validate(data), `${kind}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 500)}`).toBe(
    true,
  );
}

/** The XML answer reads back as the JSON answer, under the spec's root element. */
export function expectXmlTwin(kind: string, xmlBody: string, json: unknown): void {
  expect(xmlToData(xmlBody)).toEqual({ root: ROOTS[kind], data: xmlShape(json) });
}

export const XML_TYPE = 'text/xml; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
