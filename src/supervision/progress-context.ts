import type { WorkCalendar } from './calendar.js';
import type { ProgressContext } from './item-progress.js';
import type { SupervisionRuntime } from './runtime.js';

const HOUR_MS = 3_600_000;

/**
 * The local date of an instant, remembered per UTC hour: Intl formatting costs microseconds, and a
 * pass over a million items asks for three or four dates each. An hour whose start and end fall on
 * different local dates (midnight inside it, or a DST change) is answered instant by instant.
 */
function hourlyDateOf(dateOf: (iso: string) => string): (iso: string) => string {
  const hours = new Map<number, string | null>();
  return (iso) => {
    const ms = Date.parse(iso);
    const hour = Math.floor(ms / HOUR_MS);
    let date = hours.get(hour);
    if (date === undefined) {
      const start = dateOf(new Date(hour * HOUR_MS).toISOString());
      date = start === dateOf(new Date(hour * HOUR_MS + HOUR_MS - 1).toISOString()) ? start : null;
      hours.set(hour, date);
    }
    return date ?? dateOf(iso);
  };
}

/** Working days from today to a deadline, counted once per deadline (it walks the days between). */
function memoCalendar(calendar: WorkCalendar): WorkCalendar {
  const counted = new Map<string, number>();
  const memo = Object.create(calendar) as WorkCalendar;
  memo.workingDaysBetween = (a, b) => {
    const key = `${a}|${b}`;
    let n = counted.get(key);
    if (n === undefined) {
      n = calendar.workingDaysBetween(a, b);
      counted.set(key, n);
    }
    return n;
  };
  return memo;
}

/** The context of one batch: today read once, dates and working days remembered across its items. */
export function batchContext(rt: SupervisionRuntime, shared?: ProgressContext): ProgressContext {
  return {
    today: rt.today(),
    dateOf: shared?.dateOf ?? hourlyDateOf(rt.dateOf),
    calendar: shared?.calendar ?? memoCalendar(rt.store.calendar()),
  };
}
