import { federated, findBy, samplesOf, type StandIn } from './stand-in';

const users = [
  { email: 'katherine@demo.example', name: 'Katherine', totalProductsCreated: 2 },
  { email: 'dorothy@demo.example', name: 'Dorothy', totalProductsCreated: 0 },
  { email: 'mary@demo.example', name: 'Mary', totalProductsCreated: 1 },
];

const products = [
  { id: 'apollo-federation', sku: 'federation', package: '@apollo/federation', notes: 'internal note', createdBy: users[0]!.email },
  { id: 'apollo-studio', sku: 'studio', package: '', notes: null, createdBy: users[2]!.email },
];

/**
 * A catalogue graph in the style of Apollo's supergraph-demo-fed2: users keyed by `email`
 * (the demo types it `ID!`; a String key is the common case and what this one uses), products
 * behind an interface with several keys and an `@tag(name: "internal")` of its own, no orders.
 * Loyalty runs with COMMERCE_CUSTOMER_KEY=email:String and COMMERCE_ORDER_TYPE=none.
 */
export const demoCatalogue: StandIn = {
  name: 'catalogue',
  imitates: 'Apollo supergraph-demo-fed2 (users + products)',
  typeDefs: federated('2.7', ['@key', '@tag'], /* GraphQL */ `
type Query {
  user(email: String!): User
  allProducts: [ProductItf]
  product(id: ID!): ProductItf
}

"""Someone with an account in the catalogue."""
type User @key(fields: "email") {
  """The user's e-mail address, which identifies them."""
  email: String!
  name: String
  totalProductsCreated: Int
}

interface ProductItf {
  id: ID!
  sku: String
  package: String
  createdBy: User
}

"""A product of the catalogue."""
type Product implements ProductItf @key(fields: "id") @key(fields: "sku package") {
  id: ID!
  sku: String
  package: String
  createdBy: User
  notes: String @tag(name: "internal")
}
`),
  resolvers: {
    Query: {
      user: (_: unknown, { email }: { email: string }) => findBy(users, 'email', email),
      allProducts: () => products,
      product: (_: unknown, { id }: { id: string }) => findBy(products, 'id', id),
    },
    ProductItf: { __resolveType: () => 'Product' },
    User: { __resolveReference: (ref: { email: string }) => findBy(users, 'email', ref.email) },
    Product: {
      __resolveReference: (ref: { id?: string; sku?: string; package?: string }) =>
        ref.id ? findBy(products, 'id', ref.id) : (products.find((p) => p.sku === ref.sku && p.package === ref.package) ?? null),
      createdBy: (product: { createdBy: string }) => findBy(users, 'email', product.createdBy),
    },
  },
  env: { COMMERCE_CUSTOMER_TYPE: 'User', COMMERCE_CUSTOMER_KEY: 'email:String', COMMERCE_ORDER_TYPE: 'none' },
  customer: {
    lookup: 'user(email: $key)',
    keyType: 'String!',
    ...samplesOf(users, { key: 'email', name: 'name' }),
  },
};
