import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, userError } from '../../common/errors';
import { HoldStatus, LedgerEntryType, LotStatus } from './ledger.entities';
import { Outcome } from './ledger-transaction';

/** The most points any wallet figure may reach: the API's Int range (2^31 - 1). */
export const MAX_POINTS = 2_147_483_647;

/**
 * Accounts of the double-entry journal. Member buckets carry the member's points; programme
 * accounts are where points come from and go to. Every entry's postings sum to zero, so the sum of
 * all programme accounts is always minus the sum of all member buckets.
 */
export const ACCOUNT = {
  AVAILABLE: 'member.available',
  PENDING: 'member.pending',
  HELD: 'member.held',
  ISSUED: 'programme.issued',
  BONUS: 'programme.bonus',
  REDEEMED: 'programme.redeemed',
  EXPIRED: 'programme.expired',
  ADJUSTED: 'programme.adjusted',
  RETURNED: 'programme.returned',
  /** Points turned into coupons (vouchers, gift items); a voided coupon gives them back. */
  COUPONS: 'programme.coupons',
} as const;
export type Account = (typeof ACCOUNT)[keyof typeof ACCOUNT];

export interface Posting {
  account: Account;
  /** Points, signed; the postings of one entry sum to zero. */
  amount: number;
}

export interface EntryRefs {
  reason?: string | null;
  channel?: string | null;
  saleId?: string | null;
  holdId?: string | null;
  couponCode?: string | null;
  /** The campaign that gave the points or coupon (or whose points a return takes back). */
  campaignId?: string | null;
  /** When it happened; defaults to now (e.g. a hold's expiry is booked at its expiry time). */
  occurredAt?: Date;
}

/** A member's counters as locked for this transaction, plus what is due to be settled. */
export interface LockedWallet {
  memberId: string;
  available: number;
  pending: number;
  held: number;
  lifetimeEarned: number;
  tierPoints: number;
  memberStatus: string;
  tierId: string | null;
  tierRank: number | null;
  tierMultiplierPercent: number;
  due: boolean;
  /** The membership's last activity (null while not ACTIVE) and the end date an admin set. */
  lastActivityAt: Date | null;
  membershipEndsAt: Date | null;
}

/**
 * The answer to earning or spending by a member who is not ACTIVE; an expired membership says
 * how to get it back.
 */
export function memberNotActiveError(status: string) {
  const message =
    status === 'EXPIRED'
      ? 'This membership has expired: it cannot earn or spend points until an admin reactivates it (reactivateLoyaltyMember)'
      : `This membership is ${status.toLowerCase()}`;
  return userError(ErrorCode.MEMBER_NOT_ACTIVE, message, ['input', 'memberId']);
}

export interface Allocation {
  lotId: string;
  points: number;
}

/**
 * Members with something due at `?` (three placeholders, all the same time): a hold past its TTL,
 * pending points whose date has come, an available lot past its expiry. `scope` narrows each part,
 * e.g. `member_id = any(?::uuid[])` (then each part takes that parameter before its time).
 */
export function dueMembersSql(scope?: string): string {
  const and = scope ? `${scope} and ` : '';
  return `select member_id from points_hold where ${and}status = 'ACTIVE' and expires_at <= ?
          union select member_id from earning_lot where ${and}status = 'PENDING' and available_at <= ?
          union select member_id from earning_lot where ${and}status = 'AVAILABLE' and remaining > 0 and expires_at <= ?`;
}

/**
 * Whether one member has something due at time `at`: the test of {@link dueMembersSql} as a boolean
 * expression, for a read's select list. `memberId` and `at` are SQL expressions, e.g. `w.member_id`
 * and `$1`.
 */
export function memberDueSql(memberId: string, at: string): string {
  return `(exists (select 1 from points_hold h where h.member_id = ${memberId} and h.status = 'ACTIVE' and h.expires_at <= ${at})
           or exists (select 1 from earning_lot l where l.member_id = ${memberId} and l.status = 'PENDING' and l.available_at <= ${at})
           or exists (select 1 from earning_lot l where l.member_id = ${memberId} and l.status = 'AVAILABLE' and l.remaining > 0 and l.expires_at <= ${at}))`;
}

/**
 * Books what is due for one member in a transaction of its own. With `skipLocked`, a member whose
 * wallet another transaction holds is skipped (that transaction settles them): returns false.
 */
export async function settleMember(root: EntityManager, memberId: string, opts: { now?: Date; skipLocked?: boolean } = {}): Promise<boolean> {
  return root.fork().transactional(async (em) => {
    const ledger = await MemberLedger.lock(em, memberId, 'system', opts);
    if (!ledger) return false;
    await ledger.settle();
    await ledger.save();
    return true;
  });
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * Works on one member's points inside one transaction, with the member's wallet row locked
 * (SELECT ... FOR UPDATE), so every change of one member's points is serialised and checks such as
 * "available >= n" cannot race. Counters change in memory and are written once by `save()`.
 */
export class MemberLedger {
  private dirty = false;
  /** Set by earning and spending: `save()` then writes the last activity. */
  private active = false;

  private constructor(
    readonly em: EntityManager,
    readonly wallet: LockedWallet,
    readonly actor: string,
    readonly now: Date,
  ) {}

  /**
   * Locks the member's wallet (waiting for other writers, or skipping when `skipLocked`) and
   * reports whether holds, pending points or lots are due. Null when there is no such member or,
   * with `skipLocked`, when another transaction holds the lock.
   */
  static async lock(em: EntityManager, memberId: string, actor: string, opts: { skipLocked?: boolean; now?: Date } = {}): Promise<MemberLedger | null> {
    const now = opts.now ?? new Date();
    const rows = await em.execute<Record<string, unknown>[]>(
      `select w.member_id, w.available, w.pending, w.held, w.lifetime_earned, w.tier_points,
              -- a null last activity with an ACTIVE member read: the membership expired while this
              -- waited for the wallet (the member row read may predate it)
              case when m.status = 'ACTIVE' and w.last_activity_at is null then 'EXPIRED' else m.status end as member_status,
              m.tier_id, w.last_activity_at, m.membership_ends_at, t.rank as tier_rank, coalesce(t.earn_multiplier_percent, 100) as tier_multiplier,
              (exists (select 1 from points_hold h where h.member_id = w.member_id and h.status = 'ACTIVE' and h.expires_at <= ?)
               or exists (select 1 from earning_lot l where l.member_id = w.member_id and l.status = 'PENDING' and l.available_at <= ?)
               or exists (select 1 from earning_lot l where l.member_id = w.member_id and l.status = 'AVAILABLE' and l.remaining > 0 and l.expires_at <= ?)) as due
         from wallet w join member m on m.id = w.member_id left join tier t on t.id = m.tier_id
        where w.member_id = ?
        for update of w${opts.skipLocked ? ' skip locked' : ''}`,
      [now, now, now, memberId],
    );
    const r = rows[0];
    if (!r) return null;
    return new MemberLedger(
      em,
      {
        memberId: String(r.member_id),
        available: num(r.available),
        pending: num(r.pending),
        held: num(r.held),
        lifetimeEarned: num(r.lifetime_earned),
        tierPoints: num(r.tier_points),
        memberStatus: String(r.member_status),
        tierId: (r.tier_id as string | null) ?? null,
        tierRank: r.tier_rank === null || r.tier_rank === undefined ? null : num(r.tier_rank),
        tierMultiplierPercent: num(r.tier_multiplier),
        due: Boolean(r.due),
        lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at as string) : null,
        membershipEndsAt: r.membership_ends_at ? new Date(r.membership_ends_at as string) : null,
      },
      actor,
      now,
    );
  }

  /**
   * Writes one journal entry with its postings (one statement) and applies the member-bucket
   * postings to the in-memory counters. Returns the entry id.
   */
  async post(type: LedgerEntryType, postings: Posting[], refs: EntryRefs = {}): Promise<string> {
    if (postings.reduce((s, p) => s + p.amount, 0) !== 0) throw new Error(`unbalanced ${type} entry`);
    const w = this.wallet;
    const before = { available: w.available, pending: w.pending, held: w.held };
    for (const p of postings) {
      if (p.account === ACCOUNT.AVAILABLE) w.available += p.amount;
      else if (p.account === ACCOUNT.PENDING) w.pending += p.amount;
      else if (p.account === ACCOUNT.HELD) w.held += p.amount;
    }
    if (w.pending < 0 || w.held < 0) throw new Error(`${type} would make pending or held negative`);
    if (Math.max(w.available, 0) + w.pending + w.held > MAX_POINTS) {
      // Points are GraphQL Ints: a wallet beyond 2^31 - 1 could not be shown any more. Refused before
      // anything is written (the caller's transaction rolls back).
      throw new Outcome([userError(ErrorCode.POINTS_LIMIT_EXCEEDED, `This would take the wallet past ${MAX_POINTS} points, the most it can hold`)]);
    }
    this.dirty = true;
    const total = w.available + w.pending + w.held - (before.available + before.pending + before.held);
    const values = postings.map(() => '(?::uuid, ?, ?::bigint)').join(', ');
    const rows = await this.em.execute<{ entry_id: string }[]>(
      `with e as (
         insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after,
                                   reason, channel, sale_id, hold_id, coupon_code, campaign_id, actor, occurred_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id)
       insert into ledger_posting (entry_id, member_id, account, amount)
       select e.id, v.member_id, v.account, v.amount from e, (values ${values}) as v(member_id, account, amount)
       returning entry_id`,
      [
        w.memberId, type, total, w.available - before.available, w.available, w.pending, w.held,
        refs.reason ?? null, refs.channel ?? null, refs.saleId ?? null, refs.holdId ?? null, refs.couponCode ?? null, refs.campaignId ?? null,
        this.actor, refs.occurredAt ?? this.now,
        ...postings.flatMap((p) => [w.memberId, p.account, p.amount]),
      ],
    );
    return String(rows[0]!.entry_id);
  }

  /**
   * Writes an entry that moves no points (a level change, a free gift) into the member's log, with the
   * balances as they stand. Returns the entry id.
   */
  async note(type: LedgerEntryType, refs: EntryRefs & { tierId?: string | null } = {}): Promise<string> {
    const w = this.wallet;
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after, reason, channel, sale_id, coupon_code, tier_id, campaign_id, actor, occurred_at)
       values (?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [w.memberId, type, w.available, w.pending, w.held, refs.reason ?? null, refs.channel ?? null, refs.saleId ?? null, refs.couponCode ?? null, refs.tierId ?? null, refs.campaignId ?? null, this.actor, refs.occurredAt ?? this.now],
    );
    return String(rows[0]!.id);
  }

  /**
   * Creates an earning lot for points just posted to the member. An AVAILABLE lot first repays a
   * negative balance (a recorded clawback), so `available = sum(remaining)` holds again.
   */
  async createLot(entryId: string, points: number, status: LotStatus, availableBefore: number, opts: { availableAt?: Date | null; expiresAt?: Date | null } = {}): Promise<string> {
    const id = randomUUID();
    const debt = status === LotStatus.AVAILABLE ? Math.max(0, -availableBefore) : 0;
    await this.em.execute(
      `insert into earning_lot (id, member_id, entry_id, points, remaining, status, available_at, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, this.wallet.memberId, entryId, points, Math.max(0, points - debt), status, opts.availableAt ?? null, opts.expiresAt ?? null, this.now],
    );
    return id;
  }

  /**
   * Takes `points` from AVAILABLE lots, soonest expiry first (lots in `preferLotIds` first of all).
   * Returns what was taken from which lot; takes less when the lots hold less.
   */
  async consumeLots(points: number, preferLotIds: string[] = []): Promise<Allocation[]> {
    if (points <= 0) return [];
    const lots = await this.em.execute<{ id: string; remaining: string }[]>(
      `select id, remaining from earning_lot
        where member_id = ? and status = 'AVAILABLE' and remaining > 0
        order by (id = any(?::uuid[])) desc, expires_at asc nulls last, created_at asc, id asc`,
      [this.wallet.memberId, `{${preferLotIds.join(',')}}`],
    );
    const taken: Allocation[] = [];
    let left = points;
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(left, Number(lot.remaining));
      taken.push({ lotId: lot.id, points: take });
      left -= take;
    }
    await this.adjustLots(taken.map((a) => ({ lotId: a.lotId, points: -a.points })));
    return taken;
  }

  /** Puts points back into the lots they came from (a released or expired hold). */
  async restoreLots(allocations: Allocation[], availableBefore: number): Promise<void> {
    await this.adjustLots(allocations);
    const debt = Math.max(0, -availableBefore);
    if (debt > 0) await this.consumeLots(Math.min(debt, allocations.reduce((s, a) => s + a.points, 0)));
  }

  private async adjustLots(changes: Allocation[]): Promise<void> {
    if (changes.length === 0) return;
    await this.em.execute(
      `update earning_lot l set remaining = l.remaining + v.delta
         from (values ${changes.map(() => '(?::uuid, ?::bigint)').join(', ')}) as v(id, delta)
        where l.id = v.id`,
      changes.flatMap((c) => [c.lotId, c.points]),
    );
  }

  /**
   * Books everything that has fallen due for this member, oldest first: holds past their TTL
   * return their points, pending points whose date has come become available, lots past their
   * expiry expire. Entries are dated when booked (the due time is in the reason), so the points
   * log's balances read in order. Idempotent: what is settled is no longer due.
   */
  async settle(): Promise<void> {
    if (!this.wallet.due) return;
    const now = this.now;
    const holds = await this.em.execute<{ id: string; points: string; allocations: Allocation[]; expires_at: Date; sale_id: string; channel: string | null }[]>(
      `update points_hold set status = ?, resolved_at = expires_at
        where member_id = ? and status = 'ACTIVE' and expires_at <= ?
        returning id, points, allocations, expires_at, sale_id, channel`,
      [HoldStatus.EXPIRED, this.wallet.memberId, now],
    );
    for (const h of holds.sort((a, b) => +new Date(a.expires_at) - +new Date(b.expires_at))) {
      const p = Number(h.points);
      const before = this.wallet.available;
      await this.post(LedgerEntryType.HOLD_EXPIRE, [{ account: ACCOUNT.HELD, amount: -p }, { account: ACCOUNT.AVAILABLE, amount: p }], {
        holdId: h.id, saleId: h.sale_id, channel: h.channel, reason: `hold expired unused at ${new Date(h.expires_at).toISOString()}`,
      });
      await this.restoreLots(h.allocations, before);
    }
    const matured = await this.em.execute<{ id: string; remaining: string; available_at: Date }[]>(
      `update earning_lot set status = 'AVAILABLE'
        where member_id = ? and status = 'PENDING' and available_at <= ?
        returning id, remaining, available_at`,
      [this.wallet.memberId, now],
    );
    for (const lot of matured.sort((a, b) => +new Date(a.available_at) - +new Date(b.available_at))) {
      const p = Number(lot.remaining);
      if (p === 0) continue;
      const before = this.wallet.available;
      await this.post(LedgerEntryType.POINTS_AVAILABLE, [{ account: ACCOUNT.PENDING, amount: -p }, { account: ACCOUNT.AVAILABLE, amount: p }], {
        reason: `pending period over at ${new Date(lot.available_at).toISOString()}`,
      });
      if (before < 0) await this.consumeLots(Math.min(-before, p), [lot.id]);
    }
    const expired = await this.em.execute<{ id: string; remaining: string; expires_at: Date }[]>(
      `update earning_lot l set remaining = 0
         from (select id, remaining from earning_lot where member_id = ? and status = 'AVAILABLE' and remaining > 0 and expires_at <= ? for update) old
        where l.id = old.id
        returning l.id, old.remaining, l.expires_at`,
      [this.wallet.memberId, now],
    );
    for (const lot of expired.sort((a, b) => +new Date(a.expires_at) - +new Date(b.expires_at))) {
      const p = Number(lot.remaining);
      await this.post(LedgerEntryType.EXPIRE, [{ account: ACCOUNT.AVAILABLE, amount: -p }, { account: ACCOUNT.EXPIRED, amount: p }], {
        reason: `points expired at ${new Date(lot.expires_at).toISOString()}`,
      });
    }
    this.wallet.due = false;
  }

  /**
   * Refuses (rolling the transaction back) unless the member is ACTIVE and has `points` available.
   * A negative balance (a clawback) blocks every redemption until later earnings repay it.
   */
  requireSpendable(points: number): void {
    const w = this.wallet;
    if (w.memberStatus !== 'ACTIVE') throw new Outcome([memberNotActiveError(w.memberStatus)]);
    if (w.available < points) {
      const message = w.available < 0 ? `The member owes ${-w.available} points from a return; redemption is blocked until repaid` : `Only ${w.available} points are available`;
      throw new Outcome([userError(ErrorCode.INSUFFICIENT_POINTS, message, ['input', 'points'])]);
    }
    this.markActive();
  }

  /** Records activity of the member (earning, spending): `save()` writes it, at most once an hour. */
  markActive(): void {
    this.active = true;
    this.dirty = true;
  }

  /** Writes the counters back (once per transaction). */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const w = this.wallet;
    await this.em.execute(
      `update wallet set available = ?, pending = ?, held = ?, lifetime_earned = ?, tier_points = ?, updated_at = ?${this.active ? ', last_activity_at = loyalty_activity_at(last_activity_at, ?)' : ''} where member_id = ?`,
      [w.available, w.pending, w.held, w.lifetimeEarned, w.tierPoints, this.now, ...(this.active ? [this.now] : []), w.memberId],
    );
    this.dirty = false;
    this.active = false;
  }

  /** Marks counters changed outside `post` (lifetime and tier points). */
  touch(): void {
    this.dirty = true;
  }
}
