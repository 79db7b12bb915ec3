import crypto, { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../src/attachments/s3-client.js';
import { sha256Hex, signingKey, uriEncode } from '../../src/attachments/s3-sign.js';

/** s3rver's one account; its secret is the same word. */
const ACCOUNTS: Record<string, string> = { S3RVER: 'S3RVER' };

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** Settings for the store, with any field replaced (a wrong secret, another bucket). */
  settings(overrides?: Partial<S3Settings>): S3Settings;
  /** The same as QINGDAN_* variables. */
  env: Record<string, string>;
  close(): Promise<void>;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * s3rver 3.7.1 reads a V4 Authorization header but never checks its signature (any secret passes).
 * This check goes in front: it rebuilds the canonical request from what came over the wire and
 * refuses, as S3 does, a signature made with another secret, or a PUT without Content-Length.
 */
function signatureError(method: string, rawUrl: string, headers: Headers): string | null {
  const auth = String(headers.authorization ?? '');
  const m = auth.match(
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([^,]+),Signature=(\w+)$/,
  );
  if (!m) return auth ? 'AuthorizationHeaderMalformed' : null;
  const [, accessKey, day, region, signed, signature] = m;
  const secret = ACCOUNTS[accessKey];
  if (!secret) return null; // s3rver answers InvalidAccessKeyId itself
  if (method === 'PUT' && (headers['content-length'] === undefined || headers['transfer-encoding']))
    return 'MissingContentLength';
  const [rawPath, rawQuery = ''] = rawUrl.split('?');
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => p.split('=').map((x) => uriEncode(decodeURIComponent(x.replace(/\+/g, ' ')))))
    .map(([k, v = '']) => `${k}=${v}`)
    .sort();
  const names = signed.split(';');
  const canonical = [
    method,
    rawPath
      .split('/')
      .map((s) => uriEncode(decodeURIComponent(s)))
      .join('/'),
    query.join('&'),
    ...names.map((n) => `${n}:${String(headers[n] ?? '').trim()}`),
    '',
    signed,
    String(headers['x-amz-content-sha256']),
  ].join('\n');
  const toSign = [
    'AWS4-HMAC-SHA256',
    headers['x-amz-date'],
    `${day}/${region}/s3/aws4_request`,
    sha256Hex(canonical),
  ].join('\n');
  const expected = createHmac('sha256', signingKey(secret, day, region, 's3'))
    .update(toSign)
    .digest('hex');
  return expected === signature ? null : 'SignatureDoesNotMatch';
}

/**
 * s3rver makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node ≥ 17) only
 * has in its legacy provider, so a listing of more than one page fails with InternalError. Triple
 * DES with three equal keys is single DES, byte for byte, and is in the default provider.
 */
function singleDesAsTripleDes(): void {
  const wrap = <F extends typeof crypto.createCipheriv | typeof crypto.createDecipheriv>(f: F): F =>
    ((alg: string, key: Buffer, ...rest: unknown[]) =>
      alg === 'des'
        ? (f as (...a: unknown[]) => unknown)('des-ede3-cbc', Buffer.concat([key, key, key]), ...rest)
        : (f as (...a: unknown[]) => unknown)(alg, key, ...rest)) as F;
  if ((crypto.createCipheriv as { desShim?: true }).desShim) return;
  crypto.createCipheriv = Object.assign(wrap(crypto.createCipheriv), { desShim: true as const });
  crypto.createDecipheriv = wrap(crypto.createDecipheriv);
}

/** A real S3-compatible server (s3rver) on a free port over a temporary directory, with one bucket. */
export async function startS3(bucket = 'qingdan'): Promise<TestS3> {
  singleDesAsTripleDes();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  server.middleware.unshift(async (ctx, next) => {
    const code = signatureError(ctx.method, ctx.url, ctx.headers);
    if (!code) return next();
    ctx.status = code === 'MissingContentLength' ? 411 : 403;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`;
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const settings = (overrides: Partial<S3Settings> = {}): S3Settings => ({
    endpoint,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    ...overrides,
  });
  return {
    endpoint,
    bucket,
    settings,
    env: {
      QINGDAN_ATTACHMENTS: 's3',
      QINGDAN_S3_ENDPOINT: endpoint,
      QINGDAN_S3_BUCKET: bucket,
      QINGDAN_S3_ACCESS_KEY_ID: 'S3RVER',
      QINGDAN_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
