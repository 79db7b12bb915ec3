import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

/** Reference names are cached for presenting items (a performance fix); a rename must still show at once. */
const DIALECTS = await dialects();

describe.each(DIALECTS)('cached reference names (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a renamed category, area and new tag on the next request', async () => {
    const { code } = await reportProblem(t);
    const item = async () => (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` })).json().problem;
    expect((await item()).category.name).toBe('路灯不亮');
    const cat = t.ids.categories['street-lights'];
    expect(
      (await t.as('admin', { method: 'PATCH', url: `/api/v1/categories/${cat}`, payload: { name: '路灯照明' } }))
        .statusCode,
    ).toBe(200);
    expect((await item()).category.name).toBe('路灯照明');
    await t.as('admin', { method: 'PATCH', url: `/api/v1/areas/${t.ids.areas['jz-ss']}`, payload: { name: '沙市' } });
    const list = await t.as('shouli', { method: 'GET', url: '/api/v1/problems?limit=5' });
    expect(list.json().items[0].area.name).toBe('沙市');
    const tag = await t.as('admin', { method: 'POST', url: '/api/v1/tags', payload: { code: 'night', name: '夜间' } });
    const created = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '夜间施工', description: '夜间施工噪音', tagIds: [tag.json().id] },
    });
    expect(created.json().problem.tags).toEqual([{ id: tag.json().id, name: '夜间', nameEn: null }]);
  });
});
