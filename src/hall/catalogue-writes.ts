import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import { appendHallEvent } from './hall-audit.js';
import * as repo from './matter.repository.js';
import type { VersionInputT } from './matter.schema.js';

/**
 * The catalogue's writes inside a caller's transaction, shared by the API (one matter at a time)
 * and the sheet import (a whole catalogue in one transaction, or nothing).
 */
export function mayEdit(actor: Actor, departmentId: number): boolean {
  return actor.role === 'admin' || (actor.role === 'department' && actor.departmentScope.includes(departmentId));
}

export async function checkVersionInput(trx: Db, input: VersionInputT) {
  if (input.promisedDays > input.statutoryDays)
    throw new AppError(
      'validation_failed',
      say('承诺时限不能长于法定时限', 'promised days exceed the statutory days'),
      {
        field: 'promisedDays',
      },
    );
  const names = input.materials.map((m) => m.name.trim());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup)
    throw new AppError('validation_failed', say(`材料“${dup}”重复`, `the material "${dup}" is listed twice`), {
      field: 'materials',
    });
  const dept = await trx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', '=', input.departmentId)
    .executeTakeFirst();
  if (!dept)
    throw new AppError(
      'validation_failed',
      say(`部门 ${input.departmentId} 不存在`, `department ${input.departmentId} does not exist`),
      {
        field: 'departmentId',
      },
    );
  return dept;
}

/**
 * The matter's draft holds `input` afterwards: a new matter (v1), a new version after the
 * published ones, or the existing draft edited. Returns whether the matter was new.
 */
export async function writeDraft(
  trx: Db,
  actor: Actor,
  code: string,
  input: VersionInputT,
  now: string,
  opts: { create: 'allow' | 'require' | 'forbid' },
): Promise<{ created: boolean; version: number }> {
  const dept = await checkVersionInput(trx, input);
  if (!mayEdit(actor, input.departmentId))
    throw new AppError(
      'forbidden',
      say('部门人员只能编辑本部门的事项', 'department staff edit matters of their own department only'),
    );
  const m = await trx.selectFrom('hall_matters').selectAll().where('code', '=', code).executeTakeFirst();
  if (m && opts.create === 'require')
    throw new AppError('conflict', say(`事项编码 ${code} 已存在`, `the matter code ${code} is taken`), {
      field: 'code',
    });
  if (!m && opts.create === 'forbid') throw notFound('matter', code);
  const matterId =
    m?.id ??
    (
      await trx
        .insertInto('hall_matters')
        .values({ code, department_id: input.departmentId, created_by: actor.id, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const versions = m ? await repo.versionsOf(trx, m.id) : [];
  if (versions.length && !mayEdit(actor, versions.at(-1)!.department_id))
    throw new AppError('forbidden', say('不是本部门的事项', 'not a matter of your department'));
  const draft = versions.find((v) => v.status === 'draft');
  let versionId: number;
  let version: number;
  if (draft) {
    versionId = draft.id;
    version = draft.version;
    await trx
      .updateTable('hall_matter_versions')
      .set({ ...repo.versionRow(input), updated_at: now, updated_by: actor.id })
      .where('id', '=', draft.id)
      .execute();
  } else {
    version = (versions.at(-1)?.version ?? 0) + 1;
    versionId = (
      await trx
        .insertInto('hall_matter_versions')
        .values({
          matter_id: matterId,
          version,
          status: 'draft',
          ...repo.versionRow(input),
          effective_from: null,
          effective_to: null,
          published_at: null,
          published_by: null,
          created_at: now,
          updated_at: now,
          updated_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await repo.writeVersionParts(trx, versionId, input, { code, departmentName: dept.name });
  await appendHallEvent(trx, {
    matterId,
    action: !m ? 'matter_created' : draft ? 'draft_edited' : 'draft_started',
    actor,
    fromState: draft ? 'draft' : null,
    toState: 'draft',
    payload: { code, name: input.name, version, materials: input.materials.length },
    isPublic: false,
    createdAt: now,
  });
  return { created: !m, version };
}

/** Publishes the draft from `from`; the version in force until then is replaced from that day. */
export async function publishDraft(trx: Db, actor: Actor, code: string, from: string, today: string, now: string) {
  if (from < today)
    throw new AppError(
      'validation_failed',
      say('新版本的生效日期不能早于今天', 'a version cannot take effect in the past'),
      { field: 'effectiveFrom' },
    );
  const m = await trx.selectFrom('hall_matters').selectAll().where('code', '=', code).executeTakeFirst();
  if (!m) throw notFound('matter', code);
  const versions = await repo.versionsOf(trx, m.id);
  const draft = versions.find((v) => v.status === 'draft');
  if (!draft) throw new AppError('conflict', say('该事项没有可发布的草稿', 'the matter has no draft to publish'));
  const open = versions.find((v) => v.status === 'published' && v.effective_to === null);
  if (open && open.effective_from !== null && open.effective_from >= from)
    throw new AppError(
      'conflict',
      say(
        `v${open.version} 于 ${open.effective_from} 生效；请选择更晚的发布日期`,
        `v${open.version} takes effect on ${open.effective_from}; publish from a later date`,
      ),
      {
        field: 'effectiveFrom',
      },
    );
  if (open)
    await trx
      .updateTable('hall_matter_versions')
      .set({ effective_to: repo.dayBefore(from), updated_at: now })
      .where('id', '=', open.id)
      .execute();
  await trx
    .updateTable('hall_matter_versions')
    .set({ status: 'published', effective_from: from, published_at: now, published_by: actor.id, updated_at: now })
    .where('id', '=', draft.id)
    .execute();
  await appendHallEvent(trx, {
    matterId: m.id,
    action: 'published',
    actor,
    fromState: 'draft',
    toState: 'published',
    payload: { code, version: draft.version, effectiveFrom: from, replaces: open?.version ?? null },
    isPublic: true,
    createdAt: now,
  });
}
