import type { EarningRuleKind } from '../earning-rule';
import { MAX_PERCENT, parseArgsWith } from './rule-args';

export interface ChannelMultiplierArgs {
  /** Channel codes, matched exactly (case-sensitive). */
  channels: string[];
  /** Percent applied to the whole sale, 1..10_000 (100 = 1x). */
  percent: number;
}

/** CHANNEL_MULTIPLIER: a sale in one of the listed channels earns `percent`% of its points. */
export const channelMultiplierRule: EarningRuleKind<ChannelMultiplierArgs> = {
  code: 'CHANNEL_MULTIPLIER',
  description: 'A percentage of the whole sale\'s points for sales in the listed channels',
  parseArgs: (raw) =>
    parseArgsWith(raw, ['channels', 'percent'], (r) => ({
      channels: r.ids('channels'),
      percent: r.int('percent', 1, MAX_PERCENT),
    })),
  saleMultiplierPercent: (args, sale) => (args.channels.includes(sale.channel) ? args.percent : null),
};
