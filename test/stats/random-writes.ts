import { act, reportProblem, type TestApp } from '../helpers/test-app.js';
import { CLASSIC, upload, xlsx } from '../sheets/sheet-files.js';

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed by seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)];
  const some = <T>(xs: T[], max: number): T[] => [...new Set(Array.from({ length: int(max + 1) }, () => pick(xs)))];
  return { next, int, pick, some };
}

type R = ReturnType<typeof rng>;
const ACTIONS = [
  'accept',
  'reject',
  'assign',
  'assign',
  'sign',
  'progress',
  'rectify',
  'verify',
  'close',
  'reopen',
  'long_term',
  'return',
  'merge',
  'note',
];
const isoDay = (t: TestApp, days: number) =>
  new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

function inputFor(t: TestApp, r: R, action: string, codes: string[]): Record<string, unknown> {
  const d = Object.values(t.ids.departments);
  switch (action) {
    case 'reject':
    case 'return':
    case 'reopen':
      return { reason: '随机测试' };
    case 'assign':
      return {
        leadDepartmentId: r.pick(d),
        coDepartmentIds: r.some(d, 3),
        ...(r.next() < 0.7 && { deadline: isoDay(t, r.int(10)) }),
      };
    case 'progress':
      return { text: '进展', percent: r.int(90) };
    case 'rectify':
      return { evidence: '已整改' };
    case 'verify':
      return { result: r.pick(['satisfied', 'unsatisfied']), method: 'callback' };
    case 'long_term':
      return { checkpointDate: isoDay(t, 30 + r.int(200)) };
    case 'merge':
      return { targetCode: r.pick(codes) };
    case 'note':
      return { text: '备注' };
    default:
      return {};
  }
}

const ROLES = ['admin', 'shouli', 'ducha'];

/** Actions the item allows someone to take now, so the mix walks the whole lifecycle. */
async function allowed(t: TestApp, code: string): Promise<string[]> {
  const out = new Set<string>();
  for (const who of ROLES) {
    const res = await t.as(who, { method: 'GET', url: `/api/v1/problems/${code}` });
    if (res.statusCode === 200) for (const a of res.json().allowedActions as string[]) out.add(a);
  }
  return [...out];
}

/** Tries an action as the roles that may take it; the lifecycle decides, the counters must follow. */
export async function tryAct(
  t: TestApp,
  code: string,
  action: string,
  input: Record<string, unknown>,
): Promise<boolean> {
  for (const who of ROLES) {
    if ((await act(t, who, code, action, input)).statusCode === 200) return true;
  }
  return false;
}

async function report(t: TestApp, r: R): Promise<string> {
  const body = {
    categoryId: r.pick(Object.values(t.ids.categories)),
    areaId: r.pick(Object.values(t.ids.areas)),
    tagIds: r.some(Object.values(t.ids.tags), 2),
    isPublic: r.next() < 0.8,
  };
  if (r.next() < 0.5) return (await reportProblem(t, body)).code;
  const res = await t.as('shouli', {
    method: 'POST',
    url: '/api/v1/problems',
    payload: {
      title: '热线反映问题',
      description: '市民来电反映情况',
      sourceCode: r.pick(['hotline', 'web']),
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().problem.code;
}

const SHEET = (status: string, co: string | null) => [
  [
    1,
    '企业专题调研会',
    '开发区上下班高峰公交太少，员工通勤时间长。',
    '荆州开发区',
    '通勤公交',
    '增开高峰通勤专线',
    '市交通运输局',
    co,
    '李明',
    '张建国',
    new Date(Date.UTC(2026, 11, 31)),
    '已开通两条专线，完成60%',
    status,
    status === '已完成' ? '2026/11/15' : null,
  ],
  [
    2,
    '领导一线调研',
    '新河村没有污水处理设施，生活污水直接排进沟渠。',
    '新河村',
    '污水处理',
    '建设污水处理站',
    '市生态环境局',
    null,
    '王强',
    null,
    '2026年12月底',
    '处理站已建成投用',
    '已完成',
    '2026/10/15',
  ],
];

/** One random write through the API; returns its kind and whether it took effect. */
export async function randomWrite(t: TestApp, r: R, codes: string[]): Promise<[string, boolean]> {
  const roll = r.next();
  if (roll < 0.2 || codes.length < 3) {
    codes.push(await report(t, r));
    return ['report', true];
  }
  if (roll < 0.3) {
    t.clock.advanceDays(r.int(5));
    return ['clock', true];
  }
  if (roll < 0.36) {
    const open = await t.tdb.db
      .selectFrom('problems')
      .select('code')
      .where('status', 'in', ['assigned', 'in_progress', 'long_term'])
      .execute();
    if (!open.length) return ['extension', false];
    const code = r.pick(open).code;
    const asked = await t.as('admin', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions`,
      payload: { reason: '需协调', requestedDeadline: isoDay(t, 20 + r.int(20)) },
    });
    if (asked.statusCode !== 201 && asked.statusCode !== 200) return ['extension', false];
    const decision = r.next() < 0.7 ? 'grant' : 'refuse';
    const res = await t.as('ducha', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions/${asked.json().id}/decision`,
      payload: { decision },
    });
    return ['extension', res.statusCode === 200];
  }
  if (roll < 0.39) {
    const co = r.pick([null, '市人力资源和社会保障局', '市人力资源和社会保障局、市城市管理执法委员会']);
    const res = await upload(
      t,
      'shouli',
      '整改清单.xlsx',
      await xlsx([CLASSIC, ...SHEET(r.pick(['整改中', '已完成', '长期整改']), co)]),
      { mode: 'strict' },
    );
    return ['import', res.statusCode === 200 && res.json().committed === true];
  }
  if (roll < 0.42) {
    const d = t.ids.departments;
    const [child, parent] = r.pick([
      ['urban-ss', 'urban'],
      ['urban-ss', 'housing'],
      ['eco-kfq', 'eco'],
      ['eco-kfq', null],
      ['edu-ss', 'edu'],
      ['edu-ss', 'urban-ss'],
    ]);
    const res = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/departments/${d[child!]}`,
      payload: { parentId: parent ? d[parent] : null },
    });
    return ['reparent', res.statusCode === 200];
  }
  if (roll < 0.45) {
    const code = r.pick(codes);
    return ['merge', await tryAct(t, code, 'merge', { targetCode: r.pick(codes.filter((c) => c !== code)) })];
  }
  const live = await t.tdb.db
    .selectFrom('problems')
    .select('code')
    .where('status', 'not in', ['merged', 'rejected', 'closed'])
    .execute();
  const code = live.length && r.next() < 0.85 ? r.pick(live).code : r.pick(codes);
  // Merges and notes are allowed almost always; taken as often as the rest they would end most items early.
  const possible = (await allowed(t, code)).filter(
    (a) => ACTIONS.includes(a) && (!['merge', 'note'].includes(a) || r.next() < 0.2),
  );
  const forward = possible.filter((a) => ['sign', 'rectify', 'verify', 'close', 'long_term'].includes(a));
  const action =
    forward.length && r.next() < 0.5
      ? r.pick(forward)
      : possible.length && r.next() < 0.85
        ? r.pick(possible)
        : r.pick(ACTIONS);
  return [action, await tryAct(t, code, action, inputFor(t, r, action, codes))];
}

/** A scripted walk through the whole lifecycle, so every state is reached whatever the random mix does. */
export function lifecycleWalk(t: TestApp, codes: string[]): Array<[string, () => Promise<boolean>]> {
  const d = t.ids.departments;
  const step = (i: number, action: string, input: Record<string, unknown> = {}) =>
    [action, () => tryAct(t, codes[i], action, input)] as [string, () => Promise<boolean>];
  return [
    [
      'report',
      async () => {
        codes.push(await report(t, rng(1)), await report(t, rng(2)));
        return true;
      },
    ],
    step(0, 'accept'),
    step(1, 'accept'),
    step(0, 'assign', {
      leadDepartmentId: d['urban-ss'],
      coDepartmentIds: [d.urban, d.housing],
      deadline: isoDay(t, 2),
    }),
    step(1, 'assign', { leadDepartmentId: d.eco, coDepartmentIds: [], deadline: isoDay(t, 1) }),
    [
      'clock',
      async () => {
        t.clock.advanceDays(3);
        return true;
      },
    ],
    step(0, 'sign'),
    step(1, 'sign'),
    step(0, 'progress', { text: '进展', percent: 50 }),
    step(0, 'rectify', { evidence: '已整改' }),
    step(0, 'verify', { result: 'unsatisfied', method: 'callback' }),
    step(0, 'rectify', { evidence: '再次整改' }),
    step(0, 'verify', { result: 'satisfied', method: 'callback' }),
    step(0, 'close'),
    step(0, 'reopen', { reason: '复发' }),
    step(1, 'long_term', { checkpointDate: isoDay(t, 90) }),
  ];
}
