/** Shapes of the supervision, assessment and calendar endpoints (src/supervision, src/assessment). */
import type { IdName } from './types.js';

export type Level = 'none' | 'blue' | 'yellow' | 'red';
export const LEVELS = ['red', 'yellow', 'blue'] as const;
export interface Warning {
  level: Level;
  reasons: string[];
  since?: string | null;
}

export interface WarningItem {
  code: string;
  title: string;
  status: string;
  deadline: string | null;
  reportedPercent: number | null;
  plannedPercent: number | null;
  leadDepartment: IdName | null;
  warning: Warning;
  missingWeeklyReport: boolean;
}
export interface WarningList {
  counts: Record<string, number>;
  items: WarningItem[];
}
/** A page of the supervision board with true totals (issue #18). */
export interface WarningPage extends WarningList {
  total: number;
  missingTotal: number;
  limit: number;
  offset: number;
}

export interface Milestone {
  id: number;
  name: string;
  dueDate: string;
  weight: number;
  doneAt: string | null;
  missed: boolean;
}
export interface Extension {
  id: number;
  reason: string;
  originalDeadline: string | null;
  requestedDeadline: string;
  status: 'pending' | 'granted' | 'refused';
  grantedDeadline: string | null;
  decisionNote: string | null;
  requestedAt: string;
  decidedAt: string | null;
  code?: string;
}
export interface SupervisionAction {
  id: number;
  kind: string;
  kindName: string;
  date: string;
  text: string;
  people: string[];
  automatic: boolean;
  createdAt: string;
  createdBy: string | null;
  department: IdName | null;
  problem: { code: string; title: string } | null;
}
export const ACTION_KINDS = ['reminder', 'letter', 'summons', 'notice', 'flagged'] as const;

export interface ItemSupervision {
  code: string;
  status: string;
  deadline: string | null;
  originalDeadline: string | null;
  checkpointDate: string | null;
  warning: Warning;
  plannedPercent: number | null;
  reportedPercent: number | null;
  missedMilestones: number;
  lastReportAt: string | null;
  missingWeeklyReport: boolean;
  nextReportDue: string | null;
  milestones: Milestone[];
  extensions: Extension[];
  actions: SupervisionAction[];
}
export interface PlanTemplate {
  code: string;
  name: string;
  nameEn: string;
  milestones: { name: string; fraction: number; weight: number }[];
}

export interface ScoreRow {
  id: number;
  name: string;
  parentId: number | null;
  level?: string;
  rank?: number | null;
  received: number;
  signedWithinLimit: number;
  rectified: number;
  closed: number;
  overdue: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  composite: number | null;
  overdueCount: number;
}
export interface Brief {
  id: number;
  name: string;
  rank: number | null;
  composite: number | null;
}
export interface Rankings {
  month: string;
  settled: boolean;
  settledAt: string | null;
  weights: { response: number; resolution: number; satisfaction: number };
  departments: ScoreRow[];
  areas: ScoreRow[];
  redList: Brief[];
  blackList: Brief[];
  areaLists: { redList: Brief[]; blackList: Brief[] };
}
export interface Scorecard {
  month: string;
  computedAt: string;
  settled: boolean;
  settledAt: string | null;
  settledBy: string | null;
  departments: ScoreRow[];
  areas: ScoreRow[];
}

export interface CalendarDay {
  date: string;
  name: string;
}
export interface CalendarYear {
  year: number;
  source: 'custom' | 'shipped' | 'none';
  note: string | null;
  daysOff: CalendarDay[];
  adjustedWorkdays: CalendarDay[];
  updatedAt: string | null;
}
export interface TierLimit {
  amount: number;
  unit: 'working_days' | 'calendar_days' | 'calendar_months';
}
export interface TimeLimits {
  effective: {
    tiers?: Record<string, TierLimit>;
    signForHours?: number;
    returnWindowWorkingDays?: number;
    [k: string]: unknown;
  };
  overrides: { tiers?: Record<string, TierLimit>; [k: string]: unknown };
}

export interface Question {
  code: string;
  label: string;
  labelEn: string | null;
  help: string | null;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  order: number;
  options: { key: string; name: string; nameEn: string | null }[];
}
export interface DuplicateSuggestion {
  code: string;
  title: string;
  status: string;
  category: IdName | null;
  area: IdName | null;
  reportCount: number;
  createdAt: string;
  score: number;
  reason: string;
}
