/**
 * Supervision letters in Chromium against the real server (issue #18 fix 10): the office issues a
 * numbered letter from the item page, the addressed unit signs for it and replies on a phone, the
 * office sees the reply and downloads the PDF. Screenshots at 1280 and 375 px.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, shot, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';

describe.skipIf(!HAVE_BROWSER)('supervision letters in a real browser', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  it('issues a letter, the unit acknowledges and replies, the office sees the reply', async () => {
    const { code } = await api.report({ title: '老旧小区路灯长期不亮' });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.act('chengguan', code, 'sign');

    const office = await newPage(rig.browser, rig.server.url, DESKTOP);
    const o = office.page;
    await login(o, 'ducha');
    await o.goto(`/admin/problems/${code}`);
    await o.getByTestId('issue-letter-link').click();
    await o.getByTestId('letter-issue-form').waitFor();
    expect(await o.getByTestId('letter-code').inputValue()).toBe(code);
    await o.getByTestId('letter-reason').fill('里程碑「更换灯具」逾期未完成');
    await o.getByTestId('letter-text').fill('请于五个工作日内完成路灯维修并书面报告。');
    await o.getByTestId('letter-days').fill('5');
    await o.getByTestId('letter-issue').click();
    const issued = (await o.getByTestId('letter-issued').textContent()) ?? '';
    const number = /〔\d{4}〕督字第 \d+ 号/.exec(issued)?.[0];
    expect(number, issued).toBeTruthy();
    const card = o.getByTestId('letter').filter({ hasText: number! });
    await expect.poll(() => card.getAttribute('data-status')).toBe('issued');
    await shot(o, 'letters-issue');

    const unit = await newPage(rig.browser, rig.server.url, PHONE);
    const u = unit.page;
    await login(u, 'chengguan');
    await u.goto('/admin/letters');
    const mine = u.getByTestId('letter').filter({ hasText: number! });
    await mine.getByTestId('letter-signer').fill('王建华（副局长）');
    await shot(u, 'letters-unit-sign');
    await mine.getByTestId('letter-ack').click();
    await expect.poll(() => mine.getAttribute('data-status')).toBe('acknowledged');
    await expect.poll(() => mine.getByTestId('letter-ack-line').textContent()).toContain('王建华');
    await mine.getByTestId('letter-reply-text').fill('已更换灯具 12 盏，全部恢复照明。');
    await mine.getByTestId('letter-reply').click();
    await expect.poll(() => mine.getAttribute('data-status')).toBe('replied');
    await shot(u, 'letters-unit-replied');

    await o.goto('/admin/letters');
    await o.getByTestId('lf-status').selectOption('replied');
    const seen = o.getByTestId('letter').filter({ hasText: number! });
    await expect.poll(() => seen.getByTestId('letter-reply-view').textContent()).toContain('全部恢复照明');
    const href = await seen.getByTestId('letter-pdf').getAttribute('href');
    const pdf = await o.request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shot(o, 'letters-office');
    await o.setViewportSize(PHONE);
    await shot(o, 'letters-office');

    // The internal timeline carries the letter; the public page does not.
    await o.goto(`/admin/problems/${code}`);
    await o.locator('[data-testid="timeline-item"][data-action="letter_replied"]').waitFor();
    const pub = await newPage(rig.browser, rig.server.url, DESKTOP);
    await pub.page.goto(`/problems/${code}`);
    await pub.page.getByTestId('timeline').waitFor();
    expect(await pub.page.locator('[data-action^="letter_"]').count()).toBe(0);
    expect(await pub.page.content()).not.toContain('路灯维修并书面报告');

    for (const p of [office, unit, pub]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 180_000);
});
