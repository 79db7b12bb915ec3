import type { Db } from '../db/database.js';
import type { ProblemRow } from './problem.repository.js';
import { codesOf, coDepartmentIdsOf, tagIdsOf } from './problem.repository.js';
import type { ProblemView } from './problem.schema.js';
import { OVERDUE_STATES } from './problem-list.repository.js';
import { loadReferenceNames, type ReferenceNames } from '../reference/reference-names.js';
import type { State } from '../lifecycle/lifecycle.js';

type Named = { id: number; name: string; name_en?: string | null; code?: string };

/** Names of everything a problem refers to, loaded once for a page of problems. */
export interface Lookups {
  categories: Map<number, Named>;
  areas: Map<number, Named>;
  departments: Map<number, Named>;
  sources: Map<number, Named & { code: string }>;
  tags: Map<number, Named>;
  leaders: Map<number, { id: number; displayName: string }>;
  coDepartments: Map<number, number[]>;
  tagIds: Map<number, number[]>;
  codes: Map<number, string>;
  attachments: Map<
    number,
    { id: number; filename: string; mime: string; size: number; kind: string; url: string; createdAt: string }[]
  >;
}

export async function loadLookups(
  db: Db,
  rows: ProblemRow[],
  opts: { publicOnly: boolean; names?: () => Promise<ReferenceNames> },
): Promise<Lookups> {
  const ids = rows.map((r) => r.id);
  const leaderIds = [...new Set(rows.map((r) => r.owner_leader_id).filter((x): x is number => x !== null))];
  const linkIds = [
    ...new Set(rows.flatMap((r) => [r.merged_into_id, r.parent_id]).filter((x): x is number => x !== null)),
  ];
  const [names, leaders, coDepartments, tagIds, codes, attachments] = await Promise.all([
    // Shared, cached names when the service has them (see reference-names.ts).
    opts.names ? opts.names() : loadReferenceNames(db),
    leaderIds.length
      ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', leaderIds).execute()
      : [],
    coDepartmentIdsOf(db, ids),
    tagIdsOf(db, ids),
    codesOf(db, linkIds),
    ids.length
      ? db
          .selectFrom('attachments')
          .select(['id', 'problem_id', 'filename', 'mime', 'size', 'kind', 'created_at'])
          .where('problem_id', 'in', ids)
          .$if(opts.publicOnly, (q) => q.where('is_public', '=', 1))
          .orderBy('id')
          .execute()
      : [],
  ]);
  const att = new Map<number, Lookups['attachments'] extends Map<number, infer V> ? V : never>();
  for (const a of attachments) {
    att.set(a.problem_id, [
      ...(att.get(a.problem_id) ?? []),
      {
        id: a.id,
        filename: a.filename,
        mime: a.mime,
        size: a.size,
        kind: a.kind,
        url: `/api/v1/attachments/${a.id}`,
        createdAt: a.created_at,
      },
    ]);
  }
  return {
    categories: names.categories,
    areas: names.areas,
    departments: names.departments,
    sources: names.sources,
    tags: names.tags,
    leaders: new Map(leaders.map((l) => [l.id, { id: l.id, displayName: l.display_name }])),
    coDepartments,
    tagIds,
    codes,
    attachments: att,
  };
}

const ref = (m: Map<number, Named>, id: number | null) => {
  const r = id === null ? undefined : m.get(id);
  // The English name rides along, so an English page can name a category (it showed only Chinese).
  return r ? { id: r.id, name: r.name, nameEn: r.name_en ?? null } : null;
};

export function isOverdue(row: Pick<ProblemRow, 'deadline' | 'status'>, today: string): boolean {
  return Boolean(row.deadline && row.deadline < today && OVERDUE_STATES.includes(row.status as State));
}

/** One view for everyone; `withContact` adds the reporter's personal data for roles that need it. */
export function presentProblem(
  row: ProblemRow,
  l: Lookups,
  opts: { withContact: boolean; today: string },
): ProblemView {
  const view: ProblemView = {
    code: row.code,
    title: row.title,
    description: row.description,
    status: row.status as State,
    category: ref(l.categories, row.category_id),
    source: (() => {
      const s = l.sources.get(row.source_id)!;
      return { id: s.id, code: s.code, name: s.name };
    })(),
    area: ref(l.areas, row.area_id),
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    urgency: row.urgency,
    isPublic: row.is_public === 1,
    anonymous: row.anonymous === 1,
    measures: row.measures,
    leadDepartment: ref(l.departments, row.lead_department_id),
    coDepartments: (l.coDepartments.get(row.id) ?? []).map((d) => ref(l.departments, d)!).filter(Boolean),
    responsiblePerson: row.responsible_person,
    ownerLeader: row.owner_leader_id ? (l.leaders.get(row.owner_leader_id) ?? null) : null,
    deadline: row.deadline,
    checkpointDate: row.checkpoint_date,
    progressPercent: row.progress_percent,
    redoCount: row.redo_count,
    reportCount: row.report_count,
    mergedInto: row.merged_into_id ? (l.codes.get(row.merged_into_id) ?? null) : null,
    parentCode: row.parent_id ? (l.codes.get(row.parent_id) ?? null) : null,
    satisfaction: row.satisfaction,
    tags: (l.tagIds.get(row.id) ?? []).map((t) => ref(l.tags, t)!).filter(Boolean),
    attachments: l.attachments.get(row.id) ?? [],
    overdue: isOverdue(row, opts.today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    assignedAt: row.assigned_at,
    signedAt: row.signed_at,
    rectifiedAt: row.rectified_at,
    closedAt: row.closed_at,
  };
  if (opts.withContact)
    view.reporter = { name: row.reporter_name, phone: row.reporter_phone, email: row.reporter_email };
  return view;
}
