import type { Db } from '../db/database.js';
import { hashPassword } from '../auth/secrets.js';
import { isEmpty, seedReference } from '../demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-reference.js';
import { hasTemplate } from './bulk-text.js';

type Person = { id: number; name: string };

/** What the generator needs to know about the city: ids and names it refers to. */
export interface BulkRefs {
  categories: Array<{ id: number; code: string; deptId: number | null; tier: string }>;
  areas: Array<{ id: number; name: string }>;
  departments: Map<number, string>;
  sources: Map<string, number>;
  tagIds: number[];
  acceptance: Person;
  supervisor: Person;
  leaders: Person[];
  /** A staff member per department; departments without one act through the administrator. */
  deptStaff: Map<number, Person>;
  admin: Person;
}

/**
 * An empty database gets the demo city's reference data and accounts (password as in the demo),
 * so `seed --bulk` works on a fresh install; a populated one is used as it is.
 */
export async function ensureReference(db: Db, log: (m: string) => void): Promise<void> {
  if (!(await isEmpty(db))) return;
  log("bulk: empty database — adding the demo city's reference data and accounts");
  const ids = await seedReference(db);
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  for (const u of DEMO_USERS) {
    await db
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName,
        password_hash: hash,
        role: u.role,
        department_id: 'dept' in u ? ids.departments[u.dept] : null,
        email: null,
        phone: null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
      })
      .execute();
  }
}

export async function loadRefs(db: Db): Promise<BulkRefs> {
  const [cats, areas, depts, sources, tags, users] = await Promise.all([
    db
      .selectFrom('categories')
      .select(['id', 'code', 'parent_id', 'default_department_id', 'time_limit_tier'])
      .orderBy('id')
      .execute(),
    db.selectFrom('areas').select(['id', 'name', 'level']).orderBy('id').execute(),
    db.selectFrom('departments').select(['id', 'name']).orderBy('id').execute(),
    db.selectFrom('sources').select(['id', 'code']).execute(),
    db.selectFrom('tags').select('id').execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'department_id'])
      .where('active', '=', 1)
      .orderBy('id')
      .execute(),
  ]);
  const parents = new Set(cats.map((c) => c.parent_id).filter((p) => p !== null));
  // Leaf categories with a default department read like real reports; others are too generic.
  let leaves = cats.filter((c) => !parents.has(c.id) && c.default_department_id !== null && hasTemplate(c.code));
  if (!leaves.length) leaves = cats.filter((c) => !parents.has(c.id));
  if (!leaves.length || !depts.length || !sources.length)
    throw new Error('bulk seeding needs categories, departments and sources; seed the reference data first');
  const person = (u: (typeof users)[number]) => ({ id: u.id, name: u.display_name });
  const byRole = (role: string) => users.filter((u) => u.role === role).map(person);
  const admin = byRole('admin')[0];
  if (!admin) throw new Error('bulk seeding needs an administrator account (qingdan user add -r admin …)');
  const deptStaff = new Map<number, Person>();
  for (const u of users)
    if (u.role === 'department' && u.department_id !== null && !deptStaff.has(u.department_id))
      deptStaff.set(u.department_id, person(u));
  return {
    categories: leaves.map((c) => ({
      id: c.id,
      code: c.code,
      deptId: c.default_department_id ?? depts[c.id % depts.length].id,
      tier: c.time_limit_tier,
    })),
    // Items name a district, town or village; a city-only tree still works.
    areas: (areas.some((a) => a.level !== 'city') ? areas.filter((a) => a.level !== 'city') : areas).map((a) => ({
      id: a.id,
      name: a.name,
    })),
    departments: new Map(depts.map((d) => [d.id, d.name])),
    sources: new Map(sources.map((s) => [s.code, s.id])),
    tagIds: tags.map((t) => t.id),
    acceptance: byRole('acceptance')[0] ?? admin,
    supervisor: byRole('supervisor')[0] ?? admin,
    leaders: byRole('leader'),
    deptStaff,
    admin,
  };
}
