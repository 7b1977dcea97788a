import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A benefit a tier grants, shown to members and cashiers; rules that act on it come with the ledger. */
export interface TierBenefitData {
  code: string;
  description: string;
}

/** A level of the programme; members move between tiers on tier-qualifying points, never on spending. */
@Entity({ tableName: 'tier' })
@Check({ name: 'tier_rank_check', expression: 'rank >= 0' })
@Check({ name: 'tier_threshold_check', expression: 'qualification_threshold >= 0' })
@Check({ name: 'tier_multiplier_check', expression: 'earn_multiplier_percent > 0' })
@Check({ name: 'tier_grace_days_check', expression: '(grace_days >= 0) AND (grace_days <= 3660)' })
@Check({ name: 'tier_upgrade_bonus_points_check', expression: '(upgrade_bonus_points >= 0) AND (upgrade_bonus_points <= 2147483647)' })
@Check({ name: 'tier_membership_price_minor_check', expression: '(membership_price_minor >= 1) AND (membership_price_minor <= 100000000)' })
@Check({ name: 'tier_membership_term_months_check', expression: '(membership_term_months >= 1) AND (membership_term_months <= 120)' })
export class Tier {
  [OptionalProps]?: 'earnMultiplierPercent' | 'benefits' | 'createdAt' | 'graceDays' | 'upgradeBonusPoints' | 'upgradeGiftRewardId' | 'membershipPriceMinor' | 'membershipTermMonths';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stable machine name, e.g. `GOLD`. */
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** 0 for the entry tier; higher is better. */
  @Property({ type: 'integer', unique: true })
  rank!: number;

  /** Tier-qualifying points needed to reach this tier. */
  @Property({ type: new BigIntType('number') })
  qualificationThreshold!: number;

  /** Earn multiplier in percent (100 = 1x, 150 = 1.5x): integers only in the domain. */
  @Property({ type: 'integer' })
  earnMultiplierPercent: number = 100;

  @Property({ type: 'json' })
  benefits: TierBenefitData[] = [];

  /** Days a member keeps this level after a review they did not qualify at (docs/levels.md). */
  @Property({ type: 'integer', default: 0 })
  graceDays: number = 0;

  /** Points given on reaching this level, once per qualification period. */
  @Property({ type: new BigIntType('number'), default: 0 })
  upgradeBonusPoints: number = 0;

  /** A gift-item reward issued as a coupon on reaching this level, once per qualification period. */
  @Property({ type: 'uuid', nullable: true })
  upgradeGiftRewardId?: string | null;

  /** A paid membership: the price of `membershipTermMonths` at this level; null = not for sale. */
  @Property({ type: new BigIntType('number'), nullable: true })
  membershipPriceMinor?: number | null;

  @Property({ type: 'integer', nullable: true })
  membershipTermMonths?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
