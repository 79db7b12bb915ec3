import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { HallApplicationTable } from './hall-tables.js';
import type { CaseListQueryT } from './application.schema.js';

export type CaseRow = Selectable<HallApplicationTable> & {
  matter_code: string;
  matter_name: string;
  version: number;
  department_name: string;
};

export function casesQuery(db: Db) {
  return db
    .selectFrom('hall_applications as a')
    .innerJoin('hall_matters as m', 'm.id', 'a.matter_id')
    .innerJoin('hall_matter_versions as v', 'v.id', 'a.version_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select(['m.code as matter_code', 'v.name as matter_name', 'v.version', 'd.name as department_name']);
}

export async function findCase(db: Db, number: string): Promise<CaseRow | undefined> {
  return casesQuery(db).where('a.number', '=', number).executeTakeFirst();
}

export async function caseMaterials(db: Db, applicationId: number) {
  return db
    .selectFrom('hall_application_materials as am')
    .innerJoin('hall_materials as mt', 'mt.id', 'am.material_id')
    .select([
      'mt.id',
      'mt.seq',
      'mt.name',
      'mt.form',
      'mt.copies',
      'mt.required',
      'am.state',
      'am.promised_date',
      'am.received_at',
    ])
    .where('am.application_id', '=', applicationId)
    .orderBy('mt.seq')
    .execute();
}
export type CaseMaterialRow = Awaited<ReturnType<typeof caseMaterials>>[number];

export interface CaseFilter extends Omit<CaseListQueryT, 'limit' | 'offset' | 'status' | 'idNumber'> {
  statuses?: string[];
  departmentIds?: number[];
  idDigest?: string;
  today: string;
}

/** The one filter behind the list and every statistic, so their counts cannot drift apart. */
export function filtered<Q extends ReturnType<typeof casesQuery>>(q: Q, f: CaseFilter): Q {
  let r = q;
  if (f.statuses?.length) r = r.where('a.status', 'in', f.statuses) as Q;
  if (f.matterCode) r = r.where('m.code', '=', f.matterCode) as Q;
  if (f.departmentIds) r = r.where('a.department_id', 'in', f.departmentIds.length ? f.departmentIds : [-1]) as Q;
  if (f.window) r = r.where('a.window_code', '=', f.window) as Q;
  if (f.clerkId) r = r.where('a.clerk_id', '=', f.clerkId) as Q;
  if (f.from) r = r.where('a.registered_on', '>=', f.from) as Q;
  if (f.to) r = r.where('a.registered_on', '<=', f.to) as Q;
  if (f.decided !== undefined) r = r.where('a.decided_on', f.decided ? 'is not' : 'is', null) as Q;
  if (f.onTime !== undefined) r = r.where('a.on_time', '=', f.onTime ? 1 : 0) as Q;
  if (f.noticed !== undefined) r = r.where('a.notice_count', f.noticed ? '>' : '=', 0) as Q;
  if (f.overdue) r = r.where('a.status', 'in', ['accepted', 'reviewing']).where('a.due_date', '<', f.today) as Q;
  if (f.warning) r = r.where('a.warning_level', '=', f.warning) as Q;
  if (f.idDigest) r = r.where('a.id_digest', '=', f.idDigest) as Q;
  if (f.q?.trim()) {
    const text = f.q.trim();
    r = r.where((eb) => eb.or([eb('a.number', '=', text), eb('a.applicant_name', '=', text)])) as Q;
  }
  return r;
}

export async function listCases(db: Db, f: CaseFilter, limit: number, offset: number) {
  const rows = await filtered(casesQuery(db), f)
    .orderBy('a.registered_on', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const { n } = await filtered(casesQuery(db), f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
