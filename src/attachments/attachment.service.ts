import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { isStaff } from '../auth/actor.js';
import { mayReadInternal } from '../problems/problem-access.js';
import type { Clock } from '../shared/time.js';
import type { ProblemService } from '../problems/problem.service.js';
import { findAttachment, insertAttachment } from './attachment.repository.js';
import { safeFilename, sniff, ALLOWED_TYPES } from './sniff.js';
import { cleanUpload } from './clean-file.js';
import type { BlobStore } from './blob-store.js';

/**
 * Uploads are received and cleaned under <dataDir>/attachments, then kept by the blob store
 * (QINGDAN_ATTACHMENTS) under a key <yyyy>/<random>.<ext>: ours, never the client's, so no path
 * can be smuggled in.
 */
export function attachmentService(
  db: Db,
  opts: { dataDir: string; store: BlobStore; maxBytes: number; clock: Clock; problems: ProblemService },
) {
  const root = path.join(opts.dataDir, 'attachments');
  const store = opts.store;

  async function writeStream(stream: Readable): Promise<{ tmp: string; size: number; head: Buffer }> {
    fs.mkdirSync(root, { recursive: true });
    const tmp = path.join(root, `.upload-${crypto.randomBytes(12).toString('hex')}`);
    let size = 0;
    let head = Buffer.alloc(0);
    // pipeline() hears every failure of every stage (ENOSPC on a full disk is emitted as 'error',
    // which unheard would end the process, even when opening the file) and destroys the others.
    const measure = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > opts.maxBytes)
          return cb(
            new AppError(
              'payload_too_large',
              say(`文件超过 ${opts.maxBytes} 字节`, `the file is larger than ${opts.maxBytes} bytes`),
            ),
          );
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(stream, measure, fs.createWriteStream(tmp, { flags: 'wx' }));
      return { tmp, size, head };
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  return {
    async upload(
      actor: Actor,
      code: string,
      token: string | undefined,
      file: { filename: string; stream: Readable; truncated?: () => boolean },
    ) {
      const loaded = await opts.problems.load(db, actor, code, token);
      // Reporters add photos while their report is new; staff who may act on the item (the citywide
      // offices, its lead and co-units) add files at any step; another unit may only read it.
      const staffMay = isStaff(actor) && mayReadInternal(actor, loaded.row, loaded.coDepartmentIds);
      if (!staffMay && !(loaded.hasToken && loaded.row.status === 'submitted')) {
        throw new AppError(
          actor.kind === 'anonymous' && !loaded.hasToken ? 'unauthenticated' : 'forbidden',
          'you may not add files to this item',
        );
      }
      const written = await writeStream(file.stream);
      const type = sniff(written.head);
      if (!type || written.size === 0) {
        fs.rmSync(written.tmp, { force: true });
        throw new AppError(
          'unsupported_media_type',
          say(
            `只接受以下文件类型：${ALLOWED_TYPES.join('、')}`,
            `only these file types are accepted: ${ALLOWED_TYPES.join(', ')}`,
          ),
        );
      }
      // What is stored is the re-encoded photo (or the checked PDF), not the bytes as sent.
      const stored = await cleanUpload(written.tmp, type).catch((err) => {
        fs.rmSync(written.tmp, { force: true });
        throw err;
      });
      const now = opts.clock();
      const key = path.posix.join(
        String(now.getUTCFullYear()),
        `${crypto.randomBytes(16).toString('hex')}.${type.ext}`,
      );
      await store.put(key, written.tmp);
      try {
        const id = await insertAttachment(db, {
          problem_id: loaded.row.id,
          event_id: null,
          kind: type.kind,
          filename: safeFilename(file.filename, type.ext),
          mime: type.mime,
          size: stored.size,
          sha256: stored.sha256,
          storage_key: key,
          // A reporter's photos are part of the public report itself; a staff upload stays private
          // (the item's units and the uploader) until an action links it to a public event.
          is_public: staffMay ? 0 : 1,
          uploaded_by: actor.id,
          created_at: now.toISOString(),
        });
        return {
          id,
          filename: safeFilename(file.filename, type.ext),
          mime: type.mime,
          size: stored.size,
          kind: type.kind,
          url: `/api/v1/attachments/${id}`,
        };
      } catch (err) {
        await store.remove(key);
        throw err;
      }
    },
    /** The file and its metadata, if the actor may read the item it belongs to. */
    async open(actor: Actor, id: number, token?: string) {
      const a = await findAttachment(db, id);
      if (!a) throw notFound('attachment', id);
      const problem = await db
        .selectFrom('problems')
        .select('code')
        .where('id', '=', a.problem_id)
        .executeTakeFirstOrThrow();
      const loaded = await opts.problems.load(db, actor, problem.code, token).catch(() => {
        throw notFound('attachment', id);
      });
      // Not yet public: only the uploader and staff who may read the item's internal record. Other
      // callers get the answer an unknown id gets, so private files cannot be told from none.
      const mayPrivate =
        (isStaff(actor) && mayReadInternal(actor, loaded.row, loaded.coDepartmentIds)) ||
        (actor.id !== null && a.uploaded_by === actor.id);
      if (a.is_public !== 1 && !mayPrivate) throw notFound('attachment', id);
      const stream = await store.open(a.storage_key).catch(() => {
        throw notFound('attachment', id);
      });
      return { meta: a, stream };
    },
  };
}
