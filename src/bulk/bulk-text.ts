import { TEMPLATES } from '../demo/demo-text.js';

/**
 * Text for bulk items. The demo templates alone give only a few hundred distinct strings; a
 * million copies of them would make search and statistics look better than real data would, so
 * descriptions are composed from the template plus phrases people actually add to a report.
 */
const OPENERS = [
  '',
  '',
  '',
  '我是附近居民，',
  '本人反映：',
  '多位居民联名反映，',
  '企业负责人反映，',
  '家住附近的群众反映，',
];
const SINCE = [
  '这个问题从去年开始就有',
  '最近两个月越来越严重',
  '已经持续一个多月',
  '从上周开始出现',
  '反复出现好几年了',
  '春节以后一直这样',
];
const IMPACT = [
  '附近居民意见很大。',
  '老人和孩子出行很不安全。',
  '周边有学校和医院，影响较大。',
  '已经影响到正常生产经营。',
  '给群众生活带来很大不便。',
  '下雨天情况更加严重。',
  '晚上无法正常休息。',
  '曾向社区反映过，但没有结果。',
];
const ASKS = [
  '希望有关部门尽快解决。',
  '请相关部门现场查看处理。',
  '恳请领导重视，给个答复。',
  '希望能有一个长效的解决办法。',
  '盼望早日解决，谢谢！',
  '请告知办理进度。',
  '',
];
const ROADS = [
  '长江路',
  '北京路',
  '荆州大道',
  '塔桥路',
  '江津路',
  '红门路',
  '园林路',
  '沙隆达大道',
  '东方大道',
  '学苑路',
];
const PROGRESS = [
  '已现场核实，正在按计划推进整改',
  '已制定整改方案，明确责任人和完成时限',
  '已完成前期勘查，施工单位已进场',
  '已召开协调会，相关单位分工推进',
  '整改工程过半，预计按期完成',
  '已走访反映人，说明整改安排',
];
const NOTES = ['已电话联系反映人了解详细情况', '需协调属地街道共同处理', '已纳入本周督办台账', '反映人补充了现场照片'];
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'];

export type Rnd = () => number;
export const pickFrom = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

export function hasTemplate(categoryCode: string): boolean {
  return Boolean(TEMPLATES[categoryCode]);
}

/** Generic text for categories without a template (a city's own categories). */
const GENERIC = {
  titles: ['{place}群众反映的问题'],
  details: ['群众反映的问题需要相关部门核实处理。'],
  measures: ['现场核实并限期整改'],
};

export function titleFor(rnd: Rnd, categoryCode: string, place: string): string {
  const tpl = TEMPLATES[categoryCode] ?? GENERIC;
  return pickFrom(rnd, tpl.titles).replace('{place}', place);
}

export function descriptionFor(rnd: Rnd, categoryCode: string, place: string): string {
  const tpl = TEMPLATES[categoryCode] ?? GENERIC;
  const detail = pickFrom(rnd, tpl.details);
  const parts = [pickFrom(rnd, OPENERS), rnd() < 0.5 ? `${place}` : '', detail];
  if (rnd() < 0.7) parts.push(`${pickFrom(rnd, SINCE)}，${pickFrom(rnd, IMPACT)}`);
  parts.push(pickFrom(rnd, ASKS));
  return parts.join('');
}

export const measuresFor = (rnd: Rnd, categoryCode: string) =>
  pickFrom(rnd, (TEMPLATES[categoryCode] ?? GENERIC).measures);
export const progressText = (rnd: Rnd) => pickFrom(rnd, PROGRESS);
export const noteText = (rnd: Rnd) => pickFrom(rnd, NOTES);
export const addressFor = (rnd: Rnd, place: string) =>
  `${place}${pickFrom(rnd, ROADS)}${1 + Math.floor(rnd() * 300)}号`;

export function reporterFor(rnd: Rnd): { name: string; phone: string; email: string | null } {
  const name = `${pickFrom(rnd, SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'}`;
  const prefix = pickFrom(rnd, ['38', '39', '35', '37', '58', '86', '89']);
  const phone = `1${prefix}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
  return { name, phone, email: rnd() < 0.15 ? `user${Math.floor(rnd() * 1e6)}@example.cn` : null };
}
