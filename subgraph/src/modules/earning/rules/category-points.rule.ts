import { MICRO, type EarningRuleKind } from '../earning-rule';
import { parseArgsWith } from './rule-args';

export interface CategoryPointsArgs {
  categoryIds: string[];
  /** Whole points per unit sold, 1..1_000_000. */
  pointsPerUnit: number;
}

/** CATEGORY_POINTS: fixed points per unit of products in the listed categories (free units included). */
export const categoryPointsRule: EarningRuleKind<CategoryPointsArgs> = {
  code: 'CATEGORY_POINTS',
  description: 'Fixed points per unit of products in the listed categories',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['categoryIds', 'pointsPerUnit'], (r) => ({
      categoryIds: r.ids('categoryIds'),
      pointsPerUnit: r.int('pointsPerUnit', 1, 1_000_000),
    })),
  linePoints: (args, line) =>
    line.categoryId !== null && args.categoryIds.includes(line.categoryId)
      ? BigInt(line.quantity) * BigInt(args.pointsPerUnit) * MICRO
      : null,
};
