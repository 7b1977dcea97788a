import type { EntityManager } from '@mikro-orm/postgresql';
import { createCampaignLoaders } from '../modules/campaigns/campaign.loaders';
import { createCouponLoaders } from '../modules/coupons/coupon.loaders';
import { createActivityLoaders } from '../modules/ledger/activity.loaders';
import { createWalletLoaders } from '../modules/ledger/wallet.loaders';
import type { ProgrammeCache } from '../modules/programme/programme.cache';
import type { EarningRuleRecord } from '../modules/programme/earning-rule.entity';
import { createMemberLoaders } from '../modules/members/member.loaders';
import { createMembershipLoaders } from '../modules/membership-expiry/membership-expiry.loaders';
import { createInboxLoaders } from '../modules/messaging/inbox.loaders';
import type { ProgrammeSettings } from '../modules/programme/programme-settings.entity';
import { createTierLoaders } from '../modules/tiers/tier.loaders';
import type { Tier } from '../modules/tiers/tier.entity';

/** Memoises one async read for the life of a request. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
}

/**
 * Request-scoped DataLoaders: every `_entities` representation and every nested field asks a
 * loader, so one request issues one query per kind of thing, not one per item.
 */
export function createLoaders(em: EntityManager, programme: ProgrammeCache) {
  return {
    ...createMemberLoaders(em),
    ...createTierLoaders(em, programme),
    ...createWalletLoaders(em),
    ...createActivityLoaders(em),
    ...createInboxLoaders(em),
    ...createCouponLoaders(em),
    ...createMembershipLoaders(em),
    ...createCampaignLoaders(em),
    activeRules: once<EarningRuleRecord[]>(() => programme.rules(em)),
    settings: once<ProgrammeSettings>(() => programme.settings(em)),
    allTiers: once<Tier[]>(() => programme.tiers(em)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
