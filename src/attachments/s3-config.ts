import fs from 'node:fs';
import { ConfigError } from '../config-error.js';
import type { S3Settings } from './s3-client.js';

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => env[name]?.trim() || null;

function required(env: Env, name: string, what: string): string {
  const v = value(env, name);
  if (!v) throw new ConfigError(`QINGDAN_ATTACHMENTS=s3 needs ${name} (${what})`);
  return v;
}

/** QINGDAN_S3_SECRET_ACCESS_KEY itself, or the first line of the file QINGDAN_S3_SECRET_ACCESS_KEY_FILE. */
function secret(env: Env): string {
  const direct = value(env, 'QINGDAN_S3_SECRET_ACCESS_KEY');
  const file = value(env, 'QINGDAN_S3_SECRET_ACCESS_KEY_FILE');
  if (direct && file)
    throw new ConfigError('set QINGDAN_S3_SECRET_ACCESS_KEY or QINGDAN_S3_SECRET_ACCESS_KEY_FILE, not both');
  if (!file) return required(env, 'QINGDAN_S3_SECRET_ACCESS_KEY', 'or QINGDAN_S3_SECRET_ACCESS_KEY_FILE');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`QINGDAN_S3_SECRET_ACCESS_KEY_FILE cannot be read: ${(err as Error).message}`);
  }
  const key = text.split(/\r?\n/)[0].trim();
  if (!key) throw new ConfigError(`QINGDAN_S3_SECRET_ACCESS_KEY_FILE (${file}) is empty`);
  return key;
}

/**
 * The S3-compatible store of QINGDAN_ATTACHMENTS=s3: endpoint, bucket and credentials must all be
 * given (a server that starts without them would lose every upload); region defaults to us-east-1,
 * and addressing is path-style except on amazonaws.com, where it is the bucket's own host name.
 */
export function parseS3Config(env: Env): S3Settings {
  const endpoint = required(env, 'QINGDAN_S3_ENDPOINT', 'the URL of the S3-compatible service');
  let host: string;
  try {
    const u = new URL(endpoint);
    // Credentials go in their own variables, never in a URL that is printed at start.
    if (!/^https?:$/.test(u.protocol) || u.search || u.hash || u.username || u.password) throw new Error();
    host = u.hostname;
  } catch {
    throw new ConfigError('QINGDAN_S3_ENDPOINT must be an http(s) URL without credentials, query or fragment');
  }
  const bucket = required(env, 'QINGDAN_S3_BUCKET', 'the bucket attachments are kept in');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(`QINGDAN_S3_BUCKET is not a valid bucket name: "${bucket}"`);
  const pathStyle = value(env, 'QINGDAN_S3_FORCE_PATH_STYLE');
  if (pathStyle && !/^(1|true|yes|on|0|false|no|off)$/i.test(pathStyle))
    throw new ConfigError(`QINGDAN_S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`);
  return Object.freeze({
    endpoint: endpoint.replace(/\/+$/, ''),
    bucket,
    region: value(env, 'QINGDAN_S3_REGION') ?? 'us-east-1',
    accessKeyId: required(env, 'QINGDAN_S3_ACCESS_KEY_ID', 'the access key of the bucket'),
    secretAccessKey: secret(env),
    forcePathStyle: pathStyle ? /^(1|true|yes|on)$/i.test(pathStyle) : !/(^|\.)amazonaws\.com(\.cn)?$/.test(host),
  });
}
