/**
 * The texts the system writes itself answer in the reader's language (Accept-Language), Chinese by
 * default: automatic reminders on an item and in the inbox, the standard plans and their
 * milestones, and category questions' help. Rows written before the English existed stay readable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at, runJob } from '../supervision/helpers.js';

const DIALECTS = await dialects();
const EN = { 'accept-language': 'en-GB,en;q=0.9' };
const CJK = /[\u4e00-\u9fff]/;

describe.each(DIALECTS)('system texts in the language asked for (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1000 });
  });
  afterAll(async () => {
    await t.close();
  });
  const get = async (who: string, url: string, headers: Record<string, string> = {}) => {
    const res = await t.as(who, { method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('words an automatic reminder and its notice in either language; an older row shows its Chinese', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-03' });
    at(t, '2026-11-04');
    await runJob(t, 'reminders');
    const url = `/api/v1/problems/${code}/supervision`;
    const [zh, en] = [(await get('ducha', url)).actions[0], (await get('ducha', url, EN)).actions[0]];
    expect(zh).toMatchObject({ kind: 'reminder', kindName: '催办', automatic: true });
    expect(zh.text).toMatch(new RegExp(`^事项 ${code}「.*」已超过整改时限（2026-11-03）`));
    expect(en).toMatchObject({ kind: 'reminder', kindName: 'Reminder', automatic: true });
    expect(en.text).toMatch(new RegExp(`^Item ${code} ".*" is past its deadline \\(2026-11-03\\)`));

    const inbox = '/api/v1/notifications?limit=100';
    const mine = (items: Array<{ kind: string; problemCode: string; title: string; body: string }>) =>
      items.filter((n) => n.problemCode === code);
    const zhInbox = mine((await get('chengguan', inbox)).items);
    const enInbox = mine((await get('chengguan', inbox, EN)).items);
    expect(zhInbox.find((n) => n.kind === 'reminder')?.title).toMatch(/^催办：/);
    expect(enInbox.find((n) => n.kind === 'reminder')?.title).toMatch(/^Reminder: /);
    // The assignment notice is the system's words too.
    expect(zhInbox.find((n) => n.kind === 'assignment')?.body).toMatch(/已交办贵单位牵头办理/);
    expect(enInbox.find((n) => n.kind === 'assignment')?.body).toMatch(/is assigned to your unit to lead/);

    // A unit's extension request tells the supervisors, in the system's words around the unit's reason.
    const asked = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions`,
      payload: { reason: '雨季施工受阻', requestedDeadline: '2026-11-30' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const ext = async (h: Record<string, string>) =>
      mine((await get('ducha', inbox, h)).items).find((n) => n.kind === 'extension')?.body;
    expect(await ext({})).toMatch(/申请将事项 .* 延至 2026-11-30。理由：雨季施工受阻$/);
    expect(await ext(EN)).toMatch(/asks to move the deadline of .* to 2026-11-30\. Reason: 雨季施工受阻$/);

    // A reminder recorded before the English column existed has none: its Chinese is shown.
    await t.tdb.db.updateTable('supervision_actions').set({ text_en: null }).execute();
    expect((await get('ducha', url, EN)).actions[0].text).toBe(zh.text);
  });

  it('names the standard plans and their milestones in English when asked', async () => {
    const [zh, en] = [
      (await get('ducha', '/api/v1/supervision/plan-templates')).items,
      (await get('ducha', '/api/v1/supervision/plan-templates', EN)).items,
    ];
    const std = (items: Array<{ code: string }>) => items.find((x) => x.code === 'standard') as Record<string, any>;
    expect(std(zh)).toMatchObject({ name: '标准整改', label: '标准整改' });
    expect(std(zh).milestones[0]).toMatchObject({ name: '调查核实', label: '调查核实' });
    expect(std(en)).toMatchObject({ name: '标准整改', label: 'Standard rectification' });
    expect(en.map((x: { label: string }) => x.label).join()).not.toMatch(CJK);
    expect(
      std(en)
        .milestones.map((m: { label: string }) => m.label)
        .join(),
    ).not.toMatch(CJK);

    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-12-31' });
    const planned = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/milestones/template`,
      headers: EN,
      payload: { template: 'standard' },
    });
    expect(planned.statusCode, planned.body).toBe(200);
    // The stored name stays the plan's Chinese (a plan sent back keeps it); the label follows the reader.
    expect(planned.json().milestones[0]).toMatchObject({ name: '调查核实', label: 'Investigate and verify' });
    const view = await get('chengguan', `/api/v1/problems/${code}/supervision`);
    expect(view.milestones.map((m: { label: string }) => m.label)).toEqual([
      '调查核实',
      '制定整改方案',
      '组织实施整改',
      '自查验收',
    ]);
  });

  it('keeps a question’s help in both languages and shows the reader’s', async () => {
    const url = `/api/v1/categories/${t.ids.categories.roads}/questions`;
    const item = {
      code: 'size',
      label: '破损面积',
      labelEn: 'Damaged area',
      help: '估计即可',
      helpEn: 'An estimate is enough',
      datatype: 'singlevaluelist',
      options: [
        { key: 's', name: '小', nameEn: 'Small' },
        { key: 'l', name: '大', nameEn: 'Large' },
      ],
    };
    const put = await t.as('admin', { method: 'PUT', url, headers: EN, payload: { items: [item] } });
    expect(put.statusCode, put.body).toBe(200);
    // An administrator reads back both languages whatever the page's language.
    expect(put.json().items[0]).toMatchObject({ help: '估计即可', helpEn: 'An estimate is enough' });
    const [zh, en] = [(await get('admin', url)).items[0], (await get('admin', url, EN)).items[0]];
    expect(zh).toMatchObject({ prompt: '破损面积', hint: '估计即可', options: [{ label: '小' }, { label: '大' }] });
    expect(en).toMatchObject({
      prompt: 'Damaged area',
      hint: 'An estimate is enough',
      options: [{ label: 'Small' }, { label: 'Large' }],
    });
    // Without English, the Chinese stands in.
    await t.as('admin', { method: 'PUT', url, payload: { items: [{ ...item, helpEn: null }] } });
    expect((await get('admin', url, EN)).items[0].hint).toBe('估计即可');
  });
});
