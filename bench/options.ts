/** Command-line flags (`npm run bench -- --duration 5`), each also settable by an environment variable. */
export interface BenchOptions {
  /** Seconds per measured cell (one scenario at one concurrency, service or floor). */
  duration: number;
  /**
   * Each cell is measured in this many alternating slices (service, floor, floor, service, ...), so
   * that anything else the machine does meanwhile weighs on both sides alike.
   */
  rounds: number;
  /** Seconds of unmeasured warm-up per scenario, for the service and for the floor. */
  warmup: number;
  concurrencies: number[];
  scenarios: Scenario[];
  members: number;
  /** Ask for the member's wallet in every response too (what the test fixtures select). */
  rich: boolean;
  /** Statement counts and micro-timings after the tables. */
  diagnostics: boolean;
  /** The longer analysis after the diagnostics: layer by layer, what-if fixes, a CPU profile. */
  analyse: boolean;
  /** Seconds of the profiled service run in the diagnostics. */
  profileSeconds: number;
  /** Seconds per layer in the diagnostics' layer-by-layer runs. */
  layerSeconds: number;
  /** Keep the temporary PostgreSQL directory (for inspection). */
  keep: boolean;
  /**
   * The comparison with the machine's own references (pgbench TPC-B, the service's `{ __typename }`)
   * for earn, hold+capture and the reads, at `machineClients` connections.
   */
  machine: boolean;
  machineClients: number;
  /** The paths of the machine comparison to measure (the `{ __typename }` floor always runs with a read). */
  machinePaths: MachinePath[];
  /** A CPU profile of the service during each read path of the machine comparison (bench/dist/profile-<path>.cpuprofile). */
  profileMachine: boolean;
}

export type MachinePath = 'typename' | 'earn' | 'hold-capture' | 'identify' | 'entities' | 'search';
export const MACHINE_PATHS: MachinePath[] = ['typename', 'earn', 'hold-capture', 'identify', 'entities', 'search'];

export type Scenario = 'earn' | 'hold-capture';
export const SCENARIOS: Scenario[] = ['earn', 'hold-capture'];

const USAGE = `usage: npm run bench -- [--duration S] [--rounds N] [--warmup S] [--concurrency 1,8,32] [--scenarios earn,hold-capture]
                        [--members N] [--rich] [--no-diagnostics] [--analyse] [--layer-seconds S] [--profile-seconds S] [--keep]
                        [--no-machine] [--machine-clients N]
                        [--machine-paths typename,earn,hold-capture,identify,entities,search] [--profile-machine]
  --scenarios none      skips the service-vs-SQL-floor cells (e.g. to run only the machine comparison)
environment: BENCH_DURATION, BENCH_ROUNDS, BENCH_WARMUP, BENCH_CONCURRENCY, BENCH_SCENARIOS, BENCH_MEMBERS, BENCH_RICH=1, BENCH_DIAGNOSTICS=0, BENCH_ANALYSE=1,
             BENCH_MACHINE=0, BENCH_MACHINE_CLIENTS, BENCH_MACHINE_PATHS, BENCH_PROFILE_MACHINE=1`;

function positive(name: string, raw: string, integer = false): number {
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) throw new Error(`${name} must be a positive ${integer ? 'whole ' : ''}number, got "${raw}"\n${USAGE}`);
  return v;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const o: BenchOptions = {
    duration: positive('BENCH_DURATION', env.BENCH_DURATION ?? '10'),
    rounds: positive('BENCH_ROUNDS', env.BENCH_ROUNDS ?? '4', true),
    warmup: Number(env.BENCH_WARMUP ?? '3'),
    concurrencies: (env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map((c) => positive('BENCH_CONCURRENCY', c, true)),
    scenarios: (env.BENCH_SCENARIOS ?? SCENARIOS.join(',')).split(',') as Scenario[],
    members: positive('BENCH_MEMBERS', env.BENCH_MEMBERS ?? '2000', true),
    rich: env.BENCH_RICH === '1',
    diagnostics: env.BENCH_DIAGNOSTICS !== '0',
    analyse: env.BENCH_ANALYSE === '1',
    profileSeconds: positive('BENCH_PROFILE_SECONDS', env.BENCH_PROFILE_SECONDS ?? '4'),
    layerSeconds: positive('BENCH_LAYER_SECONDS', env.BENCH_LAYER_SECONDS ?? '2'),
    keep: false,
    machine: env.BENCH_MACHINE !== '0',
    machineClients: positive('BENCH_MACHINE_CLIENTS', env.BENCH_MACHINE_CLIENTS ?? '16', true),
    machinePaths: (env.BENCH_MACHINE_PATHS ?? MACHINE_PATHS.join(',')).split(',') as MachinePath[],
    profileMachine: env.BENCH_PROFILE_MACHINE === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--duration': o.duration = positive(flag, value()); break;
      case '--rounds': o.rounds = positive(flag, value(), true); break;
      case '--warmup': o.warmup = Number(value()); break;
      case '--concurrency': case '--concurrencies': o.concurrencies = value().split(',').map((c) => positive(flag, c, true)); break;
      case '--scenarios': case '--scenario': o.scenarios = value().split(',') as Scenario[]; break;
      case '--members': o.members = positive(flag, value(), true); break;
      case '--rich': o.rich = true; break;
      case '--diagnostics': o.diagnostics = true; break;
      case '--no-diagnostics': o.diagnostics = false; break;
      case '--analyse': case '--analyze': o.analyse = true; o.diagnostics = true; break;
      case '--profile-seconds': o.profileSeconds = positive(flag, value()); break;
      case '--layer-seconds': o.layerSeconds = positive(flag, value()); break;
      case '--keep': o.keep = true; break;
      case '--machine': o.machine = true; break;
      case '--no-machine': o.machine = false; break;
      case '--machine-clients': o.machineClients = positive(flag, value(), true); break;
      case '--machine-paths': o.machinePaths = value().split(',') as MachinePath[]; break;
      case '--profile-machine': o.profileMachine = true; break;
      case '-h': case '--help': process.stdout.write(USAGE + '\n'); process.exit(0);
      default: throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  if (!Number.isFinite(o.warmup) || o.warmup < 0) throw new Error(`--warmup must be 0 or more\n${USAGE}`);
  if (o.scenarios.length === 1 && (o.scenarios[0] as string) === 'none') o.scenarios = [];
  for (const s of o.scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; one of ${SCENARIOS.join(', ')}, or none`);
  for (const p of o.machinePaths) if (!MACHINE_PATHS.includes(p)) throw new Error(`unknown machine path ${p}; one of ${MACHINE_PATHS.join(', ')}`);
  return o;
}
