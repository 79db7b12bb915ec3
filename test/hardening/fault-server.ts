import { seedReference } from '../../src/demo/demo-seed.js';
import { digest, hashPassword, randomToken } from '../../src/auth/secrets.js';
import { startQingdan, type ServerProcess } from '../../bench/lib/server-process.js';
import type { TestDatabase } from '../helpers/test-db.js';

/**
 * Shared set-up for fault tests: the real server as a child process on a test database with the
 * reference data and an administrator's API key, so a fault that kills the process is seen as
 * the process dying (in-process, vitest would only report an unhandled error).
 */
export interface FaultServer {
  server: ServerProcess;
  adminKey: string;
  departments: Record<string, number>;
  env: Record<string, string>;
}

export async function seedAdminKey(
  tdb: TestDatabase,
): Promise<{ adminKey: string; departments: Record<string, number> }> {
  const ids = await seedReference(tdb.db);
  const adminKey = randomToken('qdk_');
  const now = new Date().toISOString();
  await tdb.db
    .insertInto('users')
    .values({
      username: 'admin',
      display_name: '管理员',
      password_hash: await hashPassword('fault-test-pw'),
      role: 'admin',
      department_id: null,
      email: null,
      phone: null,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
    })
    .execute();
  await tdb.db
    .insertInto('api_keys')
    .values({
      name: 'fault',
      prefix: adminKey.slice(0, 10),
      key_hash: digest(adminKey),
      role: 'admin',
      department_id: null,
      created_by: null,
      created_at: now,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { adminKey, departments: ids.departments };
}

/** The server's PostgreSQL sessions carry this name, so a test can terminate exactly them. */
export const SERVER_APP_NAME = 'qingdan_fault_server';

export async function startFaultServer(tdb: TestDatabase, extraEnv: Record<string, string> = {}): Promise<FaultServer> {
  const { adminKey, departments } = await seedAdminKey(tdb);
  let databaseUrl = tdb.databaseUrl ?? '';
  if (databaseUrl) {
    const u = new URL(databaseUrl);
    u.searchParams.set('application_name', SERVER_APP_NAME);
    databaseUrl = u.toString();
  }
  const env = {
    QINGDAN_DATA_DIR: tdb.dataDir,
    DATABASE_URL: databaseUrl,
    QINGDAN_PUBLIC_SUBMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
    ...extraEnv,
  };
  return { server: await startQingdan(env), adminKey, departments, env };
}

/** Whether the child process is still running (no exit code, no fatal signal). */
export function alive(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}
