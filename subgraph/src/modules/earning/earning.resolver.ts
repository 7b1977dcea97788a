import { StaffOnly } from '../../auth/staff';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { selects } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import { ForbiddenError } from '../../common/errors';
import { EarnPointsInput, EarnPointsPayload, EarnPreviewType } from './earning.input';
import * as earning from './earning.service';
import { SaleInput } from './sale.input';

@Resolver()
export class EarningResolver {
  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => EarnPointsPayload, { description: 'Credit a member for a sale; points are computed on the server from the lines.' })
  async earnPoints(@Arg('input', () => EarnPointsInput) input: EarnPointsInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const out = await earning.earnPoints(ctx, input);
    const r = out.result;
    return {
      earn: r ? { ...r, id: r.saleEarnId, availableAt: r.availableAt ? new Date(r.availableAt) : null, expiresAt: r.expiresAt ? new Date(r.expiresAt) : null } : null,
      duplicate: r?.duplicate ?? false,
      member: r && selects(info, 'member') ? await ctx.loaders.memberById.load(r.memberId) : null,
      userErrors: out.userErrors,
    };
  }

  @Authorized()
  @Query(() => EarnPreviewType, { description: "What a sale would earn (with a member: at their tier's multiplier). Nothing is written." })
  async loyaltyEarnPreview(
    @Arg('input', () => SaleInput) input: SaleInput,
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const principal = ctx.principal!;
    const staff = ['admin', 'till', 'service'].some((r) => principal.roles.has(r as never));
    if (!staff && memberId && memberId.toLowerCase() !== principal.memberId) throw new ForbiddenError('A member may preview only their own earnings');
    const out = await earning.previewEarn(ctx, input, memberId ?? (staff ? null : principal.memberId));
    const c = out.calculation;
    return {
      points: c?.points ?? 0,
      eligibleAmount: c?.eligibleAmount ?? 0,
      belowMinimumSpend: c?.belowMinimumSpend ?? false,
      channelMultiplierPercent: c?.channelMultiplierPercent ?? 100,
      tierMultiplierPercent: c?.tierMultiplierPercent ?? 100,
      lines: c?.lines ?? [],
      userErrors: out.userErrors,
    };
  }
}
