import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import { addDays } from '../shared/time.js';
import { indexTerms, queryTerms } from '../search/tokenize.js';
import type { HallMaterialTable, HallMatterVersionTable } from './hall-tables.js';
import { LIFE_EVENTS, MATTER_TYPES, type LifeEvent, type MatterType } from './vocabulary.js';
import type { VersionInputT, VersionState } from './matter.schema.js';

export type VersionRow = Selectable<HallMatterVersionTable> & { code: string; department_name: string };
export type MaterialRow = Selectable<HallMaterialTable>;

/** Draft, scheduled (published, starts later), current, or replaced (a later version took over). */
export function versionState(
  v: Pick<VersionRow, 'status' | 'effective_from' | 'effective_to'>,
  today: string,
): VersionState {
  if (v.status === 'draft') return 'draft';
  if (v.effective_from !== null && v.effective_from > today) return 'scheduled';
  if (v.effective_to !== null && v.effective_to < today) return 'replaced';
  return 'current';
}

export function versionsQuery(db: Db) {
  return db
    .selectFrom('hall_matter_versions as v')
    .innerJoin('hall_matters as m', 'm.id', 'v.matter_id')
    .innerJoin('departments as d', 'd.id', 'v.department_id')
    .selectAll('v')
    .select(['m.code', 'd.name as department_name']);
}

/** The version in force on `date`: published, started, not yet replaced. */
export function currentOn<Q extends ReturnType<typeof versionsQuery>>(q: Q, date: string): Q {
  return q
    .where('v.status', '=', 'published')
    .where('v.effective_from', '<=', date)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>=', date)])) as Q;
}

export async function currentVersion(db: Db, code: string, date: string): Promise<VersionRow | undefined> {
  return currentOn(versionsQuery(db), date).where('m.code', '=', code).executeTakeFirst();
}

export async function versionsOf(db: Db, matterId: number): Promise<VersionRow[]> {
  return versionsQuery(db).where('v.matter_id', '=', matterId).orderBy('v.version').execute();
}

export async function materialsOf(db: Db, versionIds: number[]): Promise<Map<number, MaterialRow[]>> {
  const out = new Map<number, MaterialRow[]>();
  if (!versionIds.length) return out;
  const rows = await db
    .selectFrom('hall_materials')
    .selectAll()
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('seq')
    .execute();
  for (const r of rows) out.set(r.version_id, [...(out.get(r.version_id) ?? []), r]);
  return out;
}

export function versionRow(input: VersionInputT) {
  return {
    name: input.name.trim(),
    type: input.type,
    department_id: input.departmentId,
    implementing_body: input.implementingBody.trim(),
    legal_basis: input.legalBasis.trim(),
    conditions: input.conditions.trim(),
    audience: input.audience,
    statutory_days: input.statutoryDays,
    promised_days: input.promisedDays,
    fee_fen: input.feeFen,
    fee_note: input.feeNote?.trim() || null,
    at_most_once: input.atMostOnce ? 1 : 0,
    service_mode: input.serviceMode,
    free_services: JSON.stringify(input.freeServices),
    life_events: JSON.stringify(input.lifeEvents),
  };
}

/** Writes a version's materials, search terms and life events (after deleting any old ones). */
export async function writeVersionParts(
  trx: Db,
  versionId: number,
  input: VersionInputT,
  ctx: { code: string; departmentName: string },
): Promise<void> {
  await trx.deleteFrom('hall_materials').where('version_id', '=', versionId).execute();
  await trx.deleteFrom('hall_matter_terms').where('version_id', '=', versionId).execute();
  await trx.deleteFrom('hall_version_life_events').where('version_id', '=', versionId).execute();
  if (input.materials.length)
    await trx
      .insertInto('hall_materials')
      .values(
        input.materials.map((m, i) => ({
          version_id: versionId,
          seq: i + 1,
          name: m.name.trim(),
          form: m.form,
          copies: m.copies,
          required: m.required ? 1 : 0,
          note: m.note?.trim() || null,
        })),
      )
      .execute();
  const named = new Set(indexTerms(`${input.name} ${ctx.code}`));
  const rest = indexTerms(
    [
      ctx.departmentName,
      input.implementingBody,
      MATTER_TYPES[input.type as MatterType].zh,
      ...input.lifeEvents.map((e) => LIFE_EVENTS[e as LifeEvent].zh),
      ...input.materials.map((m) => m.name),
    ].join(' '),
  ).filter((t) => !named.has(t));
  const terms = [...[...named].map((term) => ({ term, in_name: 1 })), ...rest.map((term) => ({ term, in_name: 0 }))];
  for (let i = 0; i < terms.length; i += 200)
    await trx
      .insertInto('hall_matter_terms')
      .values(terms.slice(i, i + 200).map((t) => ({ ...t, version_id: versionId })))
      .execute();
  if (input.lifeEvents.length)
    await trx
      .insertInto('hall_version_life_events')
      .values(input.lifeEvents.map((event) => ({ event, version_id: versionId })))
      .execute();
}

export interface MatterFilter {
  state: 'published' | 'draft' | 'all';
  today: string;
  q?: string;
  departmentIds?: number[];
  lifeEvent?: string;
  type?: string;
  atMostOnce?: boolean;
  serviceMode?: string;
}

/** Versions matching a filter, at most `cap`; a text query is the AND of its terms (tokenize.ts). */
export async function findVersions(db: Db, f: MatterFilter, cap = 5000) {
  let q = versionsQuery(db).select((eb) =>
    eb
      .selectFrom('hall_materials as mt')
      .select(eb.fn.countAll<number | string>().as('n'))
      .whereRef('mt.version_id', '=', 'v.id')
      .as('material_count'),
  );
  if (f.state === 'published') q = currentOn(q, f.today);
  else if (f.state === 'draft') q = q.where('v.status', '=', 'draft');
  else
    q = q.where((eb) =>
      eb(
        'v.version',
        '=',
        eb
          .selectFrom('hall_matter_versions as w')
          .select((x) => x.fn.max('w.version').as('mv'))
          .whereRef('w.matter_id', '=', 'v.matter_id'),
      ),
    );
  if (f.departmentIds) q = q.where('v.department_id', 'in', f.departmentIds.length ? f.departmentIds : [-1]);
  if (f.type) q = q.where('v.type', '=', f.type);
  if (f.atMostOnce !== undefined) q = q.where('v.at_most_once', '=', f.atMostOnce ? 1 : 0);
  if (f.serviceMode) q = q.where('v.service_mode', '=', f.serviceMode);
  if (f.lifeEvent)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('hall_version_life_events as le')
          .select('le.version_id')
          .whereRef('le.version_id', '=', 'v.id')
          .where('le.event', '=', f.lifeEvent!),
      ),
    );
  const terms = f.q ? queryTerms(f.q) : [];
  for (const t of terms)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('hall_matter_terms as ht')
          .select('ht.version_id')
          .whereRef('ht.version_id', '=', 'v.id')
          .where('ht.term', t.prefix ? 'like' : '=', t.prefix ? `${t.term}%` : t.term),
      ),
    );
  return q.orderBy('v.department_id').orderBy('m.code').limit(cap).execute();
}

/** The day before `date`: a replaced version's last day. */
export const dayBefore = (date: string) => addDays(date, -1);
