import { createDb } from '../../src/db/database.js';
import { digest, randomToken } from '../../src/auth/secrets.js';
import { PUBLIC_STATES } from '../../src/lifecycle/lifecycle.js';
import { mulberry32 } from '../../src/demo/demo-random.js';
import type { PreparedDb } from './prepare-db.js';

/** What the scenarios draw their requests from, read from the working database before the server starts. */
export interface BenchSample {
  items: number;
  events: number;
  /** Codes of items the public may see, spread over the whole id range. */
  publicCodes: string[];
  staffKey: string;
  categoryIds: number[];
  areaIds: number[];
  departmentIds: number[];
  sourceIds: number[];
  tagIds: number[];
  rnd: () => number;
}

export async function takeSample(prepared: PreparedDb): Promise<BenchSample> {
  const { db } = createDb({ databaseUrl: prepared.databaseUrl, dataDir: prepared.dataDir, poolSize: 2 });
  try {
    const rnd = mulberry32(42);
    const count = async (table: 'problems' | 'events') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const bounds = await db
      .selectFrom('problems')
      .select([(eb) => eb.fn.min('id').as('lo'), (eb) => eb.fn.max('id').as('hi')])
      .executeTakeFirstOrThrow();
    const lo = Number(bounds.lo);
    const hi = Number(bounds.hi);
    const ids = Array.from({ length: 5000 }, () => lo + Math.floor(rnd() * (hi - lo + 1)));
    const publicCodes: string[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('problems')
        .select('code')
        .where('id', 'in', ids.slice(i, i + 500))
        .where('is_public', '=', 1)
        .where('status', 'in', PUBLIC_STATES)
        .execute();
      publicCodes.push(...rows.map((r) => r.code));
    }
    // A staff key for the back-office list: acceptance staff see every item, public or not.
    const staffKey = randomToken('qdk_');
    await db
      .insertInto('api_keys')
      .values({
        name: 'bench',
        prefix: staffKey.slice(0, 10),
        key_hash: digest(staffKey),
        role: 'acceptance',
        department_id: null,
        created_by: null,
        created_at: new Date().toISOString(),
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    const idsOf = async (table: 'categories' | 'areas' | 'departments' | 'sources' | 'tags') =>
      (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
    return {
      items: await count('problems'),
      events: await count('events'),
      publicCodes,
      staffKey,
      categoryIds: await idsOf('categories'),
      areaIds: await idsOf('areas'),
      departmentIds: await idsOf('departments'),
      sourceIds: await idsOf('sources'),
      tagIds: await idsOf('tags'),
      rnd,
    };
  } finally {
    await db.destroy();
  }
}
