import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { AppError, say } from '../errors.js';
import { EMPTY_SHA256, signV4, uriEncode, type S3Credentials } from './s3-sign.js';

/** QINGDAN_S3_*: where the S3-compatible store is (src/attachments/s3-config.ts reads them). */
export interface S3Settings extends S3Credentials {
  /** The service's URL, e.g. https://s3.cn-north-1.amazonaws.com.cn or http://127.0.0.1:9000 (MinIO). */
  readonly endpoint: string;
  readonly bucket: string;
  /** `endpoint/bucket/key` (MinIO, most self-hosted servers) rather than `bucket.endpoint/key`. */
  readonly forcePathStyle: boolean;
}

async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

const TRIES = 2;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unxml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] !== '#' ? (XML_ENTITIES[e] ?? m) : String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))),
  );
const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1];

/**
 * The four S3 calls attachments need, over fetch and SigV4: PUT, GET and DELETE of one object and
 * ListObjectsV2 (for backups). Any refusal (bad credentials, no bucket) or an unreachable server is
 * AppError `unavailable`, naming the S3 error code, never the credentials.
 */
export function s3Client(s: S3Settings, now: () => Date = () => new Date()) {
  const base = new URL(s.endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');
  const url = (key: string, query: Record<string, string> = {}) => {
    const u = new URL(base.origin);
    if (!s.forcePathStyle) u.host = `${s.bucket}.${base.host}`;
    const path = key.split('/').map(uriEncode).join('/');
    u.pathname = `${basePath}${s.forcePathStyle ? `/${uriEncode(s.bucket)}` : ''}/${path}`;
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  };

  async function refused(what: string, res: Response): Promise<AppError> {
    const body = await res.text().catch(() => '');
    const code = tag(body, 'Code') ?? res.statusText;
    return new AppError(
      'unavailable',
      say(`附件存储拒绝了${what}（${code}）`, `the attachment store refused ${what}: ${code} (HTTP ${res.status})`),
    );
  }

  /**
   * Every call here is idempotent (keys are never reused), so a request the network drops (a kept-alive
   * socket the server closed as it was reused) is sent once more, signed afresh, its body made anew.
   */
  async function send(method: string, u: URL, init: { headers?: Record<string, string>; body?: () => unknown } = {}) {
    const payloadHash = init.headers?.['x-amz-content-sha256'] ?? EMPTY_SHA256;
    for (let attempt = 1; ; attempt++) {
      const headers = signV4({ method, url: u, headers: init.headers, payloadHash, now: now() }, s);
      try {
        const body = init.body?.() as BodyInit | undefined;
        return await fetch(u, { method, headers, body, duplex: 'half' } as RequestInit);
      } catch (err) {
        if (attempt < TRIES) continue;
        const why = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
        throw new AppError(
          'unavailable',
          say(`附件存储无法连接（${why}）`, `the attachment store at ${base.origin} did not answer: ${why}`),
        );
      }
    }
  }

  return {
    /** Uploads the file with its length and SHA-256 signed, so a body cut short or changed is refused. */
    async put(key: string, file: string): Promise<void> {
      const size = fs.statSync(file).size;
      const res = await send('PUT', url(key), {
        headers: {
          'content-length': String(size),
          'content-type': 'application/octet-stream',
          'x-amz-content-sha256': await fileSha256(file),
        },
        body: () => Readable.toWeb(fs.createReadStream(file)),
      });
      if (!res.ok) throw await refused(`PUT ${key}`, res);
      await res.body?.cancel();
    },
    /** The object's bytes as they arrive, or null when there is no such key. */
    async get(key: string): Promise<Readable | null> {
      const res = await send('GET', url(key));
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok || !res.body) throw await refused(`GET ${key}`, res);
      return Readable.fromWeb(res.body as WebStream<Uint8Array>);
    },
    async remove(key: string): Promise<void> {
      const res = await send('DELETE', url(key));
      if (!res.ok && res.status !== 404) throw await refused(`DELETE ${key}`, res);
      await res.body?.cancel();
    },
    /** Every key in the bucket, a page (ListObjectsV2, continuation tokens) at a time. */
    async *list(pageSize = 1000): AsyncGenerator<string> {
      let token: string | undefined;
      do {
        const query: Record<string, string> = { 'list-type': '2', 'max-keys': String(pageSize) };
        if (token) query['continuation-token'] = token;
        const res = await send('GET', url('', query));
        if (!res.ok) throw await refused('LIST', res);
        const xml = await res.text();
        for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) yield unxml(m[1]);
        const next = tag(xml, 'NextContinuationToken');
        token = tag(xml, 'IsTruncated') === 'true' && next ? unxml(next) : undefined;
      } while (token);
    },
  };
}
