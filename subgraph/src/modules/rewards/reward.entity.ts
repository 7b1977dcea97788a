import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export enum RewardKind {
  GIFT_ITEM = 'GIFT_ITEM',
  CASH_VOUCHER = 'CASH_VOUCHER',
}

/** An entry of the reward catalogue: a gift item or a voucher, bought with points. */
@Entity({ tableName: 'reward' })
@Check({ name: 'reward_values_check', expression: 'points_cost > 0 and (stock is null or stock >= 0)' })
export class Reward {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt' | 'voucherValueMinor';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => RewardKind })
  kind!: RewardKind;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  /** GIFT_ITEM: the commerce product handed over at the till. */
  @Property({ type: 'string', length: 64, nullable: true })
  productId?: string | null;

  @Property({ type: new BigIntType('number') })
  pointsCost!: number;

  /** CASH_VOUCHER: the voucher's value, minor units of the programme currency. */
  @Property({ type: new BigIntType('number') })
  voucherValueMinor: number = 0;

  /** Units left; null = unlimited. */
  @Property({ type: 'integer', nullable: true })
  stock?: number | null;

  /** Coupons of this reward one member may hold (voided ones do not count); null = no limit. */
  @Property({ type: 'integer', nullable: true })
  perMemberLimit?: number | null;

  /** Only members of this tier rank or higher; null = everyone. */
  @Property({ type: 'integer', nullable: true })
  minTierRank?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  validFrom?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  validUntil?: Date | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
