import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { matchHeaders, normalizeHeader, SHEET_COLUMNS } from './columns.js';

const CLASSIC = [
  '序号',
  '问题来源',
  '问题描述',
  '所属区域',
  '问题类别',
  '整改措施',
  '牵头单位',
  '配合单位',
  '责任人',
  '领办领导',
  '整改时限',
  '整改进展',
  '完成情况',
  '完成日期',
];

describe('SHEET_COLUMNS', () => {
  it('lists every classic column once, with description required', () => {
    expect(SHEET_COLUMNS.map((c) => c.label)).toEqual(expect.arrayContaining(CLASSIC));
    expect(new Set(SHEET_COLUMNS.map((c) => c.field)).size).toBe(SHEET_COLUMNS.length);
    expect(SHEET_COLUMNS.filter((c) => c.required).map((c) => c.field)).toEqual(['description']);
  });

  it('has no alias shared by two fields', () => {
    const seen = new Map<string, string>();
    for (const c of SHEET_COLUMNS) {
      for (const a of [c.label, ...c.aliases]) {
        const k = normalizeHeader(a);
        expect(seen.get(k) ?? c.field, `${a} is claimed twice`).toBe(c.field);
        seen.set(k, c.field);
      }
    }
  });
});

describe('normalizeHeader', () => {
  it('drops spaces, line breaks, required marks and folds full-width forms', () => {
    expect(normalizeHeader(' 问题\n描述 ')).toBe('问题描述');
    expect(normalizeHeader('*整改时限（年月日）')).toBe('整改时限(年月日)');
    expect(normalizeHeader('完成情况／销号情况')).toBe('完成情况/销号情况');
    expect(normalizeHeader('Ｎｏ．')).toBe('no');
    expect(normalizeHeader('【备注】')).toBe('(备注)');
  });
});

describe('matchHeaders', () => {
  it('maps the classic sheet by position-independent headers', () => {
    const r = matchHeaders(CLASSIC);
    expect(r.mapping).toEqual({
      seq: 0,
      source: 1,
      description: 2,
      area: 3,
      category: 4,
      measures: 5,
      leadDepartment: 6,
      coDepartments: 7,
      responsiblePerson: 8,
      ownerLeader: 9,
      deadline: 10,
      progress: 11,
      completion: 12,
      completedOn: 13,
    });
    expect(r.unknown).toEqual([]);
    expect(r.missingRequired).toEqual([]);
  });

  it('understands the variants real sheets use', () => {
    const r = matchHeaders([
      '编号',
      '存在问题',
      '责任单位',
      '协办单位',
      '时限',
      '进展情况',
      '完成情况/销号情况',
      '备注',
      '问题标题',
    ]);
    expect(r.mapping).toEqual({
      code: 0,
      description: 1,
      leadDepartment: 2,
      coDepartments: 3,
      deadline: 4,
      progress: 5,
      completion: 6,
      title: 8,
    });
    expect(r.unknown).toEqual([]);
  });

  it('copes with line breaks, hints in brackets and full-width punctuation', () => {
    const r = matchHeaders([
      '序\n号',
      '问题表现',
      '主责单位（盖章）',
      '完成时限\n（截止日期）',
      '完成情况／销号情况',
      ' 标题 ',
    ]);
    expect(r.mapping).toEqual({ seq: 0, description: 1, leadDepartment: 2, deadline: 3, completion: 4, title: 5 });
  });

  it('reports unknown headers with their index and skips empty ones', () => {
    const r = matchHeaders(['问题清单', '', '  ', '群众满意度', '牵头单位/配合单位']);
    expect(r.mapping).toEqual({ description: 0 });
    expect(r.unknown).toEqual([
      { index: 3, header: '群众满意度' },
      { index: 4, header: '牵头单位/配合单位' },
    ]);
  });

  it('reports a missing description', () => {
    expect(matchHeaders(['序号', '牵头单位']).missingRequired).toEqual(['description']);
    expect(matchHeaders([]).missingRequired).toEqual(['description']);
  });

  it('lets the canonical header win over an alias, and reports the loser', () => {
    const r = matchHeaders(['责任单位', '问题描述', '牵头单位', '问题描述']);
    expect(r.mapping.leadDepartment).toBe(2);
    expect(r.mapping.description).toBe(1);
    expect(r.duplicates).toEqual([
      { index: 0, header: '责任单位', field: 'leadDepartment' },
      { index: 3, header: '问题描述', field: 'description' },
    ]);
  });

  it('applies overrides by header text, including ignore', () => {
    const r = matchHeaders(['诉求内容', '责任单位', '承办人', '备注'], {
      '诉求 内容': 'description',
      责任单位: 'ignore',
      承办人: 'responsiblePerson',
    });
    expect(r.mapping).toEqual({ description: 0, responsiblePerson: 2 });
    expect(r.unknown).toEqual([]);
    expect(r.missingRequired).toEqual([]);
  });

  it('rejects an override naming an unknown field', () => {
    expect(() => matchHeaders(['x'], { x: 'nonsense' })).toThrow(AppError);
  });
});
