import type { Db } from '../db/database.js';
import type { HallRuntime } from './hall-runtime.js';
import { casesQuery, filtered, type CaseFilter } from './application.repository.js';
import { savedBetween } from './free-services.js';
import { RECTIFIED_STATES } from '../lifecycle/lifecycle.js';

/**
 * The hall's figures. Every count is the list's own filter (application.repository `filtered`)
 * grouped, so a figure and the list it links to always agree: cases by matter, department,
 * window and clerk; on-time rate and mean working days of decided cases against the promised
 * days; the one-time-notice rate (cases whose applicant had to come back); ratings by level and
 * the rectification rate of bad ones.
 */
const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
const mean = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);

async function grouped(db: Db, f: CaseFilter, key: 'm.code' | 'a.department_id' | 'a.window_code' | 'a.clerk_id') {
  const name =
    key === 'm.code' ? 'v.name' : key === 'a.department_id' ? 'd.name' : key === 'a.clerk_id' ? 'a.clerk_name' : key;
  return filtered(casesQuery(db), f)
    .clearSelect()
    .select([
      `${key} as key`,
      (eb) => eb.fn.max(name as 'v.name').as('name'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(key)
    .orderBy('n', 'desc')
    .execute();
}

export async function caseTotals(db: Db, f: CaseFilter) {
  const r = await filtered(casesQuery(db), f)
    .clearSelect()
    .select((eb) => [
      eb.fn.countAll<number | string>().as('cases'),
      eb.fn.count<number | string>('a.decided_on').as('decided'),
      eb.fn.sum<number | string>(eb.case().when('a.on_time', '=', 1).then(1).else(0).end()).as('on_time'),
      eb.fn.sum<number | string>('a.working_days_used').as('days'),
      eb.fn
        .sum<number | string>(
          eb.case().when('a.decided_on', 'is not', null).then(eb.ref('a.promised_days')).else(0).end(),
        )
        .as('promised'),
      eb.fn.sum<number | string>(eb.case().when('a.notice_count', '>', 0).then(1).else(0).end()).as('noticed'),
    ])
    .executeTakeFirstOrThrow();
  const cases = Number(r.cases);
  const decided = Number(r.decided);
  const onTime = Number(r.on_time ?? 0);
  const noticed = Number(r.noticed ?? 0);
  return {
    cases,
    decided,
    onTime,
    onTimeRate: rate(onTime, decided),
    meanWorkingDays: mean(Number(r.days ?? 0), decided),
    meanPromisedDays: mean(Number(r.promised ?? 0), decided),
    noticed,
    noticeRate: rate(noticed, cases),
  };
}

/** Ratings given between two dates (of cases and window visits), by level, and their bad ones' fate. */
export async function ratingTotals(db: Db, f: { from?: string; to?: string; departmentIds?: number[] }) {
  const rows = await db
    .selectFrom('hall_ratings as r')
    .leftJoin('problems as p', 'p.id', 'r.problem_id')
    .select(['r.level', 'p.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .$if(f.from !== undefined, (q) => q.where('r.rated_on', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('r.rated_on', '<=', f.to!))
    .$if(f.departmentIds !== undefined, (q) =>
      q.where('r.department_id', 'in', f.departmentIds!.length ? f.departmentIds! : [-1]),
    )
    .groupBy(['r.level', 'p.status'])
    .execute();
  const distribution: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let bad = 0;
  let rectified = 0;
  for (const r of rows) {
    distribution[String(r.level)] += Number(r.n);
    if (r.level <= 2) {
      bad += Number(r.n);
      if (r.status && (RECTIFIED_STATES as string[]).includes(r.status)) rectified += Number(r.n);
    }
  }
  const total = Object.values(distribution).reduce((a, b) => a + b, 0);
  return {
    total,
    distribution,
    satisfied: distribution['5'] + distribution['4'] + distribution['3'],
    bad,
    badRectified: rectified,
    rectificationRate: rate(rectified, bad),
  };
}

export async function hallStats(rt: HallRuntime, f: CaseFilter, opts: { withClerks: boolean }) {
  const [totals, byMatter, byDepartment, byWindow, byClerk, ratings] = await Promise.all([
    caseTotals(rt.db, f),
    grouped(rt.db, f, 'm.code'),
    grouped(rt.db, f, 'a.department_id'),
    grouped(rt.db, f, 'a.window_code'),
    opts.withClerks ? grouped(rt.db, f, 'a.clerk_id') : Promise.resolve([]),
    ratingTotals(rt.db, { from: f.from, to: f.to, departmentIds: f.departmentIds }),
  ]);
  const list = (rows: Awaited<ReturnType<typeof grouped>>) =>
    rows.map((r) => ({ key: String(r.key ?? ''), name: String(r.name ?? r.key ?? ''), count: Number(r.n) }));
  return {
    from: f.from ?? null,
    to: f.to ?? null,
    totals,
    byMatter: list(byMatter),
    byDepartment: list(byDepartment),
    byWindow: list(byWindow),
    byClerk: list(byClerk),
    ratings,
    freeServices: await savedBetween(rt.db, f.from ?? '0000-01-01', f.to ?? '9999-12-31'),
  };
}

/** A month of the hall per department, for the monthly settlement (frozen with it when settled). */
export async function hallMonth(rt: HallRuntime, window: { firstDay: string; lastDay: string }) {
  const base: CaseFilter = { from: window.firstDay, to: window.lastDay, today: rt.today() };
  const departments = await rt.db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('hall_applications as a').select('a.id').whereRef('a.department_id', '=', 'departments.id'),
        ),
        eb.exists(eb.selectFrom('hall_ratings as r').select('r.id').whereRef('r.department_id', '=', 'departments.id')),
      ]),
    )
    .orderBy('sort')
    .orderBy('id')
    .execute();
  const rows = [];
  for (const d of departments) {
    const f = { ...base, departmentIds: [d.id] };
    rows.push({ id: d.id, name: d.name, ...(await caseTotals(rt.db, f)), ratings: await ratingTotals(rt.db, f) });
  }
  return {
    firstDay: window.firstDay,
    lastDay: window.lastDay,
    departments: rows,
    totals: { ...(await caseTotals(rt.db, base)), ratings: await ratingTotals(rt.db, base) },
    freeServices: await savedBetween(rt.db, window.firstDay, window.lastDay),
  };
}
