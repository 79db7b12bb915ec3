/** Row types of the hot spots' tables (migration 20261207T0200-hotspots). */
export interface HotMetooTable {
  problem_id: number;
  /** Digest of the account or signed device: one "me too" each, never the id in clear. */
  supporter_hash: string;
  client_hash: string | null;
  created_at: string;
}

export interface HotLinkTable {
  systemic_id: number;
  problem_id: number;
  created_by: number | null;
  created_at: string;
}

export interface HotCampaignItemTable {
  campaign_id: number;
  problem_id: number;
  attached_by: number | null;
  attached_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    hot_metoo: HotMetooTable;
    hot_links: HotLinkTable;
    hot_campaign_items: HotCampaignItemTable;
  }
}
