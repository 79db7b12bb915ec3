import type { Generated } from 'kysely';

/** Row types of the residents' tables (migrations 20261205T1800-residents, 20261206T0700-resident-codes). */
export interface ResidentCodeTable {
  id: Generated<number>;
  phone_hash: string;
  code_hash: string;
  ip: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ResidentTable {
  user_id: number;
  /** Null for a resident who signed in by e-mail link only (migration 20261206T0700). */
  phone: string | null;
  email: string | null;
  notify_by: string;
  created_at: string;
  /** The address an e-mail sign-in link proved; e-mail sign-in finds the resident by it alone. */
  login_email: string | null;
}

export interface ReporterTemplateTable {
  action: string;
  lang: string;
  title: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

export interface ResidentEmailLinkTable {
  id: Generated<number>;
  email_hash: string;
  token_hash: string;
  ip: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ResidentSubscriptionTable {
  id: Generated<number>;
  user_id: number;
  problem_id: number | null;
  area_id: number | null;
  category_id: number | null;
  mode: string;
  unsubscribe_token: string;
  created_at: string;
  last_sent_at: string | null;
}

export interface AreaBoundaryTable {
  area_id: number;
  geojson: string;
  updated_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    resident_codes: ResidentCodeTable;
    residents: ResidentTable;
    resident_subscriptions: ResidentSubscriptionTable;
    area_boundaries: AreaBoundaryTable;
    reporter_templates: ReporterTemplateTable;
    resident_email_links: ResidentEmailLinkTable;
  }
}
