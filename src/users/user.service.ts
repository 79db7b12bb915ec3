import type { Db } from '../db/database.js';
import { constraintViolation } from '../db/dialect.js';
import { AppError, notFound, say } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { digest, hashPassword, randomToken, verifyDummyPassword, verifyPassword } from '../auth/secrets.js';
import { subtreeIds } from '../reference/reference.repository.js';
import type { Role } from '../lifecycle/lifecycle.js';
import * as repo from './user.repository.js';
import { clearLoginFailures, takeLoginAttempt } from './login-backoff.js';

export function presentUser(u: repo.UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Exclude<Role, 'public'>,
    departmentId: u.department_id,
    active: u.active === 1,
  };
}

/** A department role needs a department, and a named department must exist (not a foreign-key 500). */
export async function checkDepartment(db: Db, role: string, departmentId: number | null | undefined) {
  if (role === 'department' && !departmentId)
    throw new AppError('validation_failed', say('部门工作人员需要指定部门', 'department staff need a department'), {
      field: 'departmentId',
    });
  if (
    departmentId &&
    !(await db.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst())
  ) {
    throw new AppError(
      'validation_failed',
      say(`部门 ${departmentId} 不存在`, `department ${departmentId} does not exist`),
      { field: 'departmentId' },
    );
  }
}

export async function actorForUser(db: Db, u: repo.UserRow, via: 'cookie' | 'key'): Promise<Actor> {
  return {
    kind: 'user',
    id: u.id,
    name: u.display_name,
    role: u.role as Role,
    departmentId: u.department_id,
    departmentScope: u.department_id ? await subtreeIds(db, 'departments', u.department_id) : [],
    viaCookie: via === 'cookie',
  };
}

export function userService(db: Db, opts: { clock: () => Date; sessionDays: number }) {
  const now = () => opts.clock().toISOString();
  return {
    async list() {
      return (await repo.listUsers(db)).map(presentUser);
    },
    async create(input: {
      username: string;
      displayName: string;
      password: string;
      role: string;
      departmentId?: number | null;
      email?: string | null;
    }) {
      await checkDepartment(db, input.role, input.departmentId);
      const id = await repo
        .insertUser(db, {
          username: input.username,
          display_name: input.displayName,
          password_hash: await hashPassword(input.password),
          role: input.role,
          department_id: input.departmentId ?? null,
          email: input.email ?? null,
          phone: null,
          created_at: now(),
        })
        .catch((e) => {
          if (constraintViolation(e) === 'unique')
            throw new AppError(
              'conflict',
              say(`用户名 ${input.username} 已被占用`, `username ${input.username} is taken`),
            );
          throw e;
        });
      return presentUser((await repo.findUserById(db, id))!);
    },
    async update(
      id: number,
      patch: { displayName?: string; role?: string; departmentId?: number | null; active?: boolean; password?: string },
    ) {
      const user = await repo.findUserById(db, id);
      if (!user) throw notFound('user', id);
      await checkDepartment(
        db,
        patch.role ?? user.role,
        patch.departmentId === undefined ? user.department_id : patch.departmentId,
      );
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, id, {
          ...(patch.displayName !== undefined && { display_name: patch.displayName }),
          ...(patch.role !== undefined && { role: patch.role }),
          ...(patch.departmentId !== undefined && { department_id: patch.departmentId }),
          ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
          ...(patch.password !== undefined && {
            password_hash: await hashPassword(patch.password),
            failed_logins: 0,
            locked_until: null,
          }),
        });
        // A disabled account or a reset password ends every open session.
        if (patch.active === false || patch.password !== undefined) await repo.deleteUserSessions(trx, id);
      });
      return presentUser((await repo.findUserById(db, id))!);
    },
    /**
     * Checks the password, with backoff per account and address after failures (login-backoff.ts);
     * returns a new session id. An unknown or disabled name is counted and answered as a wrong
     * password for a real account is, after as much work.
     */
    async login(username: string, password: string, ip: string) {
      await takeLoginAttempt(db, username, ip, opts.clock().getTime());
      const user = await repo.findUserByUsername(db, username);
      const refused = new AppError('unauthenticated', '用户名或密码错误 / wrong username or password');
      if (user?.active !== 1) {
        await verifyDummyPassword(password);
        throw refused;
      }
      if (!(await verifyPassword(password, user.password_hash))) throw refused;
      await clearLoginFailures(db, username, ip);
      const sessionId = randomToken();
      await db.transaction().execute(async (trx) => {
        await repo.insertSession(trx, {
          id: digest(sessionId),
          user_id: user.id,
          created_at: now(),
          expires_at: new Date(opts.clock().getTime() + opts.sessionDays * 86_400_000).toISOString(),
        });
      });
      return { sessionId, user: presentUser(user) };
    },
    logout: (sessionId: string) => repo.deleteSession(db, digest(sessionId)),
    async actorFromSession(sessionId: string): Promise<Actor | null> {
      const user = await repo.findSessionUser(db, digest(sessionId), now());
      return user ? actorForUser(db, user, 'cookie') : null;
    },
    /** A new password also ends the account's other sessions: a stolen session must not outlive it. */
    async changePassword(actor: Actor, current: string, next: string, keepSessionId?: string) {
      const user = actor.id ? await repo.findUserById(db, actor.id) : undefined;
      if (!user) throw new AppError('unauthenticated', say('请先登录', 'please sign in'));
      if (!(await verifyPassword(current, user.password_hash)))
        throw new AppError('forbidden', say('当前密码不正确', 'the current password is wrong'));
      const hash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, user.id, { password_hash: hash });
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', user.id)
          .$if(keepSessionId !== undefined, (q) => q.where('id', '!=', digest(keepSessionId!)))
          .execute();
      });
    },
    me: async (actor: Actor) => (actor.id ? presentUser((await repo.findUserById(db, actor.id))!) : null),
  };
}
