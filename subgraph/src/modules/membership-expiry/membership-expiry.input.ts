import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { LoyaltyMemberType } from '../members/member.type';

@InputType({ description: 'The end of a membership: it expires then (at once when the time has passed); null removes the end date.' })
export class SetLoyaltyMembershipExpiryInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Date, { nullable: true, description: 'When the membership ends; null: no end date (inactivity may still end it).' })
  expiresAt?: Date | null;

  @Field(() => String, { description: 'Why, for the activity log (at most 200 characters).' })
  reason!: string;
}

@ObjectType()
export class SetLoyaltyMembershipExpiryPayload {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: LoyaltyMemberType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'Brings an expired membership back; an active one stays as it is.' })
export class ReactivateLoyaltyMemberInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { nullable: true, description: 'Why, for the activity log (at most 200 characters).' })
  reason?: string | null;
}

@ObjectType()
export class ReactivateLoyaltyMemberPayload {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: LoyaltyMemberType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
