import type { RequestContext } from '../../common/context';
import { requireMemberAccess, requireRole } from '../../common/context';
import type { Member } from '../members/member.entity';

/**
 * Extends the commerce graph's customer entity (its type name is configuration, DESIGN.md §4) with
 * `loyalty`. Written as SDL rather than a type-graphql class because the type name is chosen at
 * start-up, not at compile time.
 */
export function customerExtension(typeName: string) {
  return {
    typeDefs: `
"""The commerce graph's customer, extended by the loyalty subgraph."""
type ${typeName} @key(fields: "id") {
  id: ID!
  """The customer's loyalty membership; null when the customer is not enrolled."""
  loyalty: LoyaltyMember
}
`,
    resolvers: {
      [typeName]: {
        __resolveReference(ref: { id: string }) {
          return { id: String(ref.id) };
        },
        async loyalty(customer: { id: string }, _args: unknown, ctx: RequestContext): Promise<Member | null> {
          requireRole(ctx, ['admin', 'till', 'service', 'member']);
          const member = await ctx.loaders.memberByCustomerId.load(customer.id);
          if (member) requireMemberAccess(ctx, member.id);
          return member;
        },
      },
    },
  };
}
