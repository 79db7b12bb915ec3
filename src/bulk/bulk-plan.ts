import type { Selectable } from 'kysely';
import type { ProblemTable } from '../db/schema.js';
import { localDate } from '../shared/time.js';
import type { BulkRefs } from './bulk-refs.js';
import * as text from './bulk-text.js';
import { pickFrom, type Rnd } from './bulk-text.js';
import { STORY_ENDINGS } from './bulk-steps.js';
import { applyStep } from './bulk-apply.js';

export type BulkProblem = Omit<Selectable<ProblemTable>, 'id' | 'code'>;

/** An event before it has an id and a place in the hash chain. */
export interface PlannedEvent {
  item: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  role: string;
  from_state: string | null;
  to_state: string | null;
  payload: Record<string, unknown>;
  reason: string | null;
  is_public: number;
  created_at: string;
  /** A payload field that holds another item's code, filled in once codes are handed out. */
  codeRef?: { field: string; item: number };
}

export interface PlannedBatch {
  items: Array<{ row: BulkProblem; mergedInto: number | null }>;
  /** Sorted by time, so every item's timeline is in order and the chain follows the clock. */
  events: PlannedEvent[];
  coDepartments: Array<[item: number, departmentId: number]>;
  tags: Array<[item: number, tagId: number]>;
}

export interface PlanWindow {
  /**
   * Position of the batch's first item in the whole run, and the run's size: creation times are
   * spread over the run.
   */
  offset: number;
  total: number;
  startMs: number;
  endMs: number;
  nowMs: number;
  timezone: string;
}

const DAY = 86_400_000;
const SOURCE_WEIGHTS = [
  'web',
  'web',
  'web',
  'web',
  'hotline',
  'hotline',
  'hotline',
  'field_research',
  'enterprise_forum',
  'inspection',
  'media',
];
const QUARTER = 900_000;

// Local dates by the quarter hour (every zone's offset is a whole number of quarters): time-zone
// formatting costs microseconds per call, and a million items ask for millions of dates that fall
// into a few tens of thousands of quarters.
const localDays = new Map<number, string>();
let localZone = '';
function localDay(ms: number, timezone: string): string {
  if (timezone !== localZone || localDays.size > 500_000) {
    localDays.clear();
    localZone = timezone;
  }
  const q = Math.floor(ms / QUARTER);
  let day = localDays.get(q);
  if (day === undefined) {
    day = localDate(new Date(q * QUARTER), timezone);
    localDays.set(q, day);
  }
  return day;
}

/** Plans `count` items with their whole histories; pure apart from the random source. */
export function planBatch(
  refs: BulkRefs,
  rnd: Rnd,
  count: number,
  w: PlanWindow,
  tokenHex: (i: number) => string,
): PlannedBatch {
  const batch: PlannedBatch = { items: [], events: [], coDepartments: [], tags: [] };
  const states: Array<Array<[time: string, state: string]>> = [];
  const ramp = (u: number) => w.startMs + u ** 0.8 * (w.endMs - w.startMs); // a campaign gathers pace
  for (let i = 0; i < count; i++) {
    const created = Math.floor(ramp((w.offset + i + rnd()) / w.total));
    planItem(refs, rnd, batch, states, i, created, w, tokenHex(i));
  }
  batch.events.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  return batch;
}

function planItem(
  refs: BulkRefs,
  rnd: Rnd,
  batch: PlannedBatch,
  states: Array<Array<[string, string]>>,
  i: number,
  createdMs: number,
  w: PlanWindow,
  token: string,
): void {
  const cat = pickFrom(rnd, refs.categories);
  const area = refs.areas.length ? pickFrom(rnd, refs.areas) : null;
  const place = area?.name ?? '';
  const sourceCode = pickFrom(rnd, SOURCE_WEIGHTS);
  const web = sourceCode === 'web' || !refs.sources.has(sourceCode);
  const anonymous = rnd() < 0.25;
  const reporter = anonymous ? null : text.reporterFor(rnd);
  const createdAt = new Date(createdMs).toISOString();
  const urgencyRoll = rnd();
  const row: BulkProblem = {
    title: text.titleFor(rnd, cat.code, place),
    description: text.descriptionFor(rnd, cat.code, place),
    category_id: cat.id,
    source_id: refs.sources.get(web ? 'web' : sourceCode) ?? [...refs.sources.values()][0],
    area_id: area?.id ?? null,
    address: rnd() < 0.5 ? text.addressFor(rnd, place) : null,
    lat: rnd() < 0.6 ? 30.35 + (rnd() - 0.5) * 0.4 : null,
    lng: null,
    urgency: urgencyRoll < 0.02 ? 'emergency' : urgencyRoll < 0.07 ? 'urgent' : 'normal',
    is_public: rnd() < 0.92 ? 1 : 0,
    anonymous: anonymous ? 1 : 0,
    reporter_name: reporter?.name ?? null,
    reporter_phone: reporter?.phone ?? null,
    reporter_email: reporter?.email ?? null,
    tracking_token_hash: token,
    // Nobody holds a seeded item's secrets, so it gets no short code to pass on either.
    short_code: null,
    status: 'submitted',
    measures: null,
    lead_department_id: null,
    responsible_person: null,
    owner_leader_id: null,
    deadline: null,
    checkpoint_date: null,
    progress_percent: 0,
    redo_count: 0,
    report_count: 1,
    merged_into_id: null,
    parent_id: null,
    satisfaction: null,
    assigned_at: null,
    signed_at: null,
    rectified_at: null,
    closed_at: null,
    created_by: web ? null : refs.acceptance.id,
    created_at: createdAt,
    updated_at: createdAt,
  };
  if (row.lat !== null) row.lng = 112.24 + (rnd() - 0.5) * 0.6;
  const item = { row, mergedInto: null as number | null };
  batch.items.push(item);
  states.push([[createdAt, 'submitted']]);
  const submitter = web
    ? { id: null, name: '公众', role: 'public' }
    : { id: refs.acceptance.id, name: refs.acceptance.name, role: 'acceptance' };
  batch.events.push({
    item: i,
    action: 'submit',
    actor_id: submitter.id,
    actor_name: submitter.name,
    role: submitter.role,
    from_state: null,
    to_state: 'submitted',
    payload: {
      title: row.title,
      categoryId: row.category_id,
      areaId: row.area_id,
      source: web ? 'web' : sourceCode,
      urgency: row.urgency,
    },
    reason: null,
    is_public: 1,
    created_at: createdAt,
  });
  if (rnd() < 0.2 && refs.tagIds.length) batch.tags.push([i, pickFrom(rnd, refs.tagIds)]);

  let t = createdMs;
  for (const step of STORY_ENDINGS(rnd)) {
    t += Math.floor(step.afterDays(rnd) * DAY);
    if (t > w.nowMs) break;
    const at = new Date(t).toISOString();
    const applied = applyStep(refs, rnd, batch, states, i, step, at, localDay(t, w.timezone), cat, reporter !== null);
    if (!applied) break;
  }
}
