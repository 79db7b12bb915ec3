/** The letters' endpoints, typed from the server's schemas (src/letters/letter.schema.ts). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client.js';
import type { IssueLetterBody, LetterPage, LetterQuery, LetterSchema } from '../../../../src/letters/letter.schema.js';

export type Letter = Static<typeof LetterSchema>;
export type Letters = Static<typeof LetterPage>;
export type LetterFilter = Static<typeof LetterQuery>;
export type IssueInput = Static<typeof IssueLetterBody>;

const base = '/api/v1/supervision/letters';

export const lettersApi = {
  list: (q: LetterFilter, signal?: AbortSignal) => api.get<Letters>(base, { query: q, signal }),
  issue: (b: IssueInput) => api.post<Letter>(base, b),
  acknowledge: (id: number, signedBy: string) => api.post<Letter>(`${base}/${id}/acknowledge`, { signedBy }),
  reply: (id: number, text: string) => api.post<Letter>(`${base}/${id}/reply`, { text }),
  pdfUrl: (id: number) => `${base}/${id}/pdf`,
};
