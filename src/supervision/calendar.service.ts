import type { Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import { WorkCalendar, type CalendarDay } from './calendar.js';
import { isTier, isUrgency, timeLimitConfig } from './time-limits.js';
import { TIME_LIMITS_KEY, type TimeLimitSettings } from './calendar-store.js';
import type { SupervisionRuntime } from './runtime.js';
import { bumpSettingsVersion } from '../ops/settings-watch.js';

export interface YearInput {
  daysOff: CalendarDay[];
  adjustedWorkdays: CalendarDay[];
  source?: string;
}

function checkYear(year: number, input: YearInput): void {
  for (const [field, days] of [
    ['daysOff', input.daysOff],
    ['adjustedWorkdays', input.adjustedWorkdays],
  ] as const) {
    days.forEach((d, i) => {
      if (!d.date.startsWith(`${year}-`))
        throw new AppError(
          'validation_failed',
          say(`${field}[${i}] ${d.date} 不在 ${year} 年内`, `${field}[${i}] ${d.date} is not in ${year}`),
          {
            field: `${field}/${i}/date`,
          },
        );
    });
  }
  // The calendar's own checks: real dates, no day both off and a workday.
  new WorkCalendar({ years: { [year]: { days_off: input.daysOff, adjusted_workdays: input.adjustedWorkdays } } });
}

/** The per-year working-day calendar and the time limits, as administrators edit them. */
export function calendarService(rt: SupervisionRuntime) {
  const db = rt.db;
  return {
    years: () =>
      rt.store.years().map((y) => {
        const v = rt.store.year(y);
        return { year: y, source: v.source, note: v.note, updatedAt: v.updatedAt };
      }),
    year: (year: number) => rt.store.year(year),

    async putYear(actor: Actor, year: number, input: YearInput) {
      checkYear(year, input);
      const now = rt.now().toISOString();
      const row = {
        days_off: JSON.stringify(input.daysOff),
        adjusted_workdays: JSON.stringify(input.adjustedWorkdays),
        source: input.source ?? null,
        updated_by: actor.id,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('calendar_years')
          .values({ year, ...row })
          .onConflict((oc) => oc.column('year').doUpdateSet(row))
          .execute();
        await bumpSettingsVersion(trx);
      });
      await rt.store.load(db);
      return rt.store.year(year);
    },

    /** Drops an administrator's edit, so the year falls back to the shipped data (if any). */
    async deleteYear(year: number) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('calendar_years').where('year', '=', year).execute();
        await bumpSettingsVersion(trx);
      });
      await rt.store.load(db);
      return rt.store.year(year);
    },

    workingDays(q: { from: string; days?: number; to?: string }) {
      const cal = rt.store.calendar();
      const year = Number(q.from.slice(0, 4));
      const result: {
        from: string;
        date?: string;
        workingDays?: number;
        isWorkingDay: boolean;
        dayName: string | null;
        calendarKnown: boolean;
      } = {
        from: q.from,
        isWorkingDay: cal.isWorkingDay(q.from),
        dayName: cal.dayName(q.from),
        calendarKnown: cal.hasYear(year),
      };
      if (q.days !== undefined) result.date = cal.addWorkingDays(q.from, q.days);
      if (q.to !== undefined) result.workingDays = cal.workingDaysBetween(q.from, q.to);
      return result;
    },

    timeLimits() {
      return {
        effective: { ...rt.store.limits(), tiersByUrgency: rt.store.timeLimitSettings().tiersByUrgency ?? {} },
        overrides: rt.store.timeLimitSettings(),
      };
    },

    async putTimeLimits(actor: Actor, input: TimeLimitSettings) {
      const tierMaps = [input.tiers ?? {}, ...Object.values(input.tiersByUrgency ?? {})];
      for (const m of tierMaps)
        for (const t of Object.keys(m ?? {}))
          if (!isTier(t))
            throw new AppError('validation_failed', say(`未知的时限档次“${t}”`, `unknown tier "${t}"`), {
              field: 'tiers',
            });
      for (const u of Object.keys(input.dispatchHours ?? {}))
        if (!isUrgency(u))
          throw new AppError('validation_failed', say(`未知的紧急程度“${u}”`, `unknown urgency "${u}"`), {
            field: 'dispatchHours',
          });
      timeLimitConfig(input);
      const now = rt.now().toISOString();
      const row = { value: JSON.stringify(input), updated_by: actor.id, updated_at: now };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('supervision_settings')
          .values({ key: TIME_LIMITS_KEY, ...row })
          .onConflict((oc) => oc.column('key').doUpdateSet(row))
          .execute();
        // Other instances reload their caches on their next request (src/ops/settings-watch.ts).
        await bumpSettingsVersion(trx);
      });
      await rt.store.load(db);
      return this.timeLimits();
    },

    deadlinePreview(q: { from?: string; tier: string; urgency?: string }) {
      const from = q.from ?? rt.today();
      if (!isTier(q.tier))
        throw new AppError('validation_failed', say(`未知的时限档次“${q.tier}”`, `unknown tier "${q.tier}"`), {
          field: 'tier',
        });
      return {
        from,
        tier: q.tier,
        urgency: q.urgency ?? 'normal',
        deadline: rt.store.deadline(from, q.tier, q.urgency ?? 'normal'),
      };
    },
  };
}
