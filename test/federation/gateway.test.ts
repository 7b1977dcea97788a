import { beforeAll, describe, expect, it } from 'vitest';
import { earnFor, enrolMember, LOYALTY_SELECTION, useFederatedStack } from './federation-support';
import { customerIdOf, hasMe, STAND_INS, type StandInCustomer } from './stand-ins';

/** What the enrolled sample customer's loyalty shows: 40.00 GBP at 1 point per pound, x1.25 for Gold. */
const ENROLLED_LOYALTY = { tier: { name: 'Gold' }, wallet: { available: 50 } };

/**
 * One query per stand-in through @apollo/gateway: from the commerce graph's own customer (its root
 * field, with its key type) into the loyalty subgraph, with the caller's token forwarded to both.
 */
describe.each(STAND_INS)('through @apollo/gateway with $imitates ($name)', (standIn) => {
  const stack = useFederatedStack(standIn);
  const { lookup, keyType, nameField } = standIn.customer;
  const { enrolled, other, notEnrolled } = standIn.customer.samples;
  const BY_KEY = `query($key: ${keyType}) { customer: ${lookup} { ${nameField} ${LOYALTY_SELECTION} } }`;
  const byKey = (customer: StandInCustomer, token: string) => stack.gateway.run(BY_KEY, { key: customer.key }, token);

  beforeAll(async () => {
    const member = await enrolMember(stack.loyalty, enrolled.name, customerIdOf(enrolled));
    expect(await earnFor(stack.loyalty, member, { id: 'S-1', channel: 'web', amountMinor: 4000 })).toBe(50);
    await enrolMember(stack.loyalty, other.name, customerIdOf(other));
  });

  it(`starts at the commerce customer (${lookup}) and reaches loyalty with a service token`, async () => {
    const result = await byKey(enrolled, stack.loyalty.tokens.service);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ customer: { [nameField]: enrolled.name, loyalty: ENROLLED_LOYALTY } });
    const guest = await byKey(notEnrolled, stack.loyalty.tokens.service);
    expect(guest.errors).toBeUndefined();
    expect(guest.data).toEqual({ customer: { [nameField]: notEnrolled.name, loyalty: null } });
  });

  it("answers loyalty: null to a shopper's token reading someone else's customer", async () => {
    const ownToken = await stack.loyalty.tokens.customer(customerIdOf(enrolled));
    const own = await byKey(enrolled, ownToken);
    expect(own.errors).toBeUndefined();
    expect(own.data?.customer.loyalty).toEqual(ENROLLED_LOYALTY);
    const theirs = await byKey(other, ownToken);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data).toEqual({ customer: { [nameField]: other.name, loyalty: null } });
  });

  if (hasMe(standIn)) {
    it("reaches the shopper's own loyalty from Query.me with a customer token", async () => {
      const ME = `{ me { ${nameField} ${LOYALTY_SELECTION} } }`;
      const mine = await stack.gateway.run(ME, {}, await stack.loyalty.tokens.customer(customerIdOf(enrolled)));
      expect(mine.errors).toBeUndefined();
      expect(mine.data).toEqual({ me: { [nameField]: enrolled.name, loyalty: ENROLLED_LOYALTY } });
      const guest = await stack.gateway.run(ME, {}, await stack.loyalty.tokens.customer(customerIdOf(notEnrolled)));
      expect(guest.errors).toBeUndefined();
      expect(guest.data).toEqual({ me: { [nameField]: notEnrolled.name, loyalty: null } });
    });
  }
});
