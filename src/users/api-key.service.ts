import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { digest, randomToken } from '../auth/secrets.js';
import { subtreeIds } from '../reference/reference.repository.js';
import type { Role } from '../lifecycle/lifecycle.js';
import * as repo from './user.repository.js';
import { checkDepartment } from './user.service.js';

function present(k: Awaited<ReturnType<typeof repo.listApiKeys>>[number]) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    role: k.role,
    departmentId: k.department_id,
    createdAt: k.created_at,
    revokedAt: k.revoked_at,
  };
}

export function apiKeyService(db: Db, clock: () => Date) {
  return {
    list: async () => (await repo.listApiKeys(db)).map(present),
    /** The key is returned once; only its digest is stored. */
    async create(actor: Actor, input: { name: string; role?: string; departmentId?: number | null }) {
      const role = input.role ?? 'public';
      await checkDepartment(db, role, input.departmentId);
      const key = randomToken('qdk_');
      const id = await repo.insertApiKey(db, {
        name: input.name,
        prefix: key.slice(0, 10),
        key_hash: digest(key),
        role,
        department_id: input.departmentId ?? null,
        created_by: actor.id,
        created_at: clock().toISOString(),
      });
      const created = (await repo.listApiKeys(db)).find((k) => k.id === id)!;
      return { apiKey: present(created), key };
    },
    async revoke(id: number) {
      if (!(await repo.listApiKeys(db)).some((k) => k.id === id)) throw notFound('API key', id);
      await repo.revokeApiKey(db, id, clock().toISOString());
    },
    async actorFromKey(key: string): Promise<Actor | null> {
      const row = await repo.findApiKeyByHash(db, digest(key));
      if (!row) return null;
      return {
        kind: 'api_key',
        id: null,
        name: row.name,
        role: row.role as Role,
        departmentId: row.department_id,
        departmentScope: row.department_id ? await subtreeIds(db, 'departments', row.department_id) : [],
        viaCookie: false,
      };
    },
  };
}
