import type { EntityManager } from '@mikro-orm/postgresql';
import { ACCOUNT } from '../ledger/ledger.core';
import { bucketStarts, type AnalyticsRange } from './buckets';

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

const PROGRAMME_ACCOUNTS = Object.keys(SIGN);

export function emptyFlow(): PointsFlow {
  return { issued: 0, bonus: 0, redeemed: 0, expired: 0, returned: 0, adjusted: 0, intoCoupons: 0 };
}

/**
 * The flows of [from, to) in buckets of `bucket` in `timeZone` (buckets start at local midnight, on
 * Monday for weeks), each bucket's start as an instant. Two statements: the balance before `from`,
 * and the postings of the range grouped by bucket and account.
 */
export async function pointsFlow(em: EntityManager, a: AnalyticsRange): Promise<{ opening: number; buckets: PointsFlowBucket[] }> {
  const conn = em.getConnection();
  const accounts = `{${PROGRAMME_ACCOUNTS.join(',')}}`;
  const [{ opening }] = await conn.execute<{ opening: string }[]>(
    `select coalesce(-sum(p.amount), 0) as opening from ledger_posting p join ledger_entry e on e.id = p.entry_id
      where p.account = any(?::text[]) and e.occurred_at < ?`,
    [accounts, a.from],
  );
  const unit = a.bucket.toLowerCase();
  const rows = await conn.execute<{ b: Date | string; account: string; amount: string }[]>(
    `select (date_trunc(?, e.occurred_at at time zone ?) at time zone ?) as b, p.account, sum(p.amount) as amount
       from ledger_posting p join ledger_entry e on e.id = p.entry_id
      where p.account = any(?::text[]) and e.occurred_at >= ? and e.occurred_at < ?
      group by 1, 2 order by 1`,
    [unit, a.timeZone, a.timeZone, accounts, a.from, a.to],
  );
  // every bucket of the range, also those without postings
  const byStart = new Map<number, PointsFlowBucket>();
  for (const start of await bucketStarts(em, a)) byStart.set(start.getTime(), { start, ...emptyFlow(), outstandingAtEnd: 0 });
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
