import type { CommerceEntity } from '../../config';
import type { RequestContext } from '../../common/context';
import { canReadMember, requireRole } from '../../common/context';
import type { MemberView } from '../members/member.store';
import { stubReference, stubTypeDefs, type StubRef } from './commerce.stub';

/**
 * Extends the commerce graph's customer entity (type name and key are configuration, DESIGN.md §4)
 * with `loyalty`: the member whose `customerId` equals the key value. Written as SDL rather than a
 * type-graphql class because the type name and key are chosen at start-up, not at compile time.
 */
export function customerExtension(entity: CommerceEntity) {
  return {
    typeDefs: stubTypeDefs(
      entity,
      `  """The customer's loyalty membership; null when the customer is not enrolled or the caller may not see it."""
  loyalty: LoyaltyMember`,
    ),
    resolvers: {
      [entity.typeName]: {
        __resolveReference: stubReference(entity),
        async loyalty(customer: StubRef, _args: unknown, ctx: RequestContext): Promise<MemberView | null> {
          requireRole(ctx, ['admin', 'till', 'service', 'member', 'customer']);
          if (!customer.__loyaltyKey) return null;
          const member = await ctx.loaders.memberByCustomerId.load(customer.__loyaltyKey);
          // Another shopper's customer id answers as "not enrolled": no probing who is a member.
          return member && canReadMember(ctx, member.id) ? member : null;
        },
      },
    },
  };
}
