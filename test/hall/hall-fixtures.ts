import type { TestApp } from '../helpers/test-app.js';
import { residentIdCheck } from '../../src/hall/identity.js';

/** A valid resident ID for a birth date and sequence (the check digit computed). */
export const residentId = (birth = '19850612', seq = '031') => {
  const first = `420102${birth}${seq}`;
  return first + residentIdCheck(first);
};

export function taxMatter(t: TestApp, code = 'TAX-QS-001', over: Record<string, unknown> = {}) {
  return {
    code,
    name: '契税申报（存量房转让）',
    type: 'confirmation',
    departmentId: t.ids.departments.tax,
    implementingBody: '国家税务总局荆州市税务局',
    legalBasis: '《中华人民共和国契税法》第三条',
    conditions: '存量房买卖合同已网签备案',
    audience: 'person',
    statutoryDays: 20,
    promisedDays: 3,
    feeFen: 0,
    atMostOnce: true,
    serviceMode: 'both',
    freeServices: ['copy', 'postage'],
    lifeEvents: ['housing', 'tax'],
    materials: [
      { name: '身份证', form: 'original', copies: 1, required: true },
      { name: '存量房买卖合同', form: 'copy', copies: 2, required: true },
      { name: '婚姻状况证明', form: 'copy', copies: 1, required: false },
    ],
    ...over,
  };
}

export async function publishedMatter(t: TestApp, code = 'TAX-QS-001', over: Record<string, unknown> = {}) {
  const created = await t.as('admin', { method: 'POST', url: '/api/v1/matters', payload: taxMatter(t, code, over) });
  if (created.statusCode !== 201) throw new Error(`matter: ${created.body}`);
  const pub = await t.as('admin', { method: 'POST', url: `/api/v1/matters/${code}/publish`, payload: {} });
  if (pub.statusCode !== 200) throw new Error(`publish: ${pub.body}`);
  return pub.json() as { materials: { id: number; name: string; required: boolean }[]; version: number };
}

export function registerBody(matterCode: string, received: number[], over: Record<string, unknown> = {}) {
  return {
    matterCode,
    window: 'A03',
    applicant: { kind: 'person', name: '刘晓燕', idNumber: residentId(), phone: '13971234567' },
    received,
    ...over,
  };
}
