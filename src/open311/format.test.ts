import { describe, expect, it } from 'vitest';
import { Open311Error } from './errors.js';
import { CONTENT_TYPES, parseFormat, render } from './format.js';

describe('format suffixes', () => {
  it('splits at the last dot, case-insensitively', () => {
    expect(parseFormat('services.xml')).toEqual({ name: 'services', format: 'xml' });
    expect(parseFormat('JZ-2026-000001.json')).toEqual({ name: 'JZ-2026-000001', format: 'json' });
    expect(parseFormat('a.b.JSON')).toEqual({ name: 'a.b', format: 'json' });
  });

  it.each(['services', 'services.html', '.json', 'services.', ''])('refuses "%s" with a 400', (segment) => {
    expect(() => parseFormat(segment)).toThrow(Open311Error);
    try {
      parseFormat(segment);
    } catch (err) {
      expect((err as Open311Error).status).toBe(400);
    }
  });

  it('renders a document with its content type', () => {
    const errors = [{ code: 404, description: 'no such request' }];
    expect(render('json', { kind: 'errors', data: errors })).toEqual({ contentType: CONTENT_TYPES.json, body: JSON.stringify(errors) });
    const xml = render('xml', { kind: 'errors', data: errors });
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toContain('<errors><error><code>404</code><description>no such request</description></error></errors>');
  });
});
