/**
 * The plug-in contract of earning rules. A rule kind is a small typed object registered in
 * `rules/index.ts`; the calculator asks each configured rule what it contributes and never
 * switches on kind codes.
 *
 * Units: amounts are integer minor units of the sale's currency (bigint where they are products);
 * points are computed in micro-points (1 point = {@link MICRO} micro-points) with bigint and
 * floored to whole points once, at the end of the calculation.
 */

/** Points are computed in micro-points (1 point = 10_000 micro) with bigint, floored once at the end. */
export const MICRO = 10_000n;

/** One sale line as a rule sees it. */
export interface SaleLineContext {
  /** Position of the line in the sale, from 0. */
  index: number;
  productId: string;
  categoryId: string | null;
  /** Whole units sold. */
  quantity: number;
  /** Price of one unit in minor units. */
  unitPrice: number;
  /** quantity * unitPrice, minor units. */
  amount: bigint;
  /** Micro-points from the base (SPEND) rules: the largest of them, 0 if none. */
  basePoints: bigint;
}

/** The whole sale as a sale-level rule sees it. */
export interface SaleContext {
  channel: string;
  /** ISO 4217 code of the sale's currency. */
  currencyCode: string;
  lines: SaleLineContext[];
  /** Minor units of the lines no rule excludes. */
  eligibleAmount: bigint;
}

/** Outcome of parsing a rule's stored arguments. */
export type ParseResult<A> = { ok: true; args: A } | { ok: false; message: string };

/**
 * A kind of earning rule. Implement only the hooks the kind needs: a line rule implements
 * `linePoints`, an exclusion `excludes`, a sale-level rule `saleMultiplierPercent` or `minimumSpend`.
 */
export interface EarningRuleKind<A> {
  /** Stable code stored with the rule, e.g. 'SPEND'. */
  code: string;
  /** One line for admins. */
  description: string;
  /**
   * Strict validation of stored arguments: integers only, sane ranges, string id lists
   * (at most 1000 ids, each 1..64 characters), no unknown keys.
   */
  parseArgs(raw: unknown): ParseResult<A>;
  /**
   * True for the base kind (SPEND): its `linePoints` also sets the line's `basePoints`, which
   * multiplier rules scale. Several base rules: the line's base is the largest.
   */
  readonly base?: boolean;
  /** Line rules: micro-points this rule would give the line, or null when it does not apply. */
  linePoints?(args: A, line: SaleLineContext): bigint | null;
  /** A line this rule excludes from earning (and from the minimum spend). */
  excludes?(args: A, line: Pick<SaleLineContext, 'productId' | 'categoryId'>): boolean;
  /** Sale-level multiplier in percent (100 = 1x) when it applies, else null. */
  saleMultiplierPercent?(args: A, sale: SaleContext): number | null;
  /** Sale-level minimum eligible spend (minor units) below which the sale earns nothing. */
  minimumSpend?(args: A): bigint;
}
