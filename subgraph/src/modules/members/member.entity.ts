import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Tier } from '../tiers/tier.entity';
import { LoyaltyCard } from './card.entity';

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  /** No activity for the programme's inactivity period, or past the end date an admin set: keeps its history, cannot earn or spend until reactivated. */
  EXPIRED = 'EXPIRED',
}

/** A person enrolled in the programme, optionally tied to a commerce customer id. */
@Entity({ tableName: 'member' })
@Index({ properties: ['enrolledAt', 'id'] })
// One index per kind of search, in the order its results are listed (member.search.ts, docs/scale.md).
@Index({ name: 'member_last_first_name_index', expression: 'create index "member_last_first_name_index" on "member" ((lower("last_name") collate "C"), (lower("first_name") collate "C"), "id") include ("last_name", "first_name")' })
@Index({ name: 'member_first_last_name_index', expression: 'create index "member_first_last_name_index" on "member" ((lower("first_name") collate "C"), (lower("last_name") collate "C"), "id") include ("first_name", "last_name")' })
@Index({ name: 'member_phone_suffix_index', expression: 'create index "member_phone_suffix_index" on "member" ((reverse("phone") collate "C"), "id") include ("phone")' })
// today's birthdays, for the maintenance run's bonus
@Index({
  name: 'member_birthday_index',
  expression: `create index "member_birthday_index" on "member" ((extract(month from "birthday")), (extract(day from "birthday"))) where "status" = 'ACTIVE' and "birthday" is not null`,
})
// members whose end date can fall due, for the maintenance run (docs/membership-expiry.md)
@Index({
  name: 'member_membership_ends_index',
  expression: `create index "member_membership_ends_index" on "member" ("membership_ends_at") where "status" = 'ACTIVE' and "membership_ends_at" is not null`,
})
// the enrolment rollup's change marker (analytics/rollup.ts): members written since a horizon
@Index({ name: 'member_txid_index', expression: 'create index "member_txid_index" on "member" ("txid") include ("enrolled_at")' })
export class Member {
  [OptionalProps]?: 'status' | 'emailOptIn' | 'smsOptIn' | 'enrolledAt' | 'tags' | 'attributes';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The commerce graph's customer id; unique when present. */
  @Property({ type: 'string', length: 256, nullable: true, unique: true })
  customerId?: string | null;

  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Property({ type: 'string', length: 100 })
  lastName!: string;

  /**
   * Stored lower-cased; unique when present. The column is in the C collation (migration
   * Migration20261204120000; MikroORM has no option for it), so its unique index also serves the
   * prefix search in byte order.
   */
  @Property({ type: 'string', length: 254, nullable: true, unique: true })
  email?: string | null;

  /** E.164, e.g. `+447700900123`. */
  @Property({ type: 'string', length: 16, nullable: true })
  phone?: string | null;

  /** Calendar date `YYYY-MM-DD`, no time zone. */
  @Property({ type: 'date', nullable: true })
  birthday?: string | null;

  @Enum({ items: () => MemberStatus, default: MemberStatus.ACTIVE })
  status: MemberStatus = MemberStatus.ACTIVE;

  @Property({ type: 'boolean' })
  emailOptIn: boolean = false;

  @Property({ type: 'boolean' })
  smsOptIn: boolean = false;

  @ManyToOne(() => Tier, { nullable: true, deleteRule: 'restrict' })
  tier?: Tier | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  enrolledAt: Date = new Date();

  /**
   * The transaction that wrote the member's enrolment (`pg_current_xact_id()`, the column default,
   * and a trigger when `enrolled_at` changes; never the ORM): the change marker of the enrolment
   * rollup (analytics/rollup.ts), like `ledger_entry.txid`. Members loaded before it have 0.
   */
  @Property({ type: 'bigint', defaultRaw: '((pg_current_xact_id())::text)::bigint', lazy: true, hidden: true })
  txid?: string;

  // The level's dates and a manual floor (tiers/tier-lifecycle.ts, docs/levels.md)
  /** When the member reached their current level. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  tierReachedAt?: Date | null;

  /** When their level is next looked at: a review, or the end of a grace period. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true, index: 'member_tier_review_index' })
  tierReviewAt?: Date | null;

  /** Until when they keep a level they no longer qualify for. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  tierGraceUntil?: Date | null;

  /** A level set by an admin: reviews never go below it until `tierFloorUntil`. */
  @Property({ type: 'uuid', nullable: true })
  tierFloorId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  tierFloorUntil?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  tierFloorReason?: string | null;

  /** The review a downgrade warning was sent for (once per review). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  tierWarnedFor?: Date | null;

  /** Where the member enrolled (a store id, `web`, `app`...), for reporting. */
  @Property({ type: 'string', length: 64, nullable: true })
  enrollmentSource?: string | null;

  /** The end of the membership, set by an admin; null = none (inactivity may still end it). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  membershipEndsAt?: Date | null;

  /** When the membership expired (status EXPIRED); null otherwise. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  membershipExpiredAt?: Date | null;

  /** Labels automations (and admins) put on the member; audiences select by them. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  tags: string[] = [];

  /** Name/value attributes automations set (e.g. `winBack: sent`). */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  attributes: Record<string, string> = {};

  @OneToMany(() => LoyaltyCard, (card) => card.member)
  cards = new Collection<LoyaltyCard>(this);
}
