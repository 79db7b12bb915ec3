import { api } from './client.js';
import type { StatsSummary } from './types.js';

export const getSummary = (signal?: AbortSignal, query: Record<string, string | number | undefined> = {}) =>
  api.get<StatsSummary>('/api/v1/stats/summary', { query, signal });
