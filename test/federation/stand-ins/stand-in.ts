import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { Kind, parse } from 'graphql';

/** A subgraph's SDL: the federation `@link` of that version and imports, then the types. */
export function federated(version: string, imports: string[], types: string): string {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: ${JSON.stringify(imports)})\n${types}`;
}

/** Relay's `PageInfo`, as Relay servers print it (not @shareable); put a description before it. */
export const RELAY_PAGE_INFO = `type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}`;

/** What a stand-in's resolvers see of the request: the shopper the forwarded token names. */
export interface StandInContext {
  shopperId: string | null;
}

/** A customer of a stand-in's data, with the key value the loyalty subgraph stores as `customerId`. */
export interface StandInCustomer {
  /** The key as the commerce graph sends it (a number for an `Int` key). */
  key: string | number;
  /** The name the stand-in answers in `nameField`. */
  name: string;
}

/**
 * A commerce subgraph written for these tests, shaped after a public commerce schema so that it
 * carries the type names that schema would bring into a supergraph with loyalty.
 */
export interface StandIn {
  /** The subgraph's name in the supergraph. */
  name: string;
  /** Which public schema it imitates, and what in it could collide with loyalty. */
  imitates: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<StandInContext>;
  /** The loyalty subgraph's COMMERCE_* settings for a graph like this one. */
  env: Record<string, string>;
  /** The customer type (COMMERCE_CUSTOMER_TYPE in `env`); its SDL describes it and its key field. */
  customer: {
    /** The root field that finds a customer by key, e.g. `customer(entityId: $key)`, and the type of `$key`. */
    lookup: string;
    keyType: string;
    /** A field of the stand-in's own that names the customer. */
    nameField: string;
    /** Customers the gateway tests use: two are enrolled in loyalty (as different members), one is not. */
    samples: CustomerSamples;
  };
}

export interface CustomerSamples {
  enrolled: StandInCustomer;
  other: StandInCustomer;
  notEnrolled: StandInCustomer;
}

/**
 * The customer samples of a stand-in: the first three records of its data, with the field that
 * holds the key and the field that names them.
 */
export function samplesOf<T>(records: readonly T[], fields: { key: keyof T & string; name: keyof T & string }): { nameField: string; samples: CustomerSamples } {
  const [enrolled, other, notEnrolled] = records.map((r) => ({ key: r[fields.key] as string | number, name: String(r[fields.name]) }));
  if (!enrolled || !other || !notEnrolled) throw new Error('a stand-in needs at least three customers');
  return { nameField: fields.name, samples: { enrolled, other, notEnrolled } };
}

/** The loyalty `customerId` of a stand-in customer: its key value as text. */
export function customerIdOf(customer: StandInCustomer): string {
  return String(customer.key);
}

/**
 * The `sub` of the bearer token the router forwarded, read without verifying it: a stand-in only
 * needs to know whom the shopper claims to be (the loyalty subgraph verifies the same token).
 */
export function shopperFromHeaders(headers: IncomingHttpHeaders): string | null {
  const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const sub: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub;
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

/** Whether the stand-in has `Query.me` (the shopper named by the forwarded token). */
export function hasMe(standIn: StandIn): boolean {
  return parse(standIn.typeDefs).definitions.some(
    (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query' && d.fields?.some((f) => f.name.value === 'me'),
  );
}

export interface ServedStandIn {
  url: string;
  stop(): Promise<void>;
}

/** Serves a stand-in as a real federated subgraph on a random local port. */
export async function serveStandIn(standIn: StandIn): Promise<ServedStandIn> {
  const schema = buildSubgraphSchema({ typeDefs: parse(standIn.typeDefs), resolvers: standIn.resolvers as GraphQLResolverMap<unknown> });
  const server = new ApolloServer<StandInContext>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ shopperId: shopperFromHeaders(req.headers) }),
  });
  return { url, stop: () => server.stop() };
}

/** Finds a record by one of its fields; what a stand-in's root fields and `__resolveReference` do. */
export function findBy<T, K extends keyof T>(records: readonly T[], field: K, value: unknown): T | null {
  return records.find((r) => r[field] === value) ?? null;
}
