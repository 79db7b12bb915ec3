import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBounded } from '../../src/problems/problem-list.repository.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loadHistory } from '../helpers/bulk-history.js';
import { dialects } from '../helpers/test-db.js';

const DIALECTS = await dialects();
/** More public matches than one search window (1,000), as 小区 had 1,845 in a real city's list. */
const PUBLIC = 1150;
const PRIVATE = 40;

describe.each(DIALECTS)('list totals and search past one window (%s)', (dialect) => {
  let t: TestApp;
  const list = async (who: string | null, query: Record<string, string>) => {
    const res = await t.as(who, { method: 'GET', url: '/api/v1/problems', query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: Array<{ code: string }>;
      nextCursor: string | null;
      total: number;
      totalExact: boolean;
    };
  };
  /** Every code the list reaches, page by page. */
  const all = async (who: string | null, query: Record<string, string>) => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(who, { ...query, limit: '100', ...(cursor ? { cursor } : {}) });
      codes.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
    } while (cursor);
    return codes;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { id: source } = await t.tdb.db.selectFrom('sources').select('id').executeTakeFirstOrThrow();
    const rows = Array.from({ length: PUBLIC + PRIVATE }, (_, i) => ({
      code: `TOT-${String(i + 1).padStart(5, '0')}`,
      title: `第${i}号楼小区${i % 3 ? '路灯不亮' : '垃圾未清运'}`,
      description: `小区内${i % 7 ? '夜间' : '白天'}问题持续，编号 ${i}`,
      source_id: source,
      urgency: 'normal',
      is_public: i < PUBLIC ? 1 : 0,
      anonymous: 1,
      status: 'assigned',
      progress_percent: 0,
      redo_count: 0,
      report_count: 1,
      created_at: `2026-10-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      updated_at: '2026-10-01T00:00:00.000Z',
    }));
    await loadHistory(t, rows);
  }, 240_000);
  afterAll(async () => t?.close());

  it('a search answers its total and reaches every match, past the first ranked window', async () => {
    const first = await list(null, { q: '小区', limit: '20' });
    expect(first).toMatchObject({ total: PUBLIC, totalExact: true });
    const codes = await all(null, { q: '小区' });
    expect(codes).toHaveLength(PUBLIC);
    expect(new Set(codes).size).toBe(PUBLIC);
    // Staff see the private ones too; a date sort of a text query covers every match as well.
    expect(await list('shouli', { q: '小区', limit: '5' })).toMatchObject({ total: PUBLIC + PRIVATE });
    const sorted = await all('shouli', { q: '小区', sort: 'created_desc' });
    expect(new Set(sorted).size).toBe(PUBLIC + PRIVATE);
    // A narrower query's total is its own.
    expect((await list(null, { q: '垃圾', limit: '1' })).total).toBe(Math.ceil(PUBLIC / 3));
  }, 240_000);

  it('the unsearched lists carry totals, public and staff, and counting stops at the bound', async () => {
    const pub = await list(null, { limit: '1' });
    const staff = await list('shouli', { limit: '1' });
    expect(pub.totalExact).toBe(true);
    expect(staff.total - pub.total).toBeGreaterThanOrEqual(PRIVATE);
    const bounded = await countBounded(t.tdb.db, {}, { kind: 'all' }, 1000);
    expect(bounded).toEqual({ total: 1000, totalExact: false });
    // A later page carries the same total.
    const next = await list(null, { limit: '1', cursor: pub.nextCursor! });
    expect(next.total).toBe(pub.total);
  });

  it("Open311 answers the spec's 1,000 requests and says how many there are in all", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/requests.json',
      query: { start_date: '2026-09-20T00:00:00Z', end_date: '2026-10-10T00:00:00Z' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveLength(1000);
    expect(res.headers['x-total-count']).toBe(String(PUBLIC));
    expect(res.headers['x-total-exact']).toBe('true');
  });
});
