import autocannon from 'autocannon';
import { mulberry32 } from '../../src/demo/demo-random.js';
import { descriptionFor, titleFor } from '../../src/bulk/bulk-text.js';
import { TEMPLATES } from '../../src/demo/demo-text.js';
import type { BenchSample } from '../lib/sample.js';

export interface IntakeResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

/** Varied report bodies, as residents would send them: Chinese text, a category, an area, sometimes contact details. */
export function reportBodies(sample: BenchSample, n = 128): string[] {
  const rnd = mulberry32(7);
  const cats = Object.keys(TEMPLATES);
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      title: titleFor(rnd, cats[i % cats.length], '沙市区'),
      description: descriptionFor(rnd, cats[i % cats.length], '中山街道'),
      categoryId: sample.categoryIds[Math.floor(rnd() * sample.categoryIds.length)],
      areaId: sample.areaIds[Math.floor(rnd() * sample.areaIds.length)],
      ...(i % 3 === 0 ? { reporter: { name: '王先生', phone: '13812345678' } } : { anonymous: true }),
      ...(i % 5 === 0 ? { address: '沙市区长江路88号', lat: 30.31, lng: 112.25 } : {}),
    }),
  );
}

/** POSTs new items at concurrency 32 for `seconds` (autocannon), cycling through the bodies. */
export async function runIntake(url: string, bodies: string[], seconds: number): Promise<IntakeResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/problems',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
