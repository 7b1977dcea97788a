import { federated, findBy, RELAY_PAGE_INFO, samplesOf, type StandIn } from './stand-in';

const customers = [
  { entityId: 42, email: 'hedy@bc.example', firstName: 'Hedy', lastName: 'Lamarr', storeCredit: [{ currencyCode: 'GBP', value: '5.00' }] },
  { entityId: 43, email: 'barbara@bc.example', firstName: 'Barbara', lastName: 'Liskov', storeCredit: [] },
  { entityId: 44, email: 'visitor@bc.example', firstName: 'Visitor', lastName: 'Unknown', storeCredit: [] },
];

const orders = [{ entityId: 9001, customerId: 42, totalIncTax: { currencyCode: 'GBP', value: '40.00' } }];

/**
 * A storefront API in the style of BigCommerce's: customers, orders and products keyed by
 * `entityId: Int!` (and a product's `id` is a separate global id); `Money` is an object
 * `{ currencyCode, value: BigDecimal }`; a Relay `PageInfo`. Loyalty runs with
 * COMMERCE_*_KEY=entityId:Int.
 */
export const bigcommerce: StandIn = {
  name: 'bigcommerce',
  imitates: 'BigCommerce storefront API',
  typeDefs: federated('2.7', ['@key'], /* GraphQL */ `
"""Arbitrary-precision decimal, as a string."""
scalar BigDecimal

type Query {
  customer(entityId: Int!): Customer
  customers(first: Int, after: String): CustomerConnection!
  order(entityId: Int!): Order
  product(entityId: Int!): Product
}

"""A registered shopper of the store."""
type Customer @key(fields: "entityId") {
  """The ID of the customer."""
  entityId: Int!
  email: String!
  firstName: String!
  lastName: String!
  storeCredit: [Money!]!
}

"""A money object - includes currency code and a money amount."""
type Money {
  currencyCode: String!
  value: BigDecimal!
}

"""An order of the store."""
type Order @key(fields: "entityId") {
  """The ID of the order."""
  entityId: Int!
  totalIncTax: Money!
  customer: Customer
}

"""A product of the store."""
type Product @key(fields: "entityId") {
  """The ID of an object."""
  id: ID!
  """Id of the product."""
  entityId: Int!
  name: String!
  price: Money!
}

type CustomerConnection {
  pageInfo: PageInfo!
  edges: [CustomerEdge]
}

type CustomerEdge {
  node: Customer!
  cursor: String!
}

"""Information about pagination in a connection."""
${RELAY_PAGE_INFO}
`),
  resolvers: {
    Query: {
      customer: (_: unknown, { entityId }: { entityId: number }) => findBy(customers, 'entityId', entityId),
      customers: () => ({
        edges: customers.map((node) => ({ node, cursor: String(node.entityId) })),
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      }),
      order: (_: unknown, { entityId }: { entityId: number }) => findBy(orders, 'entityId', entityId),
      product: (_: unknown, { entityId }: { entityId: number }) => ({ id: `UHJvZHVjdDo${entityId}`, entityId, name: `Product ${entityId}`, price: { currencyCode: 'GBP', value: '25.99' } }),
    },
    Customer: { __resolveReference: (ref: { entityId: number }) => findBy(customers, 'entityId', ref.entityId) },
    Order: {
      __resolveReference: (ref: { entityId: number }) => findBy(orders, 'entityId', ref.entityId),
      customer: (order: { customerId: number }) => findBy(customers, 'entityId', order.customerId),
    },
  },
  env: { COMMERCE_CUSTOMER_KEY: 'entityId:Int', COMMERCE_ORDER_KEY: 'entityId:Int', COMMERCE_PRODUCT_KEY: 'entityId:Int' },
  customer: {
    lookup: 'customer(entityId: $key)',
    keyType: 'Int!',
    ...samplesOf(customers, { key: 'entityId', name: 'firstName' }),
  },
};
