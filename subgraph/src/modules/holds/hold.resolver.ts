import { StaffOnly } from '../../auth/staff';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { selects } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import type { UserError } from '../../common/errors';
import type { PointsHoldType } from '../ledger/wallet.type';
import {
  CapturePointsHoldInput,
  CapturePointsHoldPayload,
  HoldPointsInput,
  HoldPointsPayload,
  RedeemPointsAsCashInput,
  RedeemPointsAsCashPayload,
  ReleasePointsHoldInput,
  ReleasePointsHoldPayload,
} from './hold.input';
import * as holds from './hold.service';

/** The GraphQL shape of a stored hold snapshot (ISO strings back to dates). */
export function holdGql(s: holds.HoldSnapshot): PointsHoldType {
  return {
    ...s,
    expiresAt: new Date(s.expiresAt),
    createdAt: new Date(s.createdAt),
    resolvedAt: s.resolvedAt ? new Date(s.resolvedAt) : null,
  };
}

async function shape(ctx: RequestContext, info: GraphQLResolveInfo, out: { hold: holds.HoldSnapshot | null; userErrors: UserError[] }) {
  return {
    hold: out.hold ? holdGql(out.hold) : null,
    member: out.hold && selects(info, 'member') ? await ctx.loaders.memberById.load(out.hold.memberId) : null,
    userErrors: out.userErrors,
  };
}

@Resolver()
export class HoldResolver {
  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => HoldPointsPayload, { description: 'Reserve points for a tender; capture or release them later, or they return after the TTL.' })
  async holdPoints(@Arg('input', () => HoldPointsInput) input: HoldPointsInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await holds.holdPoints(ctx, input));
  }

  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => CapturePointsHoldPayload, { description: 'Redeem held points, all or some (the rest return at once).' })
  async capturePointsHold(@Arg('input', () => CapturePointsHoldInput) input: CapturePointsHoldInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await holds.capturePointsHold(ctx, input));
  }

  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => ReleasePointsHoldPayload, { description: 'Give held points back (a voided or abandoned tender). Safe to retry.' })
  async releasePointsHold(@Arg('input', () => ReleasePointsHoldInput) input: ReleasePointsHoldInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await holds.releasePointsHold(ctx, input));
  }

  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => RedeemPointsAsCashPayload, { description: 'Hold and capture in one step, for online checkouts.' })
  async redeemPointsAsCash(@Arg('input', () => RedeemPointsAsCashInput) input: RedeemPointsAsCashInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return shape(ctx, info, await holds.redeemPointsAsCash(ctx, input));
  }
}
