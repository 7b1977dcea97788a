import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { requireRole } from '../common/context';
import { ROLES, type Role } from './principal';

/**
 * type-graphql's `@Authorized(...roles)`: no principal -> UNAUTHENTICATED, none of the roles ->
 * FORBIDDEN (thrown as coded errors rather than type-graphql's generic ones). `@Authorized()`
 * with no roles admits any authenticated caller.
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  requireRole(context, roles.length ? roles : ROLES);
  return true;
};
