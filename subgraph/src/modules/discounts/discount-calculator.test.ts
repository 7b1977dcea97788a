import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyLevelDiscounts, priceSale, unitDiscountOf, type LevelDiscounts } from './discount-calculator';

const gold = (rules: LevelDiscounts['rules']): LevelDiscounts => ({ tierId: 't-gold', tierName: 'Gold', rules });

describe('priceSale', () => {
  it('takes the percent off each unit, rounded half up to whole minor units', () => {
    expect(unitDiscountOf(1299, 10)).toBe(130); // 129.9
    expect(unitDiscountOf(1245, 10)).toBe(125); // 124.5 rounds up
    expect(unitDiscountOf(1244, 10)).toBe(124); // 124.4
    expect(unitDiscountOf(999, 100)).toBe(999);
    expect(unitDiscountOf(0, 50)).toBe(0);
    const p = priceSale([{ productId: 'L', categoryId: 'beauty', quantity: 3, unitPrice: 1299 }], gold([{ id: 'r1', name: 'Beauty', kind: 'CATEGORY_PERCENT', args: { categoryIds: ['beauty'], percent: 10 } }]));
    expect(p.lines[0]).toMatchObject({ unitDiscount: 130, unitPrice: 1169, discountMinor: 390, listAmount: 3897, amount: 3507 });
    expect(p).toMatchObject({ subtotalMinor: 3897, discountMinor: 390, totalMinor: 3507, invalidRules: [] });
  });

  it('lets the most generous rule win, the earlier on a tie, without stacking', () => {
    const level = gold([
      { id: 'a', name: 'A', kind: 'CATEGORY_PERCENT', args: { categoryIds: ['c'], percent: 10 } },
      { id: 'b', name: 'B', kind: 'PRODUCT_PERCENT', args: { productIds: ['p'], percent: 10 } },
      { id: 'c', name: 'C', kind: 'PRODUCT_PERCENT', args: { productIds: ['q'], percent: 20 } },
    ]);
    const p = priceSale([{ productId: 'p', categoryId: 'c', quantity: 1, unitPrice: 1000 }, { productId: 'q', categoryId: 'c', quantity: 1, unitPrice: 1000 }], level);
    expect(p.lines.map((l) => [l.discountMinor, l.reason?.ruleId])).toEqual([[100, 'a'], [200, 'c']]);
  });

  it('gives nothing without a level, ignores rules that do not parse, and reports them', () => {
    const line = { productId: 'p', categoryId: 'c', quantity: 2, unitPrice: 500 };
    expect(priceSale([line], null)).toMatchObject({ discountMinor: 0, totalMinor: 1000 });
    const p = priceSale([line], gold([{ id: 'x', name: 'X', kind: 'GONE', args: {} }, { id: 'y', name: 'Y', kind: 'PRODUCT_PERCENT', args: { productIds: ['p'], percent: 0 } }]));
    expect(p.discountMinor).toBe(0);
    expect(p.invalidRules.map((r) => r.id)).toEqual(['x', 'y']);
    expect(p.lines[0]!.reason).toBeNull();
  });

  it('never takes more than the price, and the totals always add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ productId: fc.constantFrom('p', 'q', 'r'), categoryId: fc.constantFrom('c', 'd', null), quantity: fc.integer({ min: 1, max: 10_000 }), unitPrice: fc.integer({ min: 0, max: 100_000_000 }) }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 100 }),
        (lines, percent) => {
          const p = priceSale(lines, gold([{ id: 'r', name: 'R', kind: 'CATEGORY_PERCENT', args: { categoryIds: ['c'], percent } }]));
          let discount = 0;
          p.lines.forEach((l, i) => {
            expect(l.unitPrice).toBeGreaterThanOrEqual(0);
            expect(l.unitPrice + l.unitDiscount).toBe(lines[i]!.unitPrice);
            expect(l.discountMinor).toBe(lines[i]!.quantity * l.unitDiscount);
            discount += l.discountMinor;
          });
          expect(p.discountMinor).toBe(discount);
          expect(p.totalMinor + p.discountMinor).toBe(p.subtotalMinor);
        },
      ),
    );
  });
});

describe('anyLevelDiscounts', () => {
  it('says whether some level would discount one of the lines', () => {
    const levels = [gold([{ id: 'r', name: 'R', kind: 'PRODUCT_PERCENT', args: { productIds: ['p'], percent: 5 } }])];
    expect(anyLevelDiscounts([{ productId: 'p', categoryId: null, quantity: 1, unitPrice: 100 }], levels)).toBe(true);
    expect(anyLevelDiscounts([{ productId: 'q', categoryId: null, quantity: 1, unitPrice: 100 }], levels)).toBe(false);
    // 5% of 9 is 0.45: rounds to nothing, so nothing to discount
    expect(anyLevelDiscounts([{ productId: 'p', categoryId: null, quantity: 1, unitPrice: 9 }], levels)).toBe(false);
    expect(anyLevelDiscounts([{ productId: 'p', categoryId: null, quantity: 1, unitPrice: 100 }], [])).toBe(false);
  });
});
