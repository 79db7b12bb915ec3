import type { Phrases } from './demo-phrases.js';

/** Enterprises' and applicants' problems (企业专题调研会, 一窗受理): the business half of the phrases. */
export const BUSINESS_PHRASES: Record<string, Phrases> = {
  'skilled-staff': {
    place: 'enterprise',
    scene: 'factory',
    problems: [
      ['企业技能人才短缺', '企业扩产急需数控技工，本地招不到合适的人'],
      ['企业招工难', '生产线缺一百多名熟练工，招聘会上几乎没人投简历'],
      ['技能培训补贴申领难', '员工参加技能培训后，补贴申请材料被退回好几次'],
    ],
    impacts: ['新订单不敢接', '生产线只能开一半', '企业考虑把产能转到外地'],
  },
  'commuter-bus': {
    place: 'enterprise',
    scene: 'street',
    problems: [
      ['通勤公交班次太少', '上下班高峰公交四十分钟才来一班'],
      ['园区到城区没有直达公交', '园区到城区没有直达公交，员工只能打车或拼车'],
      ['末班车收车太早', '末班车晚上六点半就收车，加班的员工回不了家'],
    ],
    impacts: ['员工通勤要花两个小时', '企业留不住年轻员工', '员工每月打车费好几百元'],
  },
  'power-cuts': {
    place: 'enterprise',
    scene: 'factory',
    problems: [
      ['检修停电通知太晚', '计划检修停电前一天才通知'],
      ['企业频繁停电', '一个月停电四次，每次都没有说明原因'],
      ['电压不稳设备跳闸', '电压不稳，生产设备经常跳闸'],
    ],
    impacts: ['生产线损失很大', '来不及调整生产计划', '冷库里的货物差点坏掉'],
  },
  approval: {
    place: 'office',
    scene: 'estate',
    problems: [
      ['审批窗口来回跑', '办一个证要跑三个窗口，每个窗口都要交一样的材料'],
      ['办事材料重复提交', '网上申报后还要到现场再交一遍纸质材料'],
      ['审批时限超过承诺', '承诺十个工作日办结，一个月了还没有结果'],
    ],
    impacts: ['企业项目开工被耽误', '办事的人请了好几天假', '群众对办事效率意见很大'],
  },
  financing: {
    place: 'enterprise',
    scene: 'factory',
    problems: [
      ['小微企业贷款难', '小微企业缺少抵押物，银行贷款批不下来'],
      ['融资成本高', '贷款利率加上担保费，综合成本超过百分之十'],
      ['续贷手续繁琐', '贷款到期续贷要重新走全套手续，资金接不上'],
    ],
    impacts: ['企业资金周转困难', '工人工资差点发不出来', '企业不敢扩大生产'],
  },
};
