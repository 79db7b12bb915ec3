import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

type Suggestion = { code: string; score: number; reasons: Array<{ code: string }>; reason: string };

describe.each(DIALECTS)('duplicate detection (%s)', (dialect) => {
  let t: TestApp;
  let light: string;
  let lightToken: string;
  let privateCode: string;

  async function check(who: string | null, draft: Record<string, unknown>): Promise<Suggestion[]> {
    const res = await t.as(who, { method: 'POST', url: '/api/v1/duplicates/check', payload: draft });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }
  const reasonCodes = (s: Suggestion) => s.reasons.map((r) => r.code);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const c = t.ids.categories;
    const a = t.ids.areas;
    ({ code: light, token: lightToken } = await reportProblem(t, {
      title: '和平社区三号楼前路灯不亮',
      description: '三号楼门前的两盏路灯坏了两周，晚上一片漆黑。',
      categoryId: c['street-lights'],
      areaId: a['jz-ss-zs-hp'],
      lat: 30.3001,
      lng: 112.2401,
    }));
    await act(t, 'shouli', light, 'accept');
    await reportProblem(t, {
      title: '新河村共享单车乱停乱放',
      description: '村口共享单车堆满人行道。',
      categoryId: c['shared-bikes'],
      areaId: a['jz-jz-jn-xh'],
    });
    ({ code: privateCode } = await reportProblem(t, {
      title: '联合街道化工厂夜间排放废气',
      description: '化工厂晚上排放刺鼻废气，居民不敢开窗。',
      categoryId: c.odour,
      areaId: a['jz-kfq-lt'],
      isPublic: false,
    }));
    await act(t, 'shouli', privateCode, 'accept');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('suggests an item with similar text, the same category and the same area, with the reasons', async () => {
    const [s, ...rest] = await check('shouli', {
      title: '三号楼路灯不亮',
      description: '和平社区三号楼前面的路灯晚上不亮，已经好多天了。',
      categoryId: t.ids.categories['street-lights'],
      areaId: t.ids.areas['jz-ss-zs-hp'],
    });
    expect(rest).toEqual([]);
    expect(s.code).toBe(light);
    expect(reasonCodes(s)).toEqual(['similar_text', 'same_category', 'same_area']);
    expect(s.score).toBeGreaterThan(0.7);
    expect(s.reason).toContain('同一区域');
  });

  it('uses coordinates where both have them, and a neighbouring category', async () => {
    const [near] = await check('shouli', {
      title: '路灯不亮',
      description: '三号楼前路灯坏了',
      categoryId: t.ids.categories.roads,
      lat: 30.3005,
      lng: 112.2403,
    });
    expect(near.code).toBe(light);
    expect(reasonCodes(near)).toEqual(['similar_text', 'neighbouring_category', 'nearby']);
    expect(
      await check('shouli', { title: '路灯不亮', description: '三号楼前路灯坏了', lat: 30.33, lng: 112.29 }),
    ).toEqual([]);
  });

  it('does not suggest unrelated items, or the same complaint in another place', async () => {
    expect(
      await check('shouli', {
        title: '小区垃圾无人清运',
        description: '垃圾桶满了好几天没人清理。',
        areaId: t.ids.areas['jz-ss-zs-hp'],
      }),
    ).toEqual([]);
    expect(
      await check('shouli', {
        title: '三号楼路灯不亮',
        description: '三号楼前面的路灯晚上不亮。',
        categoryId: t.ids.categories['street-lights'],
        areaId: t.ids.areas['jz-sz-wjc-sk'],
      }),
    ).toEqual([]);
  });

  it('shows the public only public items', async () => {
    const draft = { title: '化工厂夜间排放废气', description: '晚上排放刺鼻的废气', areaId: t.ids.areas['jz-kfq-lt'] };
    expect((await check('shouli', draft)).map((s) => s.code)).toEqual([privateCode]);
    expect(await check(null, draft)).toEqual([]);
  });

  it('lists duplicates of an item and the acceptance inbox, and merges with both timelines kept', async () => {
    const dup = await reportProblem(t, {
      title: '三号楼门前路灯坏了',
      description: '和平社区三号楼门前路灯不亮两个星期了。',
      categoryId: t.ids.categories['street-lights'],
      areaId: t.ids.areas['jz-ss-zs-hp'],
    });
    const res = await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${dup.code}/duplicates` });
    expect(res.json().items.map((s: Suggestion) => s.code)).toEqual([light]);
    expect((await t.as(null, { method: 'GET', url: `/api/v1/problems/${dup.code}/duplicates` })).statusCode).toBe(401);
    const inbox = await t.as('shouli', { method: 'GET', url: '/api/v1/duplicates/inbox' });
    expect(inbox.json().items).toEqual([
      expect.objectContaining({ code: dup.code, suggestions: [expect.objectContaining({ code: light })] }),
    ]);

    expect((await act(t, 'shouli', dup.code, 'merge', { targetCode: light })).statusCode).toBe(200);
    const master = await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${light}` });
    expect(master.json().problem.reportCount).toBe(2);
    // Once merged, neither suggests the other any more.
    expect((await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${light}/duplicates` })).json().items).toEqual(
      [],
    );

    await act(t, 'shouli', light, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', light, 'sign');
    await act(t, 'chengguan', light, 'progress', { text: '已更换两盏路灯', percent: 80 });
    const masterTimeline = await t.as(null, {
      method: 'GET',
      url: `/api/v1/problems/${light}/timeline`,
      headers: { 'x-tracking-token': lightToken },
    });
    expect(masterTimeline.json().items.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'duplicate_merged',
      'assign',
      'sign',
      'progress',
    ]);
    // The duplicate's reporter follows the master's progress with the duplicate's own token.
    const dupTimeline = await t.as(null, {
      method: 'GET',
      url: `/api/v1/problems/${dup.code}/timeline`,
      headers: { 'x-tracking-token': dup.token },
    });
    const items = dupTimeline.json().items as Array<{
      action: string;
      masterCode?: string;
      payload: Record<string, unknown>;
    }>;
    expect(items.map((e) => [e.action, e.masterCode ?? null])).toEqual([
      ['submit', null],
      ['merge', null],
      ['assign', light],
      ['sign', light],
      ['progress', light],
    ]);
    expect(items[1].payload).toEqual({ targetCode: light });
    expect(items[4].payload).toEqual({ text: '已更换两盏路灯', percent: 80 });
    expect(dupTimeline.body).not.toContain('王小明');
  });
});
