import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKeys } from '../../common/batch';
import { isUuid } from '../../common/validation';
import { preparedRows } from '../../db/prepared';
import { memberDueSql, settleMember } from './ledger.core';

export interface WalletView {
  memberId: string;
  available: number;
  pending: number;
  held: number;
  lifetimeEarned: number;
  tierPoints: number;
}

export interface ExpiringLot {
  points: number;
  expiresAt: Date;
}

type WalletRow = { member_id: string; available: string; pending: string; held: string; lifetime_earned: string; tier_points: string; due: boolean };

const WALLET_SQL = `select w.member_id, w.available, w.pending, w.held, w.lifetime_earned, w.tier_points, ${memberDueSql('w.member_id', '$1')} as due
  from wallet w where w.member_id = any($2::uuid[])`;

const EXPIRING_SQL = `select member_id, expires_at, sum(remaining) as points from earning_lot
  where member_id = any($1::uuid[]) and status = 'AVAILABLE' and remaining > 0 and expires_at is not null
    and expires_at > now() and expires_at <= now() + interval '90 days'
  group by member_id, expires_at order by expires_at`;

/**
 * A wallet read joined into another read (`left join wallet w on ...`): its columns and due flag,
 * prefixed `wallet_`; {@link walletFromJoin} maps them back. `at` is the SQL of the time, e.g. `$2`.
 */
export function walletJoinColumnsSql(at: string): string {
  return `w.member_id as wallet_member_id, w.available as wallet_available, w.pending as wallet_pending, w.held as wallet_held,
    w.lifetime_earned as wallet_lifetime_earned, w.tier_points as wallet_tier_points, ${memberDueSql('w.member_id', at)} as wallet_due`;
}

/**
 * The wallet of a joined read, or null when the member has none. `due` says it must not be used:
 * something fell due, and the wallet loader settles it on its own read.
 */
export function walletFromJoin(r: Record<string, unknown>): { wallet: WalletView | null; due: boolean } {
  if (r.wallet_member_id === null || r.wallet_member_id === undefined) return { wallet: null, due: false };
  const row = {
    member_id: String(r.wallet_member_id), available: String(r.wallet_available), pending: String(r.wallet_pending), held: String(r.wallet_held),
    lifetime_earned: String(r.wallet_lifetime_earned), tier_points: String(r.wallet_tier_points), due: Boolean(r.wallet_due),
  };
  return { wallet: toWallet(row), due: row.due };
}

const toWallet = (r: WalletRow): WalletView => ({
  memberId: r.member_id,
  available: Number(r.available),
  pending: Number(r.pending),
  held: Number(r.held),
  lifetimeEarned: Number(r.lifetime_earned),
  tierPoints: Number(r.tier_points),
});

/**
 * Reads of members' points. A batch of wallets is one plain SELECT that also says, per member,
 * whether something has fallen due (a hold past its TTL, pending points whose date has come, an
 * expired lot). Only those members are settled, each in a short transaction of its own, and read
 * again, so no read shows an expired hold as held and the wallet and the points log agree within a
 * request. Usually nobody is due: one statement per batch, no transaction, no write.
 */
export function createWalletLoaders(em: EntityManager) {
  const read = async (ids: readonly string[], now: Date) => {
    const rows = await preparedRows<WalletRow>(em, WALLET_SQL, [now, uuids(ids)]);
    return new Map(rows.map((r) => [r.member_id, r]));
  };
  return {
    /** A member's wallet, settled first if something was due; all zeros when the member has none. */
    walletByMemberId: new DataLoader<string, WalletView>(async (ids) => {
      const now = new Date();
      const rows = await read(ids, now);
      const due = [...rows.values()].filter((r) => r.due).map((r) => r.member_id);
      if (due.length) {
        for (const memberId of due) await settleMember(em, memberId, { now });
        for (const [id, r] of await read(due, now)) rows.set(id, r);
      }
      return ids.map((id) => {
        const r = rows.get(id);
        return r ? toWallet(r) : { memberId: id, available: 0, pending: 0, held: 0, lifetimeEarned: 0, tierPoints: 0 };
      });
    }),
    /** Points expiring within 90 days, grouped by expiry time, soonest first. */
    expiringByMemberId: new DataLoader<string, ExpiringLot[]>(async (ids) => {
      const rows = await preparedRows<{ member_id: string; expires_at: Date; points: string }>(em, EXPIRING_SQL, [uuids(ids)]);
      return groupByKeys(ids, rows, (r) => r.member_id).map((lots) => lots.map((r) => ({ points: Number(r.points), expiresAt: new Date(r.expires_at) })));
    }),
  };
}

/** The ids that are uuids, for a `uuid[]` parameter (anything else would fail the whole statement). */
export function uuids(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/** A PostgreSQL array literal of uuids (validated upstream) for `= any(?::uuid[])`. */
export function pgArray(ids: readonly string[]): string {
  return `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;
}
