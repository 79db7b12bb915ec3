import type { Actor } from '../auth/actor.js';
import type { CaseMaterialRow, CaseRow } from './application.repository.js';
import type { CaseViewT, NoticeViewT } from './application.schema.js';
import { mayReadContact } from './application-access.js';
import { maskName, maskPhone, type ApplicantKind } from './identity.js';

export const warningOf = (c: Pick<CaseRow, 'warning_level'>, reasons: string[]) => ({
  level: c.warning_level,
  reasons,
});

export function presentMaterials(rows: CaseMaterialRow[]) {
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    form: m.form,
    copies: m.copies,
    required: m.required === 1,
    state: m.state,
    promisedDate: m.promised_date,
    receivedAt: m.received_at,
  }));
}

export function presentCase(
  actor: Actor,
  c: CaseRow,
  parts: {
    materials: CaseMaterialRow[];
    notices: NoticeViewT[];
    rating: CaseViewT['rating'];
    freeServices: CaseViewT['freeServices'];
    warningReasons: string[];
    allowedActions: string[];
  },
): CaseViewT {
  const contact = mayReadContact(actor, c);
  return {
    number: c.number,
    status: c.status as CaseViewT['status'],
    matter: { code: c.matter_code, name: c.matter_name, version: c.version },
    department: { id: c.department_id, name: c.department_name },
    window: c.window_code,
    clerk: { id: c.clerk_id, name: c.clerk_name },
    applicant: {
      kind: c.applicant_kind,
      name: c.applicant_name,
      idMasked: c.id_masked,
      phone: c.phone ? (contact ? c.phone : maskPhone(c.phone)) : null,
      email: contact ? c.email : null,
      address: contact ? c.address : null,
    },
    materials: presentMaterials(parts.materials),
    promisedDays: c.promised_days,
    registeredOn: c.registered_on,
    acceptedOn: c.accepted_on,
    dueDate: c.due_date,
    paused: c.paused_since !== null,
    pausedDays: c.paused_days,
    decidedOn: c.decided_on,
    workingDaysUsed: c.working_days_used,
    onTime: c.on_time === null ? null : c.on_time === 1,
    decisionReason: c.decision_reason,
    resultMethod: c.result_method,
    resultNote: c.result_note,
    issuedAt: c.issued_at,
    warning: warningOf(c, parts.warningReasons),
    noticeCount: c.notice_count,
    notices: parts.notices,
    rating: parts.rating,
    freeServices: parts.freeServices,
    allowedActions: parts.allowedActions,
  };
}

export function presentBrief(c: CaseRow) {
  return {
    number: c.number,
    status: c.status,
    matter: { code: c.matter_code, name: c.matter_name },
    department: { id: c.department_id, name: c.department_name },
    window: c.window_code,
    clerkName: c.clerk_name,
    applicantName: c.applicant_name,
    idMasked: c.id_masked,
    registeredOn: c.registered_on,
    acceptedOn: c.accepted_on,
    dueDate: c.due_date,
    decidedOn: c.decided_on,
    onTime: c.on_time === null ? null : c.on_time === 1,
    warning: { level: c.warning_level, reasons: [] },
    noticeCount: c.notice_count,
  };
}

export const publicName = (c: CaseRow) => maskName(c.applicant_name, c.applicant_kind as ApplicantKind);
