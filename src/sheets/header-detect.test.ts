import { describe, expect, it } from 'vitest';
import { detectHeader } from './header-detect.js';
import { parseCompletion, percentIn } from './completion.js';
import { titleFrom } from './row-validate.js';

const rows = (...cells: unknown[][]) => cells.map((c, i) => ({ number: i + 1, cells: c }));

describe('detectHeader', () => {
  it('finds the header under a title row', () => {
    const h = detectHeader(rows(['某市问题整改清单'], ['序号', '问题描述', '牵头单位'], [1, '路灯不亮', '市城管委']))!;
    expect(h.rows).toEqual([2]);
    expect(h.match.mapping).toEqual({ seq: 0, description: 1, leadDepartment: 2 });
    expect(h.dataStart).toBe(2);
  });

  it('combines a two-row header: a merged group over its columns, singles merged down', () => {
    const h = detectHeader(
      rows(
        ['序号', '问题描述', '责任单位', null, '整改时限'],
        [null, null, '牵头单位', '配合单位', null],
        [1, '路灯不亮', '市城管委', null, '2026-12-01'],
      ),
    )!;
    expect(h.rows).toEqual([1, 2]);
    expect(h.headers).toEqual(['序号', '问题描述', '牵头单位', '配合单位', '整改时限']);
    expect(h.dataStart).toBe(2);
  });

  it('does not take a data row for a sub-header, and finds nothing in data alone', () => {
    const h = detectHeader(rows(['序号', '问题描述'], [1, '牵头单位没有回复']))!;
    expect(h.rows).toEqual([1]);
    expect(detectHeader(rows([1, '路灯不亮'], [2, '井盖破损']))).toBeNull();
  });

  it('lets an override name a header the aliases do not know', () => {
    expect(detectHeader(rows(['诉求内容', '地点']), { 诉求内容: 'description' })!.match.mapping).toEqual({
      description: 0,
    });
  });
});

describe('completion and titles', () => {
  it('reads the state labels export writes and the phrases sheets use', () => {
    expect(parseCompletion('已销号')).toEqual({ kind: 'state', state: 'closed' });
    expect(parseCompletion('已完成')).toEqual({ kind: 'state', state: 'closed' });
    expect(parseCompletion('未完成')).toEqual({ kind: 'state', state: 'in_progress' });
    expect(parseCompletion('序时推进')).toEqual({ kind: 'state', state: 'in_progress' });
    expect(parseCompletion('长期坚持')).toEqual({ kind: 'state', state: 'long_term' });
    expect(parseCompletion('已整改待验收')).toEqual({ kind: 'state', state: 'rectified' });
    expect(parseCompletion('')).toEqual({ kind: 'empty' });
    expect(parseCompletion('见附件')).toEqual({ kind: 'unknown' });
    expect(percentIn('完成60%，计划下月完成100%')).toBe(100);
    expect(percentIn('完成６０％')).toBe(60);
    expect(percentIn('无')).toBeNull();
  });

  it('takes a title from the first phrase of the description', () => {
    expect(titleFrom('开发区上下班高峰公交太少，员工通勤时间长。希望增开线路。')).toBe('开发区上下班高峰公交太少');
    expect(titleFrom('路灯不亮。')).toBe('路灯不亮');
  });
});
