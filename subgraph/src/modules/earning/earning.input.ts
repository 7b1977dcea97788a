import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { LoyaltyMemberType } from '../members/member.type';
import { LotStatus } from '../ledger/ledger.entities';
import { registerEnumType } from 'type-graphql';
import { SaleInput } from './sale.input';

registerEnumType(LotStatus, { name: 'LoyaltyEarnedPointsStatus', description: 'PENDING points become AVAILABLE after the pending period.' });

@InputType({ description: 'Give exactly one of memberId or cardNumber.' })
export class EarnPointsInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => String, { nullable: true })
  cardNumber?: string | null;

  @Field(() => SaleInput)
  sale!: SaleInput;
}

@ObjectType('LoyaltySaleEarnLine')
export class SaleEarnLineType {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  points!: number;
}

@ObjectType('LoyaltySaleEarn', { description: 'What a sale earned, as recorded; returns are reversed from this.' })
export class SaleEarnType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  saleId!: string;

  @Field(() => String)
  channel!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => LotStatus)
  status!: LotStatus;

  @Field(() => Date, { nullable: true })
  availableAt?: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => [SaleEarnLineType])
  lines!: SaleEarnLineType[];
}

@ObjectType()
export class EarnPointsPayload {
  @Field(() => SaleEarnType, { nullable: true })
  earn?: SaleEarnType | null;

  @Field(() => Boolean, { description: 'The sale had already earned (e.g. an offline till replaying): nothing new was credited.' })
  duplicate!: boolean;

  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: unknown;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyEarnPreviewLine')
export class EarnPreviewLineType {
  @Field(() => Int)
  index!: number;

  @Field(() => Int)
  points!: number;

  @Field(() => ID, { nullable: true, description: 'The rule that decided this line.' })
  ruleId?: string | null;

  @Field(() => String, { nullable: true })
  ruleKind?: string | null;

  @Field(() => Boolean)
  excluded!: boolean;
}

@ObjectType('LoyaltyEarnPreview', { description: 'What a sale would earn; nothing is written.' })
export class EarnPreviewType {
  @Field(() => Int)
  points!: number;

  @Field(() => Int, { description: 'Minor units of the lines that earn.' })
  eligibleAmount!: number;

  @Field(() => Boolean)
  belowMinimumSpend!: boolean;

  @Field(() => Int)
  channelMultiplierPercent!: number;

  @Field(() => Int)
  tierMultiplierPercent!: number;

  @Field(() => [EarnPreviewLineType])
  lines!: EarnPreviewLineType[];

  @Field(() => [UserError], { description: 'Problems with the sale; points are 0 when there are any.' })
  userErrors!: UserError[];
}
