import type { Kernel } from '../../kernel.js';
import type { DemoContext } from '../../feature.js';
import type { Actor } from '../../auth/actor.js';
import { actorForUser } from '../../users/user.service.js';
import type { HallService } from '../hall.service.js';
import { bulkCatalogue } from './demo-catalogue.js';
import { currentOn, materialsOf, versionsQuery, type VersionRow } from '../matter.repository.js';
import { appendHallEvents } from '../hall-audit.js';
import type { CaseState } from '../case-states.js';
import { DEMO_HALL_DEPTS, OLD_ESTATES } from './demo-catalogue-data.js';
import { demoMatters, rng } from './demo-matters.js';
import { writeDemoCases, type DemoCase } from './demo-cases.js';
import { seedDemoRatings } from './demo-ratings.js';

/** The hall's staff in the demo: a window clerk beside 受理中心 王敏, and the real-estate registry. */
const HALL_USERS = [
  { username: 'chuangkou', displayName: '政务服务中心 张丽', role: 'acceptance', dept: null },
  { username: 'budongchan', displayName: '不动产登记中心 黄海', role: 'department', dept: 'nres' },
  { username: 'yibao', displayName: '医保局 何静', role: 'department', dept: 'medins' },
] as const;

const WALK_IN_STATES: [CaseState, number][] = [
  ['issued', 46],
  ['approved', 8],
  ['refused', 4],
  ['reviewing', 12],
  ['accepted', 10],
  ['supplement', 5],
  ['incomplete', 11],
  ['withdrawn', 4],
];

/**
 * The demo hall: the nine departments' catalogue (300+ published matters), a few hundred cases in
 * every state over the last two months, the 1,000+ households of six old estates getting their
 * property certificates as one batch, ratings (bad ones became items, some rectified and called
 * back) and the front desk's free services. Written in bulk: the demo seeds before every browser
 * test file.
 */
export async function seedHallDemo(hall: HallService, k: Kernel, demo: DemoContext): Promise<void> {
  const started = Date.now();
  const rt = hall.rt;
  const r = rng(13);
  const today = rt.today();
  const cal = rt.supervision.store.calendar();
  const deptIds = await ensureDepartments(k);
  const actors = { ...demo.actors, ...(await ensureUsers(k, deptIds)) };
  // The catalogue was published at the start of the year; cases below fall after that.
  const yearStart = `${today.slice(0, 4)}-01-02`;
  const matters = demoMatters(deptIds);
  await k.db
    .transaction()
    .execute((trx) => bulkCatalogue(trx, actors.admin, matters, yearStart, `${yearStart}T01:00:00.000Z`));
  demo.log(`demo: hall catalogue ${matters.length} matters in ${Date.now() - started} ms`);

  const versions = await currentOn(versionsQuery(k.db), today).execute();
  const mats = await materialsOf(
    k.db,
    versions.map((v) => v.id),
  );
  const reviewers: Record<number, Actor> = {
    [deptIds.tax]: actors.shuiwu,
    [deptIds.nres]: actors.budongchan,
    [deptIds.medins]: actors.yibao,
  };
  const clerks = [actors.shouli, actors.chuangkou];
  // The last working days, newest first: the calendar's date arithmetic per case cost a second.
  const workdays = [cal.isWorkingDay(today) ? today : previousWorkingDay(cal, today)];
  while (workdays.length < 80) workdays.push(previousWorkingDay(cal, workdays.at(-1)!));
  const caseOf = (v: VersionRow, state: CaseState, back: number, extra: Partial<DemoCase> = {}): DemoCase => {
    const registeredOn = workdays[back];
    const used = Math.min(
      r.next() < 0.9 ? r.int(0, v.promised_days) : v.promised_days + r.int(1, 3),
      Math.max(0, back - 2),
    );
    return {
      version: v,
      materials: mats.get(v.id) ?? [],
      state,
      registeredOn,
      noticed: state !== 'incomplete' && r.next() < 0.12,
      used,
      clerk: r.pick(clerks),
      reviewer: reviewers[v.department_id] ?? actors.admin,
      window: `A${String(r.int(1, 12)).padStart(2, '0')}`,
      ...extra,
    };
  };

  const cases: DemoCase[] = [];
  const bag = WALK_IN_STATES.flatMap(([s, n]) => Array<CaseState>(n).fill(s));
  for (let i = 0; i < 260; i++) {
    const state = r.pick(bag);
    // Running cases are recent (a few overdue); finished ones spread over two months.
    const back = ['issued', 'approved', 'refused', 'withdrawn'].includes(state) ? r.int(4, 45) : r.int(0, 12);
    cases.push(caseOf(r.pick(versions), state, back));
  }
  const legacy = versions.find((v) => v.name.startsWith('不动产首次登记（历史遗留专项）'))!;
  OLD_ESTATES.forEach((estate, e) => {
    for (let h = 0; h < estate.households; h++) {
      const back = 30 - e * 4 - (h % 3);
      const state: CaseState = e >= 5 && h % 2 ? 'reviewing' : e >= 4 && h % 5 === 0 ? 'approved' : 'issued';
      cases.push(
        caseOf(legacy, state, back, {
          noticed: false,
          used: Math.min(legacy.promised_days, 4),
          batch: `${estate.name}历史遗留办证`,
          window: 'B01',
          address: h % 4 === 0 ? `荆州市沙市区${estate.name}${1 + (h % 12)}栋` : undefined,
        }),
      );
    }
  });
  const written = await k.db.transaction().execute(async (trx) => {
    const scoped = { ...rt, db: trx };
    const w = await writeDemoCases(scoped, cases, r, today);
    await appendHallEvents(trx, w.events);
    return w;
  });
  demo.log(`demo: hall ${cases.length} cases (${OLD_ESTATES.length} estates' batch) in ${Date.now() - started} ms`);
  await seedDemoRatings(hall, k, demo, { cases: written.ids, actors, r });
  demo.log(`demo: hall seeded in ${Date.now() - started} ms`);
}

function previousWorkingDay(cal: { isWorkingDay(d: string): boolean }, date: string): string {
  let d = new Date(`${date}T00:00:00Z`);
  do d = new Date(d.getTime() - 86_400_000);
  while (!cal.isWorkingDay(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

/** The nine departments the seed names; those the core demo lacks are added. */
async function ensureDepartments(k: Kernel): Promise<Record<string, number>> {
  const existing = await k.db.selectFrom('departments').select(['id', 'code', 'sort']).execute();
  const ids: Record<string, number> = Object.fromEntries(existing.map((d) => [d.code, d.id]));
  let sort = Math.max(0, ...existing.map((d) => d.sort));
  for (const d of DEMO_HALL_DEPTS) {
    if (ids[d.code]) continue;
    ids[d.code] = (
      await k.db
        .insertInto('departments')
        .values({ code: d.code, name: d.name, name_en: d.nameEn, kind: 'bureau', parent_id: null, sort: ++sort })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  return ids;
}

async function ensureUsers(k: Kernel, deptIds: Record<string, number>): Promise<Record<string, Actor>> {
  const template = await k.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'shouli')
    .executeTakeFirstOrThrow();
  const out: Record<string, Actor> = {};
  for (const u of HALL_USERS) {
    let row = await k.db.selectFrom('users').selectAll().where('username', '=', u.username).executeTakeFirst();
    if (!row) {
      await k.db
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          // The demo password of every account.
          password_hash: template.password_hash,
          role: u.role,
          department_id: u.dept ? deptIds[u.dept] : null,
          email: `${u.username}@demo.qingdan.local`,
          phone: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: template.created_at,
        })
        .execute();
      row = await k.db.selectFrom('users').selectAll().where('username', '=', u.username).executeTakeFirstOrThrow();
    }
    out[u.username] = await actorForUser(k.db, row, 'key');
  }
  return out;
}
