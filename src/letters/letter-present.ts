import { isOverdue, LETTER_NAMES, type LetterKind, letterStatus } from './letter-rules.js';
import type { LetterRow } from './letter.repository.js';

/** The city's calendar date now, and of an instant (SupervisionRuntime has both). */
export interface CityClock {
  today(): string;
  dateOf(iso: string): string;
}

/** A letter in the API's camelCase shape; `overdue` and `late` are by the city's dates. */
export function presentLetter(r: LetterRow, clock: CityClock) {
  const kind = r.kind as LetterKind;
  return {
    id: r.id,
    kind,
    kindName: LETTER_NAMES[kind],
    docNumber: r.doc_number,
    year: r.year,
    serial: r.serial,
    problem: { code: r.problem_code, title: r.problem_title },
    department: { id: r.department_id, name: r.department_name },
    reason: r.reason,
    text: r.text,
    issuedBy: r.issued_by_name,
    issuedAt: r.issued_at,
    issueDate: r.issue_date,
    replyBy: r.reply_due,
    status: letterStatus(r),
    overdue: isOverdue(r, clock.today()),
    acknowledgement: r.acknowledged_at ? { signedBy: r.acknowledged_by_name ?? '', at: r.acknowledged_at } : null,
    reply: r.replied_at
      ? {
          text: r.reply_text ?? '',
          by: r.replied_by_name ?? '',
          at: r.replied_at,
          // Written after the deadline day: recorded, and shown as late.
          late: clock.dateOf(r.replied_at) > r.reply_due,
        }
      : null,
  };
}
