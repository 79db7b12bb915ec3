import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CommentTable } from '../db/schema.js';
import type { DemoContext } from '../feature.js';
import { PUBLIC_STATES, RECTIFIED_STATES } from '../lifecycle/lifecycle.js';
import { DEMO_USERS } from '../demo/demo-reference.js';
import { chooser, mulberry32 } from '../demo/demo-random.js';

const HOUR = 3_600_000;
const OPENERS = ['我家就住附近，', '同感，', '路过好几次了，', '终于有人反映了！', '补充一下：', '', '', ''];
const WAITING = [
  '这个问题确实存在很久了',
  '希望这次能真正解决',
  '上周又看到一次，情况没有好转',
  '请问大概什么时候能处理好？',
  '建议晚上也来看看，晚上更严重',
  '周边好多邻居都有同样的困扰',
  '支持，盼早日解决',
  '之前打过12345，说是在协调',
];
const FIXED = [
  '已经修好了，效果不错',
  '现在好多了，点个赞',
  '处理得很及时，希望能长期保持',
  '整改后确实改善了不少',
  '希望以后定期巡查，不要反弹',
  '看到工作人员来现场处理了',
];
const PRAISE = ['办事效率高', '为群众办了件实事', '问题解决得很彻底', '辛苦了！', '给你们点赞', '说到做到'];
const AUTHORS = ['热心市民', '附近居民', '老街坊', '上班族', '学生家长', '退休职工', '个体户', null];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭';
const REPLIES = [
  '感谢您的反映，我们已安排工作人员现场核查，将尽快处理。',
  '您好，该问题已列入本周整改计划，整改进展会在本页更新。',
  '感谢您的监督，我们将加强日常巡查，防止问题反弹。',
  '已收到，责任单位正在按时限办理，请您耐心等待。',
  '感谢认可！有新的问题欢迎继续反映。',
];

/**
 * Residents' comments and thanks (送锦旗) on the demo city's public items, some answered by staff
 * (官方回复), so the item pages and the home page's "most discussed" panel are alive on a first
 * visit. Written straight into the table, dated after each item's report (thanks after its
 * rectification) and before now; seeded, so every demo city says the same.
 */
export async function seedDemoComments(db: Db, demo: DemoContext): Promise<number> {
  const c = chooser(mulberry32(1204));
  const now = demo.realNow.getTime();
  const items = await db
    .selectFrom('problems')
    .leftJoin('departments as d', 'd.id', 'problems.lead_department_id')
    .select(['problems.id', 'problems.status', 'problems.created_at', 'problems.rectified_at'])
    .select(['d.name as unit', 'd.code as unitCode'])
    .where('problems.is_public', '=', 1)
    .where('problems.status', 'in', PUBLIC_STATES)
    .orderBy('problems.id')
    .execute();
  // Replies come from the unit doing the work, or from the acceptance desk for the rest.
  const desk = DEMO_USERS.find((u) => u.role === 'acceptance')!.displayName;
  const unitStaff = new Map<string, string>(
    DEMO_USERS.flatMap((u) => ('dept' in u ? [[u.dept, u.displayName] as const] : [])),
  );
  const rows: Insertable<CommentTable>[] = [];
  const recent = (iso: string) => now - Date.parse(iso) < 45 * 24 * HOUR;
  for (const item of items) {
    const fixed = RECTIFIED_STATES.includes(item.status as never) && item.rectified_at !== null;
    // Recent items are talked about more; a few draw a crowd.
    if (!c.chance(recent(item.created_at) ? 0.45 : 0.12)) continue;
    const n = c.chance(0.06) ? 6 + Math.floor(c.rnd() * 8) : 1 + Math.floor(c.rnd() * 3);
    const from = Date.parse(item.created_at);
    for (let i = 0; i < n; i++) {
      const thanks = fixed && c.chance(0.35);
      const start = thanks ? Date.parse(item.rectified_at!) : from;
      const at = Math.floor(start + c.rnd() * Math.min(now - start, 20 * 24 * HOUR));
      const author = c.pick(AUTHORS) ?? `${c.pick([...SURNAMES])}${c.pick(['师傅', '阿姨', '大爷', '女士'])}`;
      const text = thanks
        ? `感谢${item.unit ?? '相关部门'}${c.pick(['', '的同志们'])}，${c.pick(PRAISE)}`
        : `${c.pick(OPENERS)}${c.pick(fixed && at > Date.parse(item.rectified_at!) ? FIXED : WAITING)}。`;
      const replyAt = at + c.between(2, 40) * HOUR;
      const reply = !thanks && c.chance(0.3) && replyAt < now;
      rows.push({
        problem_id: item.id,
        kind: thanks ? 'thanks' : 'comment',
        author_name: author,
        author_contact: null,
        text,
        like_count: Math.floor(c.rnd() ** 2 * (n > 5 ? 40 : 12)),
        client_hash: crypto.createHash('sha256').update(`demo-comment-${rows.length}`).digest('hex'),
        created_at: new Date(at).toISOString(),
        reply_text: reply ? c.pick(REPLIES) : null,
        reply_by: reply ? (unitStaff.get(item.unitCode ?? '') ?? desk) : null,
        reply_at: reply ? new Date(replyAt).toISOString() : null,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('comments')
        .values(rows.slice(i, i + 200))
        .execute();
  });
  return rows.length;
}
