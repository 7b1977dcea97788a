import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, CAPTURE, configureProgramme, EARN, earn, enrol, expectBooksBalanced, hold, HOLD, RELEASE, RETURN, sale, wallet } from '../../test-support/ledger-fixtures';

let svc: TestService;
let otherStore: string;
let sameStoreOtherTill: string;

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc, { minRedeemPoints: 50 });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  otherStore = await svc.sign('till:store-999/till-01', { roles: ['till'], storeId: 'store-999', tillId: 'till-01' });
  sameStoreOtherTill = await svc.sign('till:store-001/till-02', { roles: ['till'], storeId: 'store-001', tillId: 'till-02' });
});
afterAll(() => svc?.stop());

async function memberWith(points: number): Promise<string> {
  const m = await enrol(svc);
  await earn(svc, m, points * 100);
  return m;
}

describe('tills bound to their store', () => {
  it("cannot capture or release another store's hold, and nothing is written", async () => {
    const m = await memberWith(1_000);
    const h = await hold(svc, m, 300); // store-001 / till-01
    for (const mutation of [CAPTURE, RELEASE]) {
      const input = mutation === CAPTURE ? { idempotencyKey: randomUUID(), holdId: h.hold.id } : { holdId: h.hold.id };
      const res = ok(await svc.gql(mutation, { input }, otherStore));
      const payload = res.capturePointsHold ?? res.releasePointsHold;
      // the same answer as for a hold that does not exist
      expect(payload).toEqual({ hold: null, member: null, userErrors: [{ code: 'HOLD_NOT_FOUND', message: 'No hold has this id', field: ['input', 'holdId'] }] });
    }
    expect(await wallet(svc, m)).toMatchObject({ available: 700, held: 300 });
    // the till that placed it still can
    const captured = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till)).capturePointsHold;
    expect(captured.hold.status).toBe('CAPTURED');
    await expectBooksBalanced(svc);
  });

  it('leaves a hold to the till that placed it unless the store shares holds; admins and services resolve any', async () => {
    const m = await memberWith(1_000);
    const h = await hold(svc, m, 100);
    const res = ok(await svc.gql(RELEASE, { input: { holdId: h.hold.id } }, sameStoreOtherTill)).releasePointsHold;
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'HOLD_OF_OTHER_TILL' })]);
    const storeWide = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_TILL_HOLD_SCOPE: 'store' } });
    try {
      const released = ok(await storeWide.gql(RELEASE, { input: { holdId: h.hold.id } }, sameStoreOtherTill)).releasePointsHold;
      expect(released.hold.status).toBe('RELEASED');
      const h2 = await hold(svc, m, 100);
      expect(ok(await storeWide.gql(RELEASE, { input: { holdId: h2.hold.id } }, otherStore)).releasePointsHold.userErrors[0].code).toBe('HOLD_NOT_FOUND');
      expect(ok(await svc.gql(RELEASE, { input: { holdId: h2.hold.id } }, svc.tokens.service)).releasePointsHold.hold.status).toBe('RELEASED');
    } finally {
      await storeWide.stop();
    }
  });

  it("cannot return another store's sale, and does not see its holds on the order", async () => {
    const m = await memberWith(1_000);
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale('STORE1-77', [{ productId: 'P1', unitPrice: 5_000 }]) } }, svc.tokens.till));
    const h = await hold(svc, m, 200, { saleId: 'STORE1-77' });
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till));
    const before = await wallet(svc, m);
    const refused = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: 'STORE1-77', channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, otherStore)).returnLoyaltySale;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'SALE_NOT_FOUND' })]);
    expect(await wallet(svc, m)).toEqual(before);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { loyaltyActivity { holds { points } } } } }`;
    const rep = { r: [{ __typename: 'Order', id: 'STORE1-77' }] };
    const serviceSees = ok(await svc.gql(q, rep, svc.tokens.service))._entities[0].loyaltyActivity;
    expect(serviceSees).toBeNull(); // a store sale is not a web order at all
    const returned = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: 'STORE1-77', channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(returned).toMatchObject({ pointsReversed: 50, pointsRefunded: 200, userErrors: [] });
    await expectBooksBalanced(svc);
  });

  it('hides the holds of other stores from a till reading an order', async () => {
    const m = await memberWith(1_000);
    await hold(svc, m, 120, { saleId: 'WEB-ORDER-5', channel: 'web' }); // placed by store-001's till
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { loyaltyActivity { holds { points } } } } }`;
    const rep = { r: [{ __typename: 'Order', id: 'WEB-ORDER-5' }] };
    expect(ok(await svc.gql(q, rep, svc.tokens.till))._entities[0].loyaltyActivity.holds).toEqual([{ points: 120 }]);
    expect(ok(await svc.gql(q, rep, otherStore))._entities[0].loyaltyActivity).toBeNull();
  });
});

describe('sale ids shared across stores', () => {
  const REDEEM_COUPON = `mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { coupon { status } userErrors { code } } }`;
  const CONVERT = `mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { coupon { code } userErrors { code } } }`;

  it("refuse another store's till paying for, or using a coupon on, a sale this store booked", async () => {
    const m = await memberWith(1_000);
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale('S-A-1', [{ productId: 'P1', unitPrice: 10_000 }]) } }, svc.tokens.till));
    const redeem = ok(await svc.gql(`mutation($i: RedeemPointsAsCashInput!) { redeemPointsAsCash(input: $i) { hold { id } userErrors { code } } }`, { i: { idempotencyKey: randomUUID(), memberId: m, points: 300, saleId: 'S-A-1' } }, otherStore)).redeemPointsAsCash;
    expect(redeem).toEqual({ hold: null, userErrors: [{ code: 'SALE_NOT_FOUND' }] });
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 100 } })).convertPointsToCoupon.coupon.code;
    expect(ok(await svc.gql(REDEEM_COUPON, { i: { idempotencyKey: randomUUID(), code, saleId: 'S-A-1', memberId: m } }, otherStore)).redeemLoyaltyCoupon.userErrors).toEqual([{ code: 'SALE_NOT_FOUND' }]);
    await expectBooksBalanced(svc);
  });

  it("never refund another store's redemption or revive its coupon when this store's sale of the same id comes back", async () => {
    const m = await memberWith(1_000);
    // store-999 goes first under the id store-001 will use, paying with points and a coupon
    const theirs = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 300, saleId: 'S-A-2' } }, otherStore)).holdPoints;
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: theirs.hold.id } }, otherStore));
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 100 } })).convertPointsToCoupon.coupon.code;
    ok(await svc.gql(REDEEM_COUPON, { i: { idempotencyKey: randomUUID(), code, saleId: 'S-A-2', memberId: m } }, otherStore));
    // store-001's own sale S-A-2, returned in full
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale('S-A-2', [{ productId: 'P1', unitPrice: 10_000 }]) } }, svc.tokens.till));
    const before = await wallet(svc, m);
    const ret = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: 'S-A-2', channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(ret).toMatchObject({ pointsReversed: 100, pointsRefunded: 0, userErrors: [] });
    expect((await wallet(svc, m)).available).toBe(before.available - 100);
    expect(ok(await svc.gql(`query($c: String!) { loyaltyCoupon(code: $c) { status } }`, { c: code })).loyaltyCoupon.status).toBe('REDEEMED');
    await expectBooksBalanced(svc);
  });
});

describe('channel everywhere a sale id is', () => {
  it("never lets a web order of the same id refund a store sale's points or revive its coupon", async () => {
    const m = await memberWith(3_000);
    // In the store: 1,000 points pay for sale 1001 and a coupon is used on it.
    const paid = await hold(svc, m, 1_000, { saleId: '1001' });
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: paid.hold.id } }, svc.tokens.till));
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale('1001', [{ productId: 'TV', unitPrice: 20_000 }]) } }, svc.tokens.till));
    const coupon = ok(await svc.gql(`mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { coupon { code } userErrors { code } } }`, { i: { idempotencyKey: randomUUID(), memberId: m, points: 100 } })).convertPointsToCoupon.coupon.code;
    const REDEEM = `mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { coupon { status } userErrors { code } } }`;
    expect(ok(await svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code: coupon, saleId: '1001', memberId: m } }, svc.tokens.till)).redeemLoyaltyCoupon.coupon.status).toBe('REDEEMED');
    // On the web: order 1001 of the same member, returned in full.
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale('1001', [{ productId: 'BOOK', unitPrice: 1_000 }], 'web') } }, svc.tokens.service));
    const before = await wallet(svc, m);
    const web = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: '1001', channel: 'web', lines: [{ productId: 'BOOK', quantity: 1 }] } }, svc.tokens.service)).returnLoyaltySale;
    expect(web).toMatchObject({ pointsReversed: 10, pointsRefunded: 0, userErrors: [] });
    expect((await wallet(svc, m)).available).toBe(before.available - 10);
    const validate = ok(await svc.gql(`query($c: String!, $m: ID) { validateLoyaltyCoupon(code: $c, memberId: $m) { valid reason } }`, { c: coupon, m }, svc.tokens.till)).validateLoyaltyCoupon;
    expect(validate).toEqual({ valid: false, reason: 'COUPON_ALREADY_REDEEMED' });
    // the store return of sale 1001 gets them back
    const store = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: '1001', channel: 'store', lines: [{ productId: 'TV', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(store).toMatchObject({ pointsRefunded: 1_000, userErrors: [] });
    expect(ok(await svc.gql(`query($c: String!) { loyaltyCoupon(code: $c) { status } }`, { c: coupon })).loyaltyCoupon.status).toBe('ACTIVE');
    await expectBooksBalanced(svc);
  });

  it('records the channel of every hold: a till defaults to store, other callers must say', async () => {
    const m = await memberWith(1_000);
    const byService = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 100, saleId: 'S-svc' } }, svc.tokens.service)).holdPoints;
    expect(byService.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'channel'] })]);
    const bad = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 100, saleId: 'S-bad', channel: 'we b' } }, svc.tokens.till)).holdPoints;
    expect(bad.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'channel'] });
    const h = await hold(svc, m, 100);
    const rows = await svc.orm.em.fork().getConnection().execute<{ channel: string }[]>('select channel from points_hold where id = ?', [h.hold.id]);
    expect(rows[0]!.channel).toBe('store');
  });
});

describe('partial captures', () => {
  it("obey the programme's minimum redemption, like holds", async () => {
    const m = await memberWith(1_000);
    const h = await hold(svc, m, 200);
    const tooSmall = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id, points: 49 } }, svc.tokens.till)).capturePointsHold;
    expect(tooSmall.userErrors).toEqual([expect.objectContaining({ code: 'BELOW_MINIMUM_POINTS', field: ['input', 'points'] })]);
    expect(await wallet(svc, m)).toMatchObject({ available: 800, held: 200 });
    const fine = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id, points: 50 } }, svc.tokens.till)).capturePointsHold;
    expect(fine.hold).toMatchObject({ status: 'CAPTURED', capturedPoints: 50 });
    expect(await wallet(svc, m)).toMatchObject({ available: 950, held: 0 });
  });
});
