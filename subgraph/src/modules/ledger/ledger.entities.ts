import { BigIntType, Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

const points = () => new BigIntType('number');

/**
 * A member's balance counters, updated in the same transaction as the journal entries that move
 * them; the row lock on it serialises every change of one member's points.
 * Invariants: available = sum(remaining of AVAILABLE lots) when >= 0 (negative only after a
 * recorded clawback), pending = sum(remaining of PENDING lots), held = sum(points of ACTIVE holds).
 */
@Entity({ tableName: 'wallet' })
@Index({ name: 'wallet_last_activity_index', expression: 'create index "wallet_last_activity_index" on "wallet" ("last_activity_at") where "last_activity_at" is not null' })
@Check({ name: 'wallet_pending_check', expression: 'pending >= 0' })
@Check({ name: 'wallet_held_check', expression: 'held >= 0' })
export class Wallet {
  [OptionalProps]?: 'available' | 'pending' | 'held' | 'lifetimeEarned' | 'tierPoints' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @Property({ type: points() })
  available: number = 0;

  @Property({ type: points() })
  pending: number = 0;

  @Property({ type: points() })
  held: number = 0;

  /** Points credited by purchases and bonuses, less points reversed by returns. */
  @Property({ type: points() })
  lifetimeEarned: number = 0;

  /** Tier-qualifying points: purchases less returns; spending never lowers them. */
  @Property({ type: points() })
  tierPoints: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  /**
   * The last activity of an ACTIVE membership (enrolling, earning, holds and captures, spending,
   * redeeming a coupon), written at most once an hour (SQL `loyalty_activity_at`); null while the
   * membership is not ACTIVE, so the partial index holds only members who can expire by inactivity.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true, defaultRaw: 'now()' })
  lastActivityAt?: Date | null;
}

export enum LedgerEntryType {
  EARN = 'EARN',
  POINTS_AVAILABLE = 'POINTS_AVAILABLE',
  BONUS = 'BONUS',
  HOLD = 'HOLD',
  HOLD_CAPTURE = 'HOLD_CAPTURE',
  REDEEM = 'REDEEM',
  HOLD_RELEASE = 'HOLD_RELEASE',
  HOLD_EXPIRE = 'HOLD_EXPIRE',
  EXPIRE = 'EXPIRE',
  RETURN = 'RETURN',
  REFUND = 'REFUND',
  ADJUST = 'ADJUST',
  COUPON_ISSUE = 'COUPON_ISSUE',
  COUPON_VOID = 'COUPON_VOID',
  /** The member's level changed (no points move); `tierId` is the level moved to. */
  TIER_CHANGE = 'TIER_CHANGE',
  // membership expiry (docs/membership-expiry.md): status changes, no postings
  MEMBERSHIP_END_DATE_SET = 'MEMBERSHIP_END_DATE_SET',
  MEMBERSHIP_EXPIRED = 'MEMBERSHIP_EXPIRED',
  MEMBERSHIP_REACTIVATED = 'MEMBERSHIP_REACTIVATED',
}

/** One immutable journal entry; its postings sum to zero. */
@Entity({ tableName: 'ledger_entry' })
@Index({ properties: ['memberId', 'occurredAt', 'id'] })
// LEVEL_CHANGED and RETURN automations read these entries since their last scan
@Index({ name: 'ledger_entry_txid_brin', expression: 'create index "ledger_entry_txid_brin" on "ledger_entry" using brin ("txid")' })
@Index({ name: 'ledger_entry_automation_index', expression: `create index "ledger_entry_automation_index" on "ledger_entry" ("occurred_at") where "type" in ('TIER_CHANGE', 'RETURN')` })
export class LedgerEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Enum({ items: () => LedgerEntryType })
  type!: LedgerEntryType;

  /** Change of the member's total (available + pending + held). */
  @Property({ type: points() })
  points!: number;

  /** Change of the member's available points. */
  @Property({ type: points() })
  availableChange!: number;

  @Property({ type: points() })
  availableAfter!: number;

  @Property({ type: points() })
  pendingAfter!: number;

  @Property({ type: points() })
  heldAfter!: number;

  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  channel?: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  saleId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  holdId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  couponCode?: string | null;

  /** TIER_CHANGE: the level moved to. */
  @Property({ type: 'uuid', nullable: true })
  tierId?: string | null;

  /** Points a campaign gave or a return took back, and coupons a campaign issued: the campaign. */
  @Property({ type: 'uuid', nullable: true })
  campaignId?: string | null;

  /** Token subject of the caller, or `system` for the scheduler. */
  @Property({ type: 'string', length: 200 })
  actor!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  /**
   * The writing transaction's id (`pg_current_xact_id()`, set by the column default, never by the
   * ORM): the change marker of the analytics rollup (analytics/rollup.ts). Every transaction below
   * a snapshot's xmin has finished, so a rollup up to it misses no entry that commits later.
   */
  @Property({ type: 'bigint', defaultRaw: '((pg_current_xact_id())::text)::bigint', lazy: true, hidden: true })
  txid?: string;
}

/** One side of an entry: an amount on a member bucket (`member.available`...) or a programme account. */
@Entity({ tableName: 'ledger_posting' })
export class LedgerPosting {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'bigint' })
  @Index()
  entryId!: string;

  @Property({ type: 'uuid' })
  @Index()
  memberId!: string;

  @Property({ type: 'string', length: 32 })
  account!: string;

  @Property({ type: points() })
  amount!: number;
}

export enum LotStatus {
  PENDING = 'PENDING',
  AVAILABLE = 'AVAILABLE',
}

/** Points credited together, consumed first-in-first-out by expiry date. */
@Entity({ tableName: 'earning_lot' })
@Index({ name: 'earning_lot_fifo_index', expression: 'create index "earning_lot_fifo_index" on "earning_lot" ("member_id", "expires_at", "created_at") where "remaining" > 0' })
@Index({ name: 'earning_lot_expiry_index', expression: `create index "earning_lot_expiry_index" on "earning_lot" ("expires_at") where "remaining" > 0 and "status" = 'AVAILABLE'` })
@Index({ name: 'earning_lot_pending_index', expression: `create index "earning_lot_pending_index" on "earning_lot" ("available_at") where "status" = 'PENDING'` })
@Check({ name: 'earning_lot_remaining_check', expression: 'remaining >= 0 and remaining <= points' })
export class EarningLot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'bigint' })
  entryId!: string;

  @Property({ type: points() })
  points!: number;

  @Property({ type: points() })
  remaining!: number;

  @Enum({ items: () => LotStatus })
  status!: LotStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  availableAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}

export enum HoldStatus {
  ACTIVE = 'ACTIVE',
  CAPTURED = 'CAPTURED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

/** Points reserved by a till for a tender; resolved exactly once. */
@Entity({ tableName: 'points_hold' })
@Index({ name: 'points_hold_active_expiry_index', expression: `create index "points_hold_active_expiry_index" on "points_hold" ("expires_at") where "status" = 'ACTIVE'` })
@Index({ properties: ['memberId', 'status'] })
@Index({ properties: ['channel', 'saleId'] })
export class PointsHold {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: points() })
  points!: number;

  /** What the held points pay, minor units of `currencyCode`. */
  @Property({ type: points() })
  cashValueMinor!: number;

  @Property({ type: 'string', length: 3 })
  currencyCode!: string;

  @Enum({ items: () => HoldStatus })
  status!: HoldStatus;

  @Property({ type: 'string', length: 128 })
  saleId!: string;

  /** The sale's channel: sale ids are unique per channel only. */
  @Property({ type: 'string', length: 64 })
  channel!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  storeId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  tillId?: string | null;

  /** Lots the points were taken from, in order: `[{ lotId, points }]`. */
  @Property({ type: 'json' })
  allocations!: { lotId: string; points: number }[];

  @Property({ type: points(), nullable: true })
  capturedPoints?: number | null;

  @Property({ type: points(), nullable: true })
  capturedCashMinor?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date | null;
}

/** The record of what a sale earned, line by line; returns are computed from it, never from today's rules. */
@Entity({ tableName: 'sale_earn' })
@Unique({ properties: ['channel', 'saleId'] })
// audiences read a member's sales by time (Migration20261207220000)
@Index({ name: 'sale_earn_member_occurred_index', properties: ['memberId', 'occurredAt'] })
// PURCHASE automations read the sales booked since their last scan
@Index({ name: 'sale_earn_created_index', properties: ['createdAt'] })
// analytics read sales by time (Migration20261208040000: covering, for an index-only scan)
@Index({ name: 'sale_earn_occurred_index', expression: 'create index "sale_earn_occurred_index" on "sale_earn" ("occurred_at") include ("member_id", "member_first_sale_at", "store_id", "channel", "total_minor", "returned_amount_minor")' })
export class SaleEarn {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 64 })
  channel!: string;

  @Property({ type: 'string', length: 128 })
  @Index()
  saleId!: string;

  /** The commerce order key the sale belongs to, when the caller gave one. */
  @Property({ type: 'string', length: 128, nullable: true })
  @Index()
  orderId?: string | null;

  @Property({ type: 'uuid' })
  @Index()
  memberId!: string;

  @Property({ type: points() })
  points!: number;

  @Property({ type: 'string', length: 3 })
  currencyCode!: string;

  /** What the lines came to after level discounts (before coupons and points), minor units. */
  @Property({ type: points() })
  totalMinor!: number;

  /** The level (tier) discount given on the sale, minor units: the sum of its lines' `discountMinor`. */
  @Property({ type: points(), default: 0 })
  discountMinor: number = 0;

  /**
   * `[{ productId, categoryId, quantity, unitPrice, points, returnedQuantity, returnedPoints }]`, with
   * `listUnitPrice`, `discountMinor` and `discount` (the reason) on lines a level discount reduced;
   * `unitPrice` is then the price after it.
   */
  @Property({ type: 'json' })
  lines!: SaleEarnLine[];

  @Property({ type: 'uuid', nullable: true })
  lotId?: string | null;

  @Property({ type: points() })
  returnedPoints: number = 0;

  @Property({ type: points() })
  returnedAmountMinor: number = 0;

  /** Redeemed points (that paid for this sale) already given back by its returns. */
  @Property({ type: points() })
  refundedPoints: number = 0;

  @Property({ type: 'string', length: 64, nullable: true })
  storeId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  tillId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  /**
   * The member's first sale (the earliest `occurredAt` of all their sales), kept by triggers on
   * this table (Migration20261208040000) for analytics: "had the member bought before?".
   */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  memberFirstSaleAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}

export interface SaleEarnLine {
  productId: string;
  categoryId: string | null;
  quantity: number;
  unitPrice: number;
  points: number;
  returnedQuantity: number;
  returnedPoints: number;
  /** Only on a line a level discount reduced: the unit price as sent (`unitPrice` is after the discount). */
  listUnitPrice?: number;
  /** Only on a line a level discount reduced: quantity x the unit discount, minor units. */
  discountMinor?: number;
  /** Only on a line a level discount reduced: the level and rule that gave it. */
  discount?: { tierId: string; tierName: string; ruleId: string; ruleName: string; percent: number };
  /** Only on a line an EXCLUDE rule kept from earning (it qualifies for no campaign either). */
  excluded?: true;
  /** Only on a line campaigns gave points to: each campaign's points on it and how many a return took back. */
  campaigns?: { campaignId: string; points: number; returnedPoints: number }[];
}

/** Exactly-once bonuses: one row per (member, kind, period). */
@Entity({ tableName: 'bonus_award' })
export class BonusAward {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey({ type: 'string', length: 32 })
  kind!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  period!: string;

  @Property({ type: 'bigint' })
  entryId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  awardedAt!: Date;
}
