import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { EarnBasis, ExpiryUnit, TierDowngrade, TierQualificationBasis, TierQualificationWindow, TierReview } from './programme-settings.entity';

registerEnumType(ExpiryUnit, { name: 'LoyaltyExpiryUnit' });
registerEnumType(TierQualificationBasis, {
  name: 'LoyaltyTierQualificationBasis',
  valuesConfig: {
    TIER_POINTS: { description: 'The points sales earned (bonuses and adjustments do not count), less returns.' },
    SPEND: { description: 'What sales came to, in minor units, less returns.' },
  },
});
registerEnumType(TierQualificationWindow, {
  name: 'LoyaltyTierQualificationWindow',
  valuesConfig: {
    LIFETIME: { description: 'Everything since enrolment.' },
    CALENDAR_YEAR: { description: 'The calendar year (UTC) so far; a review at the end of the year counts the year that ended.' },
    ROLLING_MONTHS: { description: 'The last tierQualificationMonths months.' },
  },
});
registerEnumType(TierReview, {
  name: 'LoyaltyTierReview',
  valuesConfig: {
    NONE: { description: 'Levels only go up.' },
    ANNIVERSARY: { description: 'A year after reaching the level, then yearly.' },
    CALENDAR_YEAR_END: { description: 'At the end of each calendar year (UTC).' },
    ROLLING: { description: 'Every tierReviewEveryDays days after reaching the level.' },
  },
});
registerEnumType(TierDowngrade, {
  name: 'LoyaltyTierDowngrade',
  valuesConfig: {
    ONE_LEVEL: { description: 'One level down per review.' },
    TO_QUALIFIED: { description: 'Straight to the level the member qualifies for.' },
  },
});
registerEnumType(EarnBasis, {
  name: 'LoyaltyEarnBasis',
  valuesConfig: {
    WHOLE_SALE: { description: 'Points on the whole sale, whatever paid for it.' },
    CASH_PAID: { description: 'Points only on the part not paid with points: the sale earns its points times its cash share (points captured for the same channel and sale id before the earn).' },
  },
});

@ObjectType('LoyaltyEarningRule', { description: 'A configured earning rule: a kind (see loyaltyEarningRuleKinds) and its arguments.' })
export class EarningRuleType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLJSONObject)
  args!: Record<string, unknown>;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Int, { description: 'Evaluation order; on equal generosity the earlier rule wins.' })
  position!: number;
}

@ObjectType('LoyaltyEarningRuleKind')
export class EarningRuleKindType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType('LoyaltyProgramme', { description: "The programme's economics. Points and minor units are integers." })
export class ProgrammeType {
  @Field(() => String)
  currencyCode!: string;

  @Field(() => Int, { description: 'redeemPoints points are worth redeemAmountMinor minor units.' })
  redeemPoints!: number;

  @Field(() => Int)
  redeemAmountMinor!: number;

  @Field(() => Int)
  minRedeemPoints!: number;

  @Field(() => Int)
  maxRedeemSharePercent!: number;

  @Field(() => Int)
  holdTtlDefaultSeconds!: number;

  @Field(() => Int)
  holdTtlMaxSeconds!: number;

  @Field(() => Int)
  pendingDays!: number;

  @Field(() => ExpiryUnit, { nullable: true, description: 'Null: points never expire.' })
  expiryUnit?: ExpiryUnit | null;

  @Field(() => Int, { nullable: true })
  expiryCount?: number | null;

  @Field(() => Boolean)
  expiryToMonthEnd!: boolean;

  @Field(() => Int)
  registrationBonusPoints!: number;

  @Field(() => Int)
  birthdayBonusPoints!: number;

  @Field(() => Int, { description: 'Days a coupon issued from points stays valid.' })
  couponValidityDays!: number;

  @Field(() => Int, { description: 'Days before expiry that members are reminded of a coupon; 0 = no reminders.' })
  couponReminderDays!: number;

  @Field(() => EarnBasis, { description: 'What a sale earns on when points paid part of it: the whole sale, or only the part paid otherwise.' })
  earnBasis!: EarnBasis;

  @Field(() => TierQualificationBasis, { description: "What a level's qualificationThreshold counts." })
  tierQualificationBasis!: TierQualificationBasis;

  @Field(() => TierQualificationWindow)
  tierQualificationWindow!: TierQualificationWindow;

  @Field(() => Int, { description: 'Length of the ROLLING_MONTHS window.' })
  tierQualificationMonths!: number;

  @Field(() => TierReview, { description: 'When levels are reviewed: the only times a member can go down.' })
  tierReview!: TierReview;

  @Field(() => Int, { description: 'Days between ROLLING reviews.' })
  tierReviewEveryDays!: number;

  @Field(() => TierDowngrade)
  tierDowngrade!: TierDowngrade;

  @Field(() => Int, { description: 'Days before a review that would downgrade a member that they are told what keeps their level; 0 = no warnings.' })
  tierWarningDays!: number;

  @Field(() => Int, { description: 'Days before a paid membership ends that its member is reminded to renew; 0 = no reminders.' })
  paidMembershipReminderDays!: number;

  @Field(() => Int, { description: "The most marketing messages (automations' MARKETING messages) a member gets in 7 days; 0 = no cap." })
  marketingMessagesPerWeek!: number;

  // -- membership expiry (docs/membership-expiry.md)
  @Field(() => Int, { nullable: true, description: 'Months without activity (earning, spending, redeeming a coupon, enrolling) after which a membership expires; null = never.' })
  membershipInactivityMonths?: number | null;

  @Field(() => Int, { description: 'Days before a membership expires that its member is reminded; 0 = no reminders.' })
  membershipReminderDays!: number;
  // -- end of membership expiry
}

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateLoyaltyProgrammeInput {
  @Field(() => String, { nullable: true })
  currencyCode?: string | null;

  @Field(() => Int, { nullable: true })
  redeemPoints?: number | null;

  @Field(() => Int, { nullable: true })
  redeemAmountMinor?: number | null;

  @Field(() => Int, { nullable: true })
  minRedeemPoints?: number | null;

  @Field(() => Int, { nullable: true })
  maxRedeemSharePercent?: number | null;

  @Field(() => Int, { nullable: true })
  holdTtlDefaultSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  holdTtlMaxSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  pendingDays?: number | null;

  @Field(() => ExpiryUnit, { nullable: true })
  expiryUnit?: ExpiryUnit | null;

  @Field(() => Int, { nullable: true, description: '0 with expiryUnit unset: points never expire.' })
  expiryCount?: number | null;

  @Field(() => Boolean, { nullable: true })
  expiryToMonthEnd?: boolean | null;

  @Field(() => Int, { nullable: true })
  registrationBonusPoints?: number | null;

  @Field(() => Int, { nullable: true })
  birthdayBonusPoints?: number | null;

  @Field(() => Int, { nullable: true })
  couponValidityDays?: number | null;

  @Field(() => Int, { nullable: true })
  couponReminderDays?: number | null;

  @Field(() => EarnBasis, { nullable: true })
  earnBasis?: EarnBasis | null;

  @Field(() => TierQualificationBasis, { nullable: true })
  tierQualificationBasis?: TierQualificationBasis | null;

  @Field(() => TierQualificationWindow, { nullable: true })
  tierQualificationWindow?: TierQualificationWindow | null;

  @Field(() => Int, { nullable: true })
  tierQualificationMonths?: number | null;

  @Field(() => TierReview, { nullable: true, description: 'Changing it reschedules every member above the entry level: from when they reached their level, or from now when that is past.' })
  tierReview?: TierReview | null;

  @Field(() => Int, { nullable: true })
  tierReviewEveryDays?: number | null;

  @Field(() => TierDowngrade, { nullable: true })
  tierDowngrade?: TierDowngrade | null;

  @Field(() => Int, { nullable: true })
  tierWarningDays?: number | null;

  @Field(() => Int, { nullable: true })
  paidMembershipReminderDays?: number | null;

  @Field(() => Int, { nullable: true, description: '0 to 100; 0 = no cap.' })
  marketingMessagesPerWeek?: number | null;

  // -- membership expiry (docs/membership-expiry.md)
  @Field(() => Int, { nullable: true, description: '1 to 240 months; 0 or null: memberships never expire by inactivity.' })
  membershipInactivityMonths?: number | null;

  @Field(() => Int, { nullable: true, description: '0 to 365; 0 = no reminders.' })
  membershipReminderDays?: number | null;
  // -- end of membership expiry
}

@ObjectType()
export class UpdateLoyaltyProgrammePayload {
  @Field(() => ProgrammeType, { nullable: true })
  programme?: ProgrammeType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'Without id: a new rule. With id: replaces that rule.' })
export class SaveLoyaltyEarningRuleInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLJSONObject)
  args!: Record<string, unknown>;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean | null;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  position?: number | null;
}

@ObjectType()
export class SaveLoyaltyEarningRulePayload {
  @Field(() => EarningRuleType, { nullable: true })
  rule?: EarningRuleType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
