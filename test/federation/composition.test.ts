import type { CompositionSuccess } from '@apollo/composition';
import { GraphQLObjectType, Kind, parse, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSchema, commerceOf, composeWithLoyalty, LOYALTY_SUBGRAPH, loyaltySdl } from './federation-support';
import { demoCatalogue, STAND_INS, type StandIn } from './stand-ins';

/** The fields loyalty adds to the commerce entities, by COMMERCE_* entity. */
const EXTENSION_FIELDS = { customer: 'loyalty', order: 'loyaltyActivity', product: 'loyaltyEarnPreview' } as const;

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type of the supergraph`);
  return type;
}

/** The descriptions of a type and one of its fields in a stand-in's own SDL (there must be both). */
function describedType(standIn: StandIn, typeName: string, fieldName: string) {
  const type = parse(standIn.typeDefs).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName);
  const description = type?.description?.value;
  const keyDescription = type?.fields?.find((f) => f.name.value === fieldName)?.description?.value;
  if (!description || !keyDescription) throw new Error(`${standIn.name} must describe ${typeName} and ${typeName}.${fieldName}`);
  return { description, keyDescription };
}

/** `Type.field` for every field named like a loyalty extension, on types other than the root types. */
function extensionFields(schema: GraphQLSchema): string[] {
  const names: string[] = Object.values(EXTENSION_FIELDS);
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && type !== schema.getQueryType() && type !== schema.getMutationType())
    .flatMap((type) => Object.keys(type.getFields()).filter((f) => names.includes(f)).map((f) => `${type.name}.${f}`))
    .sort();
}

/** Hints about descriptions, or that name the loyalty subgraph as the source of a mismatch. */
function hintsAgainstLoyalty(hints: CompositionSuccess['hints']): string[] {
  return hints
    .filter((h) => h.definition.code === 'INCONSISTENT_DESCRIPTION' || /description/i.test(h.message) || new RegExp(`\\b${LOYALTY_SUBGRAPH}\\b`).test(h.message))
    .map((h) => `${h.definition.code}: ${h.message}`);
}

describe.each(STAND_INS)('composition with $imitates ($name)', (standIn: StandIn) => {
  const commerce = commerceOf(standIn);
  let result: ReturnType<typeof composeWithLoyalty>;
  let api: GraphQLSchema | undefined;
  /** The public API; throws with the composition errors when there is none. */
  const publicApi = () => (api ??= apiSchema(result));

  beforeAll(async () => {
    result = composeWithLoyalty(standIn, await loyaltySdl(standIn.env));
  });

  it('composes without errors', () => {
    expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
  });

  it('gives no hint about descriptions or against the loyalty subgraph', () => {
    expect(hintsAgainstLoyalty(result.hints ?? [])).toEqual([]);
  });

  it("keeps the owner's descriptions of the customer type and its key", () => {
    const { typeName, keyField } = commerce.customer;
    const owner = describedType(standIn, typeName, keyField);
    const customer = objectType(publicApi(), typeName);
    expect(customer.description).toBe(owner.description);
    expect(customer.getFields()[keyField]?.description).toBe(owner.keyDescription);
  });

  it('adds the loyalty fields to exactly the configured commerce entities', () => {
    const expected = (['customer', 'order', 'product'] as const).flatMap((e) => (commerce[e] ? [`${commerce[e].typeName}.${EXTENSION_FIELDS[e]}`] : []));
    expect(extensionFields(publicApi())).toEqual(expected.sort());
  });
});

describe('a commerce graph without orders (COMMERCE_ORDER_TYPE=none)', () => {
  it('has no order extension in the supergraph, and the customer one', async () => {
    const result = composeWithLoyalty(demoCatalogue, await loyaltySdl(demoCatalogue.env));
    const api = apiSchema(result);
    expect(api.getType('Order')).toBeUndefined();
    expect(api.getType('LoyaltyOrderActivity')).toBeUndefined();
    expect(extensionFields(api)).toEqual(['Product.loyaltyEarnPreview', 'User.loyalty']);
  });
});
