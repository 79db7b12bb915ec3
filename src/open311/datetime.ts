/**
 * Open311 date-times are W3C/ISO-8601 with an explicit offset. Qingdan stores UTC instants; the
 * wire shows them in the city's zone (2026-11-29T22:30:00+08:00) because that is the time people
 * and hotline staff read, while still naming the instant exactly. Input date-times must carry a
 * zone: a bare local time is ambiguous for a client in another zone, so it is refused.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone, as if they were UTC (ms), to read the offset. */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Offset of the zone at an instant, in whole minutes (Shanghai: +480). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallAsUtc(whole, timeZone) - whole) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function withOffset(ms: number, timeZone: string): string {
  const off = offsetMinutes(ms, timeZone);
  const d = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const sign = off < 0 ? '-' : '+';
  return `${date}T${time}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** An ISO-8601 instant (as stored) written with the zone's offset, whole seconds. */
export function formatDateTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: "${iso}"`);
  return withOffset(ms, timeZone);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A deadline: a 'YYYY-MM-DD' date means "by the end of that day" in the city's zone, so it is
 * written as 23:59:59 local; a full instant is written as it is.
 */
export function formatDeadline(deadline: string, timeZone: string): string {
  const m = DATE_ONLY.exec(deadline);
  if (!m) return formatDateTime(deadline, timeZone);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  // Two passes find the instant whose local wall time is `wall`, also across an offset change.
  let ms = wall - offsetMinutes(wall, timeZone) * 60_000;
  ms = wall - offsetMinutes(ms, timeZone) * 60_000;
  return withOffset(ms, timeZone);
}

const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** Date.UTC without its 0–99 → 1900s mapping. */
function utc(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

/**
 * Parses an ISO-8601 date-time that names its zone (Z or ±hh:mm / ±hhmm) and returns the UTC
 * instant as stored ('2026-11-29T14:30:00.000Z'), or null when it is not one — including
 * impossible calendar dates like 02-30, which Date.parse would silently roll over.
 */
export function parseDateTime(value: string): string | null {
  const m = ISO_WITH_ZONE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = utc(year, month, day, hour, minute, second, millis) - offset * 60_000;
  return new Date(ms).toISOString();
}
