import path from 'node:path';

/** GraphQL types a commerce graph may key its entities by. */
export const COMMERCE_KEY_TYPES = ['ID', 'String', 'Int'] as const;
export type CommerceKeyType = (typeof COMMERCE_KEY_TYPES)[number];

/** One commerce entity this subgraph extends: the host graph's type name and its `@key` field. */
export interface CommerceEntity {
  typeName: string;
  keyField: string;
  keyType: CommerceKeyType;
}

/**
 * The commerce graph's entities that this subgraph extends (DESIGN.md §4); null turns that
 * extension off (`COMMERCE_ORDER_TYPE=none` for a graph without orders).
 */
export interface CommerceConfig {
  customer: CommerceEntity | null;
  order: CommerceEntity | null;
  product: CommerceEntity | null;
  /** The channel whose sale ids are the order keys (a web checkout's sale id is its order id). */
  orderChannel: string;
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
  /** The token claim that carries a shopper's commerce customer id (role `customer`). */
  customerIdClaim: string;
  /**
   * The retailer's shopper identity provider, when its tokens are accepted directly: every token
   * with this issuer is a `customer` token (whatever roles it claims), verified with these keys.
   */
  customerIdp?: { issuer: string; audience: string; jwksUrl?: string; publicKeyPem?: string };
}

export interface Config {
  /** `NODE_ENV=production`: no demo keys or tokens, no introspection, `_service` only for the router or staff. */
  production: boolean;
  /**
   * Shared secret of the router (`LOYALTY_ROUTER_SECRET`): when set, every GraphQL request must
   * carry it in `x-loyalty-router-secret`, so only the router reaches `_entities` and `_service`.
   */
  routerSecret?: string;
  /** HTTP port; GraphQL is served at `/graphql`. */
  port: number;
  /** External PostgreSQL; when absent the embedded server is used. */
  databaseUrl?: string;
  /** Holds the embedded cluster, the local signing key and `demo-tokens.json`. */
  dataDir: string;
  /**
   * The built back office (`LOYALTY_WEB_DIR`, default `admin-web/dist`): the console at /admin/ and
   * the portal at /portal/; null (`off`) serves neither.
   */
  webDir: string | null;
  /** Port of the embedded PostgreSQL server. */
  embeddedDbPort: number;
  /** Seed the demo programme on a database given by `DATABASE_URL` (never done unless asked). */
  seedDemo: boolean;
  commerce: CommerceConfig;
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
  /** The admin table's `totalCount` is counted exactly up to this many matches, estimated above (docs/scale.md). */
  searchExactCountLimit: number;
  /** Longest an audience count may run (LOYALTY_AUDIENCE_TIMEOUT_MS, default 15000). */
  audienceTimeoutMs: number;
  /** How far back a sale's occurredAt may decide campaign windows and periods (offline tills); older sales are judged when booked. */
  campaignOfflineGraceMs: number;
  /** `smtp://` or `smtps://` server for e-mail; without it e-mails go to the log only. */
  smtpUrl?: string;
  /** The From of e-mails, e.g. `Loyalty <loyalty@example.com>`. */
  smtpFrom: string;
  /** Which tills may capture or release a hold: the till that placed it (`till`) or any till of its store (`store`). */
  tillHoldScope: 'till' | 'store';
  /** What one GraphQL operation may ask for; larger ones are refused before anything runs (docs/security.md). */
  limits: OperationLimits;
  /** `LOYALTY_DEBUG_SQL=1`: log every SQL statement, with placeholders, never the values. */
  debugSql: boolean;
  /**
   * Book the common earn, hold and capture in one SQL statement each (`LOYALTY_LEDGER_ONE_STATEMENT`,
   * default `on`); `off` sends every operation the general way, for diagnosis and comparison.
   */
  ledgerOneStatement: boolean;
  /**
   * Group commit of those statements: up to `size` concurrent operations of this instance in one
   * transaction (`LOYALTY_LEDGER_BATCH_SIZE`, 1 = each alone), with at most `concurrency` such
   * transactions at once over earn, hold and capture together (`LOYALTY_LEDGER_BATCH_CONCURRENCY`,
   * at most 8 of the pool's 10 connections, so the general path and reads always find one).
   */
  ledgerBatch: { size: number; concurrency: number };
}

/**
 * Limits on one GraphQL operation, checked before it executes (`server/limits.ts`). Each comes from
 * `LOYALTY_MAX_<NAME>`; docs/security.md gives the reasoning for each default.
 */
export interface OperationLimits {
  /** Deepest field nesting, fragments flattened (`LOYALTY_MAX_DEPTH`). */
  maxDepth: number;
  /** Aliased fields, counting each fragment once (`LOYALTY_MAX_ALIASES`). */
  maxAliases: number;
  /** Lexical tokens of the document; parsing stops at the first one over (`LOYALTY_MAX_TOKENS`). */
  maxTokens: number;
  /** Directives used in the document (`LOYALTY_MAX_DIRECTIVES`). */
  maxDirectives: number;
  /** Estimated cost, lists multiplied by their size (`first`, representations) (`LOYALTY_MAX_COST`). */
  maxCost: number;
}

/** The defaults of {@link OperationLimits}; docs/security.md explains each. */
export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 2_000, maxDirectives: 50, maxCost: 10_000 };

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

/** Field names this subgraph adds to commerce entities: a key may not be one of them. */
const EXTENSION_FIELDS = ['loyalty', 'loyaltyActivity', 'loyaltyEarnPreview'];

/** `COMMERCE_<ENTITY>_TYPE` (a type name or `none`) and `COMMERCE_<ENTITY>_KEY` (`field` or `field:Type`). */
function commerceEntityFromEnv(env: NodeJS.ProcessEnv, entity: 'CUSTOMER' | 'ORDER' | 'PRODUCT', fallbackType: string): CommerceEntity | null {
  const typeVar = `COMMERCE_${entity}_TYPE`;
  const keyVar = `COMMERCE_${entity}_KEY`;
  const typeName = (env[typeVar] ?? '').trim() || fallbackType;
  if (typeName === 'none') return null;
  if (!GRAPHQL_NAME.test(typeName) || typeName.startsWith('__')) {
    throw new ConfigError(`${typeVar} must be a GraphQL type name or "none", got "${typeName}"`);
  }
  if (/loyalty/i.test(typeName) || ['Query', 'Mutation', 'Subscription'].includes(typeName)) {
    throw new ConfigError(`${typeVar} must name the commerce graph's own type, got "${typeName}"`);
  }
  const rawKey = (env[keyVar] ?? '').trim() || 'id:ID';
  const match = /^([_A-Za-z][_0-9A-Za-z]*)(?::([A-Za-z]+))?$/.exec(rawKey);
  const keyType = (match?.[2] ?? 'ID') as CommerceKeyType;
  if (!match || !COMMERCE_KEY_TYPES.includes(keyType)) {
    throw new ConfigError(`${keyVar} must be "field" or "field:Type" with Type ID, String or Int (e.g. "email:String"), got "${rawKey}"`);
  }
  if (EXTENSION_FIELDS.includes(match[1]!)) throw new ConfigError(`${keyVar} names a field the loyalty subgraph adds: "${match[1]}"`);
  return { typeName, keyField: match[1]!, keyType };
}

function onOffFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = (env[name] ?? '').trim();
  if (value === '') return fallback;
  if (value !== 'on' && value !== 'off') throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
  return value === 'on';
}

function tillHoldScopeFromEnv(env: NodeJS.ProcessEnv): 'till' | 'store' {
  const value = (env.LOYALTY_TILL_HOLD_SCOPE ?? '').trim() || 'till';
  if (value !== 'till' && value !== 'store') throw new ConfigError(`LOYALTY_TILL_HOLD_SCOPE must be "till" or "store", got "${value}"`);
  return value;
}

/** Reads the service configuration from the environment (DESIGN.md §2 lists the contract names). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const orderChannel = (env.COMMERCE_ORDER_CHANNEL ?? '').trim() || 'web';
  if (orderChannel.length > 64 || /[\s\p{C}]/u.test(orderChannel)) {
    throw new ConfigError(`COMMERCE_ORDER_CHANNEL must be a channel name without spaces, got "${orderChannel}"`);
  }
  const commerce: CommerceConfig = {
    customer: commerceEntityFromEnv(env, 'CUSTOMER', 'Customer'),
    order: commerceEntityFromEnv(env, 'ORDER', 'Order'),
    product: commerceEntityFromEnv(env, 'PRODUCT', 'Product'),
    orderChannel,
  };
  const names = [commerce.customer, commerce.order, commerce.product].flatMap((e) => (e ? [e.typeName] : []));
  if (new Set(names).size !== names.length) {
    throw new ConfigError(`COMMERCE_*_TYPE names must differ, got ${names.join(', ')}`);
  }
  const customerIdClaim = (env.LOYALTY_CUSTOMER_ID_CLAIM ?? '').trim() || 'sub';
  if (!/^[\w:./-]{1,100}$/.test(customerIdClaim)) throw new ConfigError(`LOYALTY_CUSTOMER_ID_CLAIM must be a claim name, got "${customerIdClaim}"`);
  const customerIssuer = env.LOYALTY_CUSTOMER_JWT_ISSUER?.trim() || undefined;
  const customerJwksUrl = env.LOYALTY_CUSTOMER_JWKS_URL?.trim() || undefined;
  const customerPublicKeyPem = env.LOYALTY_CUSTOMER_JWT_PUBLIC_KEY?.trim() || undefined;
  if ((customerJwksUrl || customerPublicKeyPem) && !customerIssuer) {
    throw new ConfigError('LOYALTY_CUSTOMER_JWKS_URL / LOYALTY_CUSTOMER_JWT_PUBLIC_KEY need LOYALTY_CUSTOMER_JWT_ISSUER (the shopper identity provider\'s iss)');
  }
  if (customerIssuer && !customerJwksUrl && !customerPublicKeyPem) {
    throw new ConfigError('LOYALTY_CUSTOMER_JWT_ISSUER needs LOYALTY_CUSTOMER_JWKS_URL or LOYALTY_CUSTOMER_JWT_PUBLIC_KEY to verify its tokens');
  }
  const issuer = env.LOYALTY_JWT_ISSUER?.trim() || 'urn:loyalty:local';
  if (customerIssuer && customerIssuer === issuer) {
    throw new ConfigError('LOYALTY_CUSTOMER_JWT_ISSUER must differ from LOYALTY_JWT_ISSUER: shopper tokens must never carry staff roles');
  }
  const audience = env.LOYALTY_JWT_AUDIENCE?.trim() || 'loyalty-subgraph';
  const customerIdp = customerIssuer
    ? { issuer: customerIssuer, audience: env.LOYALTY_CUSTOMER_JWT_AUDIENCE?.trim() || audience, jwksUrl: customerJwksUrl, publicKeyPem: customerPublicKeyPem }
    : undefined;
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
  const routerSecret = env.LOYALTY_ROUTER_SECRET?.trim() || undefined;
  if (routerSecret !== undefined && (routerSecret.length < 16 || !/^[\x21-\x7e]+$/.test(routerSecret))) {
    throw new ConfigError('LOYALTY_ROUTER_SECRET must be at least 16 printable characters without spaces (e.g. openssl rand -hex 32)');
  }
  return {
    production,
    routerSecret,
    port: intFromEnv(env, 'PORT', 4001, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(env.LOYALTY_DATA_DIR?.trim() || '.data'),
    webDir: env.LOYALTY_WEB_DIR?.trim() === 'off' ? null : path.resolve(env.LOYALTY_WEB_DIR?.trim() || 'admin-web/dist'),
    embeddedDbPort: intFromEnv(env, 'LOYALTY_EMBEDDED_DB_PORT', 54329, 1, 65535),
    seedDemo: env.LOYALTY_SEED === 'demo',
    commerce,
    auth: {
      issuer,
      audience,
      algorithms,
      jwksUrl: env.LOYALTY_JWKS_URL?.trim() || undefined,
      publicKeyPem: env.LOYALTY_JWT_PUBLIC_KEY?.trim() || undefined,
      customerIdClaim,
      customerIdp,
    },
    exposeStacktraces: !production && env.LOYALTY_DEBUG_ERRORS === '1',
    introspection: !production,
    maxBodyBytes: intFromEnv(env, 'LOYALTY_MAX_BODY_BYTES', 1_000_000, 1_000, 50_000_000),
    maintenanceIntervalSeconds: intFromEnv(env, 'LOYALTY_MAINTENANCE_INTERVAL_SECONDS', 60, 0, 86_400),
    programmeCacheSeconds: intFromEnv(env, 'LOYALTY_PROGRAMME_CACHE_SECONDS', 5, 0, 3_600),
    searchExactCountLimit: intFromEnv(env, 'LOYALTY_SEARCH_EXACT_COUNT', 1_000, 0, 1_000_000),
    audienceTimeoutMs: intFromEnv(env, 'LOYALTY_AUDIENCE_TIMEOUT_MS', 15_000, 1, 600_000),
    campaignOfflineGraceMs: intFromEnv(env, 'LOYALTY_CAMPAIGN_OFFLINE_GRACE_HOURS', 72, 0, 87_600) * 3_600_000,
    smtpUrl,
    smtpFrom,
    tillHoldScope: tillHoldScopeFromEnv(env),
    limits: {
      maxDepth: intFromEnv(env, 'LOYALTY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 1_000),
      maxAliases: intFromEnv(env, 'LOYALTY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 100_000),
      maxTokens: intFromEnv(env, 'LOYALTY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 50, 1_000_000),
      maxDirectives: intFromEnv(env, 'LOYALTY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 100_000),
      maxCost: intFromEnv(env, 'LOYALTY_MAX_COST', DEFAULT_LIMITS.maxCost, 10, 100_000_000),
    },
    debugSql: env.LOYALTY_DEBUG_SQL === '1',
    ledgerOneStatement: onOffFromEnv(env, 'LOYALTY_LEDGER_ONE_STATEMENT', true),
    ledgerBatch: {
      size: intFromEnv(env, 'LOYALTY_LEDGER_BATCH_SIZE', 32, 1, 32),
      concurrency: intFromEnv(env, 'LOYALTY_LEDGER_BATCH_CONCURRENCY', 2, 1, 8),
    },
  };
}
