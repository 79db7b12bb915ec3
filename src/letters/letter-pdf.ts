import { renderNoticePdf } from '../hall/notice-pdf.js';
import { LETTER_NAMES, type LetterKind } from './letter-rules.js';
import type { LetterRow } from './letter.repository.js';

const cnDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
};

/** What the printed letter says, line by line (kept apart from drawing so it reads as the letter does). */
export function letterLines(r: LetterRow): { title: string; lines: string[] } {
  const kind = r.kind as LetterKind;
  const ask =
    kind === 'summons'
      ? `请单位主要负责人按通知时间到场接受约谈，签收后于 ${cnDate(r.reply_due)} 前书面报告整改情况。`
      : `请接函后签收，并于 ${cnDate(r.reply_due)} 前将办理情况书面回复。`;
  return {
    title: LETTER_NAMES[kind].zh,
    lines: [
      r.doc_number,
      '',
      `${r.department_name}：`,
      `事项：${r.problem_code}「${r.problem_title}」`,
      `事由：${r.reason}`,
      '',
      ...r.text.split(/\r?\n/),
      '',
      ask,
      '',
      `签发：${r.issued_by_name}`,
      `日期：${cnDate(r.issue_date)}`,
    ],
  };
}

/**
 * The printable letter: the hall's PDF drawing (pdfkit, a CJK font embedded as a subset, found
 * through QINGDAN_PDF_FONT or Debian's Noto Sans CJK SC; without a font a clear 503 `unavailable`).
 */
export function renderLetterPdf(r: LetterRow, fontSpec: string | null): Promise<Buffer> {
  return renderNoticePdf(letterLines(r), fontSpec, { issuer: '督查督办' });
}
