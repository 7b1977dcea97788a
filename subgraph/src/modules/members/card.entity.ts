import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Member } from './member.entity';

export enum CardStatus {
  ACTIVE = 'ACTIVE',
  BLOCKED = 'BLOCKED',
  LOST = 'LOST',
}

/** A physical or virtual loyalty card. Numbers are unique across the programme and never reused. */
@Entity({ tableName: 'loyalty_card' })
export class LoyaltyCard {
  [OptionalProps]?: 'status' | 'linkedAt' | 'statusChangedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Normalised: upper-case letters and digits only. */
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @Enum({ items: () => CardStatus, default: CardStatus.ACTIVE })
  status: CardStatus = CardStatus.ACTIVE;

  @ManyToOne(() => Member, { index: true, deleteRule: 'restrict' })
  member!: Member;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  linkedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  statusChangedAt: Date = new Date();
}
