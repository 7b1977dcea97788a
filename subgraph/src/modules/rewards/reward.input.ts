import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ErrorCode, UserError } from '../../common/errors';
import { MoneyInput, Money } from '../../common/money';
import { RewardKind } from './reward.entity';
import { registerEnumType } from 'type-graphql';

registerEnumType(RewardKind, { name: 'LoyaltyRewardKind' });

@ObjectType('LoyaltyRewardAvailability', { description: 'Whether a member can have this reward now.' })
export class RewardAvailabilityType {
  @Field(() => Boolean, { description: 'The member has enough available points.' })
  affordable!: boolean;

  @Field(() => Boolean, { description: 'Active, in its window, in stock, the member is in a high enough tier and under the per-member limit.' })
  allowed!: boolean;

  @Field(() => ErrorCode, { nullable: true })
  reason?: ErrorCode | null;
}

@ObjectType('LoyaltyReward', { description: 'An entry of the reward catalogue.' })
export class RewardType {
  @Field(() => ID)
  id!: string;

  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'GIFT_ITEM: the commerce product.' })
  productId?: string | null;

  @Field(() => Int)
  pointsCost!: number;

  @Field(() => Money, { nullable: true, description: 'CASH_VOUCHER: what the voucher pays.' })
  voucherValue?: Money | null;

  @Field(() => Int, { nullable: true, description: 'Units left; null = unlimited.' })
  stock?: number | null;

  @Field(() => Int, { nullable: true })
  perMemberLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest tier rank that may have it; null = everyone.' })
  minTierRank?: number | null;

  @Field(() => Date, { nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil?: Date | null;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => RewardAvailabilityType, { nullable: true, description: 'For the member asked about; null without one.' })
  availability?: RewardAvailabilityType | null;
}

@InputType({ description: 'Without id: a new reward. With id: replaces that reward.' })
export class SaveLoyaltyRewardInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  productId?: string | null;

  @Field(() => Int)
  pointsCost!: number;

  @Field(() => MoneyInput, { nullable: true })
  voucherValue?: MoneyInput | null;

  @Field(() => Int, { nullable: true })
  stock?: number | null;

  @Field(() => Int, { nullable: true })
  perMemberLimit?: number | null;

  @Field(() => Int, { nullable: true })
  minTierRank?: number | null;

  @Field(() => Date, { nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil?: Date | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean | null;
}

@ObjectType()
export class SaveLoyaltyRewardPayload {
  @Field(() => RewardType, { nullable: true })
  reward?: RewardType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
