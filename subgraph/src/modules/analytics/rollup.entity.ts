import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Programme-account postings summed per UTC hour (analytics/rollup.ts): the points flows'
 * pre-aggregate. `amount` is the sum of `ledger_posting.amount` on `account` of the journal
 * entries that occurred in the hour and are rolled up (below the horizon).
 */
@Entity({ tableName: 'analytics_points_hour' })
export class AnalyticsPointsHour {
  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  hour!: Date;

  @PrimaryKey({ type: 'text' })
  account!: string;

  @Property({ type: 'bigint' })
  amount!: string;
}

/**
 * Members by the UTC hour of their enrolment (analytics/rollup.ts): the base of the loyalty index
 * (members enrolled before a range) without counting the member table. `members` counts the
 * members of the hour written below the enrolment rollup's horizon.
 */
@Entity({ tableName: 'analytics_enrolment_hour' })
export class AnalyticsEnrolmentHour {
  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'bigint' })
  members!: string;
}

/** How far a rollup has read: every journal entry written by a transaction below `horizonTxid` is in it. */
@Entity({ tableName: 'analytics_rollup' })
export class AnalyticsRollupState {
  @PrimaryKey({ type: 'string', length: 64 })
  name!: string;

  @Property({ type: 'bigint' })
  horizonTxid!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  rolledAt!: Date;
}
