/**
 * Category extra questions as a Qingdan feature: administrators define them, everyone reads
 * them, the native report form is checked against them, and answers live with the item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { DEMO_QUESTIONS } from '../../src/demo/demo-open311.js';

const DIALECTS = await dialects();
const EN = { 'accept-language': 'en' };

describe.each(DIALECTS)('category questions (%s)', (dialect) => {
  let t: TestApp;
  let roads: number;
  const url = (id: number) => `/api/v1/categories/${id}/questions`;
  const count = async () =>
    Number(
      (
        await t.tdb.db
          .selectFrom('problems')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const report = (body: Record<string, unknown>, who: string | null = null) =>
    t.as(who, {
      method: 'POST',
      url: '/api/v1/problems',
      // The messages checked below are the English ones; Chinese is the default.
      headers: EN,
      payload: {
        title: '路面坑洼',
        description: '江津路路面有坑',
        categoryId: roads,
        areaId: t.ids.areas['jz-ss'],
        ...body,
      },
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    roads = t.ids.categories.roads;
  });
  afterAll(async () => {
    await t.close();
  });

  it("lets administrators replace a category's questions and everyone read them", async () => {
    expect((await t.as(null, { method: 'GET', url: url(roads) })).json()).toEqual({ categoryId: roads, items: [] });
    const put = await t.as('admin', { method: 'PUT', url: url(roads), payload: { items: DEMO_QUESTIONS.roads } });
    expect(put.statusCode, put.body).toBe(200);
    const read = (await t.as(null, { method: 'GET', url: url(roads) })).json();
    expect(
      read.items.map((q: { code: string; order: number; required: boolean }) => [q.code, q.order, q.required]),
    ).toEqual([
      ['severity', 1, true],
      ['area_m2', 2, false],
      ['hazards', 3, false],
    ]);
    expect(read.items[0].options[2]).toEqual({
      key: 'collapse',
      name: '塌陷（危险）',
      nameEn: 'Collapse (dangerous)',
      label: '塌陷（危险）',
    });
    expect(read.items[1]).toMatchObject({ label: '破损面积（平方米）', help: '估计即可', options: [] });
  });

  it('keeps writing to administrators and checks the set', async () => {
    const body = { items: DEMO_QUESTIONS.roads };
    expect((await t.as(null, { method: 'PUT', url: url(roads), payload: body })).statusCode).toBe(401);
    expect((await t.as('shouli', { method: 'PUT', url: url(roads), payload: body })).statusCode).toBe(403);
    expect((await t.as('admin', { method: 'PUT', url: url(999_999), payload: body })).statusCode).toBe(404);
    expect((await t.as(null, { method: 'GET', url: url(999_999) })).statusCode).toBe(404);
    const bad = async (items: unknown[]) => {
      const res = await t.as('admin', { method: 'PUT', url: url(roads), payload: { items }, headers: EN });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error;
    };
    const q = { code: 'x', label: '问题', datatype: 'string' };
    expect((await bad([q, q])).message).toContain('used twice');
    expect((await bad([{ ...q, datatype: 'singlevaluelist' }])).message).toContain('needs options');
    expect((await bad([{ ...q, options: [{ key: 'a', name: 'A' }] }])).message).toContain('takes no options');
    expect(
      (
        await bad([
          {
            ...q,
            datatype: 'multivaluelist',
            options: [
              { key: 'a', name: 'A' },
              { key: 'a', name: 'B' },
            ],
          },
        ])
      ).message,
    ).toContain('"a" is used twice');
    expect((await bad([{ ...q, datatype: 'date' }])).code).toBe('validation_failed');
    expect((await bad([{ ...q, code: '灯杆编号' }])).code).toBe('validation_failed');
    // Nothing of the refused sets was kept.
    expect((await t.as(null, { method: 'GET', url: url(roads) })).json().items).toHaveLength(3);
  });

  it('stores valid answers with the item and shows them in words', async () => {
    const res = await report({ answers: { severity: 'collapse', area_m2: 4, hazards: ['dark', 'water'] } });
    expect(res.statusCode, res.body).toBe(201);
    const expected = [
      { code: 'severity', label: '破损程度', value: 'collapse', display: '塌陷（危险）' },
      { code: 'area_m2', label: '破损面积（平方米）', value: 4, display: '4' },
      { code: 'hazards', label: '伴随隐患', value: ['dark', 'water'], display: '夜间无照明、积水' },
    ];
    expect(res.json().problem.answers).toEqual(expected);
    const code = res.json().problem.code;
    expect((await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` })).json().problem.answers).toEqual(
      expected,
    );
    const list = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems?categoryId=${roads}` })).json();
    expect(list.items.find((p: { code: string }) => p.code === code).answers).toEqual(expected);
    // Rewording the question later does not rewrite what was reported.
    const reworded = DEMO_QUESTIONS.roads.map((q) => (q.code === 'severity' ? { ...q, label: '损坏等级' } : q));
    await t.as('admin', { method: 'PUT', url: url(roads), payload: { items: reworded } });
    expect(
      (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` })).json().problem.answers[0].label,
    ).toBe('破损程度');
    await t.as('admin', { method: 'PUT', url: url(roads), payload: { items: DEMO_QUESTIONS.roads } });
  });

  it.each([
    ['a missing required answer', {}, 'answers.severity is required'],
    [
      'a value outside the list',
      { answers: { severity: 'volcano' } },
      'answers.severity: not among the allowed keys: "volcano"',
    ],
    [
      'a list value outside the list',
      { answers: { severity: 'crack', hazards: ['water', 'lava'] } },
      'answers.hazards: not among the allowed keys: "lava"',
    ],
    [
      'a number that is not one',
      { answers: { severity: 'crack', area_m2: 'lots' } },
      'answers.area_m2: must be a number, got "lots"',
    ],
    ['an unknown question', { answers: { severity: 'crack', colour: 'red' } }, 'unknown answers.colour'],
    [
      'two values for a single answer',
      { answers: { severity: ['crack', 'pothole'] } },
      'answers.severity: takes a single value',
    ],
    ['answers without a category', { categoryId: null, answers: { severity: 'crack' } }, 'unknown answers.severity'],
  ])('refuses %s with a clear error and stores nothing', async (_name, body, message) => {
    const before = await count();
    const res = await report(body);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(message);
    expect(error.details[0]).toMatchObject({
      field: expect.stringMatching(/^answers\./),
      messageZh: expect.any(String),
    });
    expect(await count()).toBe(before);
  });

  it('lets staff leave required answers out (a hotline call), but still checks what they give', async () => {
    expect((await report({}, 'shouli')).statusCode).toBe(201);
    expect((await report({ answers: { severity: 'volcano' } }, 'shouli')).statusCode).toBe(400);
  });

  it('asks nothing of categories without questions', async () => {
    const res = await report({ categoryId: t.ids.categories.fraud });
    expect(res.statusCode).toBe(201);
    expect(res.json().problem.answers).toEqual([]);
  });
});
