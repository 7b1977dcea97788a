import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Principal, Role } from '../auth/principal';
import { AuthenticationError, ForbiddenError } from './errors';
import type { Logger } from './logger';
import { createLoaders, type Loaders } from './loaders';
import type { ProgrammeCache } from '../modules/programme/programme.cache';

/**
 * Everything a request needs, created once per request: a forked EntityManager (its own identity
 * map), the verified caller, and request-scoped DataLoaders. Services take it as first argument.
 */
export interface RequestContext {
  em: EntityManager;
  principal: Principal | null;
  loaders: Loaders;
  config: Config;
  logger: Logger;
  /** This service instance's cache of programme settings and rules. */
  programme: ProgrammeCache;
}

export function createRequestContext(em: EntityManager, principal: Principal | null, config: Config, logger: Logger, programme: ProgrammeCache): RequestContext {
  const forked = em.fork({ clear: true });
  return { em: forked, principal, loaders: createLoaders(forked, programme), config, logger, programme };
}

/** Throws UNAUTHENTICATED without a principal and FORBIDDEN when none of `roles` is held. */
export function requireRole(ctx: Pick<RequestContext, 'principal'>, roles: readonly Role[]): Principal {
  const principal = ctx.principal;
  if (!principal) throw new AuthenticationError();
  if (!roles.some((r) => principal.roles.has(r))) throw new ForbiddenError(`This needs one of the roles: ${roles.join(', ')}`);
  return principal;
}

/** Whether the caller may see this member: staff see every member, a member (or enrolled shopper) only its own. */
export function canReadMember(ctx: Pick<RequestContext, 'principal'>, memberId: string): boolean {
  const principal = ctx.principal;
  if (!principal) return false;
  if (principal.roles.has('admin') || principal.roles.has('till') || principal.roles.has('service')) return true;
  return principal.memberId !== undefined && principal.memberId === memberId.toLowerCase();
}

/**
 * Access to one member's data: staff roles see every member, a member token only its own.
 * Throws FORBIDDEN for another member's id.
 */
export function requireMemberAccess(ctx: Pick<RequestContext, 'principal'>, memberId: string): Principal {
  const principal = requireRole(ctx, ['admin', 'till', 'service', 'member']);
  const staff = principal.roles.has('admin') || principal.roles.has('till') || principal.roles.has('service');
  if (!staff && principal.memberId !== memberId.toLowerCase()) throw new ForbiddenError('A member may read only their own data');
  return principal;
}
