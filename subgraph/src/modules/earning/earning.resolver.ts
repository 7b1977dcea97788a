import { StaffOnly } from '../../auth/staff';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { selects } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import { ForbiddenError } from '../../common/errors';
import { EarnPointsInput, EarnPointsPayload, EarnPreviewType } from './earning.input';
import * as earning from './earning.service';
import { SaleInput } from './sale.input';
import { money } from '../../common/money';
import { reasonText } from '../discounts/discount-calculator';
import { campaignPreviewGql } from '../campaigns/campaign.resolver';

/**
 * An earn as the API shows it. A stored answer from before level discounts (a replayed key) has no
 * currency or discount figures: no discount, the programme's currency.
 */
async function earnGql(ctx: RequestContext, r: earning.EarnResult) {
  const currency = r.currencyCode ?? (await ctx.loaders.settings()).currencyCode;
  const m = (amount: number) => money(amount, currency);
  return {
    ...r,
    id: r.saleEarnId,
    availableAt: r.availableAt ? new Date(r.availableAt) : null,
    expiresAt: r.expiresAt ? new Date(r.expiresAt) : null,
    total: r.totalMinor == null ? null : m(r.totalMinor),
    discount: m(r.discountMinor ?? 0),
    lines: r.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      points: l.points,
      unitPrice: l.unitPrice == null ? null : m(l.unitPrice),
      discount: m(l.discountMinor ?? 0),
      discountReason: l.discount ? { ...l.discount, text: reasonText(l.discount) } : null,
    })),
    campaignPoints: r.campaignPoints ?? 0,
    challenges: r.challenges ?? [],
    campaigns: (r.campaigns ?? []).map((a) => ({ campaign: { id: a.campaignId, code: a.code, name: a.name, description: null }, points: a.points, couponCode: a.couponCode })),
  };
}

@Resolver()
export class EarningResolver {
  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => EarnPointsPayload, { description: 'Credit a member for a sale; points are computed on the server from the lines.' })
  async earnPoints(@Arg('input', () => EarnPointsInput) input: EarnPointsInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const out = await earning.earnPoints(ctx, input);
    const r = out.result;
    return {
      earn: r ? await earnGql(ctx, r) : null,
      duplicate: r?.duplicate ?? false,
      member: r && selects(info, 'member') ? await ctx.loaders.memberById.load(r.memberId) : null,
      userErrors: out.userErrors,
    };
  }

  @Authorized()
  @Query(() => EarnPreviewType, { description: "What a sale would earn (with a member: at their tier's multiplier). Nothing is written." })
  async loyaltyEarnPreview(
    @Arg('input', () => SaleInput) input: SaleInput,
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const principal = ctx.principal!;
    const staff = ['admin', 'till', 'service'].some((r) => principal.roles.has(r as never));
    if (!staff && memberId && memberId.toLowerCase() !== principal.memberId) throw new ForbiddenError('A member may preview only their own earnings');
    const out = await earning.previewEarn(ctx, input, memberId ?? (staff ? null : principal.memberId));
    const c = out.calculation;
    return {
      points: c?.points ?? 0,
      eligibleAmount: c?.eligibleAmount ?? 0,
      belowMinimumSpend: c?.belowMinimumSpend ?? false,
      channelMultiplierPercent: c?.channelMultiplierPercent ?? 100,
      tierMultiplierPercent: c?.tierMultiplierPercent ?? 100,
      lines: c?.lines ?? [],
      ...campaignPreviewGql(out.campaigns),
      userErrors: out.userErrors,
    };
  }
}
