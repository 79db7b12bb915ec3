import type { MixEntry, Req } from '../lib/latency.js';
import type { BenchSample } from '../lib/sample.js';
import { reportBodies } from './intake.js';
import { itemPageRequests, listRequests, searchRequests } from './reads.js';

/**
 * "A city's day" (issue #17, point 8): about 95 % reads spread as residents and staff spread them
 * (the home page, the public and staff lists, item pages, search) and 5 % writes (residents'
 * submissions, and acceptance staff accepting what was submitted), all at once, so every read is
 * measured while items, events, counters and the statistics cache change under it.
 */
export function cityDayMix(sample: BenchSample): MixEntry[] {
  const bodies = reportBodies(sample);
  let nextBody = 0;
  // Codes of this run's own submissions, waiting for acceptance: a write then acts on a real,
  // fresh item, as the acceptance desk does through the day.
  const submitted: string[] = [];
  const staff = { 'x-api-key': sample.staffKey };
  const home = (): Req[] => [
    { path: '/api/v1/stats/summary' },
    { path: '/api/v1/problems?status=rectified%2Cverified%2Cclosed&sort=updated_desc&limit=5' },
    { path: '/api/v1/comments/most-commented?limit=5' },
  ];
  const accept = (): Req => {
    const code = submitted.shift();
    // Nothing waiting yet (the first moments): the desk reads its inbox instead.
    if (!code) return { path: '/api/v1/problems?status=submitted&limit=20', headers: staff };
    return { path: `/api/v1/problems/${code}/actions/accept`, method: 'POST', body: '{}', headers: staff };
  };
  return [
    { label: 'home', weight: 25, next: home },
    { label: 'list (public)', weight: 25, next: listRequests(sample, false) },
    { label: 'list (staff)', weight: 10, next: listRequests(sample, true) },
    { label: 'item page', weight: 25, next: itemPageRequests(sample) },
    { label: 'search', weight: 10, next: searchRequests(sample) },
    {
      label: 'submit',
      weight: 3,
      next: () => ({ path: '/api/v1/problems', method: 'POST', body: bodies[nextBody++ % bodies.length] }),
      onAnswer: (status, body) => {
        if (status === 201) submitted.push((JSON.parse(body) as { problem: { code: string } }).problem.code);
      },
    },
    { label: 'accept', weight: 2, next: accept },
  ];
}

/** The labels whose p99 the issue bounds: every read < 50 ms, the list and the item page < 20 ms. */
export const CITY_DAY_GOALS: Record<string, number> = {
  home: 50,
  'list (public)': 20,
  'list (staff)': 20,
  'item page': 20,
  search: 50,
};
