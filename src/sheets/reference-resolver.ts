/**
 * Resolves the names typed in a sheet (所属区域, 问题类别, 牵头单位, 配合单位, 领办领导, 问题来源)
 * against the reference data, once per distinct name: a 100,000-row sheet names a few dozen units.
 * Codes and English names count as aliases.
 */
import type { Db } from '../db/database.js';
import { resolveName, type NameCandidate } from './name-match.js';

export type Resolved = { ok: true; id: number; name: string } | { ok: false; suggestions: string[] };
export type RefKind = 'area' | 'category' | 'department' | 'leader' | 'source';

interface Candidate extends NameCandidate {
  id: number;
  code?: string;
}

export interface ReferenceData {
  area: Candidate[];
  category: Candidate[];
  department: Candidate[];
  leader: Candidate[];
  source: Candidate[];
}

const withAliases = (rows: Array<{ id: number; name: string; code: string; name_en: string | null }>): Candidate[] =>
  rows.map((r) => ({ id: r.id, name: r.name, code: r.code, aliases: [r.code, ...(r.name_en ? [r.name_en] : [])] }));

export async function loadReferenceData(db: Db): Promise<ReferenceData> {
  const cols = ['id', 'name', 'code', 'name_en'] as const;
  const [areas, categories, departments, sources, leaders] = await Promise.all([
    db.selectFrom('areas').select(cols).execute(),
    db.selectFrom('categories').select(cols).execute(),
    db.selectFrom('departments').select(cols).execute(),
    db.selectFrom('sources').select(cols).execute(),
    db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('role', '=', 'leader')
      .where('active', '=', 1)
      .execute(),
  ]);
  return {
    area: withAliases(areas),
    category: withAliases(categories),
    department: withAliases(departments),
    source: withAliases(sources),
    // Display names carry a title ("市委书记 张建国"); sheets usually give just the person's name.
    leader: leaders.map((u) => ({
      id: u.id,
      name: u.display_name,
      aliases: [u.username, u.display_name.split(/\s+/).at(-1) ?? u.display_name],
    })),
  };
}

export class ReferenceResolver {
  private cache = new Map<string, Resolved>();
  constructor(private data: ReferenceData) {}

  resolve(kind: RefKind, name: string): Resolved {
    const key = `${kind}\u0000${name}`;
    let r = this.cache.get(key);
    if (!r) {
      const res = resolveName(name, this.data[kind]);
      r =
        res.kind === 'exact'
          ? { ok: true, id: res.candidate.id, name: res.candidate.name }
          : { ok: false, suggestions: res.suggestions.map((s) => s.candidate.name) };
      this.cache.set(key, r);
    }
    return r;
  }

  nameOf(kind: RefKind, id: number | null): string | null {
    return id === null ? null : (this.data[kind].find((c) => c.id === id)?.name ?? null);
  }

  idOfCode(kind: RefKind, code: string): number | null {
    return this.data[kind].find((c) => c.code === code)?.id ?? null;
  }
}
