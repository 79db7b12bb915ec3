/**
 * The hall's, campaigns' and residents' own refusals carry their specific sentence in both
 * languages: Chinese by default, English when the request prefers it, never the code's generic
 * sentence in place of the specific one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { publishedMatter, registerBody, taxMatter } from '../hall/hall-fixtures.js';

const DIALECTS = await dialects();
const EN = { 'accept-language': 'en-US,en;q=0.9' };
const CJK = /[\u4e00-\u9fff]/;

describe.each(DIALECTS)('feature errors in the language asked for (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The same refused request by default and in English: its status, and both messages. */
  const both = async (who: string | null, url: string, payload: object, method: 'POST' | 'GET' = 'POST') => {
    const [zh, en] = await Promise.all(
      [{}, EN].map((headers) => t.as(who, { method, url, headers, ...(method === 'POST' && { payload }) })),
    );
    expect(en.statusCode).toBe(zh.statusCode);
    expect(en.json().error.code).toBe(zh.json().error.code);
    return { status: zh.statusCode, zh: zh.json().error.message as string, en: en.json().error.message as string };
  };

  it('the hall: a catalogue rule, an identity check and a missing case', async () => {
    const matter = await both('admin', '/api/v1/matters', taxMatter(t, 'TAX-LANG-1', { promisedDays: 30 }));
    expect(matter).toEqual({
      status: 400,
      zh: '承诺时限不能长于法定时限',
      en: 'promised days exceed the statutory days',
    });

    const { materials } = await publishedMatter(t, 'TAX-LANG-2');
    const body = registerBody('TAX-LANG-2', [materials[0].id]);
    const badId = await both('shouli', '/api/v1/applications', {
      ...body,
      applicant: { ...body.applicant, idNumber: '12345' },
    });
    expect(badId.status).toBe(400);
    expect(badId.zh).toBe('身份证号码应为18位，前17位为数字，末位为数字或X');
    expect(badId.en).toBe('a resident ID has 18 characters: 17 digits and a digit or X');

    const missing = await both('shouli', '/api/v1/applications/NO-SUCH-CASE', {}, 'GET');
    expect(missing).toEqual({ status: 404, zh: '未找到办件 NO-SUCH-CASE', en: 'case NO-SUCH-CASE was not found' });
  });

  it('campaigns: a deadline before the start', async () => {
    const r = await both('ducha', '/api/v1/campaigns', {
      name: '餐饮油烟专项整治',
      description: '城区餐饮油烟扰民专项整治',
      departmentId: t.ids.departments.urban,
      startDate: '2026-12-01',
      deadline: '2026-11-01',
    });
    expect(r.status).toBe(400);
    expect(r.zh).toBe('截止日期 2026-11-01 早于开始日期 2026-12-01');
    expect(r.en).toBe('the deadline 2026-11-01 is before the start 2026-12-01');
  });

  it('residents: a bad phone number', async () => {
    const phone = await both(null, '/api/v1/residents/code', { phone: '12345' });
    expect(phone).toEqual({ status: 400, zh: '手机号码格式不正确', en: 'not a valid mobile number' });
    expect(phone.en).not.toMatch(CJK);
  });
});
