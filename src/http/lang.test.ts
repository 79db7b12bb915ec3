import { describe, expect, it } from 'vitest';
import { preferredLang } from './lang.js';

describe('preferredLang', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['*', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-GB,zh;q=0.8', 'en'],
    ['fr, en;q=0.5, zh;q=0.9', 'zh'],
    ['fr, en;q=0.5', 'en'],
    ['zh;q=0, en;q=0.1', 'en'],
    ['de', 'zh'],
    ['EN', 'en'],
  ] as const)('%s → %s', (header, lang) => {
    expect(preferredLang(header)).toBe(lang);
  });
});
