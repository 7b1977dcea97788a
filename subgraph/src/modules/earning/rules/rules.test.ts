import { describe, expect, it } from 'vitest';
import { MICRO, type SaleContext, type SaleLineContext } from '../earning-rule';
import { EARNING_RULE_KINDS, parseRule } from './index';

function line(over: Partial<SaleLineContext> = {}): SaleLineContext {
  const quantity = over.quantity ?? 1;
  const unitPrice = over.unitPrice ?? 1000;
  return { index: 0, productId: 'p1', categoryId: 'c1', quantity, unitPrice, amount: BigInt(quantity * unitPrice), basePoints: 0n, ...over };
}

function parsed(kind: string, args: unknown) {
  const result = parseRule(kind, args);
  if (!result.ok) throw new Error(result.message);
  return result.rule;
}

function rejection(kind: string, args: unknown): string {
  const result = parseRule(kind, args);
  expect(result.ok, `${kind} ${JSON.stringify(args)} should be rejected`).toBe(false);
  return result.ok ? '' : result.message;
}

describe('registry', () => {
  it('registers every kind under its own code', () => {
    expect(Object.keys(EARNING_RULE_KINDS).sort()).toEqual(
      ['CATEGORY_MULTIPLIER', 'CATEGORY_POINTS', 'CHANNEL_MULTIPLIER', 'EXCLUDE', 'MIN_SPEND', 'PRODUCT_MULTIPLIER', 'PRODUCT_POINTS', 'SPEND'].sort(),
    );
    for (const [code, kind] of Object.entries(EARNING_RULE_KINDS)) {
      expect(kind.code).toBe(code);
      expect(kind.description.length).toBeGreaterThan(0);
    }
  });

  it('reports an unknown kind, including inherited object keys', () => {
    expect(rejection('BONUS', {})).toMatch(/unknown earning rule kind "BONUS"/);
    expect(rejection('constructor', {})).toMatch(/unknown earning rule kind/);
    expect(rejection('toString', {})).toMatch(/unknown earning rule kind/);
  });
});

describe('strict arguments', () => {
  it.each([
    ['SPEND', null, /must be an object/],
    ['SPEND', [], /must be an object/],
    ['SPEND', 'x', /must be an object/],
    ['SPEND', { pointsPerStep: 1 }, /stepMinor must be an integer from 1 to 1000000000, got nothing/],
    ['SPEND', { pointsPerStep: 1.5, stepMinor: 100 }, /pointsPerStep must be an integer .* got 1.5/],
    ['SPEND', { pointsPerStep: '1', stepMinor: 100 }, /pointsPerStep must be an integer .* got "1"/],
    ['SPEND', { pointsPerStep: -1, stepMinor: 100 }, /pointsPerStep/],
    ['SPEND', { pointsPerStep: 0, stepMinor: 100 }, /pointsPerStep/],
    ['SPEND', { pointsPerStep: 1, stepMinor: 0 }, /stepMinor/],
    ['SPEND', { pointsPerStep: 1_000_001, stepMinor: 100 }, /pointsPerStep/],
    ['SPEND', { pointsPerStep: 1, stepMinor: Number.NaN }, /stepMinor/],
    ['SPEND', { pointsPerStep: 1, stepMinor: Infinity }, /stepMinor/],
    ['SPEND', { pointsPerStep: 1, stepMinor: 100, bonus: 5 }, /unknown argument "bonus"/],
    ['PRODUCT_POINTS', { productIds: [], pointsPerUnit: 5 }, /productIds must be a list of 1 to 1000 ids/],
    ['PRODUCT_POINTS', { productIds: 'p1', pointsPerUnit: 5 }, /productIds must be a list/],
    ['PRODUCT_POINTS', { productIds: [1], pointsPerUnit: 5 }, /productIds must hold ids of 1 to 64 characters/],
    ['PRODUCT_POINTS', { productIds: [''], pointsPerUnit: 5 }, /productIds must hold ids/],
    ['PRODUCT_POINTS', { productIds: ['x'.repeat(65)], pointsPerUnit: 5 }, /productIds must hold ids/],
    ['PRODUCT_POINTS', { productIds: Array.from({ length: 1001 }, (_, i) => `p${i}`), pointsPerUnit: 5 }, /productIds must be a list of 1 to 1000/],
    ['CATEGORY_POINTS', { categoryIds: ['c1'], pointsPerUnit: 0 }, /pointsPerUnit/],
    ['PRODUCT_MULTIPLIER', { productIds: ['p1'], percent: 10_001 }, /percent must be an integer from 1 to 10000/],
    ['CATEGORY_MULTIPLIER', { categoryIds: ['c1'], percent: 150.5 }, /percent/],
    ['EXCLUDE', {}, /at least one product or category/],
    ['EXCLUDE', { productIds: [], categoryIds: [] }, /at least one product or category/],
    ['EXCLUDE', { productIds: null }, /productIds must be a list/],
    ['CHANNEL_MULTIPLIER', { channels: [], percent: 200 }, /channels must be a list/],
    ['MIN_SPEND', { amountMinor: -1 }, /amountMinor must be an integer from 0 to 1000000000/],
    ['MIN_SPEND', { amountMinor: '500' }, /amountMinor/],
    ['MIN_SPEND', JSON.parse('{"amountMinor": 5, "__proto__": {"x": 1}}'), /unknown argument "__proto__"/],
  ])('%s rejects %j', (kind, args, message) => {
    const text = rejection(kind, args);
    expect(text).toMatch(message);
    expect(text.startsWith(`${kind}: `)).toBe(true);
  });

  it('accepts the edges of every range', () => {
    expect(parsed('SPEND', { pointsPerStep: 1_000_000, stepMinor: 1_000_000_000 }).args).toEqual({ pointsPerStep: 1_000_000, stepMinor: 1_000_000_000 });
    expect(parsed('MIN_SPEND', { amountMinor: 0 }).args).toEqual({ amountMinor: 0 });
    expect(parsed('PRODUCT_MULTIPLIER', { productIds: ['x'.repeat(64)], percent: 10_000 }).args).toMatchObject({ percent: 10_000 });
    expect(parsed('EXCLUDE', { categoryIds: ['c9'] }).args).toEqual({ productIds: [], categoryIds: ['c9'] });
    expect(parsed('PRODUCT_POINTS', { productIds: ['a', 'a', 'b'], pointsPerUnit: 1 }).args).toEqual({ productIds: ['a', 'b'], pointsPerUnit: 1 });
  });
});

describe('line rules', () => {
  it('SPEND gives points per step of spend in micro-points, floored at micro precision', () => {
    const spend = parsed('SPEND', { pointsPerStep: 1, stepMinor: 100 });
    expect(spend.kind.linePoints!(spend.args, line({ quantity: 3, unitPrice: 1000 }))).toBe(30n * MICRO);
    expect(spend.kind.linePoints!(spend.args, line({ quantity: 1, unitPrice: 99 }))).toBe(9_900n);
    expect(spend.kind.linePoints!(spend.args, line({ unitPrice: 0 }))).toBe(0n);
    const thirds = parsed('SPEND', { pointsPerStep: 1, stepMinor: 3 });
    expect(thirds.kind.linePoints!(thirds.args, line({ unitPrice: 1 }))).toBe(3_333n);
    expect(spend.kind.base).toBe(true);
  });

  it('PRODUCT_POINTS gives fixed points per unit of listed products only, even when free', () => {
    const rule = parsed('PRODUCT_POINTS', { productIds: ['gift'], pointsPerUnit: 25 });
    expect(rule.kind.linePoints!(rule.args, line({ productId: 'gift', quantity: 2, unitPrice: 0 }))).toBe(50n * MICRO);
    expect(rule.kind.linePoints!(rule.args, line({ productId: 'other' }))).toBeNull();
  });

  it('CATEGORY_POINTS matches the category, never a line without one', () => {
    const rule = parsed('CATEGORY_POINTS', { categoryIds: ['c1'], pointsPerUnit: 3 });
    expect(rule.kind.linePoints!(rule.args, line({ quantity: 4 }))).toBe(12n * MICRO);
    expect(rule.kind.linePoints!(rule.args, line({ categoryId: 'c2' }))).toBeNull();
    expect(rule.kind.linePoints!(rule.args, line({ categoryId: null }))).toBeNull();
  });

  it('multipliers scale the base points of matching lines', () => {
    const product = parsed('PRODUCT_MULTIPLIER', { productIds: ['p1'], percent: 250 });
    expect(product.kind.linePoints!(product.args, line({ basePoints: 10_001n }))).toBe(25_002n);
    expect(product.kind.linePoints!(product.args, line({ productId: 'p2', basePoints: 10_000n }))).toBeNull();
    const category = parsed('CATEGORY_MULTIPLIER', { categoryIds: ['c1'], percent: 300 });
    expect(category.kind.linePoints!(category.args, line({ basePoints: 7n }))).toBe(21n);
    expect(category.kind.linePoints!(category.args, line({ categoryId: null, basePoints: 7n }))).toBeNull();
  });

  it('EXCLUDE matches listed products or categories', () => {
    const rule = parsed('EXCLUDE', { productIds: ['tobacco'], categoryIds: ['gift-cards'] });
    expect(rule.kind.excludes!(rule.args, { productId: 'tobacco', categoryId: null })).toBe(true);
    expect(rule.kind.excludes!(rule.args, { productId: 'card-50', categoryId: 'gift-cards' })).toBe(true);
    expect(rule.kind.excludes!(rule.args, { productId: 'bread', categoryId: 'bakery' })).toBe(false);
  });
});

describe('sale rules', () => {
  const sale: SaleContext = { channel: 'WEB', currencyCode: 'EUR', lines: [], eligibleAmount: 0n };

  it('CHANNEL_MULTIPLIER applies to its channels only, case-sensitively', () => {
    const rule = parsed('CHANNEL_MULTIPLIER', { channels: ['WEB', 'APP'], percent: 200 });
    expect(rule.kind.saleMultiplierPercent!(rule.args, sale)).toBe(200);
    expect(rule.kind.saleMultiplierPercent!(rule.args, { ...sale, channel: 'POS' })).toBeNull();
    expect(rule.kind.saleMultiplierPercent!(rule.args, { ...sale, channel: 'web' })).toBeNull();
  });

  it('MIN_SPEND states its minimum in minor units', () => {
    const rule = parsed('MIN_SPEND', { amountMinor: 1500 });
    expect(rule.kind.minimumSpend!(rule.args)).toBe(1500n);
  });
});
