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

/** Rolls up what is new since the last run; answers how many journal entries it read. */
export async function rollUpAnalytics(root: EntityManager): Promise<{ entries: number }> {
  return root.fork().transactional(async (em) => {
    await em.execute(`insert into analytics_rollup (name, horizon_txid, rolled_at) values (?, 0, now()) on conflict do nothing`, [POINTS_ROLLUP]);
    const [state] = await em.execute<{ horizon_txid: string }[]>(`select horizon_txid from analytics_rollup where name = ? for update`, [POINTS_ROLLUP]);
    // a statement of its own: the next statement's snapshot sees every transaction below it finished
    const [{ horizon }] = await em.execute<{ horizon: string }[]>(`select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint as horizon`);
    if (BigInt(horizon) <= BigInt(state!.horizon_txid)) return { entries: 0 };
    const [{ entries }] = await em.execute<{ entries: string }[]>(
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
      [state!.horizon_txid, horizon, `{${PROGRAMME_ACCOUNTS.join(',')}}`],
    );
    await em.execute(`update analytics_rollup set horizon_txid = ?, rolled_at = now() where name = ?`, [horizon, POINTS_ROLLUP]);
    return { entries: Number(entries) };
  });
}
