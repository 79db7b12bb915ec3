import type { SeedContext } from './demo-seed.js';
import type { Action } from '../lifecycle/lifecycle.js';

type Step = [days: number, actor: string, action: Action, input?: Record<string, unknown>];
interface StoryItem {
  title: string;
  description: string;
  category: string;
  area: string;
  source: string;
  tags: string[];
  reporter?: { name: string; phone: string };
  daysAgo: number;
  steps: Step[];
}

const assign = (dept: string, extra: Record<string, unknown> = {}) => ({ dept, ...extra });

/** The items of the brief's story, in believable states with their timelines. */
const STORY: StoryItem[] = [
  {
    title: '六个小区一千多户办不了不动产权证',
    category: 'property-cert',
    area: 'jz-ss',
    source: 'field_research',
    tags: ['livelihood', 'leader-owned'],
    description: '沙市区六个小区一千多户居民购房多年无法办理不动产权证，子女入学、落户均受影响。',
    daysAgo: 150,
    steps: [
      [1, 'shouli', 'accept'],
      [
        1,
        'shouli',
        'assign',
        assign('tax', {
          leader: 'shuji',
          measures: '税务局牵头，会同住建、自然资源部门建立跨部门办证新流程',
          co: ['housing'],
        }),
      ],
      [0.06, 'shuiwu', 'sign'],
      [20, 'shuiwu', 'progress', { text: '已梳理六个小区欠税情况，制定分类处置方案', percent: 40 }],
      [30, 'shuiwu', 'progress', { text: '新流程上线，已为600户办结', percent: 75 }],
      [25, 'shuiwu', 'rectify', { evidence: '1,000余户全部办结不动产权证，新流程固化为长效机制' }],
      [5, 'ducha', 'verify', { result: 'satisfied', method: 'callback', comment: '回访业主代表，非常满意' }],
      [2, 'ducha', 'close'],
    ],
  },
  {
    title: '新河村没有污水处理设施',
    category: 'sewage',
    area: 'jz-jz-jn-xh',
    source: 'web',
    tags: ['livelihood'],
    reporter: { name: '李大爷', phone: '13800001111' },
    description: '村里没有污水处理设施，生活污水乱泼滥倒，夏天臭味大，蚊蝇多。',
    daysAgo: 120,
    steps: [
      [1, 'shouli', 'assign', assign('eco', { measures: '投资160万元建设污水处理站，配套管网入户' })],
      [0.06, 'shengtai', 'sign'],
      [30, 'shengtai', 'progress', { text: '污水处理站主体完工', percent: 60 }],
      [40, 'shengtai', 'rectify', { evidence: '160万元污水处理站建成投用，服务200多户' }],
      [3, 'shouli', 'verify', { result: 'satisfied', method: 'residents_acceptance', comment: '村民代表验收：满意' }],
    ],
  },
  {
    title: '新建小区40多名孩子没有学位',
    category: 'school-places',
    area: 'jz-ss-zs-hp',
    source: 'hotline',
    tags: ['livelihood'],
    reporter: { name: '王女士', phone: '13900002222' },
    description: '和平社区新建小区交付后有40多名适龄儿童，附近学校学位已满。',
    daysAgo: 60,
    steps: [
      [1, 'shouli', 'accept'],
      [1, 'shouli', 'assign', assign('edu', { measures: '新增一个教学班；制定三年、五年校舍建设规划' })],
      [0.06, 'jiaoyu', 'sign'],
      [10, 'jiaoyu', 'progress', { text: '新增教学班已开班，40名孩子入学', percent: 50 }],
      [20, 'jiaoyu', 'long_term', { checkpointDate: '2027-03-31', reason: '校舍建设需分期实施' }],
    ],
  },
  {
    title: '山口村山区农户吃不上自来水',
    category: 'tap-water',
    area: 'jz-sz-wjc-sk',
    source: 'field_research',
    tags: ['livelihood', 'leader-owned'],
    description: '卸甲坪乡山口村二十多户山区农户至今挑水吃，旱季缺水。',
    daysAgo: 45,
    steps: [
      [1, 'shouli', 'assign', assign('water', { leader: 'shizhang', measures: '实施农村饮水安全巩固提升工程' })],
      [0.06, 'shuili', 'sign'],
      [14, 'shuili', 'progress', { text: '管网勘测设计完成', percent: 30 }],
    ],
  },
  {
    title: '11万辆共享单车乱停乱放',
    category: 'shared-bikes',
    area: 'jz',
    source: 'media',
    tags: ['livelihood'],
    description: '全市共享单车投放约11万辆，乱停乱放严重占道。',
    daysAgo: 90,
    steps: [
      [1, 'shouli', 'assign', assign('urban', { measures: '压减总量，施划停放区，建立企业调度机制' })],
      [0.06, 'chengguan', 'sign'],
      [45, 'chengguan', 'progress', { text: '已压减至2万辆，施划停放区600个', percent: 70 }],
      // Rectified days ago: the callback (验收) is still to come, as it comes within days.
      [41, 'chengguan', 'rectify', { evidence: '总量压减至13,900辆，施划停放区1,000余个' }],
    ],
  },
  {
    title: '东区工厂异味扰民',
    category: 'odour',
    area: 'jz-kfq',
    source: 'web',
    tags: ['livelihood'],
    reporter: { name: '张先生', phone: '13700003333' },
    description: '开发区东区多家工厂夜间排放废气，居民晚上不敢开窗。',
    daysAgo: 100,
    steps: [
      [1, 'shouli', 'assign', assign('eco', { measures: '20家企业一企一策整改；逾期未完成里程碑的查封' })],
      [0.06, 'shengtai', 'sign'],
      [
        30,
        'shengtai',
        'progress',
        { text: '5家企业因未完成里程碑被查封，15家错峰生产，约谈企业负责人30余人', percent: 80 },
      ],
      [20, 'shengtai', 'rectify', { evidence: '20家企业全部完成整改，在线监测达标' }],
      [
        5,
        'shouli',
        'verify',
        { result: 'satisfied', method: 'residents_acceptance', comment: '居民代表验收：非常满意' },
      ],
      [1, 'ducha', 'close'],
    ],
  },
  {
    title: '开发区技能人才短缺',
    category: 'skilled-staff',
    area: 'jz-kfq',
    source: 'enterprise_forum',
    tags: ['business'],
    description: '企业专题调研会上，多家企业反映数控、焊接等技能人才短缺。',
    daysAgo: 30,
    steps: [[1, 'shouli', 'assign', assign('hr')]],
  },
  {
    title: '开发区上下班通勤公交太少',
    category: 'commuter-bus',
    area: 'jz-kfq-lt',
    source: 'enterprise_forum',
    tags: ['business'],
    description: '园区员工反映上下班高峰公交班次少，通勤时间长。',
    daysAgo: 20,
    steps: [[1, 'shouli', 'accept']],
  },
  {
    title: '检修停电通知太晚影响生产',
    category: 'power-cuts',
    area: 'jz-kfq',
    source: 'enterprise_forum',
    tags: ['business'],
    description: '供电公司计划检修停电往往前一天才通知，企业来不及调整生产计划。',
    daysAgo: 25,
    steps: [
      [1, 'shouli', 'assign', assign('power', { measures: '检修停电提前7天告知，重点企业专人对接' })],
      [0.06, 'gongdian', 'sign'],
      [10, 'gongdian', 'progress', { text: '已与园区重点企业建立停电告知联络群', percent: 60 }],
      [11, 'gongdian', 'rectify', { evidence: '已建立提前7天停电告知机制并通知园区企业' }],
    ],
  },
];

export async function seedStory(ctx: SeedContext, realNow: Date): Promise<void> {
  const { services, actors, ids } = ctx;
  for (const item of STORY) {
    let t = realNow.getTime() - item.daysAgo * 86_400_000;
    ctx.setNow(new Date(t));
    const created = await services.problems.create(actors.shouli, {
      title: item.title,
      description: item.description,
      categoryId: ids.categories[item.category],
      areaId: ids.areas[item.area],
      sourceCode: item.source,
      tagIds: item.tags.map((x) => ids.tags[x]),
      reporter: item.reporter,
      anonymous: !item.reporter,
    });
    for (const [days, who, action, input = {}] of item.steps) {
      t += days * 86_400_000;
      if (t > realNow.getTime()) break;
      ctx.setNow(new Date(t));
      const body: Record<string, unknown> = { ...input };
      if (action === 'assign') {
        body.leadDepartmentId = ids.departments[input.dept as string];
        body.coDepartmentIds = ((input.co as string[]) ?? []).map((c) => ids.departments[c]);
        if (input.leader) body.ownerLeaderId = ids.users[input.leader as string];
        delete body.dept;
        delete body.co;
        delete body.leader;
      }
      await services.actions.act(actors[who], created.problem.code, action, body);
    }
  }
}
