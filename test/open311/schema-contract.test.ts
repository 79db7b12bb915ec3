/**
 * Contract: every JSON document the Open311 presenters build validates against the vendored
 * GeoReport v2 schemas (test/open311/schemas), and its XML twin reads back as the same data.
 *
 * The schemas are draft-04 in style but carry no `$schema` and use no draft-04-only keyword
 * (no boolean exclusiveMaximum, no `id`), so Ajv 8's default draft-07 mode validates them as they
 * are: nothing is stripped or rewritten. `strict: false` only silences Ajv's style warnings about
 * `properties` without `type: object`. The Swagger file's definitions cover the POST and token
 * answers that have no schema file; Swagger 2.0 cannot say "nullable", so its optional
 * properties are widened to also allow null, as the schema files do for every optional field.
 */
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { render, type Open311Document } from '../../src/open311/format.js';
import {
  presentDiscovery,
  presentErrors,
  presentPostResponse,
  presentRequest,
  presentService,
  presentServiceDefinition,
  presentTokenLookup,
  presentUpdates,
} from '../../src/open311/presenters.js';
import { Open311Error, text } from '../../src/open311/errors.js';
import { xmlShape, xmlToData } from './xml-data.js';
import { CATEGORIES, EVENTS, PROBLEMS, QUESTIONS } from './fixtures.js';
import { ajv, fromSwagger } from './contract.js';

const validators: Record<string, ValidateFunction> = {
  services: ajv.getSchema('services.json')!,
  service: ajv.getSchema('service.json')!,
  service_definition: ajv.getSchema('service-definition.json')!,
  requests: ajv.getSchema('requests.json')!,
  request: ajv.getSchema('request.json')!,
  swaggerService: fromSwagger('Service'),
  swaggerDefinition: fromSwagger('ServiceDefinition'),
  swaggerRequest: fromSwagger('Request'),
  post_response: fromSwagger('RequestResponse'),
  token: fromSwagger('TokenResponse'),
};

function expectValid(name: string, data: unknown): void {
  const validate = validators[name];
  const ok = validate(data);
  expect(ok, `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

const OPTS = { timeZone: 'Asia/Shanghai' };
const services = CATEGORIES.map((c) => presentService(c));
const definition = presentServiceDefinition('bikes', QUESTIONS);
const requests = PROBLEMS.map((p) => presentRequest(p, { ...OPTS, serviceNotice: '我们将在 5 个工作日内答复' }));
const requestsEn = PROBLEMS.map((p) => presentRequest(p, { ...OPTS, lang: 'en' }));

describe('JSON documents validate against the GeoReport v2 schemas', () => {
  it('services (GET /services)', () => {
    expectValid('services', services);
    for (const s of services) expectValid('swaggerService', s);
  });

  it('service definition (GET /services/{code})', () => {
    expectValid('service_definition', definition);
    expectValid('swaggerDefinition', definition);
    expectValid('service_definition', presentServiceDefinition('empty', []));
  });

  it('requests in every state, in both languages (GET /requests)', () => {
    expectValid('requests', requests);
    expectValid('requests', requestsEn);
    for (const r of requests) {
      expectValid('request', r);
      expectValid('swaggerRequest', r);
    }
  });

  it('POST response and token lookup (Swagger definitions)', () => {
    for (const item of presentPostResponse('JZ-2026-000011', { serviceNotice: '已收到' }))
      expectValid('post_response', item);
    for (const item of presentTokenLookup('tok-1', 'JZ-2026-000011')) expectValid('token', item);
  });

  it('is not vacuous: broken documents are refused', () => {
    expect(validators.request({ ...requests[0], status: 'pending' })).toBe(false);
    expect(validators.request({ ...requests[0], requested_datetime: '2026-11-29 09:02' })).toBe(false);
    expect(validators.request({ ...requests[0], description: 'x'.repeat(4001) })).toBe(false);
    expect(validators.requests([{ ...requests[0], service_code: undefined }])).toBe(false);
    expect(validators.service_definition({ service_code: 'x', attributes: [{ code: 'A', datatype: 'date' }] })).toBe(
      false,
    );
  });
});

describe('XML twins read back as the same data', () => {
  const err = new Open311Error(400, [
    text('缺少 service_code', 'service_code is required'),
    text('位置 <无效>', 'bad & location'),
  ]);
  const documents: [string, Open311Document][] = [
    [
      'discovery',
      {
        kind: 'discovery',
        data: presentDiscovery({
          changeset: '2026-11-29T00:00:00+08:00',
          contact: '12345 政务服务便民热线',
          keyService: '向管理员申请 api_key',
          endpoints: [
            {
              url: 'https://qingdan.example.cn/open311/v2',
              changeset: '2026-11-29T00:00:00+08:00',
              type: 'production',
            },
          ],
        }),
      },
    ],
    ['services', { kind: 'services', data: services }],
    ['service_definition', { kind: 'service_definition', data: definition }],
    ['service_requests', { kind: 'requests', data: requests }],
    ['service_requests', { kind: 'post_response', data: presentPostResponse('JZ-2026-000011') }],
    ['service_requests', { kind: 'token', data: presentTokenLookup('tok-1', 'JZ-2026-000011') }],
    ['errors', { kind: 'errors', data: presentErrors(err) }],
    ['service_request_updates', { kind: 'updates', data: presentUpdates(EVENTS, OPTS) }],
  ];

  it.each(documents)('%s', (root, doc) => {
    const xml = render('xml', doc);
    const json = render('json', doc);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(xmlToData(xml.body)).toEqual({ root, data: xmlShape(JSON.parse(json.body)) });
  });

  it('keeps the spec element names for nested lists', () => {
    const body = render('xml', { kind: 'service_definition', data: definition }).body;
    expect(body).toContain('<attributes><attribute><variable>true</variable><code>BLOCKING</code>');
    expect(body).toContain('<values><value><key>yes</key><name>是</name></value>');
    expect(render('xml', { kind: 'updates', data: presentUpdates(EVENTS, OPTS) }).body).toContain(
      '<service_request_updates><request_update><update_id>1</update_id>',
    );
  });
});
