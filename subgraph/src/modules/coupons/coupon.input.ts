import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { MoneyInput } from '../../common/money';
import { LoyaltyMemberType } from '../members/member.type';
import { CouponKind } from './coupon.entity';
import { CouponType } from './coupon.type';

@InputType()
export class ConvertPointsToCouponInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: "At least the programme's minRedeemPoints." })
  points!: number;
}

@InputType()
export class IssueLoyaltyGiftItemInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  rewardId!: string;
}

@InputType()
export class ClaimLoyaltyVoucherInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  rewardId!: string;
}

@InputType({ description: 'Admins: a percent discount or a goodwill cash voucher, without points.' })
export class IssueLoyaltyCouponInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => CouponKind, { description: 'PERCENT_DISCOUNT or CASH_VOUCHER.' })
  kind!: CouponKind;

  @Field(() => Int, { nullable: true })
  percent?: number | null;

  @Field(() => MoneyInput, { nullable: true })
  value?: MoneyInput | null;

  @Field(() => ID, { nullable: true, description: 'Without a member: a bearer coupon anyone may use once.' })
  memberId?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Default: the programme's coupon validity." })
  validDays?: number | null;
}

@InputType()
export class RedeemLoyaltyCouponInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => String, { description: 'As typed or scanned: case, hyphens and the LC: prefix do not matter.' })
  code!: string;

  @Field(() => String)
  saleId!: string;

  @Field(() => String, { nullable: true, description: "The sale's channel; a till's default is store, other callers must give it." })
  channel?: string | null;

  @Field(() => String, { nullable: true })
  tillId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The identified member: a member-bound coupon must be theirs.' })
  memberId?: string | null;
}

@InputType()
export class VoidLoyaltyCouponInput {
  @Field(() => String, { description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

function couponPayload(name: string) {
  @ObjectType(name)
  class CouponPayload {
    @Field(() => CouponType, { nullable: true })
    coupon?: CouponType | null;

    @Field(() => LoyaltyMemberType, { nullable: true })
    member?: unknown;

    @Field(() => [UserError])
    userErrors!: UserError[];
  }
  return CouponPayload;
}

export const ConvertPointsToCouponPayload = couponPayload('ConvertPointsToCouponPayload');
export const IssueLoyaltyGiftItemPayload = couponPayload('IssueLoyaltyGiftItemPayload');
export const ClaimLoyaltyVoucherPayload = couponPayload('ClaimLoyaltyVoucherPayload');
export const IssueLoyaltyCouponPayload = couponPayload('IssueLoyaltyCouponPayload');
export const RedeemLoyaltyCouponPayload = couponPayload('RedeemLoyaltyCouponPayload');
export const VoidLoyaltyCouponPayload = couponPayload('VoidLoyaltyCouponPayload');
