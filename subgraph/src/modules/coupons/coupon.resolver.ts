import { StaffOnly } from '../../auth/staff';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { selects } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import { canReadMember, requireRole } from '../../common/context';
import { hasAnyRole } from '../../auth/principal';
import { BadInputError, type UserError } from '../../common/errors';
import { MAX_PAGE_SIZE } from '../../common/pagination';
import type { Member } from '../members/member.entity';
import { LoyaltyMemberType } from '../members/member.type';
import { RewardKind } from '../rewards/reward.entity';
import { claimReward } from '../rewards/reward.service';
import { couponBarcodePayload, formatCouponCode, parseCouponCode } from './coupon-code';
import { CouponStatus } from './coupon.entity';
import {
  ClaimLoyaltyVoucherInput,
  ClaimLoyaltyVoucherPayload,
  ConvertPointsToCouponInput,
  ConvertPointsToCouponPayload,
  IssueLoyaltyCouponInput,
  IssueLoyaltyCouponPayload,
  IssueLoyaltyGiftItemInput,
  IssueLoyaltyGiftItemPayload,
  RedeemLoyaltyCouponInput,
  RedeemLoyaltyCouponPayload,
  VoidLoyaltyCouponInput,
  VoidLoyaltyCouponPayload,
} from './coupon.input';
import * as coupons from './coupon.service';
import { CouponType, CouponValidationType } from './coupon.type';

/** The GraphQL shape of a coupon snapshot. */
export function couponGql(s: coupons.CouponSnapshot): CouponType & { memberId: string | null } {
  return {
    ...s,
    displayCode: formatCouponCode(s.code),
    barcodePayload: couponBarcodePayload(s.code),
    value: s.kind === 'CASH_VOUCHER' ? { amount: s.valueMinor, currencyCode: s.currencyCode } : null,
    percent: s.kind === 'PERCENT_DISCOUNT' ? s.percent : null,
    issuedAt: new Date(s.issuedAt),
    expiresAt: new Date(s.expiresAt),
    redeemedAt: s.redeemedAt ? new Date(s.redeemedAt) : null,
    voidedAt: s.voidedAt ? new Date(s.voidedAt) : null,
  };
}

async function shape(ctx: RequestContext, info: GraphQLResolveInfo, out: { coupon: coupons.CouponSnapshot | null; userErrors: UserError[] }) {
  return {
    coupon: out.coupon ? couponGql(out.coupon) : null,
    member: out.coupon?.memberId && selects(info, 'member') ? await ctx.loaders.memberById.load(out.coupon.memberId) : null,
    userErrors: out.userErrors,
  };
}

@Resolver(() => CouponType)
export class CouponResolver {
  @Authorized()
  @Query(() => CouponType, { nullable: true, description: 'A coupon by code (members: their own only).' })
  async loyaltyCoupon(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext) {
    const canonical = parseCouponCode(code);
    const snap = canonical ? await ctx.loaders.couponByCode.load(canonical) : null;
    if (!snap) return null;
    const p = ctx.principal!;
    const staff = p.roles.has('admin') || p.roles.has('till') || p.roles.has('service');
    if (!staff && snap.memberId !== p.memberId) return null;
    return couponGql(snap);
  }

  @Authorized()
  @Query(() => CouponValidationType, { description: 'Can this code be used now, by this member? With the reason when not.' })
  async validateLoyaltyCoupon(
    @Arg('code', () => String) code: string,
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const r = await coupons.validateCoupon(ctx, code, memberId);
    return { ...r, coupon: r.coupon ? couponGql(r.coupon) : null };
  }

  @Authorized('admin', 'till', 'service', 'member')
  @Mutation(() => ConvertPointsToCouponPayload, { description: 'Turn points into a cash voucher at the conversion rate.' })
  async convertPointsToCoupon(@Arg('input', () => ConvertPointsToCouponInput) input: ConvertPointsToCouponInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await coupons.convertPointsToCoupon(ctx, input));
  }

  @Authorized('admin', 'till', 'service', 'member')
  @Mutation(() => IssueLoyaltyGiftItemPayload, { description: 'Spend points on a gift item from the catalogue: a GIFT_ITEM coupon for the product.' })
  async issueLoyaltyGiftItem(@Arg('input', () => IssueLoyaltyGiftItemInput) input: IssueLoyaltyGiftItemInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await claimReward(ctx, input, RewardKind.GIFT_ITEM));
  }

  @Authorized('admin', 'till', 'service', 'member')
  @Mutation(() => ClaimLoyaltyVoucherPayload, { description: 'Spend points on a voucher from the catalogue.' })
  async claimLoyaltyVoucher(@Arg('input', () => ClaimLoyaltyVoucherInput) input: ClaimLoyaltyVoucherInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await claimReward(ctx, input, RewardKind.CASH_VOUCHER));
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => IssueLoyaltyCouponPayload)
  async issueLoyaltyCoupon(@Arg('input', () => IssueLoyaltyCouponInput) input: IssueLoyaltyCouponInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await coupons.issueCoupon(ctx, input));
  }

  @StaffOnly()
  @Authorized('admin', 'till', 'service')
  @Mutation(() => RedeemLoyaltyCouponPayload, { description: 'Use a coupon on a sale, once; two tills at once: one wins.' })
  async redeemLoyaltyCoupon(@Arg('input', () => RedeemLoyaltyCouponInput) input: RedeemLoyaltyCouponInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await coupons.redeemCoupon(ctx, input));
  }

  @Authorized('admin', 'member')
  @Mutation(() => VoidLoyaltyCouponPayload, { description: 'Cancel an unused coupon; its points go back to the member.' })
  async voidLoyaltyCoupon(@Arg('input', () => VoidLoyaltyCouponInput) input: VoidLoyaltyCouponInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await coupons.voidCoupon(ctx, input));
  }

  @FieldResolver(() => LoyaltyMemberType, { nullable: true })
  member(@Root() coupon: { memberId: string | null }, @Ctx() ctx: RequestContext) {
    return coupon.memberId ? ctx.loaders.memberById.load(coupon.memberId) : null;
  }
}

@Resolver(() => LoyaltyMemberType)
export class MemberCouponsResolver {
  @FieldResolver(() => [CouponType], { description: "The member's coupon wallet, newest first: at most `first` (1 to 100) coupons." })
  async coupons(
    @Root() member: Member,
    @Arg('status', () => CouponStatus, { nullable: true }) status: CouponStatus | null,
    // A bound the operation cost limit counts with: without it, a member who voids coupons in a
    // loop could make one nested query return them all at every level.
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`);
    const list = await ctx.loaders.couponsByMemberId.load(member.id);
    return list.filter((c) => !status || c.status === status).slice(0, first).map(couponGql);
  }
}

/** Federation entry point for `Coupon` representations: staff, or the member whose coupon it is. */
export const couponReferenceResolvers = {
  LoyaltyCoupon: {
    async __resolveReference(ref: { code: string }, ctx: RequestContext) {
      requireRole(ctx, ['admin', 'till', 'service', 'member', 'customer']);
      const canonical = parseCouponCode(String(ref.code));
      const snap = canonical ? await ctx.loaders.couponByCode.load(canonical) : null;
      if (!snap) return null;
      // Someone else's coupon (or a bearer coupon, for a member) answers as one that does not exist.
      const visible = snap.memberId ? canReadMember(ctx, snap.memberId) : hasAnyRole(ctx.principal, ['admin', 'till', 'service']);
      return visible ? couponGql(snap) : null;
    },
  },
};
