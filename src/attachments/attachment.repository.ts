import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AttachmentTable } from '../db/schema.js';
import { AppError, say } from '../errors.js';

export async function insertAttachment(db: Db, row: Insertable<AttachmentTable>): Promise<number> {
  const r = await db.insertInto('attachments').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const findAttachment = (db: Db, id: number) =>
  db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Ties uploaded files to the event (progress report, evidence) they document; a file linked to a
 * public event becomes public with it (issue #16, finding 6), one linked to an internal one stays private.
 */
export async function linkAttachments(
  db: Db,
  problemId: number,
  event: { id: number; isPublic: boolean },
  ids: number[],
): Promise<void> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'problem_id', 'event_id'])
    .where('id', 'in', ids)
    .execute();
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r || r.problem_id !== problemId)
      throw new AppError(
        'validation_failed',
        say(`附件 ${id} 不属于该事项`, `attachment ${id} does not belong to this item`),
        {
          field: 'attachmentIds',
        },
      );
    if (r.event_id !== null)
      throw new AppError('validation_failed', say(`附件 ${id} 已被使用`, `attachment ${id} is already used`), {
        field: 'attachmentIds',
      });
  }
  await db
    .updateTable('attachments')
    .set({ event_id: event.id, is_public: event.isPublic ? 1 : 0 })
    .where('id', 'in', ids)
    .execute();
}

export const attachmentsOfEvents = (db: Db, eventIds: number[]) =>
  eventIds.length
    ? db.selectFrom('attachments').selectAll().where('event_id', 'in', eventIds).execute()
    : Promise.resolve([]);
