import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import { citywide } from './campaign-access.js';
import type { Db } from '../db/database.js';

/** Subjects with their area and department names, paged in SQL. */
export function subjectQuery(db: Db) {
  return db
    .selectFrom('cmp_subjects as s')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .leftJoin('departments as d', 'd.id', 's.department_id');
}

export const subjectColumns = [
  's.id',
  's.kind',
  's.name',
  's.credit_code',
  's.area_id',
  'a.name as area_name',
  's.address',
  's.contact_name',
  's.contact_phone',
  's.department_id',
  'd.name as department_name',
  's.is_public',
] as const;

export interface SubjectRow {
  id: number;
  kind: string;
  name: string;
  credit_code: string | null;
  area_id: number | null;
  area_name: string | null;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  department_id: number | null;
  department_name: string | null;
  is_public: number;
}

export function presentSubject(r: SubjectRow, withContact: boolean) {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    creditCode: r.credit_code,
    areaId: r.area_id,
    areaName: r.area_name,
    address: r.address,
    contactName: withContact ? r.contact_name : null,
    contactPhone: withContact ? r.contact_phone : null,
    departmentId: r.department_id,
    departmentName: r.department_name,
    isPublic: r.is_public === 1,
  };
}

/** Items linked to findings, plans or forums, briefly, with the subject they concern. */
export function itemBriefQuery(db: Db) {
  return db
    .selectFrom('problems as p')
    .leftJoin('departments as ld', 'ld.id', 'p.lead_department_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.status',
      'p.progress_percent',
      'p.deadline',
      'p.is_public',
      'ld.name as department_name',
    ]);
}

export interface ItemBriefRow {
  id: number;
  code: string;
  title: string;
  status: string;
  progress_percent: number;
  deadline: string | null;
  is_public: number;
  department_name: string | null;
}

export function presentBrief(
  r: ItemBriefRow,
  extra: { livelihood?: boolean; subjectId?: number | null; subjectName?: string | null } = {},
) {
  return {
    code: r.code,
    title: r.title,
    status: r.status,
    progressPercent: r.progress_percent,
    deadline: r.deadline,
    departmentName: r.department_name,
    livelihood: extra.livelihood ?? false,
    subjectId: extra.subjectId ?? null,
    subjectName: extra.subjectName ?? null,
  };
}

/** Narrows item briefs to what the reader may read (404-like: the rest are simply not listed). */
export function readableItems<Q extends { where: (...a: any[]) => Q }>(qb: Q, actor: Actor): Q {
  if (citywide(actor)) return qb;
  if (actor.role === 'department')
    return actor.departmentScope.length
      ? qb.where('p.lead_department_id', 'in', actor.departmentScope)
      : qb.where(sql.lit(false) as any);
  return qb.where('p.is_public', '=', 1).where('p.status', 'in', PUBLIC_STATES);
}
