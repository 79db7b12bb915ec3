import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { HallRuntime } from './hall-runtime.js';
import { RATING_LEVELS, RATING_REASONS, type RatingReason } from './vocabulary.js';

/** What was rated: a case, or a window visit (no case). */
export interface RatedSubject {
  applicationId: number | null;
  caseNumber: string | null;
  matterName: string;
  window: string;
  clerkId: number | null;
  clerkName: string;
  departmentId: number | null;
  rater: { name: string; phone: string | null; email: string | null };
}

/** Bad ratings enter the list as this office would: citywide intake staff, named for what it is. */
export const RATING_DESK: Actor = Object.freeze({
  kind: 'user',
  id: null,
  name: '好差评系统',
  role: 'acceptance',
  departmentId: null,
  departmentScope: [],
  viaCookie: false,
}) as Actor;

/** The time limit a department has to rectify a bad rating, in working days. */
export const BAD_RATING_DAYS = 5;

/**
 * A 不满意 or 非常不满意 rating becomes an item of the list (source 好差评) through the problem
 * services, so every hook (warnings, search, statistics) runs: the rating is stored inside the
 * item's creating transaction (nothing half-stored), then the item is accepted and assigned to the
 * department with a deadline of five working days; the rater is the reporter, so the callback
 * (回访, the item's verification) reaches them.
 */
export async function badRatingItem(
  rt: HallRuntime,
  s: RatedSubject,
  r: { level: number; reasons: RatingReason[]; comment?: string },
  storeRating: (trx: Db, problemId: number) => Promise<number>,
) {
  const level = RATING_LEVELS[String(r.level) as '1'].zh;
  const why = r.reasons.map((x) => RATING_REASONS[x].zh).join('、') || '未选择';
  let ratingId = 0;
  const created = await rt.problems.problems.create(
    RATING_DESK,
    {
      title: `好差评${level}：${s.matterName}${s.caseNumber ? `（${s.caseNumber}）` : ''}`.slice(0, 200),
      description: [
        `评价等级：${level}（${r.level}）`,
        `差评原因：${why}`,
        `评价内容：${r.comment?.trim() || '（无）'}`,
        s.caseNumber ? `关联办件：${s.caseNumber}「${s.matterName}」` : `窗口服务：${s.window} 号窗口`,
        `受理窗口：${s.window}，经办人：${s.clerkName}`,
        `请于${BAD_RATING_DAYS}个工作日内核实整改，整改后由受理中心回访评价人。`,
      ].join('\n'),
      sourceCode: 'hall_rating',
      isPublic: false,
      reporter: {
        name: s.rater.name,
        ...(s.rater.phone && { phone: s.rater.phone }),
        ...(s.rater.email && { email: s.rater.email }),
      },
    },
    async (trx, response) => {
      const code = (response as { problem: { code: string } }).problem.code;
      const { id } = await trx.selectFrom('problems').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      ratingId = await storeRating(trx, id);
    },
  );
  const code = created.problem.code;
  if (s.departmentId !== null) {
    const deadline = rt.supervision.store.calendar().addWorkingDays(rt.today(), BAD_RATING_DAYS);
    const acts = rt.problems.actions;
    await acts.act(RATING_DESK, code, 'accept', { note: '差评自动转办' });
    await acts.act(RATING_DESK, code, 'assign', {
      leadDepartmentId: s.departmentId,
      deadline,
      measures: `核实差评原因并整改，${BAD_RATING_DAYS}个工作日内办结；整改后回访评价人。`,
    });
  }
  return { id: ratingId, problemCode: code };
}
