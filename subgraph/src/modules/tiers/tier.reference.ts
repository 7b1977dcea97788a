import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';

/** Federation entry point for `LoyaltyTier` representations; any authenticated caller may read tiers. */
export const tierReferenceResolvers = {
  LoyaltyTier: {
    __resolveReference(ref: { id: string }, ctx: RequestContext) {
      requireRole(ctx, ['admin', 'till', 'service', 'member', 'customer']);
      return typeof ref.id === 'string' && ref.id !== '' ? ctx.loaders.tierById.load(ref.id) : null;
    },
  },
};
