import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database.js';
import { buildApp } from '../../src/app.js';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, act, type TestApp } from '../helpers/test-app.js';
import { fullTextFor } from '../../src/search/full-text.js';
import { reindexAll, searchIds } from '../../src/search/search.service.js';
import { createSearchIndexer } from '../../src/search/search-indexer.js';
import { enqueueForIndex, queueLength } from '../../src/search/search-queue.js';
import { searchFeature } from '../../src/search/search.feature.js';
import type { Db } from '../../src/db/database.js';
import { problemsFeature } from '../../src/problems/problems.feature.js';

const DIALECTS = await dialects();

/** What the index alone answers, without the read-your-writes catch-up of the list endpoint. */
const indexed = (db: Db, q: string) => searchIds(db, fullText, q, { publicOnly: false });
let fullText: ReturnType<typeof fullTextFor>;

describe.each(DIALECTS)('search queue and indexer (%s)', (dialect) => {
  let t: TestApp;
  const titles = async (who: string | null, q: string) => {
    const res = await t.as(who, { method: 'GET', url: '/api/v1/problems', query: { q } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ title: string }>).map((i) => i.title);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    fullText = fullTextFor(t.kernel.dialect);
    // The test drives the indexer by hand: no debounced or periodic runs, flushes still work.
    await t.kernel.of(searchFeature).indexer.stop();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('queues a write in its transaction and indexes it in a later batch', async () => {
    const db = t.tdb.db;
    const { code } = await reportProblem(t, { title: '菱角湖公园喷泉停水', description: '喷泉停了一个月' });
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban, measures: '更换水泵' });
    // Two writes, one queue row; the index does not have it until the indexer runs.
    expect(await queueLength(db)).toBe(1);
    expect(await indexed(db, '菱角')).toEqual([]);
    expect(await t.kernel.of(searchFeature).indexer.flush()).toBe(1);
    expect(await queueLength(db)).toBe(0);
    expect(await indexed(db, '水泵')).toHaveLength(1);
  });

  it('queues nothing for a write that rolls back', async () => {
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
        .problems.create(actor, { title: '鹦鹉螺号潜艇', description: '独一无二' }, async () => {
          throw new Error('abort');
        }),
    ).rejects.toThrow('abort');
    expect(await queueLength(t.tdb.db)).toBe(0);
  });

  it('answers searches and duplicate checks with the writes made just before them', async () => {
    const { code } = await reportProblem(t, { title: '沙隆达广场噪音扰民', description: '广场舞音响声音太大' });
    expect(await queueLength(t.tdb.db)).toBe(1);
    expect(await titles('shouli', '沙隆达')).toEqual(['沙隆达广场噪音扰民']);
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban, measures: '限定音量和时段' });
    const dup = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/duplicates/check',
      payload: { title: '沙隆达广场跳舞噪音', description: '音响声音太大' },
    });
    expect(dup.statusCode, dup.body).toBe(200);
    expect(dup.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect(await titles('shouli', '时段')).toEqual(['沙隆达广场噪音扰民']);
  });

  it('indexes what a crash left queued when the next server starts', async () => {
    const { code } = await reportProblem(t, { title: '荆州古城墙砖块脱落', description: '东门附近城墙砖块脱落' });
    const id = (await t.tdb.db.selectFrom('problems').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;
    // As if the process died after commit, before its indexer ran: a queue row, nothing indexed.
    await t.kernel.of(searchFeature).indexer.flush();
    await fullText.delete(t.tdb.db, [id]);
    await enqueueForIndex(t.tdb.db, [id]);
    const { db } = createDb({ databaseUrl: t.tdb.databaseUrl, dataDir: t.tdb.dataDir, sqliteFile: t.tdb.sqliteFile });
    const app = await buildApp(t.config, { db, logger: false });
    try {
      await app.ready();
      expect(await queueLength(db)).toBe(0);
      expect(await indexed(db, '城墙')).toEqual([id]);
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it('indexes each queued item exactly once with several indexers on one database', async () => {
    const db = t.tdb.db;
    const ids = (await t.tdb.db.selectFrom('problems').select('id').execute()).map((r) => r.id);
    await enqueueForIndex(db, ids);
    // PostgreSQL: separate pools, as separate servers would have. SQLite serialises writers on its
    // file lock (two handles in one synchronous process would only wait on each other).
    const other = dialect === 'postgres' ? createDb({ databaseUrl: t.tdb.databaseUrl, dataDir: t.tdb.dataDir }).db : db;
    try {
      const a = createSearchIndexer(db, t.kernel.dialect, { batch: 1 });
      const b = createSearchIndexer(other, t.kernel.dialect, { batch: 1 });
      const [na, nb] = await Promise.all([a.flush(), b.flush()]);
      expect(na + nb).toBe(ids.length);
      expect(await queueLength(db)).toBe(0);
    } finally {
      if (other !== db) await other.destroy();
    }
  });

  it('rebuilds to the same answers as incremental indexing', async () => {
    const db = t.tdb.db;
    for (const [title, description] of [
      ['江津路下水道堵塞', '雨后下水道冒水'],
      ['江津路路灯不亮', '三盏路灯晚上不亮'],
      ['公园路下水道异味', '下水道异味很重'],
    ]) {
      await reportProblem(t, { title, description });
    }
    await t.kernel.of(searchFeature).indexer.flush();
    const queries = ['下水道', '江津', '路灯', '城墙', '噪音', '水泵 更换', 'QD'];
    const before = await Promise.all(queries.map((q) => indexed(db, q)));
    // In this thread, and with the worker threads a big rebuild uses.
    await reindexAll(db, fullText);
    expect(await Promise.all(queries.map((q) => indexed(db, q)))).toEqual(before);
    await reindexAll(db, fullText, { workers: 2, batch: 3 });
    expect(await Promise.all(queries.map((q) => indexed(db, q)))).toEqual(before);
    expect(before.flat().length).toBeGreaterThan(4);
  });
});
