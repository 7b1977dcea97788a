import { MICRO, type EarningRuleKind } from '../earning-rule';
import { parseArgsWith } from './rule-args';

/** `pointsPerStep` points for every `stepMinor` minor units spent, e.g. 1 point per 100 minor units. */
export interface SpendArgs {
  /** Whole points per step, 1..1_000_000. */
  pointsPerStep: number;
  /** Size of a step in minor units, 1..1_000_000_000. */
  stepMinor: number;
}

/**
 * SPEND: the base rule. A line earns `amount * pointsPerStep / stepMinor` points, kept in
 * micro-points (floored at micro precision, so fractions of a point carry over to the sale total).
 * Zero-price lines earn nothing from it.
 */
export const spendRule: EarningRuleKind<SpendArgs> = {
  code: 'SPEND',
  description: 'Points for every step of money spent on a line (the base that multipliers scale)',
  base: true,
  parseArgs: (raw) =>
    parseArgsWith(raw, ['pointsPerStep', 'stepMinor'], (r) => ({
      pointsPerStep: r.int('pointsPerStep', 1, 1_000_000),
      stepMinor: r.int('stepMinor', 1, 1_000_000_000),
    })),
  linePoints: (args, line) => (line.amount * BigInt(args.pointsPerStep) * MICRO) / BigInt(args.stepMinor),
};
