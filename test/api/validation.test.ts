import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

async function counts(t: TestApp) {
  const n = async (table: 'problems' | 'events' | 'idempotency_keys' | 'problem_departments') =>
    Number(
      (
        await t.tdb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    problems: await n('problems'),
    events: await n('events'),
    keys: await n('idempotency_keys'),
    co: await n('problem_departments'),
  };
}

describe.each(DIALECTS)('API input handling (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { maxBodyBytes: 64 * 1024, publicSubmitPerMinute: 1000 });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.as(null, { method: 'POST', url: '/api/v1/problems', payload: payload as object, headers });

  it('rejects invalid fields with 400, names the field, and stores nothing', async () => {
    const before = await counts(t);
    for (const body of [
      {},
      { title: 'x', description: '描述足够长' },
      { title: '标题', description: '描述', urgency: 'whenever' },
      { title: '标题', description: '描述', lat: 91 },
      { title: '标题', description: '描述', extra: 1 },
      { title: '标题', description: '描述', categoryId: 99999 },
      { title: '标题', description: '描述', reporter: { email: 'not-an-email' } },
    ]) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toBeTruthy();
    }
    expect(await counts(t)).toEqual(before);
  });

  it('answers malformed JSON with 400 and the error format', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": "abc",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('answers an oversize body with 413', async () => {
    const res = await post({ title: '标题', description: '长'.repeat(40_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('answers unknown codes and routes with 404', async () => {
    for (const url of [
      '/api/v1/problems/JZ-2026-999999',
      '/api/v1/problems/%27%20or%201%3D1',
      '/api/v1/nothing-here',
      '/api/v1/areas/424242',
    ]) {
      const res = await t.as('admin', { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const res = await act(t, 'shouli', 'JZ-2026-999999', 'accept');
    expect(res.statusCode).toBe(404);
  });

  it('creates one item for a retried submission with the same Idempotency-Key', async () => {
    const before = await counts(t);
    const body = { title: '重复提交测试', description: '网络不好，点了两次提交' };
    const first = await post(body, { 'idempotency-key': 'abc-123' });
    const second = await post(body, { 'idempotency-key': 'abc-123' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect((await counts(t)).problems).toBe(before.problems + 1);
    const other = await post({ ...body, title: '另一个问题' }, { 'idempotency-key': 'abc-123' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_conflict');
  });

  it('leaves the database unchanged when an action fails half-way', async () => {
    const { code } = await reportProblem(t);
    const before = await counts(t);
    // The co-department is checked after the lead department: a failure there must undo everything.
    const res = await act(t, 'shouli', code, 'assign', {
      leadDepartmentId: t.ids.departments.urban,
      coDepartmentIds: [987654],
    });
    expect(res.statusCode).toBe(400);
    expect(await counts(t)).toEqual(before);
    const item = await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` });
    expect(item.json().problem.status).toBe('submitted');
  });

  it('answers 409 with the allowed actions for an action the state does not allow', async () => {
    const { code } = await reportProblem(t);
    await act(t, 'shouli', code, 'reject', { reason: '重复反映' });
    const res = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'invalid_transition',
      details: { state: 'rejected', allowed: ['note'] },
    });
  });

  it('rate-limits public submissions with 429', async () => {
    const limited = await createTestApp(dialect, { publicSubmitPerMinute: 2 });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push(
          (
            await limited.as(null, {
              method: 'POST',
              url: '/api/v1/problems',
              payload: { title: '限流测试', description: '第几次提交' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});
