import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketOf, bucketStarts, ratio, type AnalyticsRange } from './buckets';
import { ENROLMENT_ROLLUP } from './rollup';

/**
 * Members and their sales per bucket (docs/analytics.md#members-and-sales). Sales are the sales
 * members earned on (`sale_earn`; the subgraph sees no others), at their time of sale, net of
 * what has been returned of them so far. "Before" means any earlier sale of the member, in any
 * store or channel.
 */

/** Optional filters: sales of one store and/or one channel. */
export interface SalesFilter {
  storeId?: string | null;
  channel?: string | null;
}

export interface MemberSalesFigures {
  /** Members who enrolled in the bucket (at the store, with a store filter). */
  enrolled: number;
  /** Members enrolled by the bucket's end, the whole programme: the loyalty index's base. */
  membersAtEnd: number;
  /** Members with at least one sale in the bucket. */
  activeMembers: number;
  /** Active members with two or more sales in the bucket or a sale before it. */
  repeatMembers: number;
  salesCount: number;
  /** Sales value less what was returned of it, minor units. */
  salesValue: number;
  /** What was returned of the bucket's sales (so far), minor units. */
  returnedValue: number;
  /** salesValue of sales whose member had bought before (an earlier sale). */
  returningSalesValue: number;
  repeatRate: number | null;
  loyaltyIndex: number | null;
  returningSalesShare: number | null;
}

export interface MemberSalesBucket extends MemberSalesFigures {
  start: Date;
}

type Row = { b: Date | string; active: string; repeat: string; sales: string; value: string; returned: string; returning_value: string };

/** The filter's conditions on `sale_earn s` over [from, to), with their parameters. */
function salesWhere(a: AnalyticsRange, f: SalesFilter): { sql: string; params: unknown[] } {
  const where = ['s.occurred_at >= ?', 's.occurred_at < ?'];
  const params: unknown[] = [a.from, a.to];
  if (f.storeId) where.push('s.store_id = ?'), params.push(f.storeId);
  if (f.channel) where.push('s.channel = ?'), params.push(f.channel);
  return { sql: where.join(' and '), params };
}

/**
 * Active and repeat members of [from, to), grouped by `group` (a bucket-start expression): the
 * only figures that need the sales grouped by member, so that grouping carries nothing else. One
 * pass over the range of `sale_earn_occurred_index` (index-only): every sale carries its member's
 * first sale (`member_first_sale_at`), so "bought before" needs no lookup per member.
 */
async function memberCounts(em: EntityManager, a: AnalyticsRange, f: SalesFilter, group: { sql: string; params: unknown[] }) {
  const w = salesWhere(a, f);
  return em.getConnection().execute<{ b: Date | string; active: string; repeat: string }[]>(
    `select b, count(*) as active, count(*) filter (where n >= 2 or first_at < b) as repeat
       from (select ${group.sql} as b, s.member_id, count(*) as n, min(s.member_first_sale_at) as first_at
               from sale_earn s where ${w.sql} group by 1, 2) per_member
      group by b`,
    [...group.params, ...w.params],
  );
}

/**
 * Sales, their value, returns and the returning members' value per bucket: sums, no grouping by
 * member. Amounts per sale fit an int4 (a sale totals at most 1,000,000,000 minor units), whose
 * sums PostgreSQL adds as bigint (faster than bigint's numeric sums).
 */
async function salesSums(em: EntityManager, a: AnalyticsRange, f: SalesFilter) {
  const g = bucketOf('s.occurred_at', a);
  const w = salesWhere(a, f);
  return em.getConnection().execute<{ b: Date | string; sales: string; value: string; returned: string; returning_value: string }[]>(
    `select ${g.sql} as b, count(*) as sales, sum((s.total_minor - s.returned_amount_minor)::int) as value, sum(s.returned_amount_minor::int) as returned,
            coalesce(sum((s.total_minor - s.returned_amount_minor)::int) filter (where s.occurred_at > s.member_first_sale_at), 0) as returning_value
       from sale_earn s where ${w.sql} group by 1`,
    [...g.params, ...w.params],
  );
}

/** Enrolments per bucket (all, and at the store), and members enrolled before the range. */
async function enrolments(em: EntityManager, a: AnalyticsRange, f: SalesFilter) {
  const g = bucketOf('m.enrolled_at', a);
  const conn = em.getConnection();
  const source = f.storeId ? `store:${f.storeId}` : null;
  // The horizon read first, as a literal, lets the planner see how few members lie above it; the
  // statement's own read is what counts (a run committing in between only moves it up).
  const [state] = await conn.execute<{ horizon_txid: string }[]>(`select horizon_txid from analytics_rollup where name = ?`, [ENROLMENT_ROLLUP]);
  const horizon = `(select coalesce((select horizon_txid from analytics_rollup where name = '${ENROLMENT_ROLLUP}'), 0))`;
  const [{ n }] = await conn.execute<{ n: string }[]>(
    // the hours before from's hour rolled up, the members written since (at or above the horizon),
    // and from's hour up to from itself (part of an hour, in a zone not a whole hour off UTC)
    `with h as (select date_trunc('hour', ?::timestamptz at time zone 'UTC') at time zone 'UTC' as hour)
     select (select coalesce(sum(r.members), 0) from analytics_enrolment_hour r where r.hour < (select hour from h))
          + (select count(*) from member m where m.txid >= ? and m.txid >= ${horizon} and m.enrolled_at < (select hour from h))
          + (select count(*) from member m where m.enrolled_at >= (select hour from h) and m.enrolled_at < ?) as n`,
    [a.from, BigInt(state?.horizon_txid ?? 0).toString(), a.from],
  );
  const rows = await conn.execute<{ b: Date | string; all: string; here: string }[]>(
    `select ${g.sql} as b, count(*) as all, count(*) filter (where ?::text is null or m.enrollment_source = ?) as here
       from member m where m.enrolled_at >= ? and m.enrolled_at < ? group by 1`,
    [...g.params, source, source, a.from, a.to],
  );
  return { before: Number(n), rows };
}

function figures(r: Row | undefined, enrolled: number, membersAtEnd: number): MemberSalesFigures {
  const active = Number(r?.active ?? 0);
  const repeat = Number(r?.repeat ?? 0);
  const value = Number(r?.value ?? 0);
  const returningValue = Number(r?.returning_value ?? 0);
  return {
    enrolled,
    membersAtEnd,
    activeMembers: active,
    repeatMembers: repeat,
    salesCount: Number(r?.sales ?? 0),
    salesValue: value,
    returnedValue: Number(r?.returned ?? 0),
    returningSalesValue: returningValue,
    repeatRate: ratio(repeat, active),
    loyaltyIndex: ratio(repeat, membersAtEnd),
    returningSalesShare: ratio(returningValue, value),
  };
}

/** Every bucket of the range, and the whole range as one (distinct members over the range). */
export async function memberSales(em: EntityManager, a: AnalyticsRange, f: SalesFilter): Promise<{ buckets: MemberSalesBucket[]; totals: MemberSalesFigures }> {
  // independent statements, on connections of their own: the answer takes the longest, not the sum
  const [starts, counts, whole, sums, enrol] = await Promise.all([
    bucketStarts(em, a),
    memberCounts(em, a, f, bucketOf('s.occurred_at', a)),
    memberCounts(em, a, f, { sql: '?::timestamptz', params: [a.from] }),
    salesSums(em, a, f),
    enrolments(em, a, f),
  ]);
  const sumsOf = new Map(sums.map((r) => [new Date(r.b).getTime(), r]));
  const byBucket: Row[] = counts.map((c) => ({ ...c, ...sumsOf.get(new Date(c.b).getTime())! }));
  const total = (k: 'sales' | 'value' | 'returned' | 'returning_value') => String(sums.reduce((n, r) => n + Number(r[k]), 0));
  const wholeRow: Row | undefined = whole[0] && { ...whole[0], sales: total('sales'), value: total('value'), returned: total('returned'), returning_value: total('returning_value') };
  const sales = new Map(byBucket.map((r) => [new Date(r.b).getTime(), r]));
  const joined = new Map(enrol.rows.map((r) => [new Date(r.b).getTime(), r]));
  let members = enrol.before;
  let enrolledHere = 0;
  const buckets = starts.map((start) => {
    const e = joined.get(start.getTime());
    members += Number(e?.all ?? 0);
    enrolledHere += Number(e?.here ?? 0);
    return { start, ...figures(sales.get(start.getTime()), Number(e?.here ?? 0), members) };
  });
  return { buckets, totals: figures(wholeRow, enrolledHere, members) };
}

/** Whether a sale or an enrolment names the store. */
export async function knownStore(em: EntityManager, storeId: string): Promise<boolean> {
  const rows = await em.getConnection().execute<{ known: boolean }[]>(
    `select exists (select 1 from sale_earn where store_id = ?) or exists (select 1 from member where enrollment_source = ?) as known`,
    [storeId, `store:${storeId}`],
  );
  return rows[0]!.known;
}
