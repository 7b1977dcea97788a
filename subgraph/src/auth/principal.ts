/** Roles a bearer token can carry (DESIGN.md §5). */
export const ROLES = ['admin', 'till', 'service', 'member', 'customer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, taken from a verified token only (never from arguments). */
export interface Principal {
  /** Token subject (`sub`). */
  subject: string;
  roles: ReadonlySet<Role>;
  /**
   * For `member` tokens: the member the token speaks for. For `customer` tokens: the member
   * enrolled with the token's customer id, looked up per request (then the principal also holds
   * the `member` role); absent while the shopper is not enrolled.
   */
  memberId?: string;
  /** For `customer` tokens (a shopper's token from the retailer's identity provider): the commerce customer id. */
  customerId?: string;
  /** For `till` tokens: the store and till the device is bound to. */
  storeId?: string;
  tillId?: string;
}

export function hasAnyRole(principal: Principal | null, roles: readonly Role[]): boolean {
  return principal !== null && roles.some((r) => principal.roles.has(r));
}
