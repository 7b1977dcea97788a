import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { MoneyInput } from '../../common/money';
import { LoyaltyMemberType } from '../members/member.type';
import { PointsHoldType } from '../ledger/wallet.type';

@InputType({ description: 'Give exactly one of points or cash.' })
export class HoldPointsInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Hold enough points to pay this amount (points rounded up).' })
  cash?: MoneyInput | null;

  @Field(() => String)
  saleId!: string;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => String, { nullable: true, description: "Taken from a till's token when the caller is a till." })
  tillId?: string | null;

  @Field(() => Int, { nullable: true, description: "Default and maximum from the programme's settings." })
  ttlSeconds?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: "The sale's total: enforces the maximum share payable by points." })
  saleTotal?: MoneyInput | null;
}

@InputType({ description: 'Give exactly one of points or cash.' })
export class RedeemPointsAsCashInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => MoneyInput, { nullable: true })
  cash?: MoneyInput | null;

  @Field(() => String)
  saleId!: string;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => String, { nullable: true })
  tillId?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  saleTotal?: MoneyInput | null;
}

@InputType()
export class CapturePointsHoldInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  holdId!: string;

  @Field(() => Int, { nullable: true, description: 'Capture fewer points than held; the rest return at once.' })
  points?: number | null;
}

@InputType()
export class ReleasePointsHoldInput {
  @Field(() => ID)
  holdId!: string;
}

function payload(name: string) {
  @ObjectType(name)
  class HoldPayload {
    @Field(() => PointsHoldType, { nullable: true })
    hold?: PointsHoldType | null;

    @Field(() => LoyaltyMemberType, { nullable: true })
    member?: unknown;

    @Field(() => [UserError])
    userErrors!: UserError[];
  }
  return HoldPayload;
}

export const HoldPointsPayload = payload('HoldPointsPayload');
export const CapturePointsHoldPayload = payload('CapturePointsHoldPayload');
export const ReleasePointsHoldPayload = payload('ReleasePointsHoldPayload');
export const RedeemPointsAsCashPayload = payload('RedeemPointsAsCashPayload');
