import path from 'node:path';
import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import type { Logger } from '../common/logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OrmOptions {
  clientUrl: string;
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Log every SQL statement (LOYALTY_DEBUG_SQL=1), with placeholders, never the values. */
  debugSql?: boolean;
  /** Where the statements go (one JSON line each); without it MikroORM prints them to stdout. */
  logger?: Logger;
}

/**
 * MikroORM's logger, writing SQL to the service log as `{ message: "sql", sql, took, results }`.
 * The statement is the one with `$1` placeholders: the values (names, e-mail addresses, search
 * terms) are in the context's `params`, which is never written.
 */
class SqlLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly logger: Logger,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace as LoggerNamespace, context)) return;
    const level = context?.level === 'error' ? 'error' : context?.level === 'warning' ? 'warn' : 'info';
    this.logger[level](`orm ${namespace}`, { detail: message.replace(/\s+/g, ' ').trim() });
  }

  override logQuery(context: LogContext): void {
    if (!this.isEnabled('query', context)) return;
    const details = { sql: context.query?.replace(/\s+/g, ' ').trim(), took: context.took, results: context.results, affected: context.affected };
    this.logger[context.level === 'error' ? 'error' : 'info']('sql', details);
  }
}

/** The ORM configuration; the migration command uses it too, so the two cannot drift. */
export function ormConfig(opts: OrmOptions): Options {
  return {
    clientUrl: opts.clientUrl,
    entities: ENTITIES,
    extensions: [Migrator, SeedManager],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // 'query' without 'query-params': statements are logged with placeholders, not values.
    debug: opts.debugSql ? ['query'] : false,
    colors: false,
    ...(opts.logger ? { loggerFactory: (options: LoggerOptions) => new SqlLogger(options, opts.logger!) } : {}),
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
