/** The campaigns' endpoints, typed from the server's schemas (src/campaigns/*.schema.ts). */
import type { Static } from '@sinclair/typebox';
import { api, request } from '../../api/client.js';
import type {
  FindingInput,
  ForumDetail,
  ForumInput,
  ForumPage,
  SubjectInput,
  SubjectPage,
  SubjectView,
  ItemBrief,
  SheetImportReport,
  VisitDetail,
  VisitInput,
  VisitPage,
} from '../../../../src/campaigns/campaign.schema.js';
import type {
  CampaignDetail,
  CampaignInput,
  CampaignItemPage,
  CampaignPage,
  EnforcementInput,
  EnforcementView,
  PanelInput,
  PanelView,
  PlanInput,
} from '../../../../src/campaigns/campaign-plan.schema.js';
import type { PartInput, ProgrammeView } from '../../../../src/campaigns/programme.schema.js';
import type { CampaignFigures } from '../../../../src/campaigns/campaign-stats.js';

export type Figures = Static<typeof CampaignFigures>;
export type Campaign = Static<typeof CampaignDetail>;
export type Campaigns = Static<typeof CampaignPage>;
export type Subject = Static<typeof SubjectView>;
export type Subjects = Static<typeof SubjectPage>;
export type Brief = Static<typeof ItemBrief>;
export type Enforcement = Static<typeof EnforcementView>;
export type Finding = Static<typeof FindingInput>;
export type Programme = Static<typeof ProgrammeView>;
export type Panel = Static<typeof PanelView>;
export type SheetReport = Static<typeof SheetImportReport>;
export type SubjectDetail = {
  subject: Subject;
  items: Brief[];
  plans: { planId: number; campaignId: number; campaignName: string; item: Brief }[];
  enforcement: Enforcement[];
};
type S = AbortSignal;
type Page = { limit?: number; offset?: number };
type Created = { id: number; items: string[] };

export const campaignsApi = {
  figures: (s?: S) => api.get<Figures>('/api/v1/campaigns/figures', { signal: s }),
  campaigns: (q: Page, s?: S) => api.get<Campaigns>('/api/v1/campaigns', { query: q, signal: s }),
  campaign: (id: number, s?: S) => api.get<Campaign>(`/api/v1/campaigns/${id}`, { signal: s }),
  items: (id: number, q: Page, s?: S) =>
    api.get<Static<typeof CampaignItemPage>>(`/api/v1/campaigns/${id}/items`, { query: q, signal: s }),
  detach: (id: number, code: string) => api.del(`/api/v1/hotspots/campaigns/${id}/items/${encodeURIComponent(code)}`),
  createCampaign: (b: Static<typeof CampaignInput>) => api.post<{ id: number; code: string }>('/api/v1/campaigns', b),
  addPlan: (id: number, b: Static<typeof PlanInput>) =>
    api.post<{ id: number; code: string }>(`/api/v1/campaigns/${id}/plans`, b),
  enforce: (id: number, b: Static<typeof EnforcementInput>) =>
    api.post<{ id: number }>(`/api/v1/campaigns/${id}/enforcement`, b),
  lift: (id: number, measureId: number, b: { liftedOn: string; docNumber: string; note?: string }) =>
    api.post<null>(`/api/v1/campaigns/${id}/enforcement/${measureId}/lift`, b),
  panel: (code: string, b: Static<typeof PanelInput>) =>
    api.post<{ id: number; result: string }>(`/api/v1/campaigns/acceptance/${encodeURIComponent(code)}`, b),
  subjects: (q: Page & { kind?: string; q?: string }, s?: S) =>
    api.get<Subjects>('/api/v1/subjects', { query: q, signal: s }),
  subject: (id: number, s?: S) => api.get<SubjectDetail>(`/api/v1/subjects/${id}`, { signal: s }),
  createSubject: (b: Static<typeof SubjectInput>) => api.post<{ id: number }>('/api/v1/subjects', b),
  visits: (q: Page & { leaderId?: number; month?: string }, s?: S) =>
    api.get<Static<typeof VisitPage>>('/api/v1/visits', { query: q, signal: s }),
  visit: (id: number, s?: S) => api.get<Static<typeof VisitDetail>>(`/api/v1/visits/${id}`, { signal: s }),
  createVisit: (b: Static<typeof VisitInput>) => api.post<Created>('/api/v1/visits', b),
  forums: (q: Page, s?: S) => api.get<Static<typeof ForumPage>>('/api/v1/forums', { query: q, signal: s }),
  forum: (id: number, s?: S) => api.get<Static<typeof ForumDetail>>(`/api/v1/forums/${id}`, { signal: s }),
  createForum: (b: Static<typeof ForumInput>) => api.post<Created>('/api/v1/forums', b),
  programmes: (s?: S) => api.get<{ items: Programme[] }>('/api/v1/campaigns/programmes', { signal: s }),
  programme: (code: string, s?: S) =>
    api.get<Programme>(`/api/v1/campaigns/programmes/${encodeURIComponent(code)}`, { signal: s }),
  setPart: (code: string, b: Static<typeof PartInput>) =>
    api.put<null>(`/api/v1/campaigns/programmes/parts/${encodeURIComponent(code)}`, b),
  itemPanels: (code: string, s?: S) =>
    api.get<{ items: Panel[] }>(`/api/v1/campaigns/acceptance/${encodeURIComponent(code)}`, { signal: s }),
  /** A findings or plan sheet (multipart, like the 整改清单's import): all rows stored, or the rejected ones. */
  importSheet: (url: string, file: File, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    return request<SheetReport>('POST', url, { form });
  },
  templateUrl: (kind: 'findings' | 'plan') => `/api/v1/campaigns/sheets/${kind}/template.csv`,
  leaders: (s?: S) => api.get<{ items: { id: number; displayName: string }[] }>('/api/v1/leaders', { signal: s }),
};
