/**
 * The floor in a process of its own: only pg and the pure domain functions are loaded, so no
 * ORM, no GraphQL and no AsyncLocalStorage hooks (which the ORM turns on in the service's process)
 * weigh on it, and it does not share an event loop with the idle service.
 */
import 'reflect-metadata';
import pg from 'pg';
import { floorDriver, loadFloorProgramme, runDriver, type FloorProgramme, type FloorResult } from './floor';
import type { Scenario } from './options';

export type FloorMessage =
  | { kind: 'init'; url: string; poolSize: number; memberIds: string[] }
  | { kind: 'run'; scenario: Scenario; concurrency: number; seconds: number };

export type FloorRunResult = FloorResult & { cpuSeconds: number };

let pool: pg.Pool | null = null;
let programme: FloorProgramme | null = null;
let memberIds: string[] = [];

async function handle(msg: FloorMessage): Promise<FloorRunResult | null> {
  if (msg.kind === 'init') {
    // Connections stay open for the whole bench, as the service's pool keeps them while busy.
    pool = new pg.Pool({ connectionString: msg.url, max: msg.poolSize, idleTimeoutMillis: 0 });
    programme = await loadFloorProgramme(pool);
    memberIds = msg.memberIds;
    return null;
  }
  const cpu0 = process.cpuUsage();
  const r = await runDriver(floorDriver(pool!, programme!), msg.scenario, msg.concurrency, msg.seconds, memberIds);
  const cpu = process.cpuUsage(cpu0);
  return { ...r, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

process.on('message', (msg: FloorMessage) => {
  handle(msg).then(
    (result) => process.send!({ ok: true, result }),
    (err: Error) => process.send!({ ok: false, error: err.stack ?? err.message }),
  );
});
process.on('disconnect', () => {
  void pool?.end().finally(() => process.exit(0));
  if (!pool) process.exit(0);
});
