import type { EarningRuleKind } from '../earning-rule';
import { MAX_PERCENT, parseArgsWith } from './rule-args';

export interface CategoryMultiplierArgs {
  categoryIds: string[];
  /** Percent of the line's base points, 1..10_000 (200 = double points). */
  percent: number;
}

/** CATEGORY_MULTIPLIER: lines in the listed categories earn `percent`% of their base micro-points, floored. */
export const categoryMultiplierRule: EarningRuleKind<CategoryMultiplierArgs> = {
  code: 'CATEGORY_MULTIPLIER',
  description: 'A percentage of the base points on products in the listed categories',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['categoryIds', 'percent'], (r) => ({
      categoryIds: r.ids('categoryIds'),
      percent: r.int('percent', 1, MAX_PERCENT),
    })),
  linePoints: (args, line) =>
    line.categoryId !== null && args.categoryIds.includes(line.categoryId) ? (line.basePoints * BigInt(args.percent)) / 100n : null,
};
