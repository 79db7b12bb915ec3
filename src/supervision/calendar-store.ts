import { readFileSync } from 'node:fs';
import type { Db } from '../db/database.js';
import type { DeadlinePolicy } from '../problems/deadline-policy.js';
import { WorkCalendar, type CalendarData, type CalendarDay, type CalendarYear } from './calendar.js';
import {
  defaultDeadline,
  isTier,
  signForDeadline,
  timeLimitConfig,
  type TierLimit,
  type Tier,
  type TimeLimitConfig,
  type TimeLimitOverrides,
  type Urgency,
} from './time-limits.js';

/** The shipped mainland-China calendar (official notices), read once. */
export function shippedCalendarData(): CalendarData {
  return JSON.parse(readFileSync(new URL('./data/cn-holidays.json', import.meta.url), 'utf8')) as CalendarData;
}

/** Problems use normal/urgent/emergency; the time-limit tables speak of emergencies and utilities. */
export function limitUrgency(problemUrgency: string): Urgency {
  return problemUrgency === 'emergency' ? 'emergency' : problemUrgency === 'urgent' ? 'utilities' : 'normal';
}

/** Administrator-edited time limits: tier overrides, per-urgency tier overrides and hour limits. */
export interface TimeLimitSettings extends TimeLimitOverrides {
  /** e.g. { urgent: { simple: { amount: 3, unit: 'working_days' } } }: urgent simple items get 3 days. */
  tiersByUrgency?: Partial<Record<'normal' | 'urgent' | 'emergency', Partial<Record<Tier, TierLimit>>>>;
}

export const TIME_LIMITS_KEY = 'time_limits';

/**
 * The calendar and time limits in memory, so the deadline policy can stay synchronous. Loaded when
 * the app starts, reloaded after every edit on this instance and on each scheduler tick, so edits
 * on another instance arrive within a minute.
 */
export class CalendarStore {
  private cal: WorkCalendar;
  private custom = new Map<number, CalendarYear & { updatedAt: string }>();
  private settings: TimeLimitSettings = {};
  private limitConfig: TimeLimitConfig;
  private readonly shipped = shippedCalendarData();

  constructor(private readonly timezone: string) {
    this.cal = new WorkCalendar(this.shipped);
    this.limitConfig = timeLimitConfig({ timezone });
  }

  async load(db: Db): Promise<void> {
    const [years, setting] = await Promise.all([
      db.selectFrom('calendar_years').selectAll().execute(),
      db.selectFrom('supervision_settings').select('value').where('key', '=', TIME_LIMITS_KEY).executeTakeFirst(),
    ]);
    const custom = new Map<number, CalendarYear & { updatedAt: string }>();
    for (const y of years) {
      custom.set(y.year, {
        source: y.source ?? undefined,
        updatedAt: y.updated_at,
        days_off: JSON.parse(y.days_off) as CalendarDay[],
        adjusted_workdays: JSON.parse(y.adjusted_workdays) as CalendarDay[],
      });
    }
    this.apply(custom, setting ? (JSON.parse(setting.value) as TimeLimitSettings) : {});
  }

  /** Validates before swapping: a bad edit must never leave the instance without a calendar. */
  apply(custom: Map<number, CalendarYear & { updatedAt: string }>, settings: TimeLimitSettings): void {
    const years: Record<string, CalendarYear> = { ...this.shipped.years };
    for (const [y, data] of custom) years[String(y)] = data;
    const cal = new WorkCalendar({ years });
    const limitConfig = timeLimitConfig({ ...settings, timezone: this.timezone });
    this.cal = cal;
    this.custom = custom;
    this.settings = settings;
    this.limitConfig = limitConfig;
  }

  calendar(): WorkCalendar {
    return this.cal;
  }
  limits(): TimeLimitConfig {
    return this.limitConfig;
  }
  timeLimitSettings(): TimeLimitSettings {
    return this.settings;
  }

  /** A year's effective data and where it came from. */
  year(year: number): {
    year: number;
    source: 'custom' | 'shipped' | 'none';
    note: string | null;
    daysOff: CalendarDay[];
    adjustedWorkdays: CalendarDay[];
    updatedAt: string | null;
  } {
    const c = this.custom.get(year);
    const s = this.shipped.years[String(year)];
    const data = c ?? s;
    return {
      year,
      source: c ? 'custom' : s ? 'shipped' : 'none',
      note: data?.source ?? null,
      daysOff: data?.days_off ?? [],
      adjustedWorkdays: data?.adjusted_workdays ?? [],
      updatedAt: c?.updatedAt ?? null,
    };
  }

  years(): number[] {
    return [...new Set([...Object.keys(this.shipped.years).map(Number), ...this.custom.keys()])].sort();
  }

  /** Tier limit for an urgency: the per-urgency override first, then the tier's. */
  tierLimit(tier: Tier, urgency: string): TierLimit {
    const byUrgency = this.settings.tiersByUrgency?.[urgency as 'normal']?.[tier];
    return byUrgency ?? this.limitConfig.tiers[tier];
  }

  deadline(fromDate: string, tier: string, urgency: string): string {
    const t: Tier = isTier(tier) ? tier : 'simple';
    const config: TimeLimitConfig = {
      ...this.limitConfig,
      tiers: { ...this.limitConfig.tiers, [t]: this.tierLimit(t, urgency) },
    };
    return defaultDeadline(this.cal, fromDate, t, limitUrgency(urgency), config);
  }

  signForBy(dispatchedAt: string, urgency: string): string {
    return signForDeadline(this.cal, dispatchedAt, limitUrgency(urgency), this.limitConfig);
  }

  policy(): DeadlinePolicy {
    return { defaultDeadline: (fromDate, tier, urgency) => this.deadline(fromDate, tier, urgency) };
  }
}
