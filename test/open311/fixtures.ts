import type {
  Open311EventInput,
  Open311ProblemInput,
  AttributeDefinition,
  Open311CategoryInput,
} from '../../src/open311/types.js';
import type { State } from '../../src/lifecycle/lifecycle.js';
import { STATES } from '../../src/lifecycle/lifecycle.js';

/** Domain objects covering the shapes the presenters meet: every state, missing optionals, edge text. */
export const CATEGORIES: Open311CategoryInput[] = [
  { code: 'cityscape', name: '市容环境', nameEn: 'Cityscape', keywords: '', hasQuestions: false },
  {
    code: 'bikes',
    name: '共享单车乱停放',
    nameEn: 'Shared bikes parked anywhere',
    parent: { name: '市容环境', nameEn: 'Cityscape' },
    keywords: '单车,停放、人行道',
    description: '共享单车占用人行道、盲道',
    hasQuestions: true,
  },
  { code: 'odour', name: '企业异味 & "排放"', keywords: ['异味', '<废气>'], hasQuestions: false },
];

export const QUESTIONS: AttributeDefinition[] = [
  {
    code: 'COUNT',
    datatype: 'number',
    required: true,
    order: 2,
    description: '大约多少辆？',
    datatypeDescription: '整数',
  },
  {
    code: 'BRAND',
    datatype: 'multivaluelist',
    required: false,
    order: 3,
    description: '哪些品牌？',
    values: [
      { key: 'hello', name: '哈啰' },
      { key: 'meituan', name: '美团' },
      { key: 'other', name: '其他 & 不确定' },
    ],
  },
  {
    code: 'BLOCKING',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    values: [
      { key: 'yes', name: '是' },
      { key: 'no', name: '否' },
    ],
  },
  { code: 'SINCE', datatype: 'datetime', required: false },
  { code: 'WHERE', datatype: 'string', required: false },
  { code: 'MORE', datatype: 'text', required: false },
  { code: 'TIP', datatype: 'text', required: false, variable: false, description: '请勿在车流中拍照' },
];

const BASE: Open311ProblemInput = {
  code: 'JZ-2026-000001',
  status: 'submitted',
  category: { code: 'bikes', name: '共享单车乱停放', nameEn: 'Shared bikes' },
  description: '沙市区北京路人行道停满共享单车，行人只能走机动车道。',
  createdAt: '2026-11-29T01:02:03.000Z',
  updatedAt: '2026-11-30T04:05:06.000Z',
  lat: 30.3269,
  lng: 112.2397,
};

/** One problem per state, varying the optional parts. */
export const PROBLEMS: Open311ProblemInput[] = STATES.map(
  (status: State, i): Open311ProblemInput => ({
    ...BASE,
    code: `JZ-2026-${String(i + 1).padStart(6, '0')}`,
    status,
    ...(i % 2 === 0 && {
      leadDepartment: { name: '市城管执法局', nameEn: 'City Management' },
      deadline: '2026-12-10',
      latestPublicNote: `状态：${status} — <已处理> & "公开"`,
      mediaUrl: `https://qingdan.example.cn/api/v1/attachments/${i}`,
      area: { code: '421002', name: '沙市区' },
      address: '北京路 1 号',
    }),
    ...(i % 3 === 0 && { category: null, lat: null, lng: null }),
    ...(i === 4 && { description: '长'.repeat(4100), deadline: '2026-12-31T10:00:00Z' }),
  }),
);

export const EVENTS: Open311EventInput[] = [
  {
    id: 1,
    problemCode: 'JZ-2026-000001',
    action: 'accept',
    fromState: 'submitted',
    toState: 'accepted',
    createdAt: '2026-11-29T02:00:00Z',
    isPublic: true,
  },
  {
    id: 2,
    problemCode: 'JZ-2026-000001',
    action: 'assign',
    fromState: 'accepted',
    toState: 'assigned',
    text: '交办市城管执法局，限5个工作日',
    createdAt: '2026-11-29T03:00:00Z',
    isPublic: true,
  },
  {
    id: 3,
    problemCode: 'JZ-2026-000001',
    action: 'note',
    fromState: 'assigned',
    toState: null,
    text: '内部备注',
    createdAt: '2026-11-29T03:30:00Z',
    isPublic: false,
  },
  {
    id: 4,
    problemCode: 'JZ-2026-000001',
    action: 'rectify',
    fromState: 'in_progress',
    toState: 'rectified',
    text: '已清理 300 辆，施划停车位 20 个',
    mediaUrl: 'https://qingdan.example.cn/a/9.jpg',
    createdAt: '2026-12-01T08:00:00Z',
    isPublic: true,
  },
  {
    id: 5,
    problemCode: 'JZ-2026-000001',
    action: 'verify',
    fromState: 'rectified',
    toState: 'in_progress',
    text: '群众反映仍有乱停',
    createdAt: '2026-12-02T08:00:00Z',
    isPublic: true,
  },
  {
    id: 6,
    problemCode: 'JZ-2026-000003',
    action: 'merge',
    fromState: 'submitted',
    toState: 'merged',
    text: '与 JZ-2026-000001 重复',
    createdAt: '2026-12-02T09:00:00Z',
    isPublic: true,
  },
];
