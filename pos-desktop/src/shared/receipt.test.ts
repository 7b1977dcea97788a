import { describe, expect, it } from 'vitest';
import { CASH_ONLY_RECEIPT, SAMPLE_RECEIPT } from './fixtures/sample-receipt';
import { receiptDateTime, receiptRows, type ReceiptDoc, type ReceiptRow } from './receipt';

const texts = (rows: ReceiptRow[]) => rows.map((r) => (r.kind === 'pair' ? `${r.left} | ${r.right}` : r.kind === 'rule' ? '---' : r.kind === 'barcode' ? `[${r.data}]` : r.text));

describe('receipt rows', () => {
  it('has the store, till, local date and time, sale id, lines, tender, points and the sale barcode', () => {
    expect(texts(receiptRows(SAMPLE_RECEIPT))).toEqual([
      'Harbour Street Pharmacy',
      'Store store-001 · Till till-01',
      '22/11/2026 14:05',
      'Sale store-001-till-01-mf3k9q2a7c',
      '---',
      '2 x Lipstick, red | £25.98',
      '  2 @ £12.99',
      'Moisturising day cream with SPF 30, sensitive skin | £18.50',
      '---',
      'Subtotal | £44.48',
      'Coupon LX7K-2QAB-9XZ0 £5 voucher',
      'Coupons | -£5.00',
      'Total | £39.48',
      'Paid with 500 points | £5.00',
      'Cash | £40.00',
      'Change | £5.52',
      '---',
      'Member | Ada Lovelace',
      'Points earned | 69',
      'Points earned on | the part paid in cash',
      'Points balance | 1569',
      '---',
      '[LS:store-001-till-01-mf3k9q2a7c]',
      'Keep this receipt for returns',
    ]);
  });

  it('lists what campaigns gave under the points earned', () => {
    const earn = { status: 'credited' as const, points: 69, extras: [{ name: 'Double points on beauty', points: 52, coupon: false }, { name: 'Spend £50, get a tote bag', points: 0, coupon: true }] };
    const rows = texts(receiptRows({ ...SAMPLE_RECEIPT, earn, earnBasis: null }));
    const at = rows.indexOf('Points earned | 69');
    expect(rows.slice(at, at + 3)).toEqual(['Points earned | 69', '  Double points on beauty | +52', '  Spend £50, get a tote bag: a coupon is in your account']);
  });

  it('says when the points come later, or why they did not come', () => {
    const rows = (earn: ReceiptDoc['earn']) => texts(receiptRows({ ...SAMPLE_RECEIPT, earn, earnBasis: null }));
    expect(rows({ status: 'queued' })).toContain('Points earned: will be credited when the till is back online');
    expect(rows({ status: 'refused', message: 'No such member (MEMBER_NOT_FOUND)' })).toContain('Points not credited: No such member (MEMBER_NOT_FOUND)');
    expect(rows({ status: 'queued' }).some((t) => t.startsWith('Points earned on'))).toBe(false);
  });

  it('has no points rows without a member', () => {
    const t = texts(receiptRows(CASH_ONLY_RECEIPT));
    expect(t.some((x) => /Points|Member/.test(x))).toBe(false);
    expect(t).toContain('Change | £0.55');
  });

  it('prints the time in the till\'s time zone', () => {
    expect(receiptDateTime('2026-07-01T23:30:00Z', 'Europe/London')).toBe('02/07/2026 00:30');
    expect(receiptDateTime('2026-07-01T23:30:00Z', 'Asia/Tokyo')).toBe('02/07/2026 08:30');
    expect(receiptDateTime('2026-07-01T23:30:00Z', 'Not/AZone')).toBe('01/07/2026 23:30');
  });
});
