import type { RequestContext } from '../../common/context';
import { canReadMember, requireRole } from '../../common/context';

/**
 * Federation entry point for `LoyaltyMember` representations. `__resolveReference` bypasses
 * type-graphql's @Authorized, so access is checked here; loading is batched per request.
 */
export const memberReferenceResolvers = {
  LoyaltyMember: {
    async __resolveReference(ref: { id: string }, ctx: RequestContext) {
      requireRole(ctx, ['admin', 'till', 'service', 'member', 'customer']);
      // Another member answers as no member at all (null), the same as an id that does not exist.
      if (typeof ref.id !== 'string' || !canReadMember(ctx, ref.id)) return null;
      return ctx.loaders.memberById.load(ref.id);
    },
  },
};
