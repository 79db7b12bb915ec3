import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  checkNativeAnswers,
  checkQuestionSet,
  displayOf,
  rawAnswers,
  toDefinitions,
  type QuestionInput,
} from './question-rules.js';

const INPUT: QuestionInput[] = [
  { code: 'pole', label: ' 灯杆编号 ', labelEn: 'Pole', datatype: 'string', required: true, help: '' },
  {
    code: 'fault',
    label: '故障',
    datatype: 'singlevaluelist',
    required: true,
    options: [
      { key: 'off', name: '不亮', nameEn: 'Off' },
      { key: 'flicker', name: '闪烁' },
    ],
  },
  { code: 'seen', label: '发现时间', datatype: 'datetime' },
  {
    code: 'extra',
    label: '其他',
    datatype: 'multivaluelist',
    options: [
      { key: 'a', name: '甲' },
      { key: 'b', name: '乙' },
    ],
  },
];
const QUESTIONS = checkQuestionSet(INPUT);

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('checkQuestionSet', () => {
  it('numbers the questions in order and tidies the text', () => {
    expect(QUESTIONS[0]).toEqual({
      code: 'pole',
      label: '灯杆编号',
      labelEn: 'Pole',
      help: null,
      helpEn: null,
      datatype: 'string',
      required: true,
      order: 1,
      options: [],
    });
    expect(QUESTIONS[1].options).toEqual([
      { key: 'off', name: '不亮', nameEn: 'Off' },
      { key: 'flicker', name: '闪烁', nameEn: null },
    ]);
    expect(QUESTIONS.map((q) => q.order)).toEqual([1, 2, 3, 4]);
  });

  it('names every problem with its field', () => {
    const err = appError(() =>
      checkQuestionSet([
        INPUT[0],
        INPUT[0],
        { ...INPUT[1], options: [] },
        { ...INPUT[2], options: [{ key: 'x', name: 'X' }] },
      ]),
    );
    expect(err.code).toBe('validation_failed');
    expect(err.details).toEqual([
      { field: 'items.1.code', message: 'the code "pole" is used twice', messageZh: '编码“pole”重复' },
      {
        field: 'items.2.options',
        message: 'a singlevaluelist question needs options',
        messageZh: 'singlevaluelist 类问题需要选项',
      },
      {
        field: 'items.3.options',
        message: 'a datetime question takes no options',
        messageZh: 'datetime 类问题不能有选项',
      },
    ]);
  });
});

describe('toDefinitions', () => {
  it('makes the label the prompt and lists values only for list types, in the asked language', () => {
    const [pole, fault] = toDefinitions(QUESTIONS, 'en');
    expect(pole).toEqual({
      code: 'pole',
      datatype: 'string',
      required: true,
      variable: true,
      order: 1,
      description: 'Pole',
      datatypeDescription: null,
    });
    expect(fault.values).toEqual([
      { key: 'off', name: 'Off' },
      { key: 'flicker', name: '闪烁' },
    ]);
    expect(toDefinitions(QUESTIONS)[0].description).toBe('灯杆编号');
  });
});

describe('native answers', () => {
  it('reads strings, numbers and lists, dropping blanks', () => {
    expect(rawAnswers({ a: ' x ', b: 3, c: ['p', '', 'q'], d: '', e: null, f: true })).toEqual({
      a: ['x'],
      b: ['3'],
      c: ['p', 'q'],
    });
  });

  it('types valid answers and refuses bad ones with answers.CODE fields', () => {
    const typed = checkNativeAnswers(
      QUESTIONS,
      { pole: 'SS-1', fault: 'off', seen: '2026-11-29T22:00:00+08:00', extra: ['b', 'a'] },
      { requireAnswers: true },
    );
    expect(typed.map((a) => a.value)).toEqual(['SS-1', 'off', '2026-11-29T14:00:00.000Z', ['b', 'a']]);
    const err = appError(() => checkNativeAnswers(QUESTIONS, { fault: 'boom' }, { requireAnswers: true }));
    expect(err.details).toEqual([
      { field: 'answers.pole', message: 'answers.pole is required', messageZh: '缺少必填项 answers.pole' },
      {
        field: 'answers.fault',
        message: 'answers.fault: not among the allowed keys: "boom"',
        messageZh: 'answers.fault：不在可选项中："boom"',
      },
    ]);
  });

  it('does not require answers of staff', () => {
    expect(checkNativeAnswers(QUESTIONS, {}, { requireAnswers: false })).toEqual([]);
  });

  it('displays option names and local times', () => {
    const [, fault, seen, extra] = checkNativeAnswers(
      QUESTIONS,
      { pole: 'x', fault: 'flicker', seen: '2026-11-29T14:00:00Z', extra: ['b', 'a'] },
      { requireAnswers: true },
    );
    expect(displayOf(fault, QUESTIONS[1], 'Asia/Shanghai')).toBe('闪烁');
    expect(displayOf(seen, QUESTIONS[2], 'Asia/Shanghai')).toBe('2026-11-29T22:00:00+08:00');
    expect(displayOf(extra, QUESTIONS[3], 'Asia/Shanghai')).toBe('乙、甲');
  });
});
