import { MICRO, type EarningRuleKind } from '../earning-rule';
import { parseArgsWith } from './rule-args';

export interface ProductPointsArgs {
  productIds: string[];
  /** Whole points per unit sold, 1..1_000_000. */
  pointsPerUnit: number;
}

/**
 * PRODUCT_POINTS: fixed points per unit of the listed products, whatever their price. Free
 * (zero-price) units earn them too: rewarding a gift with points is the programme's choice.
 */
export const productPointsRule: EarningRuleKind<ProductPointsArgs> = {
  code: 'PRODUCT_POINTS',
  description: 'Fixed points per unit of the listed products',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['productIds', 'pointsPerUnit'], (r) => ({
      productIds: r.ids('productIds'),
      pointsPerUnit: r.int('pointsPerUnit', 1, 1_000_000),
    })),
  linePoints: (args, line) =>
    args.productIds.includes(line.productId) ? BigInt(line.quantity) * BigInt(args.pointsPerUnit) * MICRO : null,
};
