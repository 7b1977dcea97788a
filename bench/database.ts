import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../subgraph/src/db/embedded';
import { freePort } from '../subgraph/src/db/free-port';

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  dir: string;
  /**
   * CPU seconds used so far by the PostgreSQL server: the postmaster, its live children (backends,
   * WAL writer, checkpointer, autovacuum...) and, through the postmaster's counters, exited ones.
   */
  cpuSeconds(): number;
  /** The durability-relevant settings, as the server reports them. */
  settings(): Promise<Record<string, string>>;
  stop(keep: boolean): Promise<void>;
}

export const SHOWN_SETTINGS = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections', 'wal_level'];

/**
 * A throw-away PostgreSQL cluster in a temporary directory with the server's default, durable
 * settings (fsync, synchronous_commit and full_page_writes on): what a production server does.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loyalty-bench-'));
  chmodSync(dir, 0o777); // as root, PostgreSQL runs as `postgres`
  const dataDir = path.join(dir, 'pg');
  let db: EmbeddedDatabase;
  try {
    db = await startEmbeddedPostgres({ dir: dataDir, port: await freePort(), postgresFlags: ['-c', 'max_connections=100'] });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query('create database loyalty_bench');
  await admin.end();
  const url = db.urlFor('loyalty_bench');
  const postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

  return {
    url,
    adminUrl: db.adminUrl,
    dir,
    cpuSeconds() {
      let ticks = 0;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        let stat: string;
        try {
          stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        } catch {
          continue; // gone meanwhile
        }
        // After "pid (comm) ": state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
        if (Number(entry) === postmasterPid) ticks += fields[11]! + fields[12]! + fields[13]! + fields[14]!;
        else if (fields[1] === postmasterPid) ticks += fields[11]! + fields[12]!;
      }
      return ticks / 100; // USER_HZ
    },
    async settings() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const out: Record<string, string> = {};
        for (const name of SHOWN_SETTINGS) out[name] = String((await client.query(`show ${name}`)).rows[0][name]);
        return out;
      } finally {
        await client.end();
      }
    },
    async stop(keep) {
      await db.stop();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
