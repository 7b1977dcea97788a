import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { Money } from '../../common/money';
import { AnalyticsBucket } from './points-flow';

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
