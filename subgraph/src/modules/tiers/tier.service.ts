import type { RequestContext } from '../../common/context';
import { Tier } from './tier.entity';

/** All tiers, entry tier first. */
export function listTiers(ctx: RequestContext): Promise<Tier[]> {
  return ctx.em.find(Tier, {}, { orderBy: { rank: 'asc' } });
}

/** The entry tier (lowest rank) that new members start in, if the programme has tiers. */
export function entryTier(ctx: Pick<RequestContext, 'em'>): Promise<Tier | null> {
  return ctx.em.findOne(Tier, { rank: { $gte: 0 } }, { orderBy: { rank: 'asc' } });
}
