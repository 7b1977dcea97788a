import { promises as fs } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface LocalKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

const FILE = 'signing-key.json';

/**
 * Loads the local ES256 signing key from the data directory, creating it (mode 0600) on first start.
 * Only for the embedded/demo setup; production deployments verify against their identity provider.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<{ key: LocalKeyPair; created: boolean }> {
  const file = path.join(dataDir, FILE);
  try {
    const privateJwk = JSON.parse(await fs.readFile(file, 'utf8')) as JWK;
    return { key: { privateJwk, publicJwk: publicPart(privateJwk) }, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Cannot read the local signing key ${file}: ${(err as Error).message}`);
    }
  }
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  privateJwk.alg = 'ES256';
  privateJwk.use = 'sig';
  privateJwk.kid = await calculateJwkThumbprint(privateJwk);
  await fs.mkdir(dataDir, { recursive: true });
  // 'wx' refuses to overwrite a key another process wrote meanwhile.
  await fs.writeFile(file, JSON.stringify(privateJwk, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (err) => {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  });
  const stored = JSON.parse(await fs.readFile(file, 'utf8')) as JWK;
  return { key: { privateJwk: stored, publicJwk: publicPart(stored) }, created: true };
}

function publicPart(jwk: JWK): JWK {
  const { d: _d, ...pub } = jwk;
  return pub;
}
