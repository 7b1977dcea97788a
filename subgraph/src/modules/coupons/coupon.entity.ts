import { BigIntType, Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export enum CouponKind {
  CASH_VOUCHER = 'CASH_VOUCHER',
  PERCENT_DISCOUNT = 'PERCENT_DISCOUNT',
  GIFT_ITEM = 'GIFT_ITEM',
}

/** Stored status; an ACTIVE coupon past its expiry is shown as EXPIRED. */
export enum CouponStatus {
  ACTIVE = 'ACTIVE',
  REDEEMED = 'REDEEMED',
  VOIDED = 'VOIDED',
  EXPIRED = 'EXPIRED',
}

/** A coupon: a cash voucher, a percent discount or a gift item, single-use, usually member-bound. */
@Entity({ tableName: 'coupon' })
@Index({ properties: ['memberId', 'status'] })
@Index({ name: 'coupon_active_expiry_index', expression: `create index "coupon_active_expiry_index" on "coupon" ("expires_at") where "status" = 'ACTIVE'` })
@Check({ name: 'coupon_value_check', expression: 'value_minor >= 0' })
@Check({ name: 'coupon_percent_check', expression: 'percent <= 100' })
@Check({ name: 'coupon_points_check', expression: 'points_spent >= 0' })
export class Coupon {
  [OptionalProps]?: 'valueMinor' | 'percent' | 'pointsSpent' | 'allocations';

  /** Canonical code: 10 random Crockford base-32 characters and a check character. */
  @PrimaryKey({ type: 'string', length: 16 })
  code!: string;

  @Enum({ items: () => CouponKind })
  kind!: CouponKind;

  @Enum({ items: () => CouponStatus })
  status!: CouponStatus;

  /** Null for a bearer coupon (admin-issued, anyone may use it once). */
  @Property({ type: 'uuid', nullable: true })
  memberId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Index()
  rewardId?: string | null;

  /** CASH_VOUCHER: the value, minor units of `currencyCode`. */
  @Property({ type: new BigIntType('number') })
  valueMinor: number = 0;

  @Property({ type: 'string', length: 3 })
  currencyCode!: string;

  /** PERCENT_DISCOUNT: the discount. */
  @Property({ type: 'integer' })
  percent: number = 0;

  /** GIFT_ITEM: the commerce product handed over. */
  @Property({ type: 'string', length: 64, nullable: true })
  productId?: string | null;

  /** Issued by a campaign (an offer, not bought with points). */
  @Property({ type: 'uuid', nullable: true })
  campaignId?: string | null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: new BigIntType('number') })
  pointsSpent: number = 0;

  /** Lots the points came from, so a void returns them where they were. */
  @Property({ type: 'json' })
  allocations: { lotId: string; points: number }[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  issuedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  redeemedAt?: Date | null;

  @Property({ type: 'string', length: 128, nullable: true })
  @Index()
  redeemedSaleId?: string | null;

  /** The channel of the sale it was used on: sale ids are unique per channel only. */
  @Property({ type: 'string', length: 64, nullable: true })
  redeemedChannel?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  redeemedStoreId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  redeemedTillId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  voidedAt?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  voidReason?: string | null;

  /** Token subject of whoever issued it. */
  @Property({ type: 'string', length: 200 })
  issuedBy!: string;
}
