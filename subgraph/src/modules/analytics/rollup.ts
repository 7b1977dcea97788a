import type { EntityManager } from '@mikro-orm/postgresql';
import { ACCOUNT } from '../ledger/ledger.core';

/**
 * The analytics rollup (docs/analytics.md#pre-aggregation): programme-account postings summed per
 * UTC hour in `analytics_points_hour`, kept up to date by the maintenance run.
 *
 * The change marker is the writing transaction's id on every journal entry (`ledger_entry.txid`,
 * a column default). A run reads the entries of transactions in [previous horizon, new horizon),
 * the new horizon being its snapshot's xmin: every transaction below it has committed or aborted,
 * so an entry that commits later has a transaction id at or above it and is read by the next
 * run; none is missed or counted twice (the sums and the horizon move in one transaction, under
 * the state row's lock, so replicas take turns). Entries whose time of occurrence is long past
 * (a till offline for days, the bulk loader) are no exception: their hour is found from the entry.
 *
 * Readers add what is not rolled up yet (entries at or above the horizon) from the journal in
 * the same statement, so an answer is the same with or without the rollup, only faster.
 */

export const POINTS_ROLLUP = 'points_hour';

/** The programme accounts the points flows read. */
export const PROGRAMME_ACCOUNTS = [ACCOUNT.ISSUED, ACCOUNT.BONUS, ACCOUNT.REDEEMED, ACCOUNT.EXPIRED, ACCOUNT.RETURNED, ACCOUNT.ADJUSTED, ACCOUNT.COUPONS];

/**
 * Members per UTC hour of enrolment (`analytics_enrolment_hour`), by the same rule: the marker is
 * `member.txid` (the column default; a trigger marks a member again when `enrolled_at` changes and
 * takes them back from their old hour, as it does on a deletion). Readers add the members at or
 * above the horizon from the member table.
 */
export const ENROLMENT_ROLLUP = 'enrolment_hour';

/** Rolls up what is new since the last run; answers how many journal entries and members it read. */
export async function rollUpAnalytics(root: EntityManager): Promise<{ entries: number; members: number }> {
  return root.fork().transactional(async (em) => {
    await em.execute(`insert into analytics_rollup (name, horizon_txid, rolled_at) values (?, 0, now()), (?, 0, now()) on conflict do nothing`, [POINTS_ROLLUP, ENROLMENT_ROLLUP]);
    const states = await em.execute<{ name: string; horizon_txid: string }[]>(`select name, horizon_txid from analytics_rollup where name in (?, ?) order by name for update`, [POINTS_ROLLUP, ENROLMENT_ROLLUP]);
    const from = new Map(states.map((r) => [r.name, r.horizon_txid]));
    // a statement of its own: the next statement's snapshot sees every transaction below it finished
    const [{ horizon }] = await em.execute<{ horizon: string }[]>(`select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint as horizon`);
    let entries = 0;
    let members = 0;
    if (BigInt(horizon) > BigInt(from.get(POINTS_ROLLUP)!)) {
      const [r] = await em.execute<{ entries: string }[]>(
        `with fresh as (
           select e.id, (date_trunc('hour', e.occurred_at at time zone 'UTC') at time zone 'UTC') as hour from ledger_entry e
            where e.txid >= ? and e.txid < ?
         ), sums as (
           insert into analytics_points_hour (hour, account, amount)
           select f.hour, p.account, sum(p.amount) from fresh f join ledger_posting p on p.entry_id = f.id
            where p.account = any(?::text[]) group by 1, 2
           on conflict (hour, account) do update set amount = analytics_points_hour.amount + excluded.amount
         )
         select count(*) as entries from fresh`,
        [from.get(POINTS_ROLLUP), horizon, `{${PROGRAMME_ACCOUNTS.join(',')}}`],
      );
      entries = Number(r!.entries);
      await em.execute(`update analytics_rollup set horizon_txid = ?, rolled_at = now() where name = ?`, [horizon, POINTS_ROLLUP]);
    }
    if (BigInt(horizon) > BigInt(from.get(ENROLMENT_ROLLUP)!)) {
      const [r] = await em.execute<{ members: string }[]>(
        `with fresh as (
           select (date_trunc('hour', m.enrolled_at at time zone 'UTC') at time zone 'UTC') as hour, count(*) as n from member m
            where m.txid >= ? and m.txid < ? group by 1
         ), sums as (
           insert into analytics_enrolment_hour (hour, members) select hour, n from fresh
           on conflict (hour) do update set members = analytics_enrolment_hour.members + excluded.members
         )
         select coalesce(sum(n), 0) as members from fresh`,
        [from.get(ENROLMENT_ROLLUP), horizon],
      );
      members = Number(r!.members);
      await em.execute(`update analytics_rollup set horizon_txid = ?, rolled_at = now() where name = ?`, [horizon, ENROLMENT_ROLLUP]);
    }
    return { entries, members };
  });
}
