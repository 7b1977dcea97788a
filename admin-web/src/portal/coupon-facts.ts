import type { LoyaltyCouponKind } from '../gql/graphql';
import { formatMoney, type Money } from '../shared/format';

/** What a coupon is worth, in words: a cash amount, a percentage, or the gift to collect. */
export function couponValue(c: { kind: LoyaltyCouponKind; value?: Money | null; percent?: number | null; title: string }): string {
  if (c.kind === 'CASH_VOUCHER') return `${formatMoney(c.value)} off`;
  if (c.kind === 'PERCENT_DISCOUNT') return `${c.percent ?? '–'}% off`;
  return 'Gift to collect';
}
