import type { EntityManager } from '@mikro-orm/postgresql';
import { ACCOUNT } from '../ledger/ledger.core';
import { bucketStarts, type AnalyticsRange } from './buckets';
import { POINTS_ROLLUP, PROGRAMME_ACCOUNTS } from './rollup';

/**
 * Points flows from the journal (docs/analytics.md): per bucket of the programme's time, what
 * was issued, given as bonuses, redeemed, expired, taken back by returns, adjusted and turned into
 * coupons, and what members hold at the end of each bucket. Every figure is a sum of
 * `ledger_posting` rows on a programme account, so the flows reconcile with the books
 * (`loyaltyLedgerAudit`): outstanding = what the wallets hold.
 */


export interface PointsFlow {
  /** Earned on sales (EARN). */
  issued: number;
  /** Bonuses: welcome, birthday, level upgrades, campaigns, automations, challenges. */
  bonus: number;
  /** Spent at tills and as cash, less points given back for returned goods. */
  redeemed: number;
  expired: number;
  /** Earned points taken back by returns. */
  returned: number;
  /** Manual adjustments, credits less debits. */
  adjusted: number;
  /** Turned into vouchers and gifts, less coupons voided. */
  intoCoupons: number;
}

export interface PointsFlowBucket extends PointsFlow {
  start: Date;
  /** What members held (available, pending, held) at the end of the bucket. */
  outstandingAtEnd: number;
}

const SIGN: Record<string, { key: keyof PointsFlow; sign: 1 | -1 }> = {
  [ACCOUNT.ISSUED]: { key: 'issued', sign: -1 },
  [ACCOUNT.BONUS]: { key: 'bonus', sign: -1 },
  [ACCOUNT.REDEEMED]: { key: 'redeemed', sign: 1 },
  [ACCOUNT.EXPIRED]: { key: 'expired', sign: 1 },
  [ACCOUNT.RETURNED]: { key: 'returned', sign: 1 },
  [ACCOUNT.ADJUSTED]: { key: 'adjusted', sign: -1 },
  [ACCOUNT.COUPONS]: { key: 'intoCoupons', sign: 1 },
};


export function emptyFlow(): PointsFlow {
  return { issued: 0, bonus: 0, redeemed: 0, expired: 0, returned: 0, adjusted: 0, intoCoupons: 0 };
}

/** Whether every boundary of the range (its ends and its buckets' starts) is a whole UTC hour: the rollup's grain. */
function hourAligned(a: AnalyticsRange, starts: Date[]): boolean {
  return [a.from, a.to, ...starts].every((d) => d.getTime() % 3_600_000 === 0);
}

/**
 * The flows of [from, to) in buckets of `bucket` in `timeZone` (buckets start at local midnight, on
 * Monday for weeks), each bucket's start as an instant. Two statements: the balance before `from`,
 * and the postings of the range grouped by bucket and account. When every boundary is a whole
 * UTC hour (any range in UTC or a zone a whole number of hours off it, from midnight to
 * midnight), each reads the hourly rollup and adds the journal entries not rolled up yet
 * (rollup.ts); otherwise, or with `live`, the journal alone. The answer is the same.
 */
export async function pointsFlow(em: EntityManager, a: AnalyticsRange, opts: { live?: boolean } = {}): Promise<{ opening: number; buckets: PointsFlowBucket[] }> {
  const conn = em.getConnection();
  const accounts = `{${PROGRAMME_ACCOUNTS.join(',')}}`;
  const starts = await bucketStarts(em, a);
  const unit = a.bucket.toLowerCase();
  const rolled = !opts.live && hourAligned(a, starts);
  // the postings of entries not rolled up yet (all of them on the live path), and the rollup's sums
  const exact = `(select coalesce((select horizon_txid from analytics_rollup where name = '${POINTS_ROLLUP}'), 0))`;
  // The horizon read first, as a literal, lets the planner see how few entries lie above it (the
  // BRIN index); the statement's own read of it is what counts: a run committing in between only
  // moves it up, so the literal, a lower bound, never adds an entry the rollup holds.
  const [state] = rolled ? await conn.execute<{ horizon_txid: string }[]>(`select horizon_txid from analytics_rollup where name = ?`, [POINTS_ROLLUP]) : [];
  const horizon = `${BigInt(state?.horizon_txid ?? 0)} and e.txid >= ${exact}`;
  const [{ opening }] = rolled
    ? await conn.execute<{ opening: string }[]>(
        `select coalesce(-sum(amount), 0) as opening from (
           select r.amount from analytics_points_hour r where r.hour < ? and r.account = any(?::text[])
           union all
           select p.amount from ledger_entry e join ledger_posting p on p.entry_id = e.id
            where e.txid >= ${horizon} and e.occurred_at < ? and p.account = any(?::text[])
         ) x`,
        [a.from, accounts, a.from, accounts],
      )
    : await conn.execute<{ opening: string }[]>(
        `select coalesce(-sum(p.amount), 0) as opening from ledger_posting p join ledger_entry e on e.id = p.entry_id
          where p.account = any(?::text[]) and e.occurred_at < ?`,
        [accounts, a.from],
      );
  const rows = rolled
    ? await conn.execute<{ b: Date | string; account: string; amount: string }[]>(
        `select (date_trunc(?, at at time zone ?) at time zone ?) as b, account, sum(amount) as amount from (
           select r.hour as at, r.account, r.amount from analytics_points_hour r where r.hour >= ? and r.hour < ? and r.account = any(?::text[])
           union all
           select e.occurred_at, p.account, p.amount from ledger_entry e join ledger_posting p on p.entry_id = e.id
            where e.txid >= ${horizon} and e.occurred_at >= ? and e.occurred_at < ? and p.account = any(?::text[])
         ) x group by 1, 2 order by 1`,
        [unit, a.timeZone, a.timeZone, a.from, a.to, accounts, a.from, a.to, accounts],
      )
    : await conn.execute<{ b: Date | string; account: string; amount: string }[]>(
        `select (date_trunc(?, e.occurred_at at time zone ?) at time zone ?) as b, p.account, sum(p.amount) as amount
           from ledger_posting p join ledger_entry e on e.id = p.entry_id
          where p.account = any(?::text[]) and e.occurred_at >= ? and e.occurred_at < ?
          group by 1, 2 order by 1`,
        [unit, a.timeZone, a.timeZone, accounts, a.from, a.to],
      );
  // every bucket of the range, also those without postings
  const byStart = new Map<number, PointsFlowBucket>();
  for (const start of starts) byStart.set(start.getTime(), { start, ...emptyFlow(), outstandingAtEnd: 0 });
  for (const r of rows) {
    const start = new Date(r.b);
    let bucket = byStart.get(start.getTime());
    if (!bucket) {
      bucket = { start, ...emptyFlow(), outstandingAtEnd: 0 };
      byStart.set(start.getTime(), bucket);
    }
    const s = SIGN[r.account]!;
    bucket[s.key] += s.sign * Number(r.amount);
  }
  const buckets = [...byStart.values()].sort((x, y) => x.start.getTime() - y.start.getTime());
  let outstanding = Number(opening);
  for (const b of buckets) {
    // what went to members less what came back from them
    outstanding += b.issued + b.bonus + b.adjusted - b.redeemed - b.expired - b.returned - b.intoCoupons;
    b.outstandingAtEnd = outstanding;
  }
  return { opening: Number(opening), buckets };
}
