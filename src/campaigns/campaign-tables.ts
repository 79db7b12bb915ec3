import type { Generated } from 'kysely';
import type { AuditHeadTable } from '../db/schema.js';

/** Row types of the campaigns' tables (migration 20261205T1500-campaigns). */
export interface CmpSubjectTable {
  id: Generated<number>;
  kind: string;
  name: string;
  credit_code: string | null;
  area_id: number | null;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  department_id: number | null;
  is_public: number;
  created_by: number | null;
  created_at: string;
}

export interface CmpVisitTable {
  id: Generated<number>;
  leader_id: number | null;
  leader_name: string;
  visit_date: string;
  area_id: number | null;
  place: string;
  topic: string;
  met: string;
  is_public: number;
  created_by: number | null;
  created_at: string;
}

export interface CmpForumTable {
  id: Generated<number>;
  title: string;
  host: string;
  forum_date: string;
  place: string;
  attendees: string;
  minutes: string;
  is_public: number;
  created_by: number | null;
  created_at: string;
}

export interface CmpFindingTable {
  id: Generated<number>;
  visit_id: number | null;
  forum_id: number | null;
  subject_id: number | null;
  problem_id: number;
  livelihood: number;
  found_on: string;
}

export interface CmpCampaignTable {
  id: Generated<number>;
  problem_id: number;
  name: string;
  department_id: number;
  start_date: string;
  deadline: string;
  is_public: number;
  created_by: number | null;
  created_at: string;
}

export interface CmpPlanTable {
  id: Generated<number>;
  campaign_id: number;
  subject_id: number;
  problem_id: number;
  created_at: string;
}

export interface CmpEnforcementTable {
  id: Generated<number>;
  campaign_id: number;
  subject_id: number;
  kind: string;
  decided_on: string;
  legal_basis: string;
  department_id: number;
  doc_number: string;
  attachment_id: number | null;
  milestone_id: number | null;
  note: string | null;
  lifted_on: string | null;
  lift_doc_number: string | null;
  lift_note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface CmpPanelTable {
  id: Generated<number>;
  problem_id: number;
  result: string;
  decided_on: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface CmpPanelMemberTable {
  id: Generated<number>;
  panel_id: number;
  name: string;
  role: string;
  contact: string | null;
  rating: number;
  comment: string | null;
}

export interface CmpProgrammePartTable {
  problem_id: number;
  kind: string;
  budget_wan: number;
  spent_wan: number;
  year_from: number;
  year_to: number;
}

export interface CmpEventTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  role: string;
  payload: string;
  created_at: string;
  prev_hash: string;
  hash: string;
}

declare module '../db/schema.js' {
  interface Database {
    cmp_subjects: CmpSubjectTable;
    cmp_visits: CmpVisitTable;
    cmp_forums: CmpForumTable;
    cmp_forum_subjects: { forum_id: number; subject_id: number };
    cmp_findings: CmpFindingTable;
    cmp_campaigns: CmpCampaignTable;
    cmp_plans: CmpPlanTable;
    cmp_enforcement: CmpEnforcementTable;
    cmp_panels: CmpPanelTable;
    cmp_panel_members: CmpPanelMemberTable;
    cmp_programme_parts: CmpProgrammePartTable;
    cmp_events: CmpEventTable;
    cmp_audit_head: AuditHeadTable;
  }
}
