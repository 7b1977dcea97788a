/**
 * Analytics at scale (issue 14): `npm run bench:analytics`.
 *
 * 1. `npm run seed:members -- --count N` into an empty, throw-away data directory (first start
 *    included), or `--data DIR`: a data directory loaded before (nothing may be running on it);
 * 2. migrations, then the analytics rollup catches up (what the maintenance run does first after a
 *    load), timed, and once more with nothing new;
 * 3. a service in this process answers each analytics query over typical ranges ending at today's
 *    UTC midnight, one request at a time: 30 days by day, 12 months by month, by store, in a
 *    time zone.
 *
 * Prints p50 / p95 / max per query against the issue's goal (200 ms p95) and writes everything to
 * bench/dist/analytics.json.
 *
 *   npm run bench:analytics -- [--members 1000000] [--requests 30] [--warmup 2] [--data DIR] [--only TEXT] [--keep]
 *   (--only loyaltyLevel: the queries whose name contains the text)
 *   npm run bench:analytics -- --members 2000 --requests 10      (a quick run)
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { startLoyaltyService } from '../subgraph/src/app';
import { createTokenVerifier, signToken } from '../subgraph/src/auth/tokens';
import { createLogger } from '../subgraph/src/common/logger';
import { loadConfig } from '../subgraph/src/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../subgraph/src/db/embedded';
import { freePort } from '../subgraph/src/db/free-port';
import { createOrm, migrate } from '../subgraph/src/db/orm';
import { rollUpAnalytics } from '../subgraph/src/modules/analytics/rollup';
import { Latencies } from './histogram';
import { say, table } from './util';

interface Options {
  members: number;
  requests: number;
  warmup: number;
  data: string | null;
  keep: boolean;
  /** Only the queries whose name contains this. */
  only: string | null;
}

const USAGE = 'usage: npm run bench:analytics -- [--members N] [--requests N] [--warmup N] [--data DIR] [--only TEXT] [--keep]';
const GOAL_P95_MS = 200;

function parseOptions(argv: string[]): Options {
  const o: Options = { members: 1_000_000, requests: 30, warmup: 2, data: null, keep: false, only: null };
  const int = (flag: string, raw: string | undefined, min: number) => {
    const v = Number((raw ?? '').replace(/_/g, ''));
    if (!Number.isInteger(v) || v < min) throw new Error(`${flag} must be a whole number of at least ${min}, got "${raw ?? ''}"\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--members') o.members = int(a, argv[++i], 1);
    else if (a === '--requests') o.requests = int(a, argv[++i], 1);
    else if (a === '--warmup') o.warmup = int(a, argv[++i], 0);
    else if (a === '--data') o.data = argv[++i] ?? null;
    else if (a === '--keep') o.keep = true;
    else if (a === '--only') o.only = argv[++i] ?? null;
    else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  return o;
}

const REPO = path.resolve(__dirname, '../../..'); // bench/dist/bench
const SEED_CLI = path.join(REPO, 'subgraph/dist/subgraph/src/cli/seed-members.js');
const fmt = (n: number) => n.toLocaleString('en');

function runSeed(count: number, env: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SEED_CLI, '--count', String(count)], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      for (const line of c.toString().split('\n')) if (line.trim()) say(`    ${line}`);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, unknown>) : reject(new Error(`seed:members failed (${code}):\n${err}`))));
  });
}

const DAY = 86_400_000;
const RANGE = 'userErrors { field message }';
const MONEY = '{ amount currencyCode }';
const SALES = `buckets { start activeMembers repeatMembers salesCount salesValue ${MONEY} returnedValue ${MONEY} returningSalesValue ${MONEY} repeatRate } totals { activeMembers repeatMembers salesValue ${MONEY} returningSalesValue ${MONEY} loyaltyIndex returningSalesShare } ${RANGE}`;

/** The queries measured: a name, the document, and its variables for a range ending at `end`. */
function queries(end: Date): { name: string; query: string; variables: Record<string, unknown> }[] {
  const days30 = { from: new Date(end.getTime() - 30 * DAY).toISOString(), to: end.toISOString(), b: 'DAY' };
  const from12 = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), 1));
  const months12 = { from: from12.toISOString(), to: new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1)).toISOString(), b: 'MONTH' };
  const args = '$from: DateTimeISO!, $to: DateTimeISO!, $b: LoyaltyAnalyticsBucket, $tz: String';
  const flow = `query(${args}) { loyaltyPointsFlow(from: $from, to: $to, bucket: $b, timeZone: $tz) { buckets { start issued redeemed outstandingAtEnd } openingOutstanding closingOutstanding ${RANGE} } }`;
  const sales = `query(${args}, $store: String) { loyaltyMemberSales(from: $from, to: $to, bucket: $b, timeZone: $tz, storeId: $store) { ${SALES} } }`;
  const levels = `query(${args}) { loyaltyLevelMovements(from: $from, to: $to, bucket: $b, timeZone: $tz) { distributionAtEnd { tier { id } members } distributionNow { tier { id } members } buckets { start upgrades downgrades } ${RANGE} } }`;
  const offers = `query($from: DateTimeISO!, $to: DateTimeISO!) { loyaltyOfferResults(from: $from, to: $to) { campaigns { code runs pointsGiven salesValueOfMembersReached ${MONEY} } automations { code runs salesValueOfMembersReached ${MONEY} } ${RANGE} } }`;
  const coupons = `query(${args}) { loyaltyCouponFunnel(from: $from, to: $to, bucket: $b, timeZone: $tz) { buckets { start all { issued redeemed openAtEnd } } totals { all { issued redeemed } } ${RANGE} } }`;
  return [
    { name: 'loyaltyPointsFlow 30 days by day', query: flow, variables: days30 },
    { name: 'loyaltyPointsFlow 12 months by month', query: flow, variables: months12 },
    { name: 'loyaltyPointsFlow 30 days by day, Europe/London', query: flow, variables: { ...days30, tz: 'Europe/London' } },
    { name: 'loyaltyMemberSales 30 days by day', query: sales, variables: days30 },
    { name: 'loyaltyMemberSales 12 months by month', query: sales, variables: months12 },
    { name: 'loyaltyMemberSales 30 days by day, store-001', query: sales, variables: { ...days30, store: 'store-001' } },
    { name: 'loyaltyLevelMovements 30 days by day', query: levels, variables: days30 },
    { name: 'loyaltyLevelMovements 12 months by month', query: levels, variables: months12 },
    { name: 'loyaltyOfferResults 30 days', query: offers, variables: { from: days30.from, to: days30.to } },
    { name: 'loyaltyCouponFunnel 30 days by day', query: coupons, variables: days30 },
    { name: 'loyaltyCouponFunnel 12 months by month', query: coupons, variables: months12 },
  ];
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))) };
  say(`Analytics bench: ${opts.data ? `the data directory ${opts.data}` : `${fmt(opts.members)} members`}; ${opts.requests} requests per query after ${opts.warmup} to warm up, one at a time`);
  say(`  machine: ${machine.cores} cores (${machine.cpu}), load average ${machine.loadAverageAtStart.join(' ')}`);
  const dir = opts.data ? null : mkdtempSync(path.join(tmpdir(), 'loyalty-analytics-'));
  const dataDir = opts.data ?? path.join(dir!, 'data');
  const port = await freePort();
  let cluster: EmbeddedDatabase | null = null;
  let seed: Record<string, unknown> | null = null;
  let stop: (() => Promise<void>) | null = null;
  try {
    if (dir) {
      chmodSync(dir, 0o777); // as root, PostgreSQL runs as `postgres`
      mkdirSync(dataDir);
      chmodSync(dataDir, 0o777);
      say(`\n== npm run seed:members -- --count ${fmt(opts.members)} on an empty LOYALTY_DATA_DIR (first start included)`);
      seed = await runSeed(opts.members, { LOYALTY_DATA_DIR: dataDir, LOYALTY_EMBEDDED_DB_PORT: String(port) });
    }
    cluster = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port });
    const url = cluster.urlFor('loyalty');
    const orm = await createOrm({ clientUrl: url, poolSize: 10 });
    const migrated = await migrate(orm);
    if (migrated.length) say(`  migrated: ${migrated.join(', ')}`);
    const counts = (await orm.em.fork().execute<{ members: string; sales: string; entries: string }[]>(
      'select (select count(*) from member) as members, (select count(*) from sale_earn) as sales, (select count(*) from ledger_entry) as entries',
    ))[0]!;
    say(`  ${fmt(Number(counts.members))} members, ${fmt(Number(counts.sales))} sales, ${fmt(Number(counts.entries))} journal entries`);
    say('\n== the analytics rollup catches up (as the first maintenance run after a load does), then runs again with nothing new');
    let t = performance.now();
    const first = await rollUpAnalytics(orm.em);
    const rollup = { firstSeconds: (performance.now() - t) / 1000, firstEntries: first.entries, secondSeconds: 0, secondEntries: 0 };
    t = performance.now();
    const second = await rollUpAnalytics(orm.em);
    rollup.secondSeconds = (performance.now() - t) / 1000;
    rollup.secondEntries = second.entries;
    say(`  first: ${fmt(first.entries)} entries, ${fmt(first.members)} members in ${rollup.firstSeconds.toFixed(2)} s; second: ${fmt(second.entries)} entries in ${(rollup.secondSeconds * 1000).toFixed(1)} ms`);

    const config = loadConfig({ PORT: '0', DATABASE_URL: url, LOYALTY_DATA_DIR: '/nonexistent', LOYALTY_MAINTENANCE_INTERVAL_SECONDS: '0' });
    const pair = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = { ...(await exportJWK(pair.privateKey)), alg: 'ES256', kid: 'analytics' };
    const { d: _d, ...publicJwk } = privateJwk;
    const service = await startLoyaltyService({ config, orm, verifyToken: await createTokenVerifier(config.auth, publicJwk), logger: createLogger('warn') }, 0, '127.0.0.1');
    stop = async () => {
      await service.stop().catch(() => {});
      await orm.close(true).catch(() => {});
    };
    const admin = await signToken(privateJwk, config.auth, 'analytics-admin', { roles: ['admin'] }, '4h');
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: Record<string, { userErrors?: unknown[] }>; errors?: unknown[] };
      const answer = body.data ? Object.values(body.data)[0] : undefined;
      if (res.status !== 200 || body.errors?.length || !answer || answer.userErrors?.length) throw new Error(`${res.status} ${JSON.stringify(body.errors ?? body)}`);
    };
    const now = new Date();
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    say(`\n== measuring, ranges ending ${end.toISOString()}`);
    const results = [];
    for (const q of queries(end).filter((x) => !opts.only || x.name.includes(opts.only))) {
      for (let i = 0; i < opts.warmup; i++) await post(q.query, q.variables);
      const l = new Latencies();
      for (let i = 0; i < opts.requests; i++) {
        const started = performance.now();
        await post(q.query, q.variables);
        l.recordMs(performance.now() - started);
      }
      const r = { query: q.name, requests: l.count, p50: l.percentileMs(50), p95: l.percentileMs(95), max: l.percentileMs(100) };
      results.push({ ...r, withinGoal: r.p95 <= GOAL_P95_MS });
      say(`  ${q.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
    }
    say(`\n== p50 / p95 / max in ms, ${fmt(Number(counts.members))} members (goal: p95 at most ${GOAL_P95_MS} ms)`);
    for (const line of table(['query', 'p50', 'p95', 'max', 'goal'], results.map((r) => [r.query, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.withinGoal ? 'met' : 'NOT met'])))
      say(line);
    const out = path.join(REPO, 'bench/dist/analytics.json');
    writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), options: opts, machine: { ...machine, loadAverageAtEnd: loadavg() }, counts, seed, rollup, results }, null, 2) + '\n');
    say(`wrote ${path.relative(REPO, out)}`);
  } finally {
    await stop?.();
    await cluster?.stop().catch(() => {});
    if (dir) {
      if (opts.keep) say(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
