import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from './auth/tokens';
import { loadConfig } from './config';
import { buildSubgraphOnce, runNode, spawnNode } from './test-support/build';
import { createTestDatabase, databaseUrl } from './test-support/harness';

/** The compiled service, as `npm start` runs it. */
let main: string;
let dbUrl: string;
const dirs: string[] = [];

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'loyalty-main-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  main = path.join(await buildSubgraphOnce(), 'subgraph/src/main.js');
  dbUrl = databaseUrl(await createTestDatabase());
}, 180_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const READY = /Loyalty subgraph ready at (http:\/\/\S+)/;

describe('production start-up', () => {
  const env = { NODE_ENV: 'production', PORT: '0', DATABASE_URL: '', LOYALTY_MAINTENANCE_INTERVAL_SECONDS: '0' };
  beforeAll(() => {
    env.DATABASE_URL = dbUrl;
  });

  it('without LOYALTY_JWKS_URL or LOYALTY_JWT_PUBLIC_KEY the service refuses to start, making and printing no key or token', async () => {
    const dir = dataDir();
    const started = Date.now();
    const out = await runNode([main], { env: { ...env, LOYALTY_DATA_DIR: dir }, timeoutMs: 20_000 });
    expect(out.stdout).not.toMatch(READY);
    expect(out.code, out.stdout + out.stderr).toBe(1);
    expect(out.stderr).toMatch(/LOYALTY_JWKS_URL or LOYALTY_JWT_PUBLIC_KEY/);
    expect(out.stdout + out.stderr).not.toContain('eyJ');
    expect(readdirSync(dir)).toEqual([]); // no signing-key.json, no demo-tokens.json
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('with a public key it starts, prints no token, and serves tokens signed by that key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const dir = dataDir();
    const proc = spawnNode([main], { env: { ...env, LOYALTY_DATA_DIR: dir, LOYALTY_JWT_PUBLIC_KEY: await exportSPKI(publicKey) }, timeoutMs: 30_000 });
    try {
      const ready = await proc.waitFor(READY);
      expect(ready).not.toBeNull();
      const auth = loadConfig(env).auth;
      const token = await signToken(await exportJWK(privateKey), auth, 'ops-admin', { roles: ['admin'] });
      const res = await fetch(ready![1]!, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ loyaltyTiers { id } }' }) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { loyaltyTiers: [] } });
    } finally {
      const out = await proc.stop();
      expect(out.stdout).not.toContain('eyJ');
      expect(out.stdout).not.toMatch(/demo tokens/i);
      expect(readdirSync(dir)).toEqual([]);
    }
  });
});
