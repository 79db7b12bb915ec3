import type { Db } from '../db/database.js';
import type { Lang } from '../errors.js';

export const ACTION_KINDS = ['reminder', 'letter', 'summons', 'notice', 'flagged'] as const;
export type SupervisionActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_NAMES: Record<SupervisionActionKind, string> = {
  reminder: '催办',
  letter: '督办函',
  summons: '约谈',
  notice: '通报',
  flagged: '挂牌督办',
};
export const ACTION_NAMES_EN: Record<SupervisionActionKind, string> = {
  reminder: 'Reminder',
  letter: 'Supervision letter',
  summons: 'Summons',
  notice: 'Public notice',
  flagged: 'Flagged for supervision',
};

export interface NewAction {
  problemId: number | null;
  departmentId: number | null;
  kind: SupervisionActionKind;
  actionDate: string;
  text: string;
  /** English of a system-written text; a person's own words have none. */
  textEn?: string | null;
  people: string[];
  automatic: boolean;
  dedupeKey: string | null;
  createdBy: number | null;
  createdAt: string;
}

/**
 * Inserts an action; with a dedupe key, a second insert (a rerun, or another instance) returns
 * null instead of recording twice (ON CONFLICT DO NOTHING keeps the transaction usable in both
 * dialects, where catching a unique violation would abort a PostgreSQL transaction).
 */
export async function insertAction(trx: Db, a: NewAction): Promise<number | null> {
  const values = {
    problem_id: a.problemId,
    department_id: a.departmentId,
    kind: a.kind,
    action_date: a.actionDate,
    text: a.text,
    text_en: a.textEn ?? null,
    people: JSON.stringify(a.people),
    automatic: a.automatic ? 1 : 0,
    dedupe_key: a.dedupeKey,
    created_by: a.createdBy,
    created_at: a.createdAt,
  };
  if (!a.dedupeKey)
    return (await trx.insertInto('supervision_actions').values(values).returning('id').executeTakeFirstOrThrow()).id;
  const r = await trx
    .insertInto('supervision_actions')
    .values(values)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function listActions(
  db: Db,
  f: { id?: number; departmentIds?: number[]; problemId?: number; from?: string; to?: string; limit?: number },
) {
  return db
    .selectFrom('supervision_actions as a')
    .leftJoin('problems as p', 'p.id', 'a.problem_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select([
      'a.id',
      'a.kind',
      'a.action_date',
      'a.text',
      'a.text_en',
      'a.people',
      'a.automatic',
      'a.created_at',
      'a.department_id',
      'd.name as department_name',
      'p.code as problem_code',
      'p.title as problem_title',
      'u.display_name as created_by_name',
    ])
    .$if(f.departmentIds !== undefined, (q) =>
      q.where('a.department_id', 'in', f.departmentIds!.length ? f.departmentIds! : [-1]),
    )
    .$if(f.id !== undefined, (q) => q.where('a.id', '=', f.id!))
    .$if(f.problemId !== undefined, (q) => q.where('a.problem_id', '=', f.problemId!))
    .$if(f.from !== undefined, (q) => q.where('a.action_date', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('a.action_date', '<=', f.to!))
    .orderBy('a.action_date', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
}

/** An action as the API shows it: an automatic one's text in the reader's language when it has both. */
export function presentAction(r: Awaited<ReturnType<typeof listActions>>[number], lang: Lang = 'zh') {
  const kind = r.kind as SupervisionActionKind;
  return {
    id: r.id,
    kind: r.kind,
    kindName: (lang === 'en' ? ACTION_NAMES_EN[kind] : ACTION_NAMES[kind]) ?? r.kind,
    date: r.action_date,
    text: (lang === 'en' && r.text_en) || r.text,
    people: JSON.parse(r.people) as string[],
    automatic: r.automatic === 1,
    createdAt: r.created_at,
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
    problem: r.problem_code ? { code: r.problem_code, title: r.problem_title ?? '' } : null,
    createdBy: r.created_by_name ?? null,
  };
}
