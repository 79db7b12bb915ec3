import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import { digest, randomToken } from '../auth/secrets.js';
import { nextSequence } from '../problems/problem.repository.js';
import { departmentUserIds } from '../notify/notifier.js';
import type { HallRuntime } from './hall-runtime.js';
import * as repo from './application.repository.js';
import { currentVersion, materialsOf, type MaterialRow } from './matter.repository.js';
import type { RegisterInput } from './application.schema.js';
import { identityProblem, maskIdentity, normalizeIdentity } from './identity.js';
import { issueNotice } from './notices.js';
import { dueDate } from './case-clock.js';
import { caseEvent, caseLink, storeWarning } from './case-writes.js';
import { recordFreeServices } from './free-services.js';

type Deferred = { materialId: number; promisedDate: string }[];

/** Every id must be on the version's checklist; 容缺 promises only for materials that allow them. */
export function checkMaterials(checklist: MaterialRow[], received: number[], deferred: Deferred, today: string) {
  const byId = new Map(checklist.map((m) => [m.id, m]));
  for (const id of [...received, ...deferred.map((d) => d.materialId)])
    if (!byId.has(id))
      throw new AppError(
        'validation_failed',
        say(`材料 ${id} 不在该事项的材料清单中`, `material ${id} is not in the checklist`),
        {
          field: 'materials',
          materialId: id,
        },
      );
  for (const d of deferred) {
    const m = byId.get(d.materialId)!;
    if (m.required === 1)
      throw new AppError(
        'validation_failed',
        say(`“${m.name}”是必需材料，不能容缺受理`, `"${m.name}" is required and cannot be deferred`),
        {
          field: 'deferred',
          materialId: m.id,
        },
      );
    if (received.includes(d.materialId))
      throw new AppError(
        'validation_failed',
        say(`“${m.name}”已收取，无需承诺补交`, `"${m.name}" was received: nothing to defer`),
        {
          field: 'deferred',
          materialId: m.id,
        },
      );
    if (d.promisedDate < today)
      throw new AppError('validation_failed', say('承诺补交日期不能早于今天', 'the promised date is in the past'), {
        field: 'deferred',
      });
  }
}

/** Registers an application at a window: either accepted with a case number, or a one-time notice. */
export async function register(rt: HallRuntime, actor: Actor, input: RegisterInput) {
  const today = rt.today();
  const version = await currentVersion(rt.db, input.matterCode, today);
  if (!version)
    throw new AppError(
      'validation_failed',
      say(`事项 ${input.matterCode} 未发布或已停止受理`, `the matter ${input.matterCode} is not published`),
      {
        field: 'matterCode',
      },
    );
  const idNumber = normalizeIdentity(input.applicant.idNumber);
  const problem = identityProblem(input.applicant.kind, idNumber, today);
  if (problem) throw new AppError('validation_failed', problem, { field: 'applicant.idNumber' });
  const name = input.applicant.name.trim();
  if (!name)
    throw new AppError('validation_failed', say('请填写申请人名称', "give the applicant's name"), {
      field: 'applicant.name',
    });
  const checklist = (await materialsOf(rt.db, [version.id])).get(version.id) ?? [];
  const deferred = input.deferred ?? [];
  checkMaterials(checklist, input.received, deferred, today);
  const now = rt.now().toISOString();
  const token = randomToken('h_');

  return rt.db.transaction().execute(async (trx) => {
    const year = today.slice(0, 4);
    const seq = await nextSequence(trx, `${rt.codePrefix}-BJ-${year}`);
    const number = `${rt.codePrefix}-BJ-${year}-${String(seq).padStart(6, '0')}`;
    const { id } = await trx
      .insertInto('hall_applications')
      .values({
        number,
        token_hash: digest(token),
        token_cipher: rt.pii.encrypt(token),
        matter_id: version.matter_id,
        version_id: version.id,
        department_id: version.department_id,
        status: 'incomplete',
        window_code: input.window.toUpperCase(),
        clerk_id: actor.id,
        clerk_name: actor.name,
        applicant_kind: input.applicant.kind,
        applicant_name: name,
        id_cipher: rt.pii.encrypt(idNumber),
        id_digest: rt.pii.digest(idNumber),
        id_masked: maskIdentity(idNumber),
        phone: input.applicant.phone?.trim() || null,
        email: input.applicant.email?.trim() || null,
        address: input.applicant.address?.trim() || null,
        batch: null,
        promised_days: version.promised_days,
        notice_count: 0,
        registered_on: today,
        accepted_on: null,
        due_date: null,
        paused_days: 0,
        paused_since: null,
        decided_on: null,
        working_days_used: null,
        on_time: null,
        decision_reason: null,
        result_method: null,
        result_note: null,
        issued_at: null,
        warning_level: 'none',
        warning_since: null,
        reminded_on: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const promised = new Map(deferred.map((d) => [d.materialId, d.promisedDate]));
    if (checklist.length)
      await trx
        .insertInto('hall_application_materials')
        .values(
          checklist.map((m) => ({
            application_id: id,
            material_id: m.id,
            state: input.received.includes(m.id) ? 'received' : promised.has(m.id) ? 'deferred' : 'missing',
            promised_date: promised.get(m.id) ?? null,
            received_at: input.received.includes(m.id) ? now : null,
          })),
        )
        .execute();
    const c = (await repo.findCase(trx, number))!;
    await caseEvent(rt, trx, actor, c, {
      action: 'register',
      from: null,
      to: 'incomplete',
      payload: {
        matter: version.code,
        version: version.version,
        window: c.window_code,
        received: input.received.length,
        deferred: deferred.length,
      },
    });
    if (input.freeServices?.length) await recordFreeServices(rt, trx, actor, c, input.freeServices);
    const notice = await settleMaterials(rt, trx, actor, c, { notify: input.notify !== false, token });
    return { number, notice, trackingToken: token };
  });
}

/**
 * After materials change on an incomplete case: accept it when nothing is missing (the clock
 * starts, the department is told), or issue a one-time notice listing what still is.
 */
export async function settleMaterials(
  rt: HallRuntime,
  trx: Db,
  actor: Actor,
  c: repo.CaseRow,
  opts: { notify: boolean; token?: string },
) {
  const materials = await repo.caseMaterials(trx, c.id);
  const link = opts.token ? caseLink(rt, c.number, opts.token) : null;
  const today = rt.today();
  if (materials.some((m) => m.state === 'missing')) {
    await trx
      .updateTable('hall_applications')
      .set({ notice_count: c.notice_count + 1, updated_at: rt.now().toISOString() })
      .where('id', '=', c.id)
      .execute();
    const notice = await issueNotice(rt, trx, actor, 'one_time', c, materials, { notify: opts.notify, link });
    await caseEvent(rt, trx, actor, c, {
      action: 'one_time_notice',
      from: c.status,
      to: c.status,
      payload: { notice: notice.number, missing: materials.filter((m) => m.state === 'missing').map((m) => m.name) },
    });
    return notice;
  }
  const due = dueDate(rt.supervision.store.calendar(), {
    acceptedOn: today,
    promisedDays: c.promised_days,
    pausedDays: 0,
  });
  await trx
    .updateTable('hall_applications')
    .set({ status: 'accepted', accepted_on: today, due_date: due, updated_at: rt.now().toISOString() })
    .where('id', '=', c.id)
    .execute();
  const accepted = (await repo.findCase(trx, c.number))!;
  const notice = await issueNotice(rt, trx, actor, 'acceptance', accepted, materials, { notify: opts.notify, link });
  await caseEvent(rt, trx, actor, accepted, {
    action: 'accept',
    from: c.status,
    to: 'accepted',
    payload: { notice: notice.number, dueDate: due, promisedDays: c.promised_days },
  });
  await storeWarning(rt, trx, accepted);
  await rt.notifier.notify(
    trx,
    {
      userIds: await departmentUserIds(trx, accepted.department_id),
      kind: 'assignment',
      title: `新办件：${accepted.matter_name}`,
      body: `办件 ${accepted.number}「${accepted.matter_name}」已在 ${accepted.window_code} 号窗口受理，承诺 ${due} 前办结。`,
    },
    rt.now().toISOString(),
  );
  return notice;
}
