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
export class Tier {
  [OptionalProps]?: 'earnMultiplierPercent' | 'benefits' | 'createdAt';

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

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
