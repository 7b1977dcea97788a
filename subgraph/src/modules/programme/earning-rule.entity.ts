import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A configured earning rule: a registered kind (see earning/rules) with its arguments. */
@Entity({ tableName: 'earning_rule' })
export class EarningRuleRecord {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt' | 'position';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 32 })
  kind!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'json' })
  args!: unknown;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Order of evaluation; on equal generosity the earlier rule wins. */
  @Property({ type: 'integer' })
  position: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
