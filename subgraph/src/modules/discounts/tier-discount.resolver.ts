import { campaignPreviewGql } from '../campaigns/campaign.resolver';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { money } from '../../common/money';
import { SaleInput } from '../earning/sale.input';
import type { Tier } from '../tiers/tier.entity';
import { TierType } from '../tiers/tier.type';
import { reasonText } from './discount-calculator';
import { TIER_DISCOUNT_KINDS } from './discount-kinds';
import { quoteSale, setTierDiscounts, tierDiscounts } from './tier-discount.service';
import { SaleQuoteType, SetLoyaltyTierDiscountsInput, SetLoyaltyTierDiscountsPayload, TierDiscountKindType, TierDiscountRuleType } from './tier-discount.type';

/** `LoyaltyTier.discounts`: the level's discount rules, for whoever may read tiers. */
@Resolver(() => TierType)
export class TierDiscountsFieldResolver {
  @FieldResolver(() => [TierDiscountRuleType], { description: "The level's discounts at the till, in their order (setLoyaltyTierDiscounts)." })
  discounts(@Root() tier: Tier, @Ctx() ctx: RequestContext) {
    return tierDiscounts(ctx, tier.id);
  }
}

@Resolver()
export class TierDiscountResolver {
  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SetLoyaltyTierDiscountsPayload, { description: "Replaces a level's discount rules (admins); sales already earned keep the discount recorded with them." })
  async setLoyaltyTierDiscounts(@Arg('input', () => SetLoyaltyTierDiscountsInput) input: SetLoyaltyTierDiscountsInput, @Ctx() ctx: RequestContext) {
    const out = await setTierDiscounts(ctx, input);
    return { tier: out.tierId ? await ctx.loaders.tierById.load(out.tierId) : null, discounts: out.discounts, userErrors: out.userErrors };
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => [TierDiscountKindType], { description: 'The kinds of level discount rule this service knows.' })
  loyaltyTierDiscountKinds() {
    return Object.values(TIER_DISCOUNT_KINDS).map((k) => ({ code: k.code, description: k.description }));
  }

  @StaffOnly()
  @Authorized('till', 'admin', 'service')
  @Query(() => SaleQuoteType, { description: "A sale priced for a member: the level discounts per line with their reason, the totals after them, and the points earnPoints would credit on the discounted prices. Nothing is written." })
  async loyaltySaleQuote(
    @Arg('input', () => SaleInput) input: SaleInput,
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const q = await quoteSale(ctx, input, memberId);
    const currency = q.sale?.currencyCode ?? (await ctx.loaders.settings()).currencyCode;
    const m = (amount: number) => money(amount, currency);
    const lines = q.sale
      ? q.sale.lines.map((l, i) => {
          const p = q.priced?.lines[i];
          const listAmount = l.quantity * l.unitPrice;
          const discount = p?.discountMinor ?? 0;
          return {
            index: i,
            productId: l.productId,
            categoryId: l.categoryId,
            quantity: l.quantity,
            unitPrice: m(l.unitPrice),
            discountedUnitPrice: m(p?.unitPrice ?? l.unitPrice),
            lineTotal: m(listAmount),
            discount: m(discount),
            lineTotalAfterDiscount: m(listAmount - discount),
            discountReason: p?.reason ? { ...p.reason, text: reasonText(p.reason) } : null,
            points: q.calculation?.lines[i]?.points ?? 0,
          };
        })
      : [];
    const subtotal = q.sale ? q.sale.totalMinor : 0;
    const discountTotal = q.priced?.discountMinor ?? 0;
    return {
      currencyCode: currency,
      lines,
      subtotal: m(subtotal),
      discountTotal: m(discountTotal),
      total: m(subtotal - discountTotal),
      points: q.calculation?.points ?? 0,
      tierMultiplierPercent: q.calculation?.tierMultiplierPercent ?? 100,
      tier: q.tierId && q.priced ? await ctx.loaders.tierById.load(q.tierId) : null,
      ...campaignPreviewGql(q.campaigns),
      userErrors: q.userErrors,
    };
  }
}
