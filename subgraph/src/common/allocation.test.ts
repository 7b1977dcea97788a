import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocation';

const total = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 24n }), { minLength: 1, maxLength: 40 });
/** At least one positive weight, so any total can be split. */
const splittable = weights.filter((ws) => ws.some((w) => w > 0n));

describe('allocate', () => {
  it('splits by largest remainder, ties to the lower index', () => {
    expect(allocate(10, [1n, 1n, 1n])).toEqual([4, 3, 3]);
    expect(allocate(100, [1n, 2n, 3n])).toEqual([17, 33, 50]);
    expect(allocate(2, [1n, 0n, 1n, 1n])).toEqual([1, 0, 1, 0]);
    expect(allocate(7, [5n])).toEqual([7]);
    expect(allocate(0, [3n, 4n])).toEqual([0, 0]);
  });

  it('gives the leftover unit to the largest remainder, not the first index', () => {
    // exact shares 0.3, 0.7 -> the unit goes to the second part
    expect(allocate(1, [3n, 7n])).toEqual([0, 1]);
  });

  it('splits zero over zero weights and refuses to split something over nothing', () => {
    expect(allocate(0, [0n, 0n])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(1, [0n, 0n])).toThrow(RangeError);
    expect(() => allocate(1, [])).toThrow(RangeError);
  });

  it('rejects a negative, fractional or unsafe total and negative weights', () => {
    expect(() => allocate(-1, [1n])).toThrow(RangeError);
    expect(() => allocate(1.5, [1n])).toThrow(RangeError);
    expect(() => allocate(Number.NaN, [1n])).toThrow(RangeError);
    expect(() => allocate(2 ** 53, [1n])).toThrow(RangeError);
    expect(() => allocate(5, [1n, -1n])).toThrow(RangeError);
  });

  it('parts always sum exactly to the total', () => {
    fc.assert(
      fc.property(total, splittable, (t, ws) => {
        const parts = allocate(t, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        for (const p of parts) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
      }),
    );
  });

  it('each part is within 1 of its exact share', () => {
    fc.assert(
      fc.property(total, splittable, (t, ws) => {
        const sum = ws.reduce((a, b) => a + b, 0n);
        allocate(t, ws).forEach((p, i) => {
          const floor = (BigInt(t) * ws[i]!) / sum;
          expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
        });
      }),
    );
  });

  it('a zero weight always gets zero', () => {
    fc.assert(
      fc.property(total, splittable, (t, ws) => {
        allocate(t, ws).forEach((p, i) => {
          if (ws[i] === 0n) expect(p).toBe(0);
        });
      }),
    );
  });

  it('is deterministic and independent of the weights scale', () => {
    fc.assert(
      fc.property(total, splittable, fc.bigInt({ min: 1n, max: 1000n }), (t, ws, k) => {
        expect(allocate(t, ws)).toEqual(allocate(t, [...ws]));
        expect(allocate(t, ws.map((w) => w * k))).toEqual(allocate(t, ws));
      }),
    );
  });
});
