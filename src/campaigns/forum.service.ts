import type { Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { isStaff, requireRole } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { RECORDERS } from './campaign-access.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { FindingInputT, ForumInput, PlainListQuery } from './campaign.schema.js';
import { checkSubjects, createFindings } from './findings.js';
import { itemBriefQuery, presentBrief, readableItems } from './subject.repository.js';

/** Forums (座谈会/调研会): each point raised an item, linked to the enterprise that raised it. */
export function forumService(rt: CampaignRuntime) {
  const db = rt.db;
  const listed = (actor: Actor) => {
    const q = db.selectFrom('cmp_forums as fo');
    return isStaff(actor) ? q : q.where('fo.is_public', '=', 1);
  };
  const withCounts = (q: ReturnType<typeof listed>) =>
    q
      .selectAll('fo')
      .select((eb) =>
        eb
          .selectFrom('cmp_findings as f')
          .whereRef('f.forum_id', '=', 'fo.id')
          .select(eb.fn.countAll().as('n'))
          .as('points'),
      );
  const present = (r: any) => ({
    id: r.id,
    title: r.title,
    host: r.host,
    forumDate: r.forum_date,
    place: r.place,
    attendees: r.attendees,
    minutes: r.minutes,
    isPublic: r.is_public === 1,
    points: Number(r.points ?? 0),
  });

  return {
    async create(actor: Actor, input: Static<typeof ForumInput>) {
      requireRole(actor, RECORDERS);
      if (input.forumDate > rt.today())
        throw new AppError(
          'validation_failed',
          say('座谈会须在举行后记录', 'a forum is recorded after it took place'),
          { field: 'forumDate' },
        );
      return db.transaction().execute(async (trx) => {
        await checkSubjects(trx, input.subjectIds ?? [], 'subjectIds');
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_forums')
          .values({
            title: input.title,
            host: input.host,
            forum_date: input.forumDate,
            place: input.place,
            attendees: input.attendees ?? '',
            minutes: input.minutes ?? '',
            is_public: input.isPublic === false ? 0 : 1,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (input.subjectIds?.length)
          await trx
            .insertInto('cmp_forum_subjects')
            .values(input.subjectIds.map((s) => ({ forum_id: id, subject_id: s })))
            .execute();
        const codes = await createFindings(rt, trx, actor, { forumId: id, foundOn: input.forumDate }, input.points);
        await appendCampaignEvent(trx, {
          entity: 'forum',
          entityId: id,
          action: 'create',
          actor,
          payload: { title: input.title, forumDate: input.forumDate, subjectIds: input.subjectIds ?? [], items: codes },
          createdAt: now,
        });
        return { id, items: codes };
      });
    },

    async addPoints(actor: Actor, forumId: number, points: FindingInputT[]) {
      requireRole(actor, RECORDERS);
      return db.transaction().execute(async (trx) => {
        const f = await trx.selectFrom('cmp_forums').selectAll().where('id', '=', forumId).executeTakeFirst();
        if (!f) throw notFound('forum', forumId);
        const codes = await createFindings(rt, trx, actor, { forumId, foundOn: f.forum_date }, points);
        await appendCampaignEvent(trx, {
          entity: 'forum',
          entityId: forumId,
          action: 'points',
          actor,
          payload: { items: codes },
          createdAt: rt.now().toISOString(),
        });
        return codes;
      });
    },

    async list(actor: Actor, q: Static<typeof PlainListQuery>) {
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const [rows, count] = await Promise.all([
        withCounts(listed(actor))
          .orderBy('fo.forum_date', 'desc')
          .orderBy('fo.id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        listed(actor).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(present), total: Number(count.n), limit, offset };
    },

    /** The forum with what became of each point (the items' states and progress). */
    async get(actor: Actor, id: number) {
      const row = await withCounts(listed(actor).where('fo.id', '=', id)).executeTakeFirst();
      if (!row) throw notFound('forum', id);
      const subjects = await db
        .selectFrom('cmp_forum_subjects as fs')
        .innerJoin('cmp_subjects as s', 's.id', 'fs.subject_id')
        .select(['s.id', 's.name'])
        .where('fs.forum_id', '=', id)
        .orderBy('s.id')
        .execute();
      const items = await readableItems(
        itemBriefQuery(db)
          .innerJoin('cmp_findings as f', 'f.problem_id', 'p.id')
          .leftJoin('cmp_subjects as s', 's.id', 'f.subject_id')
          .select(['f.livelihood', 'f.subject_id', 's.name as subject_name'])
          .where('f.forum_id', '=', id),
        actor,
      )
        .orderBy('p.id')
        .execute();
      return {
        ...present(row),
        subjects,
        items: items.map((r) =>
          presentBrief(r, { livelihood: r.livelihood === 1, subjectId: r.subject_id, subjectName: r.subject_name }),
        ),
      };
    },
  };
}
