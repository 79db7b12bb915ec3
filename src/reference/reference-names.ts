import type { Db } from '../db/database.js';

type Named = { id: number; name: string; name_en: string | null; code?: string };

/** id → name of the small reference tables: what every page of items needs to show names. */
export interface ReferenceNames {
  categories: Map<number, Named>;
  areas: Map<number, Named>;
  departments: Map<number, Named>;
  sources: Map<number, Named & { code: string }>;
  tags: Map<number, Named>;
}

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

export async function loadReferenceNames(db: Db): Promise<ReferenceNames> {
  const [categories, areas, departments, sources, tags] = await Promise.all([
    db.selectFrom('categories').select(['id', 'name', 'name_en']).execute(),
    db.selectFrom('areas').select(['id', 'name', 'name_en']).execute(),
    db.selectFrom('departments').select(['id', 'name', 'name_en']).execute(),
    db.selectFrom('sources').select(['id', 'name', 'name_en', 'code']).execute(),
    db.selectFrom('tags').select(['id', 'name', 'name_en']).execute(),
  ]);
  return {
    categories: byId(categories),
    areas: byId(areas),
    departments: byId(departments),
    sources: byId(sources),
    tags: byId(tags),
  };
}

/**
 * The names, loaded once and shared by every request: five queries less for each page, item and
 * submission. The reference service clears it when it commits a change; changes made by another
 * process (the CLI, a second server) show within `ttlMs`.
 */
export function referenceNamesCache(db: Db, ttlMs = 10_000, now: () => number = Date.now) {
  let cached: { at: number; value: Promise<ReferenceNames> } | null = null;
  return {
    /**
     * Inside a transaction pass it as `via`: on SQLite the transaction holds the one connection,
     * and a load through the root handle would wait for it forever.
     */
    get(via?: Db): Promise<ReferenceNames> {
      if (!cached || now() - cached.at > ttlMs) {
        const value = loadReferenceNames(via ?? db);
        const entry = { at: now(), value };
        cached = entry;
        value.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.value;
    },
    invalidate(): void {
      cached = null;
    },
  };
}

export type ReferenceNamesCache = ReturnType<typeof referenceNamesCache>;
