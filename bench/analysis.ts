/**
 * `--analyse`: where the service's time goes, measured three ways at one concurrency:
 *  1. layer by layer: the floor, then the service functions (ORM + domain code), then GraphQL
 *     without HTTP, then the whole service over HTTP, each step's CPU cost being a difference;
 *  2. the ledger's levers (group commit, one statement per operation, neither) switched at run
 *     time on the running service, so what each gives is measured in the run;
 *  3. a CPU profile of the service process.
 * Each variant runs in two passes, forwards then backwards, and the passes are summed, so that a
 * drift of the machine during the analysis weighs on every variant alike.
 */
import path from 'node:path';
import type pg from 'pg';
import type { BenchDatabase } from './database';
import { floorDriver, runDriver, type FloorProgramme } from './floor';
import { graphqlDriver, serviceFunctionsDriver } from './layers';
import type { BenchOptions, Scenario } from './options';
import { profileWhile, summarise } from './profile';
import type { BenchService } from './setup';
import { f1, f2, ownCpu, table, type FloorWorker, type LoadGenerator } from './util';

interface Env {
  svc: BenchService;
  load: LoadGenerator;
  floorWorker: FloorWorker;
  db: BenchDatabase;
  pool: pg.Pool;
  programme: FloorProgramme;
  memberIds: string[];
}

interface Outcome {
  ops: number;
  seconds: number;
  failures: number;
  failureSamples: string[];
  /** CPU seconds of the process that did the work, when not this one. */
  nodeCpu?: number;
  loadgenCpu?: number;
}

interface Variant {
  scenario: Scenario;
  label: string;
  /** Label prefix of the variant this one's CPU step is measured from. */
  base?: string;
  /** Sets the run-time patches this variant needs (and undoes the others). */
  prepare?: () => void;
  run: () => Promise<Outcome>;
}

export interface Measured {
  scenario: Scenario;
  label: string;
  base?: string;
  ops: number;
  seconds: number;
  opsPerSecond: number;
  /** CPU ms per operation. */
  node: number;
  pg: number;
  loadgen: number;
  failures: number;
  failureSamples: string[];
}

async function measure(env: Env, variants: Variant[], passes: number): Promise<Measured[]> {
  const acc = variants.map((v) => ({ v, ops: 0, seconds: 0, node: 0, pg: 0, loadgen: 0, failures: 0, failureSamples: [] as string[] }));
  for (let pass = 0; pass < passes; pass++) {
    const order = pass % 2 === 0 ? acc : [...acc].reverse();
    for (const a of order) {
      a.v.prepare?.();
      const node0 = ownCpu();
      const pg0 = env.db.cpuSeconds();
      const r = await a.v.run();
      const pg1 = env.db.cpuSeconds();
      a.ops += r.ops;
      a.seconds += r.seconds;
      a.node += r.nodeCpu ?? ownCpu() - node0;
      a.pg += pg1 - pg0;
      a.loadgen += r.loadgenCpu ?? 0;
      a.failures += r.failures;
      a.failureSamples.push(...r.failureSamples.slice(0, 3));
    }
  }
  return acc.map((a) => ({
    scenario: a.v.scenario, label: a.v.label, base: a.v.base, ops: a.ops, seconds: a.seconds, opsPerSecond: a.ops / a.seconds,
    node: (a.node * 1000) / a.ops, pg: (a.pg * 1000) / a.ops, loadgen: (a.loadgen * 1000) / a.ops, failures: a.failures, failureSamples: a.failureSamples,
  }));
}

export async function analyse(env: Env, opts: BenchOptions, say: (line?: string) => void) {
  const { svc, load, floorWorker, pool, programme, memberIds } = env;
  const conc = opts.concurrencies.includes(8) ? 8 : opts.concurrencies[opts.concurrencies.length - 1]!;
  const secs = opts.layerSeconds;
  const viaHttp = async (scenario: Scenario): Promise<Outcome> => {
    const r = await load.run({ url: svc.url, token: svc.tokens.till, scenario, concurrency: conc, duration: secs, memberIds, rich: opts.rich });
    await svc.drained();
    return { ...r, failures: r.failures + r.transportErrors, loadgenCpu: r.cpuSeconds };
  };

  // 1. Layer by layer.
  say();
  say(`== Analysis, concurrency ${conc}: ${secs} s per variant and pass, 2 passes (forwards, backwards); CPU in ms per operation ==`);
  say();
  say('The service taken apart: the same operations through each layer in turn');
  const functions = await serviceFunctionsDriver(svc);
  // as the service runs it: Apollo's cache-control plugin off (its variant measures the plugin on)
  const graphql = await graphqlDriver(svc, opts.rich, { cacheControl: false });
  const graphqlCacheControl = await graphqlDriver(svc, opts.rich, { cacheControl: true });
  const layerVariants: Variant[] = opts.scenarios.flatMap((scenario): Variant[] => [
    { scenario, label: 'floor: plain pg, one transaction, own process', run: async () => {
      const r = (await floorWorker.run({ kind: 'run', scenario, concurrency: conc, seconds: secs }))!;
      return { ...r, nodeCpu: r.cpuSeconds };
    } },
    { scenario, label: 'floor in the service\'s process (ORM loaded, async hooks on)', base: 'floor: plain', run: () => runDriver(floorDriver(pool, programme), scenario, conc, secs, memberIds) },
    { scenario, label: '+ ORM and service code (service functions)', base: 'floor in', run: () => runDriver(functions, scenario, conc, secs, memberIds) },
    { scenario, label: '+ GraphQL (Apollo executeOperation, no HTTP)', base: '+ ORM', run: () => runDriver(graphql.driver, scenario, conc, secs, memberIds) },
    { scenario, label: '  variant: the same, Apollo cache-control plugin on (its default)', base: '+ ORM', run: () => runDriver(graphqlCacheControl.driver, scenario, conc, secs, memberIds) },
    { scenario, label: '+ HTTP, JWT, JSON: the service', base: '+ GraphQL', run: () => viaHttp(scenario) },
  ]);
  const layers = await measure(env, layerVariants, 2);
  await graphql.stop();
  await graphqlCacheControl.stop();
  const step = (l: Measured, all: Measured[]) => {
    const b = l.base ? all.find((x) => x.scenario === l.scenario && x.label.startsWith(l.base!)) : undefined;
    if (!b) return '';
    const d = l.node - b.node;
    return `${d >= 0 ? '+' : ''}${f2(d)}`;
  };
  for (const l of table(
    ['scenario', 'layer', 'ops/s', 'node CPU', 'step', 'pg CPU', 'loadgen'],
    layers.map((l) => [l.scenario, l.label, f1(l.opsPerSecond), f2(l.node), step(l, layers), f2(l.pg), l.loadgen ? f2(l.loadgen) : '']),
  )) say(`  ${l}`);

  // 2. The ledger's levers, switched on the running service: group commit, one statement, neither.
  say();
  say('The ledger\'s levers, switched at run time on the running service (LOYALTY_LEDGER_BATCH_SIZE, LOYALTY_LEDGER_ONE_STATEMENT)');
  const levers: { label: string; oneStatement: boolean; batchSize: number }[] = [
    { label: 'one statement per operation, group commit (as built)', oneStatement: true, batchSize: svc.config.ledgerBatch.size },
    { label: 'one statement per operation, each its own transaction', oneStatement: true, batchSize: 1 },
    { label: 'general path (LOYALTY_LEDGER_ONE_STATEMENT=off)', oneStatement: false, batchSize: 1 },
  ];
  const built = { oneStatement: svc.config.ledgerOneStatement, batchSize: svc.config.ledgerBatch.size };
  const setLevers = (l: { oneStatement: boolean; batchSize: number }) => () => {
    svc.config.ledgerOneStatement = l.oneStatement;
    svc.config.ledgerBatch.size = l.batchSize;
  };
  let whatIf: Measured[];
  try {
    whatIf = await measure(env, opts.scenarios.flatMap((scenario) => levers.map((l): Variant => ({ scenario, label: l.label, prepare: setLevers(l), run: () => viaHttp(scenario) }))), 2);
  } finally {
    setLevers(built)();
  }
  for (const l of table(
    ['scenario', 'variant', 'ops/s', 'node CPU', 'pg CPU', 'ops/s vs floor (layer table)'],
    whatIf.map((w) => [w.scenario, w.label, f1(w.opsPerSecond), f2(w.node), f2(w.pg), f2(w.opsPerSecond / layers.find((l) => l.scenario === w.scenario)!.opsPerSecond)]),
  )) say(`  ${l}`);

  // 3. Profile.
  say();
  const profileFile = path.join(__dirname, '..', 'service-earn.cpuprofile');
  say(`CPU profile of the service process during earnPoints over HTTP for ${opts.profileSeconds} s (sampling slows it down)`);
  const { result, profile } = await profileWhile(profileFile, async () => {
    const r = await load.run({ url: svc.url, token: svc.tokens.till, scenario: 'earn', concurrency: conc, duration: opts.profileSeconds, memberIds, rich: opts.rich });
    await svc.drained();
    return r;
  });
  const summary = summarise(profile);
  const perOp = (ms: number) => f2(ms / Math.max(1, result.ops));
  say(`  ${result.ops} earns; the service was busy ${f1(summary.busyMs)} ms of ${f1(summary.totalMs)} ms: ${perOp(summary.busyMs)} ms CPU per earn`);
  for (const l of table(['self time by origin', 'share', 'ms/earn'], summary.byCategory.slice(0, 16).map((c) => [c.category, `${f1(c.share * 100)}%`, perOp(c.ms)]))) say(`  ${l}`);
  say();
  for (const l of table(['inclusive time of', 'share', 'ms/earn'], summary.frames.map((fr) => [fr.label, `${f1(fr.share * 100)}%`, perOp(fr.ms)]))) say(`  ${l}`);
  say(`  profile written to ${path.relative(process.cwd(), profileFile)} (open it in Chrome DevTools > Performance)`);

  const all = [...layers, ...whatIf];
  return {
    concurrency: conc,
    layers,
    whatIf,
    profile: { ops: result.ops, ...summary },
    failures: result.failures + result.transportErrors + all.reduce((s, m) => s + m.failures, 0),
    failureSamples: [...result.failureSamples, ...all.flatMap((m) => m.failureSamples.map((x) => `${m.label}: ${x}`))].slice(0, 10),
  };
}
