import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Small key/value facts about this database, e.g. when the demo programme was seeded. */
@Entity({ tableName: 'app_meta' })
export class AppMeta {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'json' })
  value!: unknown;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
