import { CampaignPreviewAwardType, CampaignSkipType } from '../campaigns/campaign.type';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { Money } from '../../common/money';
import { TierType } from '../tiers/tier.type';

@ObjectType('LoyaltyTierDiscountRule', { description: "A discount of a level: a kind (see loyaltyTierDiscountKinds) and its arguments, e.g. CATEGORY_PERCENT { categoryIds: [\"beauty\"], percent: 10 }.", simpleResolvers: true })
export class TierDiscountRuleType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String, { description: "The admin's name for the rule; the till and receipt show it as the reason." })
  name!: string;

  @Field(() => GraphQLJSONObject)
  args!: Record<string, unknown>;

  @Field(() => Int, { description: 'Order within the level: on equal percent the earlier rule is the reason shown.' })
  position!: number;

  @Field(() => String, { description: 'What the rule does, e.g. "10% off beauty".' })
  summary!: string;
}

@ObjectType('LoyaltyTierDiscountKind')
export class TierDiscountKindType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;
}

@InputType('LoyaltyTierDiscountRuleInput')
export class TierDiscountRuleInput {
  @Field(() => String, { description: 'CATEGORY_PERCENT or PRODUCT_PERCENT (loyaltyTierDiscountKinds).' })
  kind!: string;

  @Field(() => String, { description: '1 to 100 characters; shown as the reason of the discount.' })
  name!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'CATEGORY_PERCENT: { categoryIds: [..], productIds?: [..], percent } (no products: every product of the categories); PRODUCT_PERCENT: { productIds: [..], percent }; percent a whole number from 1 to 100.',
  })
  args!: Record<string, unknown>;
}

@InputType({ description: "Replaces the level's discount rules with these, in this order (an empty list: no discounts)." })
export class SetLoyaltyTierDiscountsInput {
  @Field(() => ID)
  tierId!: string;

  @Field(() => [TierDiscountRuleInput], { description: 'At most 50.' })
  rules!: TierDiscountRuleInput[];
}

@ObjectType()
export class SetLoyaltyTierDiscountsPayload {
  @Field(() => TierType, { nullable: true })
  tier?: unknown;

  @Field(() => [TierDiscountRuleType], { description: 'The level\'s rules as saved (empty on errors).' })
  discounts!: TierDiscountRuleType[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyDiscountReason', { description: 'Why a line is discounted: the level and its rule.', simpleResolvers: true })
export class DiscountReasonType {
  @Field(() => ID)
  tierId!: string;

  @Field(() => String)
  tierName!: string;

  @Field(() => ID)
  ruleId!: string;

  @Field(() => String)
  ruleName!: string;

  @Field(() => Int)
  percent!: number;

  @Field(() => String, { description: 'For the till and the receipt, e.g. "Gold 10% off (Beauty)".' })
  text!: string;
}

@ObjectType('LoyaltySaleQuoteLine', { simpleResolvers: true })
export class SaleQuoteLineType {
  @Field(() => Int, { description: 'Position of the line in the sale, from 0.' })
  index!: number;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money, { description: 'One unit as given.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'One unit after the level discount.' })
  discountedUnitPrice!: Money;

  @Field(() => Money, { description: 'quantity x unitPrice.' })
  lineTotal!: Money;

  @Field(() => Money, { description: 'Taken off the line: quantity x the unit discount (0 without one).' })
  discount!: Money;

  @Field(() => Money, { description: 'lineTotal - discount.' })
  lineTotalAfterDiscount!: Money;

  @Field(() => DiscountReasonType, { nullable: true, description: 'Null when the line has no level discount.' })
  discountReason?: DiscountReasonType | null;

  @Field(() => Int, { description: 'Points this line would earn, on its discounted price.' })
  points!: number;
}

@ObjectType('LoyaltySaleQuote', { description: "A sale priced for a member: level discounts per line, the totals after them, and the points it would earn on the discounted prices. Nothing is written; earnPoints computes the same.", simpleResolvers: true })
export class SaleQuoteType {
  @Field(() => String)
  currencyCode!: string;

  @Field(() => [SaleQuoteLineType])
  lines!: SaleQuoteLineType[];

  @Field(() => Money, { description: 'The lines before level discounts.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'The level discounts, all lines.' })
  discountTotal!: Money;

  @Field(() => Money, { description: 'subtotal - discountTotal: what the lines cost before coupons and points.' })
  total!: Money;

  @Field(() => Int, { description: "Points the sale would earn on the discounted prices, at the member's multiplier." })
  points!: number;

  @Field(() => Int)
  tierMultiplierPercent!: number;

  @Field(() => TierType, { nullable: true, description: "The member's level whose discounts apply (null without a member or level)." })
  tier?: unknown;

  @Field(() => Int, { description: 'Points campaigns would give on top of points (their own entries).' })
  campaignPoints!: number;

  @Field(() => [CampaignPreviewAwardType], { description: 'Which campaign would give which points (or coupon), in evaluation order.' })
  campaigns!: CampaignPreviewAwardType[];

  @Field(() => [CampaignSkipType], { description: 'Campaigns running at the sale time that would give nothing, and why.' })
  campaignsNotApplied!: CampaignSkipType[];

  @Field(() => [UserError], { description: 'Problems with the sale or member; no discounts and 0 points when there are any.' })
  userErrors!: UserError[];
}
