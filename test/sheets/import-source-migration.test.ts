/**
 * The `import` source comes from a migration (issue #14 part 1): a database without the demo can
 * import, and a database where the demo made the source first migrates without a second one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-db.js';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.js';
import { parseConfig } from '../../src/config.js';
import { buildApp } from '../../src/app.js';
import { CONSOLE_ACTOR } from '../../src/cli/cli-host.js';
import { importSheet } from '../../src/sheets/import.service.js';
import { openSheetFile } from '../../src/sheets/sheet-reader.js';
import { sheetsFeature } from '../../src/sheets/sheets.feature.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import fs from 'node:fs';
import path from 'node:path';
import { xlsx } from './sheet-files.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('the import source (%s)', (dialect) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await tdb?.destroy();
  });
  const importSources = () => tdb.db.selectFrom('sources').selectAll().where('code', '=', 'import').execute();

  it('imports a sheet into a database without the demo', async () => {
    expect(await importSources()).toHaveLength(1);
    const config = parseConfig(
      {},
      { dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl, logLevel: 'silent', webDir: '/nonexistent' },
    );
    const app = await buildApp(config, { db: tdb.db, logger: false });
    try {
      const file = path.join(tdb.dataDir, '留言.xlsx');
      fs.writeFileSync(
        file,
        await xlsx([
          ['留言主题', '留言详情'],
          ['路灯不亮', '和平小区三号楼前路灯坏了。'],
        ]),
      );
      const report = await importSheet(app.kernel.of(sheetsFeature).imports.deps, () => openSheetFile(file), {
        actor: CONSOLE_ACTOR,
        fileName: file,
        mode: 'strict',
      });
      expect(report, JSON.stringify(report.issues)).toMatchObject({ committed: true, totals: { created: 1 } });
    } finally {
      await app.close();
    }
  });

  it('migrates again over a source the demo made, and the demo seeds over the migration', async () => {
    await migrateDown(tdb.db);
    await tdb.db.updateTable('sources').set({ name: '表格导入（示例）' }).where('code', '=', 'import').execute();
    await migrateToLatest(tdb.db);
    expect(await importSources()).toMatchObject([{ name: '表格导入（示例）' }]);
    await seedReference(tdb.db);
    expect(await importSources()).toHaveLength(1);
  });
});
