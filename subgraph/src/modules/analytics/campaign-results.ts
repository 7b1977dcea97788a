import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What campaigns and automations did in a range (docs/analytics.md#campaigns-and-automations).
 * Neither has a control group (a held-out share of its audience), so incremental sales cannot
 * be measured: `incrementalSalesValue` is null until one exists.
 */
export interface OfferResult {
  id: string;
  code: string;
  name: string;
  /** Automations: occurrences run and failed. Campaigns: awards (sales or periods rewarded). */
  runs: number;
  failedRuns: number;
  /** Points given, less what returns took back (campaigns). */
  pointsGiven: number;
  couponsIssued: number;
  /** Coupons of the campaign or automation redeemed in the range (issued then or before). */
  couponsRedeemed: number;
  membersReached: number;
  /** Net sales value of the members reached, from when each was first reached in the range, minor units. */
  salesValueOfMembersReached: number;
}

type Row = { id: string; code: string; name: string; runs: string; failed: string; points: string; issued: string; redeemed: string; members: string; value: string };

const SALES_OF_REACHED = `coalesce((select sum(s.total_minor - s.returned_amount_minor) from reached r join sale_earn s on s.member_id = r.member_id and s.occurred_at >= r.first_at and s.occurred_at < ? where r.owner = x.id), 0)`;

function toResult(r: Row): OfferResult {
  return {
    id: r.id, code: r.code, name: r.name, runs: Number(r.runs), failedRuns: Number(r.failed), pointsGiven: Number(r.points),
    couponsIssued: Number(r.issued), couponsRedeemed: Number(r.redeemed), membersReached: Number(r.members), salesValueOfMembersReached: Number(r.value),
  };
}

/** Every campaign with an award or a coupon in [from, to), by code. */
export async function campaignResults(em: EntityManager, from: Date, to: Date): Promise<OfferResult[]> {
  const rows = await em.getConnection().execute<Row[]>(
    `with awards as (select * from campaign_award where occurred_at >= ? and occurred_at < ?),
          reached as (select campaign_id as owner, member_id, min(occurred_at) as first_at from awards group by 1, 2),
          issued as (select campaign_id, count(*) as n from coupon where campaign_id is not null and issued_at >= ? and issued_at < ? group by 1),
          redeemed as (select campaign_id, count(*) as n from coupon where campaign_id is not null and redeemed_at >= ? and redeemed_at < ? group by 1)
     select x.id, x.code, x.name,
            (select count(*) from awards a where a.campaign_id = x.id) as runs, 0 as failed,
            (select coalesce(sum(a.points - a.reversed_points), 0) from awards a where a.campaign_id = x.id) as points,
            coalesce((select n from issued where campaign_id = x.id), 0) as issued,
            coalesce((select n from redeemed where campaign_id = x.id), 0) as redeemed,
            (select count(*) from reached r where r.owner = x.id) as members,
            ${SALES_OF_REACHED} as value
       from campaign x
      where exists (select 1 from awards a where a.campaign_id = x.id) or exists (select 1 from issued i where i.campaign_id = x.id) or exists (select 1 from redeemed d where d.campaign_id = x.id)
      order by x.code`,
    [from, to, from, to, from, to, to],
  );
  return rows.map(toResult);
}

/** Every automation that ran, or whose coupon was redeemed, in [from, to), by code. */
export async function automationResults(em: EntityManager, from: Date, to: Date): Promise<OfferResult[]> {
  const rows = await em.getConnection().execute<Row[]>(
    `with runs as (select * from automation_run where created_at >= ? and created_at < ?),
          reached as (select automation_id as owner, member_id, min(created_at) as first_at from runs where status = 'DONE' group by 1, 2),
          issued as (select issued_by, count(*) as n from coupon where issued_by like 'automation:%' and issued_at >= ? and issued_at < ? group by 1),
          redeemed as (select issued_by, count(*) as n from coupon where issued_by like 'automation:%' and redeemed_at >= ? and redeemed_at < ? group by 1)
     select x.id, x.code, x.name,
            (select count(*) from runs r where r.automation_id = x.id and r.status = 'DONE') as runs,
            (select count(*) from runs r where r.automation_id = x.id and r.status = 'FAILED') as failed,
            (select coalesce(sum((d ->> 'points')::bigint), 0) from runs r, jsonb_array_elements(coalesce(r.detail -> 'actions', '[]'::jsonb)) d
              where r.automation_id = x.id and r.status = 'DONE' and d ->> 'kind' = 'AWARD_POINTS') as points,
            coalesce((select n from issued where issued_by = 'automation:' || x.code), 0) as issued,
            coalesce((select n from redeemed where issued_by = 'automation:' || x.code), 0) as redeemed,
            (select count(*) from reached r where r.owner = x.id) as members,
            ${SALES_OF_REACHED} as value
       from automation x
      where exists (select 1 from runs r where r.automation_id = x.id) or exists (select 1 from redeemed d where d.issued_by = 'automation:' || x.code)
      order by x.code`,
    [from, to, from, to, from, to, to],
  );
  return rows.map(toResult);
}
