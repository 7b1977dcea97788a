import { StaffOnly } from '../../auth/staff';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { Outcome, plainLedgerTransaction } from '../ledger/ledger-transaction';
import { MemberLedger } from '../ledger/ledger.core';
import { LedgerEntryType } from '../ledger/ledger.entities';
import { LedgerEntryGql } from '../ledger/wallet.type';
import { TierQualificationWindow, TierReview } from '../programme/programme-settings.entity';
import { Tier } from './tier.entity';
import { addMonths, floorAt, qualificationWindow, qualifyingValue, qualifiesOnLifetimePoints, readLevel, refreshTier } from './tier-lifecycle';
import { loadTiers, tierOf } from './tier.service';
import { TierBenefitInput, TierType } from './tier.type';

/** A member's standing towards the levels: `LoyaltyMember.tierProgress`. */
export async function tierProgress(ctx: RequestContext, memberId: string, tierId: string | null) {
  const [settings, wallet, tiers] = await Promise.all([ctx.loaders.settings(), ctx.loaders.walletByMemberId.load(memberId), ctx.programme.tiers(ctx.em)]);
  const now = new Date();
  const level = await readLevel(ctx.em, memberId, now);
  const tierPoints = wallet?.tierPoints ?? 0;
  const lifetime = qualifiesOnLifetimePoints(settings) ? tierPoints : null;
  const value = await qualifyingValue(ctx.em, memberId, settings, now, lifetime);
  const current = tierId ? (tiers.find((t) => t.id === tierId) ?? null) : null;
  const next = tiers.find((t) => t.rank > (current?.rank ?? -1)) ?? null;
  const reviewAt = level.reviewAt;
  let toKeepTier: number | null = null;
  if (reviewAt && current) {
    // what counts at the review, of what has been bought so far
    const atReview = reviewAt > now ? await qualifyingValue(ctx.em, memberId, settings, reviewAt, lifetime) : value;
    toKeepTier = Math.max(0, current.qualificationThreshold - atReview);
  }
  const floor = floorAt(level, tiers, now);
  const paidFloor = Boolean(floor && floor.id === level.paidTierId && !(level.floorId === floor.id && (!level.floorUntil || level.floorUntil > now)));
  return {
    tierPoints,
    currentTier: current,
    nextTier: next,
    pointsToNextTier: next ? Math.max(0, next.qualificationThreshold - tierPoints) : null,
    qualificationBasis: settings.tierQualificationBasis,
    qualificationWindow: settings.tierQualificationWindow,
    qualifyingValue: value,
    windowStart: qualificationWindow(settings, now).from,
    toNextTier: next ? Math.max(0, next.qualificationThreshold - value) : null,
    nextTierBy: settings.tierQualificationWindow === TierQualificationWindow.CALENDAR_YEAR ? new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1)) : null,
    reachedAt: level.reachedAt,
    reviewAt,
    toKeepTier,
    graceUntil: level.graceUntil,
    floorTier: floor,
    floorUntil: floor ? (paidFloor ? level.paidUntil : level.floorUntil) : null,
    floorReason: floor && ctx.principal?.roles.has('admin') ? (paidFloor ? 'paid membership' : level.floorReason) : null,
  };
}

@InputType({ description: 'Without id: a new tier. With id: replaces that tier.' })
export class SaveLoyaltyTierInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { description: 'Stable machine name: capitals, digits and _, e.g. GOLD.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: '0 for the entry tier; higher is better; unique.' })
  rank!: number;

  @Field(() => Int, { description: "What reaching it takes, in the programme's qualification basis (tier points, or spend in minor units); 0 for the entry tier." })
  qualificationThreshold!: number;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: 'Earn multiplier in percent: 100 = 1x.' })
  earnMultiplierPercent?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Days a member keeps the tier after a review they did not qualify at.' })
  graceDays?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Points given on reaching the tier, once per qualification period.' })
  upgradeBonusPoints?: number;

  @Field(() => ID, { nullable: true, description: 'A GIFT_ITEM reward issued as a coupon on reaching the tier, once per qualification period.' })
  upgradeGiftRewardId?: string | null;

  @Field(() => [TierBenefitInput], { nullable: true, defaultValue: [] })
  benefits?: TierBenefitInput[];

  @Field(() => Int, { nullable: true, description: 'Sell the tier as a paid membership at this price (minor units), with membershipTermMonths; null: not sold.' })
  membershipPrice?: number | null;

  @Field(() => Int, { nullable: true })
  membershipTermMonths?: number | null;
}

@ObjectType()
export class SaveLoyaltyTierPayload {
  @Field(() => TierType, { nullable: true })
  tier?: Tier | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class SetLoyaltyMemberTierInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { nullable: true, description: 'The floor; null removes it (the next review then applies the rules).' })
  tierId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (required with a tier), for the points log and support.' })
  reason?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the floor ends (required with a tier; in the future, at most ten years ahead).' })
  until?: Date | null;
}

@ObjectType()
export class SetLoyaltyMemberTierPayload {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => TierType, { nullable: true, description: 'The member’s tier after the change.' })
  tier?: Tier | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

const CODE = /^[A-Z][A-Z0-9_]{0,31}$/;

/** Creates or replaces a tier after checking it against the others. */
async function saveTier(ctx: RequestContext, input: SaveLoyaltyTierInput): Promise<SaveLoyaltyTierPayload> {
  const check = new InputChecker();
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });
  if (!CODE.test(input.code ?? '')) check.fail('code', 'code must be capitals, digits and _ (up to 32), starting with a letter, e.g. GOLD');
  const whole = (field: string, v: number | null | undefined, min: number, max: number) => {
    if (v != null && (!Number.isInteger(v) || v < min || v > max)) check.fail(field, `${field} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`);
  };
  whole('rank', input.rank, 0, 1_000);
  whole('qualificationThreshold', input.qualificationThreshold, 0, 2_147_483_647);
  whole('earnMultiplierPercent', input.earnMultiplierPercent, 1, 1_000);
  whole('graceDays', input.graceDays, 0, 3_660);
  whole('upgradeBonusPoints', input.upgradeBonusPoints, 0, 1_000_000);
  whole('membershipPrice', input.membershipPrice, 1, 100_000_000);
  whole('membershipTermMonths', input.membershipTermMonths, 1, 120);
  if ((input.membershipPrice == null) !== (input.membershipTermMonths == null)) check.fail('membershipTermMonths', 'A paid membership needs both membershipPrice and membershipTermMonths');
  const benefits = (input.benefits ?? []).map((b, i) => ({ code: check.text(`benefits.${i}.code`, b.code, 64, { required: true, label: 'code' }) ?? '', description: check.text(`benefits.${i}.description`, b.description, 500, { required: true, label: 'description' }) ?? '' }));
  if (input.id != null && !isUuid(input.id)) check.fail('id', 'No tier has this id');
  if (input.upgradeGiftRewardId != null) {
    const rows = isUuid(input.upgradeGiftRewardId) ? await ctx.em.execute<{ kind: string }[]>('select kind from reward where id = ?', [input.upgradeGiftRewardId.toLowerCase()]) : [];
    if (!rows[0]) check.fail('upgradeGiftRewardId', 'No reward has this id', ErrorCode.REWARD_NOT_FOUND);
    else if (rows[0].kind !== 'GIFT_ITEM') check.fail('upgradeGiftRewardId', 'The upgrade gift must be a GIFT_ITEM reward');
  }
  if (!check.ok || !name) return { tier: null, userErrors: check.errors };
  const out = await ctx.em.transactional(async (em) => {
    await em.execute('lock table tier in share row exclusive mode');
    const others = (await loadTiers(em)).filter((t) => t.id !== input.id?.toLowerCase());
    const errors: UserError[] = [];
    if (others.some((t) => t.code === input.code)) errors.push(userError(ErrorCode.INVALID_INPUT, `Another tier has the code ${input.code}`, ['input', 'code']));
    if (others.some((t) => t.rank === input.rank)) errors.push(userError(ErrorCode.INVALID_INPUT, `Another tier has rank ${input.rank}`, ['input', 'rank']));
    const sorted = [...others, { rank: input.rank, qualificationThreshold: input.qualificationThreshold, code: input.code }].sort((a, b) => a.rank - b.rank);
    if (sorted[0]!.qualificationThreshold !== 0) errors.push(userError(ErrorCode.INVALID_INPUT, 'The lowest tier must have qualificationThreshold 0: every member qualifies for it', ['input', 'qualificationThreshold']));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.qualificationThreshold <= sorted[i - 1]!.qualificationThreshold) {
        errors.push(userError(ErrorCode.INVALID_INPUT, `A higher tier needs a higher threshold: ${sorted[i]!.code} (rank ${sorted[i]!.rank}) must need more than ${sorted[i - 1]!.code}`, ['input', 'qualificationThreshold']));
        break;
      }
    }
    if (errors.length) return { tier: null, userErrors: errors };
    let tier: Tier | null;
    if (input.id) {
      tier = await em.findOne(Tier, { id: input.id.toLowerCase() });
      if (!tier) return { tier: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'No tier has this id', ['input', 'id'])] };
    } else {
      tier = em.create(Tier, { code: input.code, name, rank: input.rank, qualificationThreshold: input.qualificationThreshold });
    }
    Object.assign(tier, {
      code: input.code,
      name,
      rank: input.rank,
      qualificationThreshold: input.qualificationThreshold,
      earnMultiplierPercent: input.earnMultiplierPercent ?? 100,
      graceDays: input.graceDays ?? 0,
      upgradeBonusPoints: input.upgradeBonusPoints ?? 0,
      upgradeGiftRewardId: input.upgradeGiftRewardId?.toLowerCase() ?? null,
      membershipPriceMinor: input.membershipPrice ?? null,
      membershipTermMonths: input.membershipTermMonths ?? null,
      benefits,
    });
    await em.flush();
    return { tier, userErrors: [] };
  });
  ctx.programme.invalidate();
  return out;
}

/**
 * Sets (or removes) a member's manual tier floor. A floor above their tier raises them to it now
 * (a TIER_CHANGE entry with the reason); reviews never take them below it until `until`. In the
 * member's ledger transaction, so it cannot cross an earn's upgrade or a review.
 */
async function setMemberTier(ctx: RequestContext, input: SetLoyaltyMemberTierInput): Promise<SetLoyaltyMemberTierPayload> {
  const check = new InputChecker();
  const reason = check.text('reason', input.reason, 500, { required: input.tierId != null, label: 'reason' });
  const now = new Date();
  if (input.tierId != null) {
    if (!input.until) check.fail('until', 'A manual tier needs an end date');
    else if (input.until <= now) check.fail('until', 'until must be in the future');
    else if (input.until > addMonths(now, 120)) check.fail('until', 'until must be at most ten years ahead');
  }
  if (!isUuid(input.memberId)) check.fail('memberId', 'No member has this id', ErrorCode.MEMBER_NOT_FOUND);
  if (!check.ok) return { memberId: null, tier: null, userErrors: check.errors };
  const tiers = await ctx.programme.tiers(ctx.em, Date.now());
  const floor = input.tierId ? tiers.find((t) => t.id === input.tierId!.toLowerCase()) : null;
  if (input.tierId && !floor) return { memberId: null, tier: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'No tier has this id', ['input', 'tierId'])] };
  const settings = await ctx.loaders.settings();
  const memberId = input.memberId.toLowerCase();
  const out = await plainLedgerTransaction<{ tierId: string | null }>(ctx, async (em) => {
    const ledger = await MemberLedger.lock(em, memberId, ctx.principal?.subject ?? 'admin', { now });
    if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
    await refreshTier(ledger, tiers);
    await em.execute('update member set tier_floor_id = ?, tier_floor_until = ?, tier_floor_reason = ? where id = ?', [floor?.id ?? null, floor ? input.until : null, floor ? reason : null, memberId]);
    const current = tiers.find((t) => t.id === ledger.wallet.tierId) ?? null;
    if (floor && (!current || floor.rank > current.rank)) {
      const review = settings.tierReview === TierReview.NONE ? null : input.until;
      await em.execute('update member set tier_id = ?, tier_reached_at = ?, tier_review_at = ?, tier_grace_until = null, tier_warned_for = null where id = ?', [floor.id, now, review, memberId]);
      await ledger.note(LedgerEntryType.TIER_CHANGE, { tierId: floor.id, reason: `set to ${floor.name} by hand until ${input.until!.toISOString().slice(0, 10)}: ${reason}` });
      return { tierId: floor.id };
    }
    await ledger.note(LedgerEntryType.TIER_CHANGE, {
      tierId: current?.id ?? null,
      reason: floor ? `${floor.name} set by hand as the lowest tier until ${input.until!.toISOString().slice(0, 10)}: ${reason}` : 'manual tier removed; the next review applies the rules',
    });
    return { tierId: current?.id ?? null };
  });
  if (!out.result) return { memberId: null, tier: null, userErrors: out.userErrors };
  ctx.loaders.memberById.clear(memberId);
  return { memberId, tier: out.result.tierId ? (tiers.find((t) => t.id === out.result!.tierId) ?? null) : null, userErrors: [] };
}

@Resolver()
export class TierAdminResolver {
  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyTierPayload, { description: 'Create or replace a tier (level): threshold, multiplier, grace period, upgrade bonus and gift, benefits.' })
  saveLoyaltyTier(@Arg('input', () => SaveLoyaltyTierInput) input: SaveLoyaltyTierInput, @Ctx() ctx: RequestContext) {
    return saveTier(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SetLoyaltyMemberTierPayload, { description: "Set a member's tier by hand as a floor with a reason and an end date (raising them to it now if below), or remove it." })
  setLoyaltyMemberTier(@Arg('input', () => SetLoyaltyMemberTierInput) input: SetLoyaltyMemberTierInput, @Ctx() ctx: RequestContext) {
    return setMemberTier(ctx, input);
  }
}

@Resolver(() => LedgerEntryGql)
export class LedgerEntryTierResolver {
  @FieldResolver(() => TierType, { nullable: true, description: 'TIER_CHANGE: the tier moved to (or kept, for a manual floor).' })
  tier(@Root() entry: LedgerEntryGql, @Ctx() ctx: RequestContext) {
    return entry.tierId ? tierOf(ctx, entry.tierId) : null;
  }
}
