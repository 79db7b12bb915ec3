import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { parseConfig } from '../../src/config.js';
import { seedDemo } from '../../src/demo/demo-seed.js';
import { demoFigures } from './demo-figures.js';
import { ODOUR_CAMPAIGN_NAME } from '../../src/campaigns/demo/demo-data.js';

const DIALECTS = await dialects();
const NOW = new Date('2026-12-05T03:00:00Z');

/**
 * The demo city must look like a city in a plausible month (issue #18): varied reports, most open
 * work on time, nothing waiting weeks for acceptance or a callback, places on the map, photos,
 * comments, and settled months whose response rates agree with their scores.
 */
describe.each(DIALECTS)('a realistic demo city (%s)', (dialect) => {
  let tdb: TestDatabase;
  let figures: Awaited<ReturnType<typeof demoFigures>>;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const config = parseConfig({}, { dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl, logLevel: 'silent' });
    await seedDemo(tdb.db, tdb.engine, config, { generated: 1000, now: NOW });
    figures = await demoFigures(tdb.db, NOW);
  }, 600_000);
  afterAll(async () => {
    await tdb?.destroy();
  });

  it('tells hundreds of different stories, none more than a handful of times', () => {
    expect(figures.distinctDescriptions).toBeGreaterThanOrEqual(300);
    expect(figures.mostRepeated).toBeLessThanOrEqual(5);
  });

  it('keeps most open work on time and nothing waiting long for acceptance or a callback', () => {
    expect(figures.open).toBeGreaterThan(50);
    expect(figures.overdueShare).toBeLessThan(0.2);
    expect(figures.warnings.red ?? 0).toBeLessThan((figures.warnings.none ?? 0) + (figures.warnings.blue ?? 0));
    expect(figures.awaitingAcceptance).toBeGreaterThan(0);
    expect(figures.oldestAwaitingDays).toBeLessThanOrEqual(7);
    expect(figures.awaitingVerification).toBeGreaterThan(0);
    expect(figures.oldestAwaitingVerificationDays).toBeLessThanOrEqual(7);
  });

  it('puts items on the map inside their districts, with addresses and real photos', async () => {
    expect(figures.insideTheirArea / figures.items).toBeGreaterThanOrEqual(0.3);
    expect(figures.withAddress / figures.items).toBeGreaterThanOrEqual(0.9);
    expect(figures.withPhotos).toBeGreaterThan(figures.items * 0.15);
    const files = await tdb.db.selectFrom('attachments').select(['storage_key', 'mime', 'size']).limit(20).execute();
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(tdb.dataDir, 'attachments', f.storage_key));
      expect(f.mime).toBe('image/png');
      expect(bytes.length).toBe(f.size);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('has comments, thanks and official replies, so the most discussed panel is full', () => {
    expect(figures.comments).toBeGreaterThan(100);
    expect(figures.thanks).toBeGreaterThan(20);
    expect(figures.replies).toBeGreaterThan(20);
    expect(figures.mostDiscussed).toHaveLength(5);
  });

  it("lists the odour campaign's own reports on its page", async () => {
    const attached = await tdb.db
      .selectFrom('hot_campaign_items as a')
      .innerJoin('cmp_campaigns as c', 'c.id', 'a.campaign_id')
      .innerJoin('problems as p', 'p.id', 'a.problem_id')
      .select(['c.name', 'p.title'])
      .execute();
    expect(attached.length).toBeGreaterThan(0);
    expect(new Set(attached.map((r) => r.name))).toEqual(new Set([ODOUR_CAMPAIGN_NAME]));
    expect(attached.map((r) => r.title)).toContain('东区工厂异味扰民');
  });

  it('settles months whose response rates agree with their scores', () => {
    expect(figures.units.length).toBeGreaterThan(10);
    for (const u of figures.units) {
      expect(u.response, `${u.month} ${u.name}`).toBeGreaterThanOrEqual(0.6);
      expect(u.score! - u.response! * 100, `${u.month} ${u.name}`).toBeLessThanOrEqual(35);
    }
  });
});
