import { MembershipType } from '../tiers/membership.resolver';
import { Money } from '../../common/money';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { LoyaltyMemberType } from '../members/member.type';
import { LedgerEntryGql } from './wallet.type';

@InputType('LoyaltyReturnLineInput')
export class ReturnLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType()
export class ReturnLoyaltySaleInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => String)
  saleId!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => [ReturnLineInput])
  lines!: ReturnLineInput[];
}

@ObjectType()
export class ReturnLoyaltySalePayload {
  @Field(() => Int, { nullable: true, description: 'Earned points taken back, campaign points included (the order\'s pointsReturned counts the sale\'s own points only).' })
  pointsReversed?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, the points campaigns had given on the returned goods (from their records).' })
  campaignPointsReversed?: number | null;

  @Field(() => Int, { nullable: true, description: "Of those, what the member's balance could not cover (now owed)." })
  pointsClawedBack?: number | null;

  @Field(() => Int, { nullable: true, description: 'Redeemed points given back for the returned goods.' })
  pointsRefunded?: number | null;

  @Field(() => Money, { nullable: true, description: 'Money value of the returned goods at the price paid: after the level discount the sale had.' })
  returnedAmount?: Money | null;

  @Field(() => Money, { nullable: true, description: 'The level discount the returned goods had had (0 without one).' })
  levelDiscountReturned?: Money | null;

  @Field(() => [String], { nullable: true, description: 'Codes of coupons usable again because the whole sale came back.' })
  couponsRestored?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Unused coupons campaigns had issued for the sale, voided because the whole sale came back.' })
  campaignCouponsVoided?: string[] | null;

  @Field(() => [MembershipType], { nullable: true, description: "Paid memberships bought with the sale whose line came back: refunded, ended now." })
  membershipsRefunded?: unknown[] | null;

  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: unknown;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class AdjustPointsInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: 'Signed: positive credits, negative debits.' })
  points!: number;

  @Field(() => String, { description: 'Why; kept in the points log. Required.' })
  reason!: string;
}

@ObjectType()
export class AdjustPointsPayload {
  @Field(() => LedgerEntryGql, { nullable: true })
  entry?: LedgerEntryGql | null;

  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: unknown;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
