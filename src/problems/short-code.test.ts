import { describe, expect, it } from 'vitest';
import { digest } from '../auth/secrets.js';
import { formatShortCode, newShortCode, normaliseShortCode, SHORT_ALPHABET, tokenMatches } from './short-code.js';

describe('short tracking codes', () => {
  it('never uses a character that reads like another', () => {
    for (const c of ['0', 'O', '1', 'I', 'L', 'U']) expect(SHORT_ALPHABET).not.toContain(c);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newShortCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it('accepts any case, spaces and dashes, and refuses what cannot be a code', () => {
    expect(normaliseShortCode(' k7qx-m3rp ')).toBe('K7QXM3RP');
    expect(normaliseShortCode('K7QX M3RP')).toBe('K7QXM3RP');
    expect(normaliseShortCode('K7QXM3R0')).toBeNull();
    expect(normaliseShortCode('K7QXM3R')).toBeNull();
    expect(normaliseShortCode('t_abcdefgh')).toBeNull();
    expect(formatShortCode('K7QXM3RP')).toBe('K7QX-M3RP');
  });

  it('matches the long token or the short code, nothing else', () => {
    const row = { tracking_token_hash: digest('t_secret'), short_code: 'K7QXM3RP' };
    expect(tokenMatches(row, 't_secret')).toBe(true);
    expect(tokenMatches(row, 'k7qx-m3rp')).toBe(true);
    expect(tokenMatches(row, 'K7QX-M3RQ')).toBe(false);
    expect(tokenMatches(row, undefined)).toBe(false);
    expect(tokenMatches({ tracking_token_hash: null, short_code: null }, 'K7QXM3RP')).toBe(false);
  });
});
