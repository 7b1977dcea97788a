/**
 * Scale measurement (issue 11, point 4): `npm run bench:scale`.
 *
 * 1. `npm run seed:members` loads the largest size into an empty, throw-away data directory, as a
 *    first start would (initdb, migrations, demo programme, then the members), timed;
 * 2. the same cluster gets one more database per smaller size, loaded with the seed through
 *    DATABASE_URL (with the demo programme);
 * 3. one service per database (in this process, as the tests run it) answers the till's identify
 *    (`loyaltyMemberByCard` with tier and wallet) and each kind of `loyaltyMembers(search:)` for
 *    members sampled from its own database; the sizes take turns request by request, so that
 *    whatever else the machine does weighs on each alike;
 * 4. the maintenance run's due-member query is EXPLAINed, and a maintenance run is timed twice
 *    (the second finds nothing due), at each size.
 *
 * Prints p50 / p99 per kind and size and the p99 ratio of the largest to the smallest size, and
 * writes everything to bench/dist/scale.json.
 *
 *   npm run bench:scale -- [--sizes 10000,1000000] [--requests 1000] [--rounds 5] [--concurrency 1] [--keep]
 *   npm run bench:scale -- --sizes 500,2000 --requests 40 --rounds 2      (a quick smoke run)
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startLoyaltyService, type LoyaltyService } from '../subgraph/src/app';
import { createTokenVerifier, signToken } from '../subgraph/src/auth/tokens';
import { createLogger } from '../subgraph/src/common/logger';
import { loadConfig } from '../subgraph/src/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../subgraph/src/db/embedded';
import { freePort } from '../subgraph/src/db/free-port';
import { createOrm } from '../subgraph/src/db/orm';
import { dueMembersSql } from '../subgraph/src/modules/ledger/ledger.core';
import { runMaintenance } from '../subgraph/src/modules/ledger/maintenance.service';
import { Latencies, type LatencySummary } from './histogram';
import { say, table } from './util';

interface ScaleOptions {
  sizes: number[];
  requests: number;
  rounds: number;
  warmup: number;
  concurrency: number;
  maintenance: boolean;
  keep: boolean;
  /** A directory kept by an earlier run (--keep) with the same sizes: measure again without loading. */
  reuse: string | null;
}

const USAGE = 'usage: npm run bench:scale -- [--sizes 10000,1000000] [--requests N] [--rounds N] [--warmup N] [--concurrency N] [--no-maintenance] [--keep] [--reuse DIR]';

function parseOptions(argv: string[]): ScaleOptions {
  const o: ScaleOptions = { sizes: [10_000, 1_000_000], requests: 1_000, rounds: 5, warmup: 100, concurrency: 1, maintenance: true, keep: false, reuse: null };
  const int = (flag: string, raw: string | undefined, min: number) => {
    const v = Number((raw ?? '').replace(/_/g, ''));
    if (!Number.isInteger(v) || v < min) throw new Error(`${flag} must be a whole number of at least ${min}, got "${raw ?? ''}"\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--sizes') o.sizes = (argv[++i] ?? '').split(',').map((s) => int('--sizes', s, 1));
    else if (a === '--requests') o.requests = int(a, argv[++i], 1);
    else if (a === '--rounds') o.rounds = int(a, argv[++i], 1);
    else if (a === '--warmup') o.warmup = int(a, argv[++i], 0);
    else if (a === '--concurrency') o.concurrency = int(a, argv[++i], 1);
    else if (a === '--no-maintenance') o.maintenance = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--reuse') o.reuse = argv[++i] ?? null;
    else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  if (o.sizes.length < 2) throw new Error(`--sizes needs at least two sizes to compare\n${USAGE}`);
  o.sizes.sort((a, b) => a - b);
  return o;
}

const REPO = path.resolve(__dirname, '../../..'); // bench/dist/bench
const SEED_CLI = path.join(REPO, 'subgraph/dist/subgraph/src/cli/seed-members.js');
const fmt = (n: number) => n.toLocaleString('en');

/** Runs the compiled seed command (as `npm run seed:members` does after building), echoing its progress. */
function runSeed(count: number, env: Record<string, string>, flags: string[] = []): Promise<{ wallSeconds: number; report: Record<string, unknown> }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SEED_CLI, '--count', String(count), ...flags], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      for (const line of c.toString().split('\n')) if (line.trim()) say(`    ${line}`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`seed:members --count ${count} failed (${code}):\n${err}`));
      resolve({ wallSeconds: (Date.now() - started) / 1000, report: JSON.parse(out) as Record<string, unknown> });
    });
  });
}

interface Target {
  size: number;
  database: string;
  url: string;
  orm: MikroORM;
  service: LoyaltyService;
  tokens: { admin: string; till: string };
  samples: Sample[];
}

interface Sample {
  card: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}

/** One kind of request: a GraphQL document and its variables for a sampled member. */
interface Kind {
  name: string;
  /** How the issue names it. */
  label: string;
  query: string;
  till?: boolean;
  variables(s: Sample): Record<string, unknown> | null;
}

const SEARCH = 'query($s: String) { loyaltyMembers(first: 20, search: $s) { totalCount totalCountIsEstimate nodes { id firstName lastName email phone } } }';

/** A phone number as a cashier would type it: national form for the UK, ten digits for North America. */
function typedPhone(e164: string): string {
  if (e164.startsWith('+44')) return `0${e164.slice(3, 7)} ${e164.slice(7)}`;
  if (e164.startsWith('+1')) return `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
  return e164;
}

const KINDS: Kind[] = [
  {
    name: 'identify',
    label: 'loyaltyMemberByCard (tier, wallet)',
    till: true,
    query: 'query($n: String!) { loyaltyMemberByCard(cardNumber: $n) { id firstName lastName tier { name earnMultiplierPercent } wallet { available pending } } }',
    variables: (s) => ({ n: s.card }),
  },
  { name: 'surname', label: 'search: a surname', query: SEARCH, variables: (s) => ({ s: s.lastName }) },
  { name: 'full-name', label: 'search: given name and surname', query: SEARCH, variables: (s) => ({ s: `${s.firstName} ${s.lastName}` }) },
  // the local part up to its first dot and three more letters: "olivia.smi"
  { name: 'email-prefix', label: 'search: e-mail prefix', query: SEARCH, variables: (s) => (s.email ? { s: s.email.slice(0, s.email.indexOf('.') + 4) } : null) },
  { name: 'phone', label: 'search: phone number (national form)', query: SEARCH, variables: (s) => (s.phone ? { s: typedPhone(s.phone) } : null) },
  { name: 'phone-last-4', label: 'search: last 4 digits of the phone', query: SEARCH, variables: (s) => (s.phone ? { s: s.phone.slice(-4) } : null) },
  { name: 'card-search', label: 'search: card number', query: SEARCH, variables: (s) => ({ s: s.card }) },
];

async function startService(url: string, tokenKey: { privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> }) {
  const config = loadConfig({ PORT: '0', DATABASE_URL: url, LOYALTY_DATA_DIR: '/nonexistent', LOYALTY_MAINTENANCE_INTERVAL_SECONDS: '0' });
  const orm = await createOrm({ clientUrl: url, poolSize: 10 });
  const verifyToken = await createTokenVerifier(config.auth, tokenKey.publicJwk);
  const service = await startLoyaltyService({ config, orm, verifyToken, logger: createLogger('warn') }, 0, '127.0.0.1');
  const sign = (subject: string, claims: Parameters<typeof signToken>[3]) => signToken(tokenKey.privateJwk, config.auth, subject, claims, '4h');
  const tokens = { admin: await sign('scale-admin', { roles: ['admin'] }), till: await sign('till:store-001/till-01', { roles: ['till'], storeId: 'store-001', tillId: 'till-01' }) };
  return { orm, service, tokens };
}

/** Members of the database, drawn at random (the same way at every size). */
async function sampleMembers(url: string, n: number): Promise<Sample[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select setseed(0.11)');
    const { rows } = await client.query<{ card: string; first_name: string; last_name: string; email: string | null; phone: string | null }>(
      `select c.number as card, m.first_name, m.last_name, m.email, m.phone
         from member m join loyalty_card c on c.member_id = m.id and c.status = 'ACTIVE'
        where m.status = 'ACTIVE' order by random() limit $1`,
      [n],
    );
    return rows.map((r) => ({ card: r.card, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone }));
  } finally {
    await client.end();
  }
}

/** One request; returns how many members it answered with. */
async function post(t: Target, kind: Kind, variables: Record<string, unknown>): Promise<number> {
  const res = await fetch(t.service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kind.till ? t.tokens.till : t.tokens.admin}` },
    body: JSON.stringify({ query: kind.query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (res.status !== 200 || body.errors?.length || !body.data) throw new Error(`${kind.name} at ${t.size}: ${res.status} ${JSON.stringify(body.errors ?? body)}`);
  if (kind.name === 'identify') {
    if (!body.data.loyaltyMemberByCard) throw new Error(`identify at ${t.size}: card ${String(variables.n)} found nobody`);
    return 1;
  }
  return body.data.loyaltyMembers.nodes.length as number;
}

/** What one kind of request did at one size. */
class Tally {
  readonly latencies = new Latencies();
  rows = 0;
  requests = 0;
}

/**
 * `count` requests of `kind` per target, `concurrency` loops at a time; each loop asks every
 * target in turn (the order alternating), so the sizes meet the same moments of the machine.
 */
async function measure(targets: Target[], kind: Kind, count: number, concurrency: number, tallies: Map<Target, Tally> | null, offset: number): Promise<void> {
  const inputs = new Map(targets.map((t) => [t, t.samples.map((s) => kind.variables(s)).filter((v): v is Record<string, unknown> => v !== null)]));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
          const own = inputs.get(t)!;
          const started = performance.now();
          const rows = await post(t, kind, own[(offset + i) % own.length]!);
          const tally = tallies?.get(t);
          if (tally) {
            tally.latencies.recordMs(performance.now() - started);
            tally.rows += rows;
            tally.requests++;
          }
        }
      }
    }),
  );
}

async function explainDue(url: string): Promise<{ ms: number; plan: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = new Date();
    const sql = `select member_id from (${dueMembersSql()}) d limit 500`.replace(/\?/g, () => '$1');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing on) ${sql}`, [now]);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
    return { ms, plan: plan.join('\n') };
  } finally {
    await client.end();
  }
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))) };
  say(`Scale bench: sizes ${opts.sizes.map(fmt).join(', ')}; ${fmt(opts.requests)} requests per kind and size in ${opts.rounds} rounds, concurrency ${opts.concurrency}`);
  say(`  machine: ${machine.cores} cores (${machine.cpu}), load average ${machine.loadAverageAtStart.join(' ')}`);

  const dir = opts.reuse ?? mkdtempSync(path.join(tmpdir(), 'loyalty-scale-'));
  chmodSync(dir, 0o777); // as root, PostgreSQL runs as `postgres`
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  let cluster: EmbeddedDatabase | null = null;
  const targets: Target[] = [];
  const largest = opts.sizes.at(-1)!;
  const seeds: Record<number, { wallSeconds: number; report: Record<string, unknown> }> = {};
  const databases: Record<number, string> = { [largest]: 'loyalty' };
  for (const size of opts.sizes.slice(0, -1)) databases[size] = `scale_${size}`;
  try {
    if (opts.reuse) {
      say(`\n== reusing ${dir} (loaded by an earlier run)`);
      cluster = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port });
    } else {
      // 1. The largest size into an empty data directory: the embedded first start, then the load.
      mkdirSync(dataDir);
      chmodSync(dataDir, 0o777);
      say(`\n== npm run seed:members -- --count ${fmt(largest)} on an empty LOYALTY_DATA_DIR (first start included)`);
      seeds[largest] = await runSeed(largest, { LOYALTY_DATA_DIR: dataDir, LOYALTY_EMBEDDED_DB_PORT: String(port) });
      const first = seeds[largest]!;
      say(`  done in ${first.wallSeconds.toFixed(1)} s wall, the load itself ${(first.report.seconds as number).toFixed(1)} s (${fmt(first.report.membersPerSecond as number)} members/s)`);

      // 2. The smaller sizes into databases of their own in the same cluster.
      cluster = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port });
      for (const size of opts.sizes.slice(0, -1)) {
        const name = databases[size]!;
        const admin = new pg.Client({ connectionString: cluster.adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        // exclusive, as the largest size was loaded: indexes built the same way at every size
        say(`\n== seed:members -- --count ${fmt(size)} --exclusive into database ${name} (DATABASE_URL, LOYALTY_SEED=demo)`);
        seeds[size] = await runSeed(size, { DATABASE_URL: cluster.urlFor(name), LOYALTY_SEED: 'demo' }, ['--exclusive']);
      }
    }

    // 3. A service per size; requests alternate between the sizes, round by round.
    const pair = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = { ...(await exportJWK(pair.privateKey)), alg: 'ES256', kid: 'scale' };
    const { d: _d, ...publicJwk } = privateJwk;
    for (const size of opts.sizes) {
      const url = cluster.urlFor(databases[size]!);
      const { orm, service, tokens } = await startService(url, { privateJwk, publicJwk });
      targets.push({ size, database: databases[size]!, url, orm, service, tokens, samples: await sampleMembers(url, 500) });
    }
    say(`\n== measuring: ${KINDS.map((k) => k.name).join(', ')}`);
    const tallies = new Map(KINDS.map((k) => [k.name, new Map(targets.map((t) => [t, new Tally()]))]));
    for (const kind of KINDS) await measure(targets, kind, opts.warmup, opts.concurrency, null, 0);
    const perRound = Math.ceil(opts.requests / opts.rounds);
    for (let round = 0; round < opts.rounds; round++) {
      for (const kind of KINDS) await measure(targets, kind, perRound, opts.concurrency, tallies.get(kind.name)!, round * perRound);
      say(`  round ${round + 1} of ${opts.rounds} done`);
    }

    // 4. Maintenance at each size.
    const maintenance: Record<number, unknown> = {};
    if (opts.maintenance) {
      say('\n== maintenance: the due-member query (EXPLAIN ANALYZE), then two runs');
      for (const t of targets) {
        const due = await explainDue(t.url);
        const first = Date.now();
        const run1 = await runMaintenance(t.orm.em.fork(), {});
        const firstSeconds = (Date.now() - first) / 1000;
        const second = Date.now();
        const run2 = await runMaintenance(t.orm.em.fork(), {});
        const secondSeconds = (Date.now() - second) / 1000;
        maintenance[t.size] = { dueQueryMs: due.ms, dueQueryPlan: due.plan, first: { seconds: firstSeconds, ...run1 }, second: { seconds: secondSeconds, ...run2 } };
        say(`  ${fmt(t.size)}: due query ${due.ms.toFixed(2)} ms; first run ${firstSeconds.toFixed(2)} s (${run1.membersSettled} settled, ${run1.birthdayBonuses} birthday bonuses), second ${secondSeconds.toFixed(3)} s (${run2.membersSettled} settled, ${run2.birthdayBonuses} bonuses)`);
      }
    }

    // Results.
    const small = opts.sizes[0]!;
    const results = KINDS.map((kind) => {
      const at: Record<number, LatencySummary & { rowsPerResponse: number }> = {};
      for (const t of targets) {
        const tally = tallies.get(kind.name)!.get(t)!;
        at[t.size] = { ...tally.latencies.summary(), rowsPerResponse: Number((tally.rows / Math.max(1, tally.requests)).toFixed(1)) };
      }
      const ratio = at[largest]!.p99 / at[small]!.p99;
      return { kind: kind.name, label: kind.label, at, p50Ratio: Number((at[largest]!.p50 / at[small]!.p50).toFixed(2)), p99Ratio: Number(ratio.toFixed(2)), withinGoal: ratio <= 1.5 };
    });
    say(`\n== p50 / p99 in ms per size (rows: members per answer); ratio = p99 at ${fmt(largest)} / p99 at ${fmt(small)} (goal: at most 1.5)`);
    for (const line of table(
      ['request', ...opts.sizes.flatMap((s) => [`p50 ${fmt(s)}`, `p99 ${fmt(s)}`, `rows ${fmt(s)}`]), 'p50 ratio', 'p99 ratio', 'goal'],
      results.map((r) => [
        r.label,
        ...opts.sizes.flatMap((s) => [r.at[s]!.p50.toFixed(2), r.at[s]!.p99.toFixed(2), r.at[s]!.rowsPerResponse.toFixed(1)]),
        r.p50Ratio.toFixed(2),
        r.p99Ratio.toFixed(2),
        r.withinGoal ? 'met' : 'NOT met',
      ]),
    ))
      say(line);
    if (!opts.reuse) {
      say(`\nseed:members: ${opts.sizes.map((s) => `${fmt(s)} in ${(seeds[s]!.report.seconds as number).toFixed(1)} s (${fmt(seeds[s]!.report.membersPerSecond as number)}/s)`).join('; ')}`);
      say(`first start + ${fmt(largest)} members, wall: ${seeds[largest]!.wallSeconds.toFixed(1)} s (without the build of npm run); CPU ${JSON.stringify(seeds[largest]!.report.cpuSeconds)}`);
    }
    say(`load average now: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

    const out = path.join(REPO, 'bench/dist/scale.json');
    writeFileSync(
      out,
      JSON.stringify({ at: new Date().toISOString(), options: opts, machine: { ...machine, loadAverageAtEnd: loadavg() }, seeds, results, maintenance }, null, 2) + '\n',
    );
    say(`wrote ${path.relative(REPO, out)}`);
  } finally {
    for (const t of targets) {
      await t.service.stop().catch(() => {});
      await t.orm.close(true).catch(() => {});
    }
    await cluster?.stop().catch(() => {});
    if (opts.keep || opts.reuse) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
