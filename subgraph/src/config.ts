import path from 'node:path';

/** Names of the commerce graph's entity types that this subgraph extends (DESIGN.md §4). */
export interface CommerceTypeNames {
  customer: string;
  order: string;
  product: string;
}

export interface AuthConfig {
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim. */
  audience: string;
  /** Accepted JWS algorithms; anything else is rejected (no `none`, no algorithm confusion). */
  algorithms: string[];
  /** Remote JWKS endpoint; when set, the local key is not used for verification. */
  jwksUrl?: string;
  /** PEM (SPKI) public key; alternative to a JWKS URL. */
  publicKeyPem?: string;
}

export interface Config {
  /** HTTP port; GraphQL is served at `/graphql`. */
  port: number;
  /** External PostgreSQL; when absent the embedded server is used. */
  databaseUrl?: string;
  /** Holds the embedded cluster, the local signing key and `demo-tokens.json`. */
  dataDir: string;
  /** Port of the embedded PostgreSQL server. */
  embeddedDbPort: number;
  /** Seed the demo programme on a database given by `DATABASE_URL` (never done unless asked). */
  seedDemo: boolean;
  commerceTypes: CommerceTypeNames;
  auth: AuthConfig;
  /** Include stack traces in errors (never in production). */
  exposeStacktraces: boolean;
  /** Allow introspection queries. */
  introspection: boolean;
  /** Largest accepted request body, bytes. */
  maxBodyBytes: number;
  /** Seconds between maintenance runs (expiry, pending points, birthday bonuses); 0 = never. */
  maintenanceIntervalSeconds: number;
  /** How long a replica may use programme settings and rules changed on another replica. */
  programmeCacheSeconds: number;
  /** `smtp://` or `smtps://` server for e-mail; without it e-mails go to the log only. */
  smtpUrl?: string;
  /** The From of e-mails, e.g. `Loyalty <loyalty@example.com>`. */
  smtpFrom: string;
}

/** Thrown for configuration that cannot work; the message says which variable and why. */
export class ConfigError extends Error {}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function typeNameFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = (env[name] ?? '').trim() || fallback;
  if (!GRAPHQL_NAME.test(value)) throw new ConfigError(`${name} must be a GraphQL type name, got "${value}"`);
  return value;
}

/** Reads the service configuration from the environment (DESIGN.md §2 lists the contract names). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const commerceTypes: CommerceTypeNames = {
    customer: typeNameFromEnv(env, 'COMMERCE_CUSTOMER_TYPE', 'Customer'),
    order: typeNameFromEnv(env, 'COMMERCE_ORDER_TYPE', 'Order'),
    product: typeNameFromEnv(env, 'COMMERCE_PRODUCT_TYPE', 'Product'),
  };
  const names = Object.values(commerceTypes);
  if (new Set(names).size !== names.length) {
    throw new ConfigError(`COMMERCE_*_TYPE names must differ, got ${names.join(', ')}`);
  }
  const algorithms = (env.LOYALTY_JWT_ALGORITHMS ?? 'ES256,RS256')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (algorithms.length === 0 || algorithms.some((a) => a.toLowerCase() === 'none' || a.startsWith('HS'))) {
    throw new ConfigError('LOYALTY_JWT_ALGORITHMS must list asymmetric algorithms (e.g. ES256,RS256)');
  }
  const smtpUrl = env.LOYALTY_SMTP_URL?.trim() || undefined;
  if (smtpUrl) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^smtps?:$/.test(parsed.protocol) || !parsed.hostname) {
      throw new ConfigError('LOYALTY_SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587');
    }
  }
  const smtpFrom = env.LOYALTY_SMTP_FROM?.trim() || 'Loyalty <loyalty@example.com>';
  if (/[\r\n]/.test(smtpFrom)) throw new ConfigError('LOYALTY_SMTP_FROM must be one line');
  return {
    port: intFromEnv(env, 'PORT', 4001, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(env.LOYALTY_DATA_DIR?.trim() || '.data'),
    embeddedDbPort: intFromEnv(env, 'LOYALTY_EMBEDDED_DB_PORT', 54329, 1, 65535),
    seedDemo: env.LOYALTY_SEED === 'demo',
    commerceTypes,
    auth: {
      issuer: env.LOYALTY_JWT_ISSUER?.trim() || 'urn:loyalty:local',
      audience: env.LOYALTY_JWT_AUDIENCE?.trim() || 'loyalty-subgraph',
      algorithms,
      jwksUrl: env.LOYALTY_JWKS_URL?.trim() || undefined,
      publicKeyPem: env.LOYALTY_JWT_PUBLIC_KEY?.trim() || undefined,
    },
    exposeStacktraces: !production && env.LOYALTY_DEBUG_ERRORS === '1',
    introspection: !production,
    maxBodyBytes: intFromEnv(env, 'LOYALTY_MAX_BODY_BYTES', 1_000_000, 1_000, 50_000_000),
    maintenanceIntervalSeconds: intFromEnv(env, 'LOYALTY_MAINTENANCE_INTERVAL_SECONDS', 60, 0, 86_400),
    programmeCacheSeconds: intFromEnv(env, 'LOYALTY_PROGRAMME_CACHE_SECONDS', 5, 0, 3_600),
    smtpUrl,
    smtpFrom,
  };
}
