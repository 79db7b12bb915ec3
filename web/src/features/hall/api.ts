/** The hall's endpoints, typed from the server's schemas (src/hall/*.schema.ts). */
import type { Static } from '@sinclair/typebox';
import { api, buildUrl } from '../../api/client.js';
import type {
  CaseList,
  CaseListQuery,
  CaseView,
  FreeServicePrices,
  NoticeView,
  PublicCaseView,
  RatingView,
  RegisterBody,
  RegisterResult,
} from '../../../../src/hall/application.schema.js';
import type {
  LifeEventCounts,
  MatterList,
  MatterListQuery,
  MatterView,
  VersionInput,
  Vocabulary,
} from '../../../../src/hall/matter.schema.js';
import type { HallFigures, HallMonth, HallStats } from '../../../../src/hall/hall-stats.schema.js';

export type Matter = Static<typeof MatterView>;
export type MatterPage = Static<typeof MatterList>;
export type MatterQuery = Static<typeof MatterListQuery>;
export type MatterInput = Static<typeof VersionInput>;
export type Vocab = Static<typeof Vocabulary>;
export type WaysIn = Static<typeof LifeEventCounts>;
export type Case = Static<typeof CaseView>;
export type CasePage = Static<typeof CaseList>;
export type CaseQuery = Static<typeof CaseListQuery>;
export type PublicCase = Static<typeof PublicCaseView>;
export type Notice = Static<typeof NoticeView>;
export type Registration = Static<typeof RegisterBody>;
export type Registered = Static<typeof RegisterResult>;
export type Rating = Static<typeof RatingView>;
export type Figures = Static<typeof HallFigures>;
export type Month = Static<typeof HallMonth>;
export type Stats = Static<typeof HallStats>;
export type Prices = Static<typeof FreeServicePrices>;
type S = AbortSignal;

const enc = encodeURIComponent;
export const hallApi = {
  vocabulary: (s?: S) => api.get<Vocab>('/api/v1/matters/vocabulary', { signal: s }),
  waysIn: (s?: S) => api.get<WaysIn>('/api/v1/matters/ways-in', { signal: s }),
  matters: (q: MatterQuery, s?: S) => api.get<MatterPage>('/api/v1/matters', { query: q, signal: s }),
  matter: (code: string, s?: S, version?: number) =>
    api.get<Matter>(`/api/v1/matters/${enc(code)}`, { query: { version }, signal: s }),
  createMatter: (body: MatterInput & { code: string }) => api.post<Matter>('/api/v1/matters', body),
  newDraft: (code: string) => api.post<Matter>(`/api/v1/matters/${enc(code)}/versions`),
  saveDraft: (code: string, body: MatterInput) => api.put<Matter>(`/api/v1/matters/${enc(code)}/draft`, body),
  publish: (code: string, effectiveFrom?: string) =>
    api.post<Matter>(`/api/v1/matters/${enc(code)}/publish`, effectiveFrom ? { effectiveFrom } : {}),

  register: (body: Registration) => api.post<Registered>('/api/v1/applications', body),
  cases: (q: CaseQuery, s?: S) => api.get<CasePage>('/api/v1/applications', { query: q, signal: s }),
  case: (no: string, s?: S) => api.get<Case>(`/api/v1/applications/${enc(no)}`, { signal: s }),
  progress: (no: string, token: string, s?: S) =>
    api.get<PublicCase>(`/api/v1/applications/${enc(no)}/progress`, { query: { token }, signal: s }),
  supply: (no: string, materialIds: number[], deferred?: { materialId: number; promisedDate: string }[]) =>
    api.post<Case>(`/api/v1/applications/${enc(no)}/materials`, { materialIds, deferred }),
  act: (no: string, action: string, body: Record<string, unknown> = {}) =>
    api.post<Case>(`/api/v1/applications/${enc(no)}/actions/${action}`, body),
  identity: (no: string) => api.get<{ idNumber: string; name: string }>(`/api/v1/applications/${enc(no)}/identity`),
  freeServices: (no: string, uses: { service: string; quantity: number }[]) =>
    api.post<Case>(`/api/v1/applications/${enc(no)}/free-services`, { uses }),
  rate: (no: string, body: { level: number; reasons: string[]; comment?: string; token?: string }) =>
    api.post<{ id: number; problemCode: string | null }>(`/api/v1/applications/${enc(no)}/ratings`, body),
  rateVisit: (body: { window: string; level: number; reasons: string[]; comment?: string }) =>
    api.post<{ id: number; problemCode: string | null }>('/api/v1/applications/ratings', body),
  ratings: (q: Record<string, string | number | boolean | undefined>, s?: S) =>
    api.get<{ items: Rating[]; total: number }>('/api/v1/applications/ratings', { query: q, signal: s }),
  figures: (s?: S) => api.get<Figures>('/api/v1/applications/hall', { signal: s }),
  stats: (q: { from?: string; to?: string }, s?: S) =>
    api.get<Stats>('/api/v1/applications/stats', { query: q, signal: s }),
  month: (month: string, s?: S) => api.get<Month>('/api/v1/applications/month', { query: { month }, signal: s }),
  board: (s?: S) =>
    api.get<{ counts: Record<string, number>; items: CasePage['items'] }>('/api/v1/applications/board', { signal: s }),
  prices: (s?: S) => api.get<Prices>('/api/v1/applications/free-services', { signal: s }),
};

/** The PDF of a notice: a plain link, so the browser downloads it with the session or the token. */
export const noticePdfUrl = (no: string, noticeId: number, token?: string) =>
  buildUrl(`/api/v1/applications/${enc(no)}/notices/${noticeId}/pdf`, { token });
