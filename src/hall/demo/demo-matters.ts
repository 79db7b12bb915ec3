import type { VersionInputT } from '../matter.schema.js';
import type { LifeEvent } from '../vocabulary.js';
import { DEMO_HALL_DEPTS, type DemoDept } from './demo-catalogue-data.js';

/** A small deterministic generator, so every demo city is the same city. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

const TYPE_BY_WORD: [RegExp, VersionInputT['type']][] = [
  [/许可|审批|核发|资质|注册|认定$/, 'licensing'],
  [/登记|备案/, 'registration'],
  [/申领|补贴|津贴|救助|报销|待遇|抚恤|奖励|扶助/, 'payment'],
  [/证明|确认|鉴定|核定|认证/, 'confirmation'],
];

function expand(d: DemoDept): string[] {
  return d.matters.flatMap((m) => {
    if (!m.includes('×')) return [m];
    const [base, variants] = m.split('×');
    return variants
      .split('|')
      .map((v) => `${base}${v.startsWith('（') ? '' : '（'}${v}${v.startsWith('（') ? '' : '）'}`);
  });
}

/** Every demo matter as an import row: code, and the version's content. */
export function demoMatters(deptIds: Record<string, number>): { code: string; input: VersionInputT }[] {
  const r = rng(2026);
  const out: { code: string; input: VersionInputT }[] = [];
  for (const d of DEMO_HALL_DEPTS) {
    expand(d).forEach((name, i) => {
      const promised = r.pick([0, 1, 3, 5, 5, 7, 10, 15]);
      const statutory = Math.max(promised, r.pick([5, 10, 15, 20, 20, 30]));
      const picks = [...new Set([r.pick(d.pool), r.pick(d.pool), r.pick(d.pool)])];
      const enterprise = d.audience === 'enterprise' || (d.audience === 'both' && /企业|公司|资质|许可/.test(name));
      const materials: VersionInputT['materials'] = [
        { name: enterprise ? '法定代表人身份证明' : '申请人身份证', form: 'original', copies: 1, required: true },
        { name: `${name.replace(/（.*）/, '')}申请表`, form: 'original', copies: 1, required: true },
        ...picks.map((p, j) => ({
          name: p,
          form: (j % 2 ? 'copy' : 'original_and_copy') as 'copy',
          copies: j % 2 ? 2 : 1,
          // A material that can follow (容缺) in about one matter of three.
          required: !(j === picks.length - 1 && r.next() < 0.35),
        })),
      ];
      if (r.next() < 0.3) materials.push({ name: '经办人授权委托书', form: 'original', copies: 1, required: false });
      const unique = materials.filter((m, j) => materials.findIndex((x) => x.name === m.name) === j);
      const events = [...new Set([d.lifeEvents[i % d.lifeEvents.length], r.pick(d.lifeEvents)])] as LifeEvent[];
      out.push({
        code: `${d.prefix}-${String(i + 1).padStart(3, '0')}`,
        input: {
          name,
          type: TYPE_BY_WORD.find(([re]) => re.test(name))?.[1] ?? 'public_service',
          departmentId: deptIds[d.code],
          implementingBody: d.body,
          legalBasis: d.basis,
          conditions: enterprise ? '依法设立的市场主体，材料真实有效' : '本人或其委托代理人申请，材料真实有效',
          audience: enterprise ? 'enterprise' : d.audience === 'enterprise' ? 'enterprise' : 'person',
          statutoryDays: statutory,
          promisedDays: promised,
          feeFen: /登记（首次|转移/.test(name) && d.code === 'nres' ? 8000 : r.next() < 0.1 ? 1000 : 0,
          feeNote: /登记（首次|转移/.test(name) && d.code === 'nres' ? '住宅类每件80元，含第一本证书工本费' : undefined,
          atMostOnce: r.next() < 0.85,
          serviceMode: r.pick(['both', 'both', 'offline', 'online'] as const),
          freeServices:
            r.next() < 0.6
              ? ['copy', 'postage']
              : d.code === 'market'
                ? ['copy', 'seal']
                : d.code === 'housing'
                  ? ['copy', 'drawing_review']
                  : ['copy'],
          lifeEvents: events,
          materials: unique,
        },
      });
    });
  }
  return out;
}
