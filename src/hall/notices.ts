import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { HallRuntime } from './hall-runtime.js';
import type { CaseMaterialRow, CaseRow } from './application.repository.js';
import type { NoticeViewT } from './application.schema.js';
import { MATERIAL_FORMS, type MaterialForm } from './vocabulary.js';

/**
 * Notices handed to the applicant: the acceptance notice (受理通知书) with the case number and the
 * promised date, the one-time notice (一次性告知书) listing everything missing at once, and the
 * supplement notice (补正告知书). What was printed is stored, so a reprint is the same document.
 */
export type NoticeKind = 'acceptance' | 'one_time' | 'supplement';
export const HALL_NAME = '政务服务中心';
const TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  one_time: '一次性告知书',
  supplement: '补正材料告知书',
};
const SUFFIX: Record<NoticeKind, string> = { acceptance: 'S', one_time: 'G', supplement: 'B' };

export interface NoticeContent {
  title: string;
  lines: string[];
}

const materialLine = (m: CaseMaterialRow, i: number) =>
  `${i + 1}. ${m.name}（${MATERIAL_FORMS[m.form as MaterialForm]?.zh ?? m.form}，${m.copies}份）${
    m.required === 1 ? '' : '【可容缺受理：书面承诺后可先受理、限期补交】'
  }`;

export function noticeContent(
  kind: NoticeKind,
  c: CaseRow,
  materials: CaseMaterialRow[],
  extra: { date: string; reason?: string; number: string },
): NoticeContent {
  const head = [
    `编号：${extra.number}`,
    `办件编号：${c.number}`,
    `申请人：${c.applicant_name}（证件号码 ${c.id_masked}）`,
    `申请事项：${c.matter_name}（事项编码 ${c.matter_code}，第${c.version}版）`,
    `实施部门：${c.department_name}`,
  ];
  const foot = [
    `受理窗口：${c.window_code} 号窗口　经办人：${c.clerk_name}`,
    `日期：${extra.date}`,
    '凭办件编号和查询码可在“办事大厅 · 办件查询”查看进度；办结后请对本次服务作出评价（好差评）。',
  ];
  if (kind === 'acceptance') {
    const deferred = materials.filter((m) => m.state === 'deferred');
    return {
      title: TITLES[kind],
      lines: [
        ...head,
        `经审查，您提交的申请材料齐全、符合法定形式，本中心于 ${c.accepted_on} 予以受理。`,
        `承诺办结时限：${c.promised_days} 个工作日，预计于 ${c.due_date} 前办结（不含补正材料期间）。`,
        ...(deferred.length
          ? [
              '容缺受理，请于承诺日期前补交以下材料：',
              ...deferred.map((m, i) => `${materialLine(m, i)} 承诺补交日期 ${m.promised_date}`),
            ]
          : []),
        ...foot,
      ],
    };
  }
  const missing = materials.filter((m) => m.state === 'missing');
  return {
    title: TITLES[kind],
    lines: [
      ...head,
      kind === 'one_time'
        ? '经审查，您的申请材料尚不齐全。根据“最多跑一次”和一次性告知的规定，现将需补齐的全部材料一次性告知如下：'
        : `经审查，您的申请需要补正材料，理由：${extra.reason ?? ''}。补正期间不计入承诺办结时限。需补正的材料如下：`,
      ...missing.map(materialLine),
      '请补齐后到任一窗口凭本告知书编号续办，无需重新提交已收取的材料。',
      ...foot,
    ],
  };
}

/** Stores a notice (numbered after its case) and queues it for the applicant by SMS and e-mail. */
export async function issueNotice(
  rt: HallRuntime,
  trx: Db,
  actor: Actor,
  kind: NoticeKind,
  c: CaseRow,
  materials: CaseMaterialRow[],
  opts: { reason?: string; notify: boolean; link?: string | null },
): Promise<NoticeViewT> {
  const now = rt.now().toISOString();
  const { n } = await trx
    .selectFrom('hall_notices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('application_id', '=', c.id)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  const number = `${c.number}-${SUFFIX[kind]}${Number(n) + 1}`;
  const content = noticeContent(kind, c, materials, { date: rt.today(), reason: opts.reason, number });
  const sent = opts.notify
    ? await rt.notifier.notifyContact(
        trx,
        { name: c.applicant_name, phone: c.phone, email: c.email },
        {
          kind: 'application',
          title: `${content.title}：${c.matter_name}`,
          body: smsBody(kind, c, materials, opts.link ?? null),
          reference: c.number,
        },
        now,
      )
    : [];
  const { id } = await trx
    .insertInto('hall_notices')
    .values({
      application_id: c.id,
      kind,
      number,
      content: JSON.stringify(content),
      sent: JSON.stringify(sent),
      created_by: actor.id,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, kind, number, createdAt: now, sent, ...content };
}

function smsBody(kind: NoticeKind, c: CaseRow, materials: CaseMaterialRow[], link: string | null): string {
  const follow = link ? ` 查看进度：${link}` : '';
  if (kind === 'acceptance')
    return `【${HALL_NAME}】${c.applicant_name}，您的「${c.matter_name}」已受理，办件编号 ${c.number}，承诺 ${c.due_date} 前办结。${follow}`;
  const missing = materials
    .filter((m) => m.state === 'missing')
    .map((m) => m.name)
    .join('、');
  return `【${HALL_NAME}】${c.applicant_name}，您的「${c.matter_name}」还需补齐：${missing}。请带齐后到任一窗口凭编号 ${c.number} 续办。${follow}`;
}
