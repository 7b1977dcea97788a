import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cashTender, cashValueOf, checkPoints, maxPoints, totalAfterCoupons } from './tender';

const programme = { redeemPoints: 100, redeemAmountMinor: 100, minRedeemPoints: 100, maxRedeemSharePercent: 50 };

describe('tender arithmetic', () => {
  it('limits points by balance, share of the sale and the minimum', () => {
    expect(maxPoints(programme, 10_000, 2000)).toBe(1000); // 50% of 20.00
    expect(maxPoints(programme, 300, 2000)).toBe(300);
    expect(maxPoints(programme, 99, 2000)).toBe(0);
    expect(checkPoints(programme, 1001, 10_000, 2000)).toEqual({ ok: false, message: 'At most 1000 points on this sale' });
    expect(checkPoints(programme, 50, 10_000, 2000).ok).toBe(false);
    expect(checkPoints(programme, 0, 10_000, 2000).ok).toBe(true);
  });

  it('gives change only from cash', () => {
    expect(cashTender(2000, 700, 2000)).toEqual({ cashDue: 1300, change: 700, covered: true });
    expect(cashTender(2000, 2000, 0)).toEqual({ cashDue: 0, change: 0, covered: true });
    expect(cashTender(2000, 500, 1000)).toEqual({ cashDue: 1500, change: 0, covered: false });
  });

  it('never lets points pay more than the sale or give change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (total, available, share, p, a) => {
        const prog = { redeemPoints: p, redeemAmountMinor: a, minRedeemPoints: 1, maxRedeemSharePercent: share };
        const points = maxPoints(prog, available, total);
        expect(points).toBeLessThanOrEqual(available);
        expect(cashValueOf(prog, points)).toBeLessThanOrEqual(Math.floor((total * share) / 100));
        const t = cashTender(total, cashValueOf(prog, points), 0);
        expect(t.cashDue + cashValueOf(prog, points)).toBe(total);
      }),
    );
  });

  it('applies percent coupons then vouchers, never below zero', () => {
    expect(totalAfterCoupons(10_000, [{ kind: 'PERCENT_DISCOUNT', percent: 10 }, { kind: 'CASH_VOUCHER', valueMinor: 500 }])).toEqual({ total: 8500, discount: 1500 });
    expect(totalAfterCoupons(300, [{ kind: 'CASH_VOUCHER', valueMinor: 500 }])).toEqual({ total: 0, discount: 300 });
  });
});
