import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketOf, bucketStarts, ratio, type AnalyticsRange } from './buckets';

/**
 * The coupon funnel (docs/analytics.md#coupon-funnel): per bucket and coupon kind, what was
 * issued, and how coupons left the open state: redeemed, voided or expired (each coupon one way,
 * whichever came first), and what stayed open at the bucket's end.
 */
export interface CouponFigures {
  issued: number;
  redeemed: number;
  voided: number;
  expired: number;
  /** Issued by the bucket's end and neither redeemed, voided nor expired by then. */
  openAtEnd: number;
  /** Of the coupons issued in the bucket, the share redeemed so far. */
  redemptionRate: number | null;
}

export interface CouponKindFigures extends CouponFigures {
  kind: string;
}

export interface CouponFunnelBucket {
  start: Date;
  all: CouponFigures;
  byKind: CouponKindFigures[];
}

type Counts = { issued: number; issuedRedeemed: number; redeemed: number; voided: number; expired: number; openAtEnd: number };
const zero = (): Counts => ({ issued: 0, issuedRedeemed: 0, redeemed: 0, voided: 0, expired: 0, openAtEnd: 0 });

// how and when each coupon stopped being open: redeemed, voided before it expired, or expired (by now)
const ENDED = `(select c.*, case when c.redeemed_at is not null then 'redeemed' when c.voided_at is not null and c.voided_at <= c.expires_at then 'voided' when c.expires_at <= now() then 'expired' end as how,
  case when c.redeemed_at is not null then c.redeemed_at when c.voided_at is not null and c.voided_at <= c.expires_at then c.voided_at when c.expires_at <= now() then c.expires_at end as ended_at from coupon c)`;

export async function couponFunnel(em: EntityManager, a: AnalyticsRange, kinds: string[]): Promise<{ buckets: CouponFunnelBucket[]; totals: { all: CouponFigures; byKind: CouponKindFigures[] } }> {
  const conn = em.getConnection();
  const open = await conn.execute<{ kind: string; n: string }[]>(
    `select kind, count(*) as n from ${ENDED} c where c.issued_at < ? and (c.ended_at is null or c.ended_at >= ?) group by kind`,
    [a.from, a.from],
  );
  const gi = bucketOf('c.issued_at', a);
  const ge = bucketOf('c.ended_at', a);
  const rows = await conn.execute<{ b: Date | string; kind: string; what: string; n: string }[]>(
    `select ${gi.sql} as b, kind, 'issued' as what, count(*) as n from coupon c where c.issued_at >= ? and c.issued_at < ? group by 1, 2
     union all select ${gi.sql}, kind, 'issuedRedeemed', count(*) from coupon c where c.issued_at >= ? and c.issued_at < ? and c.redeemed_at is not null group by 1, 2
     union all select ${ge.sql}, kind, how, count(*) from ${ENDED} c where c.ended_at >= ? and c.ended_at < ? group by 1, 2, 3`,
    [...gi.params, a.from, a.to, ...gi.params, a.from, a.to, ...ge.params, a.from, a.to],
  );
  const starts = await bucketStarts(em, a);
  const cell = new Map<string, Counts>();
  const at = (b: number, kind: string) => {
    const key = `${b}|${kind}`;
    let c = cell.get(key);
    if (!c) cell.set(key, (c = zero()));
    return c;
  };
  for (const r of rows) at(new Date(r.b).getTime(), r.kind)[r.what as keyof Counts] += Number(r.n);
  const running = new Map(kinds.map((k) => [k, Number(open.find((o) => o.kind === k)?.n ?? 0)]));
  const totals = new Map(kinds.map((k) => [k, zero()]));
  const figures = (c: Counts): CouponFigures => ({ issued: c.issued, redeemed: c.redeemed, voided: c.voided, expired: c.expired, openAtEnd: c.openAtEnd, redemptionRate: ratio(c.issuedRedeemed, c.issued) });
  const sum = (list: Counts[]) => list.reduce((s, c) => { for (const k of Object.keys(s) as (keyof Counts)[]) s[k] += c[k]; return s; }, zero());
  const buckets = starts.map((start) => {
    const byKind = kinds.map((kind) => {
      const c = { ...at(start.getTime(), kind) };
      running.set(kind, running.get(kind)! + c.issued - c.redeemed - c.voided - c.expired);
      c.openAtEnd = running.get(kind)!;
      const t = totals.get(kind)!;
      for (const k of ['issued', 'issuedRedeemed', 'redeemed', 'voided', 'expired'] as const) t[k] += c[k];
      t.openAtEnd = c.openAtEnd;
      return { kind, c };
    });
    return { start, all: figures(sum(byKind.map((x) => x.c))), byKind: byKind.map((x) => ({ kind: x.kind, ...figures(x.c) })) };
  });
  const byKind = kinds.map((kind) => ({ kind, ...figures(totals.get(kind)!) }));
  return { buckets, totals: { all: figures(sum([...totals.values()])), byKind } };
}
