import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('LoyaltyTierBenefit', { description: 'A benefit of a tier, e.g. free delivery or a birthday bonus.', simpleResolvers: true })
export class TierBenefitType {
  @Field(() => String, { description: 'Stable machine code, e.g. FREE_DELIVERY.' })
  code!: string;

  @Field(() => String)
  description!: string;
}

@InputType('LoyaltyTierBenefitInput')
export class TierBenefitInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('LoyaltyTier', { description: "A level of the programme. Members qualify by the programme's qualification rules (tier points or spend, over a window), go up at once and down only at a review; spending points never lowers a tier.", simpleResolvers: true })
export class TierType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Stable machine name, e.g. GOLD.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: '0 for the entry tier; higher is better.' })
  rank!: number;

  @Field(() => Int, { description: "What reaching this tier takes, in the programme's qualification basis: tier points, or spend in minor units." })
  qualificationThreshold!: number;

  @Field(() => Int, { description: 'Earn multiplier in percent: 100 = 1x, 150 = 1.5x.' })
  earnMultiplierPercent!: number;

  @Field(() => [TierBenefitType])
  benefits!: TierBenefitType[];

  @Field(() => Int, { description: 'Days a member keeps the tier after a review they did not qualify at.' })
  graceDays!: number;

  @Field(() => Int, { description: 'Points given on reaching the tier, once per qualification period.' })
  upgradeBonusPoints!: number;

  @Field(() => ID, { nullable: true, description: 'The GIFT_ITEM reward issued as a coupon on reaching the tier, once per qualification period.' })
  upgradeGiftRewardId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length of a paid membership at this tier; null when not sold.' })
  membershipTermMonths?: number | null;

  /** Resolved as membershipPrice (membership.resolver.ts). */
  membershipPriceMinor?: number | null;
}
