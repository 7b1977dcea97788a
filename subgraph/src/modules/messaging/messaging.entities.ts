import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export enum MessageChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  INBOX = 'INBOX',
}

/** A message in the member's in-app inbox. */
@Entity({ tableName: 'inbox_message' })
@Unique({ properties: ['memberId', 'dedupeKey'] })
@Index({ properties: ['memberId', 'createdAt'] })
export class InboxMessage {
  [OptionalProps]?: 'readAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'string', length: 64 })
  kind!: string;

  /** Makes the message exactly-once (e.g. `coupon-expiry:<code>`). */
  @Property({ type: 'string', length: 128 })
  dedupeKey!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  couponCode?: string | null;

  /** A marketing message (an automation's): counts towards the programme's weekly cap. */
  @Property({ type: 'boolean', default: false })
  marketing: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt?: Date | null;
}

export enum OutboxStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/** An outbound e-mail or SMS, written in the same transaction as its cause, delivered later. */
@Entity({ tableName: 'outbox_message' })
@Index({ name: 'outbox_message_due_index', expression: `create index "outbox_message_due_index" on "outbox_message" ("created_at") where "status" in ('PENDING', 'SENDING')` })
export class OutboxMessage {
  [OptionalProps]?: 'attempts' | 'lastError' | 'sentAt' | 'lockedUntil';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Exactly-once: one message per key, e.g. `coupon-expiry:<code>:EMAIL`. */
  @Property({ type: 'string', length: 160, unique: true })
  dedupeKey!: string;

  @Property({ type: 'uuid', nullable: true })
  memberId?: string | null;

  @Enum({ items: () => MessageChannel })
  channel!: MessageChannel;

  @Property({ type: 'string', length: 254 })
  recipient!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 64 })
  template!: string;

  /** EMAIL with an HTML template: the HTML alternative of `body`. */
  @Property({ type: 'text', nullable: true })
  html?: string | null;

  @Enum({ items: () => OutboxStatus })
  status!: OutboxStatus;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}

/** An editable template: `{{placeholder}}` fields in subject and body. */
@Entity({ tableName: 'message_template' })
export class MessageTemplate {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @PrimaryKey({ type: 'string', length: 8 })
  channel!: MessageChannel;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  /** EMAIL only: an HTML version of the body (placeholder values are HTML-escaped in it). */
  @Property({ type: 'text', nullable: true })
  html?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt!: Date;
}
