import type { Generated } from 'kysely';

/**
 * Row types of every table, one interface per table. Times are ISO-8601 UTC strings and dates are
 * 'YYYY-MM-DD' strings in both dialects, so comparisons and sorting behave the same everywhere;
 * booleans are 0/1 integers; JSON is stored as text.
 */
export interface AreaTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name: string;
  name_en: string | null;
  level: string;
  sort: number;
}

export interface DepartmentTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  sort: number;
}

export interface CategoryTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name: string;
  name_en: string | null;
  default_department_id: number | null;
  time_limit_tier: string;
  keywords: string;
  sort: number;
}

export interface SourceTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  sort: number;
}

export interface TagTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  sort: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  department_id: number | null;
  email: string | null;
  phone: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  role: string;
  department_id: number | null;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface ProblemTable {
  id: Generated<number>;
  code: string;
  title: string;
  description: string;
  category_id: number | null;
  source_id: number;
  area_id: number | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  urgency: string;
  is_public: number;
  anonymous: number;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  tracking_token_hash: string | null;
  /** The short tracking code (8 characters, no confusables), in clear: every message repeats it. */
  short_code: string | null;
  status: string;
  measures: string | null;
  lead_department_id: number | null;
  responsible_person: string | null;
  owner_leader_id: number | null;
  deadline: string | null;
  checkpoint_date: string | null;
  progress_percent: number;
  redo_count: number;
  report_count: number;
  merged_into_id: number | null;
  parent_id: number | null;
  satisfaction: string | null;
  assigned_at: string | null;
  signed_at: string | null;
  rectified_at: string | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProblemDepartmentTable {
  problem_id: number;
  department_id: number;
}

export interface ProblemTagTable {
  problem_id: number;
  tag_id: number;
}

export interface AttachmentTable {
  id: Generated<number>;
  problem_id: number;
  event_id: number | null;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  is_public: number;
  uploaded_by: number | null;
  created_at: string;
}

export interface EventTable {
  id: Generated<number>;
  problem_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  role: string;
  from_state: string | null;
  to_state: string | null;
  payload: string;
  reason: string | null;
  is_public: number;
  created_at: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_event_id: number;
  last_hash: string;
  /** The first event linked by HMAC under the audit key (src/audit/chain.ts); null: none yet. */
  keyed_from: number | null;
  keyed_mac: string | null;
  /** The item chain only: events from this id on link per item (src/audit/item-partitions.ts). */
  partitioned_from?: number | null;
}

export interface CodeSequenceTable {
  scope: string;
  last_value: number;
}

export interface IdempotencyKeyTable {
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface Database {
  areas: AreaTable;
  departments: DepartmentTable;
  categories: CategoryTable;
  sources: SourceTable;
  tags: TagTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  problems: ProblemTable;
  problem_departments: ProblemDepartmentTable;
  problem_tags: ProblemTagTable;
  attachments: AttachmentTable;
  events: EventTable;
  audit_head: AuditHeadTable;
  code_sequences: CodeSequenceTable;
  idempotency_keys: IdempotencyKeyTable;
  // supervision and assessment (20261129T2300-supervision)
  calendar_years: CalendarYearTable;
  supervision_settings: SupervisionSettingTable;
  milestones: MilestoneTable;
  item_supervision: ItemSupervisionTable;
  extensions: ExtensionTable;
  weekly_report_misses: WeeklyReportMissTable;
  supervision_actions: SupervisionActionTable;
  notifications: NotificationTable;
  notification_outbox: NotificationOutboxTable;
  job_leases: JobLeaseTable;
  job_runs: JobRunTable;
  settlements: SettlementTable;
}

// Supervision and assessment (migration 20261129T2300-supervision).
export interface CalendarYearTable {
  year: number;
  days_off: string;
  adjusted_workdays: string;
  source: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface SupervisionSettingTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}

export interface MilestoneTable {
  id: Generated<number>;
  problem_id: number;
  name: string;
  due_date: string;
  weight: number;
  done_at: string | null;
  sort: number;
  created_by: number | null;
  created_at: string;
}

export interface ItemSupervisionTable {
  problem_id: number;
  warning_level: string;
  warning_reasons: string;
  warning_since: string | null;
  planned_percent: number | null;
  original_deadline: string | null;
  missing_weekly_report: number;
  last_report_at: string | null;
  rollup_weight: number;
  computed_at: string | null;
}

export interface ExtensionTable {
  id: Generated<number>;
  problem_id: number;
  department_id: number | null;
  reason: string;
  original_deadline: string | null;
  requested_deadline: string;
  status: string;
  granted_deadline: string | null;
  decision_note: string | null;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface WeeklyReportMissTable {
  id: Generated<number>;
  problem_id: number;
  department_id: number | null;
  due_date: string;
  created_at: string;
}

export interface SupervisionActionTable {
  id: Generated<number>;
  problem_id: number | null;
  department_id: number | null;
  kind: string;
  action_date: string;
  text: string;
  /** English of an automatic action's text (null: written before it existed, or by a person). */
  text_en: string | null;
  people: string;
  automatic: number;
  dedupe_key: string | null;
  created_by: number | null;
  created_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  /** English of a system-written notification; null for older rows (shown in Chinese). */
  title_en: string | null;
  body_en: string | null;
  problem_code: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  notification_id: number | null;
  channel: string;
  recipient: string;
  payload: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
  slot: string;
}

export interface JobRunTable {
  id: Generated<number>;
  name: string;
  holder: string;
  slot: string | null;
  status: string;
  result: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface SettlementTable {
  month: string;
  snapshot: string;
  settled_by: number | null;
  settled_at: string;
}

// Category questions, answers and Open311 submissions (migration 20261129T2330-questions).
// A second `Database` declaration merges with the one above, so features append without editing it.
export interface Database {
  category_questions: CategoryQuestionTable;
  problem_answers: ProblemAnswerTable;
  open311_requests: Open311RequestTable;
}

export interface CategoryQuestionTable {
  id: Generated<number>;
  category_id: number;
  code: string;
  label: string;
  label_en: string | null;
  help: string | null;
  help_en: string | null;
  datatype: string;
  required: number;
  options: string;
  sort: number;
  updated_at: string;
}

export interface ProblemAnswerTable {
  problem_id: number;
  code: string;
  label: string;
  datatype: string;
  value: string;
  display: string;
  sort: number;
}

export interface Open311RequestTable {
  problem_id: number;
  api_key_id: number;
  jurisdiction_id: string;
  account_id: string | null;
  device_id: string | null;
  media_url: string | null;
  created_at: string;
  /** Public lookup token returned by POST (migration 20261129T2335); null for older rows. */
  token: string | null;
}

// Full-text search and spreadsheet import (migration 20261129T2310-search-sheets). The index
// itself (`problem_search`: FTS5 in SQLite, tsvector in PostgreSQL) is only reached through
// src/db/dialect.ts, so its dialect-specific columns are typed loosely here.
export interface Database {
  problem_search: ProblemSearchTable;
  sheet_imports: SheetImportTable;
  sheet_import_keys: SheetImportKeyTable;
  search_queue: SearchQueueTable;
}

/** Items waiting for the search indexer (migration 20261130T0110-search-queue). */
export interface SearchQueueTable {
  problem_id: number;
}

export interface ProblemSearchTable {
  rowid: number;
  problem_id: number;
  code: string;
  title: string;
  body: string;
  document: unknown;
}

export interface SheetImportTable {
  id: Generated<number>;
  file_name: string;
  sheet_key: string;
  mode: string;
  total_rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  actor_id: number | null;
  actor_name: string;
  started_at: string;
  finished_at: string;
}

export interface SheetImportKeyTable {
  sheet_key: string;
  seq: string;
  problem_id: number;
}

// Comments, thanks and likes on items (migration 20261129T2340-comments, src/comments).
export interface Database {
  comments: CommentTable;
  comment_likes: CommentLikeTable;
  server_keys: ServerKeyTable;
}

/** Keys the server makes for itself on first use (the device-id signing key of src/comments). */
export interface ServerKeyTable {
  name: string;
  secret: string;
  created_at: string;
}

export interface CommentTable {
  id: Generated<number>;
  problem_id: number;
  kind: string;
  author_name: string | null;
  author_contact: string | null;
  text: string;
  like_count: number;
  client_hash: string;
  created_at: string;
  hidden_at: string | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  /** The official reply (官方回复), by a staff member's display name. */
  reply_text: string | null;
  reply_by: string | null;
  reply_at: string | null;
}

export interface CommentLikeTable {
  comment_id: number;
  liker_hash: string;
  created_at: string;
  /** The address an anonymous like came from, as a digest (migration 20261206T0100); null for accounts. */
  client_hash: string | null;
}

// Statistics counters (migration 20261130T0100-stats-counters, src/stats).
export interface StatsItemTable {
  problem_id: number;
  is_public: number;
  status: string;
  category_id: number | null;
  area_id: number | null;
  source_id: number | null;
  created_month: string | null;
  deadline: string | null;
  /** Lead and co-units, sorted ids joined by commas ('' for none). */
  departments: string;
  tags: string;
}

export interface StatsCounterTable {
  id: Generated<number>;
  scope: string;
  dimension: string;
  key: string;
  status: string;
  n: number;
}

export interface Database {
  stats_items: StatsItemTable;
  stats_counters: StatsCounterTable;
}

// A city's history as imported (migration 20261207T0300-import-history, src/sheets).
export interface ProblemOriginTable {
  problem_id: number;
  /** When the row was imported; the item's created_at is when it was first reported. */
  imported_at: string;
  support_count: number | null;
  oppose_count: number | null;
  /** The sheet's own reference and the citizen's user id there: staff-only. */
  external_ref: string | null;
  external_user_id: string | null;
}

export interface SheetMappingTable {
  /** sha256 of the sorted, normalised header names. */
  digest: string;
  headers: string;
  mapping: string;
  updated_by: number | null;
  updated_at: string;
}

export interface Database {
  problem_origins: ProblemOriginTable;
  sheet_mappings: SheetMappingTable;
}
