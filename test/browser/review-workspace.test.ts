/**
 * Issue #18 in Chromium, the units' and acceptance pages: the department workspace's to-do first
 * with search and a notification bell (fix 3). Screenshots at 1280 and 375 px.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, shot, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';

describe.skipIf(!HAVE_BROWSER)('unit and acceptance pages (issue #18)', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  it('puts the unit’s to-do first, searches it, signs from it and rings the bell', async () => {
    const urban = await api.departmentId('urban');
    const { code } = await api.report({ title: '工作台测试：人行道护栏倒伏' });
    await api.act('shouli', code, 'assign', { leadDepartmentId: urban });
    const before = await api.call('GET', '/api/v1/supervision/todo', undefined, 'chengguan');
    const unread = (await api.call('GET', '/api/v1/notifications/unread-count', undefined, 'chengguan')).unread;
    expect(unread).toBeGreaterThan(0);

    const { page, errors } = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(page, 'chengguan');
    await page.goto('/admin/workspace');
    await page.getByTestId('todo-list').waitFor();
    // The to-do comes before the warning tables.
    const todoY = (await page.getByTestId('todo').boundingBox())!.y;
    expect(todoY).toBeLessThan((await page.getByTestId('workspace-warnings').boundingBox())!.y);
    for (const k of ['sign', 'plan', 'report', 'rectify'])
      expect(Number(await page.getByTestId(`todo-count-${k}`).textContent())).toBe(before.counts[k]);

    await page.getByTestId('todo-q').fill(code.toLowerCase());
    await page.getByTestId('todo-search').click();
    const rows = page.getByTestId('todo-row');
    await expect.poll(() => rows.count()).toBe(1);
    await shot(page, 'review-workspace');
    await rows.first().getByTestId('todo-sign').click();
    await page.getByTestId('todo-message').waitFor();
    // Counts follow the search: the one item found has been signed for.
    await expect.poll(() => page.getByTestId('todo-count-sign').textContent()).toBe('0');
    expect((await api.call('GET', `/api/v1/problems/${code}`, undefined, 'chengguan')).problem.status).toBe(
      'in_progress',
    );

    // The bell: the unread count, the latest messages, read once opened.
    expect(Number(await page.getByTestId('bell-count').textContent())).toBe(unread);
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-item').filter({ hasText: '护栏倒伏' }).first().waitFor();
    await expect.poll(() => page.getByTestId('bell-count').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('bell-panel').count()).toBe(0);

    await page.setViewportSize(PHONE);
    await page.getByTestId('todo-q').fill('');
    await page.getByTestId('todo-search').click();
    await expect.poll(() => page.getByTestId('todo-count-sign').textContent()).toBe(String(before.counts.sign - 1));
    await shot(page, 'review-workspace');
    expect(errors).toEqual([]);
  }, 90_000);
  it('flags reports overdue for acceptance, counts them and sorts the inbox', async () => {
    const { code } = await api.report({ title: '受理箱测试：菜市场门口积水' });
    const clock = await api.call('GET', '/api/v1/supervision/intake-clock', undefined, 'shouli');
    const { page, errors } = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(page, 'shouli');
    await page.goto('/admin/inbox');
    await expect
      .poll(() => page.getByTestId('inbox-overdue').textContent())
      .toBe(`待受理 ${clock.waiting} 件，其中 ${clock.overdue} 件已超过分派时限`);
    const cards = page.getByTestId('inbox-list').locator('.problem-card');
    await cards.first().waitFor();
    // Oldest first: the oldest reports are the late ones.
    if (clock.overdue > 0) await cards.first().getByTestId('inbox-late').waitFor();
    await page.getByTestId('inbox-sort').selectOption('created_desc');
    await expect.poll(() => cards.first().textContent()).toContain(code);
    expect(await cards.first().getByTestId('inbox-late').count()).toBe(0);
    await shot(page, 'review-inbox');
    await page.setViewportSize(PHONE);
    await shot(page, 'review-inbox');
    expect(errors).toEqual([]);
  }, 60_000);
  it('shows the rectification evidence, labelled before and after photos, before asking for a rating', async () => {
    const { code, token } = await api.report({ title: '验收测试：楼道堆放杂物' });
    await api.upload(code, null, token, 'before.png');
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.act('chengguan', code, 'sign');
    // A staff photo stays private until the rectification links it (issue #16, finding 6), as the UI's form does.
    const after = await api.upload(code, 'chengguan', undefined, 'after.png');
    await api.act('chengguan', code, 'rectify', {
      evidence: '已清理楼道杂物并张贴消防通道提示',
      attachmentIds: [after.attachment.id],
    });

    const { page, errors } = await newPage(rig.browser, rig.server.url, PHONE);
    await page.goto(`/track?code=${code}&token=${token}`);
    const evidence = page.getByTestId('verify-evidence');
    await expect
      .poll(() => page.getByTestId('verify-evidence-text').textContent())
      .toBe('已清理楼道杂物并张贴消防通道提示');
    expect(await evidence.getByTestId('photos-after').locator('img').count()).toBe(1);
    expect(await evidence.getByTestId('photos-before').locator('img').count()).toBe(1);
    await expect
      .poll(() => evidence.locator('figcaption').allTextContents())
      .toEqual(['整改后的照片', '反映时的照片（整改前）']);
    // The evidence sits above the result and rating choices.
    const evidenceBottom = await evidence.evaluate((el) => el.getBoundingClientRect().bottom);
    const choice = await page.getByTestId('verify-result-satisfied').evaluate((el) => el.getBoundingClientRect().top);
    expect(evidenceBottom).toBeLessThanOrEqual(choice);
    // Every image loads.
    await expect
      .poll(() =>
        page
          .locator('[data-testid="verify-evidence"] img')
          .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
    await shot(page, 'review-verify');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'review-verify');
    expect(errors).toEqual([]);
  }, 60_000);
  it('keeps milestones within the deadline and asks before rectifying with milestones open', async () => {
    const { code } = await api.report({ title: '节点测试：小区健身器材损坏' });
    const assigned = await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.act('chengguan', code, 'sign');
    const deadline = assigned.problem.deadline as string;
    const { page, errors } = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(page, 'chengguan');
    await page.goto(`/admin/problems/${code}`);
    await page.getByTestId('plan-apply').click();
    await expect.poll(() => page.getByTestId('milestone').count()).toBe(4);
    expect(await page.getByTestId('ms-due').getAttribute('max')).toBe(deadline);
    // A date past the deadline is refused here, in words, before the server is asked.
    const later = new Date(Date.parse(`${deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('ms-name').fill('追加节点');
    await page.getByTestId('ms-due').fill(later);
    await page.getByTestId('ms-add').click();
    await expect.poll(() => page.getByTestId('plan-error').textContent()).toContain(`整改时限 ${deadline}`);

    await page.getByTestId('action-rectify').click();
    await page.getByTestId('action-field-evidence').fill('器材已更换');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await page.getByTestId('action-submit').click();
    expect(await asked).toContain('还有 4 个计划节点未完成');
    await page.locator('[data-testid="timeline-item"][data-action="milestones_closed"]').waitFor();
    await expect.poll(() => page.getByTestId('item-progress').textContent()).toContain('计划 100%');
    await shot(page, 'review-milestones');
    await page.setViewportSize(PHONE);
    await shot(page, 'review-milestones');
    expect(errors).toEqual([]);
  }, 60_000);
});
