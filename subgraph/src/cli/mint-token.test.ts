import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateLocalKey } from '../auth/local-key';
import { createTokenVerifier, type TokenVerifier } from '../auth/tokens';
import { loadConfig } from '../config';
import { buildSubgraphOnce, runNode } from '../test-support/build';

/** The compiled CLI that `npm run token -- ...` runs after building. */
let cli: string;
let dataDir: string;
let emptyDir: string;
let verify: TokenVerifier;

beforeAll(async () => {
  cli = path.join(await buildSubgraphOnce(), 'subgraph/src/cli/mint-token.js');
  dataDir = mkdtempSync(path.join(tmpdir(), 'loyalty-token-'));
  emptyDir = mkdtempSync(path.join(tmpdir(), 'loyalty-token-empty-'));
  const { key } = await loadOrCreateLocalKey(dataDir);
  verify = await createTokenVerifier(loadConfig({ LOYALTY_DATA_DIR: dataDir }).auth, key.publicJwk);
}, 180_000);
afterAll(() => {
  for (const dir of [dataDir, emptyDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const mint = (args: string[], dir = dataDir, env: Record<string, string> = {}) => runNode([cli, ...args], { env: { LOYALTY_DATA_DIR: dir, ...env } });

describe('npm run token', () => {
  it('mints a token for every role that verifies into the right principal', async () => {
    const memberId = randomUUID();
    const cases: [string[], Record<string, unknown>][] = [
      [['admin'], { roles: new Set(['admin']) }],
      [['till', 'store-001', 'till-01'], { roles: new Set(['till']), storeId: 'store-001', tillId: 'till-01' }],
      [['service', 'checkout'], { roles: new Set(['service']), subject: 'checkout' }],
      [['member', memberId.toUpperCase()], { roles: new Set(['member']), memberId }],
      [['customer', 'cust-1'], { roles: new Set(['customer']), customerId: 'cust-1', subject: 'cust-1' }],
    ];
    for (const [args, principal] of cases) {
      const out = await mint(args);
      expect(out.code, `${args.join(' ')}: ${out.stderr}`).toBe(0);
      expect(out.stderr).toBe('');
      // the token alone on stdout, so that TOKEN=$(npm run -s token -- ...) works
      expect(out.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
      expect(await verify(out.stdout.trim()), args.join(' ')).toMatchObject(principal);
    }
  });

  it('puts the customer id in the configured claim', async () => {
    const out = await mint(['customer', 'cust-9'], dataDir, { LOYALTY_CUSTOMER_ID_CLAIM: 'customer_id' });
    expect(out.code).toBe(0);
    const { key } = await loadOrCreateLocalKey(dataDir);
    const verifyClaim = await createTokenVerifier(loadConfig({ LOYALTY_DATA_DIR: dataDir, LOYALTY_CUSTOMER_ID_CLAIM: 'customer_id' }).auth, key.publicJwk);
    expect(await verifyClaim(out.stdout.trim())).toMatchObject({ customerId: 'cust-9' });
  });

  it('without a local key: says how to get one, exits 1, writes no key', async () => {
    const out = await mint(['admin'], emptyDir);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`No local signing key in ${emptyDir}`);
    expect(out.stderr).toContain('npm start');
    expect(readdirSync(emptyDir)).toEqual([]);
  });

  it('with missing or bad arguments: prints what is needed, exits 1', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^usage: npm run token -- admin \| till <storeId> <tillId> \| service <name> \| member <memberId> \| customer <customerId>/],
      [['wizard'], /^usage: npm run token/],
      [['till', 'store-001'], /till needs <storeId> <tillId>/],
      [['member', 'not-a-uuid'], /member needs the member id \(a UUID\)/],
      [['customer'], /customer needs the commerce customer id/],
    ];
    for (const [args, message] of cases) {
      const out = await mint(args);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr, args.join(' ')).toMatch(message);
    }
  });
});
