/**
 * Demo data for category questions and Open311: three categories ask extra questions, and a
 * fixed Open311 API key lets the README's curl examples run against a fresh demo server. The
 * key is only ever created by the demo seeder (QINGDAN_DEMO), never in a real deployment.
 */
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { digest } from '../auth/secrets.js';
import { checkQuestionSet, type QuestionInput } from '../questions/question-rules.js';
import { replaceQuestions } from '../questions/question.repository.js';

export const DEMO_OPEN311_KEY = 'qdk_demo_open311_jingzhou_2026';
export const DEMO_OPEN311_KEY_NAME = 'Open311 演示客户端';

export const DEMO_QUESTIONS: Record<string, QuestionInput[]> = {
  'street-lights': [
    {
      code: 'pole_number',
      label: '灯杆编号',
      labelEn: 'Pole number',
      help: '灯杆上喷涂的编号，如 SS-0123',
      helpEn: 'The number painted on the pole, e.g. SS-0123',
      datatype: 'string',
      required: true,
    },
    {
      code: 'fault',
      label: '故障情况',
      labelEn: 'What is wrong',
      datatype: 'singlevaluelist',
      required: true,
      options: [
        { key: 'single', name: '单盏不亮', nameEn: 'One light is out' },
        { key: 'street', name: '整条路不亮', nameEn: 'The whole street is dark' },
        { key: 'flicker', name: '闪烁', nameEn: 'Flickering' },
        { key: 'daytime', name: '白天常亮', nameEn: 'On during the day' },
      ],
    },
  ],
  roads: [
    {
      code: 'severity',
      label: '破损程度',
      labelEn: 'How bad is it',
      datatype: 'singlevaluelist',
      required: true,
      options: [
        { key: 'crack', name: '轻微裂缝', nameEn: 'Minor cracks' },
        { key: 'pothole', name: '坑洼', nameEn: 'Pothole' },
        { key: 'collapse', name: '塌陷（危险）', nameEn: 'Collapse (dangerous)' },
      ],
    },
    {
      code: 'area_m2',
      label: '破损面积（平方米）',
      labelEn: 'Damaged area (m²)',
      help: '估计即可',
      helpEn: 'An estimate is enough',
      datatype: 'number',
    },
    {
      code: 'hazards',
      label: '伴随隐患',
      labelEn: 'Other hazards',
      datatype: 'multivaluelist',
      options: [
        { key: 'manhole', name: '井盖缺失或松动', nameEn: 'Missing or loose manhole cover' },
        { key: 'water', name: '积水', nameEn: 'Standing water' },
        { key: 'dark', name: '夜间无照明', nameEn: 'No lighting at night' },
      ],
    },
  ],
  noise: [
    {
      code: 'since',
      label: '从何时开始',
      labelEn: 'Since when',
      help: '带时区的时间，如 2026-11-29T22:00:00+08:00',
      helpEn: 'A time with its zone, e.g. 2026-11-29T22:00:00+08:00',
      datatype: 'datetime',
    },
    {
      code: 'period',
      label: '主要时段',
      labelEn: 'When',
      datatype: 'singlevaluelist',
      options: [
        { key: 'day', name: '白天', nameEn: 'Daytime' },
        { key: 'night', name: '夜间（22:00–6:00）', nameEn: 'At night (22:00–6:00)' },
      ],
    },
    { code: 'detail', label: '噪音来源说明', labelEn: 'Source of the noise', datatype: 'text' },
  ],
};

/** Seeds the demo questions and the demo Open311 key; returns the key so the seeder can print it. */
export async function seedDemoOpen311(
  db: Db,
  config: Config,
  categoryIds: Record<string, number>,
  now: Date,
  log: (m: string) => void = () => undefined,
) {
  for (const [code, items] of Object.entries(DEMO_QUESTIONS)) {
    const id = categoryIds[code];
    if (id !== undefined) await replaceQuestions(db, id, checkQuestionSet(items), now.toISOString());
  }
  await db
    .insertInto('api_keys')
    .values({
      name: DEMO_OPEN311_KEY_NAME,
      prefix: DEMO_OPEN311_KEY.slice(0, 10),
      key_hash: digest(DEMO_OPEN311_KEY),
      role: 'public',
      department_id: null,
      created_by: null,
      created_at: now.toISOString(),
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  log(
    `demo: Open311 at /open311/v2 (jurisdiction_id ${config.open311Jurisdictions[0].id}), api_key ${DEMO_OPEN311_KEY}`,
  );
  return DEMO_OPEN311_KEY;
}
