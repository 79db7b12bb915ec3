import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { toErrorBody } from '../../src/http/error-handler.js';

/**
 * Issue #16, finding 11: an administrator's request naming a department, parent or category that
 * does not exist reached the database's foreign key and answered 500. Such a request is the
 * client's mistake: 400 in the project's error format, and nothing stored.
 */
const DIALECTS = await dialects();
const MISSING = 987_654;

describe.each(DIALECTS)('unknown referenced ids (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const CASES: Array<[string, string, string, (t: TestApp) => Record<string, unknown>]> = [
    [
      'a user',
      'POST',
      '/api/v1/users',
      () => ({
        username: 'ghost',
        displayName: '幽灵',
        password: 'a-long-password-1',
        role: 'department',
        departmentId: MISSING,
      }),
    ],
    ['an API key', 'POST', '/api/v1/api-keys', () => ({ name: '幽灵', role: 'department', departmentId: MISSING })],
    ['a department', 'POST', '/api/v1/departments', () => ({ code: 'ghost', name: '幽灵局', parentId: MISSING })],
    ['an area', 'POST', '/api/v1/areas', () => ({ code: 'ghost', name: '幽灵区', parentId: MISSING })],
    [
      'a category',
      'POST',
      '/api/v1/categories',
      () => ({
        code: 'ghost',
        name: '幽灵类',
        defaultDepartmentId: MISSING,
      }),
    ],
    ['a category (patch)', 'PATCH', '/api/v1/categories/:category', () => ({ defaultDepartmentId: MISSING })],
    ['a user (patch)', 'PATCH', '/api/v1/users/:user', () => ({ departmentId: MISSING })],
  ];

  it.each(CASES)('creating or changing %s with an unknown id answers 400', async (_what, method, url, body) => {
    const target = url
      .replace(':category', String(t.ids.categories['street-lights']))
      .replace(':user', String(t.ids.users.chengguan));
    const res = await t.as('admin', { method: method as 'POST', url: target, payload: body(t) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toMatch(/^(bad_request|validation_failed)$/);
    expect(JSON.stringify(res.json())).not.toMatch(/FOREIGN|constraint|violates/i);
  });

  it('any foreign-key violation the services do not foresee is still a 400 at the edge', async () => {
    const err = await t.tdb.db
      .insertInto('api_keys')
      .values({
        name: 'fk',
        prefix: 'qdk_fk0000',
        key_hash: 'x',
        role: 'department',
        department_id: MISSING,
        created_by: null,
        created_at: new Date().toISOString(),
        revoked_at: null,
        last_used_at: null,
      })
      .execute()
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(err).toBeInstanceOf(Error);
    expect(toErrorBody(err!)).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });
});
