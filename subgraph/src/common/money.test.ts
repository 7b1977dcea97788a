import { describe, expect, it } from 'vitest';
import { formatMinor } from './money';

describe('formatMinor', () => {
  it('writes minor units with the currency’s own number of decimals', () => {
    expect(formatMinor(250, 'GBP')).toBe('2.50 GBP');
    expect(formatMinor(500, 'JPY')).toBe('500 JPY');
    expect(formatMinor(1500, 'KWD')).toBe('1.500 KWD');
  });
});
