import type { Generated } from 'kysely';
import type { Db } from '../db/database.js';
import type { LetterKind, LetterStatus } from './letter-rules.js';

export interface SupervisionLetterTable {
  id: Generated<number>;
  kind: string;
  year: number;
  serial: number;
  doc_number: string;
  problem_id: number;
  department_id: number;
  reason: string;
  text: string;
  issued_by: number | null;
  issued_by_name: string;
  issued_at: string;
  issue_date: string;
  reply_due: string;
  acknowledged_by: number | null;
  acknowledged_by_name: string | null;
  acknowledged_at: string | null;
  reply_text: string | null;
  replied_by: number | null;
  replied_by_name: string | null;
  replied_at: string | null;
  overdue_recorded_at: string | null;
}

export interface LetterCounterTable {
  kind: string;
  year: number;
  last_serial: number;
}

declare module '../db/schema.js' {
  interface Database {
    supervision_letters: SupervisionLetterTable;
    letter_counters: LetterCounterTable;
  }
}

/**
 * The next serial of a kind in a year. The upsert takes the counter row's lock (PostgreSQL) or the
 * write lock (SQLite) until the caller's transaction ends, so concurrent issues queue here and each
 * reads the number the previous one committed; a rolled-back issue takes its number back with it.
 */
export async function nextSerial(trx: Db, kind: LetterKind, year: number): Promise<number> {
  const r = await trx
    .insertInto('letter_counters')
    .values({ kind, year, last_serial: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'year']).doUpdateSet((eb) => ({ last_serial: eb('letter_counters.last_serial', '+', 1) })),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return Number(r.last_serial);
}

export interface LetterFilter {
  id?: number;
  departmentIds?: number[];
  problemId?: number;
  kind?: LetterKind;
  status?: LetterStatus;
  /** Letters without a reply whose deadline is before this date. */
  overdueBefore?: string;
  year?: number;
  limit?: number;
  offset?: number;
}

function filtered(db: Db, f: LetterFilter) {
  return db
    .selectFrom('supervision_letters as l')
    .$if(f.id !== undefined, (q) => q.where('l.id', '=', f.id!))
    .$if(f.departmentIds !== undefined, (q) =>
      q.where('l.department_id', 'in', f.departmentIds!.length ? f.departmentIds! : [-1]),
    )
    .$if(f.problemId !== undefined, (q) => q.where('l.problem_id', '=', f.problemId!))
    .$if(f.kind !== undefined, (q) => q.where('l.kind', '=', f.kind!))
    .$if(f.year !== undefined, (q) => q.where('l.year', '=', f.year!))
    .$if(f.status === 'issued', (q) => q.where('l.acknowledged_at', 'is', null).where('l.replied_at', 'is', null))
    .$if(f.status === 'acknowledged', (q) =>
      q.where('l.acknowledged_at', 'is not', null).where('l.replied_at', 'is', null),
    )
    .$if(f.status === 'replied', (q) => q.where('l.replied_at', 'is not', null))
    .$if(f.overdueBefore !== undefined, (q) =>
      q.where('l.replied_at', 'is', null).where('l.reply_due', '<', f.overdueBefore!),
    );
}

export async function listLetters(db: Db, f: LetterFilter) {
  return filtered(db, f)
    .innerJoin('problems as p', 'p.id', 'l.problem_id')
    .innerJoin('departments as d', 'd.id', 'l.department_id')
    .selectAll('l')
    .select(['p.code as problem_code', 'p.title as problem_title', 'd.name as department_name'])
    .orderBy('l.issued_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
}

export async function countLetters(db: Db, f: LetterFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type LetterRow = Awaited<ReturnType<typeof listLetters>>[number];

export async function getLetter(db: Db, id: number): Promise<LetterRow | undefined> {
  return (await listLetters(db, { id, limit: 1 }))[0];
}
