import { decide, type Action, type State } from '../lifecycle/lifecycle.js';
import { weekdayPolicy } from '../problems/deadline-policy.js';
import { EFFECTS, recordedState, type Facts, type Input } from '../problems/action-effects.js';
import type { BulkRefs } from './bulk-refs.js';
import * as text from './bulk-text.js';
import { pickFrom, type Rnd } from './bulk-text.js';
import type { Step } from './bulk-steps.js';
import type { PlannedBatch } from './bulk-plan.js';

/**
 * One step of a bulk item's story: the input a person would give, checked against the real state
 * table, and what the action's effect (action-effects.ts, as the API applies it) changes on the
 * planned item and records in its event. In memory and synchronous: a million items pass here.
 */
const DAY = 86_400_000;
const ADMIN_CTX = { role: 'admin' as const, inLeadScope: true, inCoScope: true, hasToken: false, isOwnerLeader: false };

/** Applies one lifecycle step through the real state table; false when the story cannot go on. */
export function applyStep(
  refs: BulkRefs,
  rnd: Rnd,
  batch: PlannedBatch,
  states: Array<Array<[string, string]>>,
  i: number,
  step: Step,
  at: string,
  today: string,
  cat: BulkRefs['categories'][number],
  hasReporter: boolean,
): boolean {
  const item = batch.items[i];
  const { row } = item;
  const from = row.status as State;
  const action = step.action as Action;
  const input: Input = {};
  const facts: Facts = { now: at, today };
  let actor = { id: refs.acceptance.id as number | null, name: refs.acceptance.name, role: 'acceptance' };
  const staff = row.lead_department_id !== null ? refs.deptStaff.get(row.lead_department_id) : undefined;
  const deptActor = staff
    ? { id: staff.id, name: staff.name, role: 'department' }
    : { id: refs.admin.id, name: refs.admin.name, role: 'admin' };
  let master = -1;
  switch (step.kind) {
    case 'accept':
      break;
    case 'reject':
      input.reason = '不属于本次整改范围，已告知反映人通过其他渠道解决';
      break;
    case 'merge': {
      const target = pickMaster(batch, rnd, i);
      if (target === null) return false;
      master = target;
      // Codes and ids are handed out when the batch is numbered (codeRef, mergedInto).
      input.targetCode = 'pending';
      const status = stateAt(states[target], at);
      facts.target = { id: null, code: null, status, report_count: batch.items[target].row.report_count };
      break;
    }
    case 'assign': {
      const lead = cat.deptId ?? [...refs.departments.keys()][0];
      const others = [...refs.departments.keys()].filter((d) => d !== lead);
      const co = rnd() < 0.15 && others.length ? [pickFrom(rnd, others)] : [];
      const leader = rnd() < 0.03 && refs.leaders.length ? pickFrom(rnd, refs.leaders) : null;
      input.leadDepartmentId = lead;
      input.coDepartmentIds = co;
      input.measures = text.measuresFor(rnd, cat.code);
      if (leader) input.ownerLeaderId = leader.id;
      if (rnd() < 0.3)
        input.responsiblePerson = `${pickFrom(rnd, text.SURNAMES)}${pickFrom(rnd, ['科长', '主任', '局长', '站长'])}`;
      facts.departments = refs.departments;
      facts.leaderRole = 'leader'; // refs.leaders are the users with that role
      facts.tier = cat.tier;
      facts.deadlines = weekdayPolicy;
      break;
    }
    case 'sign':
      actor = deptActor;
      break;
    case 'return':
      actor = deptActor;
      input.reason = '该问题属地管理，建议转属地街道办理';
      break;
    case 'progress': {
      actor = deptActor;
      const percent = Math.min(95, Math.max(row.progress_percent + 10, 20 + Math.floor(rnd() * 70)));
      input.text = text.progressText(rnd);
      input.percent = percent;
      break;
    }
    case 'long_term':
      actor = deptActor;
      input.checkpointDate = new Date(Date.parse(`${today}T00:00:00Z`) + (60 + Math.floor(rnd() * 120)) * DAY)
        .toISOString()
        .slice(0, 10);
      input.reason = '需分期实施，按阶段节点推进';
      break;
    case 'rectify':
      actor = deptActor;
      input.evidence = `${text.measuresFor(rnd, cat.code)}，已整改到位`;
      break;
    case 'verify':
    case 'verify_unsatisfied': {
      const byReporter = hasReporter && rnd() < 0.4;
      if (byReporter) actor = { id: null, name: '公众', role: 'public' };
      else actor = { id: refs.supervisor.id, name: refs.supervisor.name, role: 'supervisor' };
      input.result =
        step.kind === 'verify_unsatisfied' ? 'unsatisfied' : rnd() < 0.8 ? 'satisfied' : 'basically_satisfied';
      if (input.result === 'unsatisfied') input.comment = '反映人表示问题仍未彻底解决';
      facts.hasToken = byReporter;
      break;
    }
    case 'close':
      actor = { id: refs.supervisor.id, name: refs.supervisor.name, role: 'supervisor' };
      break;
    case 'note':
      input.text = text.noteText(rnd);
      break;
  }
  const d = decide(from, action, ADMIN_CTX, input);
  if (!d.ok) throw new Error(`bulk plan broke the lifecycle: ${action} from ${from}: ${d.message}`);
  const effect = EFFECTS[action](row, input, facts);
  Object.assign(row, effect.patch);
  if (effect.coDepartments) {
    // Items are planned one after another, so this item's co-departments are the last ones.
    const co = batch.coDepartments;
    while (co.length && co[co.length - 1][0] === i) co.pop();
    for (const dep of effect.coDepartments) co.push([i, dep]);
  }
  if (effect.master) {
    const m = batch.items[master].row;
    m.report_count = effect.master.patch.report_count;
    // The master's own story is planned already and may run past this merge.
    m.updated_at = m.updated_at > at ? m.updated_at : at;
    batch.events.push({
      item: master,
      action: 'duplicate_merged',
      actor_id: null,
      actor_name: 'system',
      role: 'system',
      from_state: facts.target!.status,
      to_state: facts.target!.status,
      payload: effect.master.payload,
      reason: null,
      is_public: 1,
      created_at: at,
      codeRef: { field: 'duplicateCode', item: i },
    });
    item.mergedInto = master;
  }
  row.status = d.to;
  row.updated_at = at;
  states[i].push([at, d.to]);
  batch.events.push({
    item: i,
    action,
    actor_id: actor.id,
    actor_name: actor.name,
    role: actor.role,
    from_state: from,
    to_state: recordedState(action, from, d.to),
    payload: effect.payload,
    reason: effect.reason,
    is_public: d.public ? 1 : 0,
    created_at: at,
    codeRef: effect.master ? { field: 'targetCode', item: master } : undefined,
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
