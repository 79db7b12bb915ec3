/**
 * The turns the story can take, in Chromium against the real server: a rejection, a return and
 * re-assignment, an unsatisfied verification that sends the item back, a comment carrying a
 * <script> payload shown as plain text (then liked, hidden by a moderator), thanks on a rectified
 * item, and a unit's staff who cannot open another unit's private item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  ensureWeb,
  HAVE_BROWSER,
  launchBrowser,
  newPage,
  PHONE,
  startServer,
  type Server,
} from './harness.js';
import { Api, login, selectByText, newestFirstInInbox } from './flows.js';

describe.skipIf(!HAVE_BROWSER)('edge cases in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let api: Api;
  const pages: { page: Page; errors: string[]; context: { close(): Promise<void> } }[] = [];
  const open = async (size = DESKTOP) => {
    const p = await newPage(browser, server.url, size);
    pages.push(p);
    return p.page;
  };
  const status = (page: Page) => page.getByTestId('problem-status').getAttribute('data-status');
  const act = async (page: Page, action: string, fields: Record<string, string> = {}) => {
    await page.getByTestId(`action-${action}`).click();
    const form = page.getByTestId(`action-form-${action}`);
    for (const [name, value] of Object.entries(fields)) await form.getByTestId(`action-field-${name}`).fill(value);
    await form.getByTestId('action-submit').click();
    await page.getByTestId('action-done').waitFor();
  };

  beforeAll(async () => {
    await ensureWeb();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = new Api(server.url);
  }, 240_000);
  afterAll(async () => {
    for (const p of pages) expect(p.errors).toEqual([]);
    await browser?.close();
    await server?.stop();
  });

  it('rejects a report with a reason the reporter can read', async () => {
    const { code, token } = await api.report({ title: '咨询社保卡办理地点' });
    const unsorted = await api.report({ title: '胜利街道路灯坏了', description: '晚上一片漆黑' });
    const office = await open();
    await login(office, 'shouli');
    await newestFirstInInbox(office);
    // A report without a category gets one suggested from the categories' keywords, and its unit.
    const hinted = office.locator(`[data-testid="problem-item"][data-code="${unsorted.code}"]`);
    await expect.poll(() => hinted.getByTestId('hint-category').textContent()).toContain('路灯不亮');
    expect(await hinted.getByTestId('hint-department').textContent()).toContain('市城市管理执法委员会');
    await office.goto(`/admin/problems/${code}`);
    await act(office, 'reject', { reason: '属于咨询事项，已电话答复，请拨打12345' });
    expect(await status(office)).toBe('rejected');
    const resident = await open(PHONE);
    await resident.goto(`/track?code=${code}&token=${token}`);
    await expect.poll(() => status(resident)).toBe('rejected');
    expect(await resident.locator('[data-action="reject"]').textContent()).toContain('已电话答复');
  });

  it('lets a unit return an item and the office re-assign it to another unit', async () => {
    const { code } = await api.report({ title: '江津路井盖松动' });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('edu') });
    const unit = await open();
    await login(unit, 'jiaoyu');
    const card = unit.locator(`[data-testid="problem-item"][data-code="${code}"]`);
    await card.getByTestId('quick-actions').click();
    await card.getByTestId('action-return').click();
    await card.getByTestId('action-field-reason').fill('井盖不属于教育局职责，应由城管部门处理');
    await card.getByTestId('action-submit').click();
    await card.waitFor({ state: 'detached' });
    const office = await open();
    await login(office, 'shouli');
    await office.goto(`/admin/problems/${code}`);
    await expect.poll(() => status(office)).toBe('accepted');
    await office.getByTestId('action-assign').click();
    await selectByText(office, 'action-field-leadDepartmentId', '市城市管理执法委员会');
    await office.getByTestId('action-submit').click();
    await expect.poll(() => office.getByTestId('problem-department').textContent()).toBe('市城市管理执法委员会');
    // The timeline reloads after the item's header: wait for it rather than read it once.
    const actions = () =>
      office
        .locator('[data-testid="timeline-item"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
        .then((all) => all.filter((a) => a === 'assign' || a === 'return'));
    await expect.poll(actions).toEqual(['assign', 'return', 'assign']);
  });

  it('sends an item back to the unit when the reporter is not satisfied', async () => {
    const { code, token } = await api.report({ title: '小区门口积水', isPublic: true });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.act('chengguan', code, 'sign');
    await api.act('chengguan', code, 'rectify', { evidence: '已疏通下水口' });
    const resident = await open(PHONE);
    await resident.goto(`/track?code=${code}&token=${token}`);
    await resident.getByTestId('verify-result-unsatisfied').check();
    await resident.getByTestId('verify-comment').fill('下雨后还是积水');
    await resident.getByTestId('verify-submit').click();
    await resident.getByTestId('verify-done').waitFor();
    expect(await status(resident)).toBe('in_progress');
    const unit = await open();
    await login(unit, 'chengguan');
    await unit.getByTestId('workspace-doing').click();
    await unit.locator(`[data-testid="problem-item"][data-code="${code}"]`).waitFor();
    expect((await api.call('GET', `/api/v1/problems/${code}`, undefined, 'chengguan')).problem.redoCount).toBe(1);
  });

  it('shows a <script> comment as plain text, counts one like per browser, and hides it on moderation', async () => {
    const { code } = await api.report({ title: '公交站牌缺失' });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('transport') });
    const payload = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">站牌还没装';
    const visitor = await open(PHONE);
    await visitor.goto(`/problems/${code}`);
    await visitor.getByTestId('comment-text-input').fill(payload);
    await visitor.getByTestId('comment-submit').click();
    const comment = visitor.getByTestId('comment').first();
    await expect.poll(() => comment.getByTestId('comment-text').textContent()).toBe(payload);
    expect(await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await visitor.getByTestId('comments').locator('script, img').count()).toBe(0);
    await comment.getByTestId('comment-like').click();
    await expect.poll(() => comment.getByTestId('comment-likes').textContent()).toBe('1');
    // The browser is a server-signed device id in an HttpOnly cookie, not a token the page picks.
    const device = (await visitor.context().cookies()).find((c) => c.name === 'qd_device');
    expect(device?.httpOnly).toBe(true);
    await visitor.reload();
    await expect.poll(() => visitor.getByTestId('comment-like').first().getAttribute('aria-pressed')).toBe('true');

    const office = await open();
    await login(office, 'shouli');
    await office.goto(`/admin/problems/${code}`);
    await office.getByTestId('comment-hide').click();
    await office.getByTestId('comment-hide-reason').fill('含有脚本代码');
    await office.getByTestId('comment-hide-submit').click();
    await office.getByTestId('comment-hidden').waitFor();
    await visitor.reload();
    await visitor.getByTestId('comments-empty').waitFor();
  });

  it('takes thanks (送锦旗) on a rectified item and lists it among the most discussed', async () => {
    const { code } = await api.report({ title: '学校门口斑马线褪色' });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.act('chengguan', code, 'sign');
    await api.act('chengguan', code, 'rectify', { evidence: '斑马线已重新施划' });
    const visitor = await open(PHONE);
    await visitor.goto(`/problems/${code}`);
    await visitor.getByTestId('comment-kind-thanks').check();
    await visitor.getByTestId('comment-text-input').fill('感谢城管委，孩子们过马路安全多了！');
    await visitor.getByTestId('comment-name').fill('实验小学家长');
    await visitor.getByTestId('comment-submit').click();
    await visitor.locator('[data-testid="comment"].thanks').waitFor();
    // The demo city's items are talked about already: this one joins the most discussed once it
    // has more to say than the busiest of them (staff posts are not rate-limited).
    const top = (await api.call('GET', '/api/v1/comments/most-commented?limit=1')).items[0];
    for (let i = 0; top && i < top.comments + top.thanks; i++)
      await api.call(
        'POST',
        `/api/v1/problems/${code}/comments`,
        { text: `第${i + 1}位家长：斑马线清楚多了` },
        'shouli',
      );
    await visitor.goto('/');
    await visitor.locator('[data-testid="most-commented-item"]', { hasText: '学校门口斑马线褪色' }).waitFor();
  });

  it("keeps one unit's private item from another unit's staff", async () => {
    const { code } = await api.report({ title: '某校教师反映职称评审问题', isPublic: false });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('edu') });
    const other = await open();
    await login(other, 'chengguan');
    await other.goto(`/admin/problems/${code}`);
    await other.getByTestId('not-found').waitFor();
    await other.goto('/admin/workspace');
    await other.getByTestId('workspace-list').or(other.getByTestId('empty')).first().waitFor();
    expect(await other.locator(`[data-code="${code}"]`).count()).toBe(0);
    const own = await open();
    await login(own, 'jiaoyu');
    await own.goto(`/admin/problems/${code}`);
    await expect.poll(() => status(own)).toBe('assigned');
    const visitor = await open(PHONE);
    await visitor.goto(`/problems/${code}`);
    await visitor.getByTestId('not-found').waitFor();
  });
});
