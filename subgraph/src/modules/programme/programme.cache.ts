import type { EntityManager } from '@mikro-orm/postgresql';
import type { EarningRuleRecord } from './earning-rule.entity';
import type { ProgrammeSettings } from './programme-settings.entity';
import { loadActiveRules, loadSettings } from './programme.service';

/**
 * The programme's settings and active earning rules, read once per `ttlMs` by this service
 * instance instead of on every request (the benchmark showed those two reads cost more than the
 * earning itself). A change made through this instance invalidates at once; other replicas see
 * it within `ttlMs`. Values are plain copies, detached from any EntityManager.
 */
export class ProgrammeCache {
  private settingsEntry: { at: number; value: Promise<ProgrammeSettings> } | null = null;
  private rulesEntry: { at: number; value: Promise<EarningRuleRecord[]> } | null = null;
  private multipliersEntry: { at: number; value: Promise<number[]> } | null = null;

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
   * The earn multipliers (percent) a member may have: each tier's, and 100 without a tier. Stale
   * for up to `ttlMs` after a tier change; the one-statement earn then hands over to the general path.
   */
  tierMultipliers(em: EntityManager): Promise<number[]> {
    if (!this.multipliersEntry || Date.now() - this.multipliersEntry.at > this.ttlMs) {
      const value = em
        .fork()
        .getConnection()
        .execute<{ m: number }[]>('select distinct earn_multiplier_percent as m from tier union select 100')
        .then((rows) => rows.map((r) => Number(r.m)));
      this.multipliersEntry = { at: Date.now(), value };
      value.catch(() => (this.multipliersEntry = null));
    }
    return this.multipliersEntry.value;
  }

  invalidate(): void {
    this.settingsEntry = null;
    this.rulesEntry = null;
    this.multipliersEntry = null;
  }
}
