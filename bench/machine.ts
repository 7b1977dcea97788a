/**
 * The machine's own references, measured in the same run on the same PostgreSQL: pgbench's TPC-B
 * (what this database does at its limit with a five-statement write transaction) for the writes,
 * and the service answering `{ __typename }` (HTTP, JWT and GraphQL, no data) for the reads.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { Latencies, type LatencySummary } from './histogram';

const run = promisify(execFile);

export interface PgbenchResult {
  clients: number;
  seconds: number;
  tps: number;
  latency: LatencySummary;
  scale: number;
}

/** The pgbench binary, or null with the reason it is missing (Debian: `apt-get install postgresql-client`). */
export function findPgbench(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * TPC-B (pgbench's default script: 3 updates, 1 select, 1 insert per transaction) with `clients`
 * connections for `seconds`, prepared statements, on a database of its own in the bench's cluster.
 * Latency percentiles come from pgbench's per-transaction log.
 */
export async function runPgbench(adminUrl: string, opts: { clients: number; seconds: number; scale?: number }): Promise<PgbenchResult> {
  const bin = findPgbench();
  if (!bin) throw new Error('pgbench not found');
  const scale = opts.scale ?? Math.max(opts.clients, 10); // at least one branch per client, as pgbench advises
  const url = new URL(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('drop database if exists pgbench_reference');
  await admin.query('create database pgbench_reference');
  await admin.end();
  const env = { ...process.env, PGHOST: url.hostname, PGPORT: url.port, PGUSER: decodeURIComponent(url.username), PGPASSWORD: decodeURIComponent(url.password), PGDATABASE: 'pgbench_reference' };
  await run(bin, ['-i', '-q', '-s', String(scale)], { env, maxBuffer: 16 * 1024 * 1024 });
  const logDir = mkdtempSync(path.join(tmpdir(), 'pgbench-log-'));
  try {
    const { stdout } = await run(
      bin,
      ['-c', String(opts.clients), '-j', String(Math.min(opts.clients, 2)), '-T', String(Math.max(1, Math.round(opts.seconds))), '-M', 'prepared', '-n', '-l', `--log-prefix=${path.join(logDir, 'tx')}`],
      { env, cwd: logDir, maxBuffer: 16 * 1024 * 1024 },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? NaN);
    if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's tps from:\n${stdout}`);
    // Log lines: client_id transaction_no time_us script_no time_epoch time_us_part ...
    const latencies = new Latencies();
    for (const file of readdirSync(logDir)) {
      for (const line of readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
        const micros = Number(line.split(' ')[2]);
        if (Number.isFinite(micros) && micros > 0) latencies.recordMs(micros / 1000);
      }
    }
    return { clients: opts.clients, seconds: opts.seconds, tps, latency: latencies.summary(), scale };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}
