import type { Generated } from 'kysely';
import type { AuditHeadTable } from '../db/schema.js';

/** Row types of the hall's tables (migration 20261205T1300-hall). */
export interface HallMatterTable {
  id: Generated<number>;
  code: string;
  department_id: number;
  created_by: number | null;
  created_at: string;
}

export interface HallMatterVersionTable {
  id: Generated<number>;
  matter_id: number;
  version: number;
  status: string;
  name: string;
  type: string;
  department_id: number;
  implementing_body: string;
  legal_basis: string;
  conditions: string;
  audience: string;
  statutory_days: number;
  promised_days: number;
  fee_fen: number;
  fee_note: string | null;
  at_most_once: number;
  service_mode: string;
  free_services: string;
  life_events: string;
  effective_from: string | null;
  effective_to: string | null;
  published_at: string | null;
  published_by: number | null;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

export interface HallMaterialTable {
  id: Generated<number>;
  version_id: number;
  seq: number;
  name: string;
  form: string;
  copies: number;
  required: number;
  note: string | null;
}

export interface HallMatterTermTable {
  term: string;
  version_id: number;
  in_name: number;
}

export interface HallVersionLifeEventTable {
  event: string;
  version_id: number;
}

export interface HallApplicationTable {
  id: Generated<number>;
  number: string;
  token_hash: string;
  token_cipher: string;
  matter_id: number;
  version_id: number;
  department_id: number;
  status: string;
  window_code: string;
  clerk_id: number | null;
  clerk_name: string;
  applicant_kind: string;
  applicant_name: string;
  id_cipher: string;
  id_digest: string;
  id_masked: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  batch: string | null;
  promised_days: number;
  notice_count: number;
  registered_on: string;
  accepted_on: string | null;
  due_date: string | null;
  paused_days: number;
  paused_since: string | null;
  decided_on: string | null;
  working_days_used: number | null;
  on_time: number | null;
  decision_reason: string | null;
  result_method: string | null;
  result_note: string | null;
  issued_at: string | null;
  warning_level: string;
  warning_since: string | null;
  reminded_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface HallApplicationMaterialTable {
  application_id: number;
  material_id: number;
  state: string;
  promised_date: string | null;
  received_at: string | null;
}

export interface HallNoticeTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  number: string;
  content: string;
  sent: string;
  created_by: number | null;
  created_at: string;
}

export interface HallRatingTable {
  id: Generated<number>;
  application_id: number | null;
  window_code: string;
  clerk_id: number | null;
  department_id: number | null;
  level: number;
  reasons: string;
  comment: string | null;
  channel: string;
  problem_id: number | null;
  rated_on: string;
  created_at: string;
}

export interface HallFreeServiceTable {
  id: Generated<number>;
  application_id: number | null;
  service: string;
  quantity: number;
  unit_fen: number;
  window_code: string;
  recorded_by: number | null;
  recorded_on: string;
  created_at: string;
}

export interface HallSettingTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}

export interface HallEventTable {
  id: Generated<number>;
  application_id: number | null;
  matter_id: number | null;
  action: string;
  actor_id: number | null;
  actor_name: string;
  role: string;
  from_state: string | null;
  to_state: string | null;
  payload: string;
  is_public: number;
  created_at: string;
  prev_hash: string;
  hash: string;
}

declare module '../db/schema.js' {
  interface Database {
    hall_matters: HallMatterTable;
    hall_matter_versions: HallMatterVersionTable;
    hall_materials: HallMaterialTable;
    hall_matter_terms: HallMatterTermTable;
    hall_version_life_events: HallVersionLifeEventTable;
    hall_applications: HallApplicationTable;
    hall_application_materials: HallApplicationMaterialTable;
    hall_notices: HallNoticeTable;
    hall_ratings: HallRatingTable;
    hall_free_services: HallFreeServiceTable;
    hall_settings: HallSettingTable;
    hall_events: HallEventTable;
    hall_audit_head: AuditHeadTable;
  }
}
