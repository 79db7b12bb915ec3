import type { Actor } from '../../auth/actor.js';
import { digest, randomToken } from '../../auth/secrets.js';
import type { HallRuntime } from '../hall-runtime.js';
import type { HallEvent } from '../hall-audit.js';
import { creditCodeCheck, maskIdentity, residentIdCheck } from '../identity.js';
import { caseWarning } from '../case-clock.js';
import { noticeContent } from '../notices.js';
import type { CaseMaterialRow, CaseRow } from '../application.repository.js';
import type { CaseState } from '../case-states.js';
import type { MaterialRow, VersionRow } from '../matter.repository.js';
import { COMPANIES, GIVEN, SURNAMES } from './demo-catalogue-data.js';
import type { rng } from './demo-matters.js';

/** One demo case as it ends up; the seeder writes its whole history in bulk. */
export interface DemoCase {
  version: VersionRow;
  materials: MaterialRow[];
  state: CaseState;
  registeredOn: string;
  /** An applicant who had to come back after a one-time notice. */
  noticed: boolean;
  /** Working days from acceptance to decision (decided states). */
  used: number;
  clerk: Actor;
  reviewer: Actor;
  window: string;
  batch?: string;
  address?: string;
}

export function personName(r: ReturnType<typeof rng>) {
  return r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.6 ? r.pick([...GIVEN]) : '');
}

export function demoResidentId(r: ReturnType<typeof rng>) {
  const region = r.pick(['421002', '421003', '421022', '421087', '421024', '420106']);
  const y = r.int(1950, 2002);
  const m = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  const first = `${region}${y}${m}${d}${String(r.int(1, 999)).padStart(3, '0')}`;
  return first + residentIdCheck(first);
}

const at = (date: string, minutes: number) =>
  new Date(Date.parse(`${date}T01:30:00Z`) + minutes * 60_000).toISOString();

/**
 * Writes demo cases with their materials, notices and events in a few statements per hundred
 * cases (the 1,000+ households of the old estates included), in the caller's transaction.
 */
export async function writeDemoCases(rt: HallRuntime, cases: DemoCase[], r: ReturnType<typeof rng>, today: string) {
  const calendar = rt.supervision.store.calendar();
  // Memoised: thousands of cases share a few hundred (date, days) pairs.
  const memo = new Map<string, string>();
  const cal = {
    addWorkingDays(date: string, n: number) {
      const key = `${date}|${n}`;
      const known = memo.get(key);
      if (known !== undefined) return known;
      const v = calendar.addWorkingDays(date, n);
      memo.set(key, v);
      return v;
    },
  };
  const year = today.slice(0, 4);
  const db = rt.db;
  const planned = cases.map((c) => {
    const acceptedOn =
      c.state === 'incomplete' ? null : c.noticed ? cal.addWorkingDays(c.registeredOn, 2) : c.registeredOn;
    const due = acceptedOn ? cal.addWorkingDays(acceptedOn, c.version.promised_days) : null;
    const decided = ['approved', 'refused', 'issued'].includes(c.state);
    const decidedOn = decided && acceptedOn ? cal.addWorkingDays(acceptedOn, c.used) : null;
    const issuedOn =
      c.state === 'issued' && decidedOn ? [cal.addWorkingDays(decidedOn, r.int(0, 2)), today].sort()[0] : null;
    const person = c.version.audience !== 'enterprise';
    const id = person
      ? demoResidentId(r)
      : `914210${String(r.int(0, 99)).padStart(2, '0')}MA4F${String(r.int(10000, 99999))}`;
    return { c, acceptedOn, due, decidedOn, issuedOn, person, id, name: person ? personName(r) : r.pick(COMPANIES) };
  });
  const seqRow = await db
    .selectFrom('code_sequences')
    .select('last_value')
    .where('scope', '=', `${rt.codePrefix}-BJ-${year}`)
    .executeTakeFirst();
  let seq = seqRow?.last_value ?? 0;
  const rows = planned.map((p) => {
    seq++;
    const token = randomToken('h_');
    const idNumber = p.person ? p.id : p.id + creditCodeCheck(p.id);
    const status = p.c.state;
    const running = status === 'accepted' || status === 'reviewing';
    const warning = running
      ? caseWarning(
          { status, acceptedOn: p.acceptedOn, dueDate: p.due, today },
          calendar,
          rt.supervision.config.thresholds,
        ).level
      : 'none';
    const used = p.decidedOn ? p.c.used : null;
    return {
      number: `${rt.codePrefix}-BJ-${year}-${String(seq).padStart(6, '0')}`,
      token_hash: digest(token),
      token_cipher: rt.pii.encrypt(token),
      matter_id: p.c.version.matter_id,
      version_id: p.c.version.id,
      department_id: p.c.version.department_id,
      status,
      window_code: p.c.window,
      clerk_id: p.c.clerk.id,
      clerk_name: p.c.clerk.name,
      applicant_kind: p.person ? 'person' : 'enterprise',
      applicant_name: p.name,
      id_cipher: rt.pii.encrypt(idNumber),
      id_digest: rt.pii.digest(idNumber),
      id_masked: maskIdentity(idNumber),
      phone: `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      email: null,
      address: p.c.address ?? null,
      batch: p.c.batch ?? null,
      promised_days: p.c.version.promised_days,
      notice_count: p.c.noticed || status === 'incomplete' ? 1 : 0,
      registered_on: p.c.registeredOn,
      accepted_on: p.acceptedOn,
      due_date: p.due,
      paused_days: 0,
      paused_since: status === 'supplement' ? today : null,
      decided_on: p.decidedOn,
      working_days_used: used,
      on_time: used === null ? null : used <= p.c.version.promised_days ? 1 : 0,
      decision_reason: status === 'refused' ? '申请材料与登记信息不一致，不符合法定条件' : null,
      result_method: p.issuedOn ? (p.c.address ? 'post' : 'window') : null,
      result_note: null,
      issued_at: p.issuedOn ? at(p.issuedOn, 240) : null,
      warning_level: warning,
      warning_since: warning === 'none' ? null : at(today, 0),
      reminded_on: null,
      created_at: at(p.c.registeredOn, r.int(0, 360)),
      updated_at: at(p.issuedOn ?? p.decidedOn ?? p.acceptedOn ?? p.c.registeredOn, 300),
    };
  });
  for (let i = 0; i < rows.length; i += 600)
    await db
      .insertInto('hall_applications')
      .values(rows.slice(i, i + 600))
      .execute();
  await db
    .insertInto('code_sequences')
    .values({ scope: `${rt.codePrefix}-BJ-${year}`, last_value: seq })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ last_value: seq }))
    .execute();
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 2000) {
    const got = await db
      .selectFrom('hall_applications')
      .select(['id', 'number'])
      .where(
        'number',
        'in',
        rows.slice(i, i + 2000).map((x) => x.number),
      )
      .execute();
    for (const g of got) ids.set(g.number, g.id);
  }

  const mats: {
    application_id: number;
    material_id: number;
    state: string;
    promised_date: null;
    received_at: string | null;
  }[] = [];
  const notices: {
    application_id: number;
    kind: string;
    number: string;
    content: string;
    sent: string;
    created_by: number | null;
    created_at: string;
  }[] = [];
  const events: HallEvent[] = [];
  for (const [i, p] of planned.entries()) {
    const row = rows[i];
    const id = ids.get(row.number)!;
    const missingIdx = p.c.state === 'incomplete' ? r.int(0, p.c.materials.length - 1) : -1;
    const states: CaseMaterialRow[] = p.c.materials.map((m, j) => ({
      id: m.id,
      seq: m.seq,
      name: m.name,
      form: m.form,
      copies: m.copies,
      required: m.required,
      state: j === missingIdx || (p.c.state === 'supplement' && j === 1) ? 'missing' : 'received',
      promised_date: null,
      received_at: j === missingIdx ? null : row.created_at,
    }));
    for (const s of states)
      mats.push({
        application_id: id,
        material_id: s.id,
        state: s.state,
        promised_date: null,
        received_at: s.received_at,
      });
    const caseRow = {
      ...row,
      id,
      matter_code: p.c.version.code,
      matter_name: p.c.version.name,
      version: p.c.version.version,
      department_name: p.c.version.department_name,
    } as CaseRow;
    const ev = (
      action: string,
      from: string | null,
      to: string | null,
      date: string,
      minutes: number,
      actor: Actor,
      payload: Record<string, unknown> = {},
    ) =>
      events.push({
        applicationId: id,
        action,
        actor,
        fromState: from,
        toState: to,
        payload: { number: row.number, ...payload },
        isPublic: true,
        createdAt: at(date, minutes),
      });
    ev('register', null, 'incomplete', p.c.registeredOn, 0, p.c.clerk, {
      matter: p.c.version.code,
      window: row.window_code,
      batch: row.batch,
    });
    if (p.c.noticed || p.c.state === 'incomplete') {
      const missing =
        p.c.state === 'incomplete' ? states : states.map((s, j) => (j === 0 ? { ...s, state: 'missing' } : s));
      notices.push({
        application_id: id,
        kind: 'one_time',
        number: `${row.number}-G1`,
        content: JSON.stringify(
          noticeContent('one_time', caseRow, missing, { date: p.c.registeredOn, number: `${row.number}-G1` }),
        ),
        sent: '[]',
        created_by: p.c.clerk.id,
        created_at: at(p.c.registeredOn, 5),
      });
      ev('one_time_notice', 'incomplete', 'incomplete', p.c.registeredOn, 5, p.c.clerk, { notice: `${row.number}-G1` });
    }
    if (!p.acceptedOn) continue;
    notices.push({
      application_id: id,
      kind: 'acceptance',
      number: `${row.number}-S1`,
      content: JSON.stringify(
        noticeContent('acceptance', caseRow, states, { date: p.acceptedOn, number: `${row.number}-S1` }),
      ),
      sent: '[]',
      created_by: p.c.clerk.id,
      created_at: at(p.acceptedOn, 10),
    });
    ev('accept', 'incomplete', 'accepted', p.acceptedOn, 10, p.c.clerk, { dueDate: p.due });
    if (p.c.state === 'withdrawn') {
      ev('withdraw', 'accepted', 'withdrawn', p.acceptedOn, 60, p.c.clerk, { reason: '申请人撤回申请' });
      continue;
    }
    if (p.c.state === 'accepted') continue;
    const reviewOn = p.decidedOn && p.decidedOn === p.acceptedOn ? p.acceptedOn : cal.addWorkingDays(p.acceptedOn, 1);
    ev('review', 'accepted', 'reviewing', reviewOn <= today ? reviewOn : today, 120, p.c.reviewer);
    if (p.c.state === 'supplement') {
      ev('request_supplement', 'reviewing', 'supplement', today, 150, p.c.reviewer, {
        reason: '材料复印件不清晰',
      });
      continue;
    }
    if (!p.decidedOn) continue;
    const verdict = p.c.state === 'refused' ? 'refused' : 'approved';
    ev(verdict === 'refused' ? 'refuse' : 'approve', 'reviewing', verdict, p.decidedOn, 200, p.c.reviewer, {
      workingDaysUsed: p.c.used,
    });
    if (p.issuedOn) ev('issue', verdict, 'issued', p.issuedOn, 240, p.c.clerk, { method: row.result_method });
  }
  for (let i = 0; i < mats.length; i += 4000)
    await db
      .insertInto('hall_application_materials')
      .values(mats.slice(i, i + 4000))
      .execute();
  for (let i = 0; i < notices.length; i += 2000)
    await db
      .insertInto('hall_notices')
      .values(notices.slice(i, i + 2000))
      .execute();
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    ids: rows.map((x) => ({
      id: ids.get(x.number)!,
      number: x.number,
      status: x.status,
      issuedAt: x.issued_at,
      window: x.window_code,
      clerkId: x.clerk_id,
      departmentId: x.department_id,
    })),
    events,
  };
}
