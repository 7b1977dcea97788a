/**
 * The plug-in contract of level (tier) discount rules, and the registered kinds. A kind is a small
 * typed object: it parses its stored arguments strictly and says which percentage it takes off a
 * sale line, or null when it does not apply. The calculator never switches on kind codes; a new
 * kind is a new object in {@link TIER_DISCOUNT_KINDS}.
 */
import { parseArgsWith } from '../earning/rules/rule-args';
import type { ParseResult } from '../earning/earning-rule';

/** A sale line as a discount rule sees it. */
export interface DiscountLine {
  productId: string;
  categoryId: string | null;
}

export interface TierDiscountKind<A> {
  /** Stable code stored with the rule, e.g. 'CATEGORY_PERCENT'. */
  code: string;
  /** One line for admins. */
  description: string;
  /** Strict validation of stored arguments (integers only, id lists of 1..64 characters, no unknown keys). */
  parseArgs(raw: unknown): ParseResult<A>;
  /** Whole percent (1..100) taken off every unit of the line, or null when the rule does not apply. */
  percentFor(args: A, line: DiscountLine): number | null;
  /** What the rule does, for admins and receipts, e.g. "10% off BEAUTY". */
  summary(args: A): string;
}

/** Largest discount a rule may give: the whole price. */
export const MAX_DISCOUNT_PERCENT = 100;

export interface CategoryPercentArgs {
  categoryIds: string[];
  /** Optional: only these products of the categories; none chosen = every product of the categories. */
  productIds: string[];
  percent: number;
}

/**
 * CATEGORY_PERCENT: `percent`% off lines in the chosen categories; with products chosen, only
 * those products (when they are sold in one of the categories). No products chosen: all products
 * of the chosen categories.
 */
export const categoryPercentKind: TierDiscountKind<CategoryPercentArgs> = {
  code: 'CATEGORY_PERCENT',
  description: 'A percentage off products in the chosen categories (optionally only the chosen products of them)',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['categoryIds', 'productIds', 'percent'], (r) => ({
      categoryIds: r.ids('categoryIds'),
      productIds: r.optionalIds('productIds'),
      percent: r.int('percent', 1, MAX_DISCOUNT_PERCENT),
    })),
  percentFor: (args, line) =>
    line.categoryId !== null && args.categoryIds.includes(line.categoryId) && (args.productIds.length === 0 || args.productIds.includes(line.productId)) ? args.percent : null,
  summary: (a) => `${a.percent}% off ${a.productIds.length > 0 ? `${a.productIds.join(', ')} in ` : ''}${a.categoryIds.join(', ')}`,
};

export interface ProductPercentArgs {
  productIds: string[];
  percent: number;
}

/** PRODUCT_PERCENT: `percent`% off the chosen products, whatever their category. */
export const productPercentKind: TierDiscountKind<ProductPercentArgs> = {
  code: 'PRODUCT_PERCENT',
  description: 'A percentage off the chosen products, in any category',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['productIds', 'percent'], (r) => ({
      productIds: r.ids('productIds'),
      percent: r.int('percent', 1, MAX_DISCOUNT_PERCENT),
    })),
  percentFor: (args, line) => (args.productIds.includes(line.productId) ? args.percent : null),
  summary: (a) => `${a.percent}% off ${a.productIds.join(', ')}`,
};

const KINDS: TierDiscountKind<any>[] = [categoryPercentKind, productPercentKind];

/** Every registered discount rule kind by its code. Add a kind here to make it configurable. */
export const TIER_DISCOUNT_KINDS: Readonly<Record<string, TierDiscountKind<any>>> = Object.freeze(Object.fromEntries(KINDS.map((k) => [k.code, k])));

/** A stored rule's kind resolved and its arguments validated. */
export interface ParsedDiscountRule<A = unknown> {
  kind: TierDiscountKind<A>;
  args: A;
}

/** Resolves a kind code and strictly validates the arguments; a message for admins otherwise. */
export function parseDiscountRule(kind: string, args: unknown): { ok: true; rule: ParsedDiscountRule } | { ok: false; message: string } {
  const found = Object.hasOwn(TIER_DISCOUNT_KINDS, kind) ? TIER_DISCOUNT_KINDS[kind] : undefined;
  if (!found) return { ok: false, message: `unknown discount kind ${JSON.stringify(String(kind).slice(0, 40))}; one of ${Object.keys(TIER_DISCOUNT_KINDS).join(', ')}` };
  const parsed = found.parseArgs(args);
  if (!parsed.ok) return { ok: false, message: `${found.code}: ${parsed.message}` };
  return { ok: true, rule: { kind: found, args: parsed.args } };
}
