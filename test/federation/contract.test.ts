import { composeSchemaContract } from '@theguild/federation-composition';
import { buildSchema, GraphQLObjectType, Kind, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { commerceOf, LOYALTY_SUBGRAPH, loyaltySdl } from './federation-support';
import { STAND_INS, type StandIn } from './stand-ins';

/** Staff-only root fields (tagged loyalty-staff): a public contract must not have them. */
const STAFF_FIELDS = ['loyaltyLedgerAudit', 'loyaltyOutboxMessages', 'loyaltyMessageTemplates', 'loyaltyMembers', 'updateLoyaltyProgramme', 'saveLoyaltyEarningRule', 'adjustPoints', 'issueLoyaltyCoupon'];
/** Fields for shoppers' apps: the contract keeps them. */
const PUBLIC_ROOT_FIELDS = ['loyaltyMe', 'loyaltyTiers', 'validateLoyaltyCoupon'];

function fieldsOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  return type instanceof GraphQLObjectType ? Object.keys(type.getFields()) : [];
}

function rootFields(schema: GraphQLSchema): string[] {
  return [...fieldsOf(schema, 'Query'), ...fieldsOf(schema, 'Mutation')];
}

/** The stand-in's own root fields, from its SDL. */
function standInRootFields(standIn: StandIn): string[] {
  return parse(standIn.typeDefs).definitions.flatMap((d) =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation'].includes(d.name.value) ? (d.fields ?? []).map((f) => f.name.value) : [],
  );
}

/**
 * A public contract of the supergraph, as GraphOS or Hive build one: every element tagged
 * `loyalty-staff` excluded, and the types nothing public reaches any more removed.
 */
describe.each(STAND_INS)('a contract without loyalty-staff, with $imitates ($name)', (standIn) => {
  let contract: GraphQLSchema;

  beforeAll(async () => {
    const result = composeSchemaContract(
      [
        { name: standIn.name, typeDefs: parse(standIn.typeDefs), url: 'http://commerce.invalid' },
        { name: LOYALTY_SUBGRAPH, typeDefs: parse(await loyaltySdl(standIn.env)), url: 'http://loyalty.invalid' },
      ],
      { include: new Set(), exclude: new Set(['loyalty-staff']) },
      true,
    );
    expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
    contract = buildSchema(result.publicSdl!);
  });

  it('has none of the staff-only fields', () => {
    expect(rootFields(contract).filter((f) => STAFF_FIELDS.includes(f))).toEqual([]);
  });

  it("keeps the shopper's fields, the customer's loyalty and the commerce graph's own root fields", () => {
    expect(rootFields(contract)).toEqual(expect.arrayContaining([...PUBLIC_ROOT_FIELDS, ...standInRootFields(standIn)]));
    expect(fieldsOf(contract, commerceOf(standIn).customer.typeName)).toContain('loyalty');
  });

  it('removes the types only staff fields reached', () => {
    for (const type of ['LoyaltyLedgerAuditFinding', 'LoyaltyOutboxMessage', 'LoyaltyMessageTemplate', 'LoyaltyMemberConnection']) {
      expect(contract.getType(type), type).toBeUndefined();
    }
    expect(contract.getType('LoyaltyMember')).toBeDefined();
  });
});
