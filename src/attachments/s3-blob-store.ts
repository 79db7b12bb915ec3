import fs from 'node:fs';
import { notFound } from '../errors.js';
import type { BlobStore } from './blob-store.js';
import { s3Client, type S3Settings } from './s3-client.js';

/**
 * QINGDAN_ATTACHMENTS=s3: each attachment is one object under its storage key in the bucket, so
 * every instance that reaches the bucket serves every photo, whatever its data directory.
 */
export function s3BlobStore(settings: S3Settings): BlobStore {
  const client = s3Client(settings);
  return {
    async put(key, file) {
      try {
        await client.put(key, file);
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    async open(key) {
      // The GET's status is known before its body: a missing key is the 404 before any byte is sent.
      const body = await client.get(key);
      if (!body) throw notFound('attachment', key);
      return body;
    },
    remove: (key) => client.remove(key),
  };
}
