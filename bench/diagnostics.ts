/**
 * Evidence for "where the time goes": the SQL statements one operation sends (service vs floor),
 * and sequential micro-timings of the per-request costs the floor does not have.
 */
import pg from 'pg';
import { ProgrammeCache } from '../subgraph/src/modules/programme/programme.cache';
import { createRequestContext } from '../subgraph/src/common/context';
import { createLogger } from '../subgraph/src/common/logger';
import { loadActiveRules, loadSettings } from '../subgraph/src/modules/programme/programme.service';
import { Member } from '../subgraph/src/modules/members/member.entity';
import type { BenchService } from './setup';

/** The same cache a service instance keeps (see app.ts). */
const programmeCache = new ProgrammeCache(5_000);

/** Runs `fn` and returns the SQL statements this process sent meanwhile (pg's Client.query, so the ORM's and the floor's alike). */
export async function recordStatements(fn: () => Promise<unknown>): Promise<string[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    const text = typeof q === 'string' ? q : ((q as { text?: string })?.text ?? String(q));
    seen.push(text.replace(/\s+/g, ' ').trim());
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

export interface Timing {
  label: string;
  /** Mean wall time of one call, one call at a time (includes waiting for PostgreSQL), ms. */
  wallMs: number;
  /** Mean CPU time of this process per call (user + system), ms. */
  cpuMs: number;
}

async function time(label: string, n: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(100, n); i++) await fn(); // warm
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { label, wallMs: wall / n, cpuMs: (cpu.user + cpu.system) / 1000 / n };
}

/** Single steps, one call at a time: the service's way next to plain pg. */
export async function microTimings(svc: BenchService, pool: pg.Pool, memberId: string, n = 500): Promise<Timing[]> {
  const em = () => svc.orm.em.fork({ clear: true });
  const principal = await svc.verifyToken(svc.tokens.till);
  const logger = createLogger('warn');
  const out: Timing[] = [];
  out.push(await time('JWT verify (ES256, jose), every request', n, () => svc.verifyToken(svc.tokens.till)));
  out.push(await time('createRequestContext (em.fork + DataLoaders), every request', n, () => createRequestContext(svc.orm.em, principal, svc.config, logger, programmeCache)));
  out.push(await time('pg: select 1', n, () => pool.query('select 1')));
  out.push(await time('ORM: em.execute("select 1")', n, () => em().execute('select 1')));
  out.push(await time('pg: begin; commit', n, async () => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query('commit');
    } finally {
      c.release();
    }
  }));
  out.push(await time('ORM: em.transactional(async () => {})', n, () => em().transactional(async () => {})));
  out.push(await time('pg: select programme_settings', n, () => pool.query('select * from programme_settings where id = 1')));
  out.push(await time('ORM: loadSettings (em.findOne), every earn/hold/capture', n, () => loadSettings(em())));
  out.push(await time('pg: select active earning rules', n, () => pool.query('select * from earning_rule where active order by position, created_at')));
  out.push(await time('ORM: loadActiveRules (em.find), every earn', n, () => loadActiveRules(em())));
  out.push(await time('pg: select member by id', n, () => pool.query('select * from member where id = $1', [memberId])));
  out.push(await time('ORM: memberById loader (em.find Member), every payload', n, () => em().find(Member, { id: { $in: [memberId] } })));
  return out;
}
