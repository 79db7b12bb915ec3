/**
 * The demo city: Jingzhou (荆州), Hubei, from the domain brief. Codes are stable so tests and
 * the README can name them.
 */
export const DEMO_AREAS: Array<{ code: string; name: string; nameEn: string; level: string; parent?: string }> = [
  { code: 'jz', name: '荆州市', nameEn: 'Jingzhou', level: 'city' },
  { code: 'jz-ss', name: '沙市区', nameEn: 'Shashi District', level: 'district', parent: 'jz' },
  { code: 'jz-jz', name: '荆州区', nameEn: 'Jingzhou District', level: 'district', parent: 'jz' },
  { code: 'jz-jl', name: '江陵县', nameEn: 'Jiangling County', level: 'district', parent: 'jz' },
  { code: 'jz-sz', name: '松滋市', nameEn: 'Songzi', level: 'district', parent: 'jz' },
  { code: 'jz-kfq', name: '荆州开发区', nameEn: 'Jingzhou Development Zone', level: 'district', parent: 'jz' },
  { code: 'jz-ss-zs', name: '中山街道', nameEn: 'Zhongshan Subdistrict', level: 'township', parent: 'jz-ss' },
  { code: 'jz-ss-sc', name: '胜利街道', nameEn: 'Shengli Subdistrict', level: 'township', parent: 'jz-ss' },
  { code: 'jz-jz-xn', name: '西城街道', nameEn: 'Xicheng Subdistrict', level: 'township', parent: 'jz-jz' },
  { code: 'jz-jz-jn', name: '纪南镇', nameEn: 'Jinan Town', level: 'township', parent: 'jz-jz' },
  { code: 'jz-jl-hx', name: '郝穴镇', nameEn: 'Haoxue Town', level: 'township', parent: 'jz-jl' },
  { code: 'jz-sz-xk', name: '新江口街道', nameEn: 'Xinjiangkou Subdistrict', level: 'township', parent: 'jz-sz' },
  { code: 'jz-sz-wjc', name: '卸甲坪乡', nameEn: 'Xiejiaping Township', level: 'township', parent: 'jz-sz' },
  { code: 'jz-kfq-lt', name: '联合街道', nameEn: 'Lianhe Subdistrict', level: 'township', parent: 'jz-kfq' },
  { code: 'jz-ss-zs-hp', name: '和平社区', nameEn: 'Heping Community', level: 'village', parent: 'jz-ss-zs' },
  { code: 'jz-jz-jn-xh', name: '新河村', nameEn: 'Xinhe Village', level: 'village', parent: 'jz-jz-jn' },
  { code: 'jz-sz-wjc-sk', name: '山口村', nameEn: 'Shankou Village', level: 'village', parent: 'jz-sz-wjc' },
];

export const DEMO_DEPARTMENTS: Array<{ code: string; name: string; nameEn: string; kind: string; parent?: string }> = [
  { code: 'tax', name: '市税务局', nameEn: 'Tax Bureau', kind: 'bureau' },
  { code: 'edu', name: '市教育局', nameEn: 'Education Bureau', kind: 'bureau' },
  { code: 'water', name: '市水利和湖泊局', nameEn: 'Water and Lakes Bureau', kind: 'bureau' },
  { code: 'urban', name: '市城市管理执法委员会', nameEn: 'Urban Management', kind: 'bureau' },
  { code: 'eco', name: '市生态环境局', nameEn: 'Ecology and Environment Bureau', kind: 'bureau' },
  { code: 'market', name: '市市场监督管理局', nameEn: 'Market Supervision Bureau', kind: 'bureau' },
  { code: 'police', name: '市公安局', nameEn: 'Public Security Bureau', kind: 'bureau' },
  { code: 'agri', name: '市农业农村局', nameEn: 'Agriculture and Rural Affairs Bureau', kind: 'bureau' },
  { code: 'finance', name: '市地方金融工作局', nameEn: 'Local Finance Bureau', kind: 'bureau' },
  { code: 'govdata', name: '市政务服务和大数据管理局', nameEn: 'Government Services and Big Data Bureau', kind: 'bureau' },
  { code: 'medins', name: '市医疗保障局', nameEn: 'Medical Insurance Bureau', kind: 'bureau' },
  { code: 'power', name: '国网荆州供电公司', nameEn: 'State Grid Jingzhou Power Supply', kind: 'enterprise' },
  { code: 'housing', name: '市住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau', kind: 'bureau' },
  { code: 'transport', name: '市交通运输局', nameEn: 'Transport Bureau', kind: 'bureau' },
  { code: 'hr', name: '市人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau', kind: 'bureau' },
  { code: 'urban-ss', name: '沙市区城管执法局', nameEn: 'Shashi Urban Management', kind: 'district_office', parent: 'urban' },
  { code: 'urban-jz', name: '荆州区城管执法局', nameEn: 'Jingzhou District Urban Management', kind: 'district_office', parent: 'urban' },
  { code: 'edu-ss', name: '沙市区教育局', nameEn: 'Shashi Education Bureau', kind: 'district_office', parent: 'edu' },
  { code: 'eco-kfq', name: '开发区生态环境分局', nameEn: 'Development Zone Ecology Branch', kind: 'district_office', parent: 'eco' },
];

/** Categories: 民生 › 教育 › 入学难 style, with default departments and time-limit tiers. */
export const DEMO_CATEGORIES: Array<{ code: string; name: string; nameEn: string; parent?: string; dept?: string; tier?: string; keywords?: string }> = [
  { code: 'livelihood', name: '民生', nameEn: 'Livelihood' },
  { code: 'education', name: '教育', nameEn: 'Education', parent: 'livelihood', dept: 'edu' },
  { code: 'school-places', name: '入学难', nameEn: 'School places', parent: 'education', dept: 'edu', tier: 'historic', keywords: '学位,入学,学校' },
  { code: 'water-supply', name: '供水', nameEn: 'Water supply', parent: 'livelihood', dept: 'water', tier: 'cross_department', keywords: '自来水,停水,水压' },
  { code: 'property-cert', name: '不动产权证办理', nameEn: 'Property certificates', parent: 'livelihood', dept: 'tax', tier: 'historic', keywords: '房产证,不动产,办证' },
  { code: 'medical-insurance', name: '医保报销', nameEn: 'Medical insurance', parent: 'livelihood', dept: 'medins', tier: 'simple', keywords: '医保,报销' },
  { code: 'environment', name: '生态环境', nameEn: 'Environment' },
  { code: 'sewage', name: '污水处理', nameEn: 'Sewage', parent: 'environment', dept: 'eco', tier: 'cross_department', keywords: '污水,排水,化粪池' },
  { code: 'odour', name: '异味扰民', nameEn: 'Odour', parent: 'environment', dept: 'eco', tier: 'cross_department', keywords: '异味,臭气,废气' },
  { code: 'noise', name: '噪音扰民', nameEn: 'Noise', parent: 'environment', dept: 'eco', tier: 'simple', keywords: '噪音,施工' },
  { code: 'urban-mgmt', name: '城市管理', nameEn: 'Urban management' },
  { code: 'shared-bikes', name: '共享单车乱停放', nameEn: 'Shared bikes', parent: 'urban-mgmt', dept: 'urban', tier: 'simple', keywords: '共享单车,乱停' },
  { code: 'roads', name: '道路破损', nameEn: 'Damaged roads', parent: 'urban-mgmt', dept: 'housing', tier: 'simple', keywords: '坑洼,路面,井盖' },
  { code: 'street-lights', name: '路灯不亮', nameEn: 'Street lights', parent: 'urban-mgmt', dept: 'urban', tier: 'immediate', keywords: '路灯' },
  { code: 'business', name: '营商环境', nameEn: 'Business environment' },
  { code: 'skilled-staff', name: '企业用工', nameEn: 'Skilled staff', parent: 'business', dept: 'hr', tier: 'cross_department', keywords: '招工,技工,用工' },
  { code: 'commuter-bus', name: '通勤公交', nameEn: 'Commuter buses', parent: 'business', dept: 'transport', tier: 'cross_department', keywords: '公交,班车' },
  { code: 'power-cuts', name: '停电检修通知', nameEn: 'Power cut notices', parent: 'business', dept: 'power', tier: 'simple', keywords: '停电,检修' },
  { code: 'approval', name: '审批办事难', nameEn: 'Approvals', parent: 'business', dept: 'govdata', tier: 'simple', keywords: '审批,窗口,办事' },
  { code: 'financing', name: '融资难', nameEn: 'Financing', parent: 'business', dept: 'finance', tier: 'cross_department', keywords: '贷款,融资' },
  { code: 'rural', name: '乡村振兴', nameEn: 'Rural revitalisation' },
  { code: 'tap-water', name: '山区饮水', nameEn: 'Mountain tap water', parent: 'rural', dept: 'water', tier: 'historic', keywords: '饮水,自来水' },
  { code: 'farmland', name: '农田水利', nameEn: 'Farmland irrigation', parent: 'rural', dept: 'agri', tier: 'cross_department', keywords: '灌溉,沟渠' },
  { code: 'safety', name: '社会治安', nameEn: 'Public safety' },
  { code: 'fraud', name: '电信诈骗', nameEn: 'Telecom fraud', parent: 'safety', dept: 'police', tier: 'simple', keywords: '诈骗' },
  { code: 'food-safety', name: '食品安全', nameEn: 'Food safety', parent: 'safety', dept: 'market', tier: 'simple', keywords: '食品,餐馆,过期' },
];

export const DEMO_SOURCES = [
  { code: 'web', name: '群众网上反映', nameEn: 'Citizen web' },
  { code: 'hotline', name: '12345热线', nameEn: 'Hotline' },
  { code: 'open311', name: 'Open311 客户端', nameEn: 'Open311 client' },
  { code: 'field_research', name: '领导一线调研', nameEn: 'Field research' },
  { code: 'enterprise_forum', name: '企业专题调研会', nameEn: 'Enterprise forum' },
  { code: 'inspection', name: '督查检查', nameEn: 'Inspection' },
  { code: 'media', name: '媒体曝光', nameEn: 'Media' },
  { code: 'import', name: '表格导入', nameEn: 'Spreadsheet import' },
];

export const DEMO_TAGS = [
  { code: 'livelihood', name: '民生', nameEn: 'Livelihood' },
  { code: 'business', name: '营商环境', nameEn: 'Business environment' },
  { code: 'conduct', name: '作风', nameEn: 'Work style' },
  { code: 'fix-now', name: '即知即改', nameEn: 'Fix at once' },
  { code: 'leader-owned', name: '领导领办', nameEn: 'Leader-owned' },
];

/** Demo accounts, one per role; the password is printed at start and in the README. */
export const DEMO_PASSWORD = 'qingdan2026';
export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'shouli', displayName: '受理中心 王敏', role: 'acceptance' },
  { username: 'ducha', displayName: '督查室 李强', role: 'supervisor' },
  { username: 'shuji', displayName: '市委书记 张建国', role: 'leader' },
  { username: 'shizhang', displayName: '市长 刘振华', role: 'leader' },
  { username: 'chengguan', displayName: '城管委 陈刚', role: 'department', dept: 'urban' },
  { username: 'jiaoyu', displayName: '教育局 周丽', role: 'department', dept: 'edu' },
  { username: 'shuiwu', displayName: '税务局 赵军', role: 'department', dept: 'tax' },
  { username: 'shengtai', displayName: '生态环境局 孙涛', role: 'department', dept: 'eco' },
  { username: 'shuili', displayName: '水利和湖泊局 吴刚', role: 'department', dept: 'water' },
  { username: 'gongdian', displayName: '供电公司 郑凯', role: 'department', dept: 'power' },
] as const;
