import { api } from './client.js';
import type { Rankings, StatsSummary } from './types.js';

export const getSummary = (signal?: AbortSignal) => api.get<StatsSummary>('/api/v1/stats/summary', { signal });

export const getRankings = (month: string, signal?: AbortSignal) =>
  api.get<Rankings>('/api/v1/assessment/rankings', { query: { month }, signal });
