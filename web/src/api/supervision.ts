import { api } from './client.js';
import type { Static } from '@sinclair/typebox';
import type {
  BriefSchema,
  RankingsSchema,
  ScorecardSchema,
  ScoreRowSchema,
} from '../../../src/assessment/assessment.schema.js';
import type { DuplicateInbox, SuggestionSchema } from '../../../src/duplicates/duplicate.schema.js';
import type { QuestionList, QuestionSchema } from '../../../src/questions/question.schema.js';
import type {
  ActionBody,
  ActionSchema,
  CalendarDaySchema,
  CalendarYearSchema,
  ExtensionSchema,
  IntakeClock,
  ItemSupervisionSchema,
  LeaderItems,
  PlanTemplateSchema,
  TimeLimitsBody,
  TodoPage,
  WarningItemSchema,
  WarningPage as WarningPageSchema,
  WarningSchema,
} from '../../../src/supervision/supervision.schema.js';
import type { TodoKind } from '../../../src/supervision/todo.repository.js';
import type { Leader } from './auth.js';

// The shapes of the supervision, assessment and calendar endpoints, from the server's schemas.
export type Warning = Static<typeof WarningSchema>;
export type WarningItem = Static<typeof WarningItemSchema>;
/** A page of the supervision board with true totals (issue #18). */
export type WarningPage = Static<typeof WarningPageSchema>;
export type Extension = Static<typeof ExtensionSchema>;
export type SupervisionAction = Static<typeof ActionSchema>;
export type ItemSupervision = Static<typeof ItemSupervisionSchema>;
type PlanTemplate = Static<typeof PlanTemplateSchema>;
export type ScoreRow = Static<typeof ScoreRowSchema>;
export type Brief = Static<typeof BriefSchema>;
type Rankings = Static<typeof RankingsSchema>;
type Scorecard = Static<typeof ScorecardSchema>;
export type CalendarDay = Static<typeof CalendarDaySchema>;
type CalendarYear = Static<typeof CalendarYearSchema>;
export type Question = Static<typeof QuestionSchema>;
export type DuplicateSuggestion = Static<typeof SuggestionSchema>;
type TimeLimitSettings = Static<typeof TimeLimitsBody>;
export type TierLimit = NonNullable<TimeLimitSettings['tiers']>[string];
/** The server answers with its settings as loose objects (they grow); the known part is what PUT takes. */
type TimeLimits = { effective: TimeLimitSettings; overrides: TimeLimitSettings };

/** Warning levels, most severe first (the board's columns); 'none' is never listed. */
export const LEVELS = ['red', 'yellow', 'blue'] as const satisfies readonly Warning['level'][];
/** Supervision action kinds in the order the forms offer them (the server's ActionBody kinds). */
export const ACTION_KINDS = ['reminder', 'letter', 'summons', 'notice', 'flagged'] as const satisfies readonly Static<
  typeof ActionBody
>['kind'][];

const enc = encodeURIComponent;
const item = (code: string) => `/api/v1/problems/${enc(code)}`;

// Boards
export type WarningQuery = {
  level?: string;
  departmentId?: number;
  areaId?: number;
  q?: string;
  missing?: boolean;
  limit?: number;
  offset?: number;
};
export const getWarnings = (q: WarningQuery, signal?: AbortSignal) =>
  api.get<WarningPage>('/api/v1/supervision/warnings', { query: q, signal });
export type { TodoKind };
export const getTodo = (
  q: { kind: TodoKind; departmentId?: number; q?: string; limit?: number; offset?: number },
  signal?: AbortSignal,
) => api.get<Static<typeof TodoPage>>('/api/v1/supervision/todo', { query: q, signal });
export const getIntakeClock = (codes: string, signal?: AbortSignal) =>
  api.get<Static<typeof IntakeClock>>('/api/v1/supervision/intake-clock', { query: { codes }, signal });
export const getLeaderItems = (leaderId?: number, signal?: AbortSignal) =>
  api.get<Static<typeof LeaderItems>>('/api/v1/supervision/leader/items', { query: { leaderId }, signal });
export const listActions = (q: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
  api.get<{ items: SupervisionAction[] }>('/api/v1/supervision/actions', { query: q, signal }).then((r) => r.items);
export const recordAction = (body: Static<typeof ActionBody>) =>
  api.post<SupervisionAction>('/api/v1/supervision/actions', body);

// One item
export const getItemSupervision = (code: string, signal?: AbortSignal) =>
  api.get<ItemSupervision>(`${item(code)}/supervision`, { signal });
export const savePlan = (
  code: string,
  milestones: { name: string; dueDate: string; weight: number; done?: boolean }[],
) => api.put<ItemSupervision>(`${item(code)}/milestones`, { milestones });
export const planFromTemplate = (code: string, template: string) =>
  api.post<ItemSupervision>(`${item(code)}/milestones/template`, { template });
export const markMilestone = (code: string, id: number, done: boolean) =>
  api.post<ItemSupervision>(`${item(code)}/milestones/${id}/done`, { done });
export const listPlanTemplates = () =>
  api.get<{ items: PlanTemplate[] }>('/api/v1/supervision/plan-templates').then((r) => r.items);
export const requestExtension = (code: string, body: { reason: string; requestedDeadline: string }) =>
  api.post<Extension>(`${item(code)}/extensions`, body);
export const decideExtension = (
  code: string,
  id: number,
  body: { decision: 'grant' | 'refuse'; grantedDeadline?: string; note?: string },
) => api.post<Extension>(`${item(code)}/extensions/${id}/decision`, body);
// Assessment
export const getRankings = (month: string, signal?: AbortSignal) =>
  api.get<Rankings>('/api/v1/assessment/rankings', { query: { month }, signal });
export const getScorecard = (month: string, signal?: AbortSignal) =>
  api.get<Scorecard>('/api/v1/assessment/scorecard', { query: { month }, signal });
export const settleMonth = (month: string) => api.post<Scorecard>('/api/v1/assessment/settlements', { month });

// Reference extras
export const listLeaders = () => api.get<{ items: Leader[] }>('/api/v1/leaders').then((r) => r.items);
export const getQuestions = (categoryId: number, signal?: AbortSignal) =>
  api.get<Static<typeof QuestionList>>(`/api/v1/categories/${categoryId}/questions`, { signal }).then((r) => r.items);
export const putQuestions = (categoryId: number, items: unknown[]) =>
  api.put<{ items: Question[] }>(`/api/v1/categories/${categoryId}/questions`, { items });
export const previewDeadline = (tier: string, urgency: string) =>
  api
    .get<{ deadline: string }>('/api/v1/supervision/time-limits/deadline', { query: { tier, urgency } })
    .then((r) => r.deadline);
export const getTimeLimits = (signal?: AbortSignal) =>
  api.get<TimeLimits>('/api/v1/supervision/time-limits', { signal });
export const putTimeLimits = (body: Record<string, unknown>) =>
  api.put<TimeLimits>('/api/v1/supervision/time-limits', body);
export const getCalendarYear = (year: number, signal?: AbortSignal) =>
  api.get<CalendarYear>(`/api/v1/calendar/${year}`, { signal });
export const putCalendarYear = (year: number, body: { daysOff: CalendarDay[]; adjustedWorkdays: CalendarDay[] }) =>
  api.put<CalendarYear>(`/api/v1/calendar/${year}`, body);
export const getDuplicateInbox = (signal?: AbortSignal) =>
  api
    .get<Static<typeof DuplicateInbox>>('/api/v1/duplicates/inbox', {
      query: { limit: 50 },
      signal,
    })
    .then((r) => new Map(r.items.map((i) => [i.code, i.suggestions])));
