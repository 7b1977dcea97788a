import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LedgerEntryGql } from '../ledger/wallet.type';
import { CouponType } from '../coupons/coupon.type';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { money } from '../../common/money';
import { CampaignStatus, type CampaignAwardPlan, type CampaignDef, type CampaignSkip } from './campaign-engine';
import { campaignByCode, listCampaigns, saveCampaign, setCampaignStatus, simulateCampaign } from './campaign.service';
import {
  CampaignSimulationType, CampaignType, SaveLoyaltyCampaignInput, SaveLoyaltyCampaignPayload,
  SetLoyaltyCampaignStatusInput, SetLoyaltyCampaignStatusPayload, CampaignSummaryType,
} from './campaign.type';

const summary = (c: Pick<CampaignDef, 'id' | 'code' | 'name'>) => ({ id: c.id, code: c.code, name: c.name, description: null });

/** Previewed campaign awards and skips as the API shows them (earn preview, sale quote). */
export function campaignPreviewGql(p: { awards: CampaignAwardPlan[]; skipped: CampaignSkip[] } | undefined) {
  const awards = p?.awards ?? [];
  return {
    campaignPoints: awards.reduce((n, a) => n + a.points, 0),
    campaigns: awards.map((a) => ({
      campaign: summary(a.campaign),
      offerKind: a.campaign.offer.kind,
      points: a.points,
      lines: a.linePoints.flatMap((points, index) => (points > 0 ? [{ index, points }] : [])),
      couponTitle: a.coupon ? (a.coupon.title ?? a.campaign.name) : null,
    })),
    // only campaigns running at the sale's time: the rest would be noise
    campaignsNotApplied: (p?.skipped ?? [])
      .filter((s) => !['NOT_ACTIVE', 'OUTSIDE_PERIOD', 'OUTSIDE_TIME_WINDOW'].includes(s.reason))
      .map((s) => ({ campaign: summary(s.campaign), reason: s.reason })),
  };
}

@Resolver(() => CampaignType)
export class CampaignResolver {
  @StaffOnly()
  @Authorized('admin')
  @Query(() => [CampaignType], { description: 'Campaigns, highest priority first (the order sales are evaluated in).' })
  loyaltyCampaigns(@Arg('status', () => CampaignStatus, { nullable: true }) status: CampaignStatus | null, @Ctx() ctx: RequestContext) {
    return listCampaigns(ctx, status);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => CampaignType, { nullable: true })
  loyaltyCampaign(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext) {
    return campaignByCode(ctx, code);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyCampaignPayload, { description: 'Creates a campaign, or replaces the one of the same code, keeping what its budget has used (admins).' })
  saveLoyaltyCampaign(@Arg('input', () => SaveLoyaltyCampaignInput) input: SaveLoyaltyCampaignInput, @Ctx() ctx: RequestContext) {
    return saveCampaign(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SetLoyaltyCampaignStatusPayload, { description: 'Activates, pauses or returns a campaign to draft (admins). Other replicas follow within the programme cache time.' })
  setLoyaltyCampaignStatus(@Arg('input', () => SetLoyaltyCampaignStatusInput) input: SetLoyaltyCampaignStatusInput, @Ctx() ctx: RequestContext) {
    return setCampaignStatus(ctx, input.code, input.status);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => CampaignSimulationType, { description: 'Replays the recorded sales of [from, to) against a draft campaign, alone: members reached, points and coupons it would have given, and their cost. Nothing is written.' })
  async simulateLoyaltyCampaign(
    @Arg('input', () => SaveLoyaltyCampaignInput) input: SaveLoyaltyCampaignInput,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: RequestContext,
  ) {
    const out = await simulateCampaign(ctx, input, from, to);
    const r = out.result;
    const m = (v: number) => money(v, out.currencyCode);
    return {
      salesReplayed: r?.salesReplayed ?? 0,
      salesRewarded: r?.salesRewarded ?? 0,
      membersReached: r?.membersReached ?? 0,
      points: r?.points ?? 0,
      coupons: r?.coupons ?? 0,
      couponValue: m(r?.couponValueMinor ?? 0),
      cost: m(r?.costMinor ?? 0),
      budgetExhaustedAt: r?.budgetExhaustedAt ?? null,
      userErrors: out.userErrors,
    };
  }
}

@Resolver(() => LedgerEntryGql)
export class LedgerEntryCampaignResolver {
  @FieldResolver(() => CampaignSummaryType, { nullable: true, description: 'The campaign that gave these points or this coupon, or whose points a return took back.' })
  campaign(@Root() entry: LedgerEntryGql, @Ctx() ctx: RequestContext) {
    return entry.campaignId ? ctx.loaders.campaignById.load(entry.campaignId) : null;
  }
}

@Resolver(() => CouponType)
export class CouponCampaignResolver {
  @FieldResolver(() => CampaignSummaryType, { nullable: true, description: 'The campaign that issued the coupon, if one did.' })
  campaign(@Root() coupon: { campaignId?: string | null }, @Ctx() ctx: RequestContext) {
    return coupon.campaignId ? ctx.loaders.campaignById.load(coupon.campaignId) : null;
  }
}
