import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import pg from 'pg';
import { inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startLoyaltyService, type LoyaltyService } from '../app';
import { createTokenVerifier, signToken, type LoyaltyClaims } from '../auth/tokens';
import { loadConfig, type Config } from '../config';
import { createLogger } from '../common/logger';
import { createOrm } from '../db/orm';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export interface TestService {
  url: string;
  orm: MikroORM;
  config: Config;
  databaseName: string;
  /** Logged lines (JSON), for asserting that bugs are logged. */
  logs: string[];
  tokens: { admin: string; till: string; service: string; member(memberId: string): Promise<string>; customer(customerId: string): Promise<string> };
  /** Signs a token with this service's key; for auth tests. */
  sign(subject: string, claims: LoyaltyClaims, opts?: { expiresIn?: string | number; issuer?: string; audience?: string }): Promise<string>;
  /** POSTs a GraphQL operation; `token` null sends no Authorization header. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Runs `fn` and returns how many SQL statements this process sent meanwhile. */
  countQueries(fn: () => Promise<unknown>): Promise<number>;
  /** Runs `fn` and returns the SQL statements this process sent meanwhile (with placeholders), in order. */
  recordQueries(fn: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

export interface TestServiceOptions {
  /** Reuse an existing database (a second replica on the same data). */
  databaseName?: string;
  /** Extra environment for `loadConfig` (e.g. COMMERCE_CUSTOMER_TYPE). */
  env?: Record<string, string>;
  /** Share the signing key of another instance, so its tokens work here. */
  keyFrom?: TestService;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's `postgres` database (test/support/global-setup.ts). */
    pgAdminUrl: string;
    /** Name of the migrated template database that each test file clones. */
    pgTemplate: string;
    /** A directory for this run only, removed at its end (test-support/build.ts keeps its lock there). */
    runDir: string;
  }
}

const keys = new WeakMap<TestService, JWK>();

/** Creates a fresh database for this test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await client.end();
  }
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts the real service (real PostgreSQL, real HTTP, real JWT verification) on a random port,
 * on a database of its own unless told to share one.
 */
export async function startTestService(opts: TestServiceOptions = {}): Promise<TestService> {
  const databaseName = opts.databaseName ?? (await createTestDatabase());
  const config = loadConfig({ PORT: '0', DATABASE_URL: databaseUrl(databaseName), LOYALTY_DATA_DIR: '/nonexistent', LOYALTY_MAINTENANCE_INTERVAL_SECONDS: '0', ...opts.env });
  const logs: string[] = [];
  const logger = createLogger('info', (line) => logs.push(line));
  // LOYALTY_DEBUG_SQL=1 in `env` logs the statements into `logs`, as the service would.
  const orm = await createOrm({ clientUrl: config.databaseUrl!, poolSize: 10, debugSql: config.debugSql, logger });
  let privateJwk: JWK;
  if (opts.keyFrom) {
    privateJwk = keys.get(opts.keyFrom)!;
  } else {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(pair.privateKey)), alg: 'ES256', kid: 'test' };
  }
  const { d: _d, ...publicJwk } = privateJwk;
  const verifyToken = await createTokenVerifier(config.auth, publicJwk);
  const service: LoyaltyService = await startLoyaltyService({ config, orm, verifyToken, logger }, 0, '127.0.0.1');

  const sign: TestService['sign'] = (subject, claims, o = {}) =>
    signToken(privateJwk, { issuer: o.issuer ?? config.auth.issuer, audience: o.audience ?? config.auth.audience }, subject, claims, o.expiresIn ?? '1h');

  let queries = 0;
  let recording: string[] | null = null;
  const knex = orm.em.getConnection().getKnex();
  knex.on('query', (q: { sql?: string }) => {
    queries++;
    recording?.push(String(q.sql ?? '').replace(/\s+/g, ' ').trim());
  });

  const test: TestService = {
    url: service.url,
    orm,
    config,
    databaseName,
    logs,
    tokens: {
      admin: await sign('test-admin', { roles: ['admin'] }),
      till: await sign('till:store-001/till-01', { roles: ['till'], storeId: 'store-001', tillId: 'till-01' }),
      service: await sign('commerce-router', { roles: ['service'] }),
      member: (memberId) => sign(`member:${memberId}`, { roles: ['member'], memberId }),
      // a shopper's token: the customer id in the configured claim (default `sub`)
      customer: (customerId) =>
        sign(customerId, { roles: ['customer'], ...(config.auth.customerIdClaim === 'sub' ? {} : { [config.auth.customerIdClaim]: customerId }) }),
    },
    sign,
    async gql(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const bearer = token === undefined ? test.tokens.admin : token;
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      const res = await fetch(service.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as Omit<GqlResult, 'status'>;
      return { status: res.status, ...body } as GqlResult<any>;
    },
    async countQueries(fn) {
      const before = queries;
      await fn();
      return queries - before;
    },
    async recordQueries(fn) {
      const seen: string[] = [];
      recording = seen;
      try {
        await fn();
      } finally {
        recording = null;
      }
      return seen;
    },
    async stop() {
      await service.stop();
      await orm.close(true);
    },
  };
  keys.set(test, privateJwk);
  return test;
}

/** Fails the test with the server's errors when a GraphQL call did not succeed cleanly. */
export function ok<T>(result: GqlResult<T>): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL call failed (${result.status}): ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}
