import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { AutomationCouponInput } from '../automations/automation.type';
import { ChallengeGoalKind, ChallengeStatus } from './challenge.model';

registerEnumType(ChallengeStatus, { name: 'LoyaltyChallengeStatus' });
registerEnumType(ChallengeGoalKind, { name: 'LoyaltyChallengeGoalKind', description: 'VISITS: sales with a qualifying line; SPEND: minor units of qualifying lines; PRODUCTS_TRIED: different qualifying products.' });

@InputType('LoyaltyChallengeGoalInput')
export class ChallengeGoalInput {
  @Field(() => ChallengeGoalKind)
  kind!: ChallengeGoalKind;

  @Field(() => Int, { description: 'Visits, minor units (SPEND) or products.' })
  target!: number;

  @Field(() => [String], { nullable: true, description: 'Only lines of these categories count (with productIds: either).' })
  categoryIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  productIds?: string[] | null;
}

@InputType('LoyaltyChallengeRewardInput')
export class ChallengeRewardInput {
  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => AutomationCouponInput, { nullable: true })
  coupon?: AutomationCouponInput | null;
}

@InputType()
export class SaveLoyaltyChallengeInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ChallengeStatus, { nullable: true, description: 'Default DRAFT.' })
  status?: ChallengeStatus | null;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => ChallengeGoalInput)
  goal!: ChallengeGoalInput;

  @Field(() => ChallengeRewardInput)
  reward!: ChallengeRewardInput;
}

@ObjectType('LoyaltyChallengeGoal')
export class ChallengeGoalType {
  @Field(() => ChallengeGoalKind)
  kind!: ChallengeGoalKind;

  @Field(() => Int)
  target!: number;

  @Field(() => [String], { nullable: true })
  categoryIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  productIds?: string[] | null;
}

@ObjectType('LoyaltyChallenge', { description: 'A goal over a window with a reward on completion, completed once per member.' })
export class ChallengeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ChallengeStatus)
  status!: ChallengeStatus;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => ChallengeGoalType)
  goal!: ChallengeGoalType;

  @Field(() => Int)
  rewardPoints!: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The coupon given on completion, as stored (valueMinor in minor units).' })
  rewardCoupon?: Record<string, unknown> | null;
}

@ObjectType('LoyaltyChallengeProgress', { description: "A member's progress on a challenge: a progress bar." })
export class ChallengeProgressType {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;

  @Field(() => Int, { description: 'Up to target.' })
  progress!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => Int, { description: '0 to 100.' })
  percent!: number;

  @Field(() => Boolean)
  completed!: boolean;

  @Field(() => Date, { nullable: true })
  completedAt?: Date | null;
}

@ObjectType('LoyaltyChallengeStep', { description: 'What a sale did to a challenge.' })
export class ChallengeStepType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  progress!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => Boolean, { description: 'This sale completed it (the reward was given).' })
  completed!: boolean;
}

@ObjectType()
export class SaveLoyaltyChallengePayload {
  @Field(() => ChallengeType, { nullable: true })
  challenge?: ChallengeType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class SetLoyaltyChallengeStatusInput {
  @Field(() => String)
  code!: string;

  @Field(() => ChallengeStatus)
  status!: ChallengeStatus;
}

@ObjectType()
export class SetLoyaltyChallengeStatusPayload {
  @Field(() => ChallengeType, { nullable: true })
  challenge?: ChallengeType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
