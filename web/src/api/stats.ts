import { api } from './client.js';
import type { Static } from '@sinclair/typebox';
import type { CountRowSchema, SummarySchema } from '../../../src/stats/stats.schema.js';

export type StatsSummary = Static<typeof SummarySchema>;
export type CountRow = Static<typeof CountRowSchema>;

export const getSummary = (signal?: AbortSignal, query: Record<string, string | number | undefined> = {}) =>
  api.get<StatsSummary>('/api/v1/stats/summary', { query, signal });
