import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { CardStatus } from './card.entity';
import { LoyaltyCardType, LoyaltyMemberType } from './member.type';

@InputType({ description: 'At least one of customerId, email or phone is required, so the member can be found again.' })
export class EnrollLoyaltyMemberInput {
  @Field(() => String, { description: 'A retry with the same key returns the member the first request enrolled (and pays no second welcome bonus).' })
  idempotencyKey!: string;

  @Field(() => ID, { nullable: true, description: "The commerce graph's customer id (at most 256 characters)." })
  customerId?: string | null;

  @Field(() => String, { description: 'At most 100 characters.' })
  firstName!: string;

  @Field(() => String, { description: 'At most 100 characters.' })
  lastName!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'International format, e.g. +44 7700 900123.' })
  phone?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  birthday?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  emailOptIn?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  smsOptIn?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A card handed over at enrolment; linked in the same step.' })
  cardNumber?: string | null;
}

@ObjectType()
export class EnrollLoyaltyMemberPayload {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: LoyaltyMemberType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class LinkLoyaltyCardInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { description: '6 to 32 letters and digits; spaces and hyphens are ignored.' })
  cardNumber!: string;
}

@ObjectType()
export class LinkLoyaltyCardPayload {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: LoyaltyMemberType | null;

  @Field(() => LoyaltyCardType, { nullable: true })
  card?: LoyaltyCardType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class SetLoyaltyCardStatusInput {
  @Field(() => String)
  cardNumber!: string;

  @Field(() => CardStatus)
  status!: CardStatus;
}

@ObjectType()
export class SetLoyaltyCardStatusPayload {
  @Field(() => LoyaltyCardType, { nullable: true })
  card?: LoyaltyCardType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class LinkLoyaltyCustomerInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { description: "The commerce graph's customer key (the value of COMMERCE_CUSTOMER_KEY), as the shopper's online account has it." })
  customerId!: string;
}

@ObjectType()
export class LinkLoyaltyCustomerPayload {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: LoyaltyMemberType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
