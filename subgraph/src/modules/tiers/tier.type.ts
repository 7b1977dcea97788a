import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('LoyaltyTierBenefit', { description: 'A benefit of a tier, e.g. free delivery or a birthday bonus.', simpleResolvers: true })
export class TierBenefitType {
  @Field(() => String, { description: 'Stable machine code, e.g. FREE_DELIVERY.' })
  code!: string;

  @Field(() => String)
  description!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('LoyaltyTier', { description: 'A level of the programme. Members qualify by tier-qualifying points, never lose a tier by spending.', simpleResolvers: true })
export class TierType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Stable machine name, e.g. GOLD.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: '0 for the entry tier; higher is better.' })
  rank!: number;

  @Field(() => Int, { description: 'Tier-qualifying points needed to reach this tier.' })
  qualificationThreshold!: number;

  @Field(() => Int, { description: 'Earn multiplier in percent: 100 = 1x, 150 = 1.5x.' })
  earnMultiplierPercent!: number;

  @Field(() => [TierBenefitType])
  benefits!: TierBenefitType[];
}
