import type { LatencyResult, Req } from '../lib/latency.js';
import type { BenchSample } from '../lib/sample.js';

/** Bulk items with a position lie in this box (src/bulk/bulk-plan.ts): 30.35 ± 0.2 N, 112.24 ± 0.3 E. */
const CENTRE = { lat: 30.35, lng: 112.24, dLat: 0.2, dLng: 0.3 };

/**
 * The map's cluster query (`GET /api/v1/map/clusters`) as the /map page asks it: the whole city at
 * the opening zoom, and a zoomed street view (a box of about 2 × 2 km at zoom 15) somewhere in the
 * city. The baseline, measured in the same run, is the plainest indexed read a visitor makes: the
 * public list's first page, newest first.
 */
export function mapRequests(sample: BenchSample) {
  const r = sample.rnd;
  const fixed = (n: number) => n.toFixed(5);
  return {
    baseline: (): Req => ({ path: '/api/v1/problems?limit=20' }),
    city: (): Req => ({ path: `/api/v1/map/clusters?zoom=${r() < 0.5 ? 9 : 10}` }),
    zoomed: (): Req => {
      const lat = CENTRE.lat + (r() - 0.5) * 2 * CENTRE.dLat;
      const lng = CENTRE.lng + (r() - 0.5) * 2 * CENTRE.dLng;
      const bbox = [lng - 0.0105, lat - 0.009, lng + 0.0105, lat + 0.009].map(fixed).join(',');
      return { path: `/api/v1/map/clusters?zoom=15&bbox=${bbox}` };
    },
  };
}

/** Each cluster view's p50 and p99 as a multiple of the baseline's, two significant figures. */
export function mapRatios(
  baseline: LatencyResult,
  views: Record<string, LatencyResult>,
): Record<string, { p50: number; p99: number }> {
  const x = (a: number, b: number) => Number((a / b).toPrecision(2));
  return Object.fromEntries(
    Object.entries(views).map(([k, v]) => [k, { p50: x(v.p50, baseline.p50), p99: x(v.p99, baseline.p99) }]),
  );
}
