import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { badRequest, Open311Error, text } from './errors.js';
import { CONTENT_TYPES, formatOfPath, parseFormat, render, renderError } from './format.js';
import { parseXml } from '../../test/open311/xml-parse.js';

describe('format suffixes', () => {
  it('splits at the last dot, case-insensitively', () => {
    expect(parseFormat('services.xml')).toEqual({ name: 'services', format: 'xml' });
    expect(parseFormat('JZ-2026-000001.json')).toEqual({ name: 'JZ-2026-000001', format: 'json' });
    expect(parseFormat('a.b.JSON')).toEqual({ name: 'a.b', format: 'json' });
  });

  it.each(['services', 'services.html', '.json', 'services.', ''])('refuses "%s" with a 400', (segment) => {
    let caught: unknown;
    try {
      parseFormat(segment);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Open311Error);
    expect((caught as Open311Error).status).toBe(400);
    expect((caught as Open311Error).items('en')[0].description).toMatch(/must end in \.xml or \.json/);
  });

  it('guesses the error format from a raw path, XML by default', () => {
    expect(formatOfPath('/open311/v2/requests.json?service_code=a.xml')).toBe('json');
    expect(formatOfPath('/open311/v2/requests/JZ-1.XML')).toBe('xml');
    expect(formatOfPath('/open311/v2/requests.html')).toBe('xml');
    expect(formatOfPath('/open311/v2/services')).toBe('xml');
  });
});

describe('render', () => {
  it('writes JSON as the bare array or object, without the XML root as wrapper', () => {
    const errors = [{ code: 404, description: 'no such request' }];
    expect(render('json', { kind: 'errors', data: errors })).toEqual({
      contentType: CONTENT_TYPES.json,
      body: JSON.stringify(errors),
    });
    const def = { service_code: 'a', attributes: [] };
    expect(JSON.parse(render('json', { kind: 'service_definition', data: def }).body)).toEqual(def);
  });

  it('writes XML with the root of each kind', () => {
    const roots = {
      services: 'services',
      requests: 'service_requests',
      post_response: 'service_requests',
      token: 'service_requests',
      errors: 'errors',
      updates: 'service_request_updates',
    } as const;
    for (const [kind, root] of Object.entries(roots)) {
      const out = render('xml', { kind, data: [] } as never);
      expect(out.contentType).toBe('text/xml; charset=utf-8');
      expect(parseXml(out.body).name).toBe(root);
    }
    expect(
      parseXml(render('xml', { kind: 'service_definition', data: { service_code: 'a', attributes: [] } }).body).name,
    ).toBe('service_definition');
  });

  it('renders any thrown value as an Open311 error answer', () => {
    const e = renderError(
      badRequest([text('缺少 service_code', 'service_code is required'), text('缺少位置', 'location missing')]),
      'json',
      'en',
    );
    expect(e).toEqual({
      status: 400,
      contentType: CONTENT_TYPES.json,
      body: JSON.stringify([
        { code: 400, description: 'service_code is required' },
        { code: 400, description: 'location missing' },
      ]),
    });
    const xml = renderError(new AppError('forbidden', 'api key revoked'), 'xml', 'en');
    expect(xml.status).toBe(403);
    expect(xml.body).toContain(
      '<errors><error><code>403</code><description>api key revoked</description></error></errors>',
    );
    // A Chinese reader is not handed an English-only sentence: the code's own Chinese one stands in.
    expect(renderError(new AppError('forbidden', 'api key revoked')).body).toContain(
      '<description>没有权限执行此操作</description>',
    );
    expect(renderError(new TypeError('x is undefined')).status).toBe(500);
  });
});
