import type { Kernel } from '../../kernel.js';
import type { DemoContext } from '../../feature.js';
import { ANONYMOUS, type Actor } from '../../auth/actor.js';
import { problemsFeature } from '../../problems/problems.feature.js';
import type { HallService } from '../hall.service.js';
import { appendHallEvents, type HallEvent } from '../hall-audit.js';
import { DEFAULT_UNIT_FEN, type RatingReason } from '../vocabulary.js';
import type { rng } from './demo-matters.js';

interface Written {
  id: number;
  number: string;
  status: string;
  issuedAt: string | null;
  window: string;
  clerkId: number | null;
  departmentId: number;
}

const GOOD: RatingReason[] = ['efficient', 'once', 'attitude_good', 'clear_guide', 'fewer_materials'];
const BAD: { reasons: RatingReason[]; comment: string }[] = [
  { reasons: ['repeat_visits', 'not_told_once'], comment: '第一次去没告诉我还要婚姻证明，又跑了一趟' },
  { reasons: ['slow'], comment: '承诺三天办好，结果等了一个多星期' },
  { reasons: ['attitude_bad'], comment: '窗口工作人员不耐烦' },
  { reasons: ['not_told_once'], comment: '网上指南和窗口说法不一致' },
];

/**
 * Ratings of the demo: most finished cases rated well, window visits rated at the pad, and four
 * bad ratings made through the real path, so they are items of the list; four of those were
 * rectified and called back. Also the front desk's free services over the year.
 */
export async function seedDemoRatings(
  hall: HallService,
  k: Kernel,
  demo: DemoContext,
  ctx: { cases: Written[]; actors: Record<string, Actor>; r: ReturnType<typeof rng> },
) {
  const { r, actors } = ctx;
  const rt = hall.rt;
  const issued = ctx.cases.filter((c) => c.status === 'issued' && c.issuedAt);
  const settled = demo.realNow.getTime() - 10 * 86_400_000;
  const bad = issued.filter((c) => c.window !== 'B01' && Date.parse(c.issuedAt!) < settled).slice(0, BAD.length);
  const good = issued.filter((c) => !bad.includes(c) && r.next() < 0.55);
  const ratingRows = good.map((c) => {
    const level = r.next() < 0.72 ? 5 : r.next() < 0.8 ? 4 : 3;
    const at = new Date(Date.parse(c.issuedAt!) + r.int(1, 48) * 3_600_000);
    const when = at > demo.realNow ? demo.realNow : at;
    return {
      application_id: c.id,
      window_code: c.window,
      clerk_id: c.clerkId,
      department_id: c.departmentId,
      level,
      reasons: JSON.stringify([r.pick(GOOD)]),
      comment: null,
      channel: r.next() < 0.6 ? 'sms' : 'pad',
      problem_id: null,
      rated_on: rt.dateOf(when.toISOString()),
      created_at: when.toISOString(),
    };
  });
  const events: HallEvent[] = ratingRows.map((x) => ({
    applicationId: x.application_id,
    action: 'rated',
    actor: ANONYMOUS,
    payload: { level: x.level, channel: x.channel },
    isPublic: true,
    createdAt: x.created_at,
  }));
  const prices = DEFAULT_UNIT_FEN;
  const yearStart = Date.parse(`${rt.today().slice(0, 4)}-01-02T02:00:00Z`);
  const span = demo.realNow.getTime() - yearStart;
  const services = Array.from({ length: 400 }, () => {
    const when = new Date(yearStart + r.next() * span);
    const service = r.pick(['copy', 'copy', 'copy', 'postage', 'postage', 'seal', 'drawing_review'] as const);
    return {
      application_id: null,
      service,
      quantity: service === 'copy' ? r.int(20, 400) : service === 'postage' ? r.int(5, 40) : r.int(1, 6),
      unit_fen: prices[service],
      window_code: `A${String(r.int(1, 12)).padStart(2, '0')}`,
      recorded_by: actors.shouli.id,
      recorded_on: rt.dateOf(when.toISOString()),
      created_at: when.toISOString(),
    };
  });
  await k.db.transaction().execute(async (trx) => {
    for (let i = 0; i < ratingRows.length; i += 200)
      await trx
        .insertInto('hall_ratings')
        .values(ratingRows.slice(i, i + 200))
        .execute();
    for (let i = 0; i < services.length; i += 200)
      await trx
        .insertInto('hall_free_services')
        .values(services.slice(i, i + 200))
        .execute();
    await appendHallEvents(trx, events);
  });

  // Bad ratings through the real path: each becomes an item assigned for five working days.
  const acts = k.of(problemsFeature).actions;
  for (const [i, c] of bad.entries()) {
    const when = new Date(
      Math.min(Date.parse(c.issuedAt!) + 3 * 3_600_000, demo.realNow.getTime() - 86_400_000 * (8 - i)),
    );
    demo.setNow(when);
    const row = await k.db
      .selectFrom('hall_applications')
      .select('token_cipher')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const { problemCode } = await hall.rateCase(ANONYMOUS, c.number, {
      level: i % 3 === 0 ? 1 : 2,
      token: rt.pii.decrypt(row.token_cipher),
      ...BAD[i],
    });
    if (i >= 3 || !problemCode) continue;
    // Three were rectified by the department and called back by the centre.
    demo.setNow(new Date(when.getTime() + 3_600_000));
    await acts.act(actors.admin, problemCode, 'sign', { note: '已签收，核实中' });
    demo.setNow(new Date(when.getTime() + 2 * 86_400_000));
    await acts.act(actors.admin, problemCode, 'rectify', {
      evidence: '已向申请人致歉，完善一次性告知清单并开展窗口培训',
    });
    demo.setNow(new Date(when.getTime() + 3 * 86_400_000));
    await acts.act(actors.shouli, problemCode, 'verify', { result: 'satisfied', rating: 4, method: 'callback' });
    await acts.act(actors.shouli, problemCode, 'close', { note: '回访满意，销号' });
  }
  demo.setNow(demo.realNow);
  // Window visits rated at the pad.
  for (let i = 0; i < 3; i++)
    await hall.rateVisit(actors.chuangkou, { window: `A0${i + 1}`, level: 5, reasons: ['attitude_good'] });
}
