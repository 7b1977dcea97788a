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
    await hold(svc, member, 77, { saleId: 'SHARED-9' });
    await hold(svc, other, 55, { saleId: 'SHARED-9' });
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
