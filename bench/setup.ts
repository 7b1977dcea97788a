import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startLoyaltyService, type LoyaltyService } from '../subgraph/src/app';
import { createTokenVerifier, signToken, type TokenVerifier } from '../subgraph/src/auth/tokens';
import { createLogger } from '../subgraph/src/common/logger';
import { loadConfig, type Config } from '../subgraph/src/config';
import { createOrm, migrate } from '../subgraph/src/db/orm';
import type { Principal } from '../subgraph/src/auth/principal';
import { ProgrammeCache } from '../subgraph/src/modules/programme/programme.cache';
import { createRequestContext } from '../subgraph/src/common/context';
import { earnPoints } from '../subgraph/src/modules/earning/earning.service';
import { enrollMember, linkCard } from '../subgraph/src/modules/members/member.service';
import { benchCard } from './documents';
import { randomSale } from './documents';

/** The same cache a service instance keeps (see app.ts). */
const programmeCache = new ProgrammeCache(5_000);

export interface BenchService {
  url: string;
  orm: MikroORM;
  config: Config;
  verifyToken: TokenVerifier;
  tokens: { admin: string; till: string; service: string };
  gql(query: string, variables?: unknown, token?: string): Promise<{ status: number; data?: any; errors?: unknown[] }>;
  /** Resolves when no HTTP request is being processed (a load run's last requests finish after its clients left). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

/** The ORM pool size of the service; the floor's pg.Pool gets the same. */
export const POOL_SIZE = 10;

/**
 * Migrates the database and starts the real service in this process: HTTP on a free port, real
 * JWT verification against a fresh ES256 key, no maintenance scheduler (as the tests do).
 */
export async function startBenchService(databaseUrl: string): Promise<BenchService> {
  // The ledger's levers (LOYALTY_LEDGER_ONE_STATEMENT, _BATCH_SIZE, _BATCH_CONCURRENCY) pass through, to measure them.
  const levers = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('LOYALTY_LEDGER_')));
  const config = loadConfig({ PORT: '0', DATABASE_URL: databaseUrl, LOYALTY_DATA_DIR: '/nonexistent', LOYALTY_MAINTENANCE_INTERVAL_SECONDS: '0', ...levers });
  const orm = await createOrm({ clientUrl: databaseUrl, poolSize: POOL_SIZE });
  await migrate(orm);
  const pair = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = { ...(await exportJWK(pair.privateKey)), alg: 'ES256', kid: 'bench' };
  const { d: _d, ...publicJwk } = privateJwk;
  const verifier = await createTokenVerifier(config.auth, publicJwk);
  const verifyToken: TokenVerifier = verifier;
  const logger = createLogger('warn');
  const service: LoyaltyService = await startLoyaltyService({ config, orm, verifyToken, logger }, 0, '127.0.0.1');
  // Requests being handled: counted until the handler ends its response, which it does even when
  // the client has gone (autocannon drops its connections at the end of a run).
  let inflight = 0;
  service.httpServer.on('request', (_req, res) => {
    inflight++;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    let done = false;
    res.end = ((...args: unknown[]) => {
      if (!done) {
        done = true;
        inflight--;
      }
      return end(...args);
    }) as typeof res.end;
  });
  const sign = (subject: string, claims: Parameters<typeof signToken>[3]) => signToken(privateJwk, config.auth, subject, claims, '2h');
  const tokens = {
    admin: await sign('bench-admin', { roles: ['admin'] }),
    till: await sign('till:store-001/till-01', { roles: ['till'], storeId: 'store-001', tillId: 'till-01' }),
    service: await sign('bench-router', { roles: ['service'] }),
  };
  return {
    url: service.url,
    orm,
    config,
    verifyToken: verifier,
    tokens,
    async gql(query, variables, token = tokens.admin) {
      const res = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async drained() {
      while (inflight > 0) await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      await service.stop();
      await orm.close(true);
    },
  };
}

function must(res: { status: number; data?: any; errors?: unknown[] }, field: string): any {
  const payload = res.data?.[field];
  if (res.status !== 200 || res.errors?.length || !payload || payload.userErrors?.length) {
    throw new Error(`setup: ${field} failed (${res.status}): ${JSON.stringify(res.errors ?? payload ?? res)}`);
  }
  return payload;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function inParallel<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** The demo programme's four tiers (the service has no tier mutation; written once with SQL). */
const TIERS = [
  { code: 'BRONZE', name: 'Bronze', rank: 0, threshold: 0, multiplier: 100 },
  { code: 'SILVER', name: 'Silver', rank: 1, threshold: 1000, multiplier: 110 },
  { code: 'GOLD', name: 'Gold', rank: 2, threshold: 5000, multiplier: 125 },
  { code: 'PLATINUM', name: 'Platinum', rank: 3, threshold: 15000, multiplier: 150 },
];

/**
 * The programme the bench runs on: demo tiers, 1 point per £1 (SPEND), 100 points = £1,
 * minimum redemption 1 point, no pending period, 24-month expiry (set through GraphQL); then
 * `members` members, enrolled and credited once for a starting balance by calling the service
 * functions directly (what the resolvers call, minus HTTP and GraphQL: quicker), and finally
 * VACUUM ANALYZE, so that autovacuum does not wake up in the first measurements.
 */
export async function prepareProgramme(svc: BenchService, databaseUrl: string, members: number, log: (line: string) => void): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const t of TIERS) {
      await client.query(
        `insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values ($1, $2, $3, $4, $5, $6, '[]', now())`,
        [randomUUID(), t.code, t.name, t.rank, t.threshold, t.multiplier],
      );
    }
  } finally {
    await client.end();
  }
  must(
    await svc.gql(`mutation($i: SaveLoyaltyEarningRuleInput!) { saveLoyaltyEarningRule(input: $i) { rule { id } userErrors { code message } } }`, {
      i: { kind: 'SPEND', name: '1 point per £1', args: { pointsPerStep: 1, stepMinor: 100 }, position: 0 },
    }),
    'saveLoyaltyEarningRule',
  );
  must(
    await svc.gql(`mutation($i: UpdateLoyaltyProgrammeInput!) { updateLoyaltyProgramme(input: $i) { userErrors { code message } } }`, {
      i: { currencyCode: 'GBP', redeemPoints: 100, redeemAmountMinor: 100, minRedeemPoints: 1, maxRedeemSharePercent: 100, pendingDays: 0, expiryUnit: 'MONTHS', expiryCount: 24, expiryToMonthEnd: false },
    }),
    'updateLoyaltyProgramme',
  );

  const principal: Principal = await svc.verifyToken(svc.tokens.till);
  const logger = createLogger('warn');
  const ctx = () => createRequestContext(svc.orm.em, principal, svc.config, logger, programmeCache);
  const started = Date.now();
  const ids: string[] = new Array(members);
  const run = randomUUID().slice(0, 8);
  await inParallel([...Array(members).keys()], 8, async (i) => {
    const out = await enrollMember(ctx(), { idempotencyKey: `bench-enrol-${run}-${i}`, firstName: 'Bench', lastName: `Member ${i}`, email: `bench.${run}.${i}@example.com` });
    if (!out.member) throw new Error(`setup: enrollMember failed: ${JSON.stringify(out.userErrors)}`);
    ids[i] = out.member.id;
    const card = await linkCard(ctx(), { memberId: out.member.id, cardNumber: benchCard(out.member.id) });
    if (!card.card) throw new Error(`setup: linkCard failed: ${JSON.stringify(card.userErrors)}`);
  });
  log(`  enrolled ${members} members in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const earnStarted = Date.now();
  await inParallel(ids, 8, async (memberId) => {
    const sale = randomSale();
    sale.lines = [{ productId: 'welcome-basket', categoryId: 'bench', quantity: 1, unitPrice: 50_000 }]; // £500: 500 points
    const out = await earnPoints(ctx(), { idempotencyKey: `earn-${sale.id}`, memberId, sale });
    if (out.userErrors.length) throw new Error(`setup: earnPoints failed: ${JSON.stringify(out.userErrors)}`);
  });
  log(`  credited each member 500 points in ${((Date.now() - earnStarted) / 1000).toFixed(1)} s`);
  const vacuum = new pg.Client({ connectionString: databaseUrl });
  await vacuum.connect();
  await vacuum.query('vacuum analyze');
  await vacuum.end();
  return ids;
}
