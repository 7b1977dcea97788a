import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../common/money';
import { LoyaltyMemberType } from '../members/member.type';
import { PointsHoldType } from '../ledger/wallet.type';

@ObjectType('LoyaltyOrderActivity', { description: 'What an order did to loyalty points: its sales (by order key, or by sale id in the order channel) and the holds that paid for them.' })
export class OrderLoyaltyActivityType {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: unknown;

  @Field(() => Int)
  pointsEarned!: number;

  @Field(() => Int, { description: 'Points captured to pay for the order.' })
  pointsRedeemed!: number;

  @Field(() => Money, { nullable: true, description: 'What the redeemed points paid.' })
  redeemedCash?: Money | null;

  @Field(() => Int, { description: 'Earned points reversed by returns.' })
  pointsReturned!: number;

  @Field(() => Int, { description: 'Redeemed points given back by returns.' })
  pointsRefunded!: number;

  @Field(() => [PointsHoldType], { description: 'Every hold placed for this order, newest first.' })
  holds!: PointsHoldType[];
}

@ObjectType('LoyaltyProductEarnPreview', { description: 'Points one unit of a product earns under the current rules, before tier and channel multipliers.' })
export class ProductEarnPreviewType {
  @Field(() => Int)
  points!: number;

  @Field(() => String, { nullable: true, description: 'The rule kind that decides it (e.g. SPEND, PRODUCT_POINTS).' })
  ruleKind?: string | null;

  @Field(() => Boolean, { description: 'An EXCLUDE rule keeps this product from earning.' })
  excluded!: boolean;
}
