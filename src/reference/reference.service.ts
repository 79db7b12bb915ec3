import type { Db } from '../db/database.js';
import { constraintViolation } from '../db/dialect.js';
import { AppError, notFound, say } from '../errors.js';
import type { ReferenceKind } from './reference.schema.js';
import * as repo from './reference.repository.js';

/** Turns a broken uniqueness or reference rule into the error a user understands. */
function translate(kind: ReferenceKind, err: unknown): never {
  const v = constraintViolation(err);
  if (v === 'unique')
    throw new AppError(
      'conflict',
      say(`已存在相同编码的${kind.label}`, `a ${kind.label} with this code already exists`),
    );
  if (v === 'foreign_key')
    throw new AppError(
      'conflict',
      say(
        `该${kind.label}正在使用中，或引用了不存在的记录`,
        `this ${kind.label} is in use or refers to something missing`,
      ),
    );
  throw err;
}

async function checkParent(db: Db, kind: ReferenceKind, id: number | null, parentId: unknown): Promise<void> {
  if (!kind.tree || parentId === undefined || parentId === null) return;
  const all = await db
    .selectFrom(kind.table as 'areas')
    .select(['id', 'parent_id'])
    .execute();
  if (!all.some((r) => r.id === parentId))
    throw new AppError(
      'validation_failed',
      say(`上级${kind.label} ${parentId} 不存在`, `parent ${kind.label} ${parentId} does not exist`),
      { field: 'parentId' },
    );
  if (id !== null && repo.subtreeFrom(all, id).includes(parentId as number)) {
    throw new AppError(
      'validation_failed',
      say(`${kind.label}不能移到自身之下`, `a ${kind.label} cannot be moved under itself`),
      { field: 'parentId' },
    );
  }
}

async function checkDepartment(db: Db, input: Record<string, unknown>): Promise<void> {
  const dep = input.defaultDepartmentId;
  if (dep === undefined || dep === null) return;
  const found = await db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', dep as number)
    .executeTakeFirst();
  if (!found)
    throw new AppError('validation_failed', say(`部门 ${dep} 不存在`, `department ${dep} does not exist`), {
      field: 'defaultDepartmentId',
    });
}

/** `onChange` runs after a committed change (it clears the cached names in reference-names.ts). */
export function referenceService(db: Db, kind: ReferenceKind, onChange: () => void = () => undefined) {
  const changed = <T>(result: T): T => {
    onChange();
    return result;
  };
  return {
    list: () => repo.listReference(db, kind),
    async get(id: number) {
      const rec = await repo.findReference(db, kind, id);
      if (!rec) throw notFound(kind.label, id);
      return rec;
    },
    async create(input: Record<string, unknown>) {
      return changed(
        await db.transaction().execute(async (trx) => {
          await checkParent(trx, kind, null, input.parentId);
          await checkDepartment(trx, input);
          const id = await repo.insertReference(trx, kind, input).catch((e) => translate(kind, e));
          return (await repo.findReference(trx, kind, id))!;
        }),
      );
    },
    async update(id: number, input: Record<string, unknown>) {
      return changed(
        await db.transaction().execute(async (trx) => {
          if (!(await repo.findReference(trx, kind, id))) throw notFound(kind.label, id);
          await checkParent(trx, kind, id, input.parentId);
          await checkDepartment(trx, input);
          await repo.updateReference(trx, kind, id, input).catch((e) => translate(kind, e));
          return (await repo.findReference(trx, kind, id))!;
        }),
      );
    },
    async remove(id: number) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findReference(trx, kind, id))) throw notFound(kind.label, id);
        await repo.deleteReference(trx, kind, id).catch((e) => translate(kind, e));
      });
      onChange();
    },
  };
}

export type ReferenceService = ReturnType<typeof referenceService>;
