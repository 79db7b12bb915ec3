import { requireRole, type Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { OPEN_STATES } from '../lifecycle/lifecycle.js';
import { departmentUserIds } from '../notify/notifier.js';
import { findProblemByCode } from '../problems/problem.repository.js';
import { departmentScope } from '../supervision/supervision-access.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';
import { docNumber, LETTER_NAMES, type LetterKind, replyDeadline } from './letter-rules.js';
import { presentLetter } from './letter-present.js';
import { countLetters, getLetter, type LetterFilter, listLetters, nextSerial } from './letter.repository.js';
import { recordLetterEvent } from './letter-events.js';
import { load, loadForUnit } from './letter-access.js';

/** Who issues letters and summons: the supervision office, leaders and administrators. */
export const ISSUERS = ['admin', 'supervisor', 'leader'] as const;

export interface IssueInput {
  kind: LetterKind;
  problemCode: string;
  departmentId?: number;
  reason: string;
  text: string;
  replyDays?: number;
  replyBy?: string;
}

export type ListQuery = Omit<LetterFilter, 'departmentIds' | 'overdueBefore' | 'problemId'> & {
  overdue?: boolean;
  departmentId?: number;
  problemCode?: string;
};

/** Letters (督办函) and summons (约谈): numbered, printable, acknowledged and answered by the unit. */
export function letterService(rt: SupervisionRuntime) {
  const db = rt.db;

  return {
    async issue(actor: Actor, input: IssueInput) {
      requireRole(actor, [...ISSUERS]);
      return db.transaction().execute(async (trx) => {
        const problem = await findProblemByCode(trx, input.problemCode);
        if (!problem) throw notFound('problem', input.problemCode);
        if (!OPEN_STATES.includes(problem.status as never) || problem.lead_department_id === null)
          throw new AppError(
            'invalid_transition',
            `item ${problem.code} has no unit at work on it (${problem.status})`,
          );
        const departmentId = input.departmentId ?? problem.lead_department_id;
        const dept = await trx.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst();
        if (!dept)
          throw new AppError('validation_failed', `department ${departmentId} does not exist`, {
            field: 'departmentId',
          });
        const today = rt.today();
        const replyDue = replyDeadline(rt.store.calendar(), today, input);
        const year = Number(today.slice(0, 4));
        const serial = await nextSerial(trx, input.kind, year);
        const number = docNumber(input.kind, year, serial);
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('supervision_letters')
          .values({
            kind: input.kind,
            year,
            serial,
            doc_number: number,
            problem_id: problem.id,
            department_id: departmentId,
            reason: input.reason.trim(),
            text: input.text.trim(),
            issued_by: actor.id,
            issued_by_name: actor.name,
            issued_at: now,
            issue_date: today,
            reply_due: replyDue,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordLetterEvent(trx, actor, problem.id, 'letter_issued', now, {
          letterId: id,
          docNumber: number,
          kind: input.kind,
          text: input.reason.trim(),
          deadline: replyDue,
        });
        await rt.notifier.notify(
          trx,
          {
            userIds: await departmentUserIds(trx, departmentId),
            kind: input.kind === 'summons' ? 'summons' : 'supervision',
            problemCode: problem.code,
            title: `${LETTER_NAMES[input.kind].zh} ${number}：${problem.title}`,
            body: `${input.reason.trim()}。请签收并于 ${replyDue} 前书面回复。`,
          },
          now,
        );
        return presentLetter((await getLetter(trx, id))!, rt);
      });
    },

    async list(actor: Actor, q: ListQuery) {
      const scope = departmentScope(actor);
      let problemId: number | undefined;
      if (q.problemCode) {
        const p = await findProblemByCode(db, q.problemCode);
        if (!p) return { items: [], total: 0 };
        problemId = p.id;
      }
      const wanted = q.departmentId === undefined ? undefined : [q.departmentId];
      const f: LetterFilter = {
        ...q,
        problemId,
        departmentIds: scope === 'all' ? wanted : (wanted?.filter((d) => scope.includes(d)) ?? scope),
        overdueBefore: q.overdue ? rt.today() : undefined,
      };
      const [rows, total] = await Promise.all([listLetters(db, f), countLetters(db, f)]);
      return { items: rows.map((r) => presentLetter(r, rt)), total };
    },

    async get(actor: Actor, id: number) {
      return presentLetter(await load(db, actor, id), rt);
    },

    /** The row for printing, after the same read check as `get`. */
    async printable(actor: Actor, id: number) {
      return load(db, actor, id);
    },

    async acknowledge(actor: Actor, id: number, input: { signedBy: string }) {
      return db.transaction().execute(async (trx) => {
        const row = await loadForUnit(trx, actor, id);
        if (row.acknowledged_at) throw new AppError('conflict', `letter ${row.doc_number} is already acknowledged`);
        const now = rt.now().toISOString();
        const signedBy = input.signedBy.trim() || actor.name;
        await trx
          .updateTable('supervision_letters')
          .set({ acknowledged_by: actor.id, acknowledged_by_name: signedBy, acknowledged_at: now })
          .where('id', '=', id)
          .where('acknowledged_at', 'is', null)
          .execute();
        await recordLetterEvent(trx, actor, row.problem_id, 'letter_acknowledged', now, {
          letterId: id,
          docNumber: row.doc_number,
          signedBy,
        });
        return presentLetter((await getLetter(trx, id))!, rt);
      });
    },

    async reply(actor: Actor, id: number, input: { text: string }) {
      return db.transaction().execute(async (trx) => {
        const row = await loadForUnit(trx, actor, id);
        if (!row.acknowledged_at)
          throw new AppError('invalid_transition', `acknowledge letter ${row.doc_number} before replying`);
        if (row.replied_at) throw new AppError('conflict', `letter ${row.doc_number} already has a reply`);
        const now = rt.now().toISOString();
        await trx
          .updateTable('supervision_letters')
          .set({ reply_text: input.text.trim(), replied_by: actor.id, replied_by_name: actor.name, replied_at: now })
          .where('id', '=', id)
          .where('replied_at', 'is', null)
          .execute();
        await recordLetterEvent(trx, actor, row.problem_id, 'letter_replied', now, {
          letterId: id,
          docNumber: row.doc_number,
          text: input.text.trim(),
          deadline: row.reply_due,
        });
        if (row.issued_by !== null)
          await rt.notifier.notify(
            trx,
            {
              userIds: [row.issued_by],
              kind: 'supervision',
              problemCode: row.problem_code,
              title: `${row.department_name} 已回复 ${row.doc_number}`,
              body: input.text.trim().slice(0, 500),
            },
            now,
          );
        return presentLetter((await getLetter(trx, id))!, rt);
      });
    },
  };
}

export type LetterService = ReturnType<typeof letterService>;
