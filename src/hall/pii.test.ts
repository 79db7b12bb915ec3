import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPii } from './pii.js';

describe('ID numbers at rest', () => {
  it('encrypts with a fresh IV each time, decrypts, and digests deterministically', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-'));
    const pii = createPii(null, dir);
    const a = pii.encrypt('11010519491231002X');
    const b = pii.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1101');
    expect(pii.decrypt(a)).toBe('11010519491231002X');
    expect(pii.digest('11010519491231002X')).toBe(pii.digest('11010519491231002X'));
    expect(fs.statSync(path.join(dir, 'hall-pii.key')).mode & 0o777).toBe(0o600);
    // A second instance on the same data folder reads the same key.
    expect(createPii(null, dir).decrypt(a)).toBe('11010519491231002X');
  });
  it('refuses a ciphertext made under another key', () => {
    const one = createPii(Buffer.alloc(32, 1), '/nonexistent');
    const two = createPii(Buffer.alloc(32, 2), '/nonexistent');
    expect(() => two.decrypt(one.encrypt('x'))).toThrow(/cannot be decrypted/);
  });
});
