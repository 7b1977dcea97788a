import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, CAPTURE, configureProgramme, EARN, enrol, hold, RETURN, sale, earn } from '../../test-support/ledger-fixtures';

let svc: TestService;
let member: string;

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await addRule(svc, 'PRODUCT_POINTS', { productIds: ['SKU-BONUS'], pointsPerUnit: 40 });
  await addRule(svc, 'EXCLUDE', { categoryIds: ['GIFTCARDS'] });
  member = await enrol(svc);
  await earn(svc, member, 50_000, 'funds');
});
afterAll(() => svc?.stop());

const ORDERS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id loyaltyActivity { member { id } pointsEarned pointsRedeemed redeemedCash { amount } pointsReturned pointsRefunded holds { status points } } } } }`;

describe('commerce order', () => {
  it('shows the points an order earned, redeemed and returned', async () => {
    const h = await hold(svc, member, 200, { saleId: 'ORDER-1', channel: 'web' });
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.service));
    ok(await svc.gql(EARN, { input: { idempotencyKey: 'o1', memberId: member, sale: sale('ORDER-1', [{ productId: 'A', quantity: 2, unitPrice: 2000 }], 'web') } }, svc.tokens.service));
    ok(await svc.gql(RETURN, { input: { idempotencyKey: 'o1r', saleId: 'ORDER-1', channel: 'web', lines: [{ productId: 'A', quantity: 1 }] } }, svc.tokens.service));
    const res = ok(await svc.gql(ORDERS, { r: [{ __typename: 'Order', id: 'ORDER-1' }, { __typename: 'Order', id: 'NO-LOYALTY' }] }, svc.tokens.service));
    expect(res._entities).toEqual([
      { id: 'ORDER-1', loyaltyActivity: { member: { id: member }, pointsEarned: 40, pointsRedeemed: 200, redeemedCash: { amount: 200 }, pointsReturned: 20, pointsRefunded: 100, holds: [{ status: 'CAPTURED', points: 200 }] } },
      { id: 'NO-LOYALTY', loyaltyActivity: null },
    ]);
    // a member sees nothing of other members' activity on an order id
    const stranger = ok(await svc.gql(ORDERS, { r: [{ __typename: 'Order', id: 'ORDER-1' }] }, await svc.tokens.member(randomUUID())));
    expect(stranger._entities).toEqual([{ id: 'ORDER-1', loyaltyActivity: null }]);
  });

  it("shows a member only their own holds when members share a sale id", async () => {
    const other = await enrol(svc);
    await earn(svc, other, 10_000, 'funds-other');
    await hold(svc, member, 77, { saleId: 'SHARED-9', channel: 'web' });
    await hold(svc, other, 55, { saleId: 'SHARED-9', channel: 'web' });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { loyaltyActivity { member { id } holds { points } } } } }`;
    const mine = ok(await svc.gql(q, { r: [{ __typename: 'Order', id: 'SHARED-9' }] }, await svc.tokens.member(other)));
    expect(mine._entities[0].loyaltyActivity).toEqual({ member: { id: other }, holds: [{ points: 55 }] });
    const staff = ok(await svc.gql(q, { r: [{ __typename: 'Order', id: 'SHARED-9' }] }, svc.tokens.service));
    expect(staff._entities[0].loyaltyActivity.holds.map((h: { points: number }) => h.points).sort()).toEqual([55, 77]);
  });

  it('resolves many orders and products with a constant number of queries', async () => {
    const reps = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({ __typename: 'Order', id: `O-${i}` })),
      ...Array.from({ length: n }, (_, i) => ({ __typename: 'Product', id: `SKU-${i}` })),
    ];
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { loyaltyActivity { pointsEarned } } ... on Product { loyaltyEarnPreview(unitPrice: 1999) { points } } } }`;
    const few = await svc.countQueries(async () => ok(await svc.gql(q, { r: reps(3) }, svc.tokens.service)));
    const many = await svc.countQueries(async () => ok(await svc.gql(q, { r: reps(200) }, svc.tokens.service)));
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});

describe('orders mapped to sales honestly', () => {
  const ACTIVITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id loyaltyActivity { member { id } pointsEarned pointsRedeemed holds { points } } } } }`;
  const earnIn = async (memberId: string, id: string, channel: string, unitPrice: number, orderId?: string) => {
    const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: { ...sale(id, [{ unitPrice }], channel), orderId } } }, svc.tokens.service));
    expect(res.earnPoints.userErrors).toEqual([]);
  };

  it('never mixes a till sale "1001" with web order "1001"', async () => {
    const shopper = await enrol(svc);
    const cashier = await enrol(svc);
    await earn(svc, cashier, 10_000, 'funds-cashier');
    await earnIn(cashier, '1001', 'store', 3_000);
    const paid = await hold(svc, cashier, 100, { saleId: '1001', channel: 'store' });
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: paid.hold.id } }, svc.tokens.till));
    await earnIn(shopper, '1001', 'web', 7_000);
    const res = ok(await svc.gql(ACTIVITY, { r: [{ __typename: 'Order', id: '1001' }] }, svc.tokens.service));
    expect(res._entities).toEqual([{ id: '1001', loyaltyActivity: { member: { id: shopper }, pointsEarned: 70, pointsRedeemed: 0, holds: [] } }]);
  });

  it('finds the sales of an order by the orderId they carry, in any channel, and not by their own sale id', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 10_000, 'funds-app');
    await earnIn(m, 'app-cart-9', 'app', 2_000, 'ORD-77');
    const paid = await hold(svc, m, 50, { saleId: 'app-cart-9', channel: 'app' });
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: paid.hold.id } }, svc.tokens.till));
    // a web sale whose own id is another order's key but which names its order belongs to that order only
    await earnIn(m, 'ORD-78', 'web', 1_000, 'ORD-77');
    const res = ok(await svc.gql(ACTIVITY, { r: [{ __typename: 'Order', id: 'ORD-77' }, { __typename: 'Order', id: 'app-cart-9' }, { __typename: 'Order', id: 'ORD-78' }] }, svc.tokens.service));
    expect(res._entities).toEqual([
      { id: 'ORD-77', loyaltyActivity: { member: { id: m }, pointsEarned: 30, pointsRedeemed: 50, holds: [{ points: 50 }] } },
      { id: 'app-cart-9', loyaltyActivity: null },
      { id: 'ORD-78', loyaltyActivity: null },
    ]);
  });

  it('takes the order channel and the key from the configuration', async () => {
    const other = await startTestService({
      databaseName: svc.databaseName,
      keyFrom: svc,
      env: { COMMERCE_ORDER_TYPE: 'Purchase', COMMERCE_ORDER_KEY: 'number:Int', COMMERCE_ORDER_CHANNEL: 'shop' },
    });
    try {
      const m = await enrol(svc);
      await earnIn(m, '5005', 'shop', 4_000);
      await earnIn(m, '5005', 'web', 9_000);
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Purchase { number loyaltyActivity { pointsEarned } } } }`;
      const res = ok(await other.gql(q, { r: [{ __typename: 'Purchase', number: 5005 }, { __typename: 'Purchase', number: 'x' }] }, svc.tokens.service));
      expect(res._entities).toEqual([{ number: 5005, loyaltyActivity: { pointsEarned: 40 } }, null]);
    } finally {
      await other.stop();
    }
  });

  it('refuses a malformed orderId like any other sale field', async () => {
    const m = await enrol(svc);
    const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: { ...sale(randomUUID(), [{ unitPrice: 100 }]), orderId: 'has space' } } }, svc.tokens.service));
    expect(res.earnPoints.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'sale', 'orderId'] })]);
  });
});

describe('commerce product', () => {
  it('previews the points of one unit from the product and category rules', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id
      plain: loyaltyEarnPreview(unitPrice: 2599) { points ruleKind excluded }
      gift: loyaltyEarnPreview(unitPrice: 2599, categoryId: "GIFTCARDS") { points excluded } } } }`;
    const res = ok(await svc.gql(q, { r: [{ __typename: 'Product', id: 'SKU-PLAIN' }, { __typename: 'Product', id: 'SKU-BONUS' }] }, svc.tokens.service));
    expect(res._entities).toEqual([
      { id: 'SKU-PLAIN', plain: { points: 25, ruleKind: 'SPEND', excluded: false }, gift: { points: 0, excluded: true } },
      { id: 'SKU-BONUS', plain: { points: 40, ruleKind: 'PRODUCT_POINTS', excluded: false }, gift: { points: 0, excluded: true } },
    ]);
  });
});
