import type { zhLetters } from './zh-letters.js';

export const enLetters: Record<keyof typeof zhLetters, string> = {
  'action.letter_issued': 'Supervision letter / summons issued',
  'action.letter_acknowledged': 'Letter / summons acknowledged',
  'action.letter_replied': 'Written reply to letter / summons',
  'action.letter_overdue': 'Letter overdue, no reply',
  'field.docNumber': 'Document number',
  'field.signedBy': 'Signed by',
  'letters.issue': 'Issue a letter / summons',
  'letters.issueFor': 'Issue a letter / summons: "{title}"',
};
