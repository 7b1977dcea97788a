import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, currencyExponent, formatMoney, minorPerMajor, parseMoney, toDecimal } from './money';

describe('money in minor units', () => {
  it("knows each currency's exponent", () => {
    expect([currencyExponent('GBP'), currencyExponent('JPY'), currencyExponent('BHD')]).toEqual([2, 0, 3]);
    expect(minorPerMajor('JPY')).toBe(1);
    expect(minorPerMajor('BHD')).toBe(1000);
  });

  it('prints amounts without dividing by 100', () => {
    expect(formatMoney(1299, 'GBP')).toBe('£12.99');
    expect(formatMoney(5, 'GBP')).toBe('£0.05');
    expect(formatMoney(-500, 'GBP')).toBe('-£5.00');
    expect(formatMoney(1299, 'JPY')).toBe('JP¥1,299');
    expect(formatMoney(1234, 'BHD').replace(/\s/g, ' ')).toBe('BHD 1.234'); // a no-break space in ICU
    expect(toDecimal(1299, 'GBP')).toBe('12.99');
    expect(toDecimal(7, 'BHD')).toBe('0.007');
  });

  it('reads what a cashier types, with the currency symbol or code', () => {
    const gbp = (t: string) => parseMoney(t, 'GBP');
    expect(gbp('20')).toEqual({ ok: true, minor: 2000 });
    expect(gbp('£20')).toEqual({ ok: true, minor: 2000 });
    expect(gbp('20.5')).toEqual({ ok: true, minor: 2050 });
    expect(gbp('0,99')).toEqual({ ok: true, minor: 99 });
    expect(gbp(' 20 GBP ')).toEqual({ ok: true, minor: 2000 });
    expect(gbp('20.')).toEqual({ ok: true, minor: 2000 });
    expect(parseMoney('1500', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(parseMoney('1.5', 'BHD')).toEqual({ ok: true, minor: 1500 });
  });

  it('refuses what is not an amount, saying why, rather than reading it as 0', () => {
    expect(parseMoney('abc', 'GBP')).toEqual({ ok: false, message: '"abc" is not an amount: type e.g. 20 or 20.50' });
    expect(parseMoney('-5', 'GBP').ok).toBe(false);
    expect(parseMoney('', 'GBP').ok).toBe(false);
    expect(parseMoney('12.999', 'GBP')).toEqual({ ok: false, message: 'At most 2 digits after the point' });
    expect(parseMoney('12.5', 'JPY')).toEqual({ ok: false, message: 'JPY has no minor units: type a whole amount' });
    expect(parseMoney('1e3', 'GBP').ok).toBe(false);
  });

  it('round-trips every amount through its decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('GBP', 'JPY', 'BHD', 'EUR'), (minor, currency) => {
        expect(parseMoney(toDecimal(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it('allocates parts that sum exactly to the whole', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = allocate(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(sum > 0 ? total : 0);
        for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
