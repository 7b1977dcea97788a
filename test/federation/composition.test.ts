import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLoyaltySchema } from '../../subgraph/src/schema/build-schema';
import { ok, startTestService, type TestService } from '../../subgraph/src/test-support/harness';
import { commerceSdl, startCommerceSubgraph } from './commerce-stand-in';

describe('composition with a commerce graph', () => {
  it('composes with the default type names', async () => {
    const loyalty = printSubgraphSchema(await buildLoyaltySchema({ customer: 'Customer', order: 'Order', product: 'Product' }));
    const result = composeServices([
      { name: 'commerce', typeDefs: parse(commerceSdl()), url: 'http://commerce' },
      { name: 'loyalty', typeDefs: parse(loyalty), url: 'http://loyalty' },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toContain('loyalty: LoyaltyMember');
  });

  it('composes with a graph that calls its customer User and its product Variant', async () => {
    const names = { customer: 'User', order: 'Purchase', product: 'Variant' };
    const loyalty = printSubgraphSchema(await buildLoyaltySchema(names));
    const result = composeServices([
      { name: 'commerce', typeDefs: parse(commerceSdl(names)), url: 'http://commerce' },
      { name: 'loyalty', typeDefs: parse(loyalty), url: 'http://loyalty' },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
  });
});

describe('a query through @apollo/gateway', () => {
  let loyalty: TestService;
  let commerce: Awaited<ReturnType<typeof startCommerceSubgraph>>;
  let gateway: ApolloServer<{ authorization?: string }>;

  beforeAll(async () => {
    loyalty = await startTestService();
    commerce = await startCommerceSubgraph();
    ok(await loyalty.gql(`{ tiers { id } }`)); // service is up
    const em = loyalty.orm.em.fork();
    await em.getConnection().execute(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values (gen_random_uuid(), 'GOLD', 'Gold', 0, 0, 125, '[]', now())`);
    const enrolled = ok(await loyalty.gql(`mutation { enrollMember(input: { customerId: "cust-fed-1", firstName: "Grace", lastName: "Hopper", email: "grace@example.com" }) { member { id } userErrors { code } } }`));
    expect(enrolled.enrollMember.userErrors).toEqual([]);

    const loyaltySdl: string = ok(await loyalty.gql(`{ _service { sdl } }`, {}, null))._service.sdl;
    const composed = composeServices([
      { name: 'commerce', typeDefs: parse(commerceSdl()), url: commerce.url },
      { name: 'loyalty', typeDefs: parse(loyaltySdl), url: loyalty.url },
    ]);
    expect(composed.errors).toBeUndefined();
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: composed.supergraphSdl!,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      }),
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await commerce?.stop();
    await loyalty?.stop();
  });

  const QUERY = `query($id: ID!) { customer(id: $id) { name loyalty { firstName tier { name } } } }`;

  async function run(id: string, token: string) {
    const res = await gateway.executeOperation({ query: QUERY, variables: { id } }, { contextValue: { authorization: `Bearer ${token}` } });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult;
  }

  it('starts at the commerce customer and reaches loyalty { tier { name } }', async () => {
    const result = await run('cust-fed-1', loyalty.tokens.service);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ customer: { name: 'Grace Hopper', loyalty: { firstName: 'Grace', tier: { name: 'Gold' } } } });
    const notEnrolled = await run('cust-fed-2', loyalty.tokens.service);
    expect(notEnrolled.data).toEqual({ customer: { name: 'Not Enrolled', loyalty: null } });
  });

  it('reaches the order\'s loyalty activity and a product\'s earn preview', async () => {
    await loyalty.gql(`mutation { updateProgramme(input: { currencyCode: "GBP", minRedeemPoints: 1 }) { userErrors { code } } }`);
    await loyalty.gql(`mutation { saveEarningRule(input: { kind: "SPEND", name: "1 per pound", args: { pointsPerStep: 1, stepMinor: 100 } }) { userErrors { code } } }`);
    const earned = ok(
      await loyalty.gql(
        `mutation($s: SaleInput!) { earnPoints(input: { idempotencyKey: "fed-order", cardNumber: null, memberId: null, sale: $s }) { userErrors { code } } }`,
        { s: { id: 'order-fed-1', channel: 'web', currencyCode: 'GBP', lines: [{ productId: 'p1', quantity: 1, unitPrice: 4000 }] } },
      ),
    );
    expect(earned.earnPoints.userErrors[0].code).toBe('INVALID_INPUT'); // neither member nor card: refused
    const member = ok(await loyalty.gql(`{ members(search: "grace@example.com") { nodes { id } } }`)).members.nodes[0].id;
    ok(await loyalty.gql(`mutation($s: SaleInput!, $m: ID) { earnPoints(input: { idempotencyKey: "fed-order-2", memberId: $m, sale: $s }) { userErrors { code } } }`, {
      s: { id: 'order-fed-1', channel: 'web', currencyCode: 'GBP', lines: [{ productId: 'p1', quantity: 1, unitPrice: 4000 }] },
      m: member,
    }));
    const res = await gateway.executeOperation(
      { query: `{ order(id: "order-fed-1") { total customer { name } loyaltyActivity { pointsEarned member { firstName } } } product(id: "p9") { price loyaltyEarnPreview(unitPrice: 2599) { points } } }` },
      { contextValue: { authorization: `Bearer ${loyalty.tokens.service}` } },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    expect(res.body.singleResult.errors).toBeUndefined();
    expect(res.body.singleResult.data).toEqual({
      // 40.00 at 1 point per pound, x1.25 for Grace's Gold tier
      order: { total: 40, customer: { name: 'Grace Hopper' }, loyaltyActivity: { pointsEarned: 50, member: { firstName: 'Grace' } } },
      product: { price: 25.99, loyaltyEarnPreview: { points: 25 } },
    });
  });

  it('passes the caller through: a member token for someone else is refused by the subgraph', async () => {
    const stranger = await loyalty.tokens.member('00000000-0000-4000-8000-000000000001');
    const result = await run('cust-fed-1', stranger);
    expect(result.data).toEqual({ customer: { name: 'Grace Hopper', loyalty: null } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
