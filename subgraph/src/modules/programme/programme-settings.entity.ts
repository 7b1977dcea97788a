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

/**
 * The programme's economics, one row (id = 1). Points and minor units are integers; the cash value
 * of points is `redeemAmountMinor` per `redeemPoints` (e.g. 100 points = 100 pence).
 */
@Entity({ tableName: 'programme_settings' })
@Check({ name: 'programme_settings_single_row', expression: 'id = 1' })
export class ProgrammeSettings {
  [OptionalProps]?: 'updatedAt' | 'couponValidityDays' | 'couponReminderDays' | 'earnBasis';

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

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
