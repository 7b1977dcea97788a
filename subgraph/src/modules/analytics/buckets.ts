import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Buckets of analytics ranges (docs/analytics.md): local days, ISO weeks (from Monday) and
 * calendar months of a time zone, each named by its start as an instant.
 */
export enum AnalyticsBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** The range of an analytics query: [from, to) in buckets of `bucket` in `timeZone`. */
export interface AnalyticsRange {
  from: Date;
  to: Date;
  bucket: AnalyticsBucket;
  timeZone: string;
}

/** SQL for the start of the bucket holding timestamptz `column`, with its parameters. */
export function bucketOf(column: string, a: AnalyticsRange): { sql: string; params: string[] } {
  return { sql: `(date_trunc(?, ${column} at time zone ?) at time zone ?)`, params: [a.bucket.toLowerCase(), a.timeZone, a.timeZone] };
}

/** The start of every bucket of the range, also those nothing happened in, in order. */
export async function bucketStarts(em: EntityManager, a: AnalyticsRange): Promise<Date[]> {
  const unit = a.bucket.toLowerCase();
  const rows = await em.getConnection().execute<{ b: Date | string }[]>(
    `select (g at time zone ?) as b from generate_series(date_trunc(?, ?::timestamptz at time zone ?), date_trunc(?, (?::timestamptz - interval '1 microsecond') at time zone ?), ('1 ' || ?)::interval) g`,
    [a.timeZone, unit, a.from, a.timeZone, unit, a.to, a.timeZone, unit],
  );
  return rows.map((r) => new Date(r.b));
}

/** A share as a fraction, null when there is nothing to share. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
