import { describe, expect, it } from 'vitest';
import type { EarnAttempt } from '../../shared/earn-delivery';
import { cashFigures, levelDiscounts, pointsMax, saleTotals } from './model';
import { receiptRows } from '../../shared/receipt';
import { answer, BREAD, CARD, credited, fail, FakeApi, FakeQueue, HEADPHONES, LIPSTICK, NETWORK, ok, PROGRAMME, till } from './testing/fakes';

const holdInputs = (api: FakeApi) => api.called('holdPoints') as { idempotencyKey: string; points: number; channel: string; saleId: string }[];

describe('holds: place, raise, lower', () => {
  it('raises and lowers the points by replacing the hold, the held points counting as available', async () => {
    const { api, wf, s, sale } = await till();
    await sale(CARD, HEADPHONES);
    await wf.startTender();
    wf.pointsTyped('600');
    await wf.usePoints();
    expect(s().tender.hold).toMatchObject({ id: 'h-1', points: 600 });
    expect(s().member!.wallet).toMatchObject({ available: 400, held: 600 });
    // the bug: 600 held, 400 left: raising to 1000 was refused as "only 400 available"
    expect(pointsMax(s())).toBe(1000);
    wf.pointsTyped('1000');
    await wf.usePoints();
    expect(s().notice).toEqual({ kind: 'success', text: '1000 points held = £10.00. Take the rest in cash.' });
    expect(api.called('releaseHold')).toEqual(['h-1']);
    expect(s().tender.hold).toMatchObject({ id: 'h-2', points: 1000 });
    expect(api.wallet).toEqual({ available: 0, held: 1000 });
    wf.pointsTyped('300');
    await wf.usePoints();
    expect(api.called('releaseHold')).toEqual(['h-1', 'h-2']);
    expect(api.wallet).toEqual({ available: 700, held: 300 });
    expect(s().member!.wallet).toMatchObject({ available: 700, held: 300 });
    // every hold its own key, from the sale's secret, with the till's channel; never the printed sale id
    expect(holdInputs(api).map((h) => [h.idempotencyKey, h.points, h.channel])).toEqual([
      ['nonce-1:hold:1', 600, 'store'],
      ['nonce-1:hold:2', 1000, 'store'],
      ['nonce-1:hold:3', 300, 'store'],
    ]);
    for (const h of holdInputs(api)) expect(h.idempotencyKey).not.toContain(s().saleId);
  });

  it('F9 holds the maximum at once, and still offers it once held', async () => {
    const { api, wf, s, sale } = await till();
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.maxPoints();
    expect(s().tender.hold?.points).toBe(1000);
    expect(pointsMax(s())).toBe(1000); // "max 0" after holding the maximum, before
    await wf.maxPoints();
    expect(s().notice?.text).toBe('1000 points are held already. Take the rest in cash.');
    expect(holdInputs(api)).toHaveLength(1);
  });

  it('says why points are refused', async () => {
    const { wf, s, sale } = await till();
    await sale(CARD, HEADPHONES);
    await wf.startTender();
    wf.pointsTyped('1500');
    await wf.usePoints();
    expect(s().notice).toEqual({ kind: 'error', text: 'Only 1000 points available' });
    wf.pointsTyped('');
    wf.pointsTyped('50');
    await wf.usePoints();
    expect(s().notice?.text).toBe('At least 100 points');
  });

  it('sends a hold that got no answer again with the same key, so it is never made twice', async () => {
    const api = new FakeApi();
    // the request reaches the service, the answer is lost
    api.script.holdPoints = [async (input) => (await api.realHold(input), fail())];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, HEADPHONES);
    await wf.startTender();
    wf.pointsTyped('500');
    await wf.usePoints();
    expect(s().notice?.text).toMatch(/cannot be reached: take cash for the whole sale, or press Enter to try again/);
    expect(s().tender.hold).toBeNull();
    await wf.usePoints();
    expect(holdInputs(api).map((h) => h.idempotencyKey)).toEqual(['nonce-1:hold:1', 'nonce-1:hold:1']);
    expect(s().tender.hold).toMatchObject({ id: 'h-1', points: 500 });
    expect(api.wallet).toEqual({ available: 500, held: 500 });
  });

  it('keeps the hold, and says so, when it cannot be replaced', async () => {
    const api = new FakeApi();
    const { wf, s, sale } = await till({ api });
    await sale(CARD, HEADPHONES);
    await wf.startTender();
    wf.pointsTyped('500');
    await wf.usePoints();
    api.script.releaseHold = [() => fail()];
    wf.pointsTyped('800');
    await wf.usePoints();
    expect(s().notice?.text).toBe('The 500 held points could not be changed: the loyalty service cannot be reached. They stay held; take cash for the rest, or try again.');
    expect(s().tender.hold?.points).toBe(500);
    expect(holdInputs(api)).toHaveLength(1);
  });
});

describe('abandoning the tender', () => {
  it('releases the hold: the points go back', async () => {
    const { api, wf, s, sale } = await till();
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.maxPoints();
    await wf.abandon();
    expect(s().stage).toBe('sale');
    expect(s().notice?.text).toBe('Tender abandoned; the 1000 held points went back to the member.');
    expect(api.wallet).toEqual({ available: 1000, held: 0 });
  });

  it('while offline says the points stay held, and releases them once the service answers again', async () => {
    const api = new FakeApi();
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.maxPoints();
    api.script.releaseHold = [() => fail()];
    api.online = false;
    await wf.abandon();
    const text = s().notice!.text;
    expect(text).toMatch(/^Tender abandoned, but the loyalty service cannot be reached: the 1000 held points stay held until the till can release them \(it keeps trying\) or the hold expires at \d\d:\d\d\.$/);
    expect(text).not.toMatch(/went back/);
    expect(s().pendingReleases).toEqual([{ holdId: 'h-1', points: 1000, expiresAt: expect.any(String) }]);
    expect(s().member!.wallet.held).toBe(1000); // as the service has it
    expect(api.wallet).toEqual({ available: 0, held: 1000 });
    await wf.healthCheck();
    expect(s().connectivity).toBe('offline');
    expect(s().pendingReleases).toHaveLength(1);
    api.online = true;
    await wf.healthCheck();
    await wf.idle();
    expect(s().connectivity).toBe('online');
    expect(api.called('releaseHold')).toEqual(['h-1', 'h-1']);
    expect(s().pendingReleases).toEqual([]);
    expect(api.wallet).toEqual({ available: 1000, held: 0 });
  });

  it('is refused once points or coupons were taken: F10 finishes instead', async () => {
    const api = new FakeApi();
    api.script.captureHold = [() => fail()];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.maxPoints();
    await wf.exactCash();
    await wf.complete();
    await wf.abandon();
    expect(s().stage).toBe('tender');
    expect(s().notice?.text).toMatch(/press F10 to finish it; nothing is charged twice/);
    await wf.complete();
    expect(s().stage).toBe('receipt');
  });
});

describe('completing the sale', () => {
  it('takes a split tender with maximum points and exact cash from four commands sent at once', async () => {
    const { api, wf, s, sale } = await till();
    await sale(CARD, HEADPHONES);
    // as fast as a cashier types: no waiting between the keys
    void wf.startTender();
    void wf.maxPoints();
    void wf.exactCash();
    void wf.complete();
    await wf.idle();
    expect(s().stage).toBe('receipt');
    expect(s().receipt).toMatchObject({ pointsUsed: 1000, pointsValue: 1000, cashGiven: 11_999, change: 0, total: 12_999, earn: { status: 'credited', points: 13 } });
    expect(api.wallet).toEqual({ available: 0, held: 0 });
    expect(api.called('captureHold')).toEqual([{ idempotencyKey: 'nonce-1:capture:h-1', holdId: 'h-1' }]);
  });

  it('says why the cash given is refused', async () => {
    const { wf, s, sale } = await till();
    await sale(LIPSTICK);
    await wf.startTender();
    wf.cashTyped('5');
    await wf.complete();
    expect(s().notice).toEqual({ kind: 'error', text: '£5.00 does not cover the £12.99 due: take £7.99 more, or F7 for exact cash.' });
    wf.cashTyped('abc');
    await wf.complete();
    expect(s().notice?.text).toBe('Cash given: "abc" is not an amount: type e.g. 20 or 20.50');
    wf.cashTyped('£20');
    expect(cashFigures(s())).toMatchObject({ covered: true, change: 701 });
    await wf.complete();
    expect(s().receipt).toMatchObject({ cashGiven: 2000, change: 701 });
  });

  it('offers the next notes up, then exact cash, with the arrow keys', async () => {
    const { wf, s, sale } = await till();
    await sale(LIPSTICK, LIPSTICK); // £25.98
    await wf.startTender();
    const given = () => (cashFigures(s()).given as { minor: number }).minor;
    await wf.quickCash(1);
    expect(given()).toBe(2600);
    await wf.quickCash(1);
    expect(given()).toBe(3000);
    await wf.quickCash(1);
    expect(given()).toBe(4000);
    await wf.quickCash(-1);
    expect(given()).toBe(3000);
    await wf.quickCash(-1);
    await wf.quickCash(-1);
    expect(s().tender.cash).toEqual({ mode: 'exact' });
  });

  it('retries a capture that got no answer with the same key, and takes the points once', async () => {
    const api = new FakeApi();
    api.script.captureHold = [async (input) => (await api.captureHold(input), fail())];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    wf.pointsTyped('500');
    await wf.usePoints();
    await wf.exactCash();
    await wf.complete();
    expect(s().notice?.text).toBe('Network lost while taking the points: press F10 to retry (nothing is charged twice).');
    // while the outcome is unknown, the points cannot change
    wf.pointsTyped('800');
    await wf.usePoints();
    expect(s().notice?.text).toMatch(/being taken: press F10/);
    await wf.complete();
    expect(s().stage).toBe('receipt');
    expect(s().receipt).toMatchObject({ pointsUsed: 500, cashGiven: 799 });
    expect(new Set((api.called('captureHold') as { idempotencyKey: string }[]).map((c) => c.idempotencyKey))).toEqual(new Set(['nonce-1:capture:h-1']));
    expect(api.wallet).toEqual({ available: 500, held: 0 });
  });

  it('gives the points back to the tender when the hold expired before the capture', async () => {
    const api = new FakeApi();
    api.script.captureHold = [() => ok({ capturedPoints: null, capturedCash: null, userErrors: [{ code: 'HOLD_EXPIRED', message: 'The hold has expired' }] })];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.maxPoints();
    await wf.exactCash();
    await wf.complete();
    expect(s().notice?.text).toBe('The points hold expired: the points went back to the member. Hold them again (F9) or take cash, then F10.');
    expect(s().tender.hold).toBeNull();
    expect(cashFigures(s()).cashDue).toBe(1299);
  });
});

describe('earn delivery: queued or reported, never silently lost', () => {
  const internal = answer(200, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null });
  const queuedCases: [string, EarnAttempt][] = [
    ['no network', { kind: 'no-answer', message: 'Failed to fetch' }],
    ['HTTP 503', { kind: 'answer', status: 503, body: 'Service Unavailable' }],
    ['a GraphQL error', internal],
    ['an expired token', answer(401, { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] })],
  ];

  it.each(queuedCases)('queues the earn after %s, and the receipt says it comes later', async (_what, attempt) => {
    const api = new FakeApi();
    api.script.sendEarn = [() => attempt];
    const queue = new FakeQueue();
    const { wf, s, sale } = await till({ api, queue });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.exactCash();
    await wf.complete();
    expect(s().stage).toBe('receipt');
    expect(s().notice).toEqual({ kind: 'info', text: 'Sale complete. Points will be credited when the till is back online.' });
    expect(s().receipt!.earn).toEqual({ status: 'queued' });
    expect(queue.items).toEqual([api.called('sendEarn')[0]]);
    expect(s().queue.pending).toBe(1);
  });

  const refusedCases: [string, EarnAttempt, string][] = [
    ['userErrors', answer(200, { data: { earnPoints: { duplicate: false, earn: null, userErrors: [{ code: 'MEMBER_NOT_FOUND', message: 'No such member' }] } } }), 'No such member (MEMBER_NOT_FOUND)'],
    ['a malformed request', answer(400, { errors: [{ message: 'Unknown argument', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }), 'refused as invalid: Unknown argument'],
  ];

  it.each(refusedCases)('reports an earn refused with %s, on screen and receipt', async (_what, attempt, reason) => {
    const api = new FakeApi();
    api.script.sendEarn = [() => attempt];
    const queue = new FakeQueue();
    const { wf, s, sale } = await till({ api, queue });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.exactCash();
    await wf.complete();
    expect(s().notice).toEqual({ kind: 'error', text: `Sale complete, but the points were not credited: ${reason}` });
    expect(s().receipt!.earn).toEqual({ status: 'refused', message: reason });
    expect(queue.items).toEqual([]);
  });

  it('reports an earn that could be neither credited nor kept, naming the sale', async () => {
    const api = new FakeApi();
    api.script.sendEarn = [() => ({ kind: 'no-answer', message: 'offline' })];
    const queue = new FakeQueue();
    queue.failWith = new Error('The earn could not be kept for later: ENOSPC');
    const { wf, s, sale } = await till({ api, queue });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.exactCash();
    await wf.complete();
    expect(s().notice).toEqual({ kind: 'error', text: `Sale complete, but the points could not be kept for later (The earn could not be kept for later: ENOSPC): note sale ${s().saleId} for Ada Lovelace, for an adjustment.` });
    expect(s().receipt!.earn).toMatchObject({ status: 'not-kept' });
  });

  it('credits with a key from the sale secret, the channel, the store and till, and prints the balance after', async () => {
    const api = new FakeApi();
    api.script.sendEarn = [() => credited(26)];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK, LIPSTICK);
    await wf.startTender();
    await wf.exactCash();
    await wf.complete();
    const input = api.called('sendEarn')[0] as { idempotencyKey: string; memberId: string; sale: Record<string, unknown> };
    expect(input).toEqual({
      idempotencyKey: 'nonce-1:earn',
      memberId: 'm-1',
      sale: { id: 'store-001-till-01-first', channel: 'store', storeId: 'store-001', tillId: 'till-01', currencyCode: 'GBP', occurredAt: '2026-11-22T14:05:00.000Z', lines: [{ productId: 'lipstick-red', categoryId: 'beauty', quantity: 2, unitPrice: 1299 }] },
    });
    expect(s().receipt).toMatchObject({ earn: { status: 'credited', points: 26 }, balanceAfter: 1000, member: 'Ada Lovelace', storeName: 'Harbour Street', saleId: 'store-001-till-01-first' });
    expect(s().notice).toEqual({ kind: 'success', text: 'Sale complete.' });
  });

  it("prints what the programme earns on: here, only the part paid in cash", async () => {
    const api = new FakeApi();
    api.script.programme = [() => ok({ ...PROGRAMME, earnBasis: 'CASH_PAID' as const })];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK);
    await wf.startTender();
    await wf.exactCash();
    await wf.complete();
    expect(s().receipt!.earnBasis).toBe('CASH_PAID');
  });
});

describe('products, typed or scanned', () => {
  it('takes typed barcodes and SKUs through the same lookup as scans', async () => {
    const { wf, s } = await till();
    await wf.scan(HEADPHONES, 'typed');
    await wf.scan('bread-white', 'typed');
    await wf.scan(BREAD);
    expect(s().lines.map((l) => [l.name, l.quantity, l.unitPrice])).toEqual([
      ['Headphones', 1, 12_999],
      ['White bread', 2, 145],
    ]);
  });

  it('asks for the price of a barcode found nowhere, and says why a price is refused', async () => {
    const { wf, s } = await till();
    await wf.scan('4006381333931');
    expect(s().manualEntry).toEqual({ code: '4006381333931' });
    expect(s().notice?.text).toBe('Barcode 4006381333931 is not in the catalogue: type its price, or Esc.');
    await wf.addManualLine('two pounds', '', '');
    expect(s().notice?.text).toMatch(/^Price: "two pounds" is not an amount/);
    await wf.addManualLine('£2.50', 'cafe', '2');
    expect(s().lines).toEqual([expect.objectContaining({ productId: '4006381333931', categoryId: 'cafe', quantity: 2, unitPrice: 250 })]);
    expect(s().manualEntry).toBeNull();
  });

  it('changes quantities and voids lines by key, saying why it cannot', async () => {
    const { wf, s, sale } = await till();
    await sale(LIPSTICK, BREAD);
    await wf.line({ type: 'line/quantity', delta: 1 });
    expect(s().lines.map((l) => l.quantity)).toEqual([1, 2]);
    await wf.line({ type: 'line/select', delta: -1 });
    await wf.line({ type: 'line/set-quantity', quantity: 12 });
    await wf.line({ type: 'line/quantity', delta: -1 });
    expect(s().lines.map((l) => l.quantity)).toEqual([11, 2]);
    await wf.line({ type: 'line/removed' });
    expect(s().lines.map((l) => l.name)).toEqual(['White bread']);
    expect(s().notice?.text).toBe('Voided: 11 x Lipstick, red');
    await wf.line({ type: 'line/quantity', delta: -1 });
    await wf.line({ type: 'line/quantity', delta: -1 });
    expect(s().notice?.text).toBe('White bread: the quantity cannot go below 1 (Delete voids the line)');
  });
});

describe('members', () => {
  it('pages through a search', async () => {
    const api = new FakeApi();
    const people = (from: number) => Array.from({ length: 8 }, (_, i) => ({ id: `m-${from + i}`, firstName: 'Sam', lastName: `Taylor ${from + i}` }));
    api.script.searchMembers = [() => ok({ results: people(1), total: 20, endCursor: 'c8', hasMore: true }), () => ok({ results: people(9), total: 20, endCursor: 'c16', hasMore: true })];
    const { wf, s } = await till({ api });
    await wf.search('taylor');
    expect(s().notice?.text).toBe('8 of 20 members: PageDown for more');
    await wf.searchMore();
    expect(api.called('searchMembers')).toEqual([
      { text: 'taylor', after: null, first: 8 },
      { text: 'taylor', after: 'c8', first: 8 },
    ]);
    expect(s().search!.results).toHaveLength(16);
    expect(s().notice?.text).toBe('16 of 20 members: PageDown for more');
  });

  it('says why a card does not identify anyone, and clears the banner at the next step', async () => {
    const api = new FakeApi();
    api.script.memberByCard = [() => ok({ member: null, cardStatus: 'BLOCKED' }), () => ok({ member: null, cardStatus: null }), () => fail(NETWORK)];
    const { wf, s } = await till({ api });
    await wf.scan(CARD);
    expect(s().notice?.text).toBe('Card 0420000000013 is blocked: ask for another card or search the member.');
    await wf.scan(CARD);
    expect(s().notice?.text).toBe('Card 0420000000013 is not known.');
    await wf.scan(CARD);
    expect(s().notice?.text).toBe('The loyalty service cannot be reached: continue the sale without loyalty.');
    expect(s().connectivity).toBe('offline');
    await wf.scan(LIPSTICK);
    expect(s().notice).toBeNull();
  });
});

describe('returns', () => {
  async function completed(codes: string[], points?: string) {
    const t = await till();
    await t.sale(...codes);
    await t.wf.startTender();
    if (points) {
      t.wf.pointsTyped(points);
      await t.wf.usePoints();
    }
    await t.wf.exactCash();
    await t.wf.complete();
    return { ...t, saleId: t.s().receipt!.saleId };
  }

  it('returns a sale without a member with no call to the loyalty service', async () => {
    const { api, wf, s, saleId } = await completed([LIPSTICK, BREAD]);
    await wf.newSale();
    await wf.startReturn();
    await wf.returnSaleTyped(saleId);
    expect(s().ret!.lines.map((l) => [l.name, l.returnable])).toEqual([
      ['Lipstick, red', 1],
      ['White bread', 1],
    ]);
    await wf.returnLine({ type: 'return/all' });
    await wf.confirmReturn();
    expect(api.called('returnSale')).toEqual([]);
    expect(s().ret!.result).toMatchObject({ withPoints: false, refundCash: 1444 });
    expect(s().notice).toEqual({ kind: 'success', text: 'Refund £14.44 in cash. No loyalty points on this sale.' });
  });

  it("returns part of a member's sale from its receipt barcode: points back, cash refunded net of points", async () => {
    const { api, wf, s, saleId, journal } = await completed([CARD, LIPSTICK, LIPSTICK], '500');
    api.script.returnSale = [() => ok({ pointsReversed: 26, pointsClawedBack: 0, pointsRefunded: 250, couponsRestored: [], balance: 724, userErrors: [] })];
    await wf.scan(`LS:${saleId}`); // the receipt's barcode, straight from the receipt screen
    expect(s().stage).toBe('return');
    await wf.returnLine({ type: 'return/quantity', delta: 1 });
    await wf.returnLine({ type: 'return/quantity', delta: 1 });
    await wf.returnLine({ type: 'return/quantity', delta: 1 });
    expect(s().notice?.text).toBe('The sale had 2 of Lipstick, red; 2 can come back');
    await wf.returnLine({ type: 'return/quantity', delta: -1 });
    await wf.confirmReturn();
    const input = api.called('returnSale')[0] as { idempotencyKey: string };
    expect(input).toEqual({ idempotencyKey: `${s().ret!.nonce}:return`, saleId, channel: 'store', lines: [{ productId: 'lipstick-red', quantity: 1 }] });
    expect(input.idempotencyKey).not.toContain(saleId);
    expect(s().ret!.result).toEqual({ withPoints: true, pointsReversed: 26, pointsClawedBack: 0, pointsRefunded: 250, couponsRestored: [], refundCash: 1049, balanceAfter: 724 });
    expect(s().notice?.text).toBe('Refund £10.49 in cash. 26 points taken back; 250 points given back.');
    expect(journal.find(saleId)!.lines[0]!.returned).toBe(1);
  });

  it("refuses another store's sale with the service's message", async () => {
    const api = new FakeApi();
    api.script.returnSale = [() => ok({ pointsReversed: 0, pointsClawedBack: 0, pointsRefunded: 0, couponsRestored: [], balance: null, userErrors: [{ code: 'SALE_NOT_FOUND', message: 'No sale with this id earned points in this channel' }] })];
    const { wf, s } = await till({ api });
    await wf.startReturn();
    await wf.returnSaleTyped('store-002-till-09-abc');
    expect(s().notice?.text).toBe("Sale store-002-till-09-abc is not in this till's journal: scan the products that come back, then F10.");
    await wf.scan(LIPSTICK);
    await wf.confirmReturn();
    expect(s().notice).toEqual({ kind: 'error', text: 'Return refused: No sale with this id earned points in this channel (SALE_NOT_FOUND)' });
    expect(s().ret!.phase).toBe('pick');
    await wf.confirmReturn(); // no way around it
    expect(api.called('returnSale')).toHaveLength(2);
  });

  it("offers a refund without points for this store's sale the service has no points for", async () => {
    const api = new FakeApi();
    api.script.returnSale = [() => ok({ pointsReversed: 0, pointsClawedBack: 0, pointsRefunded: 0, couponsRestored: [], balance: null, userErrors: [{ code: 'SALE_NOT_FOUND', message: 'No sale with this id earned points in this channel' }] })];
    const { wf, s } = await till({ api });
    await wf.startReturn();
    await wf.returnSaleTyped('store-001-till-02-abc');
    await wf.scan(BREAD);
    await wf.confirmReturn();
    expect(s().notice?.text).toMatch(/press F10 to refund it without points\.$/);
    await wf.confirmReturn();
    expect(api.called('returnSale')).toHaveLength(1);
    expect(s().ret!.result).toMatchObject({ withPoints: false, refundCash: 145 });
  });

  it('sends a return that got no answer again with the same key, and keeps its lines fixed meanwhile', async () => {
    const api = new FakeApi();
    api.script.returnSale = [() => fail()];
    const { wf, s } = await till({ api });
    await wf.startReturn();
    await wf.returnSaleTyped('store-001-till-02-abc');
    await wf.scan(BREAD);
    await wf.confirmReturn();
    expect(s().notice?.text).toBe('The loyalty service cannot be reached: the return needs it to take back the points. Press F10 to try again (nothing is returned twice).');
    await wf.returnLine({ type: 'return/quantity', delta: 1 });
    expect(s().notice?.text).toMatch(/sent without an answer/);
    expect(s().ret!.lines[0]!.quantity).toBe(1);
    await wf.confirmReturn();
    const keys = (api.called('returnSale') as { idempotencyKey: string }[]).map((i) => i.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(s().ret!.phase).toBe('done');
  });
});

describe('level discounts', () => {
  const GOLD_LIPSTICK = { discountMinor: 130, unitPrice: 1169, text: 'Gold 10% off (Beauty)' };

  it("shows the member's level discounts as the service quotes them, tenders and prints them, and earns on the prices as scanned", async () => {
    const api = new FakeApi();
    api.script.quoteSale = Array.from({ length: 5 }, () => (q: { input: { lines: { productId: string; quantity: number }[] } }) =>
      ok({ lines: q.input.lines.map((l) => (l.productId === 'lipstick-red' ? { ...GOLD_LIPSTICK, discountMinor: 130 * l.quantity } : null)), userErrors: [] }),
    );
    const { wf, s, sale, journal } = await till({ api });
    await sale(LIPSTICK); // no member yet: no quote, full price
    expect(api.called('quoteSale')).toHaveLength(0);
    expect(saleTotals(s())).toMatchObject({ linesTotal: 1299, levelDiscount: 0, total: 1299 });
    await sale(CARD, LIPSTICK, BREAD);
    const quotes = api.called('quoteSale') as { memberId: string; input: { lines: unknown[] } }[];
    expect(quotes.at(-1)).toMatchObject({ memberId: 'm-1', input: { lines: [{ productId: 'lipstick-red', quantity: 2, unitPrice: 1299 }, { productId: 'bread-white', quantity: 1, unitPrice: 145 }] } });
    expect(levelDiscounts(s())).toEqual([{ ...GOLD_LIPSTICK, discountMinor: 260 }, null]);
    expect(saleTotals(s())).toMatchObject({ linesTotal: 2743, levelDiscount: 260, total: 2483 });
    // the same sale again asks nothing; the tender is of the discounted total
    const asked = api.called('quoteSale').length;
    await wf.startTender();
    expect(api.called('quoteSale')).toHaveLength(asked);
    await wf.exactCash();
    expect(cashFigures(s()).cashDue).toBe(2483);
    await wf.complete();
    const receipt = s().receipt!;
    expect(receipt.lines[0]).toEqual({ name: 'Lipstick, red', quantity: 2, unitPrice: 1299, amount: 2598, levelDiscount: { text: 'Gold 10% off (Beauty)', amount: 260 } });
    expect(receipt.lines[1]!.levelDiscount).toBeUndefined();
    expect(receipt).toMatchObject({ subtotal: 2743, levelDiscount: 260, total: 2483, cashGiven: 2483 });
    const rows = receiptRows(receipt);
    expect(rows).toContainEqual({ kind: 'pair', left: '  Gold 10% off (Beauty)', right: '-£2.60', testId: 'receipt-line-discount' });
    expect(rows).toContainEqual({ kind: 'pair', left: 'Level discounts', right: '-£2.60', testId: 'receipt-level-discounts' });
    // the earn sends the prices as scanned: the service takes the same discount off itself
    const earn = (api.called('sendEarn') as { sale: { lines: { unitPrice: number }[] } }[])[0]!;
    expect(earn.sale.lines.map((l) => l.unitPrice)).toEqual([1299, 145]);
    // returns count goods at the price paid
    const kept = journal.find(receipt.saleId)!;
    expect(kept.lines.map((l) => l.unitPrice)).toEqual([1169, 145]);
    expect(kept).toMatchObject({ subtotal: 2483, total: 2483 });
  });

  it('shows no discount when the quote cannot be had, and a stale quote is not used', async () => {
    const api = new FakeApi();
    api.script.quoteSale = [() => ok({ lines: [GOLD_LIPSTICK], userErrors: [] }), () => fail(NETWORK)];
    const { wf, s, sale } = await till({ api });
    await sale(CARD, LIPSTICK);
    expect(saleTotals(s()).levelDiscount).toBe(130);
    await wf.line({ type: 'line/quantity', delta: 1 }); // two now: the quote was for one
    expect(levelDiscounts(s())).toEqual([null]);
    expect(saleTotals(s())).toMatchObject({ levelDiscount: 0, total: 2598 });
  });
});
