import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Tier } from '../tiers/tier.entity';

/**
 * One discount rule of a level (tier): a registered kind (see `discount-kinds.ts`) with its
 * arguments, in the tier's order. A tier's rules are replaced as a whole by
 * `setLoyaltyTierDiscounts`; a rule belongs to its tier and goes with it.
 */
@Entity({ tableName: 'tier_discount_rule' })
@Index({ properties: ['tier', 'position'] })
export class TierDiscountRuleRecord {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Tier, { mapToPk: true, deleteRule: 'cascade', index: false })
  tier!: string;

  /** Order within the tier: on equal percent the earlier rule is the reason shown. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 32 })
  kind!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'json' })
  args!: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
