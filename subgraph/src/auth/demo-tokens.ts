import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../config';
import type { LocalKeyPair } from './local-key';
import { signToken } from './tokens';

export interface DemoTokens {
  admin: string;
  till: string;
}

/** The till the demo till token is bound to. */
export const DEMO_TILL = { storeId: 'store-001', tillId: 'till-01' };

/**
 * Mints ready-to-use demo tokens (30 days) with the local key and writes them to
 * `$LOYALTY_DATA_DIR/demo-tokens.json` as `{ "admin": "...", "till": "..." }` (contract).
 */
export async function writeDemoTokens(key: LocalKeyPair, auth: AuthConfig, dataDir: string): Promise<DemoTokens> {
  const tokens: DemoTokens = {
    admin: await signToken(key.privateJwk, auth, 'demo-admin', { roles: ['admin'] }),
    till: await signToken(key.privateJwk, auth, `till:${DEMO_TILL.storeId}/${DEMO_TILL.tillId}`, { roles: ['till'], ...DEMO_TILL }),
  };
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(path.join(dataDir, 'demo-tokens.json'), JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });
  return tokens;
}
