import { composeServices, type CompositionResult, type CompositionSuccess } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig, type CommerceConfig, type CommerceEntity } from '../../subgraph/src/config';
import { buildLoyaltySchema } from '../../subgraph/src/schema/build-schema';
import { ok, startTestService, type TestService } from '../../subgraph/src/test-support/harness';
import { addRule, configureProgramme, EARN, enrol } from '../../subgraph/src/test-support/ledger-fixtures';
import { serveStandIn, type ServedStandIn, type StandIn } from './stand-ins';

export const LOYALTY_SUBGRAPH = 'loyalty';

/** The commerce entities loyalty extends for a stand-in (its COMMERCE_* env, parsed as the service does). */
export function commerceOf(standIn: StandIn): CommerceConfig & { customer: CommerceEntity } {
  const commerce = loadConfig(standIn.env).commerce;
  if (!commerce.customer) throw new Error(`${standIn.name}: every stand-in has a customer`);
  return { ...commerce, customer: commerce.customer };
}

/** The loyalty subgraph's SDL as it prints with this COMMERCE_* environment. */
export async function loyaltySdl(env: Record<string, string>): Promise<string> {
  return printSubgraphSchema(await buildLoyaltySchema(loadConfig(env).commerce));
}

/** Composes a stand-in with the loyalty subgraph, as a router's build step would. */
export function composeWithLoyalty(standIn: StandIn, loyalty: string, urls = { commerce: 'http://commerce.invalid', loyalty: 'http://loyalty.invalid' }): CompositionResult {
  return composeServices([
    { name: standIn.name, typeDefs: parse(standIn.typeDefs), url: urls.commerce },
    { name: LOYALTY_SUBGRAPH, typeDefs: parse(loyalty), url: urls.loyalty },
  ]);
}

function succeeded(result: CompositionResult): CompositionSuccess {
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}

/** The supergraph SDL of a composition that must have succeeded. */
export function supergraphOf(result: CompositionResult): string {
  return succeeded(result).supergraphSdl;
}

/** The supergraph's public API (what clients of the router see) as a graphql-js schema. */
export function apiSchema(result: CompositionResult): GraphQLSchema {
  return succeeded(result).schema.toAPISchema().toGraphQLJSSchema();
}

export interface GatewayResult {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface Gateway {
  /** Runs an operation through the gateway; the token travels as `authorization: Bearer ...` to every subgraph. */
  run(query: string, variables?: Record<string, unknown>, token?: string): Promise<GatewayResult>;
  stop(): Promise<void>;
}

/** An @apollo/gateway on the composed supergraph that forwards the caller's `authorization` header. */
export async function startGateway(supergraphSdl: string): Promise<Gateway> {
  const server = new ApolloServer<{ authorization?: string }>({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<{ authorization?: string }>({
          url,
          willSendRequest({ request, context }) {
            if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          },
        }),
    }),
  });
  await server.start();
  return {
    async run(query, variables, token) {
      const res = await server.executeOperation({ query, variables }, { contextValue: { authorization: token && `Bearer ${token}` } });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult as GatewayResult;
    },
    stop: () => server.stop(),
  };
}

/**
 * A programme for the tests: one tier, Gold, earning x1.25 (every member starts in it); 1 point
 * per 1.00 GBP spent; points spendable at once.
 */
export async function setUpProgramme(loyalty: TestService): Promise<void> {
  await loyalty.orm.em
    .fork()
    .getConnection()
    .execute(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values (gen_random_uuid(), 'GOLD', 'Gold', 0, 0, 125, '[]', now())`);
  await configureProgramme(loyalty, { currencyCode: 'GBP', minRedeemPoints: 1 });
  await addRule(loyalty, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
}

/** Enrols a member, with the customer id the commerce graph's key gives them (or none). */
export async function enrolMember(loyalty: TestService, firstName: string, customerId?: string): Promise<string> {
  return enrol(loyalty, { firstName, lastName: 'Federated', ...(customerId === undefined ? {} : { customerId }) });
}

export interface TestSale {
  id: string;
  channel: string;
  orderId?: string;
  /** One line of one unit at this price, minor units of GBP. */
  amountMinor: number;
}

/** Earns for a sale and returns the points credited. */
export async function earnFor(loyalty: TestService, memberId: string, sale: TestSale, token = loyalty.tokens.service): Promise<number> {
  const { amountMinor, ...rest } = sale;
  const input = {
    idempotencyKey: `earn-${sale.channel}-${sale.id}`,
    memberId,
    sale: { ...rest, currencyCode: 'GBP', lines: [{ productId: 'p1', quantity: 1, unitPrice: amountMinor }] },
  };
  const res = ok(await loyalty.gql(EARN, { input }, token)).earnPoints;
  expect(res.userErrors).toEqual([]);
  return res.earn.points;
}

/** A real loyalty service (own database, matching COMMERCE_* env), a served stand-in and a gateway over both. */
export interface FederatedStack {
  loyalty: TestService;
  commerce: ServedStandIn;
  gateway: Gateway;
}

/**
 * Starts a stack for the enclosing describe block (beforeAll) and stops it after (afterAll); the
 * returned object is filled in as beforeAll runs (so whatever started is stopped, even on failure).
 */
export function useFederatedStack(standIn: StandIn): FederatedStack {
  const stack = {} as FederatedStack;
  beforeAll(async () => {
    stack.loyalty = await startTestService({ env: standIn.env });
    stack.commerce = await serveStandIn(standIn);
    await setUpProgramme(stack.loyalty);
    // the SDL the running service serves, as a router would fetch it
    const sdl: string = ok(await stack.loyalty.gql(`{ _service { sdl } }`, {}, null))._service.sdl;
    const composed = composeWithLoyalty(standIn, sdl, { commerce: stack.commerce.url, loyalty: stack.loyalty.url });
    stack.gateway = await startGateway(supergraphOf(composed));
  });
  afterAll(async () => {
    await stack.gateway?.stop();
    await stack.commerce?.stop();
    await stack.loyalty?.stop();
  });
  return stack;
}

/** The selection that reaches from a commerce customer into loyalty. */
export const LOYALTY_SELECTION = 'loyalty { tier { name } wallet { available } }';
