import { describe, expect, it } from 'vitest';
import { parseMaterials, readCatalogue } from './catalogue-sheet.js';

describe('catalogue sheets', () => {
  it('reads materials with their form, copies and 容缺 mark', () => {
    expect(
      parseMaterials('1. 身份证（原件，1份）\n2、购房合同（原件及复印件，2份）；完税凭证（复印件）【容缺】').materials,
    ).toEqual([
      { name: '身份证', form: 'original', copies: 1, required: true },
      { name: '购房合同', form: 'original_and_copy', copies: 2, required: true },
      { name: '完税凭证', form: 'copy', copies: 1, required: false },
    ]);
  });
  it('maps Chinese names to codes and reports what it cannot read', () => {
    const header = [
      '事项编码',
      '事项名称',
      '事项类型',
      '实施部门',
      '承诺时限',
      '法定时限',
      '收费标准',
      '最多跑一次',
      '人生事件',
      '申请材料',
    ];
    const rows = [
      {
        number: 2,
        cells: [
          'SW-1',
          '契税申报',
          '行政确认',
          '市税务局',
          '3个工作日',
          20,
          '不收费',
          '是',
          '住房置业、纳税缴费',
          '身份证（原件，1份）',
        ],
      },
      { number: 3, cells: ['SW-2', '某事项', '不存在的类型', '市税务局', '即办', '', '12.5', '否', '上天', '申请表'] },
    ];
    const read = readCatalogue(header, rows, new Map([['市税务局', 7]]));
    expect(read.missingHeaders).toEqual([]);
    expect(read.rows[0]).toMatchObject({
      code: 'SW-1',
      errors: [],
      input: {
        type: 'confirmation',
        departmentId: 7,
        promisedDays: 3,
        statutoryDays: 20,
        feeFen: 0,
        atMostOnce: true,
        lifeEvents: ['housing', 'tax'],
      },
    });
    expect(read.rows[1].input).toBeUndefined();
    expect(read.rows[1].errors).toEqual(
      expect.arrayContaining(['事项类型“不存在的类型”无法识别', '人生事件“上天”无法识别']),
    );
  });
  it('names the columns a sheet lacks', () => {
    expect(readCatalogue(['名称'], [], new Map()).missingHeaders).toEqual([
      '事项编码',
      '实施部门',
      '承诺时限',
      '申请材料',
    ]);
  });
});
