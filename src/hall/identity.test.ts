import { describe, expect, it } from 'vitest';
import {
  creditCodeCheck,
  creditCodeProblem,
  maskIdentity,
  maskName,
  residentIdCheck,
  residentIdProblem,
} from './identity.js';

const TODAY = '2026-12-05';

describe('resident ID (GB 11643)', () => {
  it('accepts the standard example and a lower-case x', () => {
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
    expect(residentIdProblem('11010519491231002x', TODAY)).toBeNull();
    expect(residentIdProblem(`42010219900307001${residentIdCheck('42010219900307001')}`, TODAY)).toBeNull();
  });
  it('computes the check character', () => {
    expect(residentIdCheck('11010519491231002')).toBe('X');
    expect(residentIdCheck('44052418800101001')).toBe('4');
  });
  it('refuses a wrong check digit, a wrong length, an unknown region and impossible birth dates', () => {
    expect(residentIdProblem('110105194912310021', TODAY)?.zh).toMatch(/校验位/);
    expect(residentIdProblem('11010519491231002', TODAY)?.zh).toMatch(/18位/);
    expect(residentIdProblem('99010519491231002X', TODAY)?.zh).toMatch(/地区码/);
    const feb30 = `42010219900230${'001'}`;
    expect(residentIdProblem(feb30 + residentIdCheck(feb30), TODAY)?.zh).toMatch(/出生日期/);
    const future = '42010220300101001';
    expect(residentIdProblem(future + residentIdCheck(future), TODAY)?.zh).toMatch(/出生日期/);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts real-shaped codes with their check character', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    const base = '91421000MA4F0ABC1';
    expect(creditCodeProblem(base + creditCodeCheck(base))).toBeNull();
  });
  it('refuses a wrong check character and letters the standard leaves out', () => {
    expect(creditCodeProblem('91350100M000100Y44')?.zh).toMatch(/校验位/);
    expect(creditCodeProblem('91350100M000100I43')?.zh).toMatch(/18位/);
    expect(creditCodeProblem('9135')?.zh).toMatch(/18位/);
  });
});

describe('masking', () => {
  it('keeps the region and the last four characters of a number', () => {
    expect(maskIdentity('11010519491231002x')).toBe('1101**********002X');
  });
  it('keeps the family name of a person and the start of an enterprise name', () => {
    expect(maskName('张三丰', 'person')).toBe('张**');
    expect(maskName('荆州市长江建材有限公司', 'enterprise')).toBe('荆州市长****');
  });
});
