import type { DemoContext } from '../feature.js';
import type { Actor } from '../auth/actor.js';
import type { LettersState } from './letters.feature.js';

const DAY = 86_400_000;
const REASONS: Record<string, string> = {
  overdue: '已超过整改时限仍未完成',
  missed_milestone: '计划节点逾期未完成',
  behind_plan: '整改进度明显滞后于计划',
  missing_weekly_report: '未按要求每周报送整改进展',
};
const REPLIES = [
  '已召开专题会研究部署，增派人员倒排工期，计划于下周内完成全部整改并报送照片佐证。',
  '收函后局主要负责人带队现场核查，已完成主体整改，剩余收尾工作三个工作日内完成。',
];

/**
 * The demo's letters: the supervision office wrote to units whose items went red or yellow in the
 * last two weeks; most units signed for and answered in time, one has signed and not yet replied,
 * one letter is past its deadline unanswered, and one summons was issued this week.
 */
export async function seedLettersDemo(s: LettersState, demo: DemoContext): Promise<void> {
  const rows = await s.rt.db
    .selectFrom('problems as p')
    .innerJoin('item_supervision as w', 'w.problem_id', 'p.id')
    .select(['p.code', 'p.title', 'p.lead_department_id', 'w.warning_level', 'w.warning_reasons'])
    .where('p.status', 'in', ['assigned', 'in_progress'])
    .where('w.warning_level', 'in', ['red', 'yellow'])
    .orderBy('w.warning_level', 'asc')
    .orderBy('p.id')
    .limit(40)
    .execute();
  const unitActor = (deptId: number | null): Actor | undefined =>
    Object.values(demo.actors).find((a) => a.role === 'department' && deptId !== null && a.departmentId === deptId);
  const picked = rows.filter((r) => unitActor(r.lead_department_id)).slice(0, 5);
  const plans = [
    { daysAgo: 12, kind: 'letter', answer: 'replied' },
    { daysAgo: 10, kind: 'letter', answer: 'replied' },
    { daysAgo: 9, kind: 'letter', answer: 'none' },
    { daysAgo: 4, kind: 'letter', answer: 'acknowledged' },
    { daysAgo: 2, kind: 'summons', answer: 'none' },
  ] as const;
  for (const [i, r] of picked.entries()) {
    const plan = plans[i];
    const unit = unitActor(r.lead_department_id)!;
    const issuedAt = new Date(demo.realNow.getTime() - plan.daysAgo * DAY);
    demo.setNow(issuedAt);
    const reasons = (JSON.parse(r.warning_reasons) as string[]).map((x) => REASONS[x]).filter(Boolean);
    const reason = reasons.join('，') || (r.warning_level === 'red' ? '红色预警' : '黄色预警');
    const letter = await s.letters.issue(demo.actors.ducha, {
      kind: plan.kind,
      problemCode: r.code,
      reason,
      text: `你单位承办的「${r.title}」${reason}。请高度重视，立即组织力量整改，按期书面回复办理情况。`,
      replyDays: 3,
    });
    if (plan.answer === 'none') continue;
    demo.setNow(new Date(issuedAt.getTime() + 3 * 3_600_000));
    await s.letters.acknowledge(unit, letter.id, { signedBy: unit.name });
    if (plan.answer !== 'replied') continue;
    demo.setNow(new Date(issuedAt.getTime() + 2 * DAY));
    await s.letters.reply(unit, letter.id, { text: REPLIES[i % REPLIES.length] });
  }
  demo.setNow(demo.realNow);
  demo.log(`letters: ${picked.length} letters and summons`);
}
