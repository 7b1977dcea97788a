import { federated, findBy, RELAY_PAGE_INFO, samplesOf, type StandIn, type StandInContext } from './stand-in';

const customers = [
  { id: 'cust-grace', firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@shop.example', loyaltyPoints: 7 },
  { id: 'cust-alan', firstName: 'Alan', lastName: 'Turing', emailAddress: 'alan@shop.example', loyaltyPoints: 0 },
  { id: 'cust-guest', firstName: 'Guest', lastName: 'Shopper', emailAddress: 'guest@shop.example', loyaltyPoints: null },
];

/** Prices are Money: minor units, as Vendure's scalar and Shopify Admin's old scalar are. */
const orders = [
  { id: '1001', code: 'WEB-1001', total: 4000, customerId: 'cust-grace' },
  { id: 'ORD-77', code: 'APP-77', total: 2000, customerId: 'cust-alan' },
];

const customerConnection = () => ({
  edges: customers.map((node) => ({ cursor: node.id, node })),
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: customers[0]!.id, endCursor: customers.at(-1)!.id },
});

/**
 * A shop API in the style of Vendure's (with Shopify Admin's collisions): `scalar Money`, a Relay
 * `PageInfo` that is not @shareable, a `UserError` and an output-only `ErrorCode` of its own,
 * `Query.me`, and a customer field already named `loyaltyPoints`. Keys are `id: ID!`.
 */
export const storefront: StandIn = {
  name: 'storefront',
  imitates: 'Vendure shop API / Shopify Admin',
  typeDefs: federated('2.7', ['@key'], /* GraphQL */ `
type Query {
  customer(id: ID!): Customer
  """The customer signed in to this session."""
  me: Customer
  customers(first: Int, after: String): CustomerConnection!
  order(id: ID!): Order
  product(id: ID!): Product
}

type Mutation {
  updateCustomer(input: UpdateCustomerInput!): UpdateCustomerPayload!
}

"""A shopper with an account in the shop."""
type Customer @key(fields: "id") {
  """The shop's customer id."""
  id: ID!
  firstName: String!
  lastName: String!
  emailAddress: String!
  """Points of the shop's own old loyalty plug-in."""
  loyaltyPoints: Int
}

type CustomerConnection {
  edges: [CustomerEdge!]!
  pageInfo: PageInfo!
}

type CustomerEdge {
  cursor: String!
  node: Customer!
}

"""Relay page info, the shop's own."""
${RELAY_PAGE_INFO}

"""An order placed in the shop."""
type Order @key(fields: "id") {
  """The shop's order id."""
  id: ID!
  code: String!
  total: Money!
  customer: Customer
}

"""Something the shop sells."""
type Product @key(fields: "id") {
  """The shop's product id."""
  id: ID!
  name: String!
  price: Money!
}

input UpdateCustomerInput {
  firstName: String
  lastName: String
}

type UpdateCustomerPayload {
  customer: Customer
  userErrors: [UserError!]!
}

"""A refused change, in the shop's words."""
type UserError {
  field: [String!]
  message: String!
  code: ErrorCode
}

"""Why the shop refused a change."""
enum ErrorCode {
  UNKNOWN_ERROR
  EMAIL_ADDRESS_CONFLICT_ERROR
  NOT_SIGNED_IN
}

"""An amount in minor units of the shop's currency."""
scalar Money
`),
  resolvers: {
    Query: {
      me: (_: unknown, _args: unknown, ctx: StandInContext) => findBy(customers, 'id', ctx.shopperId),
      customer: (_: unknown, { id }: { id: string }) => findBy(customers, 'id', id),
      customers: customerConnection,
      order: (_: unknown, { id }: { id: string }) => findBy(orders, 'id', id),
      product: (_: unknown, { id }: { id: string }) => ({ id, name: `Product ${id}`, price: 2599 }),
    },
    Mutation: {
      updateCustomer: (_: unknown, { input }: { input: { firstName?: string; lastName?: string } }, ctx: StandInContext) => {
        const customer = findBy(customers, 'id', ctx.shopperId);
        if (!customer) return { customer: null, userErrors: [{ field: null, message: 'Sign in first', code: 'NOT_SIGNED_IN' }] };
        return { customer: { ...customer, ...input }, userErrors: [] };
      },
    },
    Customer: { __resolveReference: (ref: { id: string }) => findBy(customers, 'id', ref.id) },
    Order: {
      __resolveReference: (ref: { id: string }) => findBy(orders, 'id', ref.id),
      customer: (order: { customerId: string }) => findBy(customers, 'id', order.customerId),
    },
  },
  env: {},
  customer: {
    lookup: 'customer(id: $key)',
    keyType: 'ID!',
    ...samplesOf(customers, { key: 'id', name: 'firstName' }),
  },
};
