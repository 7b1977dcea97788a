import type { EntityManager } from '@mikro-orm/postgresql';
import { EarningRuleRecord } from './earning-rule.entity';
import { ExpiryUnit, ProgrammeSettings } from './programme-settings.entity';

/** Loads the programme's single settings row (created by the ledger migration). */
export async function loadSettings(em: EntityManager): Promise<ProgrammeSettings> {
  const settings = await em.findOne(ProgrammeSettings, { id: 1 });
  if (!settings) throw new Error('programme_settings row is missing: run the migrations');
  return settings;
}

/** Active earning rules in evaluation order. */
export function loadActiveRules(em: EntityManager): Promise<EarningRuleRecord[]> {
  return em.find(EarningRuleRecord, { active: true }, { orderBy: { position: 'asc', createdAt: 'asc' } });
}

/** When points earned at `from` expire under the programme's policy; null when they never do. */
export function expiryFor(settings: Pick<ProgrammeSettings, 'expiryUnit' | 'expiryCount' | 'expiryToMonthEnd'>, from: Date): Date | null {
  if (!settings.expiryUnit || !settings.expiryCount) return null;
  const d = new Date(from.getTime());
  if (settings.expiryUnit === ExpiryUnit.DAYS) {
    d.setUTCDate(d.getUTCDate() + settings.expiryCount);
  } else {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + settings.expiryCount);
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
  }
  if (settings.expiryToMonthEnd) {
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1);
  }
  return d;
}

/** The cash value of `points`: floored, so it never exceeds what the points are worth. Minor units. */
export function cashValueOf(settings: Pick<ProgrammeSettings, 'redeemPoints' | 'redeemAmountMinor'>, points: number): number {
  return Number((BigInt(points) * BigInt(settings.redeemAmountMinor)) / BigInt(settings.redeemPoints));
}

/**
 * Points needed to pay `amountMinor`: rounded up, so the member pays at most one point more than
 * the exact figure (and the shop is never paid less than the amount).
 */
export function pointsFor(settings: Pick<ProgrammeSettings, 'redeemPoints' | 'redeemAmountMinor'>, amountMinor: number): number {
  const num = BigInt(amountMinor) * BigInt(settings.redeemPoints);
  const den = BigInt(settings.redeemAmountMinor);
  return Number((num + den - 1n) / den);
}
