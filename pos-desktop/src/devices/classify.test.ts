import { describe, expect, it } from 'vitest';
import { classifyScan, gs1CheckDigit, isGtin } from './classify';

describe('classifyScan', () => {
  it('treats an in-company 040-049 EAN-13 as a loyalty card', () => {
    expect(classifyScan('0420000000013')).toEqual({ kind: 'loyalty-card', cardNumber: '0420000000013' });
    expect(classifyScan(' 0490000000016\n')).toEqual({ kind: 'loyalty-card', cardNumber: '0490000000016' });
  });

  it('treats swiped track text as a loyalty card', () => {
    expect(classifyScan(';0420000000013?')).toEqual({ kind: 'loyalty-card', cardNumber: '0420000000013' });
    expect(classifyScan('%B6009990000000001^DOE/JANE^2812?')).toEqual({ kind: 'loyalty-card', cardNumber: '6009990000000001' });
  });

  it('treats GTINs with a valid check digit as products, in-store 2x numbers included', () => {
    expect(classifyScan('4006381333931')).toEqual({ kind: 'product', gtin: '4006381333931' });
    expect(classifyScan('96385074')).toEqual({ kind: 'product', gtin: '96385074' });
    expect(classifyScan('036000291452')).toEqual({ kind: 'product', gtin: '036000291452' });
    expect(classifyScan('2301234012349')).toEqual({ kind: 'product', gtin: '2301234012349' });
  });

  it('reads the subgraph coupon barcode payload, even an all-digit code', () => {
    expect(classifyScan('LC:7K2QAB9XZ0M4')).toEqual({ kind: 'coupon', code: '7K2QAB9XZ0M4' });
    expect(classifyScan('lc:123456789012')).toEqual({ kind: 'coupon', code: '123456789012' });
  });

  it('reads the barcode of a till receipt as its sale id', () => {
    expect(classifyScan('LS:store-001-till-01-m3x9k2ab12')).toEqual({ kind: 'sale-receipt', saleId: 'store-001-till-01-m3x9k2ab12' });
    expect(classifyScan('LS:')).toEqual({ kind: 'unknown', text: 'LS:' });
    expect(classifyScan('LS:a b')).toEqual({ kind: 'unknown', text: 'LS:a b' });
  });

  it('treats letter-and-digit codes as coupons, upper-cased', () => {
    expect(classifyScan('LX-7K2Q')).toEqual({ kind: 'coupon', code: 'LX-7K2Q' });
    expect(classifyScan('spring25')).toEqual({ kind: 'coupon', code: 'SPRING25' });
  });

  it('says unknown rather than guessing', () => {
    expect(classifyScan('0420000000014')).toEqual({ kind: 'unknown', text: '0420000000014' }); // bad check digit
    expect(classifyScan('12345')).toEqual({ kind: 'unknown', text: '12345' });
    expect(classifyScan('https://example.com/x')).toEqual({ kind: 'unknown', text: 'https://example.com/x' });
    expect(classifyScan('LX--7K')).toEqual({ kind: 'unknown', text: 'LX--7K' });
    expect(classifyScan(';12A?')).toEqual({ kind: 'unknown', text: ';12A?' });
    expect(classifyScan('')).toEqual({ kind: 'unknown', text: '' });
  });

  it('computes GS1 check digits', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(gs1CheckDigit('04200000000')).toBe(gs1CheckDigit('4200000000'));
    expect(isGtin('4006381333931')).toBe(true);
    expect(isGtin('4006381333932')).toBe(false);
    expect(isGtin('1234567')).toBe(false);
  });
});
