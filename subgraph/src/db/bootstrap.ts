import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DemoSeeder } from '../../../seeds/demo.seeder';
import type { Config } from '../config';
import type { Logger } from '../common/logger';
import { AppMeta } from './app-meta.entity';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { createOrm, migrate } from './orm';

const DEMO_SEED_KEY = 'demo_seed';
/** Arbitrary constant: serialises seeding between replicas that start together. */
const SEED_LOCK = 7_310_001;

export interface Database {
  orm: MikroORM;
  embedded: EmbeddedDatabase | null;
  /** Human-readable place of the data, for the start-up banner (no password). */
  description: string;
  migrationsApplied: string[];
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database the configuration asks for: `DATABASE_URL`, or else the embedded server in
 * `$LOYALTY_DATA_DIR/postgres`. Applies migrations; seeds the demo programme on the embedded
 * default's first start (or when `LOYALTY_SEED=demo`), once, even with replicas starting together.
 */
export async function openDatabase(
  config: Config,
  progress: (line: string) => void = () => {},
  logger?: Logger,
  opts: { /** Extra `postgres` settings for the embedded server while this process runs it. */ embeddedFlags?: string[] } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let clientUrl = config.databaseUrl;
  let description: string;
  if (!clientUrl) {
    const dir = path.join(config.dataDir, 'postgres');
    progress(`Starting embedded PostgreSQL in ${dir} on port ${config.embeddedDbPort}...`);
    embedded = await startEmbeddedPostgres({ dir, port: config.embeddedDbPort, postgresFlags: opts.embeddedFlags });
    if (embedded.created) progress('  new cluster initialised');
    await ensureDatabase(embedded, 'loyalty');
    clientUrl = embedded.urlFor('loyalty');
    description = `embedded PostgreSQL, ${dir} (postgresql://loyalty@127.0.0.1:${config.embeddedDbPort}/loyalty)`;
  } else {
    const u = new URL(clientUrl);
    description = `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  }
  const orm = await createOrm({ clientUrl, debugSql: config.debugSql, logger });
  try {
    progress('Applying migrations...');
    const migrationsApplied = await migrate(orm);
    progress(migrationsApplied.length ? `  applied ${migrationsApplied.join(', ')}` : '  schema up to date');
    let seeded = false;
    if (embedded || config.seedDemo) {
      seeded = await seedDemoOnce(orm, () => progress('Seeding the demo programme (first start only)...'));
    }
    return {
      orm,
      embedded,
      description,
      migrationsApplied,
      seeded,
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await orm.close(true);
    await embedded?.stop();
    throw err;
  }
}

async function ensureDatabase(db: EmbeddedDatabase, name: string) {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** Runs the demo seeder unless this database was seeded before; returns whether it ran now. */
export async function seedDemoOnce(orm: MikroORM, onStart: () => void = () => {}): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK]);
    if (await em.findOne(AppMeta, { key: DEMO_SEED_KEY })) return false;
    onStart();
    await new DemoSeeder().run(em);
    em.create(AppMeta, { key: DEMO_SEED_KEY, value: { seeder: 'DemoSeeder', at: new Date().toISOString() }, updatedAt: new Date() });
    await em.flush();
    return true;
  });
}
