import { ChallengeStepType } from '../challenges/challenge.type';
import { CampaignAwardType, CampaignPreviewAwardType, CampaignSkipType } from '../campaigns/campaign.type';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { LoyaltyMemberType } from '../members/member.type';
import { LotStatus } from '../ledger/ledger.entities';
import { registerEnumType } from 'type-graphql';
import { SaleInput } from './sale.input';
import { Money } from '../../common/money';
import { DiscountReasonType } from '../discounts/tier-discount.type';

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

  @Field(() => Money, { nullable: true, description: 'One unit as charged: after the level discount, if any (null in an answer stored before level discounts existed).' })
  unitPrice?: Money | null;

  @Field(() => Money, { description: 'The level discount on this line (quantity x the unit discount; 0 without one).' })
  discount!: Money;

  @Field(() => DiscountReasonType, { nullable: true, description: 'The level and rule of the discount; null without one.' })
  discountReason?: DiscountReasonType | null;
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

  @Field(() => Money, { nullable: true, description: 'What the lines came to after level discounts, before coupons and points (null in an answer stored before level discounts existed).' })
  total?: Money | null;

  @Field(() => Money, { description: 'The level discount given on the sale, recorded with it (returns count goods at the discounted price).' })
  discount!: Money;

  @Field(() => [SaleEarnLineType])
  lines!: SaleEarnLineType[];

  @Field(() => Int, { description: 'Points campaigns gave on top of points, each in a BONUS entry naming the campaign.' })
  campaignPoints!: number;

  @Field(() => [CampaignAwardType], { description: 'What each campaign gave the sale.' })
  campaigns!: CampaignAwardType[];

  @Field(() => [ChallengeStepType], { description: 'The challenges this sale counted for, with the progress after it.' })
  challenges!: ChallengeStepType[];
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

  @Field(() => Int, { description: 'Points campaigns would give on top of points (their own entries).' })
  campaignPoints!: number;

  @Field(() => [CampaignPreviewAwardType], { description: 'Which campaign would give which points (or coupon), in evaluation order.' })
  campaigns!: CampaignPreviewAwardType[];

  @Field(() => [CampaignSkipType], { description: 'Campaigns running at the sale time that would give nothing, and why.' })
  campaignsNotApplied!: CampaignSkipType[];

  @Field(() => [UserError], { description: 'Problems with the sale; points are 0 when there are any.' })
  userErrors!: UserError[];
}
