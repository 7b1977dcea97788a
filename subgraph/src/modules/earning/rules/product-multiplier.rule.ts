import type { EarningRuleKind } from '../earning-rule';
import { MAX_PERCENT, parseArgsWith } from './rule-args';

export interface ProductMultiplierArgs {
  productIds: string[];
  /** Percent of the line's base points, 1..10_000 (200 = double points). */
  percent: number;
}

/** PRODUCT_MULTIPLIER: the listed products earn `percent`% of their base (SPEND) micro-points, floored. */
export const productMultiplierRule: EarningRuleKind<ProductMultiplierArgs> = {
  code: 'PRODUCT_MULTIPLIER',
  description: 'A percentage of the base points on the listed products (200 = double points)',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['productIds', 'percent'], (r) => ({
      productIds: r.ids('productIds'),
      percent: r.int('percent', 1, MAX_PERCENT),
    })),
  linePoints: (args, line) => (args.productIds.includes(line.productId) ? (line.basePoints * BigInt(args.percent)) / 100n : null),
};
