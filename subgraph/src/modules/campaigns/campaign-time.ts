/**
 * Campaign time in the campaign's own time zone: the local weekday and time of an instant (for
 * weekday/time-of-day windows) and the calendar period an instant falls in (for per-member limits).
 * Pure; uses the platform's IANA zone data (Intl).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this platform knows (e.g. Europe/London, UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** A weekday/time-of-day window: local weekdays (ISO, 1 = Monday) and [fromMinute, toMinute). */
export interface TimeWindow {
  weekdays: number[];
  fromMinute: number;
  toMinute: number;
}

/** Whether `at` falls in one of the windows (no windows: always). */
export function inWindows(at: Date, timeZone: string, windows: readonly TimeWindow[]): boolean {
  if (windows.length === 0) return true;
  const t = localTime(at, timeZone);
  return windows.some((w) => w.weekdays.includes(t.weekday) && t.minutes >= w.fromMinute && t.minutes < w.toMinute);
}

export enum LimitPeriod {
  CAMPAIGN = 'CAMPAIGN',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The key of the local calendar period `at` falls in: `C` for the whole campaign, `D2026-12-24`,
 * ISO week `W2026-52` (weeks start on Monday), `M2026-12`.
 */
export function periodKey(period: LimitPeriod, at: Date, timeZone: string): string {
  if (period === LimitPeriod.CAMPAIGN) return 'C';
  const t = localTime(at, timeZone);
  if (period === LimitPeriod.DAY) return `D${t.year}-${pad(t.month)}-${pad(t.day)}`;
  if (period === LimitPeriod.MONTH) return `M${t.year}-${pad(t.month)}`;
  // ISO week: the week's Thursday decides its year
  const date = new Date(Date.UTC(t.year, t.month - 1, t.day));
  date.setUTCDate(date.getUTCDate() + 4 - t.weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `W${date.getUTCFullYear()}-${pad(week)}`;
}

/** "HH:MM" (00:00..24:00) as minutes since midnight, or null when malformed. */
export function parseClock(v: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(v);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

export function formatClock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
