import type { Scene } from './demo-photos.js';
import { BUSINESS_PHRASES } from './demo-phrases-business.js';

/** Where a kind of problem is met: an estate, a street, a village, an enterprise or an office. */
export type PlaceKind = 'estate' | 'street' | 'village' | 'enterprise' | 'office' | 'school';

/**
 * The parts a generated report is composed of, per category: where (PlaceKind), what was seen
 * (title and the resident's words), what it does to people. Combined with the place, how long it
 * has lasted and what is asked, a few dozen phrases give thousands of different reports.
 */
export interface Phrases {
  place: PlaceKind;
  scene: Scene;
  /** [short title, what the reporter saw]. */
  problems: Array<[string, string]>;
  impacts: string[];
}

export const PHRASES: Record<string, Phrases> = {
  'school-places': {
    place: 'school',
    scene: 'estate',
    problems: [
      ['孩子入学没有学位', '新交付小区的适龄儿童报不上名，学校说学位已满'],
      ['小学班额过大', '一个班六十多个学生，教室里连过道都坐满了'],
      ['划片入学范围不合理', '小区被划到三公里外的学校，旁边的学校却不收'],
      ['幼儿园学位紧张', '公办幼儿园摇号中签率很低，民办的收费又太高'],
    ],
    impacts: ['家长每天接送要跑很远', '孩子上学成了全家的心病', '不少家长只好托人找关系'],
  },
  'water-supply': {
    place: 'estate',
    scene: 'water',
    problems: [
      ['自来水水压不足', '高峰时段五楼以上基本没有水'],
      ['频繁停水无通知', '一周内停水三次，事先没有任何通知'],
      ['自来水发黄有异味', '早上放出来的水发黄，烧开后有一股铁锈味'],
      ['供水管道漏水', '楼下主管道漏水，地面长期湿滑'],
    ],
    impacts: ['做饭洗澡都成问题', '老人只能提桶下楼接水', '居民担心饮水安全'],
  },
  'property-cert': {
    place: 'estate',
    scene: 'estate',
    problems: [
      ['住户办不了不动产权证', '交房好几年了，业主一直拿不到不动产权证'],
      ['安置房多年无法办证', '拆迁安置房分下来多年，至今没有办证'],
      ['开发商欠税导致无法办证', '开发商欠缴税费，业主办证被卡住'],
    ],
    impacts: ['孩子上学落户都受影响', '房子想卖也卖不了', '业主多次到售楼部讨说法'],
  },
  'medical-insurance': {
    place: 'office',
    scene: 'estate',
    problems: [
      ['异地就医报销慢', '异地住院的费用报销要跑好几趟，材料反复提交'],
      ['门诊慢特病认定难', '慢特病认定需要的材料太多，老人弄不明白'],
      ['医保卡激活不了', '在手机上激活医保电子凭证一直提示失败'],
    ],
    impacts: ['老人来回奔波很辛苦', '垫付的医药费迟迟拿不回来', '窗口排队要等一上午'],
  },
  sewage: {
    place: 'village',
    scene: 'water',
    problems: [
      ['生活污水乱排', '没有污水管网，生活污水直接排进沟渠'],
      ['排水沟堵塞污水横流', '排水沟被垃圾堵死，污水漫到路面上'],
      ['化粪池满溢', '化粪池满了没人清掏，粪水往外冒'],
      ['雨污管道混接', '雨水管和污水管接在一起，下雨就倒灌'],
    ],
    impacts: ['夏天臭味很大，蚊蝇成群', '孩子放学只能绕着走', '附近的池塘水都变黑了'],
  },
  odour: {
    place: 'enterprise',
    scene: 'factory',
    problems: [
      ['工厂夜间排放废气', '工厂晚上偷偷排放废气，有刺鼻的化学气味'],
      ['企业异味扰民', '厂区周边一直有股酸臭味，风大的时候更明显'],
      ['烟囱冒黑烟', '厂里的烟囱经常冒黑烟，阳台上都是灰'],
    ],
    impacts: ['居民晚上不敢开窗', '有老人闻了以后头晕咳嗽', '晾在外面的衣服都有味道'],
  },
  noise: {
    place: 'street',
    scene: 'street',
    problems: [
      ['夜间施工噪音扰民', '工地晚上十一点以后还在打桩施工'],
      ['广场舞音响声音太大', '广场舞音响开得很大，一直跳到晚上十点'],
      ['商铺高音喇叭招揽顾客', '几家店铺门口的喇叭从早到晚循环播放'],
      ['渣土车夜间轰鸣', '半夜渣土车成队经过，喇叭声刹车声不断'],
    ],
    impacts: ['严重影响居民休息', '孩子写作业、老人午休都受影响', '上夜班的人白天根本睡不着'],
  },
  'shared-bikes': {
    place: 'street',
    scene: 'street',
    problems: [
      ['共享单车乱停乱放', '地铁口和商场门口的共享单车堆成一片'],
      ['共享单车占用盲道', '人行道和盲道都被共享单车占满了'],
      ['废弃共享单车无人清理', '一堆坏掉的共享单车放了好几个月没人管'],
    ],
    impacts: ['行人只能走到机动车道上', '推婴儿车、坐轮椅的人过不去', '影响市容，也不安全'],
  },
  roads: {
    place: 'street',
    scene: 'street',
    problems: [
      ['道路坑洼不平', '路面坑坑洼洼，下雨后全是积水'],
      ['井盖破损塌陷', '井盖破了一个角，已经往下陷'],
      ['人行道地砖松动', '人行道地砖松动翘起，一踩就溅水'],
      ['路口护栏倒伏', '路口的护栏被撞倒了一直没人扶'],
    ],
    impacts: ['电动车经常在这里摔倒', '晚上路过很危险', '老人孩子走路都要小心'],
  },
  'street-lights': {
    place: 'street',
    scene: 'street',
    problems: [
      ['路灯不亮', '这一段的路灯坏了，晚上一片漆黑'],
      ['小巷没有路灯', '小巷里从来没有装过路灯'],
      ['路灯白天常亮', '路灯白天也亮着，晚上反而时亮时灭'],
    ],
    impacts: ['老人晚上不敢出门', '下晚自习的学生走这里很害怕', '已经有人在这里摔伤'],
  },
  ...BUSINESS_PHRASES,
  'tap-water': {
    place: 'village',
    scene: 'field',
    problems: [
      ['山区农户吃水难', '山上二十多户还在挑水吃，旱季水源不够'],
      ['自来水没有通到户', '自来水管网没有延伸到村里'],
      ['饮用水井水质浑浊', '村里的水井一下雨就浑浊，烧开后有沉淀'],
    ],
    impacts: ['饮水安全没有保障', '老人挑水非常吃力', '养殖户的牲畜也缺水'],
  },
  farmland: {
    place: 'village',
    scene: 'field',
    problems: [
      ['灌溉沟渠年久失修', '灌溉沟渠垮塌，春灌时水过不来'],
      ['农田排涝不畅', '下大雨后农田积水排不出去'],
      ['机耕道损毁', '机耕道被冲毁，收割机开不进田'],
    ],
    impacts: ['庄稼受损严重', '农户担心明年没法种', '种粮大户损失了好几万元'],
  },
  fraud: {
    place: 'estate',
    scene: 'estate',
    problems: [
      ['老人频繁接到诈骗电话', '老人接到冒充医保局的电话，差点被骗走积蓄'],
      ['网络刷单诈骗', '有人在业主群里招募刷单，已经有人受骗'],
      ['上门推销保健品', '有人以免费体检为名上门推销高价保健品'],
    ],
    impacts: ['老人们人心惶惶', '有居民被骗了好几万元', '子女都很担心家里老人'],
  },
  'food-safety': {
    place: 'street',
    scene: 'street',
    problems: [
      ['餐馆卫生条件差', '餐馆后厨脏乱，看到有老鼠'],
      ['超市销售过期食品', '在超市买到过期牛奶，商家拒绝退换'],
      ['校园周边三无零食', '学校门口的小卖部卖三无辣条'],
    ],
    impacts: ['担心吃坏肚子', '孩子吃了以后拉肚子', '消费者权益得不到保障'],
  },
};

/** How long it has lasted and what the reporter asks for, shared by every category. */
export const SINCE = [
  '已经持续一个多月',
  '最近两周一直这样',
  '去年就反映过，一直没解决',
  '这个月已经是第三次了',
  '入冬以来越来越严重',
  '前几天刚出现',
  '断断续续有半年了',
  '附近居民都知道这个情况',
];
export const ASKS = [
  '希望有关部门尽快处理。',
  '请相关部门尽快派人现场查看。',
  '希望能彻底解决，不要只是应付一下。',
  '恳请领导重视。',
  '希望给个明确答复和解决时间。',
  '麻烦尽快安排，谢谢！',
];
