import { StaffOnly } from '../../auth/staff';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import type { Reward } from './reward.entity';
import { RewardKind } from './reward.entity';
import { RewardType, SaveLoyaltyRewardInput, SaveLoyaltyRewardPayload } from './reward.input';
import { listRewards, saveReward } from './reward.service';

@Resolver(() => RewardType)
export class RewardResolver {
  @Authorized()
  @Query(() => [RewardType], { description: 'The reward catalogue, cheapest first; with memberId (members: themselves), what they can have.' })
  loyaltyRewards(
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false, description: 'Admins: also inactive and out-of-window rewards.' }) includeInactive: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return listRewards(ctx, { memberId, includeInactive });
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyRewardPayload)
  saveLoyaltyReward(@Arg('input', () => SaveLoyaltyRewardInput) input: SaveLoyaltyRewardInput, @Ctx() ctx: RequestContext) {
    return saveReward(ctx, input);
  }

  @FieldResolver(() => Money, { nullable: true })
  async voucherValue(@Root() reward: Reward, @Ctx() ctx: RequestContext): Promise<Money | null> {
    if (reward.kind !== RewardKind.CASH_VOUCHER) return null;
    return { amount: reward.voucherValueMinor, currencyCode: (await ctx.loaders.settings()).currencyCode };
  }
}
