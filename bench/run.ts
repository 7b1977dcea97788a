/**
 * `npm run bench`: the service (HTTP + JWT + GraphQL + ORM) against the floor (the same SQL
 * transaction through plain pg), for earnPoints and hold+capture, at several concurrencies, on a
 * throw-away embedded PostgreSQL with durable settings. See docs/benchmarks.md.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startBenchDatabase, type BenchDatabase } from './database';
import { microTimings, recordStatements } from './diagnostics';
import { captureDocument, captureVariables, earnDocument, earnVariables, holdDocument, holdVariables } from './documents';
import { captureOnce, earnOnce, holdOnce, loadFloorProgramme, type FloorProgramme } from './floor';
import { analyse } from './analysis';
import { profileWhile, summarise } from './profile';
import { findPgbench, runPgbench, type PgbenchResult } from './machine';
import type { ReadScenario } from './documents';
import { Latencies, type LatencySummary } from './histogram';
import { parseOptions, type BenchOptions, type Scenario } from './options';
import { POOL_SIZE, prepareProgramme, startBenchService, type BenchService } from './setup';
import { machineCpu, machineDelta, type MachineCpu } from './system';
import { ChildWorker, f1, f2, ownCpu, say, table, type FloorWorker, type LoadGenerator } from './util';

const OUT_DIR = path.join(__dirname, '..'); // bench/dist

interface CpuAccount {
  /** CPU seconds of the service's process (this one), or of the floor's process. */
  node: number;
  /** CPU seconds of the load generator (service side only). */
  loadgen: number;
  /** CPU seconds of PostgreSQL, all its processes (backends, WAL writer, checkpointer, autovacuum...). */
  pg: number;
  machine: MachineCpu;
}

/** One side of a cell, summed over its slices. */
interface Side {
  ops: number;
  requests: number;
  seconds: number;
  opsPerSecond: number;
  latency: LatencySummary;
  failures: number;
  failureSamples: string[];
  cpu: CpuAccount;
}

interface Cell {
  scenario: Scenario;
  concurrency: number;
  service: Side;
  floor: Side;
  ratio: number;
}

class SideAccumulator {
  private readonly latencies = new Latencies();
  private readonly side: Omit<Side, 'opsPerSecond' | 'latency'> = {
    ops: 0, requests: 0, seconds: 0, failures: 0, failureSamples: [],
    cpu: { node: 0, loadgen: 0, pg: 0, machine: { busy: 0, idle: 0, iowait: 0, steal: 0 } },
  };

  /** Runs one slice and adds what it measured, with the CPU everyone used meanwhile. */
  async slice(db: BenchDatabase, fn: () => Promise<{ ops: number; requests: number; seconds: number; histogram: string; failures: number; failureSamples: string[]; loadgenCpu?: number; nodeCpu?: number }>) {
    const node0 = ownCpu();
    const pg0 = db.cpuSeconds();
    const m0 = machineCpu();
    const r = await fn();
    const pg1 = db.cpuSeconds();
    const m = machineDelta(m0, machineCpu());
    const s = this.side;
    s.ops += r.ops;
    s.requests += r.requests;
    s.seconds += r.seconds;
    s.failures += r.failures;
    s.failureSamples.push(...r.failureSamples.slice(0, Math.max(0, 5 - s.failureSamples.length)));
    s.cpu.node += r.nodeCpu ?? ownCpu() - node0;
    s.cpu.loadgen += r.loadgenCpu ?? 0;
    s.cpu.pg += pg1 - pg0;
    s.cpu.machine.busy += m.busy;
    s.cpu.machine.idle += m.idle;
    s.cpu.machine.iowait += m.iowait;
    s.cpu.machine.steal += m.steal;
    this.latencies.merge(r.histogram);
  }

  result(): Side {
    return { ...this.side, opsPerSecond: this.side.ops / this.side.seconds, latency: this.latencies.summary() };
  }
}

async function measureCell(
  env: { svc: BenchService; load: LoadGenerator; floorWorker: FloorWorker; db: BenchDatabase; memberIds: string[] },
  opts: BenchOptions,
  scenario: Scenario,
  concurrency: number,
): Promise<Cell> {
  const service = new SideAccumulator();
  const floor = new SideAccumulator();
  const seconds = opts.duration / opts.rounds;
  const serviceSlice = () =>
    service.slice(env.db, async () => {
      const r = await env.load.run({ url: env.svc.url, token: env.svc.tokens.till, scenario, concurrency, duration: seconds, memberIds: env.memberIds, rich: opts.rich });
      await env.svc.drained();
      return { ...r, failures: r.failures + r.transportErrors, loadgenCpu: r.cpuSeconds };
    });
  const floorSlice = () =>
    floor.slice(env.db, async () => {
      const r = (await env.floorWorker.run({ kind: 'run', scenario, concurrency, seconds }))!;
      return { ...r, nodeCpu: r.cpuSeconds };
    });
  for (let round = 0; round < opts.rounds; round++) {
    if (round % 2 === 0) {
      await serviceSlice();
      await floorSlice();
    } else {
      await floorSlice();
      await serviceSlice();
    }
  }
  const s = service.result();
  const f = floor.result();
  return { scenario, concurrency, service: s, floor: f, ratio: s.opsPerSecond / f.opsPerSecond };
}

function printTables(cells: Cell[], opts: BenchOptions) {
  say();
  say(`Throughput and latency: ${opts.duration} s per cell and side, in ${opts.rounds} alternating slices. Latency is per request: one HTTP`);
  say('request for the service, one SQL transaction for the floor; hold+capture ops/s count hold+capture pairs (two requests each).');
  say();
  for (const l of table(
    ['scenario', 'conc', 'service ops/s', 'p50 ms', 'p99 ms', 'floor ops/s', 'p50 ms', 'p99 ms', 'service/floor'],
    cells.map((c) => [c.scenario, String(c.concurrency), f1(c.service.opsPerSecond), f2(c.service.latency.p50), f2(c.service.latency.p99), f1(c.floor.opsPerSecond), f2(c.floor.latency.p50), f2(c.floor.latency.p99), f2(c.ratio)]),
  )) say(l);
  say();
  say('CPU per completed operation, ms. node: the service\'s process (or the floor\'s); loadgen: autocannon; pg: all PostgreSQL processes.');
  say('busy: share of both cores busy; other: share of both cores used by processes not of this bench (others\' work on the machine).');
  say();
  const per = (cpu: number, ops: number) => (ops ? f2((cpu * 1000) / ops) : '-');
  const pct = (m: MachineCpu, part: number) => `${Math.round((100 * part) / Math.max(0.001, m.busy + m.idle + m.iowait + m.steal))}%`;
  const other = (s: Side) => Math.max(0, s.cpu.machine.busy - s.cpu.node - s.cpu.loadgen - s.cpu.pg);
  for (const l of table(
    ['scenario', 'conc', 'svc node', 'loadgen', 'pg', 'total', 'busy', 'other', 'floor node', 'pg', 'total', 'busy', 'other', 'total ratio'],
    cells.map((c) => {
      const s = c.service;
      const fl = c.floor;
      return [
        c.scenario, String(c.concurrency),
        per(s.cpu.node, s.ops), per(s.cpu.loadgen, s.ops), per(s.cpu.pg, s.ops), per(s.cpu.node + s.cpu.loadgen + s.cpu.pg, s.ops), pct(s.cpu.machine, s.cpu.machine.busy), pct(s.cpu.machine, other(s)),
        per(fl.cpu.node, fl.ops), per(fl.cpu.pg, fl.ops), per(fl.cpu.node + fl.cpu.pg, fl.ops), pct(fl.cpu.machine, fl.cpu.machine.busy), pct(fl.cpu.machine, other(fl)),
        f2(((fl.cpu.node + fl.cpu.pg) / fl.ops) / ((s.cpu.node + s.cpu.loadgen + s.cpu.pg) / s.ops)),
      ];
    }),
  )) say(l);
  const otherShare = cells.reduce((a, c) => a + other(c.service) + other(c.floor), 0) / cells.reduce((a, c) => a + c.service.cpu.machine.busy + c.service.cpu.machine.idle + c.service.cpu.machine.iowait + c.service.cpu.machine.steal + c.floor.cpu.machine.busy + c.floor.cpu.machine.idle + c.floor.cpu.machine.iowait + c.floor.cpu.machine.steal, 0);
  if (otherShare > 0.1) {
    say();
    say(`WARNING: other processes used ${Math.round(otherShare * 100)}% of the machine during the measurements: throughput and latency are depressed and noisy.`);
    say('The ratios are less affected (the slices alternate), CPU per operation least. Rerun on a quiet machine for clean numbers.');
  }
}

/** One path of the machine comparison: the service's figures, the reference and their ratio. */
interface MachineRow {
  path: string;
  opsPerSecond: number;
  p50: number;
  p99: number;
  reference: string;
  referenceOpsPerSecond: number | null;
  /** Service ops/s over the reference's, adjusted as the row says (hold+capture: two requests per op). */
  ratio: number | null;
  goal: string;
  failures: number;
  /** CPU ms per operation: the service's process, all PostgreSQL processes, the load generator. */
  cpu: { node: number; pg: number; loadgen: number };
}

/**
 * The issue-11 comparison, in this run: earn and hold+capture against pgbench TPC-B on the same
 * PostgreSQL; the till's identify, a router's `_entities` of 100 members and the member search
 * against the service's own `{ __typename }` floor; every path at the same number of connections.
 */
async function machineComparison(env: { svc: BenchService; load: LoadGenerator; db: BenchDatabase; memberIds: string[] }, opts: BenchOptions, problems: string[]) {
  const clients = opts.machineClients;
  say();
  say(`== The machine's references (${clients} connections, ${opts.duration} s each) ==`);
  let pgbench: PgbenchResult | null = null;
  let pgbenchNote: string | null = null;
  const wantsPgbench = opts.machinePaths.includes('earn') || opts.machinePaths.includes('hold-capture');
  if (!wantsPgbench) {
    pgbenchNote = 'no write path selected (--machine-paths): pgbench not run';
  } else if (!findPgbench()) {
    pgbenchNote = 'pgbench is not installed (Debian: apt-get install postgresql-client): the write ratios are left out';
    say(`  ${pgbenchNote}`);
  } else {
    say('  pgbench TPC-B on the same PostgreSQL...');
    try {
      pgbench = await runPgbench(env.db.adminUrl, { clients, seconds: opts.duration });
      say(`    ${f1(pgbench.tps)} tps (p50 ${f2(pgbench.latency.p50)} ms, p99 ${f2(pgbench.latency.p99)} ms, scale ${pgbench.scale})`);
    } catch (err) {
      pgbenchNote = `pgbench failed: ${(err as Error).message.slice(0, 300)}`;
      say(`  ${pgbenchNote}`);
    }
  }
  const wanted = new Set(opts.machinePaths);
  const measure = async (scenario: Scenario | ReadScenario) => {
    const token = scenario === 'entities' ? env.svc.tokens.service : env.svc.tokens.till;
    const node0 = ownCpu();
    const pg0 = env.db.cpuSeconds();
    const run = () => env.load.run({ url: env.svc.url, token, scenario, concurrency: clients, duration: opts.duration, memberIds: env.memberIds, rich: opts.rich });
    const profileFile = path.join(OUT_DIR, `profile-${scenario}.cpuprofile`);
    const profiled = opts.profileMachine && scenario !== 'earn' && scenario !== 'hold-capture';
    const { result: r, profile } = profiled ? await profileWhile(profileFile, run) : { result: await run(), profile: null };
    await env.svc.drained();
    const nodeCpu = ownCpu() - node0;
    const pgCpu = env.db.cpuSeconds() - pg0;
    const failures = r.failures + r.transportErrors;
    if (failures) problems.push(`machine ${scenario}: ${failures} failed requests`, ...r.failureSamples.map((x) => `  ${x}`));
    const opsPerSecond = r.ops / r.seconds;
    const perOp = (cpu: number) => (r.ops ? (cpu * 1000) / r.ops : 0);
    const cpu = { node: perOp(nodeCpu), pg: perOp(pgCpu), loadgen: perOp(r.cpuSeconds) };
    say(`  ${scenario.padEnd(12)} ${f1(opsPerSecond).padStart(8)} ops/s (p50 ${f2(r.latency.p50)} ms, p99 ${f2(r.latency.p99)} ms; CPU per op: node ${f2(cpu.node)} ms, pg ${f2(cpu.pg)} ms, loadgen ${f2(cpu.loadgen)} ms)`);
    if (profile) {
      // The profile's own overhead (sampling every 200 us) weighs on this path's figures: compare profiled runs only with each other.
      const summary = summarise(profile);
      const ms = (x: number) => (r.ops ? f2(x / r.ops) : '-');
      say(`    profile (${path.relative(process.cwd(), profileFile)}), ms per op:`);
      for (const l of table(['self time by origin', 'share', 'ms/op'], summary.byCategory.slice(0, 12).map((c) => [c.category, `${f1(c.share * 100)}%`, ms(c.ms)]))) say(`      ${l}`);
      for (const l of table(['inclusive time of', 'share', 'ms/op'], summary.frames.filter((fr) => fr.ms > 0).map((fr) => [fr.label, `${f1(fr.share * 100)}%`, ms(fr.ms)]))) say(`      ${l}`);
    }
    return { opsPerSecond, p50: r.latency.p50, p99: r.latency.p99, failures, cpu };
  };
  const reads = (['identify', 'entities', 'search'] as const).filter((p) => wanted.has(p));
  // The reads' ratios need the floor: it runs whenever a read does.
  const floor = wanted.has('typename') || reads.length ? await measure('typename') : null;
  const rows: MachineRow[] = [];
  if (floor) rows.push({ path: '{ __typename } (till token)', ...floor, reference: 'the read floor itself', referenceOpsPerSecond: null, ratio: null, goal: '' });
  if (wanted.has('earn')) {
    const earn = await measure('earn');
    rows.push({ path: 'earnPoints (one-line sale)', ...earn, reference: 'pgbench TPC-B tps', referenceOpsPerSecond: pgbench?.tps ?? null, ratio: pgbench ? earn.opsPerSecond / pgbench.tps : null, goal: '>= 0.5, p99 < 50 ms' });
  }
  if (wanted.has('hold-capture')) {
    const holdCapture = await measure('hold-capture');
    // an operation is two requests (hold, then capture): the goal is a quarter of TPC-B's rate
    rows.push({ path: 'hold + capture (2 requests)', ...holdCapture, reference: 'pgbench TPC-B tps', referenceOpsPerSecond: pgbench?.tps ?? null, ratio: pgbench ? holdCapture.opsPerSecond / pgbench.tps : null, goal: '>= 0.25' });
  }
  const labels = { identify: ['loyaltyMemberByCard + tier + wallet', '>= 0.5, p99 < 20 ms'], entities: ['_entities of 100 members', 'p50 < 15 ms'], search: ['loyaltyMembers(search: name words)', ''] } as const;
  for (const scenario of reads) {
    const [label, goal] = labels[scenario];
    const m = await measure(scenario);
    rows.push({ path: label, ...m, reference: '{ __typename } floor', referenceOpsPerSecond: floor!.opsPerSecond, ratio: m.opsPerSecond / floor!.opsPerSecond, goal });
  }
  say();
  for (const l of table(
    ['path', 'ops/s', 'p50 ms', 'p99 ms', 'node CPU ms/op', 'pg CPU ms/op', 'reference', 'ref ops/s', 'ratio', 'goal'],
    rows.map((r) => [r.path, f1(r.opsPerSecond), f2(r.p50), f2(r.p99), f2(r.cpu.node), f2(r.cpu.pg), r.reference, r.referenceOpsPerSecond === null ? '-' : f1(r.referenceOpsPerSecond), r.ratio === null ? '-' : f2(r.ratio), r.goal]),
  )) say(l);
  if (pgbench) say(`pgbench TPC-B: ${f1(pgbench.tps)} tps, p50 ${f2(pgbench.latency.p50)} ms, p99 ${f2(pgbench.latency.p99)} ms (scale ${pgbench.scale}, prepared, ${clients} clients)`);
  return { clients, pgbench, pgbenchNote, rows };
}

async function diagnostics(svc: BenchService, load: LoadGenerator, floorWorker: FloorWorker, db: BenchDatabase, pool: pg.Pool, programme: FloorProgramme, memberIds: string[], opts: BenchOptions) {
  say();
  say('== Diagnostics ==');
  say();
  say('SQL statements sent for one operation (service: the whole request; floor: its transaction)');
  const member = memberIds[0]!;
  const earnSvc = await recordStatements(() => svc.gql(earnDocument(opts.rich), earnVariables(member), svc.tokens.till));
  const earnFloor = await recordStatements(() => earnOnce(pool, programme, member));
  let holdId = '';
  const holdSvc = await recordStatements(async () => {
    holdId = (await svc.gql(holdDocument(opts.rich), holdVariables(member), svc.tokens.till)).data.holdPoints.hold.id;
  });
  const captureSvc = await recordStatements(() => svc.gql(captureDocument(opts.rich), captureVariables(holdId), svc.tokens.till));
  let floorHold = '';
  const holdFloor = await recordStatements(async () => {
    floorHold = await holdOnce(pool, programme, member);
  });
  const captureFloor = await recordStatements(() => captureOnce(pool, floorHold));
  // The service's statements, "+" marking those the floor's transaction does not send.
  const key = (sql: string) => sql.toLowerCase().replace(/["; ]/g, '').split(/['$\d]/)[0]!.slice(0, 28);
  const show = (label: string, svcList: string[], floorList: string[]) => {
    say();
    say(`  ${label}: service ${svcList.length} statements, floor ${floorList.length} ("+": not in the floor's transaction)`);
    const floorKeys = new Set(floorList.map(key));
    svcList.forEach((s, i) => say(`   ${floorKeys.has(key(s)) ? ' ' : '+'}${String(i + 1).padStart(2)}  ${s.slice(0, 110)}`));
  };
  show('earnPoints', earnSvc, earnFloor);
  show('holdPoints', holdSvc, holdFloor);
  show('capturePointsHold', captureSvc, captureFloor);

  say();
  say('Single steps, one call at a time in the service\'s process (mean of 500 calls)');
  const timings = await microTimings(svc, pool, member);
  for (const l of table(['step', 'wall ms', 'CPU ms'], timings.map((t) => [t.label, t.wallMs.toFixed(3), t.cpuMs.toFixed(3)]))) say(`  ${l}`);

  let analysis: Awaited<ReturnType<typeof analyse>> | null = null;
  if (opts.analyse) analysis = await analyse({ svc, load, floorWorker, db, pool, programme, memberIds }, opts, say);
  return { statements: { earnSvc, earnFloor, holdSvc, holdFloor, captureSvc, captureFloor }, timings, analysis, failures: analysis?.failures ?? 0, failureSamples: analysis?.failureSamples ?? [] };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2), process.env);
  const t0 = Date.now();
  say(`loyalty bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); scenarios ${opts.scenarios.join(', ')}; concurrency ${opts.concurrencies.join(', ')}; ${opts.duration} s per cell and side${opts.rich ? '; rich selections' : ''}`);
  say('Starting a throw-away embedded PostgreSQL...');
  const db = await startBenchDatabase();
  process.once('SIGINT', () => {
    say('\nInterrupted: stopping PostgreSQL...');
    void db.stop(opts.keep).finally(() => process.exit(130));
  });
  let svc: BenchService | null = null;
  let pool: pg.Pool | null = null;
  const load: LoadGenerator = new ChildWorker('load generator', 'load-worker.js');
  const floorWorker: FloorWorker = new ChildWorker('floor', 'floor-worker.js');
  const problems: string[] = [];
  try {
    const settings = await db.settings();
    say(`  ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    say(`  data in ${db.dir}`);
    say('Migrating and starting the service...');
    svc = await startBenchService(db.url);
    say(`  service at ${svc.url}, ORM pool ${POOL_SIZE}`);
    say(`Preparing the programme and ${opts.members} members...`);
    const memberIds = await prepareProgramme(svc, db.url, opts.members, say);
    await floorWorker.run({ kind: 'init', url: db.url, poolSize: POOL_SIZE, memberIds });
    // A pool in this process too, for the diagnostics (statement lists, micro-timings).
    pool = new pg.Pool({ connectionString: db.url, max: POOL_SIZE });
    const programme = await loadFloorProgramme(pool);
    const env = { svc, load, floorWorker, db, memberIds };

    const cells: Cell[] = [];
    for (const scenario of opts.scenarios) {
      if (opts.warmup > 0) {
        say(`Warming up ${scenario} (${opts.warmup} s service, ${opts.warmup} s floor, concurrency 8)...`);
        const w1 = await load.run({ url: svc.url, token: svc.tokens.till, scenario, concurrency: 8, duration: opts.warmup, memberIds, rich: opts.rich });
        await svc.drained();
        const w2 = (await floorWorker.run({ kind: 'run', scenario, concurrency: 8, seconds: opts.warmup }))!;
        if (w1.failures + w1.transportErrors) problems.push(`warm-up ${scenario} service: ${w1.failures} failed responses, ${w1.transportErrors} transport errors`, ...w1.failureSamples.map((s) => `  ${s}`));
        if (w2.failures) problems.push(`warm-up ${scenario} floor: ${w2.failures} failed transactions`, ...w2.failureSamples.map((s) => `  ${s}`));
      }
      for (const concurrency of opts.concurrencies) {
        const cell = await measureCell(env, opts, scenario, concurrency);
        cells.push(cell);
        const { service: s, floor: f } = cell;
        say(`  ${scenario.padEnd(12)} c=${String(concurrency).padEnd(3)} service ${f1(s.opsPerSecond).padStart(7)} ops/s (p50 ${f2(s.latency.p50)} ms, p99 ${f2(s.latency.p99)} ms)` +
          `   floor ${f1(f.opsPerSecond).padStart(7)} ops/s (p50 ${f2(f.latency.p50)} ms, p99 ${f2(f.latency.p99)} ms)   ratio ${f2(cell.ratio)}`);
        if (s.failures) problems.push(`${scenario} c=${concurrency} service: ${s.failures} failed requests`, ...s.failureSamples.map((x) => `  ${x}`));
        if (f.failures) problems.push(`${scenario} c=${concurrency} floor: ${f.failures} failed transactions`, ...f.failureSamples.map((x) => `  ${x}`));
      }
    }
    if (cells.length) printTables(cells, opts);

    const machine = opts.machine ? await machineComparison(env, opts, problems) : null;

    let diag: Awaited<ReturnType<typeof diagnostics>> | null = null;
    if (opts.diagnostics) {
      diag = await diagnostics(svc, load, floorWorker, db, pool, programme, memberIds, opts);
      if (diag.failures) problems.push(`profiled run: ${diag.failures} failed requests`, ...diag.failureSamples.map((x) => `  ${x}`));
    }

    mkdirSync(OUT_DIR, { recursive: true });
    const resultsFile = path.join(OUT_DIR, 'results.json');
    writeFileSync(resultsFile, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpus().length, options: opts, postgres: settings, machine, cells, diagnostics: diag, problems }, null, 2));
    say();
    say(`Results written to ${path.relative(process.cwd(), resultsFile)}; total time ${f1((Date.now() - t0) / 1000)} s`);
  } finally {
    load.close();
    floorWorker.close();
    await pool?.end().catch(() => {});
    await svc?.stop().catch(() => {});
    await db.stop(opts.keep).catch((err) => say(`could not stop PostgreSQL: ${err}`));
    if (opts.keep) say(`PostgreSQL data kept in ${db.dir}`);
  }
  if (problems.length) {
    say();
    say('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    say('!!!  THE BENCH SAW FAILURES: the numbers above are NOT valid measurements.   !!!');
    say('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    for (const p of problems) say(p);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
