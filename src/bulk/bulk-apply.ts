import { decide, type Action, type State } from '../lifecycle/lifecycle.js';
import { weekdayPolicy } from '../problems/deadline-policy.js';
import type { BulkRefs } from './bulk-refs.js';
import * as text from './bulk-text.js';
import { pickFrom, type Rnd } from './bulk-text.js';
import type { Step } from './bulk-steps.js';
import type { PlannedBatch, PlannedEvent } from './bulk-plan.js';

/**
 * One step of a bulk item's story: what the action changes on the item and the event it records,
 * as problem-actions.service would write them, checked against the real state table.
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
  const { row } = batch.items[i];
  const from = row.status as State;
  const action = step.action as Action;
  const input: Record<string, unknown> = {};
  let payload: Record<string, unknown> = {};
  let reason: string | null = null;
  let actor = { id: refs.acceptance.id as number | null, name: refs.acceptance.name, role: 'acceptance' };
  const staff = row.lead_department_id !== null ? refs.deptStaff.get(row.lead_department_id) : undefined;
  const deptActor = staff
    ? { id: staff.id, name: staff.name, role: 'department' }
    : { id: refs.admin.id, name: refs.admin.name, role: 'admin' };
  let codeRef: PlannedEvent['codeRef'];
  switch (step.kind) {
    case 'accept':
      payload = { note: null };
      break;
    case 'reject':
      reason = '不属于本次整改范围，已告知反映人通过其他渠道解决';
      input.reason = reason;
      break;
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
        item: target,
        action: 'duplicate_merged',
        actor_id: null,
        actor_name: 'system',
        role: 'system',
        from_state: masterState,
        to_state: masterState,
        payload: { duplicateCode: null, reportCount: master.report_count },
        reason: null,
        is_public: 1,
        created_at: at,
        codeRef: { field: 'duplicateCode', item: i },
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
      Object.assign(row, {
        lead_department_id: lead,
        deadline,
        owner_leader_id: leader?.id ?? null,
        measures: text.measuresFor(rnd, cat.code),
        assigned_at: at,
        signed_at: null,
      });
      if (rnd() < 0.3)
        row.responsible_person = `${pickFrom(rnd, text.SURNAMES)}${pickFrom(rnd, ['科长', '主任', '局长', '站长'])}`;
      for (const d of co) batch.coDepartments.push([i, d]);
      payload = {
        leadDepartmentId: lead,
        leadDepartmentName: refs.departments.get(lead),
        coDepartmentIds: co,
        coDepartmentNames: co.map((d) => refs.departments.get(d)),
        deadline,
        deadlineDefaulted: true,
        ownerLeaderId: leader?.id ?? null,
      };
      break;
    }
    case 'sign':
      actor = deptActor;
      payload = { note: null };
      row.signed_at = at;
      break;
    case 'return': {
      actor = deptActor;
      reason = '该问题属地管理，建议转属地街道办理';
      input.reason = reason;
      payload = { previousLeadDepartmentId: row.lead_department_id };
      batch.coDepartments = batch.coDepartments.filter(([item]) => item !== i);
      Object.assign(row, { lead_department_id: null, deadline: null, signed_at: null, assigned_at: null });
      break;
    }
    case 'progress': {
      actor = deptActor;
      const percent = Math.min(95, Math.max(row.progress_percent + 10, 20 + Math.floor(rnd() * 70)));
      input.text = text.progressText(rnd);
      input.percent = percent;
      payload = { text: input.text, percent };
      row.progress_percent = percent;
      break;
    }
    case 'long_term': {
      actor = deptActor;
      const checkpointDate = new Date(Date.parse(`${today}T00:00:00Z`) + (60 + Math.floor(rnd() * 120)) * DAY)
        .toISOString()
        .slice(0, 10);
      input.checkpointDate = checkpointDate;
      reason = '需分期实施，按阶段节点推进';
      payload = { checkpointDate };
      row.checkpoint_date = checkpointDate;
      break;
    }
    case 'rectify': {
      actor = deptActor;
      input.evidence = `${text.measuresFor(rnd, cat.code)}，已整改到位`;
      payload = { evidence: input.evidence };
      Object.assign(row, { rectified_at: at, progress_percent: 100 });
      break;
    }
    case 'verify':
    case 'verify_unsatisfied': {
      const byReporter = hasReporter && rnd() < 0.4;
      if (byReporter) actor = { id: null, name: '公众', role: 'public' };
      else actor = { id: refs.supervisor.id, name: refs.supervisor.name, role: 'supervisor' };
      const result =
        step.kind === 'verify_unsatisfied' ? 'unsatisfied' : rnd() < 0.8 ? 'satisfied' : 'basically_satisfied';
      input.result = result;
      payload = {
        result,
        comment: result === 'unsatisfied' ? '反映人表示问题仍未彻底解决' : null,
        method: byReporter ? 'reporter' : 'callback',
      };
      row.satisfaction = result;
      if (result === 'unsatisfied')
        Object.assign(row, {
          redo_count: row.redo_count + 1,
          rectified_at: null,
          progress_percent: Math.min(row.progress_percent, 90),
        });
      break;
    }
    case 'close':
      actor = { id: refs.supervisor.id, name: refs.supervisor.name, role: 'supervisor' };
      payload = { note: null };
      row.closed_at = at;
      break;
    case 'note':
      input.text = text.noteText(rnd);
      payload = { text: input.text };
      break;
  }
  const d = decide(from, action, ADMIN_CTX, input);
  if (!d.ok) throw new Error(`bulk plan broke the lifecycle: ${action} from ${from}: ${d.message}`);
  const changed = d.to !== from;
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
    to_state: changed || (step.action !== 'progress' && step.action !== 'note') ? d.to : null,
    payload,
    reason,
    is_public: d.public ? 1 : 0,
    created_at: at,
    codeRef,
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
