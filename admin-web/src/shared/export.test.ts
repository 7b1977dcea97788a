import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { parseAmount } from './format';
import { addDays, startOfDayIn } from './timezone';

describe('CSV export', () => {
  it('quotes what needs quoting and defuses formulas in text cells', () => {
    expect(toCsv(['name', 'points'], [['Ada, "the" first', 10], ['=HYPERLINK("x")', -5], ['line\nbreak', null]])).toBe(
      'name,points\r\n"Ada, ""the"" first",10\r\n"\'=HYPERLINK(""x"")",-5\r\n"line\nbreak",\r\n',
    );
    expect(toCsv(['a'], [['+1'], ['@sum'], ['-2']])).toBe("a\r\n'+1\r\n'@sum\r\n'-2\r\n");
  });
});

describe('local midnight in a time zone', () => {
  it('is the instant of 00:00 there, across daylight saving changes', () => {
    expect(startOfDayIn('2026-01-15', 'Europe/London')).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Europe/London')).toBe('2026-07-14T23:00:00.000Z');
    // the day the clocks go forward in London (29 March 2026): midnight is still GMT
    expect(startOfDayIn('2026-03-29', 'Europe/London')).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayIn('2026-03-30', 'Europe/London')).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDayIn('2026-12-01', 'America/New_York')).toBe('2026-12-01T05:00:00.000Z');
    expect(startOfDayIn('2026-12-01', 'Asia/Kolkata')).toBe('2026-11-30T18:30:00.000Z');
    expect(startOfDayIn('2026-13-01', 'UTC')).toBeNull();
    expect(startOfDayIn('yesterday', 'UTC')).toBeNull();
  });

  it('adds calendar days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('amounts typed in major units', () => {
  it('become minor units, or null when they are not amounts', () => {
    expect(parseAmount('12.5', 'GBP')).toBe(1250);
    expect(parseAmount('0.05', 'GBP')).toBe(5);
    expect(parseAmount('3', 'GBP')).toBe(300);
    expect(parseAmount('1.234', 'GBP')).toBeNull();
    expect(parseAmount('-1', 'GBP')).toBeNull();
    expect(parseAmount('500', 'JPY')).toBe(500);
    expect(parseAmount('5.5', 'JPY')).toBeNull();
  });
});
