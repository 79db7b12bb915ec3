import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import { constraintViolation } from '../db/dialect.js';
import type { HallRuntime } from './hall-runtime.js';
import * as repo from './application.repository.js';
import { caseNotFound, tokenMatches, sidesOf } from './application-access.js';
import type { RateInput, VisitRateInput } from './application.schema.js';
import { caseEvent } from './case-writes.js';
import { HALL_NAME } from './notices.js';
import { appendHallEvent } from './hall-audit.js';
import { isBadRating, RATING_LEVELS, RATING_REASONS, type RatingReason } from './vocabulary.js';
import { badRatingItem, type RatedSubject } from './bad-rating.js';

/** 好差评: one rating per finished case, by the applicant (SMS link with the token) or at a window's pad. */
export const RATEABLE = ['issued'];

function checkReasons(level: number, reasons: RatingReason[], comment: string | undefined) {
  const wrong = reasons.find((r) => (level <= 2 && RATING_REASONS[r].good) || (level >= 4 && !RATING_REASONS[r].good));
  if (wrong)
    throw new AppError(
      'validation_failed',
      say(
        `“${RATING_REASONS[wrong].zh}”不是${RATING_LEVELS[String(level) as '1'].zh}的理由`,
        `"${RATING_REASONS[wrong].en}" is not a reason for "${RATING_LEVELS[String(level) as '1'].en}"`,
      ),
      {
        field: 'reasons',
      },
    );
  if (isBadRating(level) && !reasons.length && !comment?.trim())
    throw new AppError(
      'validation_failed',
      say('差评请选择或填写原因，便于整改和回访', 'a bad rating needs a reason, so it can be put right'),
      { field: 'reasons' },
    );
}

/** A case's rating; a bad one becomes an item in the same transaction (see bad-rating.ts). */
export async function rateCase(rt: HallRuntime, actor: Actor, number: string, input: RateInput) {
  const c = await repo.findCase(rt.db, number);
  const pad = c && sidesOf(actor, c).includes('window');
  if (!c || !(pad || tokenMatches(c, input.token))) throw caseNotFound(number);
  if (!RATEABLE.includes(c.status))
    throw new AppError('invalid_transition', say('办结后才能评价', 'a case is rated once it is finished'), {
      state: c.status,
    });
  const reasons = input.reasons ?? [];
  checkReasons(input.level, reasons, input.comment);
  const existing = await rt.db
    .selectFrom('hall_ratings')
    .select('id')
    .where('application_id', '=', c.id)
    .executeTakeFirst();
  if (existing)
    throw new AppError('conflict', say('该办件已评价，每件只能评价一次', 'this case has been rated'), { number });
  const subject: RatedSubject = {
    applicationId: c.id,
    caseNumber: c.number,
    matterName: c.matter_name,
    window: c.window_code,
    clerkId: c.clerk_id,
    clerkName: c.clerk_name,
    departmentId: c.department_id,
    rater: { name: c.applicant_name, phone: c.phone, email: c.email },
  };
  return store(rt, actor, subject, { ...input, reasons, channel: pad ? 'pad' : 'sms' });
}

/** A window visit rated at the pad (a consultation, a visit without a case). */
export async function rateVisit(rt: HallRuntime, actor: Actor, input: VisitRateInput) {
  const reasons = input.reasons ?? [];
  checkReasons(input.level, reasons, input.comment);
  const managing = await rt.db.selectFrom('departments').select('id').where('code', '=', 'govdata').executeTakeFirst();
  return store(
    rt,
    actor,
    {
      applicationId: null,
      caseNumber: null,
      matterName: `${input.window.toUpperCase()} 号窗口服务`,
      window: input.window.toUpperCase(),
      clerkId: actor.id,
      clerkName: actor.name,
      departmentId: managing?.id ?? null,
      rater: { name: input.raterName?.trim() || '窗口办事群众', phone: input.raterPhone?.trim() || null, email: null },
    },
    { ...input, reasons, channel: 'pad' },
  );
}

async function store(
  rt: HallRuntime,
  actor: Actor,
  s: RatedSubject,
  r: { level: number; reasons: RatingReason[]; comment?: string; channel: string },
) {
  const now = rt.now().toISOString();
  const write = async (trx: Db, problemId: number | null) => {
    const { id } = await trx
      .insertInto('hall_ratings')
      .values({
        application_id: s.applicationId,
        window_code: s.window,
        clerk_id: s.clerkId,
        department_id: s.departmentId,
        level: r.level,
        reasons: JSON.stringify(r.reasons),
        comment: r.comment?.trim() || null,
        channel: r.channel,
        problem_id: problemId,
        rated_on: rt.today(),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const payload = { ratingId: id, level: r.level, reasons: r.reasons, channel: r.channel, problemId };
    if (s.applicationId)
      await caseEvent(
        rt,
        trx,
        actor,
        { id: s.applicationId, number: s.caseNumber! },
        { action: 'rated', from: null, to: null, payload },
      );
    else
      await appendHallEvent(trx, {
        action: 'visit_rated',
        actor,
        payload: { window: s.window, ...payload },
        isPublic: false,
        createdAt: now,
      });
    return id;
  };
  try {
    if (!isBadRating(r.level)) {
      const id = await rt.db.transaction().execute((trx) => write(trx, null));
      return { id, problemCode: null };
    }
    return await badRatingItem(rt, s, r, async (trx, problemId) => {
      const id = await write(trx, problemId);
      await rt.notifier.notifyContact(
        trx,
        s.rater,
        {
          kind: 'rating',
          title: '差评已受理',
          body: `【${HALL_NAME}】${s.rater.name}，您对「${s.matterName}」的评价已收到，已转相关部门在5个工作日内整改，整改后我们将回访您。`,
          reference: s.caseNumber,
        },
        now,
      );
      return id;
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique')
      throw new AppError('conflict', say('该办件已评价，每件只能评价一次', 'this case has been rated'), {
        number: s.caseNumber,
      });
    throw err;
  }
}
