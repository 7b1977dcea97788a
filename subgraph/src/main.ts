import 'reflect-metadata';
import { loadConfig, ConfigError } from './config';
import { startLoyaltyService } from './app';
import { createLogger, type LogLevel } from './common/logger';
import { openDatabase, type Database } from './db/bootstrap';
import { loadOrCreateLocalKey } from './auth/local-key';
import { createTokenVerifier } from './auth/tokens';
import { writeDemoTokens } from './auth/demo-tokens';

const say = (line: string) => process.stdout.write(line + '\n');

async function main() {
  const config = loadConfig();
  const logger = createLogger((process.env.LOYALTY_LOG_LEVEL as LogLevel) || 'info');
  let db: Database | null = null;
  const shutdown = async (signal: string) => {
    say(`\n${signal}: stopping...`);
    await service?.stop().catch(() => {});
    await db?.close().catch(() => {});
    process.exit(0);
  };
  let service: Awaited<ReturnType<typeof startLoyaltyService>> | null = null;
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const externalKeys = Boolean(config.auth.jwksUrl || config.auth.publicKeyPem);
  // Before anything is opened or written: production verifies tokens with the identity provider's
  // keys only, never with a key this process would make (and print tokens for).
  if (config.production && !externalKeys) {
    throw new ConfigError(
      'NODE_ENV=production needs LOYALTY_JWKS_URL or LOYALTY_JWT_PUBLIC_KEY (the keys that sign your tokens); ' +
        'the local signing key and demo tokens exist only outside production',
    );
  }
  db = await openDatabase(config, say, logger);
  // Demo key and tokens: only outside production, and only without configured keys.
  const local = externalKeys || config.production ? null : await loadOrCreateLocalKey(config.dataDir);
  if (local?.created) say(`Created a local signing key in ${config.dataDir}/signing-key.json`);
  const verifyToken = await createTokenVerifier(config.auth, local?.key.publicJwk);
  service = await startLoyaltyService({ config, orm: db.orm, verifyToken, logger });

  say('');
  say(`Loyalty subgraph ready at ${service.url}`);
  if (config.webDir) {
    const origin = service.url.replace(/\/graphql$/, '');
    say(`  admin console: ${origin}/admin/   member portal: ${origin}/portal/`);
  }
  say(`  database: ${db.description}${db.seeded ? ' (demo programme seeded)' : ''}`);
  const { customer, order, product, orderChannel } = config.commerce;
  const describe = (e: typeof customer) => (e ? `${e.typeName}(${e.keyField}: ${e.keyType})` : 'none');
  say(`  commerce entities: customer ${describe(customer)}, order ${describe(order)} (sale ids of channel ${orderChannel}), product ${describe(product)}`);
  if (local) {
    const tokens = await writeDemoTokens(local.key, config.auth, config.dataDir);
    say('');
    say(`Demo tokens (valid 30 days, also in ${config.dataDir}/demo-tokens.json):`);
    say(`  admin: ${tokens.admin}`);
    say(`  till:  ${tokens.till}`);
    say('');
    say('Try (demo card 0420000000013):');
    say(`  TILL_TOKEN=$(node -p "require('${config.dataDir}/demo-tokens.json').till")`);
    say(`  curl -s ${service.url} -H 'content-type: application/json' -H "authorization: Bearer ${'$'}TILL_TOKEN" \\`);
    say(`    -d '{"query":"{ loyaltyMemberByCard(cardNumber: \\"0420000000013\\") { firstName lastName tier { name } } }"}'`);
  }
  say('');
  say('The till in a browser: npm run pos:web (in another terminal). Press Ctrl+C to stop.');
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else {
    process.stderr.write(`Could not start the loyalty subgraph: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
