import { api } from './client.js';

export interface RankedSuggestion {
  id: number;
  name: string;
  /** SVM margin: higher is surer, comparable within one list only. */
  score: number;
}

/** Top-3 categories and lead units learned from the city's triaged history (staff only). */
export interface DispatchSuggestions {
  categories: RankedSuggestion[];
  departments: RankedSuggestion[];
  trainedAt: string | null;
}

export const getDispatch = (code: string, signal?: AbortSignal) =>
  api.get<DispatchSuggestions>(`/api/v1/problems/${encodeURIComponent(code)}/dispatch`, { signal });

/** Suggestions for the items of one page, by code; an item whose request failed has none. */
export async function getDispatchMany(codes: string[], signal?: AbortSignal) {
  const answers = await Promise.all(codes.map((c) => getDispatch(c, signal).catch(() => null)));
  return new Map(codes.flatMap((c, i) => (answers[i] ? [[c, answers[i]] as const] : [])));
}

/** Suggestions for a text being typed in (the hotline entry form; staff only). */
export const suggestDispatch = (body: { title: string; description?: string }, signal?: AbortSignal) =>
  api.post<DispatchSuggestions>('/api/v1/dispatch/suggest', body, { signal });
