import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEarn, type EarnRule, type SaleLineInputData } from './earn-calculator';

const spend = (id = 'spend', pointsPerStep = 1, stepMinor = 100): EarnRule => ({ id, kind: 'SPEND', args: { pointsPerStep, stepMinor } });
const sale = (lines: SaleLineInputData[], channel = 'POS') => ({ channel, currencyCode: 'EUR', lines });
const bread = (quantity = 1, unitPrice = 1000): SaleLineInputData => ({ productId: 'bread', categoryId: 'bakery', quantity, unitPrice });

describe('calculateEarn: SPEND base', () => {
  it('earns 1 point per 100 minor units and splits the points over the lines', () => {
    const r = calculateEarn(sale([bread(2, 1000), { productId: 'milk', categoryId: 'dairy', quantity: 1, unitPrice: 550 }]), [spend()], 100);
    expect(r.points).toBe(25); // 20 + 5.5
    expect(r.eligibleAmount).toBe(2550);
    expect(r.lines).toEqual([
      { index: 0, points: 20, ruleId: 'spend', ruleKind: 'SPEND', excluded: false },
      { index: 1, points: 5, ruleId: 'spend', ruleKind: 'SPEND', excluded: false },
    ]);
    expect(r).toMatchObject({ belowMinimumSpend: false, channelMultiplierPercent: 100, tierMultiplierPercent: 100, invalidRules: [] });
  });

  it('floors once on the sale, so fractions of several lines add up', () => {
    const r = calculateEarn(sale([bread(1, 99), bread(1, 99), bread(1, 99)]), [spend()], 100);
    expect(r.points).toBe(2); // 2.97, not 3 x floor(0.99) = 0
    expect(r.lines.map((l) => l.points)).toEqual([1, 1, 0]);
  });

  it('earns nothing without rules, and nothing from SPEND on a free line', () => {
    expect(calculateEarn(sale([bread()]), [], 100)).toMatchObject({ points: 0, lines: [{ points: 0, ruleId: null, ruleKind: null, excluded: false }] });
    expect(calculateEarn(sale([bread(3, 0)]), [spend()], 100)).toMatchObject({ points: 0, lines: [{ points: 0, ruleId: null }] });
    expect(calculateEarn(sale([]), [spend()], 100)).toMatchObject({ points: 0, eligibleAmount: 0, lines: [] });
  });

  it('takes the largest of several SPEND rules as the base', () => {
    const r = calculateEarn(sale([bread(1, 1000)]), [spend('low', 1, 100), spend('high', 3, 100), spend('mid', 2, 100)], 100);
    expect(r).toMatchObject({ points: 30, lines: [{ ruleId: 'high' }] });
  });
});

describe('calculateEarn: most generous line rule wins', () => {
  const rules: EarnRule[] = [
    spend(),
    { id: 'double-coffee', kind: 'PRODUCT_MULTIPLIER', args: { productIds: ['coffee'], percent: 200 } },
    { id: 'coffee-bonus', kind: 'PRODUCT_POINTS', args: { productIds: ['coffee'], pointsPerUnit: 50 } },
    { id: 'bakery-triple', kind: 'CATEGORY_MULTIPLIER', args: { categoryIds: ['bakery'], percent: 300 } },
    { id: 'bakery-fixed', kind: 'CATEGORY_POINTS', args: { categoryIds: ['bakery'], pointsPerUnit: 4 } },
  ];

  it('picks per line the rule giving the most points; rules do not stack', () => {
    const r = calculateEarn(
      sale([
        { productId: 'coffee', categoryId: 'drinks', quantity: 1, unitPrice: 1000 }, // spend 10, x2 20, fixed 50
        { productId: 'coffee', categoryId: 'drinks', quantity: 1, unitPrice: 5000 }, // spend 50, x2 100, fixed 50
        bread(2, 100), // spend 2, x3 6, fixed 8
        bread(1, 1000), // spend 10, x3 30, fixed 4
        { productId: 'soap', categoryId: null, quantity: 1, unitPrice: 700 }, // spend 7 only
      ]),
      rules,
      100,
    );
    expect(r.lines.map((l) => [l.points, l.ruleId])).toEqual([
      [50, 'coffee-bonus'],
      [100, 'double-coffee'],
      [8, 'bakery-fixed'],
      [30, 'bakery-triple'],
      [7, 'spend'],
    ]);
    expect(r.points).toBe(195);
  });

  it('on a tie the earlier rule wins', () => {
    const tied: EarnRule[] = [
      { id: 'first', kind: 'PRODUCT_POINTS', args: { productIds: ['bread'], pointsPerUnit: 10 } },
      spend(),
      { id: 'second', kind: 'CATEGORY_POINTS', args: { categoryIds: ['bakery'], pointsPerUnit: 10 } },
    ];
    expect(calculateEarn(sale([bread(1, 1000)]), tied, 100).lines[0]).toMatchObject({ points: 10, ruleId: 'first', ruleKind: 'PRODUCT_POINTS' });
    expect(calculateEarn(sale([bread(1, 1000)]), [tied[1]!, tied[0]!], 100).lines[0]).toMatchObject({ ruleId: 'spend' });
  });

  it('a multiplier below 100% never beats the base', () => {
    const r = calculateEarn(sale([bread(1, 1000)]), [{ id: 'half', kind: 'CATEGORY_MULTIPLIER', args: { categoryIds: ['bakery'], percent: 50 } }, spend()], 100);
    expect(r.lines[0]).toMatchObject({ points: 10, ruleId: 'spend' });
  });

  it('gives free gifts their fixed points (a programme choice), but no multiplied points', () => {
    const gift = { productId: 'tote-bag', categoryId: 'gifts', quantity: 2, unitPrice: 0 };
    const r = calculateEarn(
      sale([gift]),
      [spend(), { id: 'x10', kind: 'CATEGORY_MULTIPLIER', args: { categoryIds: ['gifts'], percent: 1000 } }, { id: 'tote', kind: 'PRODUCT_POINTS', args: { productIds: ['tote-bag'], pointsPerUnit: 15 } }],
      100,
    );
    expect(r).toMatchObject({ points: 30, eligibleAmount: 0, lines: [{ points: 30, ruleId: 'tote' }] });
  });
});

describe('calculateEarn: exclusions and minimum spend', () => {
  const exclude: EarnRule = { id: 'no-tobacco', kind: 'EXCLUDE', args: { categoryIds: ['tobacco'] } };
  const cigarettes: SaleLineInputData = { productId: 'cigs', categoryId: 'tobacco', quantity: 1, unitPrice: 2000 };
  const minSpend = (amountMinor: number, id = 'min'): EarnRule => ({ id, kind: 'MIN_SPEND', args: { amountMinor } });

  it('an excluded line earns nothing, even from a fixed-points rule, and names the excluding rule', () => {
    const r = calculateEarn(sale([cigarettes, bread(1, 800)]), [spend(), { id: 'cig-bonus', kind: 'PRODUCT_POINTS', args: { productIds: ['cigs'], pointsPerUnit: 99 } }, exclude], 100);
    expect(r.points).toBe(8);
    expect(r.eligibleAmount).toBe(800);
    expect(r.lines).toEqual([
      { index: 0, points: 0, ruleId: 'no-tobacco', ruleKind: 'EXCLUDE', excluded: true },
      { index: 1, points: 8, ruleId: 'spend', ruleKind: 'SPEND', excluded: false },
    ]);
  });

  it('excluded lines do not count towards the minimum spend', () => {
    const r = calculateEarn(sale([cigarettes, bread(1, 800)]), [spend(), exclude, minSpend(1000)], 100);
    expect(r).toMatchObject({ points: 0, eligibleAmount: 800, belowMinimumSpend: true });
    expect(r.lines).toEqual([
      { index: 0, points: 0, ruleId: 'no-tobacco', ruleKind: 'EXCLUDE', excluded: true },
      { index: 1, points: 0, ruleId: null, ruleKind: null, excluded: false },
    ]);
    // the same sale without the exclusion clears the minimum
    expect(calculateEarn(sale([cigarettes, bread(1, 800)]), [spend(), minSpend(1000)], 100)).toMatchObject({ points: 28, belowMinimumSpend: false });
  });

  it('a sale exactly at the minimum earns; the largest minimum applies', () => {
    expect(calculateEarn(sale([bread(1, 1000)]), [spend(), minSpend(1000)], 100)).toMatchObject({ points: 10, belowMinimumSpend: false });
    expect(calculateEarn(sale([bread(1, 1000)]), [spend(), minSpend(1001), minSpend(500, 'low')], 100)).toMatchObject({ points: 0, belowMinimumSpend: true });
    expect(calculateEarn(sale([bread(1, 1000)]), [minSpend(500, 'low'), spend(), minSpend(1001)], 150)).toMatchObject({ points: 0, belowMinimumSpend: true });
  });

  it('a minimum spend also stops fixed points on free items', () => {
    const gift = { productId: 'tote-bag', categoryId: 'gifts', quantity: 1, unitPrice: 0 };
    const r = calculateEarn(sale([gift]), [{ id: 'tote', kind: 'PRODUCT_POINTS', args: { productIds: ['tote-bag'], pointsPerUnit: 15 } }, minSpend(1)], 100);
    expect(r).toMatchObject({ points: 0, belowMinimumSpend: true });
  });
});

describe('calculateEarn: sale multipliers', () => {
  const channel = (id: string, channels: string[], percent: number): EarnRule => ({ id, kind: 'CHANNEL_MULTIPLIER', args: { channels, percent } });

  it('applies the largest matching channel multiplier, none for other channels', () => {
    const rules = [spend(), channel('web-x2', ['WEB'], 200), channel('web-app-x1.5', ['WEB', 'APP'], 150)];
    expect(calculateEarn(sale([bread(1, 1000)], 'WEB'), rules, 100)).toMatchObject({ points: 20, channelMultiplierPercent: 200 });
    expect(calculateEarn(sale([bread(1, 1000)], 'APP'), rules, 100)).toMatchObject({ points: 15, channelMultiplierPercent: 150 });
    expect(calculateEarn(sale([bread(1, 1000)], 'POS'), rules, 100)).toMatchObject({ points: 10, channelMultiplierPercent: 100 });
  });

  it('multiplies channel and tier on the summed micro-points, then floors once', () => {
    // 25.5 points x 2 x 1.5 = 76.5 -> 76
    const r = calculateEarn(sale([bread(2, 1000), bread(1, 550)], 'WEB'), [spend(), channel('web', ['WEB'], 200)], 150);
    expect(r).toMatchObject({ points: 76, channelMultiplierPercent: 200, tierMultiplierPercent: 150 });
    expect(r.lines.map((l) => l.points)).toEqual([60, 16]);
    // 0.5 points x 1.5 = 0.75 -> 0; x 3 = 1.5 -> 1
    expect(calculateEarn(sale([bread(1, 50)]), [spend()], 150).points).toBe(0);
    expect(calculateEarn(sale([bread(1, 50)]), [spend()], 300).points).toBe(1);
  });

  it('a tier multiplier of 0 earns nothing', () => {
    expect(calculateEarn(sale([bread(1, 1000)]), [spend()], 0)).toMatchObject({ points: 0, lines: [{ points: 0, ruleId: 'spend' }] });
  });
});

describe('calculateEarn: stored rules that do not parse', () => {
  it('reports and skips them, applying the rest', () => {
    const r = calculateEarn(
      sale([bread(1, 1000)]),
      [
        { id: 'r1', kind: 'SPEND', args: { pointsPerStep: 0.5, stepMinor: 100 } },
        { id: 'r2', kind: 'LOTTERY', args: {} },
        { id: 'r3', kind: 'PRODUCT_MULTIPLIER', args: { productIds: ['bread'], percent: 200, stack: true } },
        spend('r4', 2, 100),
      ],
      100,
    );
    expect(r.points).toBe(20);
    expect(r.lines[0]).toMatchObject({ ruleId: 'r4' });
    expect(r.invalidRules.map((i) => i.id)).toEqual(['r1', 'r2', 'r3']);
    expect(r.invalidRules[0]!.message).toMatch(/^SPEND: pointsPerStep must be an integer/);
    expect(r.invalidRules[1]!.message).toMatch(/unknown earning rule kind "LOTTERY"/);
    expect(r.invalidRules[2]!.message).toMatch(/unknown argument "stack"/);
  });
});

describe('calculateEarn: exact integers at the limits', () => {
  it('stays exact for the largest valid sale (500 lines x 10,000 units x 1,000,000.00)', () => {
    const lines = Array.from({ length: 500 }, () => bread(10_000, 100_000_000));
    const r = calculateEarn(sale(lines), [spend()], 150);
    expect(r.eligibleAmount).toBe(500_000_000_000_000);
    expect(r.points).toBe(7_500_000_000_000);
    expect(r.lines.every((l) => l.points === 15_000_000_000)).toBe(true);
  });

  it('keeps odd ratios exact where a float would drift', () => {
    const lines = Array.from({ length: 500 }, () => bread(10_000, 99_999_999));
    const r = calculateEarn(sale(lines, 'WEB'), [spend('s', 7, 3), { id: 'c', kind: 'CHANNEL_MULTIPLIER', args: { channels: ['WEB'], percent: 137 } }], 149);
    // 500 x floor(999,999,990,000 x 7 x 10,000 / 3) micro x 1.37 x 1.49, floored once
    expect(r.points).toBe(2_381_516_642_851_500);
    expect(r.lines.every((l) => l.points === 4_763_033_285_703)).toBe(true);
  });

  it('refuses a programme whose points would not fit a safe integer', () => {
    expect(() => calculateEarn(sale([bread(10_000, 100_000_000)]), [spend('s', 1_000_000, 1)], 100)).toThrow(RangeError);
  });

  it('refuses fractional or negative input rather than produce a float', () => {
    expect(() => calculateEarn(sale([bread(1.5, 100)]), [spend()], 100)).toThrow(RangeError);
    expect(() => calculateEarn(sale([bread(1, -100)]), [spend()], 100)).toThrow(RangeError);
    expect(() => calculateEarn(sale([bread(1, 100)]), [spend()], 99.5)).toThrow(RangeError);
    expect(() => calculateEarn(sale([bread(1, 100)]), [spend()], -1)).toThrow(RangeError);
  });
});

describe('calculateEarn: properties', () => {
  const products = ['p1', 'p2', 'p3', 'p4'];
  const categories = ['c1', 'c2'];
  const someOf = (ids: string[]) => fc.subarray(ids, { minLength: 1 });
  const rawRule = fc.oneof(
    fc.record({ kind: fc.constant('SPEND'), args: fc.record({ pointsPerStep: fc.integer({ min: 1, max: 10 }), stepMinor: fc.integer({ min: 1, max: 10_000 }) }) }),
    fc.record({ kind: fc.constant('PRODUCT_POINTS'), args: fc.record({ productIds: someOf(products), pointsPerUnit: fc.integer({ min: 1, max: 1000 }) }) }),
    fc.record({ kind: fc.constant('CATEGORY_POINTS'), args: fc.record({ categoryIds: someOf(categories), pointsPerUnit: fc.integer({ min: 1, max: 1000 }) }) }),
    fc.record({ kind: fc.constant('PRODUCT_MULTIPLIER'), args: fc.record({ productIds: someOf(products), percent: fc.integer({ min: 1, max: 1000 }) }) }),
    fc.record({ kind: fc.constant('CATEGORY_MULTIPLIER'), args: fc.record({ categoryIds: someOf(categories), percent: fc.integer({ min: 1, max: 1000 }) }) }),
    fc.record({ kind: fc.constant('EXCLUDE'), args: fc.record({ productIds: fc.subarray(products), categoryIds: someOf(categories) }) }),
    fc.record({ kind: fc.constant('CHANNEL_MULTIPLIER'), args: fc.record({ channels: someOf(['POS', 'WEB']), percent: fc.integer({ min: 1, max: 1000 }) }) }),
    fc.record({ kind: fc.constant('MIN_SPEND'), args: fc.record({ amountMinor: fc.integer({ min: 0, max: 100_000 }) }) }),
    // junk that must be reported, never crash or change the outcome
    fc.record({ kind: fc.constantFrom('SPEND', 'NOPE'), args: fc.oneof(fc.constant(null), fc.record({ pointsPerStep: fc.double() })) }),
  );
  const rules = fc.array(rawRule, { maxLength: 8 }).map((rs) => rs.map((r, i): EarnRule => ({ id: `r${i}`, ...r })));
  const line = fc.record({
    productId: fc.constantFrom(...products),
    categoryId: fc.constantFrom('c1', 'c2', null),
    quantity: fc.integer({ min: 1, max: 10_000 }),
    unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  });
  const saleArb = fc.record({ channel: fc.constantFrom('POS', 'WEB', 'APP'), currencyCode: fc.constant('EUR'), lines: fc.array(line, { maxLength: 20 }) });
  const tier = fc.integer({ min: 0, max: 1000 });

  it('line points sum to the total, and every figure is a non-negative integer', () => {
    fc.assert(
      fc.property(saleArb, rules, tier, (s, rs, t) => {
        const r = calculateEarn(s, rs, t);
        const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;
        expect(isCount(r.points)).toBe(true);
        expect(isCount(r.eligibleAmount)).toBe(true);
        expect(r.lines).toHaveLength(s.lines.length);
        for (const l of r.lines) expect(isCount(l.points)).toBe(true);
        expect(r.lines.reduce((a, l) => a + l.points, 0)).toBe(r.points);
        for (const l of r.lines) if (l.excluded) expect(l.points).toBe(0);
        if (r.belowMinimumSpend) expect(r.points).toBe(0);
      }),
    );
  });

  it('the total never falls when the tier multiplier rises', () => {
    fc.assert(
      fc.property(saleArb, rules, tier, tier, (s, rs, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(calculateEarn(s, rs, low).points).toBeLessThanOrEqual(calculateEarn(s, rs, high).points);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(saleArb, rules, tier, (s, rs, t) => {
        expect(calculateEarn(s, rs, t)).toEqual(calculateEarn(s, rs, t));
      }),
    );
  });
});
