/** The hot spots' endpoints, typed from the server's schemas (src/hotspots/hotspot.schema.ts). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client.js';
import type {
  AttachResult,
  ClusterPage,
  HotQuery,
  MetooState,
  PromoteBody,
  PromoteResult,
} from '../../../../src/hotspots/hotspot.schema.js';

export type Clusters = Static<typeof ClusterPage>;
export type Cluster = Clusters['items'][number];
export type HotFilter = Static<typeof HotQuery>;
export type Metoo = Static<typeof MetooState>;
export type PromoteInput = Static<typeof PromoteBody>;

const base = '/api/v1/hotspots';
const item = (code: string) => `${base}/items/${encodeURIComponent(code)}/metoo`;

export const hotApi = {
  clusters: (q: HotFilter, signal?: AbortSignal) => api.get<Clusters>(base, { query: q, signal }),
  publicClusters: (q: HotFilter, signal?: AbortSignal) => api.get<Clusters>(`${base}/public`, { query: q, signal }),
  metoo: (code: string, signal?: AbortSignal) => api.get<Metoo>(item(code), { signal }),
  setMetoo: (code: string, on: boolean) => (on ? api.post<Metoo>(item(code)) : api.del<Metoo>(item(code))),
  promote: (b: PromoteInput) => api.post<Static<typeof PromoteResult>>(`${base}/promote`, b),
  attach: (campaignId: number, codes: string[]) =>
    api.post<Static<typeof AttachResult>>(`${base}/campaigns/${campaignId}/items`, { codes }),
  campaigns: (signal?: AbortSignal) =>
    api.get<{ items: Array<{ id: number; name: string }> }>('/api/v1/campaigns', { query: { limit: 100 }, signal }),
};
