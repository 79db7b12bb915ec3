import type { Generated } from 'kysely';

/** Row types of the residents' tables (migration 20261205T1800-residents). */
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
  phone: string;
  email: string | null;
  notify_by: string;
  created_at: string;
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
  }
}
