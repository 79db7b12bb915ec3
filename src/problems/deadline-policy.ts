/**
 * How a deadline is defaulted when an item is assigned. The supervision feature provides the
 * working-day calendar implementation; this interface keeps problems independent of it.
 */
export interface DeadlinePolicy {
  /** The default deadline ('YYYY-MM-DD') for an item assigned on `fromDate`. */
  defaultDeadline(fromDate: string, tier: string, urgency: string): string;
}

const TIER_DAYS: Record<string, number> = { immediate: 1, enquiry: 1, simple: 5, cross_department: 15, historic: 22 };

/** Weekends-only fallback, used until a calendar is configured. */
export const weekdayPolicy: DeadlinePolicy = {
  defaultDeadline(fromDate, tier) {
    let left = TIER_DAYS[tier] ?? 5;
    const d = new Date(`${fromDate}T00:00:00Z`);
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      const wd = d.getUTCDay();
      if (wd !== 0 && wd !== 6) left--;
    }
    return d.toISOString().slice(0, 10);
  },
};
