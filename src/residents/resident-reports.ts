import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import type { ProblemService } from '../problems/problem.service.js';
import { nextStep } from './next-step.js';
import { tokenMatches } from '../problems/short-code.js';
import './resident-tables.js';

export function requireResident(actor: Actor): number {
  if (actor.kind !== 'user' || actor.role !== 'public' || actor.id === null)
    throw new AppError('unauthenticated', say('请先用手机号登录', 'sign in with your phone first'));
  return actor.id;
}

/** "My reports" (我的反映): what the resident reported while signed in or claimed with its token. */
export function residentReports(db: Db, problems: ProblemService) {
  async function mine(actor: Actor) {
    const userId = requireResident(actor);
    const rows = await db
      .selectFrom('problems')
      .selectAll()
      .where('created_by', '=', userId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    const views = await problems.present(actor, rows);
    return views.map((v) => ({
      code: v.code,
      title: v.title,
      status: v.status,
      nextStep: nextStep(v.status),
      deadline: v.deadline,
      unit: v.leadDepartment?.name ?? null,
      area: v.area?.name ?? null,
      satisfaction: v.satisfaction,
      canVerify: v.status === 'rectified',
      createdAt: v.createdAt,
    }));
  }

  /** Makes an earlier report (made signed out) the resident's, proven by its tracking token or short code. */
  async function claim(actor: Actor, code: string, token: string) {
    const userId = requireResident(actor);
    const row = await db
      .selectFrom('problems')
      .select(['id', 'created_by', 'tracking_token_hash', 'short_code'])
      .where('code', '=', code.trim())
      .executeTakeFirst();
    const valid = row && tokenMatches(row, token);
    // The same answer for an unknown code and a wrong token, so codes can't be probed.
    if (!row || !valid) throw notFound('problem', code);
    if (row.created_by === userId) return { code, claimed: true };
    // Items entered by staff (hotline) or claimed by another resident stay where they are.
    if (row.created_by !== null)
      throw new AppError('conflict', say('该问题已关联其他账号', 'this report already belongs to an account'));
    await db
      .updateTable('problems')
      .set({ created_by: userId })
      .where('id', '=', row.id)
      .where('created_by', 'is', null)
      .execute();
    return { code, claimed: true };
  }

  async function profile(actor: Actor) {
    const userId = requireResident(actor);
    const r = await db.selectFrom('residents').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
    return { phone: r.phone, email: r.email, notifyBy: r.notify_by as 'sms' | 'email' | 'none' };
  }

  async function updateProfile(actor: Actor, patch: { email?: string | null; notifyBy?: 'sms' | 'email' | 'none' }) {
    const userId = requireResident(actor);
    const current = await profile(actor);
    const email = patch.email === undefined ? current.email : patch.email;
    const notifyBy = patch.notifyBy ?? current.notifyBy;
    if (notifyBy === 'email' && !email)
      throw new AppError('validation_failed', say('选择邮件通知需填写邮箱', 'e-mail updates need an address'), {
        field: 'email',
      });
    await db.updateTable('residents').set({ email, notify_by: notifyBy }).where('user_id', '=', userId).execute();
    return { phone: current.phone, email, notifyBy };
  }

  return { mine, claim, profile, updateProfile };
}
