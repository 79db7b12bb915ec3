/**
 * axe-core on every main page, public and back office, at 1280 and 375 px: no critical and no
 * serious violation. axe runs inside the page (injected from the axe-core package) after the
 * page's data has loaded, so what it judges is what a reader meets. The counts per page are
 * printed whether or not they pass, so a run's output is the accessibility report.
 */
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';

// Evaluated rather than added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
const AXE = axe.source;

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function audit(page: Page, path: string): Promise<Found[]> {
  await page.goto(path);
  await page.locator('main').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('[data-testid="loading"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Found[] }> } })
      .axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** [who (null: the public), path, name]; one browser profile per reader and width. */
const PAGES = (code: string): [string | null, string, string][] => [
  [null, '/', 'home'],
  [null, '/problems', 'list'],
  [null, `/problems/${code}`, 'item'],
  [null, '/report', 'report'],
  [null, '/map', 'map'],
  [null, '/scoreboard', 'rankings'],
  [null, '/hall', 'hall'],
  [null, '/campaigns', 'campaigns'],
  [null, '/hot', 'hot-topics'],
  [null, '/login', 'sign-in'],
  ['shouli', '/admin/inbox', 'acceptance-inbox'],
  ['chengguan', '/admin/workspace', 'department-todo'],
  ['chengguan', `/admin/problems/${code}`, 'staff-item'],
  ['ducha', '/admin/supervision', 'supervision-board'],
  ['ducha', '/admin/settlement', 'settlement'],
  ['shuji', '/admin/leader', 'leader'],
  ['admin', '/admin/settings?tab=categories', 'admin-settings'],
  ['admin', '/admin/sheets', 'admin-sheets'],
  ['admin', '/admin/comments', 'admin-comments'],
  ['admin', '/admin/hall/board', 'hall-board'],
  ['admin', '/admin/campaigns', 'admin-campaigns'],
  ['ducha', '/admin/hotspots', 'hotspots'],
];

describe.skipIf(!HAVE_BROWSER)('axe on every main page', () => {
  let code = '';
  const rig = useBrowserServer();
  beforeAll(async () => {
    ({ code } = await new Api(rig.server.url).report({
      title: '人民路公交站台顶棚破损漏雨',
      description: '雨天候车的市民只能站在雨里，站台顶棚有两块板缺失。',
      address: '沙市区人民路公交站',
    }));
  }, 240_000);

  for (const size of [DESKTOP, PHONE]) {
    it(`finds no critical or serious violation at ${size.width} px`, async () => {
      const failures: string[] = [];
      const counts: Record<string, string> = {};
      const readers = new Map<string | null, Awaited<ReturnType<typeof newPage>>>();
      for (const [who, path, name] of PAGES(code)) {
        let reader = readers.get(who);
        if (!reader) {
          reader = await newPage(rig.browser, rig.server.url, size);
          if (who) await login(reader.page, who);
          readers.set(who, reader);
        }
        const found = await audit(reader.page, path).catch((e: Error) => {
          failures.push(`${name}: ${e.message.split('\n')[0]}`);
          return [];
        });
        const n = (impact: string) => found.filter((v) => v.impact === impact).length;
        counts[name] = `critical ${n('critical')}, serious ${n('serious')}, moderate ${n('moderate')}`;
        for (const v of found.filter((f) => f.impact === 'critical' || f.impact === 'serious')) {
          failures.push(`${name} ${v.impact} ${v.id}: ${v.help} — ${JSON.stringify(v.nodes)}`);
        }
      }
      console.log(
        `axe at ${size.width} px:\n${Object.entries(counts)
          .map(([k, v]) => `  ${k}: ${v}`)
          .join('\n')}`,
      );
      for (const r of readers.values()) {
        expect(r.errors).toEqual([]);
        await r.context.close();
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }
});
