import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { s3Client, type S3Settings } from '../attachments/s3-client.js';

/** Objects moved at once: a bucket across a network answers each request in tens of milliseconds. */
const PARALLEL = 8;

async function eachAtOnce<T>(items: AsyncIterable<T> | Iterable<T>, work: (item: T) => Promise<void>): Promise<void> {
  const it = (
    Symbol.asyncIterator in items
      ? items
      : (async function* () {
          yield* items;
        })()
  )[Symbol.asyncIterator]();
  const worker = async () => {
    for (let next = await it.next(); !next.done; next = await it.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** Where key lands under dir, or null for a key that would leave it (`..`) or names a folder. */
function placeIn(dir: string, key: string): string | null {
  const file = path.resolve(dir, key);
  return key.endsWith('/') || !file.startsWith(path.resolve(dir) + path.sep) ? null : file;
}

/**
 * `qingdan backup` with QINGDAN_ATTACHMENTS=s3: every object of the bucket into dir/<key>. Keys
 * are random and objects never change, so one already in dir (an earlier run) is not fetched again,
 * and one taken after the database snapshot is merely unreferenced.
 */
export async function downloadObjects(settings: S3Settings, dir: string): Promise<number> {
  const client = s3Client(settings);
  let n = 0;
  await eachAtOnce(client.list(), async (key) => {
    const file = placeIn(dir, key);
    if (!file) return;
    n++;
    if (fs.existsSync(file)) return;
    const body = await client.get(key);
    if (!body) return void n--; // removed since the listing
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const part = `${file}.part`;
    await pipeline(body, fs.createWriteStream(part));
    fs.renameSync(part, file);
  });
  return n;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && !e.name.startsWith('.upload-') && !e.name.endsWith('.part'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** `qingdan restore` with QINGDAN_ATTACHMENTS=s3: each file of the backup's attachments back as an object. */
export async function uploadObjects(settings: S3Settings, dir: string): Promise<number> {
  const client = s3Client(settings);
  const keys = filesUnder(dir);
  await eachAtOnce(keys, (key) => client.put(key, path.join(dir, key)));
  return keys.length;
}
