import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { Money, MoneyInput } from '../../common/money';
import { AudienceRulesInput } from '../audiences/audience.type';
import { CampaignOfferKind, CampaignSkipReason, CampaignStacking, CampaignStatus } from './campaign-engine';
import { LimitPeriod } from './campaign-time';

registerEnumType(CampaignStatus, { name: 'LoyaltyCampaignStatus', description: 'DRAFT and PAUSED campaigns give nothing; ACTIVE ones give in their period.' });
registerEnumType(CampaignOfferKind, { name: 'LoyaltyCampaignOfferKind' });
registerEnumType(CampaignStacking, { name: 'LoyaltyCampaignStacking', description: 'EXCLUSIVE: applies alone. STACKABLE: adds to others (at most one per stack group).' });
registerEnumType(LimitPeriod, { name: 'LoyaltyCampaignLimitPeriod', description: "The period a per-member limit counts in, in the campaign's time zone (weeks start on Monday)." });
registerEnumType(CampaignSkipReason, { name: 'LoyaltyCampaignSkipReason', description: 'Why a campaign gave nothing to a sale.' });

@InputType('LoyaltyCampaignWindowInput', { description: "A weekly window in the campaign's time zone: the weekdays, from (inclusive) to (exclusive)." })
export class CampaignWindowInput {
  @Field(() => [Int], { nullable: true, description: '1 (Monday) to 7 (Sunday); default every day.' })
  weekdays?: number[] | null;

  @Field(() => String, { nullable: true, description: 'Local time HH:MM; default 00:00.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Local time HH:MM, after from; default 24:00.' })
  to?: string | null;
}

@InputType('LoyaltyCampaignCriteriaInput', { description: 'What a sale must be: all given conditions hold.' })
export class CampaignCriteriaInput {
  @Field(() => [String], { nullable: true })
  storeIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Lines of these categories qualify (with productIds: either matching is enough). Neither: every line that earns.' })
  categoryIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  productIds?: string[] | null;

  @Field(() => MoneyInput, { nullable: true, description: 'The qualifying lines must come to at least this, after level discounts.' })
  minSpend?: MoneyInput | null;

  @Field(() => Boolean, { nullable: true, description: "The member's first sale." })
  firstPurchase?: boolean | null;

  @Field(() => Int, { nullable: true, description: "The member's nth sale (2 or more)." })
  nthVisit?: number | null;
}

@InputType('LoyaltyCampaignOfferInput', { description: 'What the campaign gives a qualifying sale.' })
export class CampaignOfferInput {
  @Field(() => CampaignOfferKind)
  kind!: CampaignOfferKind;

  @Field(() => Int, { nullable: true, description: 'EXTRA_POINTS: points per qualifying sale (1 to 1,000,000).' })
  points?: number | null;

  @Field(() => Int, { nullable: true, description: 'POINTS_MULTIPLIER: 101 to 1000 (200 = double points on the qualifying lines); PERCENT_COUPON: 1 to 100.' })
  percent?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: "CASH_VOUCHER: its value; GIFT_ITEM: what the gift costs the programme." })
  value?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'GIFT_ITEM: the product handed over.' })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'Coupons: the title the member sees.' })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Coupons: days valid; default the programme's coupon validity." })
  validDays?: number | null;
}

@InputType('LoyaltyCampaignLimitsInput')
export class CampaignLimitsInput {
  @Field(() => Int, { nullable: true, description: 'Awards per member per perMemberPeriod.' })
  perMember?: number | null;

  @Field(() => LimitPeriod, { nullable: true, description: 'Default CAMPAIGN (the whole campaign).' })
  perMemberPeriod?: LimitPeriod | null;

  @Field(() => Int, { nullable: true, description: 'Points offers: the most points the campaign gives in all; the last award is cut to what is left.' })
  budgetPoints?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Cash voucher and gift offers: the most value issued in all.' })
  budgetValue?: MoneyInput | null;

  @Field(() => Int, { nullable: true, description: 'Coupon offers: the most coupons issued in all.' })
  budgetCoupons?: number | null;
}

@InputType()
export class SaveLoyaltyCampaignInput {
  @Field(() => String, { description: 'Letters, digits, _ and -; stored upper case. A campaign of the same code is replaced (its budget use is kept).' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CampaignStatus, { nullable: true, description: 'Default DRAFT.' })
  status?: CampaignStatus | null;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive; none: open-ended.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the windows and limit periods; default UTC.' })
  timeZone?: string | null;

  @Field(() => [CampaignWindowInput], { nullable: true, description: 'None: any time in the period.' })
  windows?: CampaignWindowInput[] | null;

  @Field(() => String, { nullable: true, description: 'A saved audience (saveLoyaltyAudience), read as it stands when a sale is booked.' })
  audienceCode?: string | null;

  @Field(() => AudienceRulesInput, { nullable: true, description: 'Or the audience inline.' })
  audience?: AudienceRulesInput | null;

  @Field(() => CampaignCriteriaInput, { nullable: true })
  criteria?: CampaignCriteriaInput | null;

  @Field(() => CampaignOfferInput)
  offer!: CampaignOfferInput;

  @Field(() => CampaignLimitsInput, { nullable: true })
  limits?: CampaignLimitsInput | null;

  @Field(() => Int, { nullable: true, description: 'Higher first; default 0.' })
  priority?: number | null;

  @Field(() => CampaignStacking, { nullable: true, description: 'Default STACKABLE.' })
  stacking?: CampaignStacking | null;

  @Field(() => String, { nullable: true, description: 'STACKABLE campaigns of one group: at most one applies (the first in order).' })
  stackGroup?: string | null;
}

@ObjectType('LoyaltyCampaignWindow')
export class CampaignWindowType {
  @Field(() => [Int])
  weekdays!: number[];

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;
}

@ObjectType('LoyaltyCampaignCriteria')
export class CampaignCriteriaType {
  @Field(() => [String], { nullable: true })
  storeIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true })
  categoryIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  productIds?: string[] | null;

  @Field(() => Money, { nullable: true })
  minSpend?: Money | null;

  @Field(() => Boolean)
  firstPurchase!: boolean;

  @Field(() => Int, { nullable: true })
  nthVisit?: number | null;
}

@ObjectType('LoyaltyCampaignOffer')
export class CampaignOfferType {
  @Field(() => CampaignOfferKind)
  kind!: CampaignOfferKind;

  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => Int, { nullable: true })
  percent?: number | null;

  @Field(() => Money, { nullable: true })
  value?: Money | null;

  @Field(() => String, { nullable: true })
  productId?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  validDays?: number | null;
}

@ObjectType('LoyaltyCampaignBudget', { description: "A campaign's budget and what it has used; null figures: no budget of that kind." })
export class CampaignBudgetType {
  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => Int)
  pointsGiven!: number;

  @Field(() => Money, { nullable: true })
  value?: Money | null;

  @Field(() => Money)
  valueIssued!: Money;

  @Field(() => Int, { nullable: true })
  coupons?: number | null;

  @Field(() => Int)
  couponsIssued!: number;

  @Field(() => Boolean, { description: 'Nothing more can be given: the campaign gives nothing until its budget is raised.' })
  exhausted!: boolean;
}

@ObjectType('LoyaltyCampaignSummary', { description: 'The campaign that gave points or a coupon, as a member may see it.' })
export class CampaignSummaryType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('LoyaltyCampaign', { description: 'A promotion campaign (admins): period, audience, criteria, offer, limits, budget, priority and stacking.' })
export class CampaignType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field(() => Boolean, { description: 'ACTIVE, in its period and in a time window now.' })
  runningNow!: boolean;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String)
  timeZone!: string;

  @Field(() => [CampaignWindowType])
  windows!: CampaignWindowType[];

  @Field(() => String, { nullable: true })
  audienceCode?: string | null;

  @Field(() => Boolean, { description: 'Has an inline audience (rather than a saved one).' })
  hasInlineAudience!: boolean;

  @Field(() => CampaignCriteriaType)
  criteria!: CampaignCriteriaType;

  @Field(() => CampaignOfferType)
  offer!: CampaignOfferType;

  @Field(() => Int, { nullable: true })
  perMemberLimit?: number | null;

  @Field(() => LimitPeriod)
  perMemberPeriod!: LimitPeriod;

  @Field(() => CampaignBudgetType)
  budget!: CampaignBudgetType;

  @Field(() => Int)
  priority!: number;

  @Field(() => CampaignStacking)
  stacking!: CampaignStacking;

  @Field(() => String, { nullable: true })
  stackGroup?: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('LoyaltyCampaignAward', { description: 'What one campaign gave a sale: points or a coupon.' })
export class CampaignAwardType {
  @Field(() => CampaignSummaryType)
  campaign!: CampaignSummaryType;

  @Field(() => Int)
  points!: number;

  @Field(() => String, { nullable: true, description: 'The coupon issued, if the offer is one.' })
  couponCode?: string | null;
}

@ObjectType('LoyaltyCampaignAwardLine')
export class CampaignAwardLineType {
  @Field(() => Int, { description: 'The sale line, from 0.' })
  index!: number;

  @Field(() => Int)
  points!: number;
}

@ObjectType('LoyaltyCampaignPreviewAward', { description: 'What a campaign would give a previewed sale.' })
export class CampaignPreviewAwardType {
  @Field(() => CampaignSummaryType)
  campaign!: CampaignSummaryType;

  @Field(() => CampaignOfferKind)
  offerKind!: CampaignOfferKind;

  @Field(() => Int)
  points!: number;

  @Field(() => [CampaignAwardLineType], { description: 'The points per sale line (lines with none left out).' })
  lines!: CampaignAwardLineType[];

  @Field(() => String, { nullable: true, description: 'The coupon it would issue.' })
  couponTitle?: string | null;
}

@ObjectType('LoyaltyCampaignSkip')
export class CampaignSkipType {
  @Field(() => CampaignSummaryType)
  campaign!: CampaignSummaryType;

  @Field(() => CampaignSkipReason)
  reason!: CampaignSkipReason;
}

@ObjectType()
export class SaveLoyaltyCampaignPayload {
  @Field(() => CampaignType, { nullable: true })
  campaign?: CampaignType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class SetLoyaltyCampaignStatusInput {
  @Field(() => String)
  code!: string;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;
}

@ObjectType()
export class SetLoyaltyCampaignStatusPayload {
  @Field(() => CampaignType, { nullable: true })
  campaign?: CampaignType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyCampaignSimulation', { description: "What a draft campaign would have given on the recorded sales of a period, evaluated alone (without the other campaigns). Nothing is written." })
export class CampaignSimulationType {
  @Field(() => Int, { description: 'Recorded sales of the period replayed, in the order they were booked.' })
  salesReplayed!: number;

  @Field(() => Int, { description: 'Sales the campaign would have given something.' })
  salesRewarded!: number;

  @Field(() => Int)
  membersReached!: number;

  @Field(() => Int)
  points!: number;

  @Field(() => Int)
  coupons!: number;

  @Field(() => Money, { description: 'Face value of the cash vouchers and gifts.' })
  couponValue!: Money;

  @Field(() => Money, { description: "The points at the programme's redemption rate plus couponValue. Percent coupons are not in it: their value depends on the sale they are used on." })
  cost!: Money;

  @Field(() => Date, { nullable: true, description: 'When the budget would have run out; null if it would not.' })
  budgetExhaustedAt?: Date | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
