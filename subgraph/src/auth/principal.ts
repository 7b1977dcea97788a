/** Roles a bearer token can carry (DESIGN.md §5). */
export const ROLES = ['admin', 'till', 'service', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, taken from a verified token only (never from arguments). */
export interface Principal {
  /** Token subject (`sub`). */
  subject: string;
  roles: ReadonlySet<Role>;
  /** For `member` tokens: the member the token speaks for. */
  memberId?: string;
  /** For `till` tokens: the store and till the device is bound to. */
  storeId?: string;
  tillId?: string;
}

export function hasAnyRole(principal: Principal | null, roles: readonly Role[]): boolean {
  return principal !== null && roles.some((r) => principal.roles.has(r));
}
