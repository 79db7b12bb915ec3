import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('reference data (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });
  const admin = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: object) =>
    t.as('admin', { method, url, ...(payload && { payload }) });

  it('creates, reads, updates and deletes a category in the tree', async () => {
    const created = await admin('POST', '/api/v1/categories', {
      code: 'heating',
      name: '供暖',
      parentId: t.ids.categories.livelihood,
      defaultDepartmentId: t.ids.departments.housing,
      timeLimitTier: 'cross_department',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ code: 'heating', name: '供暖', keywords: '', sort: 0, nameEn: null });
    const patched = await admin('PATCH', `/api/v1/categories/${id}`, { nameEn: 'Heating', keywords: '暖气,供热' });
    expect(patched.json()).toMatchObject({
      nameEn: 'Heating',
      keywords: '暖气,供热',
      timeLimitTier: 'cross_department',
    });
    expect((await t.as(null, { method: 'GET', url: `/api/v1/categories/${id}` })).json().name).toBe('供暖');
    expect((await admin('DELETE', `/api/v1/categories/${id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/api/v1/categories/${id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await admin('POST', '/api/v1/tags', { code: 'livelihood', name: '民生2' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
  });

  it('refuses a parent that does not exist and a move under its own child', async () => {
    expect(
      (await admin('POST', '/api/v1/areas', { code: 'orphan', name: '孤儿', level: 'village', parentId: 99999 }))
        .statusCode,
    ).toBe(400);
    const res = await admin('PATCH', `/api/v1/areas/${t.ids.areas['jz-ss']}`, { parentId: t.ids.areas['jz-ss-zs-hp'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('parentId');
  });

  it('refuses to delete a department still in use, and changes nothing', async () => {
    const before = (await admin('GET', '/api/v1/departments')).json().items.length;
    const res = await admin('DELETE', `/api/v1/departments/${t.ids.departments.urban}`);
    expect(res.statusCode).toBe(409);
    expect((await admin('GET', '/api/v1/departments')).json().items.length).toBe(before);
  });

  it('refuses to delete a source that items use', async () => {
    await reportProblem(t);
    const web = (await admin('GET', '/api/v1/sources')).json().items.find((s: { code: string }) => s.code === 'web');
    expect((await admin('DELETE', `/api/v1/sources/${web.id}`)).statusCode).toBe(409);
  });

  it('validates the level of an area and unknown fields', async () => {
    expect((await admin('POST', '/api/v1/areas', { code: 'x1', name: '某地', level: 'planet' })).statusCode).toBe(400);
    expect((await admin('POST', '/api/v1/tags', { code: 'x2', name: '某标签', colour: 'red' })).statusCode).toBe(400);
  });
});
