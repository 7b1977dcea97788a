import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, Role } from './principal';

/**
 * A shopper's `customer` principal acts as the member enrolled with its customer id, with exactly
 * a member's rights: it gains the `member` role and that member's id. Looked up on every request
 * (one indexed read), so linking a customer id takes effect at once. An unenrolled shopper stays a
 * bare `customer`: `loyaltyMe` is null and every member's data answers as not found.
 */
export async function actAsEnrolledMember(em: EntityManager, principal: Principal | null): Promise<Principal | null> {
  if (!principal?.customerId) return principal;
  const rows = await em.getConnection().execute<{ id: string }[]>('select id from member where customer_id = ? limit 1', [principal.customerId]);
  const memberId = rows[0]?.id;
  if (!memberId) return principal;
  return { ...principal, roles: new Set<Role>(['customer', 'member']), memberId };
}
