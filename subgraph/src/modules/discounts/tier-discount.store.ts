/**
 * The `tier_discount_rule` table's SQL and row mapping, in one place (a handful of rows per tier,
 * read by the programme cache and written by admins).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../ledger/wallet.loaders';
import type { DiscountRule, LevelDiscounts } from './discount-calculator';

export interface TierDiscountRuleRow extends DiscountRule {
  tierId: string;
  position: number;
  createdAt: Date;
}

function toRow(r: Record<string, unknown>): TierDiscountRuleRow {
  return {
    id: String(r.id),
    tierId: String(r.tier_id),
    position: Number(r.position),
    kind: String(r.kind),
    name: String(r.name),
    args: typeof r.args === 'string' ? JSON.parse(r.args) : r.args,
    createdAt: new Date(r.created_at as string | Date),
  };
}

/** Every level that has discount rules, with the tier's name, rules in their order: what the cache keeps. */
export async function loadLevelDiscounts(em: EntityManager): Promise<LevelDiscounts[]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select r.*, t.name as tier_name from tier_discount_rule r join tier t on t.id = r.tier_id order by t.rank, r.position, r.created_at`,
  );
  const byTier = new Map<string, LevelDiscounts>();
  for (const raw of rows) {
    const row = toRow(raw);
    let level = byTier.get(row.tierId);
    if (!level) byTier.set(row.tierId, (level = { tierId: row.tierId, tierName: String(raw.tier_name), rules: [] }));
    level.rules.push({ id: row.id, name: row.name, kind: row.kind, args: row.args });
  }
  return [...byTier.values()];
}

/** The rules of these tiers, in their order, by tier id (a tier without rules: an empty list). */
export async function rulesOfTiers(em: EntityManager, tierIds: readonly string[]): Promise<Map<string, TierDiscountRuleRow[]>> {
  const out = new Map<string, TierDiscountRuleRow[]>(tierIds.map((id) => [id, []]));
  if (tierIds.length === 0) return out;
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select * from tier_discount_rule where tier_id = any(?::uuid[]) order by position, created_at`,
    [pgArray(tierIds)],
  );
  for (const r of rows.map(toRow)) out.get(r.tierId)?.push(r);
  return out;
}

/** Replaces a tier's rules with `rules` (in this order) inside the caller's transaction; the tier row is locked first. */
export async function replaceTierRules(em: EntityManager, tierId: string, rules: { kind: string; name: string; args: unknown; id: string }[], now: Date): Promise<TierDiscountRuleRow[]> {
  await em.execute('delete from tier_discount_rule where tier_id = ?', [tierId]);
  const out: TierDiscountRuleRow[] = [];
  for (const [position, r] of rules.entries()) {
    const inserted = await em.execute<Record<string, unknown>[]>(
      `insert into tier_discount_rule (id, tier_id, position, kind, name, args, created_at) values (?, ?, ?, ?, ?, ?::jsonb, ?) returning *`,
      [r.id, tierId, position, r.kind, r.name, JSON.stringify(r.args), now],
    );
    out.push(toRow(inserted[0]!));
  }
  return out;
}
