import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  /** Its term is over; the member went back to the level they earned. */
  ENDED = 'ENDED',
  /** Its sale was returned: it ended then. */
  REFUNDED = 'REFUNDED',
}

/**
 * A paid membership: a level bought for a term with a sale (unique per channel and sale id, as
 * earns are). While ACTIVE the level is the member's floor; a renewal bought before the end
 * starts when the current one ends.
 */
@Entity({ tableName: 'membership_purchase' })
@Unique({ name: 'membership_purchase_channel_sale_id_unique', properties: ['channel', 'saleId'] })
@Index({ name: 'membership_purchase_active_end_index', expression: `create index "membership_purchase_active_end_index" on "membership_purchase" ("ends_at") where "status" = 'ACTIVE'` })
export class MembershipPurchase {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: 'membership_purchase_member_id_index' })
  memberId!: string;

  @Property({ type: 'uuid' })
  tierId!: string;

  @Property({ type: 'string', length: 64 })
  channel!: string;

  @Property({ type: 'string', length: 128 })
  saleId!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  storeId?: string | null;

  /** The sale line's commerce product: returning it refunds the membership. */
  @Property({ type: 'string', length: 64 })
  productId!: string;

  @Property({ type: new BigIntType('number') })
  priceMinor!: number;

  @Property({ type: 'string', length: 3 })
  currencyCode!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Enum({ items: () => MembershipStatus })
  status!: MembershipStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  remindedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}
