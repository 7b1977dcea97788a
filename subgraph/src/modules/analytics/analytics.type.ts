import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { Money, MoneyTotal } from '../../common/money';
import { TierType } from '../tiers/tier.type';
import { CouponKind } from '../coupons/coupon.entity';
import '../coupons/coupon.type';
import { AnalyticsBucket } from './buckets';

registerEnumType(AnalyticsBucket, { name: 'LoyaltyAnalyticsBucket', description: "Buckets of the programme's time zone: days, ISO weeks (from Monday), calendar months." });

@ObjectType('LoyaltyPointsFlowFigures', { description: 'Points moved in a period, from the journal.' })
export class PointsFlowFiguresType {
  @Field(() => Int, { description: 'Earned on sales.' })
  issued!: number;

  @Field(() => Int, { description: 'Bonuses: welcome, birthday, level upgrades, campaigns, automations, challenges.' })
  bonus!: number;

  @Field(() => Int, { description: 'Spent at tills and as cash, less points given back for returned goods.' })
  redeemed!: number;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int, { description: 'Earned points taken back by returns.' })
  returned!: number;

  @Field(() => Int, { description: 'Manual adjustments: credits less debits.' })
  adjusted!: number;

  @Field(() => Int, { description: 'Turned into vouchers and gift items, less coupons voided.' })
  intoCoupons!: number;
}

@ObjectType('LoyaltyPointsFlowBucket')
export class PointsFlowBucketType extends PointsFlowFiguresType {
  @Field(() => Date, { description: 'When the bucket starts (local midnight in the time zone asked).' })
  start!: Date;

  @Field(() => Int, { description: 'What members hold (available, pending, held) at the end of the bucket.' })
  outstandingAtEnd!: number;

  @Field(() => Money, { description: 'outstandingAtEnd at the redemption rate.' })
  liabilityAtEnd!: Money;
}

@ObjectType('LoyaltyPointsFlow', { description: 'Points issued, redeemed, expired and outstanding over a range, from the journal; reconciles with loyaltyLedgerAudit.' })
export class PointsFlowType {
  @Field(() => [PointsFlowBucketType])
  buckets!: PointsFlowBucketType[];

  @Field(() => PointsFlowFiguresType, { description: 'The whole range.' })
  totals!: PointsFlowFiguresType;

  @Field(() => Int, { description: 'What members held when the range starts.' })
  openingOutstanding!: number;

  @Field(() => Int, { description: 'What members hold when the range ends.' })
  closingOutstanding!: number;

  @Field(() => Money, { description: 'closingOutstanding at the redemption rate: the programme\'s points liability.' })
  closingLiability!: Money;

  @Field(() => Float, { nullable: true, description: 'Expired over issued + bonus in the range; null when nothing was issued.' })
  breakageRate?: number | null;

  @Field(() => Float, { nullable: true, description: 'Redeemed (and turned into coupons) over issued + bonus in the range; null when nothing was issued.' })
  redemptionRate?: number | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyMemberSalesFigures', { description: 'Members and their sales in a period (docs/analytics.md#members-and-sales).' })
export class MemberSalesFiguresType {
  @Field(() => Int, { description: 'Members who enrolled (at the store, with storeId; enrolments have no channel).' })
  enrolled!: number;

  @Field(() => Int, { description: 'Members enrolled by the end, the whole programme: the loyalty index\'s base.' })
  membersAtEnd!: number;

  @Field(() => Int, { description: 'Members with at least one sale.' })
  activeMembers!: number;

  @Field(() => Int, { description: 'Active members with two or more sales in the period, or a sale before it (any store or channel).' })
  repeatMembers!: number;

  @Field(() => Int, { description: 'Sales members earned on.' })
  salesCount!: number;

  @Field(() => MoneyTotal, { description: 'What those sales came to, less what has been returned of them so far.' })
  salesValue!: MoneyTotal;

  @Field(() => MoneyTotal, { description: 'What has been returned of those sales so far.' })
  returnedValue!: MoneyTotal;

  @Field(() => MoneyTotal, { description: 'salesValue of sales whose member had bought before (an earlier sale, any store or channel).' })
  returningSalesValue!: MoneyTotal;

  @Field(() => Float, { nullable: true, description: 'repeatMembers over activeMembers; null without active members.' })
  repeatRate?: number | null;

  @Field(() => Float, { nullable: true, description: 'repeatMembers over membersAtEnd: the share of the membership that came back; null without members.' })
  loyaltyIndex?: number | null;

  @Field(() => Float, { nullable: true, description: 'returningSalesValue over salesValue; null without sales value.' })
  returningSalesShare?: number | null;
}

@ObjectType('LoyaltyMemberSalesBucket')
export class MemberSalesBucketType extends MemberSalesFiguresType {
  @Field(() => Date, { description: 'When the bucket starts (local midnight in the time zone asked).' })
  start!: Date;
}

@ObjectType('LoyaltyMemberSales', { description: 'Members enrolled and active, their sales, repeat rate, loyalty index and the share of sales from returning members, per bucket.' })
export class MemberSalesType {
  @Field(() => [MemberSalesBucketType])
  buckets!: MemberSalesBucketType[];

  @Field(() => MemberSalesFiguresType, { nullable: true, description: 'The whole range as one period (members counted once).' })
  totals?: MemberSalesFiguresType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyLevelCount', { description: 'How many members are at a level.' })
export class LevelCountType {
  @Field(() => TierType, { nullable: true, description: 'Null: members without a level.' })
  tier?: TierType | null;

  @Field(() => Int)
  members!: number;
}

@ObjectType('LoyaltyLevelMovement', { description: 'Members who moved from one level to another.' })
export class LevelMovementType {
  @Field(() => TierType, { nullable: true, description: 'The level before; null: none.' })
  from?: TierType | null;

  @Field(() => TierType, { nullable: true })
  to?: TierType | null;

  @Field(() => Boolean, { description: 'To a higher rank (or from no level).' })
  upgrade!: boolean;

  @Field(() => Int, { description: 'Moves (a member who moved twice counts twice).' })
  members!: number;
}

@ObjectType('LoyaltyLevelMovements')
export class LevelMovementsType {
  @Field(() => Int)
  upgrades!: number;

  @Field(() => Int)
  downgrades!: number;

  @Field(() => [LevelMovementType], { description: 'By level from and to, most first.' })
  movements!: LevelMovementType[];
}

@ObjectType('LoyaltyLevelMovementsBucket')
export class LevelMovementsBucketType extends LevelMovementsType {
  @Field(() => Date)
  start!: Date;
}

@ObjectType('LoyaltyLevelReport', { description: 'Members by level at the end of a range and now, and the moves between levels per bucket (docs/analytics.md#levels).' })
export class LevelReportType {
  @Field(() => [LevelCountType], { description: 'Members enrolled by the range end, by the level they had then; levels by rank.' })
  distributionAtEnd!: LevelCountType[];

  @Field(() => [LevelCountType], { description: 'All members by their level now.' })
  distributionNow!: LevelCountType[];

  @Field(() => [LevelMovementsBucketType])
  buckets!: LevelMovementsBucketType[];

  @Field(() => LevelMovementsType, { description: 'The whole range.' })
  totals!: LevelMovementsType;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyOfferResult', { description: 'What a campaign or an automation did in a range (docs/analytics.md#campaigns-and-automations).' })
export class OfferResultType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Campaigns: awards (sales or periods rewarded). Automations: occurrences run.' })
  runs!: number;

  @Field(() => Int, { description: 'Automations: occurrences that failed (0 for campaigns).' })
  failedRuns!: number;

  @Field(() => Int, { description: 'Points given, less what returns took back.' })
  pointsGiven!: number;

  @Field(() => Int)
  couponsIssued!: number;

  @Field(() => Int, { description: 'Its coupons redeemed in the range, whenever issued.' })
  couponsRedeemed!: number;

  @Field(() => Int, { description: 'Members given something (or, for automations, run for).' })
  membersReached!: number;

  @Field(() => MoneyTotal, { description: 'Net sales value of the members reached, from when each was first reached in the range to its end.' })
  salesValueOfMembersReached!: MoneyTotal;

  @Field(() => MoneyTotal, { nullable: true, description: 'Sales against a control group: null, as campaigns and automations have no control group (held-out members) yet.' })
  incrementalSalesValue?: MoneyTotal | null;
}

@ObjectType('LoyaltyOfferResults', { description: 'Campaign and automation results in a range.' })
export class OfferResultsType {
  @Field(() => [OfferResultType], { description: 'Campaigns with an award or a coupon issued or redeemed in the range, by code.' })
  campaigns!: OfferResultType[];

  @Field(() => [OfferResultType], { description: 'Automations that ran, or whose coupon was redeemed, in the range, by code.' })
  automations!: OfferResultType[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyCouponFunnelFigures', { description: 'Coupons issued and how they stopped being open (docs/analytics.md#coupon-funnel).' })
export class CouponFiguresType {
  @Field(() => Int)
  issued!: number;

  @Field(() => Int)
  redeemed!: number;

  @Field(() => Int, { description: 'Voided before they expired.' })
  voided!: number;

  @Field(() => Int, { description: 'Reached their expiry unused (and not voided before).' })
  expired!: number;

  @Field(() => Int, { description: 'Issued by the end and neither redeemed, voided nor expired by then.' })
  openAtEnd!: number;

  @Field(() => Float, { nullable: true, description: 'Of the coupons issued in the period, the share redeemed so far; null when none were issued.' })
  redemptionRate?: number | null;
}

@ObjectType('LoyaltyCouponKindFunnelFigures')
export class CouponKindFiguresType extends CouponFiguresType {
  @Field(() => CouponKind)
  kind!: CouponKind;
}

@ObjectType('LoyaltyCouponFunnelPeriod')
export class CouponFunnelPeriodType {
  @Field(() => CouponFiguresType, { description: 'All kinds.' })
  all!: CouponFiguresType;

  @Field(() => [CouponKindFiguresType], { description: 'Each kind, also those with nothing.' })
  byKind!: CouponKindFiguresType[];
}

@ObjectType('LoyaltyCouponFunnelBucket')
export class CouponFunnelBucketType extends CouponFunnelPeriodType {
  @Field(() => Date)
  start!: Date;
}

@ObjectType('LoyaltyCouponFunnel', { description: 'Coupons issued, redeemed, voided, expired and still open per bucket and kind.' })
export class CouponFunnelType {
  @Field(() => [CouponFunnelBucketType])
  buckets!: CouponFunnelBucketType[];

  @Field(() => CouponFunnelPeriodType, { nullable: true, description: 'The whole range (openAtEnd: at its end).' })
  totals?: CouponFunnelPeriodType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
