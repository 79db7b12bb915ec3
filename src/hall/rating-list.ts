import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { RatingListQueryT } from './application.schema.js';

/** Ratings for the offices that act on them; department staff see their own department's. */
export async function listRatings(db: Db, actor: Actor, q: RatingListQueryT) {
  let departmentIds = q.departmentId ? [q.departmentId] : undefined;
  if (actor.role === 'department')
    departmentIds = (departmentIds ?? actor.departmentScope).filter((d) => actor.departmentScope.includes(d));
  const base = db
    .selectFrom('hall_ratings as r')
    .leftJoin('hall_applications as a', 'a.id', 'r.application_id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('problems as p', 'p.id', 'r.problem_id')
    .$if(q.level !== undefined, (x) => x.where('r.level', '=', q.level!))
    .$if(q.bad !== undefined, (x) => x.where('r.level', q.bad ? '<=' : '>', 2))
    .$if(departmentIds !== undefined, (x) =>
      x.where('r.department_id', 'in', departmentIds!.length ? departmentIds! : [-1]),
    )
    .$if(q.from !== undefined, (x) => x.where('r.rated_on', '>=', q.from!))
    .$if(q.to !== undefined, (x) => x.where('r.rated_on', '<=', q.to!));
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const [rows, count] = await Promise.all([
    base
      .select([
        'r.id',
        'r.level',
        'r.reasons',
        'r.comment',
        'r.channel',
        'r.window_code',
        'r.rated_on',
        'r.created_at',
        'r.department_id',
        'd.name as department_name',
        'a.number',
        'p.code',
        'p.status',
        'p.deadline',
      ])
      .orderBy('r.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseNumber: r.number,
      window: r.window_code,
      department: r.department_id !== null ? { id: r.department_id, name: r.department_name ?? '' } : null,
      level: r.level,
      reasons: JSON.parse(r.reasons) as string[],
      comment: r.comment,
      channel: r.channel,
      ratedOn: r.rated_on,
      createdAt: r.created_at,
      problemCode: r.code,
      problemStatus: r.status,
      problemDeadline: r.deadline,
    })),
    total,
    nextOffset: offset + limit < total ? offset + limit : null,
  };
}
