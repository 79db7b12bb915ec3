import { AppError } from '../errors.js';
import type { WorkCalendar } from '../supervision/calendar.js';

export const LETTER_KINDS = ['letter', 'summons'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_NAMES: Record<LetterKind, { zh: string; en: string; word: string }> = {
  // The word in the number: 督 for 督办函, 约 for 约谈 (〔2026〕督字第 12 号).
  letter: { zh: '督办函', en: 'Supervision letter', word: '督' },
  summons: { zh: '约谈通知', en: 'Summons', word: '约' },
};

/** Working days a unit has to reply when the issuer does not say (督办函 practice: 5). */
export const DEFAULT_REPLY_DAYS = 5;
export const MAX_REPLY_DAYS = 60;

/** The document number as printed on the letter: 〔2026〕督字第 12 号. */
export function docNumber(kind: LetterKind, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`serial must be a positive integer, got ${serial}`);
  return `〔${year}〕${LETTER_NAMES[kind].word}字第 ${serial} 号`;
}

/**
 * The reply deadline: `replyBy` when the issuer names a date (never before the issue date), else
 * `days` working days after the issue date on the city's calendar (the issue day does not count).
 */
export function replyDeadline(
  cal: WorkCalendar,
  issueDate: string,
  input: { replyBy?: string; replyDays?: number },
): string {
  if (input.replyBy !== undefined) {
    if (input.replyBy < issueDate)
      throw new AppError('validation_failed', `the reply deadline ${input.replyBy} is before today (${issueDate})`, {
        field: 'replyBy',
      });
    return input.replyBy;
  }
  const days = input.replyDays ?? DEFAULT_REPLY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPLY_DAYS)
    throw new AppError('validation_failed', `reply days must be 1–${MAX_REPLY_DAYS} working days, got ${days}`, {
      field: 'replyDays',
    });
  return cal.addWorkingDays(issueDate, days);
}

export const LETTER_STATUSES = ['issued', 'acknowledged', 'replied'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export function letterStatus(r: { acknowledged_at: string | null; replied_at: string | null }): LetterStatus {
  return r.replied_at ? 'replied' : r.acknowledged_at ? 'acknowledged' : 'issued';
}

/** Overdue: no written reply and the deadline day has passed (a reply on the deadline day is in time). */
export function isOverdue(r: { replied_at: string | null; reply_due: string }, today: string): boolean {
  return !r.replied_at && r.reply_due < today;
}
