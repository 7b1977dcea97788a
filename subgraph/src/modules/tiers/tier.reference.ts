import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';

/** Federation entry point for `Tier` representations; any authenticated caller may read tiers. */
export const tierReferenceResolvers = {
  Tier: {
    __resolveReference(ref: { id: string }, ctx: RequestContext) {
      requireRole(ctx, ['admin', 'till', 'service', 'member']);
      return ctx.loaders.tierById.load(ref.id);
    },
  },
};
