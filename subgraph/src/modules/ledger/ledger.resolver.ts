import { money } from '../../common/money';
import { StaffOnly } from '../../auth/staff';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, FieldResolver, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { selects } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import { Money } from '../../common/money';
import type { MemberView } from '../members/member.store';
import { LoyaltyMemberType } from '../members/member.type';
import { cashValueOf } from '../programme/programme.service';
import { Tier } from '../tiers/tier.entity';
import { tierProgress } from '../tiers/tier-lifecycle.resolver';
import { memberActivity, entryById } from './activity.service';
import { auditLedger } from './ledger.audit';
import { adjustPoints } from './adjust.service';
import { LedgerEntryType } from './ledger.entities';
import { AdjustPointsInput, AdjustPointsPayload, ReturnLoyaltySaleInput, ReturnLoyaltySalePayload } from './ledger.input';
import { returnSale } from './returns.service';
import type { WalletView } from './wallet.loaders';
import { ExpiringPointsType, LedgerEntryConnection, TierProgressType, WalletType } from './wallet.type';

@ObjectType('LoyaltyLedgerAuditFinding')
class LedgerAuditFinding {
  @Field(() => String)
  check!: string;

  @Field(() => String, { nullable: true })
  memberId?: string | null;

  @Field(() => String)
  detail!: string;
}

@Resolver()
export class LedgerMutationResolver {
  @StaffOnly()
  @Authorized('admin')
  @Query(() => [LedgerAuditFinding], { description: 'Recomputes every wallet from the journal; empty when the books are right.' })
  loyaltyLedgerAudit(@Ctx() ctx: RequestContext) {
    return auditLedger(ctx.em);
  }

  @StaffOnly()
  @Authorized('till', 'service', 'admin')
  @Mutation(() => ReturnLoyaltySalePayload, { description: "Reverse the points of returned goods from the sale's earn record; redeemed points that paid for them come back." })
  async returnLoyaltySale(@Arg('input', () => ReturnLoyaltySaleInput) input: ReturnLoyaltySaleInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const out = await returnSale(ctx, input);
    const r = out.result;
    const amounts = r?.currencyCode ? { returnedAmount: money(r.returnedAmount, r.currencyCode), levelDiscountReturned: money(r.discountReturned ?? 0, r.currencyCode) } : { returnedAmount: null, levelDiscountReturned: null };
    return { ...(r ?? {}), ...amounts, member: out.result && selects(info, 'member') ? await ctx.loaders.memberById.load(out.result.memberId) : null, userErrors: out.userErrors };
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => AdjustPointsPayload, { description: 'Credit or debit points by hand, with a reason (admins only).' })
  async adjustPoints(@Arg('input', () => AdjustPointsInput) input: AdjustPointsInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const out = await adjustPoints(ctx, input);
    return {
      entry: out.result ? await entryById(ctx, out.result.entryId) : null,
      member: out.result && selects(info, 'member') ? await ctx.loaders.memberById.load(out.result.memberId) : null,
      userErrors: out.userErrors,
    };
  }
}

@Resolver(() => LoyaltyMemberType)
export class MemberLedgerResolver {
  @FieldResolver(() => WalletType)
  wallet(@Root() member: MemberView, @Ctx() ctx: RequestContext): Promise<WalletView> {
    return ctx.loaders.walletByMemberId.load(member.id);
  }

  @FieldResolver(() => LedgerEntryConnection, { description: 'The points log, newest first.' })
  async activity(
    @Root() member: MemberView,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('types', () => [LedgerEntryType], { nullable: true }) types: LedgerEntryType[] | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ) {
    return memberActivity(ctx, member.id, { first, after, types, from, to });
  }

  @FieldResolver(() => TierProgressType)
  async tierProgress(@Root() member: MemberView, @Ctx() ctx: RequestContext) {
    return tierProgress(ctx, member.id, member.tier?.id ?? null);
  }
}

@Resolver(() => WalletType)
export class WalletResolver {
  @FieldResolver(() => [ExpiringPointsType], { description: 'Points expiring in the next 90 days, soonest first.' })
  expiring(@Root() wallet: WalletView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.expiringByMemberId.load(wallet.memberId);
  }

  @FieldResolver(() => Money, { description: 'What the available points are worth when redeemed as cash.' })
  async cashValue(@Root() wallet: WalletView, @Ctx() ctx: RequestContext): Promise<Money> {
    const settings = await ctx.loaders.settings();
    return { amount: cashValueOf(settings, Math.max(0, wallet.available)), currencyCode: settings.currencyCode };
  }
}

export type { Tier };
