/**
 * Wall-clock times in an IANA time zone as instants and back: a campaign runs "from 1 December
 * 00:00, Europe/London", and the analytics' "1 to 31 December, Europe/London" means local midnights,
 * whatever zone the manager's browser is in.
 */
function parts(timeZone: string, at: number) {
  const p = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(at));
  const get = (type: string) => Number(p.find((x) => x.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function offsetMs(timeZone: string, at: number): number {
  const q = parts(timeZone, at);
  return Date.UTC(q.year, q.month - 1, q.day, q.hour, q.minute, q.second) - Math.floor(at / 1000) * 1000;
}

/** `2026-12-01T09:30` (as a datetime-local input gives it) in `timeZone`, as an ISO instant; null when it is not a time. */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(guess);
  if (Number.isNaN(guess) || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  try {
    // twice: the first offset may be the one on the other side of a DST change
    let at = guess - offsetMs(timeZone, guess);
    at = guess - offsetMs(timeZone, at);
    return new Date(at).toISOString();
  } catch {
    return null;
  }
}

/** An instant as `YYYY-MM-DDTHH:MM` on the wall clock of `timeZone` (for a datetime-local input). */
export function instantToZoned(iso: string, timeZone: string): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  let q;
  try {
    q = parts(timeZone, at);
  } catch {
    q = parts('UTC', at);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${q.year}-${pad(q.month)}-${pad(q.day)}T${pad(q.hour === 24 ? 0 : q.hour)}:${pad(q.minute)}`;
}

export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An instant shown with its zone's wall clock: "1 Dec 2026, 00:00 (Europe/London)". */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return `${d.toLocaleString(undefined, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })} (${timeZone})`;
  } catch {
    return d.toISOString();
  }
}

/** `2026-12-01` at 00:00 in `timeZone`, as an ISO instant; null for a date that is not one. */
export function startOfDayIn(date: string, timeZone: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? zonedToInstant(`${date}T00:00`, timeZone) : null;
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
