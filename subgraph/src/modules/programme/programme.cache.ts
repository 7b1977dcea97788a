import type { EntityManager } from '@mikro-orm/postgresql';
import type { EarningRuleRecord } from './earning-rule.entity';
import type { ProgrammeSettings } from './programme-settings.entity';
import type { Tier } from '../tiers/tier.entity';
import { loadTiers } from '../tiers/tier.service';
import { loadActiveRules, loadSettings } from './programme.service';
import type { LevelDiscounts } from '../discounts/discount-calculator';
import { loadLevelDiscounts } from '../discounts/tier-discount.store';
import type { CampaignDef } from '../campaigns/campaign-engine';
import { loadActiveCampaigns } from '../campaigns/campaign.definition';
import type { ChallengeDef } from '../challenges/challenge.model';
import { loadActiveChallenges } from '../challenges/challenge.apply';

/**
 * The programme's settings, active earning rules and tiers, read once per `ttlMs` by this service
 * instance instead of on every request (the benchmark showed those reads cost more than the
 * earning itself, and a till's identify paid one for its member's tier). A change made through
 * this instance invalidates at once; other replicas see it within `ttlMs`. Values are plain
 * copies, detached from any EntityManager.
 */
export class ProgrammeCache {
  private settingsEntry: { at: number; value: Promise<ProgrammeSettings> } | null = null;
  private rulesEntry: { at: number; value: Promise<EarningRuleRecord[]> } | null = null;
  private discountsEntry: { at: number; value: Promise<LevelDiscounts[]> } | null = null;
  private campaignsEntry: { at: number; value: Promise<CampaignDef[]> } | null = null;
  private challengesEntry: { at: number; value: Promise<ChallengeDef[]> } | null = null;
  private tiersEntry: { at: number; value: Promise<Tier[]> } | null = null;
  /** The tiers of the last completed read, by id, for answers without a promise. */
  private tiersById: { at: number; byId: Map<string, Tier> } | null = null;

  constructor(private readonly ttlMs: number) {}

  settings(em: EntityManager): Promise<ProgrammeSettings> {
    if (!this.settingsEntry || Date.now() - this.settingsEntry.at > this.ttlMs) {
      const value = loadSettings(em.fork()).then((s) => ({ ...s }) as ProgrammeSettings);
      this.settingsEntry = { at: Date.now(), value };
      value.catch(() => (this.settingsEntry = null));
    }
    return this.settingsEntry.value;
  }

  rules(em: EntityManager): Promise<EarningRuleRecord[]> {
    if (!this.rulesEntry || Date.now() - this.rulesEntry.at > this.ttlMs) {
      const value = loadActiveRules(em.fork()).then((rules) => rules.map((r) => ({ ...r }) as EarningRuleRecord));
      this.rulesEntry = { at: Date.now(), value };
      value.catch(() => (this.rulesEntry = null));
    }
    return this.rulesEntry.value;
  }

  /**
   * The level (tier) discount rules of every tier that has some, with the tier's name. Stale for up
   * to `ttlMs` on other replicas after a change, like the earning rules.
   */
  levelDiscounts(em: EntityManager): Promise<LevelDiscounts[]> {
    if (!this.discountsEntry || Date.now() - this.discountsEntry.at > this.ttlMs) {
      const value = loadLevelDiscounts(em.fork());
      this.discountsEntry = { at: Date.now(), value };
      value.catch(() => (this.discountsEntry = null));
    }
    return this.discountsEntry.value;
  }

  /**
   * The ACTIVE campaigns with their audiences' rules. Stale for up to `ttlMs` on other replicas
   * after a change; budgets are not cached (an earn reads and raises them under the campaign's lock).
   */
  campaigns(em: EntityManager): Promise<CampaignDef[]> {
    if (!this.campaignsEntry || Date.now() - this.campaignsEntry.at > this.ttlMs) {
      const value = loadActiveCampaigns(em.fork());
      this.campaignsEntry = { at: Date.now(), value };
      value.catch(() => (this.campaignsEntry = null));
    }
    return this.campaignsEntry.value;
  }

  /** The ACTIVE challenges; stale for up to `ttlMs` on other replicas after a change. */
  challenges(em: EntityManager): Promise<ChallengeDef[]> {
    if (!this.challengesEntry || Date.now() - this.challengesEntry.at > this.ttlMs) {
      const value = loadActiveChallenges(em.fork());
      this.challengesEntry = { at: Date.now(), value };
      value.catch(() => (this.challengesEntry = null));
    }
    return this.challengesEntry.value;
  }

  /**
   * The earn multipliers (percent) a member may have, from the cached tiers: each tier's, and 100
   * without a tier. Stale for up to `ttlMs` after a tier change; the one-statement earn then hands over to the general path.
   */
  async tierMultipliers(em: EntityManager): Promise<number[]> {
    const tiers = await this.tiers(em);
    return [...new Set([100, ...tiers.map((t) => Number(t.earnMultiplierPercent))])];
  }

  /**
   * All tiers, entry tier first. `refresh` reads them again unless a read started since `refresh`
   * (a timestamp) is under way or done: a request that misses a tier (created on another replica or
   * by a seed) reloads once, and concurrent misses share that one read.
   */
  tiers(em: EntityManager, refresh?: number): Promise<Tier[]> {
    const entry = this.tiersEntry;
    if (!entry || Date.now() - entry.at > this.ttlMs || (refresh !== undefined && entry.at < refresh)) {
      const at = Date.now();
      const value = loadTiers(em.fork());
      this.tiersEntry = { at, value };
      value.then(
        (tiers) => {
          if (this.tiersEntry?.value === value) this.tiersById = { at, byId: new Map(tiers.map((t) => [t.id, t])) };
        },
        () => (this.tiersEntry = null),
      );
    }
    return this.tiersEntry!.value;
  }

  /**
   * The tier with this (lower-case) id, when the cache holds a fresh read with it; undefined when
   * it does not (not read yet, stale, or a tier it does not know): ask {@link tiers} then. Lets a
   * batch of 100 members answer their tiers without a promise each.
   */
  cachedTier(id: string): Tier | undefined {
    const entry = this.tiersById;
    if (!entry || Date.now() - entry.at > this.ttlMs) return undefined;
    return entry.byId.get(id);
  }

  invalidate(): void {
    this.settingsEntry = null;
    this.rulesEntry = null;
    this.discountsEntry = null;
    this.campaignsEntry = null;
    this.challengesEntry = null;
    this.tiersEntry = null;
    this.tiersById = null;
  }
}
