import type { EarningRuleKind } from '../earning-rule';
import { parseArgsWith } from './rule-args';

export interface ExcludeArgs {
  productIds: string[];
  categoryIds: string[];
}

/**
 * EXCLUDE: the listed products and categories earn no points and do not count towards the
 * minimum spend (e.g. gift cards, tobacco). Exclusion beats every line rule.
 */
export const excludeRule: EarningRuleKind<ExcludeArgs> = {
  code: 'EXCLUDE',
  description: 'Products or categories that earn nothing and do not count towards the minimum spend',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['productIds', 'categoryIds'], (r) => {
      const args = { productIds: r.optionalIds('productIds'), categoryIds: r.optionalIds('categoryIds') };
      if (args.productIds.length === 0 && args.categoryIds.length === 0) r.fail('list at least one product or category to exclude');
      return args;
    }),
  excludes: (args, line) =>
    args.productIds.includes(line.productId) || (line.categoryId !== null && args.categoryIds.includes(line.categoryId)),
};
