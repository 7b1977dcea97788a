import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { Tier } from './tier.entity';

/** All tiers, entry tier first. */
export function listTiers(ctx: RequestContext): Promise<Tier[]> {
  return ctx.em.find(Tier, {}, { orderBy: { rank: 'asc' } });
}

/**
 * All tiers, entry tier first, as plain objects (what {@link ProgrammeCache} keeps per instance):
 * one SELECT, no entities.
 */
export async function loadTiers(em: EntityManager): Promise<Tier[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    'select id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, grace_days, upgrade_bonus_points, upgrade_gift_reward_id, membership_price_minor, membership_term_months, created_at from tier where rank >= 0 order by rank asc',
  );
  return rows.map(
    (r) =>
      ({
        id: String(r.id),
        code: String(r.code),
        name: String(r.name),
        rank: Number(r.rank),
        qualificationThreshold: Number(r.qualification_threshold),
        earnMultiplierPercent: Number(r.earn_multiplier_percent),
        benefits: (typeof r.benefits === 'string' ? JSON.parse(r.benefits) : r.benefits) as Tier['benefits'],
        graceDays: Number(r.grace_days),
        upgradeBonusPoints: Number(r.upgrade_bonus_points),
        upgradeGiftRewardId: (r.upgrade_gift_reward_id as string | null) ?? null,
        membershipPriceMinor: r.membership_price_minor == null ? null : Number(r.membership_price_minor),
        membershipTermMonths: r.membership_term_months == null ? null : Number(r.membership_term_months),
        createdAt: new Date(r.created_at as string | Date),
      }) as Tier,
  );
}

/** A tier by id: from this instance's cache without a promise when it holds it, else through the request's loader. */
export function tierOf(ctx: Pick<RequestContext, 'programme' | 'loaders'>, id: string): Tier | Promise<Tier | null> {
  return ctx.programme.cachedTier(id.toLowerCase()) ?? ctx.loaders.tierById.load(id);
}

/** The entry tier (lowest rank) that new members start in, if the programme has tiers. */
export function entryTier(ctx: Pick<RequestContext, 'em'>): Promise<Tier | null> {
  return ctx.em.findOne(Tier, { rank: { $gte: 0 } }, { orderBy: { rank: 'asc' } });
}
