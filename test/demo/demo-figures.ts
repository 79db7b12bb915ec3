import type { Db } from '../../src/db/database.js';
import { OVERDUE_STATES } from '../../src/problems/problem-list.repository.js';
import { DEMO_AREAS } from '../../src/demo/demo-reference.js';
import { DEMO_BOUNDARIES } from '../../src/residents/demo-map.js';
import { contains } from '../../src/residents/geo.js';
import { localDate } from '../../src/shared/time.js';
import { mostCommented } from '../../src/comments/comment.repository.js';
import type { Scorecard } from '../../src/assessment/scorecard.js';

const DAY = 86_400_000;

/** The district whose invented boundary holds an area's items (the city's own go to the centre, 沙市区). */
function districtOf(code: string): string | null {
  if (code === 'jz') return 'jz-ss';
  let a = DEMO_AREAS.find((x) => x.code === code);
  while (a && a.level !== 'district') a = DEMO_AREAS.find((x) => x.code === a!.parent);
  return a?.code ?? null;
}

/**
 * What makes the demo city look real or not, counted from its database: how varied the texts are,
 * how much of the open work is overdue, how long reports wait, what items carry (photos, places,
 * comments) and whether the settled months' response rates agree with their scores.
 */
export async function demoFigures(db: Db, now: Date) {
  const today = localDate(now, 'Asia/Shanghai');
  const items = await db
    .selectFrom('problems')
    .innerJoin('areas', 'areas.id', 'problems.area_id')
    .innerJoin('sources', 'sources.id', 'problems.source_id')
    .select([
      'problems.id',
      'problems.description',
      'problems.status',
      'problems.deadline',
      'problems.created_at',
      'problems.rectified_at',
      'problems.address',
      'problems.lat',
      'problems.lng',
      'problems.is_public',
      'areas.code as area',
      'sources.code as source',
    ])
    .execute();
  const uses = new Map<string, number>();
  for (const i of items) uses.set(i.description, (uses.get(i.description) ?? 0) + 1);
  const open = items.filter((i) => (OVERDUE_STATES as string[]).includes(i.status) && i.deadline);
  const overdue = open.filter((i) => i.deadline! < today);
  const ageDays = (iso: string | null) => (iso ? (now.getTime() - Date.parse(iso)) / DAY : 0);
  const waiting = items.filter((i) => i.status === 'submitted');
  // A campaign's plan items are accepted by its residents' panel, as a whole (src/campaigns).
  const toVerify = items.filter((i) => i.status === 'rectified' && i.source !== 'campaign');
  const located = items.filter((i) => i.lat !== null && i.lng !== null);
  const inside = located.filter((i) => {
    const g = DEMO_BOUNDARIES[districtOf(i.area) ?? ''];
    return g && contains(g, i.lng!, i.lat!);
  });
  const withPhotos = new Set(
    (await db.selectFrom('attachments').select('problem_id').execute()).map((r) => r.problem_id),
  );
  const comments = await db.selectFrom('comments').select(['problem_id', 'kind', 'reply_text']).execute();
  const settled = await db.selectFrom('settlements').select(['month', 'snapshot']).orderBy('month').execute();
  const units = settled.flatMap((s) =>
    (JSON.parse(s.snapshot) as Scorecard).departments
      .filter((d) => d.received >= 5 && d.composite !== null)
      .map((d) => ({
        month: s.month,
        name: d.name,
        received: d.received,
        response: d.responseRate,
        score: d.composite,
      })),
  );
  const levels = await db
    .selectFrom('item_supervision')
    .select(['warning_level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('warning_level')
    .execute();
  const maxAge = (xs: typeof items, at: (i: (typeof items)[number]) => string | null) =>
    Math.round(Math.max(0, ...xs.map((i) => ageDays(at(i)))) * 10) / 10;
  return {
    items: items.length,
    distinctDescriptions: uses.size,
    mostRepeated: Math.max(...uses.values()),
    open: open.length,
    overdue: overdue.length,
    overdueShare: open.length ? overdue.length / open.length : 0,
    warnings: Object.fromEntries(levels.map((l) => [l.warning_level, Number(l.n)])),
    awaitingAcceptance: waiting.length,
    oldestAwaitingDays: maxAge(waiting, (i) => i.created_at),
    awaitingVerification: toVerify.length,
    oldestAwaitingVerificationDays: maxAge(toVerify, (i) => i.rectified_at),
    withAddress: items.filter((i) => i.address).length,
    withCoordinates: located.length,
    insideTheirArea: inside.length,
    withPhotos: items.filter((i) => withPhotos.has(i.id)).length,
    photos: (await db.selectFrom('attachments').select('id').execute()).length,
    withComments: new Set(comments.map((c) => c.problem_id)).size,
    comments: comments.filter((c) => c.kind === 'comment').length,
    thanks: comments.filter((c) => c.kind === 'thanks').length,
    replies: comments.filter((c) => c.reply_text).length,
    mostDiscussed: await mostCommented(db, 5),
    units,
  };
}
