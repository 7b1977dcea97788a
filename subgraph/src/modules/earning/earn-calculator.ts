import { allocate } from '../../common/allocation';
import { MICRO, type SaleContext, type SaleLineContext } from './earning-rule';
import { parseRule, type ParsedRule } from './rules';

/** An earning rule as stored: a registered kind code and its raw arguments. */
export interface EarnRule {
  id: string;
  kind: string;
  args: unknown;
  name?: string;
}

/** One sale line as sent by the till or commerce service (validated by the caller). */
export interface SaleLineInputData {
  productId: string;
  categoryId?: string | null;
  /** Whole units, a non-negative integer. */
  quantity: number;
  /** Price of one unit in minor units, a non-negative integer. */
  unitPrice: number;
}

/** The points a sale earns and how they came about. Every figure is a non-negative integer. */
export interface EarnCalculation {
  /** Whole points, floored once at the end. */
  points: number;
  /** Minor units of the lines no rule excludes. */
  eligibleAmount: number;
  /** True when the eligible amount is below the largest MIN_SPEND, so the sale earns nothing. */
  belowMinimumSpend: boolean;
  /** Sale-level channel multiplier in percent: the largest that applies, 100 when none does. */
  channelMultiplierPercent: number;
  /** The member's tier multiplier in percent, as given. */
  tierMultiplierPercent: number;
  /**
   * Per line, in sale order: the points it earned (they sum exactly to `points`), the rule that
   * decided them (the winning line rule, or the EXCLUDE rule of an excluded line; null when the
   * line earns nothing) and whether it was excluded.
   */
  lines: { index: number; points: number; ruleId: string | null; ruleKind: string | null; excluded: boolean }[];
  /** Stored rules that were skipped because their kind is unknown or their arguments invalid. */
  invalidRules: { id: string; message: string }[];
}

interface ActiveRule extends ParsedRule {
  id: string;
}

/**
 * Computes the points a sale earns from the programme's rules. Pure: no I/O, no clock.
 *
 * Resolution:
 * 1. Rules whose kind is unknown or whose arguments are invalid are skipped and listed in
 *    `invalidRules`; the rest keep their given order, which breaks ties.
 * 2. A line excluded by any EXCLUDE rule earns 0 and does not count towards the eligible amount.
 * 3. A line's base is the largest SPEND result (micro-points, floored at micro precision). Every
 *    line rule that applies to the line is a candidate (SPEND included, multipliers scale the base)
 *    and the most generous wins; on a tie the earlier rule wins. Rules do not stack.
 *    Zero-price lines earn nothing from SPEND but do earn fixed PRODUCT_POINTS / CATEGORY_POINTS:
 *    free gifts earning points is a programme choice, made by configuring such a rule.
 * 4. If the eligible amount (minor units) is below the largest MIN_SPEND, every line earns 0.
 * 5. total micro = floor(Σ line micro × channel% × tier% / 10_000); points = floor(total micro / MICRO).
 *    Flooring to whole points happens once, on the sale, so fractions from several lines add up.
 * 6. The points are split over the lines with {@link allocate} in proportion to their micro-points.
 *
 * All arithmetic is bigint, so the result is exact for any valid sale.
 *
 * @param sale lines with integer quantities and unit prices in minor units of `currencyCode`
 * @param rules the programme's active rules, in evaluation order
 * @param tierMultiplierPercent the member's tier multiplier in percent (100 = 1x), a non-negative integer
 * @throws RangeError on a negative or fractional quantity, price or tier multiplier (the caller
 *   validates input; this is a bug guard), or when the points would exceed
 *   `Number.MAX_SAFE_INTEGER` (a misconfigured programme).
 */
export function calculateEarn(
  sale: { channel: string; currencyCode: string; lines: SaleLineInputData[] },
  rules: EarnRule[],
  tierMultiplierPercent: number,
): EarnCalculation {
  requireCount('tierMultiplierPercent', tierMultiplierPercent);
  const invalidRules: EarnCalculation['invalidRules'] = [];
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const parsed = parseRule(rule.kind, rule.args);
    if (parsed.ok) active.push({ id: rule.id, ...parsed.rule });
    else invalidRules.push({ id: rule.id, message: parsed.message });
  }
  const baseRules = active.filter((r) => r.kind.base && r.kind.linePoints);
  const lineRules = active.filter((r) => r.kind.linePoints);
  const excludeRules = active.filter((r) => r.kind.excludes);

  const lines: SaleLineContext[] = sale.lines.map((input, index) => {
    requireCount(`lines[${index}].quantity`, input.quantity);
    requireCount(`lines[${index}].unitPrice`, input.unitPrice);
    const line: SaleLineContext = {
      index,
      productId: input.productId,
      categoryId: input.categoryId ?? null,
      quantity: input.quantity,
      unitPrice: input.unitPrice,
      amount: BigInt(input.quantity) * BigInt(input.unitPrice),
      basePoints: 0n,
    };
    for (const r of baseRules) line.basePoints = max(line.basePoints, r.kind.linePoints!(r.args, line) ?? 0n);
    return line;
  });

  const exclusions = lines.map((line) => excludeRules.find((r) => r.kind.excludes!(r.args, line)) ?? null);
  const eligibleAmount = lines.reduce((sum, line, i) => (exclusions[i] ? sum : sum + line.amount), 0n);
  const context: SaleContext = { channel: sale.channel, currencyCode: sale.currencyCode, lines, eligibleAmount };

  const minimumSpend = active.reduce((m, r) => (r.kind.minimumSpend ? max(m, r.kind.minimumSpend(r.args)) : m), 0n);
  const belowMinimumSpend = eligibleAmount < minimumSpend;
  let channelMultiplierPercent: number | null = null;
  for (const r of active) {
    const percent = r.kind.saleMultiplierPercent?.(r.args, context) ?? null;
    if (percent !== null && (channelMultiplierPercent === null || percent > channelMultiplierPercent)) channelMultiplierPercent = percent;
  }
  channelMultiplierPercent ??= 100;

  const winners = lines.map((line, i) => {
    if (exclusions[i] || belowMinimumSpend) return { micro: 0n, rule: null };
    let best: { micro: bigint; rule: ActiveRule | null } = { micro: 0n, rule: null };
    for (const r of lineRules) {
      const micro = r.kind.linePoints!(r.args, line);
      if (micro !== null && micro > best.micro) best = { micro, rule: r };
    }
    return best;
  });

  const lineMicro = winners.map((w) => w.micro);
  const sumMicro = lineMicro.reduce((a, b) => a + b, 0n);
  const totalMicro = (sumMicro * BigInt(channelMultiplierPercent) * BigInt(tierMultiplierPercent)) / 10_000n;
  const points = toSafe('points', totalMicro / MICRO);
  const split = allocate(points, lineMicro);

  return {
    points,
    eligibleAmount: toSafe('eligibleAmount', eligibleAmount),
    belowMinimumSpend,
    channelMultiplierPercent,
    tierMultiplierPercent,
    lines: lines.map((line, i) => {
      const rule = exclusions[i] ?? winners[i]!.rule;
      return { index: line.index, points: split[i]!, ruleId: rule?.id ?? null, ruleKind: rule?.kind.code ?? null, excluded: exclusions[i] !== null };
    }),
    invalidRules,
  };
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function requireCount(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`calculateEarn: ${field} must be a non-negative integer, got ${value}`);
}

function toSafe(field: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`calculateEarn: ${field} ${value} exceeds the largest safe integer`);
  return Number(value);
}
