import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { UserError } from '../../common/errors';
import { claimIdempotencyKey, idempotencyScope, storeResponse } from '../idempotency/idempotency';

/** Thrown inside a ledger transaction to roll it back and answer with these userErrors. */
export class Outcome extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.code).join(', '));
  }
}

export interface LedgerResult<R> {
  result: R | null;
  /** True when the idempotency key had been used before: `result` is the stored first result. */
  replayed: boolean;
  userErrors: UserError[];
}

const MAX_ATTEMPTS = 3;

/**
 * Runs one point-moving mutation as one transaction: claims the caller's idempotency key, runs `body`,
 * stores its result with the key, commits. An `Outcome` thrown by `body` rolls everything back
 * (the key stays unused) and becomes userErrors. Deadlocks are retried.
 */
export async function ledgerTransaction<R>(
  ctx: RequestContext,
  idempotency: { operation: string; key: string; request: unknown },
  body: (em: EntityManager) => Promise<R>,
): Promise<LedgerResult<R>> {
  const scope = idempotencyScope(ctx.principal);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.transactional(async (em) => {
        const claim = await claimIdempotencyKey<R>(em, scope, idempotency.operation, idempotency.key, idempotency.request);
        if (claim.kind === 'conflict') throw new Outcome([claim.error]);
        if (claim.kind === 'replay') return { result: claim.response, replayed: true, userErrors: [] };
        const result = await body(em);
        await storeResponse(em, scope, idempotency.operation, idempotency.key, result);
        return { result, replayed: false, userErrors: [] };
      });
    } catch (err) {
      if (err instanceof Outcome) return { result: null, replayed: false, userErrors: err.errors };
      if ((err instanceof DeadlockException || err instanceof LockWaitTimeoutException) && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** The same, for operations without an idempotency key (they are idempotent by nature). */
export async function plainLedgerTransaction<R>(ctx: RequestContext, body: (em: EntityManager) => Promise<R>): Promise<LedgerResult<R>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await ctx.em.transactional((em) => body(em));
      return { result, replayed: false, userErrors: [] };
    } catch (err) {
      if (err instanceof Outcome) return { result: null, replayed: false, userErrors: err.errors };
      if (err instanceof DeadlockException && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** The token subject recorded as the actor of journal entries. */
export function actorOf(ctx: RequestContext): string {
  return ctx.principal?.subject ?? 'system';
}
