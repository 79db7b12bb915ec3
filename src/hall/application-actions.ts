import type { Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import type { HallRuntime } from './hall-runtime.js';
import * as repo from './application.repository.js';
import { materialsOf } from './matter.repository.js';
import type { ActionInput } from './application.schema.js';
import { caseNotFound, mayRead, sidesOf, type Side } from './application-access.js';
import { refusal, type CaseAction, type CaseState } from './case-states.js';
import { dueDate, pauseLength, workingDaysUsed } from './case-clock.js';
import { caseEvent, caseLink, storeWarning } from './case-writes.js';
import { checkMaterials, settleMaterials } from './application-register.js';
import { issueNotice } from './notices.js';
import { HALL_NAME } from './notices.js';

/** Loads a case for an action in the caller's transaction, refusing what the state table refuses. */
async function loadFor(
  rt: HallRuntime,
  trx: typeof rt.db,
  actor: Actor,
  number: string,
  action: CaseAction,
  input: object,
) {
  const c = await repo.findCase(trx, number);
  if (!c || !mayRead(actor, c)) throw caseNotFound(number);
  const sides = sidesOf(actor, c);
  const tries = sides.length ? sides : [null];
  let last = null;
  for (const side of tries as (Side | null)[]) {
    last = refusal(c.status as CaseState, action, side, input as Record<string, unknown>);
    if (!last) return c;
  }
  throw new AppError(last!.code, last!.message, { state: c.status, action });
}

/** The applicant brings materials: completes an incomplete case, a 容缺 promise, or a supplement. */
export async function supply(
  rt: HallRuntime,
  actor: Actor,
  number: string,
  input: { materialIds: number[]; deferred?: { materialId: number; promisedDate: string }[] },
) {
  const today = rt.today();
  const now = rt.now().toISOString();
  await rt.db.transaction().execute(async (trx) => {
    const c = await loadFor(rt, trx, actor, number, 'supply', input);
    const checklist = (await materialsOf(trx, [c.version_id])).get(c.version_id) ?? [];
    const deferred = input.deferred ?? [];
    if (deferred.length && c.status !== 'incomplete')
      throw new AppError(
        'validation_failed',
        say('容缺承诺只能在受理前作出', 'a deferral is promised before the case is accepted'),
        { field: 'deferred' },
      );
    checkMaterials(checklist, input.materialIds, deferred, today);
    await trx
      .updateTable('hall_application_materials')
      .set({ state: 'received', received_at: now, promised_date: null })
      .where('application_id', '=', c.id)
      .where('material_id', 'in', input.materialIds)
      .where('state', '!=', 'received')
      .execute();
    for (const d of deferred)
      await trx
        .updateTable('hall_application_materials')
        .set({ state: 'deferred', promised_date: d.promisedDate })
        .where('application_id', '=', c.id)
        .where('material_id', '=', d.materialId)
        .execute();
    await caseEvent(rt, trx, actor, c, {
      action: 'supply',
      from: c.status,
      to: c.status,
      payload: { materials: input.materialIds.length, deferred: deferred.length },
    });
    if (c.status === 'incomplete') {
      await settleMaterials(rt, trx, actor, c, { notify: true, token: rt.pii.decrypt(c.token_cipher) });
      return;
    }
    if (c.status === 'supplement') {
      const left = await repo.caseMaterials(trx, c.id);
      if (left.some((m) => m.state === 'missing')) return;
      // Everything asked for is in: review resumes and the due date moves by the pause.
      const cal = rt.supervision.store.calendar();
      const paused = c.paused_days + pauseLength(cal, c.paused_since ?? today, today);
      const due = dueDate(cal, { acceptedOn: c.accepted_on!, promisedDays: c.promised_days, pausedDays: paused });
      await trx
        .updateTable('hall_applications')
        .set({ status: 'reviewing', paused_days: paused, paused_since: null, due_date: due, updated_at: now })
        .where('id', '=', c.id)
        .execute();
      await caseEvent(rt, trx, actor, c, {
        action: 'resume',
        from: 'supplement',
        to: 'reviewing',
        payload: { dueDate: due, pausedDays: paused },
      });
      await storeWarning(rt, trx, (await repo.findCase(trx, number))!);
    }
  });
}

/** The back office's and the window's steps after registration (case-states.ts says which). */
export async function act(rt: HallRuntime, actor: Actor, number: string, action: CaseAction, input: ActionInput) {
  const today = rt.today();
  const now = rt.now().toISOString();
  await rt.db.transaction().execute(async (trx) => {
    const c = await loadFor(rt, trx, actor, number, action, input);
    const cal = rt.supervision.store.calendar();
    const from = c.status;
    let to: CaseState = from as CaseState;
    const set: Record<string, unknown> = { updated_at: now };
    const payload: Record<string, unknown> = {};
    switch (action) {
      case 'review':
        to = 'reviewing';
        break;
      case 'request_supplement': {
        to = 'supplement';
        Object.assign(set, { paused_since: today });
        const ids = input.materialIds ?? [];
        const own = new Set((await repo.caseMaterials(trx, c.id)).map((m) => m.id));
        const stray = ids.find((i) => !own.has(i));
        if (stray !== undefined)
          throw new AppError(
            'validation_failed',
            say(`材料 ${stray} 不在该事项的材料清单中`, `material ${stray} is not in the checklist`),
            { field: 'materialIds' },
          );
        if (ids.length)
          await trx
            .updateTable('hall_application_materials')
            .set({ state: 'missing', received_at: null })
            .where('application_id', '=', c.id)
            .where('material_id', 'in', ids)
            .execute();
        payload.reason = input.reason;
        break;
      }
      case 'approve':
      case 'refuse': {
        const open = (await repo.caseMaterials(trx, c.id)).filter((m) => m.state !== 'received');
        if (action === 'approve' && open.length)
          throw new AppError(
            'conflict',
            say(
              `容缺材料尚未补齐：${open.map((m) => m.name).join('、')}`,
              `deferred materials are still missing: ${open.map((m) => m.name).join(', ')}`,
            ),
            {
              materials: open.map((m) => m.id),
            },
          );
        to = action === 'approve' ? 'approved' : 'refused';
        const used = workingDaysUsed(
          cal,
          { acceptedOn: c.accepted_on!, promisedDays: c.promised_days, pausedDays: c.paused_days },
          today,
        );
        Object.assign(set, {
          decided_on: today,
          working_days_used: used,
          on_time: today <= (c.due_date ?? today) ? 1 : 0,
          decision_reason: input.reason?.trim() || input.note?.trim() || null,
        });
        Object.assign(payload, { workingDaysUsed: used, dueDate: c.due_date, reason: input.reason ?? null });
        break;
      }
      case 'issue': {
        to = 'issued';
        const address = input.address?.trim() || c.address;
        if (input.method === 'post' && !address)
          throw new AppError('validation_failed', say('邮寄送达需要收件地址', 'delivery by post needs an address'), {
            field: 'address',
          });
        Object.assign(set, {
          result_method: input.method,
          result_note: input.note?.trim() || null,
          issued_at: now,
          ...(input.method === 'post' && { address }),
        });
        payload.method = input.method;
        break;
      }
      case 'withdraw':
        to = 'withdrawn';
        Object.assign(set, { paused_since: null, decision_reason: input.reason?.trim() ?? null });
        payload.reason = input.reason;
        break;
      case 'supply':
        throw new AppError(
          'bad_request',
          say('补交材料请使用 …/materials', 'materials are supplied through …/materials'),
        );
    }
    await trx
      .updateTable('hall_applications')
      .set({ ...set, status: to })
      .where('id', '=', c.id)
      .execute();
    await caseEvent(rt, trx, actor, c, { action, from, to, payload });
    const after = (await repo.findCase(trx, number))!;
    await storeWarning(rt, trx, after);
    const token = rt.pii.decrypt(c.token_cipher);
    if (action === 'request_supplement')
      await issueNotice(rt, trx, actor, 'supplement', after, await repo.caseMaterials(trx, c.id), {
        reason: input.reason,
        notify: true,
        link: caseLink(rt, number, token),
      });
    if (action === 'issue')
      await rt.notifier.notifyContact(
        trx,
        { name: c.applicant_name, phone: c.phone, email: c.email },
        {
          kind: 'rating',
          title: `办结：${c.matter_name}`,
          body:
            `【${HALL_NAME}】您的「${c.matter_name}」（${number}）已办结，` +
            `结果${input.method === 'post' ? '已邮寄' : '已在窗口送达'}。请对本次服务评价：${caseLink(rt, number, token, 'rate')}`,
          reference: number,
        },
        now,
      );
  });
}
