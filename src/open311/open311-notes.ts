/**
 * The public words of Qingdan's lifecycle events, for Open311's status_notes and the update
 * descriptions FixMyStreet shows to the reporter. Only fields the public timeline also shows
 * are used (reasons, progress text, evidence, verification comments, department names, dates);
 * internal notes and returns are not public events and never reach here.
 */
import type { Action } from '../lifecycle/lifecycle.js';
import type { Lang } from './types.js';

type Payload = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const join = (...parts: Array<string | null>) => parts.filter((p): p is string => p !== null).join(' ');

const VERIFY_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意，退回重新整改',
};
const VERIFY_EN: Record<string, string> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basically satisfied',
  unsatisfied: 'not satisfied, sent back for rework',
};

/** The public text of one lifecycle event, or null when it says nothing beyond its status. */
export function eventText(
  action: Action | string,
  payload: Payload,
  reason: string | null,
  lang: Lang = 'zh',
): string | null {
  const en = lang === 'en';
  const r = str(reason);
  switch (action) {
    case 'accept':
      return str(payload.note) ?? (en ? 'Accepted for handling.' : '已受理。');
    case 'reject':
      return en ? join('Not accepted:', r) : `不予受理${r ? `：${r}` : '。'}`;
    case 'merge': {
      const target = str(payload.targetCode);
      return en
        ? join(`Duplicate of ${target ?? 'another report'}.`, r)
        : join(`与 ${target ?? '其他反映'} 重复，已合并办理。`, r);
    }
    case 'assign': {
      const dept = str(payload.leadDepartmentName);
      const deadline = str(payload.deadline);
      if (en) return join(dept ? `Assigned to ${dept}.` : 'Assigned.', deadline ? `Due by ${deadline}.` : null);
      return `已交办${dept ?? '承办单位'}${deadline ? `，限 ${deadline} 前办结` : ''}。`;
    }
    case 'sign':
      return en ? 'The responsible department has taken the case.' : '承办单位已签收。';
    case 'progress': {
      const percent = typeof payload.percent === 'number' ? payload.percent : null;
      const text = str(payload.text);
      return en
        ? join(text, percent !== null ? `(${percent}% done)` : null)
        : `${text ?? ''}${percent !== null ? `（进度 ${percent}%）` : ''}` || null;
    }
    case 'rectify':
      return str(payload.evidence) ?? (en ? 'Reported as fixed.' : '承办单位报告已整改。');
    case 'verify': {
      const result = str(payload.result) ?? '';
      const label = (en ? VERIFY_EN : VERIFY_ZH)[result] ?? result;
      const comment = str(payload.comment);
      return en ? join(`Verification: ${label}.`, comment) : `核实结果：${label}${comment ? `。${comment}` : '。'}`;
    }
    case 'close':
      return str(payload.note) ?? (en ? 'Closed.' : '已办结。');
    case 'reopen':
      return en ? join('Reopened:', r) : `重新办理${r ? `：${r}` : '。'}`;
    case 'long_term': {
      const checkpoint = str(payload.checkpointDate);
      return en
        ? join('Long-term rectification.', checkpoint ? `Next checkpoint ${checkpoint}.` : null, r)
        : join(`列为长期整改${checkpoint ? `，下次检查 ${checkpoint}` : ''}。`, r);
    }
    default:
      return null;
  }
}

/** The jurisdiction-wide notice a new request gets: what happens next, and how to follow it. */
export function submitNotice(lang: Lang = 'zh'): string {
  return lang === 'en'
    ? 'Received. The acceptance centre will review it and assign it to the responsible department; ' +
        'follow it with the service_request_id.'
    : '已收到您的反映，受理中心审核后将交办承办单位；可凭 service_request_id 查询办理进度。';
}

const STATE_NOTICES: Partial<Record<string, [string, string]>> = {
  submitted: ['已收到，待受理中心审核。', 'Received; awaiting review by the acceptance centre.'],
  accepted: ['已受理，待交办承办单位。', 'Accepted; awaiting assignment to a department.'],
  assigned: ['已交办，待承办单位签收。', "Assigned; awaiting the department's sign-off."],
  in_progress: ['承办单位办理中。', 'In progress at the responsible department.'],
  long_term: ['长期整改中，按阶段检查。', 'Long-term rectification, checked in stages.'],
  // Why a request can read "open" although the work is done: verification may still send it back.
  rectified: ['承办单位报告已整改，待核实。', 'Reported fixed; awaiting verification.'],
};

/** A request's service_notice: what happens next while it is open; closed ones need none. */
export function stateNotice(state: string, lang: Lang = 'zh'): string | null {
  const n = STATE_NOTICES[state];
  return n ? n[lang === 'en' ? 1 : 0] : null;
}
