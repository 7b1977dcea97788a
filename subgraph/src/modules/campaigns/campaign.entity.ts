import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { AudienceRules } from '../audiences/audience-rules';
import { CampaignStacking, CampaignStatus, type CampaignCriteria, type CampaignOffer } from './campaign-engine';
import { LimitPeriod } from './campaign-time';

const count = () => new BigIntType('number');

/**
 * A promotion campaign (docs/campaigns.md): period and windows in its time zone, an audience,
 * criteria, one offer, limits and budgets, priority and stacking. The `spent_*` counters are the
 * budget's use, raised in the earn's transaction under this row's lock, so a budget holds across
 * replicas; they are written only for campaigns that have a budget.
 */
@Entity({ tableName: 'campaign' })
@Check({ name: 'campaign_spent_check', expression: 'spent_points >= 0 and spent_value_minor >= 0 and issued_coupons >= 0' })
export class CampaignRecord {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'spentPoints' | 'spentValueMinor' | 'issuedCoupons';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Upper case, unique: `saveLoyaltyCampaign` replaces the campaign of a code. */
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  @Enum({ items: () => CampaignStatus })
  status!: CampaignStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endsAt?: Date | null;

  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  /** Weekday/time-of-day windows: `[{ weekdays, fromMinute, toMinute }]`; empty: any time. */
  @Property({ type: 'json' })
  windows!: { weekdays: number[]; fromMinute: number; toMinute: number }[];

  /** A saved audience by code, read when the campaign is loaded; or inline rules. */
  @Property({ type: 'string', length: 64, nullable: true })
  audienceCode?: string | null;

  @Property({ type: 'json', nullable: true })
  audienceRules?: AudienceRules | null;

  @Property({ type: 'json' })
  criteria!: CampaignCriteria;

  @Property({ type: 'json' })
  offer!: CampaignOffer;

  @Property({ type: 'integer', nullable: true })
  perMemberLimit?: number | null;

  @Enum({ items: () => LimitPeriod })
  perMemberPeriod!: LimitPeriod;

  @Property({ type: count(), nullable: true })
  budgetPoints?: number | null;

  @Property({ type: count(), nullable: true })
  budgetValueMinor?: number | null;

  @Property({ type: count(), nullable: true })
  budgetCoupons?: number | null;

  @Property({ type: count(), default: 0 })
  spentPoints: number = 0;

  @Property({ type: count(), default: 0 })
  spentValueMinor: number = 0;

  @Property({ type: count(), default: 0 })
  issuedCoupons: number = 0;

  @Property({ type: 'integer' })
  priority!: number;

  @Enum({ items: () => CampaignStacking })
  stacking!: CampaignStacking;

  @Property({ type: 'string', length: 64, nullable: true })
  stackGroup?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

/**
 * What a campaign gave: one row per (campaign, sale), with the points (and the entry and lot that
 * hold them) or the coupon. Per-member limits count these rows; a return raises `reversedPoints`.
 */
@Entity({ tableName: 'campaign_award' })
@Unique({ name: 'campaign_award_sale_unique', properties: ['campaignId', 'saleEarnId'] })
@Index({ name: 'campaign_award_member_index', properties: ['memberId', 'campaignId', 'periodKey'] })
@Index({ name: 'campaign_award_sale_index', properties: ['saleEarnId'] })
export class CampaignAwardRecord {
  [OptionalProps]?: 'reversedPoints' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  campaignId!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'uuid', nullable: true })
  saleEarnId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  channel?: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  saleId?: string | null;

  /** The per-member limit period the award counts in (campaign-time.ts `periodKey`). */
  @Property({ type: 'string', length: 16 })
  periodKey!: string;

  @Property({ type: count() })
  points!: number;

  @Property({ type: count(), default: 0 })
  reversedPoints: number = 0;

  @Property({ type: 'string', length: 16, nullable: true })
  couponCode?: string | null;

  /** A coupon's value taken from a value budget, minor units. */
  @Property({ type: count() })
  valueMinor!: number;

  @Property({ type: 'bigint', nullable: true })
  entryId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  lotId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
