import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchFeature } from '../../src/dispatch/dispatch.feature.js';
import { dispatchService } from '../../src/dispatch/dispatch.service.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { dialects } from '../helpers/test-db.js';

// The history here is tiny; a real city's model needs 200 items before it is used.
process.env.QINGDAN_DISPATCH_MIN_ITEMS = '10';
const DIALECTS = await dialects();

/** Triaged history: three kinds of complaint, each with its category and lead unit. */
const HISTORY: Array<[category: string, dept: string, texts: string[]]> = [
  [
    'street-lights',
    'urban',
    ['路灯不亮', '小区路灯坏了两周', '路灯晚上不亮很危险', '街边路灯一直闪', '路灯杆倒了', '巷子里没有路灯'],
  ],
  ['odour', 'eco', ['化工厂排放废气', '工厂异味刺鼻', '垃圾站臭气熏天', '废气熏得不敢开窗', '养殖场臭味', '河边异味']],
  [
    'school-places',
    'edu',
    ['孩子入学没有学位', '学校学位不足', '划片入学不合理', '入学手续太繁琐', '小区配套学校不开学', '学位紧张'],
  ],
];

describe.each(DIALECTS)('dispatch learned from history (%s)', (dialect) => {
  let t: TestApp;
  let lastCode = '';
  const suggest = (who: string | null, title: string) =>
    t.as(who, { method: 'POST', url: '/api/v1/dispatch/suggest', payload: { title } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const [category, dept, texts] of HISTORY) {
      for (const title of texts) {
        const { code } = await reportProblem(t, { title, description: title, categoryId: t.ids.categories[category] });
        expect((await act(t, 'shouli', code, 'accept')).statusCode).toBe(200);
        const assigned = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments[dept] });
        expect(assigned.statusCode, assigned.body).toBe(200);
      }
    }
    // An untriaged report is not a training signal.
    lastCode = (
      await reportProblem(t, {
        title: '学校没有学位',
        description: '孩子入学报不上名',
        categoryId: t.ids.categories.odour,
      })
    ).code;
  }, 120_000);
  afterAll(async () => t?.close());

  it('suggests nothing before training, and only to staff', async () => {
    expect((await suggest(null, '路灯不亮')).statusCode).toBe(401);
    const res = await suggest('shouli', '路灯不亮');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ categories: [], departments: [], trainedAt: null });
  });

  it('trains from the triaged items and ranks categories and lead units, top-3 with scores', async () => {
    expect((await t.as('shouli', { method: 'POST', url: '/api/v1/dispatch/train' })).statusCode).toBe(403);
    const trained = await t.as('admin', { method: 'POST', url: '/api/v1/dispatch/train' });
    expect(trained.statusCode, trained.body).toBe(200);
    const results: Array<{ target: string; items: number; labels: number }> = trained.json().models;
    expect(results.map((r) => [r.target, r.items, r.labels])).toEqual([
      ['category', 18, 3],
      ['department', 18, 3],
    ]);
    const body = (await suggest('shouli', '我家孩子今年入学，学校说学位已满')).json();
    expect(body.categories).toHaveLength(3);
    expect(body.categories[0].id).toBe(t.ids.categories['school-places']);
    expect(body.categories[0].score).toBeGreaterThan(body.categories[1].score);
    expect(body.departments[0]).toMatchObject({ id: t.ids.departments.edu, name: '市教育局' });
    expect(body.trainedAt).toBe(t.clock.now().toISOString());
    const item = await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${lastCode}/dispatch` });
    expect(item.statusCode, item.body).toBe(200);
    expect(item.json().categories[0].id).toBe(t.ids.categories['school-places']);
  });

  it('shares the stored model with another instance', async () => {
    const other = dispatchService(t.tdb.db, t.clock.now);
    expect(other.suggest('路灯坏了').category).toEqual([]);
    await other.reload();
    expect(other.suggest('路灯坏了').category[0].id).toBe(t.ids.categories['street-lights']);
    expect(other.suggest('路灯坏了')).toEqual(t.kernel.of(dispatchFeature).suggest('路灯坏了'));
  });
});

describe.each(DIALECTS)('dispatch below the minimum history (%s)', (dialect) => {
  it('stores a model of too few items but keeps suggesting nothing', async () => {
    const t = await createTestApp(dialect);
    try {
      for (const [category, title] of [
        ['street-lights', '路灯不亮'],
        ['odour', '工厂异味'],
      ]) {
        const { code } = await reportProblem(t, { title, description: title, categoryId: t.ids.categories[category] });
        await act(t, 'shouli', code, 'accept');
        await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
      }
      process.env.QINGDAN_DISPATCH_MIN_ITEMS = '3';
      const service = dispatchService(t.tdb.db, t.clock.now);
      expect((await service.train()).map((r) => r.items)).toEqual([2]);
      expect(service.suggest('路灯不亮').category).toEqual([]);
    } finally {
      process.env.QINGDAN_DISPATCH_MIN_ITEMS = '10';
      await t.close();
    }
  }, 60_000);
});
