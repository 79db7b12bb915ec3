import type { Selectable } from 'kysely';
import type { ProblemTable } from '../db/schema.js';
import { decide, type Action, type State } from '../lifecycle/lifecycle.js';
import { weekdayPolicy } from '../problems/deadline-policy.js';
import { localDate } from '../shared/time.js';
import type { BulkRefs } from './bulk-refs.js';
import * as text from './bulk-text.js';
import { pickFrom, type Rnd } from './bulk-text.js';
import { STORY_ENDINGS, type Step } from './bulk-steps.js';

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
  /** Position of the batch's first item in the whole run, and the run's size: creation times are spread over the run. */
  offset: number;
  total: number;
  startMs: number;
  endMs: number;
  nowMs: number;
  timezone: string;
}

const DAY = 86_400_000;
const ADMIN_CTX = { role: 'admin' as const, inLeadScope: true, inCoScope: true, hasToken: false, isOwnerLeader: false };
const SOURCE_WEIGHTS = ['web', 'web', 'web', 'web', 'hotline', 'hotline', 'hotline', 'field_research', 'enterprise_forum', 'inspection', 'media'];
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
export function planBatch(refs: BulkRefs, rnd: Rnd, count: number, w: PlanWindow, tokenHex: (i: number) => string): PlannedBatch {
  const batch: PlannedBatch = { items: [], events: [], coDepartments: [], tags: [] };
  const states: Array<Array<[time: string, state: string]>> = [];
  const ramp = (u: number) => w.startMs + Math.pow(u, 0.8) * (w.endMs - w.startMs); // a campaign gathers pace
  for (let i = 0; i < count; i++) {
    const created = Math.floor(ramp((w.offset + i + rnd()) / w.total));
    planItem(refs, rnd, batch, states, i, created, w, tokenHex(i));
  }
  batch.events.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  return batch;
}

function planItem(refs: BulkRefs, rnd: Rnd, batch: PlannedBatch, states: Array<Array<[string, string]>>, i: number, createdMs: number, w: PlanWindow, token: string): void {
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
    title: text.titleFor(rnd, cat.code, place), description: text.descriptionFor(rnd, cat.code, place),
    category_id: cat.id, source_id: refs.sources.get(web ? 'web' : sourceCode) ?? [...refs.sources.values()][0], area_id: area?.id ?? null,
    address: rnd() < 0.5 ? text.addressFor(rnd, place) : null,
    lat: rnd() < 0.6 ? 30.35 + (rnd() - 0.5) * 0.4 : null, lng: null,
    urgency: urgencyRoll < 0.02 ? 'emergency' : urgencyRoll < 0.07 ? 'urgent' : 'normal',
    is_public: rnd() < 0.92 ? 1 : 0, anonymous: anonymous ? 1 : 0,
    reporter_name: reporter?.name ?? null, reporter_phone: reporter?.phone ?? null, reporter_email: reporter?.email ?? null,
    tracking_token_hash: token, status: 'submitted', measures: null, lead_department_id: null, responsible_person: null,
    owner_leader_id: null, deadline: null, checkpoint_date: null, progress_percent: 0, redo_count: 0, report_count: 1,
    merged_into_id: null, parent_id: null, satisfaction: null, assigned_at: null, signed_at: null, rectified_at: null,
    closed_at: null, created_by: web ? null : refs.acceptance.id, created_at: createdAt, updated_at: createdAt,
  };
  if (row.lat !== null) row.lng = 112.24 + (rnd() - 0.5) * 0.6;
  const item = { row, mergedInto: null as number | null };
  batch.items.push(item);
  states.push([[createdAt, 'submitted']]);
  const submitter = web ? { id: null, name: '公众', role: 'public' } : { id: refs.acceptance.id, name: refs.acceptance.name, role: 'acceptance' };
  batch.events.push({
    item: i, action: 'submit', actor_id: submitter.id, actor_name: submitter.name, role: submitter.role, from_state: null, to_state: 'submitted',
    payload: { title: row.title, categoryId: row.category_id, areaId: row.area_id, source: web ? 'web' : sourceCode, urgency: row.urgency },
    reason: null, is_public: 1, created_at: createdAt,
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

/** Applies one lifecycle step through the real state table; false when the story cannot go on. */
function applyStep(refs: BulkRefs, rnd: Rnd, batch: PlannedBatch, states: Array<Array<[string, string]>>, i: number, step: Step,
  at: string, today: string, cat: BulkRefs['categories'][number], hasReporter: boolean): boolean {
  const { row } = batch.items[i];
  const from = row.status as State;
  const action = step.action as Action;
  const input: Record<string, unknown> = {};
  let payload: Record<string, unknown> = {};
  let reason: string | null = null;
  let actor = { id: refs.acceptance.id as number | null, name: refs.acceptance.name, role: 'acceptance' };
  const staff = (row.lead_department_id !== null ? refs.deptStaff.get(row.lead_department_id) : undefined);
  const deptActor = staff ? { id: staff.id, name: staff.name, role: 'department' } : { id: refs.admin.id, name: refs.admin.name, role: 'admin' };
  let codeRef: PlannedEvent['codeRef'];
  switch (step.kind) {
    case 'accept': payload = { note: null }; break;
    case 'reject': reason = '不属于本次整改范围，已告知反映人通过其他渠道解决'; input.reason = reason; break;
    case 'merge': {
      const target = pickMaster(batch, rnd, i);
      if (target === null) return false;
      input.targetCode = 'pending';
      payload = { targetCode: null };
      codeRef = { field: 'targetCode', item: target };
      const master = batch.items[target].row;
      master.report_count += row.report_count;
      master.updated_at = master.updated_at > at ? master.updated_at : at;
      const masterState = stateAt(states[target], at);
      batch.events.push({
        item: target, action: 'duplicate_merged', actor_id: null, actor_name: 'system', role: 'system', from_state: masterState, to_state: masterState,
        payload: { duplicateCode: null, reportCount: master.report_count }, reason: null, is_public: 1, created_at: at, codeRef: { field: 'duplicateCode', item: i },
      });
      batch.items[i].mergedInto = target;
      break;
    }
    case 'assign': {
      const lead = cat.deptId ?? [...refs.departments.keys()][0];
      const others = [...refs.departments.keys()].filter((d) => d !== lead);
      const co = rnd() < 0.15 && others.length ? [pickFrom(rnd, others)] : [];
      const leader = rnd() < 0.03 && refs.leaders.length ? pickFrom(rnd, refs.leaders) : null;
      const deadline = weekdayPolicy.defaultDeadline(today, cat.tier, row.urgency);
      input.leadDepartmentId = lead;
      Object.assign(row, { lead_department_id: lead, deadline, owner_leader_id: leader?.id ?? null, measures: text.measuresFor(rnd, cat.code), assigned_at: at, signed_at: null });
      if (rnd() < 0.3) row.responsible_person = `${pickFrom(rnd, text.SURNAMES)}${pickFrom(rnd, ['科长', '主任', '局长', '站长'])}`;
      for (const d of co) batch.coDepartments.push([i, d]);
      payload = { leadDepartmentId: lead, leadDepartmentName: refs.departments.get(lead), coDepartmentIds: co, coDepartmentNames: co.map((d) => refs.departments.get(d)),
        deadline, deadlineDefaulted: true, ownerLeaderId: leader?.id ?? null };
      break;
    }
    case 'sign': actor = deptActor; payload = { note: null }; row.signed_at = at; break;
    case 'return': {
      actor = deptActor; reason = '该问题属地管理，建议转属地街道办理'; input.reason = reason;
      payload = { previousLeadDepartmentId: row.lead_department_id };
      batch.coDepartments = batch.coDepartments.filter(([item]) => item !== i);
      Object.assign(row, { lead_department_id: null, deadline: null, signed_at: null, assigned_at: null });
      break;
    }
    case 'progress': {
      actor = deptActor;
      const percent = Math.min(95, Math.max(row.progress_percent + 10, 20 + Math.floor(rnd() * 70)));
      input.text = text.progressText(rnd); input.percent = percent;
      payload = { text: input.text, percent }; row.progress_percent = percent;
      break;
    }
    case 'long_term': {
      actor = deptActor;
      const checkpointDate = new Date(Date.parse(`${today}T00:00:00Z`) + (60 + Math.floor(rnd() * 120)) * DAY).toISOString().slice(0, 10);
      input.checkpointDate = checkpointDate; reason = '需分期实施，按阶段节点推进';
      payload = { checkpointDate }; row.checkpoint_date = checkpointDate;
      break;
    }
    case 'rectify': {
      actor = deptActor; input.evidence = `${text.measuresFor(rnd, cat.code)}，已整改到位`;
      payload = { evidence: input.evidence }; Object.assign(row, { rectified_at: at, progress_percent: 100 });
      break;
    }
    case 'verify': case 'verify_unsatisfied': {
      const byReporter = hasReporter && rnd() < 0.4;
      if (byReporter) actor = { id: null, name: '公众', role: 'public' };
      else actor = { id: refs.supervisor.id, name: refs.supervisor.name, role: 'supervisor' };
      const result = step.kind === 'verify_unsatisfied' ? 'unsatisfied' : rnd() < 0.8 ? 'satisfied' : 'basically_satisfied';
      input.result = result;
      payload = { result, comment: result === 'unsatisfied' ? '反映人表示问题仍未彻底解决' : null, method: byReporter ? 'reporter' : 'callback' };
      row.satisfaction = result;
      if (result === 'unsatisfied') Object.assign(row, { redo_count: row.redo_count + 1, rectified_at: null, progress_percent: Math.min(row.progress_percent, 90) });
      break;
    }
    case 'close': actor = { id: refs.supervisor.id, name: refs.supervisor.name, role: 'supervisor' }; payload = { note: null }; row.closed_at = at; break;
    case 'note': input.text = text.noteText(rnd); payload = { text: input.text }; break;
  }
  const d = decide(from, action, ADMIN_CTX, input);
  if (!d.ok) throw new Error(`bulk plan broke the lifecycle: ${action} from ${from}: ${d.message}`);
  const changed = d.to !== from;
  row.status = d.to;
  row.updated_at = at;
  states[i].push([at, d.to]);
  batch.events.push({
    item: i, action, actor_id: actor.id, actor_name: actor.name, role: actor.role, from_state: from,
    to_state: changed || step.action !== 'progress' && step.action !== 'note' ? d.to : null,
    payload, reason, is_public: d.public ? 1 : 0, created_at: at, codeRef,
  });
  return true;
}

/** A recent earlier item in the batch that is not itself a duplicate. */
function pickMaster(batch: PlannedBatch, rnd: Rnd, i: number): number | null {
  for (let tries = 0; tries < 8 && i > 0; tries++) {
    const j = Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 200)));
    if (batch.items[j].row.status !== 'merged') return j;
  }
  return null;
}

function stateAt(history: Array<[string, string]>, at: string): string {
  let s = history[0][1];
  for (const [time, state] of history) if (time <= at) s = state;
  return s;
}
