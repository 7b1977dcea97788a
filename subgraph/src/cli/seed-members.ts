/**
 * Bulk-loads synthetic members (with cards, wallets and a short purchase history booked through
 * the double-entry ledger) into the configured database, with PostgreSQL COPY: DATABASE_URL, or
 * the embedded one in LOYALTY_DATA_DIR, started here (a first start initialises, migrates and
 * seeds the demo programme) and refused while a running service holds it. Every run adds new
 * members: card numbers continue after the highest one in the database.
 *
 *   npm run seed:members -- --count 1000000 [--batch 20000] [--seed 1] [--purchases 4] [--exclusive]
 *
 * Into the embedded database, which nothing else can be using while this command runs it, a load
 * that at least doubles the members runs exclusive: one transaction that drops the tables' indexes
 * and builds them again at the end (all or nothing). With DATABASE_URL it runs online, batch by
 * batch beside whatever else uses the database, unless `--exclusive` says nothing does.
 *
 * Progress goes to stderr; the summary is one JSON line on stdout.
 */
import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BulkLoadError, bulkLoadMembers } from '../../../seeds/member-bulk-load';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';

const USAGE = 'usage: npm run seed:members -- --count N [--batch N] [--seed N] [--purchases N] [--exclusive]';

export interface SeedFlags {
  count: number;
  batch: number;
  seed: number;
  purchases: number;
  /** `--exclusive`: nothing else uses the database (implied for the embedded one). */
  exclusive: boolean;
}

class UsageError extends Error {}

function integer(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || raw === '') throw new UsageError(`${flag} needs a value`);
  const clean = raw.replace(/_/g, '');
  if (!/^\d+$/.test(clean)) throw new UsageError(`${flag} must be a whole number, got "${raw}"`);
  const value = Number(clean);
  if (value < min || value > max) throw new UsageError(`${flag} must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')}, got ${raw}`);
  return value;
}

/** Reads `--name value` and `--name=value` flags; unknown flags and a missing `--count` are errors. */
export function parseSeedFlags(argv: string[]): SeedFlags {
  const raw: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (m?.[1] === 'exclusive' && m[2] === undefined) {
      raw.exclusive = 'yes';
      continue;
    }
    if (!m || !['count', 'batch', 'seed', 'purchases'].includes(m[1]!)) throw new UsageError(`unknown argument "${arg}"`);
    raw[m[1]!] = m[2] ?? argv[++i];
  }
  if (!('count' in raw)) throw new UsageError('--count is required');
  return {
    count: integer('--count', raw.count, 1, 100_000_000),
    batch: 'batch' in raw ? integer('--batch', raw.batch, 1, 200_000) : 20_000,
    seed: 'seed' in raw ? integer('--seed', raw.seed, 0, 2 ** 32 - 1) : 1,
    purchases: 'purchases' in raw ? integer('--purchases', raw.purchases, 0, 50) : 4,
    exclusive: 'exclusive' in raw,
  };
}

/** True when the embedded cluster in `dir` has a live postmaster (a running service, or another command). */
function clusterInUse(dir: string): boolean {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

const fmt = (n: number) => n.toLocaleString('en');

/**
 * CPU seconds the embedded PostgreSQL has used so far (the postmaster, its live children and the
 * children that have exited), from /proc; null elsewhere. With this process's own CPU it tells
 * what the load costs, whatever else the machine was doing meanwhile.
 */
function embeddedPostgresCpuSeconds(clusterDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const fields = (p: number | string) => {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number); // state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    };
    const own = fields(pid);
    let ticks = own[11]! + own[12]! + own[13]! + own[14]!;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = fields(entry);
        if (f[1] === pid) ticks += f[11]! + f[12]!;
      } catch {
        // gone meanwhile
      }
    }
    return ticks / 100; // USER_HZ
  } catch {
    return null;
  }
}

async function main() {
  const flags = parseSeedFlags(process.argv.slice(2));
  const config = loadConfig();
  const say = (line: string) => process.stderr.write(line + '\n');
  if (!config.databaseUrl) {
    const dir = path.join(config.dataDir, 'postgres');
    if (clusterInUse(dir)) {
      throw new BulkLoadError(
        `The embedded PostgreSQL in ${dir} is running (is the service started?). Stop it first, or load into it while it runs with\n` +
          `  DATABASE_URL=postgresql://loyalty:loyalty@127.0.0.1:${config.embeddedDbPort}/loyalty npm run seed:members -- --count ${flags.count}`,
      );
    }
  }
  // The embedded server runs for this load only, set up as PostgreSQL's manual advises for
  // populating a database (14.4): no WAL for streaming replication (there is none), so index
  // builds skip it; checkpoints far enough apart not to interrupt the load. The service's next
  // start brings back its own settings; durability (fsync, synchronous commit) is not touched.
  const BULK_LOAD_SETTINGS = ['wal_level=minimal', 'max_wal_senders=0', 'max_wal_size=8GB', 'checkpoint_timeout=30min'];
  const db = await openDatabase(config, say, undefined, { embeddedFlags: BULK_LOAD_SETTINGS.flatMap((s) => ['-c', s]) });
  try {
    // the embedded cluster was not running (checked above) and this process started it: nothing
    // else is using it
    const exclusive = flags.exclusive || db.embedded !== null;
    say(`Loading ${fmt(flags.count)} synthetic members into ${db.description} (batches of ${fmt(flags.batch)}, seed ${flags.seed}, up to ${flags.purchases} purchases each)...`);
    const started = Date.now();
    // progress every 100,000 members (every batch for batches larger than that)
    let reported = 0;
    const report = await bulkLoadMembers(db.orm.em.fork(), String(db.orm.config.get('clientUrl')), {
      count: flags.count,
      batchSize: flags.batch,
      seed: flags.seed,
      maxPurchases: flags.purchases,
      exclusive,
      onStep: (message) => say(`  ${message}`),
      onBatch: (loaded) => {
        if (loaded === flags.count || loaded - reported < 100_000) return;
        reported = loaded;
        const seconds = (Date.now() - started) / 1000;
        say(`  ${fmt(loaded)} of ${fmt(flags.count)} members (${fmt(Math.round(loaded / seconds))}/s)`);
      },
    });
    // the load's connections are closed; their backends count once the postmaster has reaped them
    let postgresCpu = db.embedded ? embeddedPostgresCpuSeconds(path.join(config.dataDir, 'postgres')) : null;
    for (let i = 0; postgresCpu !== null && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const again = embeddedPostgresCpuSeconds(path.join(config.dataDir, 'postgres'));
      if (again === null || again - postgresCpu < 0.02) break;
      postgresCpu = again;
    }
    const cpu = process.cpuUsage();
    const cpuSeconds = { node: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), ...(postgresCpu === null ? {} : { postgres: Number(postgresCpu.toFixed(1)) }) };
    say(`  ${fmt(report.members)} members, ${fmt(report.cards)} cards, ${fmt(report.sales)} sales, ${fmt(report.entries)} journal entries in ${report.seconds.toFixed(1)} s (${fmt(report.membersPerSecond)} members/s; ${report.mode}${report.mode === 'exclusive' ? `, indexes ${report.indexSeconds.toFixed(1)} s` : ''}, statistics ${report.analyzeSeconds.toFixed(1)} s)`);
    say(`  CPU: ${cpuSeconds.node} s here${postgresCpu === null ? '' : `, ${cpuSeconds.postgres} s in PostgreSQL (since it started)`}`);
    process.stdout.write(`${JSON.stringify({ ...report, cpuSeconds })}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
  else process.stderr.write(`seed:members failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
