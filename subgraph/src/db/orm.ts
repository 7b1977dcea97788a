import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OrmOptions {
  clientUrl: string;
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Log every SQL statement (LOYALTY_DEBUG_SQL=1). */
  debugSql?: boolean;
}

/** The ORM configuration; the migration command uses it too, so the two cannot drift. */
export function ormConfig(opts: OrmOptions): Options {
  return {
    clientUrl: opts.clientUrl,
    entities: ENTITIES,
    extensions: [Migrator, SeedManager],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: opts.debugSql ? ['query', 'query-params'] : false,
    pool: { min: 0, max: opts.poolSize ?? 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
    },
    seeder: { path: path.join(__dirname, '../../../seeds'), emit: 'ts' },
  };
}

export async function createOrm(opts: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(opts));
}

/** Brings the schema up to date with the committed migrations; returns the names applied now. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
