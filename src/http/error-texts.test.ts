import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, notFound, say, type ErrorCode } from '../errors.js';
import { toErrorBody } from './error-handler.js';
import { ERROR_TEXTS, messageIn, PART_TEXTS, VALIDATION_TEXTS } from './error-texts.js';

const CJK = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the error message catalogue', () => {
  it('has a Chinese and an English sentence for every error code', () => {
    expect(Object.keys(ERROR_TEXTS).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, text] of Object.entries(ERROR_TEXTS)) {
      expect(text.zh, code).toMatch(CJK);
      expect(text.en, code).not.toMatch(CJK);
      expect(text.en.trim(), code).not.toBe('');
    }
  });

  it('words every validator rule and request part in both languages, with the same blanks', () => {
    for (const [rule, text] of [...Object.entries(VALIDATION_TEXTS), ...Object.entries(PART_TEXTS)]) {
      expect(text.zh, rule).toMatch(CJK);
      expect(text.en, rule).not.toMatch(CJK);
      expect(placeholders(text.zh), rule).toEqual(placeholders(text.en));
    }
  });
});

describe('messageIn', () => {
  it('sends the thrower’s own text in the language asked for', () => {
    const e = new AppError('conflict', say('用户名已被占用', 'the username is taken'));
    expect(e.message).toBe('the username is taken');
    expect(messageIn('zh', e.code, e.message, e.text)).toBe('用户名已被占用');
    expect(messageIn('en', e.code, e.message, e.text)).toBe('the username is taken');
  });

  it('splits a "中文 / English" message and never mixes a one-language message into the other', () => {
    expect(messageIn('en', 'conflict', '该办件已评价 / this case has been rated')).toBe('this case has been rated');
    expect(messageIn('zh', 'conflict', '该办件已评价 / this case has been rated')).toBe('该办件已评价');
    expect(messageIn('en', 'validation_failed', '请填写申请人名称')).toBe(ERROR_TEXTS.validation_failed.en);
    expect(messageIn('zh', 'forbidden', 'not yours')).toBe(ERROR_TEXTS.forbidden.zh);
    expect(messageIn('zh', 'forbidden', '不是你的')).toBe('不是你的');
  });

  it('names what was not found in Chinese', () => {
    const e = notFound('problem', 'JZ-2026-000001');
    expect(toErrorBody(e).body.error.message).toBe('未找到问题 JZ-2026-000001');
    expect(toErrorBody(e, 'en').body.error.message).toBe('problem JZ-2026-000001 was not found');
  });

  it.each(Object.keys(ERROR_CODES) as ErrorCode[])('keeps the code and status of %s in both languages', (code) => {
    const e = new AppError(code, 'x');
    expect(toErrorBody(e, 'zh').status).toBe(toErrorBody(e, 'en').status);
    expect(toErrorBody(e, 'zh').body.error.code).toBe(code);
  });
});
