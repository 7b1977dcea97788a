import { beforeAll, describe, expect, it } from 'vitest';
import { earnFor, enrolMember, useFederatedStack } from './federation-support';
import { storefront } from './stand-ins';

/**
 * The order and product extensions through @apollo/gateway, on the storefront stand-in (orders
 * "1001" and "ORD-77"). Loyalty runs with the default COMMERCE_ORDER_CHANNEL, web.
 */
describe('orders and products through @apollo/gateway', () => {
  const stack = useFederatedStack(storefront);
  const ORDER = `query($id: ID!) { order(id: $id) { code loyaltyActivity { pointsEarned member { firstName } } } }`;
  const order = async (id: string) => {
    const result = await stack.gateway.run(ORDER, { id }, stack.loyalty.tokens.service);
    expect(result.errors).toBeUndefined();
    return result.data?.order;
  };

  beforeAll(async () => {
    const ada = await enrolMember(stack.loyalty, 'Ada');
    const alan = await enrolMember(stack.loyalty, 'Alan');
    // web checkout: the sale id is the order id (40.00 GBP, x1.25 Gold: 50 points)
    expect(await earnFor(stack.loyalty, ada, { id: '1001', channel: 'web', amountMinor: 4000 })).toBe(50);
    // a till's sale "1001" of another member: same id, another channel, not the web order
    expect(await earnFor(stack.loyalty, alan, { id: '1001', channel: 'store', amountMinor: 8000 }, stack.loyalty.tokens.till)).toBe(100);
    // an app sale that says which order it belongs to
    expect(await earnFor(stack.loyalty, alan, { id: 'APP-5', channel: 'app', orderId: 'ORD-77', amountMinor: 2000 })).toBe(25);
  });

  it("reaches an order's loyalty activity: the web sale of its id, not a till's sale of the same id", async () => {
    expect(await order('1001')).toEqual({ code: 'WEB-1001', loyaltyActivity: { pointsEarned: 50, member: { firstName: 'Ada' } } });
  });

  it('shows a sale of another channel in the order it names as orderId', async () => {
    expect(await order('ORD-77')).toEqual({ code: 'APP-77', loyaltyActivity: { pointsEarned: 25, member: { firstName: 'Alan' } } });
  });

  it("reaches a product's earn preview", async () => {
    const result = await stack.gateway.run(`{ product(id: "p9") { price loyaltyEarnPreview(unitPrice: 2599) { points } } }`, {}, stack.loyalty.tokens.service);
    expect(result.errors).toBeUndefined();
    // 25.99 at 1 point per whole pound, before tier multipliers
    expect(result.data).toEqual({ product: { price: 2599, loyaltyEarnPreview: { points: 25 } } });
  });
});
