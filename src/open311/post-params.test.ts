import { describe, expect, it } from 'vitest';
import { validateAttributes } from './attributes.js';
import { Open311Error } from './errors.js';
import { extractAttributes, MAX_DESCRIPTION_LENGTH, parsePostRequest } from './post-params.js';
import type { AttributeDefinition } from './types.js';

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof Open311Error && err.status === 400) return err.items('en').map((e) => e.description);
    throw err;
  }
  throw new Error('expected a 400 Open311Error');
}

const DEFS: AttributeDefinition[] = [
  { code: 'NOTE', datatype: 'text', required: false, variable: false, description: '请拍照' },
  { code: 'WEIGHT', datatype: 'number', required: true, order: 2 },
  {
    code: 'SIZE',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    values: [
      { key: 's', name: '小' },
      { key: 'l', name: '大' },
    ],
  },
  {
    code: 'COLORS',
    datatype: 'multivaluelist',
    required: false,
    order: 3,
    values: [
      { key: 'red', name: '红' },
      { key: 'blue', name: '蓝' },
    ],
  },
  { code: 'SEEN', datatype: 'datetime', required: false, order: 4 },
  { code: 'WHERE', datatype: 'string', required: false, order: 5 },
];

describe('extractAttributes', () => {
  it('reads flat attribute[CODE] and attribute[CODE][] keys, repeated or not, and nested objects', () => {
    expect(
      extractAttributes({
        'attribute[WEIGHT]': '3',
        'attribute[COLORS][]': ['red', 'blue'],
        'attribute[EMPTY]': '',
        attribute: { SIZE: 's' },
        'attributes[X]': 'ignored',
        service_code: 'road',
      }),
    ).toEqual({ WEIGHT: ['3'], COLORS: ['red', 'blue'], SIZE: ['s'] });
  });
});

describe('validateAttributes', () => {
  it('types valid answers and returns them in display order', () => {
    expect(
      validateAttributes(
        {
          WEIGHT: ['2.5'],
          SIZE: ['l'],
          COLORS: ['blue', 'red', 'blue'],
          SEEN: ['2026-11-29T08:00:00+08:00'],
          WHERE: ['北门'],
          NOTE: ['x'],
        },
        DEFS,
      ),
    ).toEqual([
      { code: 'SIZE', datatype: 'singlevaluelist', value: 'l' },
      { code: 'WEIGHT', datatype: 'number', value: 2.5 },
      { code: 'COLORS', datatype: 'multivaluelist', value: ['blue', 'red'] },
      { code: 'SEEN', datatype: 'datetime', value: '2026-11-29T00:00:00.000Z' },
      { code: 'WHERE', datatype: 'string', value: '北门' },
    ]);
  });

  it('lists every problem: missing, unknown, wrong type, not a key, several values', () => {
    expect(
      errorsOf(() =>
        validateAttributes(
          { WEIGHT: ['heavy'], COLORS: ['green'], SEEN: ['2026-11-29'], WHERE: ['a', 'b'], BOGUS: ['1'] },
          DEFS,
        ),
      ),
    ).toEqual([
      'unknown attribute[BOGUS] for this service',
      'attribute[SIZE] is required',
      'attribute[WEIGHT]: must be a number, got "heavy"',
      'attribute[COLORS]: not among the allowed keys: "green"',
      'attribute[SEEN]: must be an ISO 8601 date-time with a time zone, got "2026-11-29"',
      'attribute[WHERE]: takes a single value',
    ]);
  });
});

describe('parsePostRequest', () => {
  const base = { api_key: 'k', service_code: 'road', description: '路面塌陷' };

  it('accepts each of the three location forms', () => {
    expect(parsePostRequest({ ...base, lat: '30.33', long: '112.24' }).location).toEqual({
      kind: 'point',
      lat: 30.33,
      long: 112.24,
    });
    expect(parsePostRequest({ ...base, address_string: '沙市区北京路1号' }).location).toEqual({
      kind: 'address',
      address: '沙市区北京路1号',
    });
    expect(parsePostRequest({ ...base, address_id: '421002', lat: '', long: '' }).location).toEqual({
      kind: 'address_id',
      addressId: '421002',
    });
  });

  it('keeps reporter contact apart and drops empty fields', () => {
    const input = parsePostRequest({
      ...base,
      address_string: 'x',
      email: 'a@example.cn',
      first_name: '三',
      last_name: '张',
      phone: '',
      media_url: 'https://img.example.cn/1.jpg',
    });
    expect(input).toEqual({
      serviceCode: 'road',
      location: { kind: 'address', address: 'x' },
      description: '路面塌陷',
      mediaUrl: 'https://img.example.cn/1.jpg',
      email: 'a@example.cn',
      firstName: '三',
      lastName: '张',
      attributes: {},
    });
  });

  it('requires exactly one location', () => {
    expect(errorsOf(() => parsePostRequest(base))).toEqual([
      'give exactly one location: lat and long, address_string, or address_id',
    ]);
    expect(errorsOf(() => parsePostRequest({ ...base, lat: '30', long: '112', address_string: 'x' }))).toEqual([
      'give exactly one location: lat and long, address_string, or address_id',
    ]);
    expect(errorsOf(() => parsePostRequest({ ...base, lat: '30' }))).toEqual(['lat and long must be given together']);
    expect(errorsOf(() => parsePostRequest({ ...base, lat: '91', long: 'east' }))).toEqual([
      'lat must be a WGS84 coordinate between -90 and 90, got "91"',
      'long must be a WGS84 coordinate between -180 and 180, got "east"',
    ]);
  });

  it('limits the description to 4000 characters, counting code points', () => {
    const emoji = '😀'.repeat(MAX_DESCRIPTION_LENGTH); // 8000 UTF-16 units, 4000 characters
    expect(parsePostRequest({ ...base, description: emoji, address_id: '1' }).description).toBe(emoji);
    expect(errorsOf(() => parsePostRequest({ ...base, description: `${emoji}!`, address_id: '1' }))).toEqual([
      'description must be at most 4000 characters',
    ]);
  });

  it('collects field and attribute errors in one list when given definitions', () => {
    expect(
      errorsOf(() =>
        parsePostRequest({ service_code: '', media_url: 'javascript:alert(1)', 'attribute[WEIGHT]': 'x' }, DEFS),
      ),
    ).toEqual([
      'service_code is required',
      'give exactly one location: lat and long, address_string, or address_id',
      'media_url must be an http(s) URL',
      'attribute[SIZE] is required',
      'attribute[WEIGHT]: must be a number, got "x"',
    ]);
    const ok = parsePostRequest({ ...base, address_id: '1', 'attribute[SIZE]': 's', 'attribute[WEIGHT]': '1' }, DEFS);
    expect(ok.answers).toEqual([
      { code: 'SIZE', datatype: 'singlevaluelist', value: 's' },
      { code: 'WEIGHT', datatype: 'number', value: 1 },
    ]);
  });
});
