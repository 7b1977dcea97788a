import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export interface CommerceNames {
  customer: string;
  order: string;
  product: string;
}

/**
 * SDL of a stand-in commerce subgraph. It prices in Float and may already have a field named
 * `loyaltyPoints` on its customer, as real commerce graphs do; the loyalty subgraph must not collide.
 */
export function commerceSdl(names: CommerceNames = { customer: 'Customer', order: 'Order', product: 'Product' }) {
  return `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

type Query {
  customer(id: ID!): ${names.customer}
  order(id: ID!): ${names.order}
  product(id: ID!): ${names.product}
}

type ${names.customer} @key(fields: "id") {
  id: ID!
  name: String!
  loyaltyPoints: Int
}

type ${names.order} @key(fields: "id") {
  id: ID!
  total: Float!
  customer: ${names.customer}
}

type ${names.product} @key(fields: "id") {
  id: ID!
  name: String!
  price: Float!
}
`;
}

const CUSTOMERS: Record<string, { id: string; name: string }> = {
  'cust-fed-1': { id: 'cust-fed-1', name: 'Grace Hopper' },
  'cust-fed-2': { id: 'cust-fed-2', name: 'Not Enrolled' },
};

/** Serves the stand-in commerce subgraph on a random local port. */
export async function startCommerceSubgraph(): Promise<{ url: string; stop: () => Promise<void> }> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(commerceSdl()),
    resolvers: {
      Query: {
        customer: (_: unknown, { id }: { id: string }) => CUSTOMERS[id] ?? null,
        order: (_: unknown, { id }: { id: string }) => (id === 'order-fed-1' ? { id, total: 40.0, customer: CUSTOMERS['cust-fed-1'] } : null),
        product: (_: unknown, { id }: { id: string }) => ({ id, name: `Product ${id}`, price: 25.99 }),
      },
      Customer: { __resolveReference: (ref: { id: string }) => CUSTOMERS[ref.id] ?? null },
    } as never,
  });
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
