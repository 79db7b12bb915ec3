import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, say } from '../errors.js';

/**
 * Applicants' ID numbers at rest: AES-256-GCM ciphertext, and an HMAC digest so the window can
 * find an applicant's earlier cases by number without decrypting anything. The key comes from
 * QINGDAN_PII_KEY, or a key file made once in the data folder (mode 0600). A database copy
 * without the key reveals no number; a backup must keep the key beside it.
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  digest(plain: string): string;
}

const KEY_FILE = 'hall-pii.key';

function loadKey(configured: Buffer | null, dataDir: string): Buffer {
  if (configured) return configured;
  const file = path.join(dataDir, KEY_FILE);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    // 'wx': when two processes start at once, the second reads the first one's key.
    fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
}

/** The key is loaded on first use: a server that never sees an applicant never makes a key file. */
export function createPii(configured: Buffer | null, dataDir: string): Pii {
  let keys: { enc: Buffer; mac: Buffer } | null = null;
  const get = () => {
    if (!keys) {
      const master = loadKey(configured, dataDir);
      const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
      keys = { enc: derive('qingdan hall id encryption'), mac: derive('qingdan hall id digest') };
    }
    return keys;
  };
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', get().enc, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.replace(/^v1\./, ''), 'base64url');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', get().enc, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError(
          'internal',
          say(
            '无法用当前密钥解密身份证号码（QINGDAN_PII_KEY 是否已更改？）',
            'the ID number cannot be decrypted with this key (QINGDAN_PII_KEY changed?)',
          ),
        );
      }
    },
    digest: (plain) => crypto.createHmac('sha256', get().mac).update(plain).digest('hex'),
  };
}
