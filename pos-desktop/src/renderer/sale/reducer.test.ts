import { describe, expect, it } from 'vitest';
import { initialState, quickCashAmounts, type SaleState } from './model';
import { saleReducer, type SaleAction } from './reducer';
import { member, PROGRAMME } from './testing/fakes';

const start = () =>
  [
    { type: 'programme/loaded', programme: PROGRAMME },
    { type: 'member/identified', member: member(1000) },
    { type: 'line/added', line: { id: 'l1', productId: 'p', name: 'Lipstick', categoryId: null, quantity: 2, unitPrice: 1299 } },
    { type: 'tender/started' },
  ] as SaleAction[];

function run(actions: SaleAction[], from?: SaleState): SaleState {
  const base = from ?? initialState({ storeId: 's', tillId: 't', storeName: 'S', currencyCode: 'GBP', saleId: 's-t-1', keyNonce: 'n' });
  return actions.reduce(saleReducer, base);
}

describe('the sale reducer', () => {
  it('lets the cashier type over the points field (no "0500")', () => {
    let s = run(start());
    expect(s.tender.pointsText).toBe('');
    s = run([{ type: 'tender/points-typed', value: '5' }, { type: 'tender/points-typed', value: '50' }, { type: 'tender/points-typed', value: '500' }], s);
    expect(s.tender.pointsText).toBe('500');
    // after F9 the field shows the maximum, and typing replaces it
    s = run([{ type: 'tender/points-set', points: 1000 }, { type: 'tender/points-typed', value: '10003' }], s);
    expect(s.tender.pointsText).toBe('3');
    s = run([{ type: 'tender/points-typed', value: '3x0' }], s);
    expect(s.tender.pointsText).toBe('30');
  });

  it('moves held points out of the wallet and back, so the sale can raise its own hold', () => {
    let s = run([...start(), { type: 'hold/placed', hold: { id: 'h', points: 600, cashMinor: 600, expiresAt: '2100-01-01T00:00:00Z' }, attempt: 1 }]);
    expect(s.member!.wallet).toMatchObject({ available: 400, held: 600 });
    expect(s.tender).toMatchObject({ pointsText: '600', pointsFresh: true, holdAttempts: 1 });
    s = run([{ type: 'hold/cleared', pointsBack: true }], s);
    expect(s.member!.wallet).toMatchObject({ available: 1000, held: 0 });
    s = run([{ type: 'hold/placed', hold: { id: 'h2', points: 100, cashMinor: 100, expiresAt: '2100-01-01T00:00:00Z' }, attempt: 2 }, { type: 'hold/cleared', pointsBack: false }], s);
    expect(s.member!.wallet).toMatchObject({ available: 900, held: 100 }); // still held at the service
  });

  it('drops an expired hold at the clock tick, and says so', () => {
    const s = run([...start(), { type: 'hold/placed', hold: { id: 'h', points: 600, cashMinor: 600, expiresAt: '2026-01-01T00:05:00Z' }, attempt: 1 }, { type: 'tick', now: Date.parse('2026-01-01T00:05:01Z') }]);
    expect(s.tender.hold).toBeNull();
    expect(s.member!.wallet.available).toBe(1000);
    expect(s.notice?.text).toMatch(/^The hold of 600 points expired/);
  });

  it('clears the banner at every step of the cashier, not for background news', () => {
    let s = run([{ type: 'notice', notice: { kind: 'error', text: 'Coupon refused' } }, { type: 'connectivity', online: true }, { type: 'queue', pending: 1, lastError: null }]);
    expect(s.notice?.text).toBe('Coupon refused');
    s = run([{ type: 'line/added', line: { id: 'l', productId: 'p', name: 'P', categoryId: null, quantity: 1, unitPrice: 1 } }], s);
    expect(s.notice).toBeNull();
    s = run([{ type: 'notice', notice: { kind: 'info', text: 'x' } }, { type: 'tender/started' }], s);
    expect(s.notice).toBeNull();
    s = run([{ type: 'notice', notice: { kind: 'info', text: 'x' } }, { type: 'tender/cash-typed', value: '1' }], s);
    expect(s.notice).toBeNull();
  });

  it('offers the next notes above what is due', () => {
    expect(quickCashAmounts(2098, 'GBP')).toEqual([2100, 2500, 3000, 4000]);
    expect(quickCashAmounts(2000, 'GBP')).toEqual([2500, 3000, 4000, 5000]);
    expect(quickCashAmounts(1299, 'GBP')).toEqual([1300, 1500, 2000, 5000]);
    expect(quickCashAmounts(1280, 'JPY')).toEqual([2000, 5000, 10000]);
  });

  it('merges a product scanned again into its line, and a line keeps at most 999', () => {
    const line = { id: 'a', productId: 'p', name: 'P', categoryId: null, quantity: 1, unitPrice: 100 };
    const s = run([{ type: 'line/added', line }, { type: 'line/added', line: { ...line, id: 'b' } }, { type: 'line/set-quantity', quantity: 999 }, { type: 'line/quantity', delta: 1 }]);
    expect(s.lines).toEqual([{ ...line, quantity: 999 }]);
    expect(s.notice?.text).toBe('A quantity is 1 to 999');
  });
});
