import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../auth/principal';
import { ErrorCode, userError, type UserError } from '../../common/errors';

/** JSON with object keys sorted, so equal inputs hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function requestHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/**
 * The caller an idempotency key belongs to, as a fixed-length hash: a till (store and till), a
 * member, a shopper (customer id), or another role by token subject. Another caller using the same
 * key is independent of it.
 */
export function idempotencyScope(principal: Principal | null): string {
  let who: string;
  if (!principal) who = 'system';
  else if (principal.customerId) who = `customer:${principal.customerId}`;
  else if (principal.roles.has('till')) who = `till:${principal.storeId}/${principal.tillId}`;
  else if (principal.roles.has('member') && principal.memberId) who = `member:${principal.memberId}`;
  else who = `${[...principal.roles].sort().join('+')}:${principal.subject}`;
  return createHash('sha256').update(who).digest('hex');
}

export type Claim<R> = { kind: 'new' } | { kind: 'replay'; response: R } | { kind: 'conflict'; error: UserError };

/**
 * Claims (operation, caller scope, key) inside the caller's transaction. The first claim wins and must store its
 * response with `storeResponse` in the same transaction; a concurrent duplicate waits on the unique
 * index until the first commits (then replays) or rolls back (then claims). Same key with a
 * different request: IDEMPOTENCY_KEY_REUSED.
 */
export async function claimIdempotencyKey<R>(em: EntityManager, scope: string, operation: string, key: string, request: unknown): Promise<Claim<R>> {
  const hash = requestHash(request);
  const inserted = await em.execute<{ key: string }[]>(
    `insert into idempotency_record (operation, scope, key, request_hash, created_at) values (?, ?, ?, ?, now())
     on conflict (operation, scope, key) do nothing returning key`,
    [operation, scope, key, hash],
  );
  if (inserted.length) return { kind: 'new' };
  const rows = await em.execute<{ request_hash: string; response: R }[]>(
    `select request_hash, response from idempotency_record where operation = ? and scope = ? and key = ?`,
    [operation, scope, key],
  );
  const row = rows[0]!;
  if (row.request_hash !== hash) {
    return { kind: 'conflict', error: keyReusedError() };
  }
  return { kind: 'replay', response: row.response };
}

/** The answer for a key used before with a different request. */
export function keyReusedError(): UserError {
  return userError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used with a different request', ['input', 'idempotencyKey']);
}

export async function storeResponse(em: EntityManager, scope: string, operation: string, key: string, response: unknown): Promise<void> {
  await em.execute(`update idempotency_record set response = ?::jsonb where operation = ? and scope = ? and key = ?`, [JSON.stringify(response), operation, scope, key]);
}

/** Keys are client-chosen: 1..200 printable characters without spaces (UUIDs, `sale-123-capture`...). */
export function checkIdempotencyKey(key: string | null | undefined): UserError | null {
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return userError(ErrorCode.INVALID_INPUT, 'idempotencyKey must be 1 to 200 printable characters without spaces', ['input', 'idempotencyKey']);
  }
  return null;
}
