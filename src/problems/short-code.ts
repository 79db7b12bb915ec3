import crypto from 'node:crypto';
import { constantTimeEqual, digest } from '../auth/secrets.js';

/**
 * Short tracking codes: 8 characters a reporter can read out on the phone or copy from an SMS.
 * No 0/O, 1/I/L or U/V look-alikes, so every character read back is the one written; 30^8 ≈ 6.6·10^11
 * codes, and guessing is throttled like the long token (src/http/guess-throttle.ts).
 */
export const SHORT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;
const SHAPE = new RegExp(`^[${SHORT_ALPHABET}]{${LENGTH}}$`);

export function newShortCode(): string {
  return Array.from({ length: LENGTH }, () => SHORT_ALPHABET[crypto.randomInt(SHORT_ALPHABET.length)]).join('');
}

/** What a person typed → the stored form, or null when it cannot be a short code (case, spaces, dashes ignored). */
export function normaliseShortCode(raw: string): string | null {
  const code = raw.replace(/[\s\-_.]/g, '').toUpperCase();
  return SHAPE.test(code) ? code : null;
}

/** Shown in two groups of four, the way people copy it down. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Whether a presented secret is the item's long tracking token or its short code. */
export function tokenMatches(row: { tracking_token_hash: string | null; short_code: string | null }, token?: string) {
  if (!token) return false;
  if (row.tracking_token_hash && constantTimeEqual(digest(token), row.tracking_token_hash)) return true;
  const short = normaliseShortCode(token);
  return Boolean(short && row.short_code && constantTimeEqual(short, row.short_code));
}
