import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { BadInputError, ErrorCode, ForbiddenError, userError, type UserError } from '../../common/errors';
import { formatMinor, type MoneyInput } from '../../common/money';
import { InputChecker, isUuid } from '../../common/validation';
import { checkIdempotencyKey } from '../idempotency/idempotency';
import { checkSaleChannel } from '../earning/sale.validation';
import { refuseOtherStoresSale } from '../earning/earning.service';
import { ACCOUNT, MemberLedger, memberNotActiveError, type Allocation } from '../ledger/ledger.core';
import { LedgerEntryType } from '../ledger/ledger.entities';
import { actorOf, ledgerTransaction, Outcome } from '../ledger/ledger-transaction';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { cashValueOf } from '../programme/programme.service';
import { generateCouponCode, parseCouponCode } from './coupon-code';
import { CouponKind, CouponStatus } from './coupon.entity';

/** A coupon as returned to callers and stored with idempotency keys; times are ISO strings. */
export interface CouponSnapshot {
  code: string;
  kind: CouponKind;
  /** Effective: an ACTIVE coupon past its expiry is EXPIRED. */
  status: CouponStatus;
  memberId: string | null;
  rewardId: string | null;
  valueMinor: number;
  currencyCode: string;
  percent: number;
  productId: string | null;
  /** The campaign that issued it, if one did. */
  campaignId: string | null;
  title: string;
  pointsSpent: number;
  issuedAt: string;
  expiresAt: string;
  redeemedAt: string | null;
  redeemedSaleId: string | null;
  voidedAt: string | null;
}

export function couponSnapshot(row: Record<string, any>, now: Date = new Date()): CouponSnapshot {
  const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
  const expiresAt = new Date(row.expires_at);
  const stored = row.status as CouponStatus;
  return {
    code: row.code,
    kind: row.kind,
    status: stored === CouponStatus.ACTIVE && expiresAt <= now ? CouponStatus.EXPIRED : stored,
    memberId: row.member_id ?? null,
    rewardId: row.reward_id ?? null,
    valueMinor: Number(row.value_minor),
    currencyCode: row.currency_code,
    percent: Number(row.percent),
    productId: row.product_id ?? null,
    campaignId: row.campaign_id ?? null,
    title: row.title,
    pointsSpent: Number(row.points_spent),
    issuedAt: iso(row.issued_at)!,
    expiresAt: expiresAt.toISOString(),
    redeemedAt: iso(row.redeemed_at),
    redeemedSaleId: row.redeemed_sale_id ?? null,
    voidedAt: iso(row.voided_at),
  };
}

export interface NewCoupon {
  kind: CouponKind;
  title: string;
  memberId: string | null;
  rewardId?: string | null;
  valueMinor?: number;
  percent?: number;
  productId?: string | null;
  campaignId?: string | null;
  pointsSpent?: number;
  allocations?: Allocation[];
  expiresAt: Date;
  issuedBy: string;
}

/** Inserts a coupon under a fresh random code (a collision, about 1 in 10^15, just draws again). */
export async function insertCoupon(em: EntityManager, c: NewCoupon, currencyCode: string, now: Date): Promise<Record<string, any>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await em.execute<Record<string, any>[]>(
      `insert into coupon (code, kind, status, member_id, reward_id, value_minor, currency_code, percent, product_id, campaign_id, title, points_spent, allocations, issued_at, expires_at, issued_by)
       values (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict (code) do nothing returning *`,
      [generateCouponCode(), c.kind, c.memberId, c.rewardId ?? null, c.valueMinor ?? 0, currencyCode, c.percent ?? 0, c.productId ?? null, c.campaignId ?? null, c.title,
        c.pointsSpent ?? 0, JSON.stringify(c.allocations ?? []), now, c.expiresAt, c.issuedBy],
    );
    if (rows[0]) return rows[0];
  }
  throw new Error('could not draw an unused coupon code');
}

/**
 * Spends a locked member's points on a coupon: checks status and balance, takes the points from
 * the lots (FIFO), lets `makeCoupon` insert the coupon with those allocations, and books the
 * COUPON_ISSUE entry under the coupon's code.
 */
export async function spendPointsOnCoupon(
  ledger: MemberLedger,
  points: number,
  reason: string,
  makeCoupon: (allocations: Allocation[]) => Promise<Record<string, any>>,
): Promise<Record<string, any>> {
  ledger.requireSpendable(points);
  const allocations = await ledger.consumeLots(points);
  const row = await makeCoupon(allocations);
  await ledger.post(LedgerEntryType.COUPON_ISSUE, [{ account: ACCOUNT.AVAILABLE, amount: -points }, { account: ACCOUNT.COUPONS, amount: points }], { couponCode: row.code, reason });
  return row;
}

/** A member's own data: members act only for themselves; staff for anyone. */
export function requireActingFor(ctx: RequestContext, memberId: string): void {
  const p = requireRole(ctx, ['admin', 'till', 'service', 'member']);
  const staff = p.roles.has('admin') || p.roles.has('till') || p.roles.has('service');
  if (!staff && p.memberId !== memberId.toLowerCase()) throw new ForbiddenError('A member may act only for themselves');
}

export async function lockActiveMember(em: EntityManager, ctx: RequestContext, memberId: string): Promise<MemberLedger> {
  const ledger = isUuid(memberId) ? await MemberLedger.lock(em, memberId.toLowerCase(), actorOf(ctx)) : null;
  if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
  await ledger.settle();
  return ledger;
}

function expiry(settings: ProgrammeSettings, now: Date, days?: number | null): Date {
  return new Date(now.getTime() + (days ?? settings.couponValidityDays) * 86_400_000);
}

/**
 * Turns points into a cash voucher at the programme's conversion rate (value floored), valid for
 * the programme's coupon validity. At least `minRedeemPoints` (BELOW_MINIMUM_POINTS otherwise).
 */
export async function convertPointsToCoupon(ctx: RequestContext, args: { idempotencyKey: string; memberId: string; points: number }): Promise<{ coupon: CouponSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { coupon: null, userErrors: [keyError] };
  requireActingFor(ctx, args.memberId);
  const settings = await ctx.loaders.settings();
  if (!Number.isInteger(args.points) || args.points <= 0 || args.points > 1_000_000_000) {
    return { coupon: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'points must be a whole number from 1 to 1,000,000,000', ['input', 'points'])] };
  }
  if (args.points < settings.minRedeemPoints) {
    return { coupon: null, userErrors: [userError(ErrorCode.BELOW_MINIMUM_POINTS, `At least ${settings.minRedeemPoints} points per voucher`, ['input', 'points'])] };
  }
  const value = cashValueOf(settings, args.points);
  if (value <= 0) return { coupon: null, userErrors: [userError(ErrorCode.BELOW_MINIMUM_POINTS, 'These points are worth less than one minor unit', ['input', 'points'])] };
  const out = await ledgerTransaction<CouponSnapshot>(ctx, { operation: 'convertPointsToCoupon', key: args.idempotencyKey, request: { memberId: args.memberId, points: args.points } }, async (em) => {
    const ledger = await lockActiveMember(em, ctx, args.memberId);
    const row = await spendPointsOnCoupon(ledger, args.points, `voucher worth ${value} minor units`, (allocations) =>
      insertCoupon(em, {
        kind: CouponKind.CASH_VOUCHER, title: `${formatMinor(value, settings.currencyCode)} voucher`, memberId: ledger.wallet.memberId,
        valueMinor: value, pointsSpent: args.points, allocations, expiresAt: expiry(settings, ledger.now), issuedBy: actorOf(ctx),
      }, settings.currencyCode, ledger.now),
    );
    await ledger.save();
    return couponSnapshot(row, ledger.now);
  });
  return { coupon: out.result, userErrors: out.userErrors };
}

/** Admins issue percent-discount or goodwill cash coupons without points, member-bound or bearer. */
export async function issueCoupon(
  ctx: RequestContext,
  args: { idempotencyKey: string; kind: CouponKind; percent?: number | null; value?: MoneyInput | null; memberId?: string | null; title?: string | null; validDays?: number | null },
): Promise<{ coupon: CouponSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { coupon: null, userErrors: [keyError] };
  const settings = await ctx.loaders.settings();
  const check = new InputChecker();
  const title = check.text('title', args.title, 200, { label: 'title' });
  let percent = 0;
  let valueMinor = 0;
  if (args.kind === CouponKind.PERCENT_DISCOUNT) {
    if (!Number.isInteger(args.percent) || args.percent! < 1 || args.percent! > 100) check.fail('percent', 'percent must be a whole number from 1 to 100');
    else percent = args.percent!;
  } else if (args.kind === CouponKind.CASH_VOUCHER) {
    if (!args.value || args.value.currencyCode?.toUpperCase() !== settings.currencyCode) check.fail('value', `value must be given in ${settings.currencyCode}`, args.value ? ErrorCode.CURRENCY_MISMATCH : ErrorCode.INVALID_INPUT);
    else if (!Number.isInteger(args.value.amount) || args.value.amount <= 0 || args.value.amount > 100_000_000) check.fail('value.amount', 'value.amount must be a positive whole number of minor units');
    else valueMinor = args.value.amount;
  } else {
    check.fail('kind', 'Gift items are issued from the reward catalogue with issueGiftItem');
  }
  if (args.validDays != null && (!Number.isInteger(args.validDays) || args.validDays < 1 || args.validDays > 3650)) check.fail('validDays', 'validDays must be from 1 to 3650');
  if (!check.ok) return { coupon: null, userErrors: check.errors };
  const out = await ledgerTransaction<CouponSnapshot>(ctx, { operation: 'issueCoupon', key: args.idempotencyKey, request: { ...args, idempotencyKey: undefined } }, async (em) => {
    let memberId: string | null = null;
    if (args.memberId) {
      const rows = isUuid(args.memberId) ? await em.execute<{ id: string }[]>('select id from member where id = ?', [args.memberId.toLowerCase()]) : [];
      if (!rows[0]) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
      memberId = rows[0].id;
    }
    const now = new Date();
    const row = await insertCoupon(em, {
      kind: args.kind, memberId, percent, valueMinor, expiresAt: expiry(settings, now, args.validDays), issuedBy: actorOf(ctx),
      title: title ?? (args.kind === CouponKind.PERCENT_DISCOUNT ? `${percent}% off` : `${formatMinor(valueMinor, settings.currencyCode)} voucher`),
    }, settings.currencyCode, now);
    return couponSnapshot(row, now);
  });
  return { coupon: out.result, userErrors: out.userErrors };
}

export interface CouponCheck {
  valid: boolean;
  reason: ErrorCode | null;
  message: string | null;
  coupon: CouponSnapshot | null;
}

function invalid(reason: ErrorCode, message: string, coupon: CouponSnapshot | null = null): CouponCheck {
  return { valid: false, reason, message, coupon };
}

/** Why a coupon cannot be used now (for `memberId`, when given), or that it can. */
export function judgeCoupon(snapshot: CouponSnapshot | null, memberId: string | null): CouponCheck {
  if (!snapshot) return invalid(ErrorCode.COUPON_NOT_FOUND, 'No coupon has this code');
  if (snapshot.status === CouponStatus.VOIDED) return invalid(ErrorCode.COUPON_VOIDED, 'This coupon was cancelled', snapshot);
  if (snapshot.status === CouponStatus.REDEEMED) return invalid(ErrorCode.COUPON_ALREADY_REDEEMED, `This coupon was used on ${snapshot.redeemedAt?.slice(0, 10)}`, snapshot);
  if (snapshot.status === CouponStatus.EXPIRED) return invalid(ErrorCode.COUPON_EXPIRED, `This coupon expired on ${snapshot.expiresAt.slice(0, 10)}`, snapshot);
  if (snapshot.memberId && memberId && snapshot.memberId !== memberId.toLowerCase()) {
    return invalid(ErrorCode.COUPON_WRONG_MEMBER, "This coupon belongs to another member", snapshot);
  }
  return { valid: true, reason: null, message: null, coupon: snapshot };
}

/**
 * Real-time check at the till: well-formed (check characters) before any lookup, exists, not
 * cancelled, not used, not expired, and, for a member-bound coupon, this member's. Members can only
 * check codes for themselves.
 */
export async function validateCoupon(ctx: RequestContext, rawCode: string, memberId: string | null): Promise<CouponCheck> {
  const p = requireRole(ctx, ['admin', 'till', 'service', 'member']);
  const staff = p.roles.has('admin') || p.roles.has('till') || p.roles.has('service');
  if (staff && memberId && !isUuid(memberId)) throw new BadInputError('memberId is not a member id');
  const forMember = staff ? memberId?.toLowerCase() ?? null : p.memberId!;
  const code = parseCouponCode(rawCode);
  if (!code) return invalid(ErrorCode.COUPON_MALFORMED, 'This is not a coupon code: check for a typing mistake');
  const snapshot = await ctx.loaders.couponByCode.load(code);
  const result = judgeCoupon(snapshot, forMember);
  if (!staff && result.coupon && result.coupon.memberId !== p.memberId) return invalid(ErrorCode.COUPON_NOT_FOUND, 'No coupon has this code');
  return result;
}

/**
 * Uses a coupon on a sale, once. The conditional update makes two tills racing for one code
 * produce exactly one winner; the loser learns why (already redeemed).
 */
export async function redeemCoupon(
  ctx: RequestContext,
  args: { idempotencyKey: string; code: string; saleId: string; channel?: string | null; tillId?: string | null; memberId?: string | null },
): Promise<{ coupon: CouponSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { coupon: null, userErrors: [keyError] };
  const code = parseCouponCode(args.code);
  if (!code) return { coupon: null, userErrors: [userError(ErrorCode.COUPON_MALFORMED, 'This is not a coupon code: check for a typing mistake', ['input', 'code'])] };
  const check = new InputChecker();
  const saleId = check.text('saleId', args.saleId, 128, { required: true, label: 'saleId' });
  const tillId = check.text('tillId', args.tillId, 64, { label: 'tillId' });
  const channel = checkSaleChannel(check, 'channel', args.channel, ctx.principal);
  // A malformed member id is an error, never a skipped check of whose coupon this is.
  if (args.memberId != null && args.memberId !== '' && !isUuid(args.memberId)) check.fail('memberId', 'memberId is not a member id');
  if (!check.ok || !saleId || !channel) return { coupon: null, userErrors: check.errors };
  const memberId = args.memberId ? args.memberId.toLowerCase() : null;
  const out = await ledgerTransaction<CouponSnapshot>(ctx, { operation: 'redeemCoupon', key: args.idempotencyKey, request: { code, saleId, channel, tillId, memberId } }, async (em) => {
    await refuseOtherStoresSale(em, ctx.principal, channel, saleId);
    const now = new Date();
    // A till's redemption is recorded for its own store and till, whatever the input says.
    const rows = await em.execute<Record<string, any>[]>(
      `update coupon set status = 'REDEEMED', redeemed_at = ?, redeemed_sale_id = ?, redeemed_channel = ?, redeemed_store_id = ?, redeemed_till_id = ?
        where code = ? and status = 'ACTIVE' and expires_at > ? and (member_id is null or ?::uuid is null or member_id = ?::uuid)
        returning *`,
      [now, saleId, channel, ctx.principal?.storeId ?? null, ctx.principal?.tillId ?? tillId, code, now, memberId, memberId],
    );
    if (rows[0]) {
      if (rows[0].member_id) await requireActiveOwner(em, String(rows[0].member_id), now);
      return couponSnapshot(rows[0], now);
    }
    const current = await em.execute<Record<string, any>[]>('select * from coupon where code = ?', [code]);
    const why = judgeCoupon(current[0] ? couponSnapshot(current[0], now) : null, memberId);
    throw new Outcome([userError(why.reason ?? ErrorCode.COUPON_NOT_FOUND, why.message ?? 'This coupon cannot be used', ['input', 'code'])]);
  });
  return { coupon: out.result, userErrors: out.userErrors };
}

/**
 * A member's coupon is spent only while the membership is ACTIVE (an expired one refuses, which
 * rolls the redemption back); it is the member's activity, in the same statement.
 */
async function requireActiveOwner(em: EntityManager, memberId: string, now: Date): Promise<void> {
  const rows = await em.execute<{ status: string }[]>(
    `with m as (select status from member where id = ?),
          a as (update wallet set last_activity_at = loyalty_activity_at(last_activity_at, ?) where member_id = ? and (select status from m) = 'ACTIVE')
     select status from m`,
    [memberId, now, memberId],
  );
  const status = rows[0]?.status ?? 'ACTIVE';
  if (status !== 'ACTIVE') throw new Outcome([{ ...memberNotActiveError(status), field: ['input', 'code'] }]);
}

/**
 * Cancels an unused coupon (admins, or the member whose coupon it is): the points it cost go back
 * to the lots they came from (those past their expiry then expire), a gift item's unit goes back
 * to stock. A used or expired coupon cannot be cancelled.
 */
export async function voidCoupon(ctx: RequestContext, args: { idempotencyKey: string; code: string; reason?: string | null }): Promise<{ coupon: CouponSnapshot | null; userErrors: UserError[] }> {
  const p = requireRole(ctx, ['admin', 'member']);
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { coupon: null, userErrors: [keyError] };
  const code = parseCouponCode(args.code);
  if (!code) return { coupon: null, userErrors: [userError(ErrorCode.COUPON_MALFORMED, 'This is not a coupon code: check for a typing mistake', ['input', 'code'])] };
  const check = new InputChecker();
  const reason = check.text('reason', args.reason, 500, { label: 'reason' });
  if (!check.ok) return { coupon: null, userErrors: check.errors };
  const out = await ledgerTransaction<CouponSnapshot>(ctx, { operation: 'voidCoupon', key: args.idempotencyKey, request: { code, reason } }, async (em) => {
    const notFound = new Outcome([userError(ErrorCode.COUPON_NOT_FOUND, 'No coupon has this code', ['input', 'code'])]);
    const found = await em.execute<Record<string, any>[]>('select member_id from coupon where code = ?', [code]);
    if (!found[0]) throw notFound;
    const ownerId: string | null = found[0].member_id;
    // Another member's coupon answers as one that does not exist: codes cannot be probed.
    if (!p.roles.has('admin') && ownerId !== p.memberId) throw notFound;
    const ledger = ownerId ? await MemberLedger.lock(em, ownerId, actorOf(ctx)) : null;
    await ledger?.settle();
    const now = ledger?.now ?? new Date();
    const rows = await em.execute<Record<string, any>[]>('select * from coupon where code = ? for update', [code]);
    const snap = couponSnapshot(rows[0]!, now);
    if (snap.status !== CouponStatus.ACTIVE) {
      const why = judgeCoupon(snap, null);
      throw new Outcome([userError(why.reason!, why.message!, ['input', 'code'])]);
    }
    if (ledger && snap.pointsSpent > 0) {
      const before = ledger.wallet.available;
      await ledger.post(LedgerEntryType.COUPON_VOID, [{ account: ACCOUNT.COUPONS, amount: -snap.pointsSpent }, { account: ACCOUNT.AVAILABLE, amount: snap.pointsSpent }], {
        couponCode: code, reason: reason ?? 'coupon cancelled',
      });
      await ledger.restoreLots(rows[0]!.allocations as Allocation[], before);
    }
    if (snap.rewardId) await em.execute('update reward set stock = stock + 1 where id = ? and stock is not null', [snap.rewardId]);
    const updated = await em.execute<Record<string, any>[]>(`update coupon set status = 'VOIDED', voided_at = ?, void_reason = ? where code = ? returning *`, [now, reason, code]);
    if (ledger) {
      // Points restored to lots past their expiry expire now, not at the next read.
      ledger.wallet.due = true;
      await ledger.settle();
      await ledger.save();
    }
    return couponSnapshot(updated[0]!, now);
  });
  return { coupon: out.result, userErrors: out.userErrors };
}

/**
 * After a sale is returned in full, the member's own coupons used on it become usable again.
 * Returns their codes. Only coupons used on this sale (same channel and sale id) and bound to the
 * sale's member: a bearer coupon or a coupon used on a same-named sale of another channel stays used.
 */
export async function restoreCouponsOfReturnedSale(em: EntityManager, channel: string, saleId: string, memberId: string, storeId: string | null): Promise<string[]> {
  const rows = await em.execute<{ code: string }[]>(
    `update coupon set status = 'ACTIVE', redeemed_at = null, redeemed_sale_id = null, redeemed_channel = null, redeemed_store_id = null, redeemed_till_id = null
      where redeemed_channel = ? and redeemed_sale_id = ? and member_id = ? and status = 'REDEEMED'
        and (redeemed_store_id is null or ?::text is null or redeemed_store_id = ?::text)
      returning code`,
    [channel, saleId, memberId, storeId, storeId],
  );
  return rows.map((r) => r.code);
}
