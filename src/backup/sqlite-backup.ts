import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/**
 * SQLite's online backup API, through better-sqlite3. After the first step, the rest is copied in
 * one step: a step reads one consistent snapshot (WAL lets the server keep writing meanwhile), and
 * a backup taken in many small steps would start over each time the server commits.
 */
async function copyOnline(from: string, to: string, readonly: boolean): Promise<void> {
  const source = new SqliteDatabase(from, { readonly, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    await source.backup(to, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/** Copies the live database at `live` into the new file `file`, while the server runs. */
export async function sqliteBackup(live: string, file: string): Promise<void> {
  if (!fs.existsSync(live)) throw new Error(`there is no database at ${live}`);
  if (fs.existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  await copyOnline(live, partial, true);
  // The backup file is a plain rollback-journal database: one file, nothing beside it to forget.
  const check = new SqliteDatabase(partial);
  try {
    check.pragma('journal_mode = DELETE');
    const ok = check.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(`the copy failed SQLite's check: ${String(ok)}`);
  } finally {
    check.close();
  }
  fs.renameSync(partial, file);
}

/**
 * Restores `file` into the database at `target` with the same backup API in reverse, which locks
 * the destination properly instead of replacing a file someone may have open.
 */
export async function sqliteRestore(file: string, target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const probe = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const ok = probe.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${file} is damaged: ${String(ok)}`);
  } finally {
    probe.close();
  }
  await copyOnline(file, target, true);
  const db = new SqliteDatabase(target);
  try {
    db.pragma('journal_mode = WAL'); // as the server runs it
  } finally {
    db.close();
  }
}
