import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import type { S3Settings } from './s3-client.js';
import { s3BlobStore } from './s3-blob-store.js';

/**
 * Where the bytes of an attachment live, by its storage key (`<yyyy>/<random>.<ext>`, ours, never
 * the client's). `QINGDAN_ATTACHMENTS=local` (the default) keeps files under <dataDir>/attachments:
 * one instance, or a directory every instance mounts. `database` keeps them in `attachment_blobs`,
 * so every instance on one PostgreSQL serves every photo and `qingdan backup` holds them. `s3` keeps
 * them in a bucket of an S3-compatible service (src/attachments/s3-blob-store.ts) every instance reaches.
 */
export interface BlobStore {
  /** Takes the finished file at `file` (moved or copied, then gone) under `key`. */
  put(key: string, file: string): Promise<void>;
  /** The bytes; a missing file is the 404 an unknown attachment gets, found before any byte is sent. */
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

/** Migration 20261207T0500-attachment-blobs. */
export interface AttachmentBlobTable {
  storage_key: string;
  seq: number;
  data: Uint8Array;
}

declare module '../db/schema.js' {
  interface Database {
    attachment_blobs: AttachmentBlobTable;
  }
}

export type AttachmentStorage = 'local' | 'database' | 's3';

export function localBlobStore(root: string): BlobStore {
  const place = (key: string) => {
    const file = path.join(root, key);
    if (!path.resolve(file).startsWith(path.resolve(root) + path.sep)) throw notFound('attachment', key);
    return file;
  };
  return {
    async put(key, file) {
      fs.mkdirSync(path.dirname(place(key)), { recursive: true });
      fs.renameSync(file, place(key));
    },
    async open(key) {
      const file = place(key);
      if (!fs.existsSync(file)) throw notFound('attachment', key);
      return fs.createReadStream(file);
    },
    async remove(key) {
      fs.rmSync(place(key), { force: true });
    },
  };
}

/**
 * Rows of at most CHUNK bytes: one row per upload would need the whole file in memory to write
 * and to read, and PostgreSQL's wire protocol caps a value at 1 GB; 256 KiB rows stream both ways.
 */
export const CHUNK = 256 * 1024;

export function databaseBlobStore(db: Db): BlobStore {
  return {
    async put(key, file) {
      try {
        // One transaction: another instance sees all of the file or none of it.
        await db.transaction().execute(async (trx) => {
          let seq = 0;
          for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
            await trx
              .insertInto('attachment_blobs')
              .values({ storage_key: key, seq: seq++, data: chunk as Buffer })
              .execute();
          }
        });
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    async open(key) {
      const chunk = (seq: number) =>
        db
          .selectFrom('attachment_blobs')
          .select('data')
          .where('storage_key', '=', key)
          .where('seq', '=', seq)
          .executeTakeFirst();
      const first = await chunk(0);
      if (!first) throw notFound('attachment', key);
      // Later chunks are read as the client takes them, so a large file is never whole in memory.
      async function* rest() {
        yield Buffer.from(first!.data);
        for (let seq = 1; ; seq++) {
          const row = await chunk(seq);
          if (!row) return;
          yield Buffer.from(row.data);
        }
      }
      return Readable.from(rest(), { objectMode: false });
    },
    async remove(key) {
      await db.deleteFrom('attachment_blobs').where('storage_key', '=', key).execute();
    },
  };
}

export function blobStore(
  config: { attachments: AttachmentStorage; dataDir: string; s3: S3Settings | null },
  db: Db,
): BlobStore {
  if (config.attachments === 'database') return databaseBlobStore(db);
  if (config.attachments === 's3') return s3BlobStore(config.s3!);
  return localBlobStore(path.join(config.dataDir, 'attachments'));
}
