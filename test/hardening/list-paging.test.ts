import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bulkSeed } from '../../src/bulk/bulk-seed.js';
import { PUBLIC_STATES } from '../../src/lifecycle/lifecycle.js';

/**
 * Keyset paging returns exactly the filtered list in order, whichever plan serves a page (SQLite
 * walks the sort index for common filters and uses a filter's index for rare ones; see
 * problem-list.repository.ts), for every sort, rare and common filters, public and staff.
 */
const DIALECTS = await dialects();

describe.each(DIALECTS)('list paging at volume (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // More than 4 × the planner's sample, so both of its plans (walk and seek) serve pages here.
    await bulkSeed(t.tdb.db, t.kernel.dialect, t.config, {
      count: 6000,
      batchSize: 2000,
      worker: false,
      now: t.clock.now(),
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const cases: Array<[string, string | null]> = [
    ['', null],
    ['status=closed', null],
    ['urgency=emergency', null],
    ['sourceId=3', 'shouli'],
    ['categoryId=1', null],
    ['areaId=2&categoryId=7', 'shouli'],
    ['status=submitted,merged', 'shouli'],
    ['from=2026-06-01&to=2026-07-31', null],
    ['sort=updated_desc&urgency=urgent', 'shouli'],
    ['sort=deadline_asc', 'shouli'],
    ['sort=deadline_asc&status=in_progress', null],
    ['sort=created_asc&areaId=3', null],
    ['departmentId=4', 'jiaoyu'],
    ['overdue=true', 'ducha'],
  ];

  it.each(cases)('pages through "%s" (as %s) without gaps, repeats or disorder', async (query, who) => {
    const all = await t.as(who, { method: 'GET', url: `/api/v1/problems?${query}&limit=100` });
    expect(all.statusCode, all.body).toBe(200);
    const codes: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 400; page++) {
      const res = await t.as(who, {
        method: 'GET',
        url: `/api/v1/problems?${query}&limit=37${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      codes.push(...res.json().items.map((p: { code: string }) => p.code));
      cursor = res.json().nextCursor;
      if (!cursor) break;
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.slice(0, all.json().items.length)).toEqual(all.json().items.map((p: { code: string }) => p.code));
    // The same set as a direct count of what this caller may see with this filter.
    const expected = await countVisible(t, query, who);
    if (expected !== null) expect(codes.length).toBe(expected);
  });

  async function countVisible(t: TestApp, query: string, who: string | null): Promise<number | null> {
    const q = new URLSearchParams(query);
    let sel = t.tdb.db.selectFrom('problems').select((eb) => eb.fn.countAll<number>().as('n'));
    if (!who) sel = sel.where('is_public', '=', 1).where('status', 'in', PUBLIC_STATES);
    else if (who !== 'shouli') return null; // department and supervisor scopes are checked elsewhere
    if (q.get('status')) sel = sel.where('status', 'in', q.get('status')!.split(','));
    if (q.get('urgency')) sel = sel.where('urgency', '=', q.get('urgency')!);
    if (q.get('sourceId')) sel = sel.where('source_id', '=', Number(q.get('sourceId')));
    // Subtrees: compared by order only.
    if (q.get('categoryId') || q.get('areaId') || q.get('departmentId') || q.get('overdue')) return null;
    if (q.get('from'))
      sel = sel.where('created_at', '>=', q.get('from')!).where('created_at', '<', `${q.get('to')}T99`);
    return Number((await sel.executeTakeFirstOrThrow()).n);
  }
});
