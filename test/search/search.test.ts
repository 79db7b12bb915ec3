import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { sql } from 'kysely';
import { fullTextFor } from '../../src/search/full-text.js';
import { problemsFeature } from '../../src/problems/problems.feature.js';
import { reindexAll } from '../../src/search/search.service.js';

const DIALECTS = await dialects();

type Item = { code: string; title: string; highlight?: Record<string, Array<{ text: string; match: boolean }>> };

describe.each(DIALECTS)('Chinese full-text search (%s)', (dialect) => {
  let t: TestApp;
  const codes: Record<string, string> = {};

  async function search(who: string | null, query: Record<string, string>): Promise<Item[]> {
    const res = await t.as(who, { method: 'GET', url: '/api/v1/problems', query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }
  const titles = (items: Item[]) => items.map((i) => i.title);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const c = t.ids.categories;
    const a = t.ids.areas;
    const corpus: Array<[string, string, string, Record<string, unknown>]> = [
      [
        'sewage',
        '新河村生活污水乱泼滥倒',
        '村里没有污水处理设施，生活污水直接排到沟渠里。',
        { categoryId: c.sewage, areaId: a['jz-jz-jn-xh'] },
      ],
      [
        'sewage2',
        '山口村排水沟堵塞',
        '下雨天排水沟堵塞，路面积水，村民出行不便；附近养殖场的废水也流进沟里。',
        { categoryId: c.sewage, areaId: a['jz-sz-wjc-sk'] },
      ],
      [
        'sewage3',
        '郝穴镇没有污水处理站',
        '镇上的污水处理站一直没有建成，生活污水排进了河里。',
        { categoryId: c.sewage, areaId: a['jz-jl-hx'] },
      ],
      [
        'bikes',
        '中山街道共享单车乱停乱放',
        '地铁口共享单车堆积，行人无法通行。',
        { categoryId: c['shared-bikes'], areaId: a['jz-ss-zs'] },
      ],
      [
        'wifi',
        '3号楼 WiFi 信号差',
        '和平社区3号楼公共WiFi经常断线。',
        { categoryId: c.approval, areaId: a['jz-ss-zs-hp'] },
      ],
      [
        'road',
        'G318国道沙市段路面破损',
        '国道G318沙市段坑洼很多，货车经过颠簸。',
        { categoryId: c.roads, areaId: a['jz-ss'] },
      ],
      [
        'private',
        '联合街道工厂夜间偷排废气',
        '化工企业夜里排放废气，污水也直接排到厂外。',
        { categoryId: c.odour, areaId: a['jz-kfq-lt'], isPublic: false },
      ],
    ];
    for (const [key, title, description, extra] of corpus) {
      const { code } = await reportProblem(t, {
        title,
        description,
        reporter: { name: '王小明', phone: '13812345678', email: 'wang@example.com' },
        ...extra,
      });
      codes[key] = code;
      // Accepted items are public (if their isPublic allows), so anonymous search can find them.
      expect((await act(t, 'shouli', code, 'accept')).statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds any two Chinese characters that occur in an item', async () => {
    expect(titles(await search('shouli', { q: '污水' }))).toEqual(
      expect.arrayContaining(['新河村生活污水乱泼滥倒', '郝穴镇没有污水处理站']),
    );
    expect(titles(await search('shouli', { q: '乱泼' }))).toEqual(['新河村生活污水乱泼滥倒']);
    expect(titles(await search('shouli', { q: '沟渠' }))).toEqual(['新河村生活污水乱泼滥倒']);
    expect(titles(await search('shouli', { q: '停车' }))).toEqual([]);
  });

  it('matches phrases and words apart, in any order', async () => {
    expect(titles(await search('shouli', { q: '乱停乱放' }))).toEqual(['中山街道共享单车乱停乱放']);
    expect(titles(await search('shouli', { q: '单车 地铁' }))).toEqual(['中山街道共享单车乱停乱放']);
    expect(titles(await search('shouli', { q: '共享单车 行人 堵塞' }))).toEqual([]);
  });

  it('handles mixed Chinese, Latin, digits and item codes', async () => {
    expect(titles(await search('shouli', { q: 'wifi' }))).toEqual(['3号楼 WiFi 信号差']);
    expect(titles(await search('shouli', { q: 'ＷｉＦｉ信号' }))).toEqual(['3号楼 WiFi 信号差']);
    expect(titles(await search('shouli', { q: 'G318' }))).toEqual(['G318国道沙市段路面破损']);
    expect(titles(await search('shouli', { q: '318 国道' }))).toEqual(['G318国道沙市段路面破损']);
    expect(titles(await search('shouli', { q: codes.bikes }))).toEqual(['中山街道共享单车乱停乱放']);
  });

  it("never matches on the reporter's personal data", async () => {
    for (const q of ['王小明', '小明', '13812345678', 'wang@example.com', 'example']) {
      expect(await search('shouli', { q }), q).toEqual([]);
      expect(await search(null, { q }), q).toEqual([]);
    }
  });

  it('ranks the best match first', async () => {
    // Title and contiguous phrase beat words scattered through a description.
    expect(titles(await search('shouli', { q: '污水处理' }))[0]).toBe('郝穴镇没有污水处理站');
    expect(titles(await search('shouli', { q: '排水沟堵塞' }))[0]).toBe('山口村排水沟堵塞');
  });

  it('agrees with every list filter and with visibility', async () => {
    const c = t.ids.categories;
    expect(
      titles(await search('shouli', { q: '污水', categoryId: String(c.sewage), areaId: String(t.ids.areas['jz-jl']) })),
    ).toEqual(['郝穴镇没有污水处理站']);
    expect(titles(await search('shouli', { q: '污水', categoryId: String(c.odour) }))).toEqual([
      '联合街道工厂夜间偷排废气',
    ]);
    expect(titles(await search('shouli', { q: '污水', status: 'submitted' }))).toEqual([]);
    expect(titles(await search('shouli', { q: '污水', sort: 'created_asc' }))).toEqual([
      '新河村生活污水乱泼滥倒',
      '郝穴镇没有污水处理站',
      '联合街道工厂夜间偷排废气',
    ]);
    // The private item is found by staff, never by the public.
    expect(titles(await search(null, { q: '废气' }))).toEqual([]);
    expect(titles(await search('shouli', { q: '废气' }))).toEqual(['联合街道工厂夜间偷排废气']);
    const count = await t.kernel.of(problemsFeature).problems.count(
      {
        kind: 'anonymous',
        id: null,
        name: '公众',
        role: 'public',
        departmentId: null,
        departmentScope: [],
        viaCookie: false,
      },
      { q: '污水' },
    );
    expect(count).toBe(2);
  });

  it('pages through relevance-ordered results', async () => {
    const all = titles(await search('shouli', { q: '污水' }));
    const first = await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { q: '污水', limit: '2' } });
    const second = await t.as('shouli', {
      method: 'GET',
      url: '/api/v1/problems',
      query: { q: '污水', limit: '2', cursor: first.json().nextCursor },
    });
    expect([...titles(first.json().items), ...titles(second.json().items)]).toEqual(all);
    expect(second.json().nextCursor).toBeNull();
  });

  it('marks the matched terms', async () => {
    const [item] = await search(null, { q: '乱泼' });
    expect(item.highlight?.title).toEqual([
      { text: '新河村生活污水', match: false },
      { text: '乱泼', match: true },
      { text: '滥倒', match: false },
    ]);
  });

  it('keeps search in step with writes: each write queues its item in its transaction, searches see it', async () => {
    await act(t, 'shouli', codes.bikes, 'assign', {
      leadDepartmentId: t.ids.departments.urban,
      measures: '压减投放总量，施划停放区',
    });
    expect(titles(await search('shouli', { q: '施划' }))).toEqual(['中山街道共享单车乱停乱放']);
    await act(t, 'chengguan', codes.bikes, 'sign');
    await act(t, 'chengguan', codes.bikes, 'progress', { text: '已清理堆积车辆八百余辆', percent: 40 });
    expect(titles(await search(null, { q: '八百' }))).toEqual(['中山街道共享单车乱停乱放']);
    // A create that fails before commit leaves nothing in the index.
    const actor = {
      kind: 'user' as const,
      id: t.ids.users.shouli,
      name: 'x',
      role: 'acceptance' as const,
      departmentId: null,
      departmentScope: [],
      viaCookie: false,
    };
    await expect(
      t.kernel
        .of(problemsFeature)
        .problems.create(actor, { title: '鹦鹉螺号潜艇', description: '独一无二的描述文字' }, async () => {
          throw new Error('abort');
        }),
    ).rejects.toThrow('abort');
    expect(await search('shouli', { q: '鹦鹉螺' })).toEqual([]);
  });

  it('rebuilds the whole index', async () => {
    await fullTextFor(t.kernel.dialect).clear(t.tdb.db);
    expect(await search('shouli', { q: '污水' })).toEqual([]);
    expect(await reindexAll(t.tdb.db, fullTextFor(t.kernel.dialect))).toBe(7);
    expect(titles(await search('shouli', { q: '乱泼' }))).toEqual(['新河村生活污水乱泼滥倒']);
  });

  it('empties and rebuilds without losing the index settings', async () => {
    // SQLite: clearing drops and recreates the FTS5 table (a 'delete-all' made later writes slow
    // down as the index grew), which resets its settings: writes must still never merge on commit.
    // PostgreSQL: a rebuild drops the GIN index while it writes and must build it again.
    const settings = async () =>
      dialect === 'sqlite'
        ? Object.fromEntries(
            (
              await sql<{
                k: string;
                v: number;
              }>`select k, v from problem_search_config where k in ('automerge', 'crisismerge', 'hashsize')`.execute(
                t.tdb.db,
              )
            ).rows.map((r) => [r.k, Number(r.v)]),
          )
        : {
            indexes: (
              await sql<{
                indexname: string;
              }>`select indexname from pg_indexes where tablename = 'problem_search' order by indexname`.execute(
                t.tdb.db,
              )
            ).rows.map((r) => r.indexname),
          };
    const expected =
      dialect === 'sqlite'
        ? { automerge: 0, crisismerge: 64 }
        : { indexes: ['problem_search_document_idx', 'problem_search_pkey'] };
    await fullTextFor(t.kernel.dialect).clear(t.tdb.db);
    expect(await settings()).toMatchObject(expected);
    await reindexAll(t.tdb.db, fullTextFor(t.kernel.dialect));
    expect(await settings()).toEqual(dialect === 'sqlite' ? { ...expected, hashsize: 1024 * 1024 } : expected);
    expect(titles(await search('shouli', { q: '乱泼' }))).toEqual(['新河村生活污水乱泼滥倒']);
  });
});
