import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A client-chosen key and the result it produced, written in the same transaction as the effect. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'string', length: 64 })
  operation!: string;

  /** Who used the key (a hash of role, subject and store/till, or member): one caller's key never squats another's. */
  @PrimaryKey({ type: 'string', length: 64 })
  scope!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 of the canonical request (without the key). */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'json', nullable: true })
  response?: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}
