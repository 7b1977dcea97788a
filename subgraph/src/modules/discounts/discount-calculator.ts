/**
 * Level (tier) discounts on a sale, as a pure function: which rule of the member's level takes how
 * much off each line. Used by the quote, by the earn (which earns on the discounted prices) and by
 * the earn preview, so all three agree to the minor unit.
 *
 * Semantics, in order:
 * 1. Every rule of the level whose kind applies to the line is a candidate; the largest percent
 *    wins, on a tie the earlier rule (position) is the reason shown. Rules do not stack.
 * 2. The discount is taken per unit, rounded half up to whole minor units:
 *    unit discount = floor((unitPrice x percent + 50) / 100), so 10% of 12.99 is 1.30 and every unit
 *    of a line costs the same (returns of part of a line give back whole units' prices).
 * 3. Line discount = quantity x unit discount; the line's total after it = quantity x (unitPrice - unit discount).
 *
 * All figures are integer minor units of the sale's currency.
 */
import type { DiscountLine } from './discount-kinds';
import { parseDiscountRule, type ParsedDiscountRule } from './discount-kinds';

/** A stored discount rule: its id, admin name, kind code and raw arguments. */
export interface DiscountRule {
  id: string;
  name: string;
  kind: string;
  args: unknown;
}

/** The discounts of one level, as the programme cache keeps them. */
export interface LevelDiscounts {
  tierId: string;
  tierName: string;
  rules: DiscountRule[];
}

/** Why a line is discounted: the level and the rule. */
export interface DiscountReason {
  tierId: string;
  tierName: string;
  ruleId: string;
  ruleName: string;
  percent: number;
}

export interface PricedLine {
  index: number;
  /** Price of one unit as given (before the level discount), minor units. */
  listUnitPrice: number;
  /** Taken off each unit, minor units. */
  unitDiscount: number;
  /** Price of one unit after the level discount, minor units. */
  unitPrice: number;
  /** quantity x unitDiscount. */
  discountMinor: number;
  /** quantity x listUnitPrice. */
  listAmount: number;
  /** quantity x unitPrice. */
  amount: number;
  reason: DiscountReason | null;
}

export interface PricedSale {
  lines: PricedLine[];
  /** Sum of the lines before level discounts. */
  subtotalMinor: number;
  /** Sum of the line discounts. */
  discountMinor: number;
  /** subtotal - discount. */
  totalMinor: number;
  /** Stored rules that no longer parse (a kind removed, bad arguments): ignored, reported. */
  invalidRules: { id: string; message: string }[];
}

/** Whole-unit discount of `percent`% of `unitPrice`, rounded half up. */
export function unitDiscountOf(unitPrice: number, percent: number): number {
  return Math.floor((unitPrice * percent + 50) / 100);
}

/**
 * Prices a sale's lines with the level's discount rules (none: every line at its given price).
 * @param lines whole quantities and unit prices in minor units (validated by the caller)
 */
export function priceSale(lines: readonly (DiscountLine & { quantity: number; unitPrice: number })[], level: LevelDiscounts | null): PricedSale {
  const invalidRules: PricedSale['invalidRules'] = [];
  const active: (ParsedDiscountRule & { id: string; name: string })[] = [];
  for (const rule of level?.rules ?? []) {
    const parsed = parseDiscountRule(rule.kind, rule.args);
    if (parsed.ok) active.push({ id: rule.id, name: rule.name, ...parsed.rule });
    else invalidRules.push({ id: rule.id, message: parsed.message });
  }
  let subtotalMinor = 0;
  let discountMinor = 0;
  const priced = lines.map((line, index): PricedLine => {
    let best: { percent: number; rule: (typeof active)[number] } | null = null;
    for (const r of active) {
      const percent = r.kind.percentFor(r.args, { productId: line.productId, categoryId: line.categoryId ?? null });
      if (percent !== null && percent > 0 && (best === null || percent > best.percent)) best = { percent, rule: r };
    }
    const unitDiscount = best ? Math.min(line.unitPrice, unitDiscountOf(line.unitPrice, best.percent)) : 0;
    const listAmount = line.quantity * line.unitPrice;
    const lineDiscount = line.quantity * unitDiscount;
    subtotalMinor += listAmount;
    discountMinor += lineDiscount;
    return {
      index,
      listUnitPrice: line.unitPrice,
      unitDiscount,
      unitPrice: line.unitPrice - unitDiscount,
      discountMinor: lineDiscount,
      listAmount,
      amount: listAmount - lineDiscount,
      reason: best && unitDiscount > 0 ? { tierId: level!.tierId, tierName: level!.tierName, ruleId: best.rule.id, ruleName: best.rule.name, percent: best.percent } : null,
    };
  });
  return { lines: priced, subtotalMinor, discountMinor, totalMinor: subtotalMinor - discountMinor, invalidRules };
}

/** True when some level of `levels` would take something off one of the lines. */
export function anyLevelDiscounts(lines: readonly (DiscountLine & { quantity: number; unitPrice: number })[], levels: Iterable<LevelDiscounts>): boolean {
  for (const level of levels) if (level.rules.length > 0 && priceSale(lines, level).discountMinor > 0) return true;
  return false;
}

/** The text a cashier and a receipt show for a discounted line, e.g. "Gold 10% off (Beauty)". */
export function reasonText(r: DiscountReason): string {
  return `${r.tierName} ${r.percent}% off (${r.ruleName})`;
}
