import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  errorsXml,
  postResponseXml,
  serviceDefinitionXml,
  servicesXml,
  updatesXml,
  writeXml,
  XML_DECLARATION,
} from './xml.js';
import { parseXml, XmlParseError, type XmlElement } from '../../test/open311/xml-parse.js';
import { xmlShape, xmlToData } from '../../test/open311/xml-data.js';

const child = (el: XmlElement, name: string) =>
  el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });
  it('replaces characters XML 1.0 forbids and keeps CR as a reference', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg',
    );
    expect(escapeXml('tab\tlf\ncr\r')).toBe('tab\tlf\ncr&#xD;');
  });
  it('keeps Chinese text, emoji (surrogate pairs) and U+007F-U+009F', () => {
    expect(escapeXml('占道经营 🚧 \u0085')).toBe('占道经营 🚧 \u0085');
  });
});

describe('writeXml', () => {
  it('writes the declaration, nulls as empty elements and lists with the spec item names', () => {
    const xml = postResponseXml([
      { service_request_id: 'JZ-2026-000001', token: null, service_notice: '3个工作日内处理', account_id: null },
    ]);
    expect(xml).toBe(
      `${XML_DECLARATION}\n<service_requests><request><service_request_id>JZ-2026-000001</service_request_id>` +
        '<token/><service_notice>3个工作日内处理</service_notice><account_id/></request></service_requests>\n',
    );
  });
  it('nests service definition attributes and values as the spec does', () => {
    const xml = serviceDefinitionXml({
      service_code: 'road',
      attributes: [
        {
          variable: true,
          code: 'SIZE',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 1,
          description: '坑有多大？',
          values: [
            { key: 's', name: '小' },
            { key: 'l', name: '大' },
          ],
        },
      ],
    });
    const root = parseXml(xml);
    expect(root.name).toBe('service_definition');
    const attribute = child(child(root, 'attributes')!, 'attribute')!;
    const values = child(attribute, 'values')!;
    expect(values.children.map((v) => (v as XmlElement).name)).toEqual(['value', 'value']);
    expect(child(child(values, 'value')!, 'key')!.children).toEqual(['s']);
  });
  it('uses the spec roots for services, errors and FixMyStreet updates', () => {
    expect(parseXml(servicesXml([])).name).toBe('services');
    const errors = parseXml(errorsXml([{ code: 400, description: 'x < y' }]));
    expect(errors.name).toBe('errors');
    expect(xmlToData(errorsXml([{ code: 400, description: 'x < y' }])).data).toEqual([
      { code: '400', description: 'x < y' },
    ]);
    const updates = xmlToData(
      updatesXml([
        {
          update_id: '7',
          service_request_id: 'JZ-1',
          status: 'FIXED',
          updated_datetime: '2026-11-29T08:00:00+08:00',
          description: '',
          media_url: '',
          external_status_code: 'rectified',
        },
      ]),
    );
    expect(updates.root).toBe('service_request_updates');
    expect(parseXml(updatesXml([{} as never])).children.map((c) => (c as XmlElement).name)).toEqual(['request_update']);
  });
  it('refuses lists without an item name, bad element names and non-finite numbers', () => {
    expect(() => writeXml('things', [])).toThrow(/item element name/);
    expect(() => writeXml('doc', { 'bad name': 1 })).toThrow(/element name/);
    expect(() => writeXml('doc', { n: NaN })).toThrow(/non-finite/);
  });
  it('round-trips hostile text through the parser', () => {
    const nasty = `<script>alert("x")</script> & ]]> 'q' \r\n 第二行 😀`;
    const xml = writeXml('errors', [{ code: 400, description: nasty }]);
    expect(xmlToData(xml).data).toEqual(xmlShape([{ code: 400, description: nasty }]));
  });
});

describe('parseXml', () => {
  it('reads attributes, entities, CDATA and comments', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        `<!-- c --><a x="1 &amp; 2" y='&#x4E2D;'><![CDATA[<raw>]]>&lt;&#20013;<b/></a>`,
    );
    expect(root.attributes).toEqual({ x: '1 & 2', y: '中' });
    expect(root.children[0]).toBe('<raw><中');
    expect((root.children[1] as XmlElement).name).toBe('b');
  });
  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['unclosed root', '<a>'],
    ['two roots', '<a/><b/>'],
    ['text after root', '<a/>x'],
    ['bare ampersand', '<a>fish & chips</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['lt in attribute', '<a x="<"/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['forbidden control character', '<a>\u0001</a>'],
    ['forbidden character reference', '<a>&#1;</a>'],
    [']]> in text', '<a>]]></a>'],
    ['doctype', '<!DOCTYPE a><a/>'],
    ['late declaration', '<a/><?xml version="1.0"?>'],
  ])('rejects %s', (_label, source) => {
    expect(() => parseXml(source)).toThrow(XmlParseError);
  });
});
