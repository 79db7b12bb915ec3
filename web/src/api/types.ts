/** Shapes of the native API (docs/api-contract.md). */
import type { Action, State, VerifyResult } from '../../../src/lifecycle/lifecycle.js';

export type { Action, State, VerifyResult };
export type Role = 'admin' | 'acceptance' | 'department' | 'supervisor' | 'leader';
export type Urgency = 'normal' | 'urgent' | 'emergency';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  active?: boolean | number;
}

export interface RefBase {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  sort: number;
}
export interface Area extends RefBase {
  parentId: number | null;
  level: 'city' | 'district' | 'township' | 'village';
}
export interface Department extends RefBase {
  parentId: number | null;
  kind: string;
}
export interface Category extends RefBase {
  parentId: number | null;
  defaultDepartmentId: number | null;
  timeLimitTier: string | null;
  keywords: string | null;
}
export type Source = RefBase;
export type Tag = RefBase;

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  departmentId: number | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface IdName {
  id: number;
  name: string;
  nameEn?: string | null;
}
export interface Attachment {
  id: number;
  filename: string;
  mime: string;
  size: number;
  kind: string;
  url: string;
  createdAt?: string;
}

export interface Problem {
  code: string;
  title: string;
  description: string;
  status: State;
  category: IdName | null;
  source: { id: number; code: string; name: string } | null;
  area: IdName | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  urgency: Urgency;
  isPublic: boolean;
  anonymous: boolean;
  reporter?: { name: string | null; phone: string | null; email: string | null } | null;
  measures: string | null;
  leadDepartment: IdName | null;
  coDepartments: IdName[];
  responsiblePerson: string | null;
  ownerLeader: { id: number; displayName: string } | null;
  deadline: string | null;
  checkpointDate: string | null;
  progressPercent: number | null;
  redoCount: number;
  reportCount: number;
  mergedInto: string | null;
  parentCode?: string | null;
  satisfaction: string | number | null;
  tags: IdName[];
  attachments: Attachment[];
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  signedAt: string | null;
  rectifiedAt: string | null;
  closedAt: string | null;
  highlight?: Highlight;
  answers?: Answer[];
}

export interface TimelineEvent {
  id: number;
  action: string;
  fromState: State | null;
  toState: State | null;
  actorName: string | null;
  role: string | null;
  reason: string | null;
  payload: Record<string, unknown> | null;
  createdAt: string;
  isPublic: boolean;
  attachments?: Attachment[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface ProblemWithActions {
  problem: Problem;
  allowedActions: Action[];
}

export interface CountRow {
  id: number;
  name: string;
  parentId: number | null;
  count: number;
  rectified: number;
}
export interface StatsSummary {
  found: number;
  rectified: number;
  inProgress: number;
  overdue: number;
  longTerm: number;
  rectificationRate: number | null;
  byCategory: CountRow[];
  byArea: CountRow[];
  byDepartment: CountRow[];
  byMonth: { month: string; found: number; rectified: number }[];
  asOf?: string;
}

/** Matched and unmatched runs of a field for a text query (src/search); rendered as text with <mark>. */
export interface Segment {
  text: string;
  match: boolean;
}
export type Highlight = Partial<Record<'title' | 'description' | 'address' | 'measures', Segment[]>>;
export interface Answer {
  code: string;
  label: string;
  value: string | number | string[];
  display: string;
}
