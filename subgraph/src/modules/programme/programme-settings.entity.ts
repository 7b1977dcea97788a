import { BigIntType, Check, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export enum ExpiryUnit {
  DAYS = 'DAYS',
  MONTHS = 'MONTHS',
}

/** What a sale's points are computed on when part of it was paid with points. */
export enum EarnBasis {
  /** The whole sale, whatever paid for it. */
  WHOLE_SALE = 'WHOLE_SALE',
  /** Only the part not paid with points: the sale's points scaled by its cash share. */
  CASH_PAID = 'CASH_PAID',
}

/** What makes a member qualify for a level. */
export enum TierQualificationBasis {
  /** Tier points: the points sales earned (not bonuses), less returns. */
  TIER_POINTS = 'TIER_POINTS',
  /** Qualifying spend: what sales came to in minor units, less returns. */
  SPEND = 'SPEND',
}

/** Over which time qualification counts. */
export enum TierQualificationWindow {
  LIFETIME = 'LIFETIME',
  /** The calendar year (UTC) so far; a review at the year's end counts the year that ended. */
  CALENDAR_YEAR = 'CALENDAR_YEAR',
  /** The last `tierQualificationMonths` months. */
  ROLLING_MONTHS = 'ROLLING_MONTHS',
}

/** When levels are reviewed: the only times a member can go down. */
export enum TierReview {
  /** Never: levels only go up (a manual level aside). */
  NONE = 'NONE',
  /** A year after reaching the level, and every year after. */
  ANNIVERSARY = 'ANNIVERSARY',
  /** At the end of each calendar year (UTC). */
  CALENDAR_YEAR_END = 'CALENDAR_YEAR_END',
  /** Every `tierReviewEveryDays` days after reaching the level. */
  ROLLING = 'ROLLING',
}

/** How far a downgrade at a review goes. */
export enum TierDowngrade {
  ONE_LEVEL = 'ONE_LEVEL',
  /** Straight to the level the member qualifies for. */
  TO_QUALIFIED = 'TO_QUALIFIED',
}

/**
 * The programme's economics, one row (id = 1). Points and minor units are integers; the cash value
 * of points is `redeemAmountMinor` per `redeemPoints` (e.g. 100 points = 100 pence).
 */
@Entity({ tableName: 'programme_settings' })
@Check({ name: 'programme_settings_single_row', expression: 'id = 1' })
@Check({ name: 'programme_settings_tier_qualification_months_check', expression: '(tier_qualification_months >= 1) AND (tier_qualification_months <= 120)' })
@Check({ name: 'programme_settings_tier_review_every_days_check', expression: '(tier_review_every_days >= 1) AND (tier_review_every_days <= 3660)' })
@Check({ name: 'programme_settings_tier_warning_days_check', expression: '(tier_warning_days >= 0) AND (tier_warning_days <= 366)' })
@Check({ name: 'programme_settings_paid_membership_reminder_days_check', expression: '(paid_membership_reminder_days >= 0) AND (paid_membership_reminder_days <= 366)' })
export class ProgrammeSettings {
  [OptionalProps]?:
    | 'updatedAt'
    | 'couponValidityDays'
    | 'couponReminderDays'
    | 'earnBasis'
    | 'tierQualificationBasis'
    | 'tierQualificationWindow'
    | 'tierQualificationMonths'
    | 'tierReview'
    | 'tierReviewEveryDays'
    | 'tierDowngrade'
    | 'tierWarningDays'
    | 'paidMembershipReminderDays'
    | 'membershipReminderDays'
    | 'marketingMessagesPerWeek';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  /** ISO 4217 currency of sales and of the cash value of points. */
  @Property({ type: 'string', length: 3 })
  currencyCode!: string;

  /** Conversion for redemption: `redeemPoints` points are worth `redeemAmountMinor` minor units. */
  @Property({ type: 'integer' })
  redeemPoints!: number;

  @Property({ type: 'integer' })
  redeemAmountMinor!: number;

  /** Smallest number of points a single redemption may use. */
  @Property({ type: 'integer' })
  minRedeemPoints!: number;

  /** Largest share of a sale (percent of its total) that points may pay. */
  @Property({ type: 'integer' })
  maxRedeemSharePercent!: number;

  @Property({ type: 'integer' })
  holdTtlDefaultSeconds!: number;

  @Property({ type: 'integer' })
  holdTtlMaxSeconds!: number;

  /** Days earned points stay pending (e.g. the return window); 0 = available at once. */
  @Property({ type: 'integer' })
  pendingDays!: number;

  /** Points expire `expiryCount` `expiryUnit`s after they are earned; null = never. */
  @Enum({ items: () => ExpiryUnit, nullable: true })
  expiryUnit?: ExpiryUnit | null;

  @Property({ type: 'integer', nullable: true })
  expiryCount?: number | null;

  /** Move each expiry date to the end of its month. */
  @Property({ type: 'boolean' })
  expiryToMonthEnd!: boolean;

  @Property({ type: new BigIntType('number') })
  registrationBonusPoints!: number;

  @Property({ type: new BigIntType('number') })
  birthdayBonusPoints!: number;

  /** Days a coupon issued from points stays valid. */
  @Property({ type: 'integer', default: 90 })
  couponValidityDays: number = 90;

  /** Days before a coupon expires that its member is reminded; 0 = no reminders. */
  @Property({ type: 'integer', default: 7 })
  couponReminderDays: number = 7;

  /** Whether points paid with points earn too (WHOLE_SALE) or only the cash part does (CASH_PAID). */
  @Enum({ items: () => EarnBasis, default: EarnBasis.WHOLE_SALE })
  earnBasis: EarnBasis = EarnBasis.WHOLE_SALE;

  // Levels (docs/levels.md)
  @Enum({ items: () => TierQualificationBasis, default: TierQualificationBasis.TIER_POINTS })
  tierQualificationBasis: TierQualificationBasis = TierQualificationBasis.TIER_POINTS;

  @Enum({ items: () => TierQualificationWindow, default: TierQualificationWindow.LIFETIME })
  tierQualificationWindow: TierQualificationWindow = TierQualificationWindow.LIFETIME;

  /** The rolling window's length (ROLLING_MONTHS). */
  @Property({ type: 'integer', default: 12 })
  tierQualificationMonths: number = 12;

  @Enum({ items: () => TierReview, default: TierReview.NONE })
  tierReview: TierReview = TierReview.NONE;

  /** Days between reviews (ROLLING). */
  @Property({ type: 'integer', default: 30 })
  tierReviewEveryDays: number = 30;

  @Enum({ items: () => TierDowngrade, default: TierDowngrade.ONE_LEVEL })
  tierDowngrade: TierDowngrade = TierDowngrade.ONE_LEVEL;

  /** Days before a review that would downgrade a member that they are told what keeps their level; 0 = no warnings. */
  @Property({ type: 'integer', default: 30 })
  tierWarningDays: number = 30;
  // -- membership expiry (docs/membership-expiry.md)
  /** Months without activity after which a membership expires; null = never. */
  @Property({ type: 'integer', nullable: true })
  membershipInactivityMonths?: number | null;

  /** Days before a membership expires that its member is reminded; 0 = no reminders. */
  @Property({ type: 'integer', default: 30 })
  membershipReminderDays: number = 30;
  // -- end of membership expiry

  /** Days before a paid membership ends that its member is reminded to renew; 0 = no reminders. */
  @Property({ type: 'integer', default: 14 })
  paidMembershipReminderDays: number = 14;

  /** The most marketing messages (automations' SEND_MESSAGE with purpose MARKETING) a member gets in 7 days; 0: no cap. */
  @Property({ type: 'integer', default: 3 })
  marketingMessagesPerWeek: number = 3;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
