import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../config-error.js';

/**
 * The audit chains' HMAC key. It lives outside the database (the environment or a file), so
 * someone who can rewrite rows cannot recompute the links. The process has one key: every chain
 * appender and the bulk seeder read it here, as the kernel's audit feature set it at install.
 */
let current: Buffer | null = null;

export function setAuditKey(key: Buffer | null): void {
  current = key;
}

export function auditKey(): Buffer | null {
  return current;
}

/**
 * QINGDAN_AUDIT_KEY, else the key file. Outside production a missing file is generated (mode 0600)
 * so development and the demo are keyed too; production refuses to invent a key, because a key
 * that silently changes makes every later verification fail.
 */
export function loadAuditKey(config: Pick<Config, 'auditKey' | 'auditKeyFile' | 'production'>): Buffer {
  if (config.auditKey) return Buffer.from(config.auditKey, 'utf8');
  const file = config.auditKeyFile;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (text.length < 32) throw new ConfigError(`the audit key file ${file} holds fewer than 32 characters`);
    return Buffer.from(text, 'utf8');
  }
  if (config.production) throw new ConfigError(`the audit key file ${file} does not exist`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = crypto.randomBytes(32).toString('hex');
  try {
    fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process (a test worker, a second instance) wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
  }
  return Buffer.from(text, 'utf8');
}
