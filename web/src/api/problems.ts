import { api, request } from './client.js';
import type { Static } from '@sinclair/typebox';
import type { Action } from '../../../src/lifecycle/lifecycle.js';
import type {
  AttachmentSchema,
  Created,
  ProblemList,
  ProblemSchema,
  ProblemWithActions as ProblemWithActionsSchema,
  SegmentSchema,
  TimelineSchema,
  URGENCIES,
} from '../../../src/problems/problem.schema.js';

// The shapes the server answers with, from its TypeBox schemas (type-only: no server code is bundled).
export type Problem = Static<typeof ProblemSchema>;
export type ProblemWithActions = Static<typeof ProblemWithActionsSchema>;
export type TimelineEvent = Static<typeof TimelineSchema>['items'][number];
export type Attachment = Static<typeof AttachmentSchema>;
export type Segment = Static<typeof SegmentSchema>;
export type Urgency = (typeof URGENCIES)[number];

const base = '/api/v1/problems';
const enc = encodeURIComponent;
const tokenHeader = (token?: string): Record<string, string> => (token ? { 'X-Tracking-Token': token } : {});

export interface NewProblem {
  title: string;
  description: string;
  categoryId?: number;
  areaId?: number;
  address?: string;
  lat?: number;
  lng?: number;
  urgency?: Urgency;
  isPublic?: boolean;
  anonymous?: boolean;
  reporter?: { name?: string; phone?: string; email?: string };
  tagIds?: number[];
  sourceCode?: string;
  measures?: string;
  answers?: Record<string, string | number | string[]>;
}

export function createProblem(body: NewProblem, idempotencyKey: string) {
  return api.post<Static<typeof Created>>(base, body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export interface ProblemQuery {
  status?: string;
  categoryId?: string | number;
  departmentId?: string | number;
  areaId?: string | number;
  sourceId?: string | number;
  tagId?: string | number;
  ownerLeaderId?: string | number;
  urgency?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  warning?: string;
  q?: string;
  sort?: 'created_desc' | 'created_asc' | 'updated_desc' | 'deadline_asc' | string;
  limit?: number;
  cursor?: string | null;
}

export function listProblems(query: ProblemQuery, signal?: AbortSignal) {
  return api.get<Static<typeof ProblemList>>(base, {
    query: { ...query, overdue: query.overdue ? 'true' : undefined },
    signal,
  });
}

export function getProblem(code: string, token?: string, signal?: AbortSignal) {
  return api.get<ProblemWithActions>(`${base}/${enc(code)}`, { headers: tokenHeader(token), signal });
}

export function getTimeline(code: string, token?: string, signal?: AbortSignal) {
  return api.get<Static<typeof TimelineSchema>>(`${base}/${enc(code)}/timeline`, {
    headers: tokenHeader(token),
    signal,
  });
}

export function performAction(code: string, action: Action, body: Record<string, unknown>, token?: string) {
  return api.post<ProblemWithActions>(`${base}/${enc(code)}/actions/${action}`, body, { headers: tokenHeader(token) });
}

export function uploadAttachment(code: string, file: File, token?: string) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<{ attachment: Attachment }>('POST', `${base}/${enc(code)}/attachments`, {
    form,
    headers: tokenHeader(token),
  });
}

/** Attachment URL usable by a token holder when the item is not public. */
export function attachmentSrc(a: Attachment, token?: string): string {
  const url = a.url || `/api/v1/attachments/${a.id}`;
  return token ? `${url}${url.includes('?') ? '&' : '?'}token=${enc(token)}` : url;
}
