import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { BadInputError, ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { CouponKind } from '../coupons/coupon.entity';
import { couponSnapshot, insertCoupon, lockActiveMember, requireActingFor, spendPointsOnCoupon, type CouponSnapshot } from '../coupons/coupon.service';
import { checkIdempotencyKey } from '../idempotency/idempotency';
import { actorOf, ledgerTransaction, Outcome } from '../ledger/ledger-transaction';
import { Reward, RewardKind } from './reward.entity';
import type { SaveLoyaltyRewardInput } from './reward.input';

export interface RewardAvailability {
  affordable: boolean;
  allowed: boolean;
  /** Why not allowed (or not affordable): REWARD_NOT_AVAILABLE, OUT_OF_STOCK, TIER_TOO_LOW, REWARD_LIMIT_REACHED, INSUFFICIENT_POINTS. */
  reason: ErrorCode | null;
}

interface MemberFacts {
  available: number;
  tierRank: number | null;
  held: Map<string, number>;
}

/** Why a member may not claim a reward now (first reason that applies), or null. */
function refusal(reward: Reward, member: MemberFacts, now: Date): ErrorCode | null {
  if (!reward.active || (reward.validFrom && reward.validFrom > now) || (reward.validUntil && reward.validUntil <= now)) return ErrorCode.REWARD_NOT_AVAILABLE;
  if (reward.minTierRank != null && (member.tierRank ?? -1) < reward.minTierRank) return ErrorCode.TIER_TOO_LOW;
  if (reward.perMemberLimit != null && (member.held.get(reward.id) ?? 0) >= reward.perMemberLimit) return ErrorCode.REWARD_LIMIT_REACHED;
  if (reward.stock != null && reward.stock <= 0) return ErrorCode.OUT_OF_STOCK;
  return null;
}

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.REWARD_NOT_AVAILABLE]: 'This reward is not available now',
  [ErrorCode.TIER_TOO_LOW]: "This reward is for a higher tier than the member's",
  [ErrorCode.REWARD_LIMIT_REACHED]: 'The member already has as many of this reward as allowed',
  [ErrorCode.OUT_OF_STOCK]: 'This reward is out of stock',
};

async function memberFacts(ctx: RequestContext, memberId: string): Promise<MemberFacts | null> {
  const member = await ctx.loaders.memberById.load(memberId);
  if (!member) return null;
  const [wallet, tier, coupons] = await Promise.all([
    ctx.loaders.walletByMemberId.load(member.id),
    member.tier ? ctx.loaders.tierById.load(member.tier.id) : null,
    ctx.loaders.couponsByMemberId.load(member.id),
  ]);
  const held = new Map<string, number>();
  for (const c of coupons) if (c.rewardId && c.status !== 'VOIDED') held.set(c.rewardId, (held.get(c.rewardId) ?? 0) + 1);
  return { available: wallet?.available ?? 0, tierRank: tier?.rank ?? null, held };
}

/**
 * The catalogue. With a member (members: always themselves), each reward says whether it is
 * affordable and allowed for them. Admins may include inactive and out-of-window rewards.
 */
export async function listRewards(ctx: RequestContext, args: { memberId?: string | null; includeInactive?: boolean | null }) {
  const p = requireRole(ctx, ['admin', 'till', 'service', 'member']);
  const memberId = p.roles.has('member') && !p.roles.has('admin') && !p.roles.has('till') && !p.roles.has('service') ? p.memberId! : args.memberId ?? null;
  if (memberId && !isUuid(memberId)) throw new BadInputError('memberId is not a member id');
  const now = new Date();
  const rewards = await ctx.em.find(Reward, args.includeInactive && p.roles.has('admin') ? {} : { active: true }, { orderBy: { pointsCost: 'asc', name: 'asc' } });
  const visible = args.includeInactive && p.roles.has('admin') ? rewards : rewards.filter((r) => (!r.validFrom || r.validFrom <= now) && (!r.validUntil || r.validUntil > now));
  const facts = memberId && isUuid(memberId) ? await memberFacts(ctx, memberId.toLowerCase()) : null;
  return visible.map((reward) => {
    let availability: RewardAvailability | null = null;
    if (facts) {
      const reason = refusal(reward, facts, now);
      const affordable = facts.available >= reward.pointsCost;
      availability = { affordable, allowed: reason === null, reason: reason ?? (affordable ? null : ErrorCode.INSUFFICIENT_POINTS) };
    }
    return { ...reward, availability };
  });
}

/**
 * Spends a member's points on a catalogue reward and issues its coupon (a GIFT_ITEM coupon for the
 * product, or a CASH_VOUCHER), one transaction: stock is taken with a conditional update, so
 * concurrent claims never oversell, and the member's row lock means they never overspend.
 */
export async function claimReward(
  ctx: RequestContext,
  args: { idempotencyKey: string; memberId: string; rewardId: string },
  kind: RewardKind,
): Promise<{ coupon: CouponSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { coupon: null, userErrors: [keyError] };
  requireActingFor(ctx, args.memberId);
  const settings = await ctx.loaders.settings();
  const operation = kind === RewardKind.GIFT_ITEM ? 'issueGiftItem' : 'claimVoucherReward';
  const out = await ledgerTransaction<CouponSnapshot>(ctx, { operation, key: args.idempotencyKey, request: { memberId: args.memberId, rewardId: args.rewardId } }, async (em) => {
    const ledger = await lockActiveMember(em, ctx, args.memberId);
    const rows = isUuid(args.rewardId) ? await em.execute<Record<string, any>[]>('select * from reward where id = ?', [args.rewardId.toLowerCase()]) : [];
    if (!rows[0]) throw new Outcome([userError(ErrorCode.REWARD_NOT_FOUND, 'No reward has this id', ['input', 'rewardId'])]);
    const reward = em.map(Reward, rows[0]);
    if (reward.kind !== kind) {
      throw new Outcome([userError(ErrorCode.INVALID_INPUT, kind === RewardKind.GIFT_ITEM ? 'This reward is not a gift item' : 'This reward is not a voucher', ['input', 'rewardId'])]);
    }
    const heldRows = await em.execute<{ n: number }[]>(`select count(*)::int as n from coupon where member_id = ? and reward_id = ? and status <> 'VOIDED'`, [ledger.wallet.memberId, reward.id]);
    const reason = refusal(reward, { available: ledger.wallet.available, tierRank: ledger.wallet.tierRank, held: new Map([[reward.id, heldRows[0]!.n]]) }, ledger.now);
    if (reason && reason !== ErrorCode.OUT_OF_STOCK) throw new Outcome([userError(reason, MESSAGES[reason]!, ['input', 'rewardId'])]);
    const row = await spendPointsOnCoupon(ledger, reward.pointsCost, `${reward.name}`, async (allocations) => {
      const taken = await em.execute<{ id: string }[]>('update reward set stock = stock - 1, updated_at = ? where id = ? and (stock is null or stock > 0) returning id', [ledger.now, reward.id]);
      if (!taken[0]) throw new Outcome([userError(ErrorCode.OUT_OF_STOCK, MESSAGES[ErrorCode.OUT_OF_STOCK]!, ['input', 'rewardId'])]);
      return insertCoupon(em, {
        kind: kind === RewardKind.GIFT_ITEM ? CouponKind.GIFT_ITEM : CouponKind.CASH_VOUCHER,
        title: reward.name, memberId: ledger.wallet.memberId, rewardId: reward.id, productId: reward.productId ?? null,
        valueMinor: reward.voucherValueMinor, pointsSpent: reward.pointsCost, allocations,
        expiresAt: new Date(ledger.now.getTime() + settings.couponValidityDays * 86_400_000), issuedBy: actorOf(ctx),
      }, settings.currencyCode, ledger.now);
    });
    await ledger.save();
    return couponSnapshot(row, ledger.now);
  });
  return { coupon: out.result, userErrors: out.userErrors };
}

/** Creates or updates a catalogue entry (admins). */
export async function saveReward(ctx: RequestContext, input: SaveLoyaltyRewardInput): Promise<{ reward: Reward | null; userErrors: UserError[] }> {
  const settings = await ctx.loaders.settings();
  const check = new InputChecker();
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });
  const description = check.text('description', input.description, 500, { label: 'description' });
  const productId = check.text('productId', input.productId, 64, { label: 'productId' });
  if (input.kind === RewardKind.GIFT_ITEM && !productId) check.fail('productId', 'A gift item needs the commerce productId');
  if (!Number.isInteger(input.pointsCost) || input.pointsCost < 1 || input.pointsCost > 1_000_000_000) check.fail('pointsCost', 'pointsCost must be a whole number from 1 to 1,000,000,000');
  let voucherValueMinor = 0;
  if (input.kind === RewardKind.CASH_VOUCHER) {
    const v = input.voucherValue;
    if (!v || v.currencyCode?.toUpperCase() !== settings.currencyCode) check.fail('voucherValue', `A voucher needs its value in ${settings.currencyCode}`, v ? ErrorCode.CURRENCY_MISMATCH : ErrorCode.INVALID_INPUT);
    else if (!Number.isInteger(v.amount) || v.amount < 1 || v.amount > 100_000_000) check.fail('voucherValue.amount', 'voucherValue.amount must be a positive whole number of minor units');
    else voucherValueMinor = v.amount;
  }
  for (const [field, value, max] of [['stock', input.stock, 10_000_000], ['perMemberLimit', input.perMemberLimit, 1_000], ['minTierRank', input.minTierRank, 1_000]] as const) {
    if (value != null && (!Number.isInteger(value) || value < 0 || value > max)) check.fail(field, `${field} must be a whole number from 0 to ${max}`);
  }
  if (input.validFrom && input.validUntil && input.validFrom >= input.validUntil) check.fail('validUntil', 'validUntil must be after validFrom');
  if (!check.ok || !name) return { reward: null, userErrors: check.errors };
  let reward: Reward | null;
  if (input.id) {
    reward = isUuid(input.id) ? await ctx.em.findOne(Reward, { id: input.id.toLowerCase() }) : null;
    if (!reward) return { reward: null, userErrors: [userError(ErrorCode.REWARD_NOT_FOUND, 'No reward has this id', ['input', 'id'])] };
  } else {
    reward = ctx.em.create(Reward, { kind: input.kind, name, pointsCost: input.pointsCost });
  }
  Object.assign(reward, {
    kind: input.kind, name, description, productId, pointsCost: input.pointsCost, voucherValueMinor,
    stock: input.stock ?? null, perMemberLimit: input.perMemberLimit ?? null, minTierRank: input.minTierRank ?? null,
    validFrom: input.validFrom ?? null, validUntil: input.validUntil ?? null, active: input.active ?? true, updatedAt: new Date(),
  });
  await ctx.em.flush();
  return { reward, userErrors: [] };
}
