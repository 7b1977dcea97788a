import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketOf, bucketStarts, ratio, type AnalyticsRange } from './buckets';

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

/**
 * The sales figures of [from, to), grouped by `group` (a bucket-start expression). One pass over
 * the range of `sale_earn_occurred_index` (index-only): every sale carries its member's first sale
 * (`member_first_sale_at`), so "bought before" needs no lookup per member. Amounts per sale fit an
 * int4 (a sale totals at most 1,000,000,000 minor units), whose sums PostgreSQL adds as bigint.
 */
async function salesFigures(em: EntityManager, a: AnalyticsRange, f: SalesFilter, group: { sql: string; params: unknown[] }): Promise<Row[]> {
  const where = ['s.occurred_at >= ?', 's.occurred_at < ?'];
  const params: unknown[] = [...group.params, a.from, a.to];
  if (f.storeId) where.push('s.store_id = ?'), params.push(f.storeId);
  if (f.channel) where.push('s.channel = ?'), params.push(f.channel);
  return em.getConnection().execute<Row[]>(
    `select b, count(*) as active, count(*) filter (where n >= 2 or first_at < b) as repeat, sum(n) as sales, sum(value) as value,
            sum(returned) as returned, sum(returning_value) as returning_value
       from (select ${group.sql} as b, s.member_id, count(*) as n, min(s.member_first_sale_at) as first_at,
                    sum((s.total_minor - s.returned_amount_minor)::int) as value, sum(s.returned_amount_minor::int) as returned,
                    coalesce(sum((s.total_minor - s.returned_amount_minor)::int) filter (where s.occurred_at > s.member_first_sale_at), 0) as returning_value
               from sale_earn s where ${where.join(' and ')} group by 1, 2) per_member
      group by b`,
    params,
  );
}

/** Enrolments per bucket (all, and at the store), and members enrolled before the range. */
async function enrolments(em: EntityManager, a: AnalyticsRange, f: SalesFilter) {
  const g = bucketOf('m.enrolled_at', a);
  const conn = em.getConnection();
  const source = f.storeId ? `store:${f.storeId}` : null;
  const [{ n }] = await conn.execute<{ n: string }[]>('select count(*) as n from member m where m.enrolled_at < ?', [a.from]);
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
  const [starts, byBucket, whole, enrol] = await Promise.all([
    bucketStarts(em, a),
    salesFigures(em, a, f, bucketOf('s.occurred_at', a)),
    salesFigures(em, a, f, { sql: '?::timestamptz', params: [a.from] }),
    enrolments(em, a, f),
  ]);
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
  return { buckets, totals: figures(whole[0], enrolledHere, members) };
}

/** Whether a sale or an enrolment names the store. */
export async function knownStore(em: EntityManager, storeId: string): Promise<boolean> {
  const rows = await em.getConnection().execute<{ known: boolean }[]>(
    `select exists (select 1 from sale_earn where store_id = ?) or exists (select 1 from member where enrollment_source = ?) as known`,
    [storeId, `store:${storeId}`],
  );
  return rows[0]!.known;
}
