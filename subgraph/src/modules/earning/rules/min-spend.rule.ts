import type { EarningRuleKind } from '../earning-rule';
import { parseArgsWith } from './rule-args';

export interface MinSpendArgs {
  /** Minimum eligible spend in minor units, 0..1_000_000_000. */
  amountMinor: number;
}

/** MIN_SPEND: a sale whose eligible (non-excluded) amount is below `amountMinor` earns nothing. */
export const minSpendRule: EarningRuleKind<MinSpendArgs> = {
  code: 'MIN_SPEND',
  description: 'The least eligible spend (minor units) for a sale to earn any points',
  parseArgs: (raw) => parseArgsWith(raw, ['amountMinor'], (r) => ({ amountMinor: r.int('amountMinor', 0, 1_000_000_000) })),
  minimumSpend: (args) => BigInt(args.amountMinor),
};
