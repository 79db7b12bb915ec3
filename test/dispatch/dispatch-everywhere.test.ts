/**
 * Dispatch suggestions beyond the inbox (issue #14 part 4): staff re-categorise during triage
 * (audited, and the model learns from it), imports suggest a category for rows without one,
 * Open311 posts get the learned suggestion on their internal timeline, and the categories'
 * routing keywords are never published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { dialects } from '../helpers/test-db.js';
import { createClientKey, post } from '../open311/helpers.js';
import { upload } from '../sheets/sheet-files.js';

// The history here is tiny; a real city's model needs 200 items before it is used.
process.env.QINGDAN_DISPATCH_MIN_ITEMS = '10';
const DIALECTS = await dialects();

const HISTORY: Array<[category: string, texts: string[]]> = [
  [
    'street-lights',
    ['路灯不亮', '小区路灯坏了两周', '路灯晚上不亮很危险', '街边路灯一直闪', '路灯杆倒了', '巷子里没有路灯'],
  ],
  ['odour', ['化工厂排放废气', '工厂异味刺鼻', '垃圾站臭气熏天', '废气熏得不敢开窗', '养殖场臭味', '河边异味']],
];

describe.each(DIALECTS)('dispatch suggestions everywhere (%s)', (dialect) => {
  let t: TestApp;
  const timeline = async (who: string | null, code: string) =>
    (await t.as(who, { method: 'GET', url: `/api/v1/problems/${code}/timeline` })).json().items as Array<{
      action: string;
      payload: Record<string, unknown> | null;
      isPublic: boolean;
    }>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const [category, texts] of HISTORY)
      for (const title of texts) {
        const { code } = await reportProblem(t, { title, description: title, categoryId: t.ids.categories[category] });
        const res = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
        expect(res.statusCode, res.body).toBe(200);
      }
    const trained = await t.as('admin', { method: 'POST', url: '/api/v1/dispatch/train', payload: {} });
    expect(trained.statusCode, trained.body).toBe(200);
  }, 180_000);
  afterAll(async () => t?.close());

  it('re-categorises during triage: audited on the timeline, refused for an unknown category', async () => {
    const { code } = await reportProblem(t, { title: '工厂夜里排放废气', description: '异味很重' });
    const bad = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.eco, categoryId: 99999 });
    expect(bad.statusCode).toBe(400);
    const res = await act(t, 'shouli', code, 'assign', {
      leadDepartmentId: t.ids.departments.eco,
      categoryId: t.ids.categories.odour,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problem.category.id).toBe(t.ids.categories.odour);
    const assign = (await timeline('shouli', code)).find((e) => e.action === 'assign')!;
    expect(assign.payload).toMatchObject({ categoryId: t.ids.categories.odour, categoryName: expect.any(String) });
    expect(assign.payload!.previousCategoryId).not.toBe(t.ids.categories.odour);
    expect(assign.payload!.previousCategoryName).toEqual(expect.any(String));
    // The public timeline keeps the internal audit fields out.
    const pub = (await timeline(null, code)).find((e) => e.action === 'assign')!;
    expect(pub.payload?.previousCategoryId).toBeUndefined();
    // The stored category is what the next training learns from.
    const row = await t.tdb.db.selectFrom('problems').select('category_id').where('code', '=', code).executeTakeFirst();
    expect(row?.category_id).toBe(t.ids.categories.odour);
  });

  it('suggests a category for imported rows without one, and applies it when asked', async () => {
    const csv = Buffer.from('问题标题,问题描述\r\n路灯坏了不亮,晚上路灯一直不亮\r\n');
    const dry = (await upload(t, 'shouli', 'hist.csv', csv, { mode: 'dry_run' })).json();
    const hint = dry.issues.find((i: { field: string | null }) => i.field === 'category');
    expect(hint, JSON.stringify(dry.issues)).toMatchObject({ severity: 'warning', value: '路灯不亮' });
    const real = await upload(t, 'shouli', 'hist2.csv', csv, { mode: 'strict', suggestCategories: 'true' });
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json().totals.created).toBe(1);
    const row = await t.tdb.db
      .selectFrom('problems')
      .select('category_id')
      .where('title', '=', '路灯坏了不亮')
      .executeTakeFirstOrThrow();
    expect(row.category_id).toBe(t.ids.categories['street-lights']);
  });

  it('records the learned suggestion on an Open311 post, for staff only', async () => {
    const apiKey = await createClientKey(t, 'dispatch client');
    const res = await post(t, {
      jurisdiction_id: 'jingzhou.gov.cn',
      api_key: apiKey,
      service_code: 'odour',
      address_string: '沙市区北京中路 88 号',
      description: '小区路灯晚上不亮',
    });
    expect(res.statusCode, res.body).toBe(200);
    const code = res.json()[0].service_request_id as string;
    const hint = (await timeline('shouli', code)).find((e) => e.action === 'dispatch_suggested');
    expect(hint).toMatchObject({ isPublic: false });
    expect((hint!.payload!.suggestedCategories as string[])[0]).toBe('路灯不亮');
  });

  it('never publishes the categories’ routing keywords', async () => {
    const pub = (await t.as(null, { method: 'GET', url: '/api/v1/categories' })).json().items;
    expect(pub.every((c: { keywords: string }) => c.keywords === '')).toBe(true);
    const staff = (await t.as('admin', { method: 'GET', url: '/api/v1/categories' })).json().items;
    expect(staff.some((c: { keywords: string }) => c.keywords !== '')).toBe(true);
    const services = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json();
    expect(services.every((s: { keywords: string | null }) => s.keywords === null)).toBe(true);
  });
});
