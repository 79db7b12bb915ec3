import fc from 'fast-check';

/**
 * Inputs an attacker or a broken client sends: unusual Unicode, injection payloads, wrong types,
 * malformed and oversized bodies. Shared by the route fuzzer and the text round-trip property.
 */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '😀🚧🏗️',
  '👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שָׁלוֹם',
  '\ufeffBOM',
  '\u200b\u200c\u200d',
  '\u2028\u2029',
  '𠜎𠜱𠝹𠱓',
  '㊗️中文测试',
  "' OR 1=1 --",
  "'; drop table problems; --",
  '" or ""="',
  '1; select pg_sleep(5)',
  "admin'--",
  '%',
  '_',
  '\\',
  '%_\\%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent literally
  '${7*7}',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/dev/null',
  'CON',
  'file:///etc/passwd',
  '%00',
  '%2e%2e%2f',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9999999999999999999999',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
];

export const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => '长'.repeat(n)) },
);

/** Any JSON-ish value, with nasty strings and the occasional deep nesting. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'title', 'id')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

export const deepNesting = fc.integer({ min: 50, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));

/** Bodies that are not valid JSON at all, or are JSON but far too large or deep. */
export const rawBody = fc.oneof(
  fc.constantFrom(
    '{',
    '{"title":',
    '{"a":1,}',
    "{'a':1}",
    'null',
    '[]',
    '""',
    '0',
    'tru',
    '{"title":"x"}garbage',
    '\u0000',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"title":"\\ud800\\udc00x","description":"\\u0000"}',
  ),
  deepNesting,
  fc.integer({ min: 300_000, max: 600_000 }).map((n) => JSON.stringify({ title: 'x'.repeat(n) })),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Valid-looking bodies for the main write routes, which the fuzzer then breaks one field at a time. */
export function baseBodies(ids: {
  category: number;
  area: number;
  dept: number;
}): Record<string, Record<string, unknown>> {
  return {
    problem: {
      title: '路灯不亮',
      description: '和平社区三号楼前路灯坏了',
      categoryId: ids.category,
      areaId: ids.area,
      reporter: { name: '王', phone: '138' },
    },
    assign: { leadDepartmentId: ids.dept, coDepartmentIds: [], deadline: '2026-12-31' },
    progress: { text: '进展', percent: 50 },
    login: { username: 'admin', password: 'wrong-password' },
    reference: { code: 'fz', name: '模糊测试', nameEn: 'fuzz' },
    user: {
      username: 'fuzzer',
      displayName: '模糊',
      password: 'longenough1',
      role: 'department',
      departmentId: ids.dept,
    },
  };
}

/** Drops, adds or retypes one field of a valid body. */
export const mutate = (base: Record<string, unknown>) =>
  fc.oneof(
    fc.constant(base),
    fc.constantFrom(...Object.keys(base)).map((k) => {
      const c = { ...base };
      delete c[k];
      return c;
    }),
    fc.tuple(nastyString, anyValue).map(([k, v]) => ({ ...base, [k]: v })),
    fc.tuple(fc.constantFrom(...Object.keys(base)), anyValue).map(([k, v]) => ({ ...base, [k]: v })),
  );

export const pathValue = fc.oneof(
  nastyString,
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom('1', '2', '99999999999', '0x10', '1.5', '%00', '..%2F..%2Fetc'),
);
// Header values must be printable ASCII to be sent at all; anything else never reaches a server.
export const headerValue = fc.oneof(
  fc.constantFrom('', 'qdk_x', 't_x', 'Bearer x', 'a'.repeat(500), '../..', 'null'),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);
