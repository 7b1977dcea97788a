import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { AudienceRules } from '../audiences/audience-rules';
import type { AutomationAction, AutomationTrigger } from './automation.model';
import { AutomationStatus } from './automation.model';

/**
 * An automated programme (docs/campaigns.md#automations): a trigger, conditions (an audience), and
 * actions run once per (automation, member, occurrence). `scanFrom` is where the next scan of
 * event triggers starts (less an overlap, see automation.triggers.ts).
 */
@Entity({ tableName: 'automation' })
export class AutomationRecord {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => AutomationStatus })
  status!: AutomationStatus;

  @Property({ type: 'json' })
  trigger!: AutomationTrigger;

  @Property({ type: 'string', length: 64, nullable: true })
  audienceCode?: string | null;

  @Property({ type: 'json', nullable: true })
  audienceRules?: AudienceRules | null;

  @Property({ type: 'json' })
  actions!: AutomationAction[];

  /** When it was last made ACTIVE: event triggers act on nothing recorded before. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  activatedAt?: Date | null;

  /** Event triggers: where the next scan starts (less an overlap); the time of the last completed scan. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  scanFrom?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

export enum AutomationRunStatus {
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * The log of what ran: one row per (automation, member, occurrence), whose unique key makes each
 * occurrence run at most once across replicas and maintenance runs.
 */
@Entity({ tableName: 'automation_run' })
@Unique({ name: 'automation_run_occurrence_unique', properties: ['automationId', 'memberId', 'occurrenceKey'] })
@Index({ name: 'automation_run_member_index', properties: ['memberId', 'createdAt'] })
@Index({ name: 'automation_run_automation_index', properties: ['automationId', 'createdAt'] })
export class AutomationRunRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  automationId!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  /** What happened, e.g. `sale:<id>`, `birthday:2026`, `inactive:2026-09-01`, `event:<id>`. */
  @Property({ type: 'string', length: 160 })
  occurrenceKey!: string;

  @Enum({ items: () => AutomationRunStatus })
  status!: AutomationRunStatus;

  /** What each action did (points, coupon code, message channels, tag) or why it failed. */
  @Property({ type: 'json' })
  detail!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}

/** A custom event another service posted (recordLoyaltyEvent); unique per (source, eventId). */
@Entity({ tableName: 'loyalty_event' })
@Unique({ name: 'loyalty_event_source_unique', properties: ['source', 'eventId'] })
@Index({ name: 'loyalty_event_received_index', properties: ['receivedAt'] })
export class LoyaltyEventRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The poster: its token subject. */
  @Property({ type: 'string', length: 200 })
  source!: string;

  @Property({ type: 'string', length: 128 })
  eventId!: string;

  @Property({ type: 'string', length: 64 })
  type!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'json' })
  attributes!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt!: Date;
}
