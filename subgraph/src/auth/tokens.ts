import { createPublicKey } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, importJWK, jwtVerify, SignJWT, type JWTPayload, type JWK } from 'jose';
import { ConfigError, type AuthConfig } from '../config';
import { AuthenticationError } from '../common/errors';
import { ROLES, type Principal, type Role } from './principal';

/** Claims this service reads from a token, beside the registered ones (`sub`, `iss`, `aud`, `exp`). */
export interface LoyaltyClaims {
  roles: Role[];
  memberId?: string;
  storeId?: string;
  tillId?: string;
  /** Other claims, e.g. the configured customer-id claim of a `customer` token. */
  [claim: string]: unknown;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The commerce customer id a shopper's token carries in `claim`: text (or a whole number), one line. */
function customerIdFrom(payload: JWTPayload, claim: string): string {
  const raw = payload[claim];
  const value = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof value !== 'string' || value.length === 0 || value.length > 256 || /\p{C}/u.test(value)) {
    throw new AuthenticationError(`Customer token has no valid ${claim} claim`);
  }
  return value;
}

function principalFromPayload(payload: JWTPayload, customerIdClaim: string): Principal {
  const rawRoles = payload.roles;
  if (!Array.isArray(rawRoles) || rawRoles.length === 0) throw new AuthenticationError('Token carries no roles');
  const roles = new Set<Role>();
  for (const r of rawRoles) {
    if (!(ROLES as readonly unknown[]).includes(r)) throw new AuthenticationError(`Token carries an unknown role: ${String(r)}`);
    roles.add(r as Role);
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthenticationError('Token has no subject');
  const principal: Principal = { subject: payload.sub, roles };
  if (roles.has('member')) {
    if (typeof payload.memberId !== 'string' || !UUID.test(payload.memberId)) {
      throw new AuthenticationError('Member token has no valid memberId claim');
    }
    principal.memberId = payload.memberId.toLowerCase();
  }
  if (roles.has('till')) {
    if (typeof payload.storeId !== 'string' || !DEVICE_ID.test(payload.storeId) || typeof payload.tillId !== 'string' || !DEVICE_ID.test(payload.tillId)) {
      throw new AuthenticationError('Till token must name its storeId and tillId');
    }
    principal.storeId = payload.storeId;
    principal.tillId = payload.tillId;
  }
  if (roles.has('customer')) {
    if (roles.size > 1) throw new AuthenticationError('A customer token carries no other role');
    principal.customerId = customerIdFrom(payload, customerIdClaim);
  }
  return principal;
}

/** A JWKS URL, or a PEM public key (a Node KeyObject: jose checks it against each pinned algorithm). */
function keySet(jwksUrl: string | undefined, publicKeyPem: string | undefined, pemVariable: string) {
  if (jwksUrl) return createRemoteJWKSet(new URL(jwksUrl));
  if (!publicKeyPem) return null;
  try {
    return createPublicKey(publicKeyPem);
  } catch {
    throw new ConfigError(`${pemVariable} is not a PEM public key (-----BEGIN PUBLIC KEY----- ...)`);
  }
}

/**
 * Builds the bearer-token verifier: signature (JWKS URL, PEM key or the local key), issuer, audience,
 * pinned algorithms and expiry are all checked before any claim is read.
 */
export async function createTokenVerifier(config: AuthConfig, localPublicJwk?: JWK): Promise<TokenVerifier> {
  const keyOrSet = keySet(config.jwksUrl, config.publicKeyPem, 'LOYALTY_JWT_PUBLIC_KEY') ?? (localPublicJwk ? createLocalJWKSet({ keys: [localPublicJwk] }) : null);
  if (!keyOrSet) throw new Error('No key to verify tokens with: set LOYALTY_JWKS_URL or LOYALTY_JWT_PUBLIC_KEY');
  const idp = config.customerIdp;
  const idpKeys = idp ? keySet(idp.jwksUrl, idp.publicKeyPem, 'LOYALTY_CUSTOMER_JWT_PUBLIC_KEY') : null;
  const verify = jwtVerify as (token: string, key: unknown, options: object) => Promise<{ payload: JWTPayload }>;
  // Verified tokens, until they expire: the same till sends the same token all day, and an ES256
  // verification costs more than a small query. Bounded; the oldest entries go first.
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  const MAX_CACHED = 10_000;
  return async (token) => {
    const hit = verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.principal;
    if (hit) verified.delete(token);
    // A shopper's token from the retailer's identity provider is told apart by its issuer (read
    // unverified only to pick the key; the verification below checks it) and is only ever a
    // customer: whatever roles it claims are ignored.
    let claimedIssuer: unknown;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      throw new AuthenticationError('Token is not valid');
    }
    const shopper = idp !== undefined && idpKeys !== null && claimedIssuer === idp.issuer;
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token, shopper ? idpKeys : keyOrSet, {
        issuer: shopper ? idp.issuer : config.issuer,
        audience: shopper ? idp.audience : config.audience,
        algorithms: config.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      }));
    } catch (err) {
      const reason = (err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'Token has expired' : 'Token is not valid';
      throw new AuthenticationError(reason);
    }
    const principal = shopper
      ? { subject: payload.sub!, roles: new Set<Role>(['customer']), customerId: customerIdFrom(payload, config.customerIdClaim) }
      : principalFromPayload(payload, config.customerIdClaim);
    if (verified.size >= MAX_CACHED) verified.delete(verified.keys().next().value!);
    verified.set(token, { principal, expiresAt: Math.min(payload.exp! * 1000, Date.now() + 3_600_000) });
    return principal;
  };
}

/** Signs a token with the local key (demo tokens, tests, the mint-token command). */
export async function signToken(
  privateJwk: JWK,
  config: Pick<AuthConfig, 'issuer' | 'audience'>,
  subject: string,
  claims: LoyaltyClaims,
  expiresIn: string | number = '30d',
): Promise<string> {
  const key = await importJWK(privateJwk, privateJwk.alg ?? 'ES256');
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: privateJwk.alg ?? 'ES256', kid: privateJwk.kid })
    .setSubject(subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
