import type { Db } from '../db/database.js';
import type { UserTable } from '../db/schema.js';
import type { Selectable } from 'kysely';

export type UserRow = Selectable<UserTable>;

export const findUserById = (db: Db, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
export const listUsers = (db: Db) => db.selectFrom('users').selectAll().orderBy('id').execute();

export async function insertUser(
  db: Db,
  row: Omit<UserTable, 'id' | 'failed_logins' | 'locked_until' | 'active'> & { active?: number },
) {
  const r = await db
    .insertInto('users')
    .values({ active: 1, failed_logins: 0, locked_until: null, ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUser(db: Db, id: number, patch: Partial<Omit<UserTable, 'id'>>) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertSession(
  db: Db,
  s: { id: string; user_id: number; created_at: string; expires_at: string },
) {
  await db.insertInto('sessions').values(s).execute();
}

export async function findSessionUser(db: Db, sessionId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

export const deleteSession = (db: Db, sessionId: string) =>
  db.deleteFrom('sessions').where('id', '=', sessionId).execute();
export const deleteUserSessions = (db: Db, userId: number) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).execute();

export const listApiKeys = (db: Db) => db.selectFrom('api_keys').selectAll().orderBy('id').execute();
export const findApiKeyByHash = (db: Db, hash: string) =>
  db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
export async function insertApiKey(
  db: Db,
  row: {
    name: string;
    prefix: string;
    key_hash: string;
    role: string;
    department_id: number | null;
    created_by: number | null;
    created_at: string;
  },
) {
  const r = await db
    .insertInto('api_keys')
    .values({ ...row, revoked_at: null, last_used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export const revokeApiKey = (db: Db, id: number, at: string) =>
  db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
