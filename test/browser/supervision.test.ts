/**
 * Supervision in Chromium against the real server: a unit asks for an extension and the
 * supervision office grants it, records a reminder, sees the warning board, settles a
 * month; the owning leader finds the item in the leader view.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, HAVE_BROWSER, newPage, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!HAVE_BROWSER)('supervision in a real browser', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  it("extends a deadline, records a reminder, settles a month and shows the leader's items", async () => {
    const { code } = await api.report({ title: '开发区夜班公交班次太少' });
    const leader = (await api.call('GET', '/api/v1/leaders', undefined, 'shouli')).items.find(
      (l: { displayName: string }) => l.displayName.includes('张建国'),
    );
    const assigned = await api.act('shouli', code, 'assign', {
      leadDepartmentId: await api.departmentId('urban'),
      ownerLeaderId: leader.id,
    });
    await api.act('chengguan', code, 'sign');
    const wanted = addDays(assigned.problem.deadline, 14);

    const unit = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(unit.page, 'chengguan');
    await unit.page.goto(`/admin/problems/${code}`);
    await unit.page.getByTestId('ext-date').fill(wanted);
    await unit.page.getByTestId('ext-reason').fill('需协调公交公司增开线路，原时限不足');
    await unit.page.getByTestId('ext-ask').click();
    await unit.page.locator('[data-testid="extension"][data-status="pending"]').waitFor();

    const office = await newPage(rig.browser, rig.server.url, DESKTOP);
    const o = office.page;
    await login(o, 'ducha');
    await o.goto(`/admin/problems/${code}`);
    await o.getByTestId('ext-grant').click();
    await o.locator('[data-testid="extension"][data-status="granted"]').waitFor();
    await expect.poll(() => o.getByTestId('problem-deadline').textContent()).toBe(wanted);
    await o.getByTestId('sa-kind').selectOption('reminder');
    await o.getByTestId('sa-text').fill('请于一周内报送增开线路方案');
    await o.getByTestId('sa-submit').click();
    await o.getByTestId('supervision-action').filter({ hasText: '增开线路方案' }).waitFor();

    await o.goto('/admin/supervision');
    await o.getByTestId('warning-table').waitFor();
    await o.getByTestId('level-red').click();
    const reds = Number(await o.getByTestId('level-count-red').textContent());
    await expect.poll(() => o.getByTestId('warning-table').getByTestId('warning-row').count()).toBe(reds);

    // Settle a month nobody has settled yet (a year back: before the demo's history).
    const settled = new Set(
      (await api.call('GET', '/api/v1/assessment/settlements', undefined, 'ducha')).items.map(
        (s: { month: string }) => s.month,
      ),
    );
    const d = new Date();
    const month = `${d.getFullYear() - 1}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    expect(settled.has(month)).toBe(false);
    await o.goto('/admin/settlement');
    await o.getByTestId('settle-month').fill(month);
    o.once('dialog', (dialog) => void dialog.accept());
    await o.getByTestId('settle-button').click();
    await o.getByTestId('settle-message').waitFor();
    await expect.poll(() => o.getByTestId('settle-state').textContent()).toContain('已结算');

    const boss = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(boss.page, 'shuji');
    await boss.page.locator(`[data-testid="leader-items"] [data-code="${code}"]`).waitFor();
    for (const p of [unit, office, boss]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 120_000);
});
