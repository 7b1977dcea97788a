import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, checkCharacters, formatCouponCode, generateCouponCode, parseCouponCode } from './coupon-code';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('coupon codes', () => {
  it('generates distinct well-formed codes', () => {
    const codes = new Set(Array.from({ length: 5_000 }, generateCouponCode));
    expect(codes.size).toBe(5_000);
    for (const c of codes) {
      expect(c).toHaveLength(CODE_LENGTH);
      expect(parseCouponCode(c)).toBe(c);
    }
  });

  it('reads codes as people type them', () => {
    const code = generateCouponCode();
    expect(parseCouponCode(formatCouponCode(code).toLowerCase())).toBe(code);
    expect(parseCouponCode(` ${formatCouponCode(code)} `)).toBe(code);
    const withO = code.replace(/0/g, 'O');
    expect(parseCouponCode(withO)).toBe(code);
  });

  it('refuses every single-character mistake and every transposition', () => {
    fc.assert(
      fc.property(fc.nat({ max: CODE_LENGTH - 1 }), fc.nat({ max: ALPHABET.length - 1 }), fc.nat({ max: CODE_LENGTH - 1 }), (pos, ch, other) => {
        const code = generateCouponCode();
        const typo = code.slice(0, pos) + ALPHABET[ch] + code.slice(pos + 1);
        if (typo !== code) expect(parseCouponCode(typo)).toBeNull();
        if (code[pos] !== code[other]) {
          const chars = [...code];
          [chars[pos], chars[other]] = [chars[other]!, chars[pos]!];
          expect(parseCouponCode(chars.join(''))).toBeNull();
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses malformed input without throwing', () => {
    for (const raw of ['', 'ABC', 'U'.repeat(12), '!!!!!!!!!!!!', 'x'.repeat(10_000), '0420000000013', '042000000001']) expect(parseCouponCode(raw)).toBeNull();
    expect(() => checkCharacters('U')).toThrow(RangeError);
  });
});
