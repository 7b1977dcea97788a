import type { RequestContext } from '../../common/context';
import { requireMemberAccess } from '../../common/context';

/**
 * Federation entry point for `LoyaltyMember` representations. `__resolveReference` bypasses
 * type-graphql's @Authorized, so access is checked here; loading is batched per request.
 */
export const memberReferenceResolvers = {
  LoyaltyMember: {
    __resolveReference(ref: { id: string }, ctx: RequestContext) {
      requireMemberAccess(ctx, String(ref.id));
      return ctx.loaders.memberById.load(String(ref.id));
    },
  },
};
