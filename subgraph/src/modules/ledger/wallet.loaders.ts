import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { dueMembersSql, settleMember } from './ledger.core';

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

/**
 * Reads of members' points. Every read first awaits `settleDue` for its member: members with
 * something due (a hold past its TTL, pending points whose date has come, expired lots) are
 * settled, each in its own short transaction, so no read shows an expired hold as held and the
 * wallet and the points log agree within a request. Usually nobody is due: one query per batch.
 */
export function createWalletLoaders(em: EntityManager) {
  /** Settles the members of a batch that have something due; resolves when their books are current. */
  const settleDue = new DataLoader<string, true>(async (ids) => {
    const now = new Date();
    const ids_ = pgArray(ids);
    const due = await em.execute<{ member_id: string }[]>(dueMembersSql('member_id = any(?::uuid[])'), [ids_, now, ids_, now, ids_, now]);
    for (const { member_id } of due) await settleMember(em, member_id, { now });
    return ids.map(() => true as const);
  });
  return {
    settleDue,
    walletByMemberId: new DataLoader<string, WalletView | null>(async (ids) => {
      await settleDue.loadMany(ids);
      const rows = await em.execute<Record<string, string>[]>(
        'select member_id, available, pending, held, lifetime_earned, tier_points from wallet where member_id = any(?::uuid[])',
        [pgArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.member_id!, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        return r
          ? { memberId: id, available: Number(r.available), pending: Number(r.pending), held: Number(r.held), lifetimeEarned: Number(r.lifetime_earned), tierPoints: Number(r.tier_points) }
          : null;
      });
    }),
    /** Points expiring within 90 days, grouped by expiry time, soonest first. */
    expiringByMemberId: new DataLoader<string, ExpiringLot[]>(async (ids) => {
      const rows = await em.execute<{ member_id: string; expires_at: Date; points: string }[]>(
        `select member_id, expires_at, sum(remaining) as points from earning_lot
          where member_id = any(?::uuid[]) and status = 'AVAILABLE' and remaining > 0 and expires_at is not null
            and expires_at > now() and expires_at <= now() + interval '90 days'
          group by member_id, expires_at order by expires_at`,
        [pgArray(ids)],
      );
      return ids.map((id) => rows.filter((r) => r.member_id === id).map((r) => ({ points: Number(r.points), expiresAt: new Date(r.expires_at) })));
    }),
  };
}

/** A PostgreSQL array literal of uuids (validated upstream) for `= any(?::uuid[])`. */
export function pgArray(ids: readonly string[]): string {
  return `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;
}
