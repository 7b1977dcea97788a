import { federated, findBy, RELAY_PAGE_INFO, samplesOf, type StandIn, type StandInContext } from './stand-in';

/** Saleor ids are opaque global ids (base64 of "User:1"); the router sends them as they are. */
const globalId = (type: string, n: number) => Buffer.from(`${type}:${n}`).toString('base64');

const users = [
  { id: globalId('User', 1), email: 'ada@saleor.example', firstName: 'Ada', lastName: 'Lovelace' },
  { id: globalId('User', 2), email: 'edsger@saleor.example', firstName: 'Edsger', lastName: 'Dijkstra' },
  { id: globalId('User', 3), email: 'anon@saleor.example', firstName: 'Anon', lastName: 'Ymous' },
];

const coupons = [
  { code: 'WELCOME10', status: 'ACTIVE', userId: users[0]!.id },
  { code: 'SPRING5', status: 'USED', userId: users[0]!.id },
];

/**
 * A shop API in the style of Saleor's: the customer is a `User`; `Money` is an object with a Float
 * `amount` and a `currency`; inputs `SaleInput` and `MoneyInput` of its own; `CouponStatus` used
 * as an argument and as a field type; a Relay `PageInfo`; `Query.me`; descriptions on every
 * entity and key field.
 */
export const saleor: StandIn = {
  name: 'saleor',
  imitates: 'Saleor',
  typeDefs: federated('2.3', ['@key'], /* GraphQL */ `
type Query {
  """Return the currently authenticated user."""
  me: User
  """Look up a user by ID or email address."""
  user(id: ID, email: String): User
  users(first: Int, after: String): UserCountableConnection
  order(id: ID!): Order
  product(id: ID!): Product
}

type Mutation {
  """Creates a new sale (a discount campaign)."""
  saleCreate(input: SaleInput!): SaleCreate
  """Creates a new gift card."""
  giftCardCreate(input: GiftCardCreateInput!): GiftCardCreate
}

"""An object with an ID"""
interface Node {
  """The ID of the object."""
  id: ID!
}

"""Represents user data."""
type User implements Node @key(fields: "id") {
  """The ID of the user."""
  id: ID!
  email: String!
  firstName: String!
  lastName: String!
  """The user's vouchers, optionally only those in one status."""
  coupons(status: CouponStatus): [Coupon!]!
}

"""A voucher code given to a user."""
type Coupon {
  code: String!
  status: CouponStatus!
}

"""Where a voucher code is in its life."""
enum CouponStatus {
  ACTIVE
  USED
  EXPIRED
}

"""Represents amount of money in specific currency."""
type Money {
  """Currency code."""
  currency: String!
  """Amount of money."""
  amount: Float!
}

input MoneyInput {
  currency: String!
  amount: PositiveDecimal!
}

"""Represents an order in the shop."""
type Order implements Node @key(fields: "id") {
  """The ID of the order."""
  id: ID!
  number: String!
  total: Money!
  user: User
}

"""Represents an individual item for sale in the storefront."""
type Product implements Node @key(fields: "id") {
  """The ID of the product."""
  id: ID!
  name: String!
  price: Money!
}

type UserCountableConnection {
  pageInfo: PageInfo!
  edges: [UserCountableEdge!]!
}

type UserCountableEdge {
  node: User!
  cursor: String!
}

"""The Relay compliant PageInfo type, containing data necessary to paginate this connection."""
${RELAY_PAGE_INFO}

input SaleInput {
  name: String
  value: PositiveDecimal
  products: [ID!]
}

type SaleCreate {
  errors: [DiscountError!]!
  sale: Sale
}

type Sale implements Node {
  id: ID!
  name: String!
}

type DiscountError {
  field: String
  message: String
  code: DiscountErrorCode!
}

enum DiscountErrorCode {
  GRAPHQL_ERROR
  INVALID
  REQUIRED
}

input GiftCardCreateInput {
  balance: MoneyInput!
  userEmail: String
}

type GiftCardCreate {
  errors: [DiscountError!]!
  code: String
}

"""Positive decimal scalar implementation."""
scalar PositiveDecimal
`),
  resolvers: {
    Query: {
      me: (_: unknown, _args: unknown, ctx: StandInContext) => findBy(users, 'id', ctx.shopperId),
      user: (_: unknown, args: { id?: string; email?: string }) => (args.id ? findBy(users, 'id', args.id) : findBy(users, 'email', args.email)),
      users: () => ({
        edges: users.map((node) => ({ node, cursor: node.id })),
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      }),
      order: () => null,
      product: (_: unknown, { id }: { id: string }) => ({ id, name: `Product ${id}`, price: { currency: 'GBP', amount: 25.99 } }),
    },
    Mutation: {
      saleCreate: (_: unknown, { input }: { input: { name?: string } }) =>
        input.name ? { errors: [], sale: { id: globalId('Sale', 1), name: input.name } } : { errors: [{ field: 'name', message: 'Required', code: 'REQUIRED' }], sale: null },
      giftCardCreate: () => ({ errors: [], code: 'GIFT-0001' }),
    },
    User: {
      __resolveReference: (ref: { id: string }) => findBy(users, 'id', ref.id),
      coupons: (user: { id: string }, { status }: { status?: string }) => coupons.filter((c) => c.userId === user.id && (!status || c.status === status)),
    },
  },
  env: { COMMERCE_CUSTOMER_TYPE: 'User' },
  customer: {
    lookup: 'user(id: $key)',
    keyType: 'ID',
    ...samplesOf(users, { key: 'id', name: 'firstName' }),
  },
};
