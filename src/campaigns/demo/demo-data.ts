import { creditCodeCheck } from '../../hall/identity.js';

/** The demo's campaign; the hot-spots demo attaches the zone's odour reports to it by this name. */
export const ODOUR_CAMPAIGN_NAME = '东区臭气扰民专项整治';

/** Invented enterprises of the development zone's east district, with valid-looking credit codes. */
const NAMES = [
  '荆州市恒达化工有限公司',
  '湖北楚源精细化工有限公司',
  '荆州市鑫盛橡胶制品有限公司',
  '湖北江汉新材料有限公司',
  '荆州市华润塑胶有限公司',
  '荆州市长宏涂料有限公司',
  '湖北荆楚生物科技有限公司',
  '荆州市东方印染有限公司',
  '荆州市天元饲料有限公司',
  '湖北金澳医药化工有限公司',
  '荆州市宏发皮革有限公司',
  '荆州市瑞丰纸业有限公司',
  '湖北沙隆达新材料有限公司',
  '荆州市润泽食品有限公司',
  '荆州市佳美包装有限公司',
  '湖北荆江精细化学品有限公司',
  '荆州市博远铸造有限公司',
  '荆州市绿源再生资源有限公司',
  '湖北楚星农化有限公司',
  '荆州市永安沥青有限公司',
];

export const DEMO_ENTERPRISES = NAMES.map((name, i) => {
  const first = `91421000MA4${String(700_101 + i * 37).padStart(6, '0')}`;
  return { name, creditCode: first + creditCodeCheck(first) };
});

export const ODOUR_MEASURES = [
  { name: '废气收集与处理设施提标改造', weight: 40, fraction: 0.4 },
  { name: '在线监测设备安装联网', weight: 30, fraction: 0.3 },
  { name: '第三方检测与夜间巡查达标', weight: 30, fraction: 0.3 },
];

/** The seed's 1,672 visits → 1,981 problems (776 livelihood), at about a twentieth. */
export const VISIT_SCALE = { visits: 84, problems: 99, livelihood: 39 };

export const VISIT_PLACES = [
  ['青山村', '农村生活污水治理'],
  ['沙市区中山街道', '老旧小区改造'],
  ['荆州开发区联合街道', '企业营商环境'],
  ['江陵县郝穴镇', '农田水利'],
  ['松滋市新江口街道', '城区交通拥堵'],
  ['荆州区纪南镇', '农村道路安全'],
  ['沙市区胜利街道', '菜市场环境'],
] as const;

export const VISIT_FINDINGS: Array<[string, string, boolean]> = [
  ['生活污水直排河沟', '村里生活污水未经处理直排河沟，夏季异味明显', true],
  ['老旧小区雨污管网破损', '小区雨污混流，雨天污水外溢', true],
  ['企业办电审批时间长', '新建厂房办电需多次跑腿', false],
  ['灌溉泵站年久失修', '泵站设备老化，春灌无法保证', true],
  ['学校门口上下学拥堵', '接送车辆占道，学生通行不安全', true],
  ['村道缺少防护栏', '临水路段无护栏，夜间危险', true],
  ['农贸市场排水不畅', '市场地面积水，卫生条件差', true],
  ['园区招工难', '企业反映一线技工招聘困难', false],
  ['审批事项材料重复提交', '多个部门要求重复提交同一材料', false],
];

/** The water-environment programme: 5 parts, 11 sub-projects, 3 years. */
export const WATER_PROGRAMME = {
  title: '中心城区水环境综合治理三年行动',
  parts: [
    { title: '黑臭水体治理', subs: ['护城河清淤', '西干渠截污', '荆沙河生态修复'] },
    { title: '污水管网建设', subs: ['沙市区管网改造', '荆州区管网新建', '开发区管网完善'] },
    { title: '污水处理厂扩容', subs: ['城南污水处理厂三期', '草市污水处理厂提标'] },
    { title: '农村污水治理', subs: ['青山村污水处理站', '纪南镇集中处理'] },
    { title: '长效管护机制', subs: ['智慧水务平台'] },
  ],
};
