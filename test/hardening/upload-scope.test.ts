import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { JPEG, multipart } from './uploads.js';

/** Finding 6 of issue #16 (first half): a unit may not add files to another unit's item. */
const DIALECTS = await dialects();

describe.each(DIALECTS)('uploads by those who may act on the item (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    code = (await reportProblem(t)).code;
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (who: string) =>
    t.as(who, { method: 'POST', url: `/api/v1/problems/${code}/attachments`, ...multipart('photo.jpg', JPEG) });

  it('refuses another unit and accepts the lead unit and the citywide offices', async () => {
    const other = await upload('jiaoyu');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
    expect((await upload('chengguan')).statusCode).toBe(201);
    expect((await upload('ducha')).statusCode).toBe(201);
  });
});
