import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { AutomationAction } from '../automations/automation.model';
import { ChallengeStatus, type ChallengeDef } from './challenge.model';

/** A challenge: a goal over a window and its reward (docs/campaigns.md#challenges). */
@Entity({ tableName: 'challenge' })
export class ChallengeRecord {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  @Enum({ items: () => ChallengeStatus })
  status!: ChallengeStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endsAt?: Date | null;

  @Property({ type: 'json' })
  goal!: ChallengeDef['goal'];

  @Property({ type: new BigIntType('number') })
  rewardPoints!: number;

  @Property({ type: 'json', nullable: true })
  rewardCoupon?: AutomationAction['coupon'] | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** A member's progress on a challenge; `completedAt` is set once, with the reward. */
@Entity({ tableName: 'challenge_progress' })
export class ChallengeProgressRecord {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @Property({ type: new BigIntType('number') })
  progress!: number;

  /** PRODUCTS_TRIED: the different products bought so far. */
  @Property({ type: 'text[]' })
  products!: string[];

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'bigint', nullable: true })
  rewardEntryId?: string | null;

  @Property({ type: 'string', length: 16, nullable: true })
  rewardCouponCode?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt!: Date;
}
