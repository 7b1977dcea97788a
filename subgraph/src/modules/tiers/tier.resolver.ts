import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { TierType } from './tier.type';
import { listTiers } from './tier.service';
import type { Tier } from './tier.entity';

@Resolver(() => TierType)
export class TierResolver {
  @Authorized()
  @Query(() => [TierType], { description: 'The programme tiers, entry tier first.' })
  loyaltyTiers(@Ctx() ctx: RequestContext): Promise<Tier[]> {
    return listTiers(ctx);
  }
}
