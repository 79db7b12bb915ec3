import type { SeedContext } from './demo-seed.js';
import { DEMO_AREAS, DEMO_CATEGORIES, DEMO_USERS } from './demo-reference.js';
import { TEMPLATES } from './demo-text.js';
import type { Action } from '../lifecycle/lifecycle.js';

/** A small seeded PRNG so the demo city is the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = [
  'web',
  'web',
  'web',
  'hotline',
  'hotline',
  'field_research',
  'enterprise_forum',
  'inspection',
  'media',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const STREETS = ['北京路', '江津路', '荆沙路', '塔桥路', '红门路', '园林路', '航空路', '北湖路', '豉湖路', '学堂路'];

/** Where a generated item's story stops, by weight: most are fixed, some are still in progress. */
const ENDINGS: Array<[weight: number, steps: Array<Action | 'verify_unsatisfied'>]> = [
  [6, []],
  [3, ['reject']],
  [2, ['merge']],
  [5, ['assign']],
  [18, ['assign', 'sign', 'progress']],
  [4, ['assign', 'sign', 'return']],
  [10, ['assign', 'sign', 'progress', 'rectify']],
  [8, ['assign', 'sign', 'progress', 'rectify', 'verify']],
  [40, ['assign', 'sign', 'progress', 'rectify', 'verify', 'close']],
  [4, ['assign', 'sign', 'progress', 'rectify', 'verify_unsatisfied', 'progress']],
];

const HOUR = 3_600_000;
/**
 * How long after the previous step one happens. Units sign for most items within the two-hour
 * limit (the response rate is ~85 %, as scores of ~90 imply), a few the next day; the rest takes days.
 */
function stepDelay(step: string, u: number): number {
  if (step === 'sign') return Math.floor(u < 0.85 ? (10 + (u / 0.85) * 90) * 60_000 : (3 + u * 27) * HOUR);
  return Math.floor((0.2 + u * 6) * 24 * HOUR);
}

export async function seedGenerated(
  ctx: SeedContext,
  realNow: Date,
  count: number,
  log: (m: string) => void,
): Promise<void> {
  const rnd = mulberry32(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const leaves = DEMO_CATEGORIES.filter((c) => c.dept && TEMPLATES[c.code]);
  const places = DEMO_AREAS.filter((a) => a.level !== 'city');
  const deptStaff = new Map(
    DEMO_USERS.filter((u) => 'dept' in u).map((u) => [(u as { dept: string }).dept, u.username]),
  );
  const total = ENDINGS.reduce((s, [w]) => s + w, 0);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const cat = pick(leaves);
    const tpl = TEMPLATES[cat.code];
    const area = pick(places);
    let r = rnd() * total;
    const steps = ENDINGS.find(([w]) => {
      r -= w;
      return r < 0;
    })![1];
    // Spread over eight months, denser recently, as a campaign gathers pace. An item whose story
    // stops short of closing is recent: a real city does not leave most of its open items overdue,
    // nor reports waiting months for acceptance.
    const open = steps[steps.length - 1] !== 'close';
    const ageDays = open ? Math.floor(rnd() * (steps.length === 0 ? 2 : 25)) + 1 : Math.floor(rnd() ** 1.6 * 240) + 1;
    let t = realNow.getTime() - ageDays * 86_400_000 + Math.floor(rnd() * 8 * 3_600_000);
    ctx.setNow(new Date(t));
    const anonymous = rnd() < 0.3;
    const created = await ctx.services.problems.create(ctx.actors.shouli, {
      title: pick(tpl.titles).replace('{place}', area.name),
      description: pick(tpl.details),
      categoryId: ctx.ids.categories[cat.code],
      areaId: ctx.ids.areas[area.code],
      // A street address and a point within a few kilometres of the city centre (沙市, 30.32 N 112.25 E).
      address: `${area.name}${pick(STREETS)}${1 + Math.floor(rnd() * 200)}号`,
      lat: Math.round((30.32 + (rnd() - 0.5) * 0.12) * 1e5) / 1e5,
      lng: Math.round((112.25 + (rnd() - 0.5) * 0.16) * 1e5) / 1e5,
      sourceCode: pick(SOURCES),
      urgency: rnd() < 0.05 ? 'urgent' : 'normal',
      isPublic: rnd() > 0.08,
      anonymous,
      reporter: anonymous
        ? undefined
        : { name: `${pick([...SURNAMES])}先生`, phone: `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` },
    });
    const code = created.problem.code;
    const dept = cat.dept!;
    const staff = ctx.actors[deptStaff.get(dept) ?? ''] ?? ctx.actors.admin;
    for (const step of steps) {
      t += stepDelay(step, rnd());
      if (t > realNow.getTime()) break;
      ctx.setNow(new Date(t));
      const [actor, action, input]: [string | typeof staff, Action, Record<string, unknown>] = (() => {
        switch (step) {
          case 'reject':
            return ['shouli', 'reject', { reason: '不属于本次整改范围，已告知反映人通过其他渠道解决' }];
          case 'merge':
            return ['shouli', 'merge', { targetCode: codes.length ? pick(codes) : code }];
          case 'assign':
            return ['shouli', 'assign', { leadDepartmentId: ctx.ids.departments[dept], measures: pick(tpl.measures) }];
          case 'sign':
            return [staff, 'sign', {}];
          case 'return':
            return [staff, 'return', { reason: '该问题属地管理，建议转属地街道办理' }];
          case 'progress':
            return [
              staff,
              'progress',
              { text: '已现场核实，正在按计划推进整改', percent: 30 + Math.floor(rnd() * 60) },
            ];
          case 'rectify':
            return [staff, 'rectify', { evidence: `${pick(tpl.measures)}，已整改到位` }];
          case 'verify':
            return [
              'ducha',
              'verify',
              { result: rnd() < 0.8 ? 'satisfied' : 'basically_satisfied', method: 'callback' },
            ];
          case 'verify_unsatisfied':
            return [
              'ducha',
              'verify',
              { result: 'unsatisfied', method: 'callback', comment: '反映人表示问题仍未彻底解决' },
            ];
          default:
            return ['ducha', 'close', {}];
        }
      })();
      if (action === 'merge' && input.targetCode === code) break;
      const who = typeof actor === 'string' ? ctx.actors[actor] : actor;
      await ctx.services.actions.act(who, code, action, input);
    }
    codes.push(code);
    if ((i + 1) % 500 === 0) log(`demo: ${i + 1}/${count} generated items`);
  }
}
