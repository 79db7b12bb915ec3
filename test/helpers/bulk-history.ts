import { sql, type Insertable } from 'kysely';
import type { ProblemTable } from '../../src/db/schema.js';
import { fullTextFor } from '../../src/search/full-text.js';
import { reindexAll } from '../../src/search/search.service.js';
import type { TestApp } from './test-app.js';

/**
 * A bulk load of history, as an import or `seed --bulk` writes it: rows in chunks, then one reindex;
 * on PostgreSQL the loaded table is analysed, as the bulk loader does (src/bulk/bulk-postgres.ts),
 * or the planner would take 10,000 fresh rows for a few dozen.
 */
export async function loadHistory(t: TestApp, rows: Insertable<ProblemTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await t.tdb.db
      .insertInto('problems')
      .values(rows.slice(i, i + 200))
      .execute();
  if (t.kernel.dialect.name === 'postgres') await sql`analyze problems`.execute(t.tdb.db);
  await reindexAll(t.tdb.db, fullTextFor(t.kernel.dialect));
}
