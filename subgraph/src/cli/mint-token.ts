/**
 * Mints a token with the local signing key in $LOYALTY_DATA_DIR (created by the first `npm start`).
 *
 *   npm run token -- admin
 *   npm run token -- till <storeId> <tillId>
 *   npm run token -- service <subject>
 *   npm run token -- member <memberId>
 *   npm run token -- customer <customerId>
 *
 * Prints the token alone on stdout, so it can be captured: TOKEN=$(npm run -s token -- admin)
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { loadOrCreateLocalKey } from '../auth/local-key';
import { signToken, type LoyaltyClaims } from '../auth/tokens';
import { isUuid } from '../common/validation';

const USAGE = 'usage: npm run token -- admin | till <storeId> <tillId> | service <name> | member <memberId> | customer <customerId>';

function claimsFor(args: string[], customerIdClaim: string): { subject: string; claims: LoyaltyClaims } {
  const [role, a, b] = args;
  switch (role) {
    case 'admin':
      return { subject: 'cli-admin', claims: { roles: ['admin'] } };
    case 'till':
      if (!a || !b) throw new Error('till needs <storeId> <tillId>');
      return { subject: `till:${a}/${b}`, claims: { roles: ['till'], storeId: a, tillId: b } };
    case 'service':
      return { subject: a ?? 'service', claims: { roles: ['service'] } };
    case 'member':
      if (!a || !isUuid(a)) throw new Error('member needs the member id (a UUID)');
      return { subject: `member:${a}`, claims: { roles: ['member'], memberId: a.toLowerCase() } };
    case 'customer':
      // As the retailer's identity provider would issue it: the customer id in the configured claim.
      if (!a) throw new Error('customer needs the commerce customer id');
      return { subject: a, claims: { roles: ['customer'], ...(customerIdClaim === 'sub' ? {} : { [customerIdClaim]: a }) } };
    default:
      throw new Error(USAGE);
  }
}

async function main() {
  const config = loadConfig();
  if (!existsSync(path.join(config.dataDir, 'signing-key.json'))) {
    throw new Error(`No local signing key in ${config.dataDir}: run npm start once first (or set LOYALTY_DATA_DIR)`);
  }
  const { subject, claims } = claimsFor(process.argv.slice(2), config.auth.customerIdClaim);
  const { key } = await loadOrCreateLocalKey(config.dataDir);
  process.stdout.write((await signToken(key.privateJwk, config.auth, subject, claims, '30d')) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
