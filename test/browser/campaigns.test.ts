/**
 * The campaign's instruments in Chromium against the real server (the demo city): a forum recorded
 * in the form becomes three items, assigned, and the forum page shows them so; a campaign opened in
 * the form gets 20 subject plans (one through the plan form), a missed milestone leads to a sealing
 * recorded in the form, lifted with its button; two items attached are listed on its page, one
 * detached with its button; the plans and the campaign are rectified, a
 * residents' panel accepts it in the form and the public page shows it complete; audit verify
 * passes. Every new page at 1280 and 375 px.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, ROOT, shot, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';
import { creditCode } from '../campaigns/campaign-fixtures.js';

const run = promisify(execFile);
const cityDay = (offset = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

async function ready(page: Page, testId: string) {
  await page.getByTestId(testId).first().waitFor();
  await page
    .locator('[data-testid="loading"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}
async function check(page: Page, name: string, testId: string) {
  await ready(page, testId);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    `${name} overflows`,
  ).toBeLessThanOrEqual(1);
  const unlabelled = await page.$$eval(
    'input:not([type=hidden]), select, textarea',
    (els) => els.filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label'))).length,
  );
  expect(unlabelled, `${name}: unlabelled controls`).toBe(0);
  await shot(page, `campaigns-${name}`);
}

describe.skipIf(!HAVE_BROWSER)('campaigns in a real browser', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  it('walks a forum to assigned items and a campaign to a public, accepted completion', async () => {
    const office = await newPage(rig.browser, rig.server.url);
    const page = office.page;
    await login(page, 'ducha');
    await page.goto('/admin/forums');
    await ready(page, 'forum-form');
    await page.locator('#forum-title').fill('开发区企业座谈会（测试）');
    await page.locator('#forum-host').fill('市长 刘振华');
    await page.locator('#forum-place').fill('开发区管委会');
    await page
      .locator('#forum-points')
      .fill('班车太少｜园区通勤不便\n*停电不通知｜检修停电未提前告知\n培训不对口｜培训与岗位脱节');
    await page.getByTestId('forum-save').click();
    await ready(page, 'forum-items');
    await expect.poll(() => page.getByTestId('item-row').count()).toBe(3);
    const codes = await page.getByTestId('forum-items').locator('tbody tr td:first-child').allTextContents();
    const eco = await api.departmentId('eco');
    for (const code of codes)
      await api.call('POST', `/api/v1/problems/${code}/actions/assign`, { leadDepartmentId: eco }, 'shouli');
    await page.reload();
    await ready(page, 'forum-items');
    await expect.poll(() => page.getByTestId('item-status').allTextContents()).toEqual(['已交办', '已交办', '已交办']);

    // The forum's sheet: a bad row refuses the whole file with its reason; the fixed file adds the point.
    const sheet = (rows: string[]) => ({
      name: '座谈会问题.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF问题,问题描述,民生\r\n${rows.join('\r\n')}\r\n`),
    });
    const upload = page.getByTestId('sheet-findings');
    await upload.getByTestId('sheet-file').setInputFiles(sheet(['园区食堂太少,职工就餐排长队,是', ',没有标题,否']));
    await upload.getByTestId('sheet-upload').click();
    await expect.poll(() => upload.getByTestId('sheet-rejected').textContent()).toContain('title');
    expect(await page.getByTestId('item-row').count()).toBe(3);
    await upload.getByTestId('sheet-file').setInputFiles(sheet(['园区食堂太少,职工就餐排长队,是']));
    await upload.getByTestId('sheet-upload').click();
    await upload.getByTestId('sheet-stored').waitFor();
    await expect.poll(() => page.getByTestId('item-row').count()).toBe(4);
    expect(await upload.getByTestId('sheet-template').getAttribute('href')).toBe(
      '/api/v1/campaigns/sheets/findings/template.csv',
    );

    await page.goto('/admin/campaigns');
    await ready(page, 'campaign-form');
    await page.locator('#cmp-name').fill('西区异味专项整治（测试）');
    await page.locator('#cmp-desc').fill('西区20家企业一企一策');
    await page.locator('#cmp-dept').selectOption({ label: '市生态环境局' });
    await page.locator('#cmp-deadline').fill(cityDay(60));
    await page.getByTestId('campaign-create').click();
    await page.waitForURL(/\/admin\/campaigns\/\d+$/);
    const campaignId = Number(page.url().split('/').pop());
    const subjects: number[] = [];
    for (let i = 0; i < 20; i++)
      subjects.push(
        (
          await api.call(
            'POST',
            '/api/v1/subjects',
            { kind: 'enterprise', name: `西区测试企业${i + 1}号`, creditCode: creditCode(9000 + i), departmentId: eco },
            'admin',
          )
        ).id,
      );
    const measures = [
      { name: '限期安装在线监测', weight: 50, dueDate: cityDay(-1) },
      { name: '整改验收', weight: 50, dueDate: cityDay(60) },
    ];
    for (const subjectId of subjects.slice(0, 19))
      await api.call('POST', `/api/v1/campaigns/${campaignId}/plans`, { subjectId, measures }, 'shengtai');
    await page.reload();
    await ready(page, 'plan-form');
    await page.locator('#plan-subject').selectOption({ label: '西区测试企业20号' });
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-card').count()).toBe(20);

    await page.locator('#enf-subject').selectOption({ label: '西区测试企业1号' });
    await page.locator('#enf-kind').selectOption('sealed');
    await page.locator('#enf-milestone').selectOption({ index: 1 });
    await page.locator('#enf-basis').fill('《中华人民共和国大气污染防治法》第一百零八条');
    await page.locator('#enf-doc').fill('荆环封〔测试〕1号');
    await page.getByTestId('enforcement-save').click();
    await expect.poll(() => page.getByTestId('enforcement-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('plan-active').count()).toBe(1);
    await page.getByTestId('enforcement-lift').click();
    await expect.poll(() => page.getByTestId('enforcement-row').first().textContent()).toContain('解除');
    await expect.poll(() => page.getByTestId('campaign-enforcement').textContent()).toMatch(/查封 1 家.*已解除 1 项/);

    // Two of the forum's items attached to the campaign are listed on its page; one is detached again.
    await api.call('POST', `/api/v1/hotspots/campaigns/${campaignId}/items`, { codes: codes.slice(1, 3) }, 'ducha');
    await page.reload();
    const attached = page.getByTestId('attached-items');
    const attachedCodes = () => attached.locator('tbody tr td:first-child').allTextContents();
    await expect.poll(attachedCodes).toEqual(codes.slice(1, 3));
    expect(await attached.locator('tbody tr').first().textContent()).toContain('市生态环境局');
    await attached.getByRole('button', { name: `将 ${codes[2]} 移出本专项整治` }).click();
    await expect.poll(attachedCodes).toEqual([codes[1]]);
    await expect
      .poll(() => page.getByTestId('campaign-attached').getByTestId('list-total').textContent())
      .toMatch(/\b1\b/);

    const c = await api.call('GET', `/api/v1/campaigns/${campaignId}`, undefined, 'ducha');
    for (const code of [...c.planList.map((p: { item: { code: string } }) => p.item.code), c.code]) {
      await api.call('POST', `/api/v1/problems/${code}/actions/sign`, {}, 'shengtai');
      await api.call('POST', `/api/v1/problems/${code}/actions/rectify`, { evidence: '整改完成' }, 'shengtai');
    }
    await page.reload();
    await ready(page, 'panel-form');
    await page.locator('#panel-members').fill('李阿姨,resident,5,满意\n赵代表,deputy,5');
    await page.getByTestId('panel-save').click();
    await expect.poll(() => page.getByTestId('panel').count()).toBe(1);

    const pub = await newPage(rig.browser, rig.server.url);
    await pub.page.goto(`/campaigns/${campaignId}`);
    await ready(pub.page, 'campaign-accepted');
    expect(await pub.page.getByTestId('campaign-status').textContent()).toContain('已验收');
    expect(await pub.page.getByTestId('panel').textContent()).not.toContain('resident');
    const listed = pub.page.getByTestId('attached-items');
    await expect.poll(() => listed.locator('tbody tr td:first-child').allTextContents()).toEqual([codes[1]]);
    expect(await listed.locator('a').first().getAttribute('href')).toBe(`/problems/${codes[1]}`);
    expect(await listed.getByRole('button').count()).toBe(0);

    // An ordinary item (the forum's first point) judged by a residents' panel shows it on its own page.
    await api.call('POST', `/api/v1/problems/${codes[0]}/actions/sign`, {}, 'shengtai');
    await api.call('POST', `/api/v1/problems/${codes[0]}/actions/rectify`, { evidence: '新增班车3条' }, 'shengtai');
    await api.call(
      'POST',
      `/api/v1/campaigns/acceptance/${codes[0]}`,
      {
        result: 'accepted',
        decidedOn: cityDay(),
        note: '非常满意',
        members: [{ name: '园区职工代表', role: 'resident', contact: '13700009999', rating: 5 }],
      },
      'ducha',
    );
    await pub.page.goto(`/problems/${codes[0]}`);
    await ready(pub.page, 'item-panels');
    const verdict = await pub.page.getByTestId('item-panels').textContent();
    expect(verdict).toContain('非常满意');
    expect(verdict).not.toContain('13700009999');

    const verify = await run(process.execPath, [path.join(ROOT, 'bin', 'qingdan.mjs'), 'audit', 'verify'], {
      cwd: ROOT,
      env: { ...process.env, QINGDAN_DATA_DIR: rig.server.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    expect(verify.stdout).toMatch(/campaigns chain intact/);
    for (const p of [office, pub]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 240_000);

  it('shows every campaign page at 1280 and 375 px', async () => {
    const demo = (await api.call('GET', '/api/v1/campaigns?limit=100')).items.find(
      (c: { name: string }) => c.name === '东区臭气扰民专项整治',
    );
    const subject = (await api.call('GET', '/api/v1/subjects?limit=1', undefined, 'ducha')).items[0].id;
    const forum = (await api.call('GET', '/api/v1/forums?limit=1', undefined, 'ducha')).items[0].id;
    const visit = (await api.call('GET', '/api/v1/visits?limit=1', undefined, 'ducha')).items[0].id;
    // What the lists count, for the public (home page) and for staff (the statistics), as the headline says it.
    const counted = async (who?: string) => {
      const visits = await api.call('GET', '/api/v1/visits?limit=100', undefined, who);
      const forums = await api.call('GET', '/api/v1/forums?limit=100', undefined, who);
      const sum = (items: Record<string, number>[], k: string) => items.reduce((n, v) => n + v[k], 0);
      return {
        headline:
          `领导一线调研 ${visits.total} 次，发现问题 ${sum(visits.items, 'problemsFound')} 个，` +
          `其中民生问题 ${sum(visits.items, 'livelihood')} 个`,
        forums: `专题调研会 ${forums.total} 场，收集问题 ${sum(forums.items, 'points')} 个`,
      };
    };
    const [publicFigures, staffFigures] = [await counted(), await counted('ducha')];
    const programme = (await api.call('GET', '/api/v1/campaigns/programmes')).items[0];
    expect(programme.parts.filter((p: { kind: string }) => p.kind === 'part')).toHaveLength(5);
    const accepted = demo.code as string;
    for (const size of [DESKTOP, PHONE]) {
      const pub = await newPage(rig.browser, rig.server.url, size);
      await pub.page.goto('/');
      await check(pub.page, 'home', 'campaign-headline');
      expect(await pub.page.getByTestId('campaign-headline').textContent()).toBe(publicFigures.headline);
      expect(await pub.page.getByTestId('campaign-forums').textContent()).toContain(publicFigures.forums);
      await pub.page.goto(`/problems/${programme.code}`);
      await check(pub.page, 'public-programme', 'item-programme');
      expect(await pub.page.getByTestId('programme-row').count()).toBe(16);
      await pub.page.goto(`/problems/${accepted}`);
      await check(pub.page, 'public-item-panel', 'item-panels');
      await pub.page.goto('/campaigns');
      await check(pub.page, 'public', 'campaign-cards');
      await pub.page.goto(`/campaigns/${demo.id}`);
      await check(pub.page, 'public-campaign', 'campaign-accepted');
      const staff = await newPage(rig.browser, rig.server.url, size);
      await login(staff.page, 'ducha');
      for (const [url, name, id] of [
        ['/admin/campaigns', 'admin-campaigns', 'campaign-table'],
        [`/admin/campaigns/${demo.id}`, 'admin-campaign', 'plan-cards'],
        ['/admin/visits', 'visits', 'visit-table'],
        [`/admin/visits/${visit}`, 'visit', 'visit-items'],
        ['/admin/forums', 'forums', 'forum-list'],
        [`/admin/forums/${forum}`, 'forum', 'forum-items'],
        ['/admin/subjects', 'subjects', 'subject-table'],
        [`/admin/subjects/${subject}`, 'subject', 'subject-enforcement'],
        ['/admin/programmes', 'programmes', 'programme-cards'],
        [`/admin/programmes/${programme.code}`, 'programme', 'part-form'],
        ['/admin/supervision', 'statistics', 'campaign-headline'],
      ])
        await staff.page.goto(url).then(() => check(staff.page, name, id));
      expect(await staff.page.getByTestId('campaign-headline').textContent()).toBe(staffFigures.headline);
      expect(await staff.page.getByTestId('campaign-forums').textContent()).toContain(staffFigures.forums);
      for (const p of [pub, staff]) {
        expect(p.errors).toEqual([]);
        await p.context.close();
      }
    }
  }, 240_000);
});
