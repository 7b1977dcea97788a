import { printSubgraphSchema } from '@apollo/subgraph';
import { buildASTSchema, isIntrospectionType, isScalarType, isSpecifiedScalarType, Kind, parse, print, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { STAFF_TAG } from '../auth/staff';
import { loadConfig } from '../config';
import { buildLoyaltySchema } from './build-schema';
import { printLoyaltySdl } from './print-schema';

/** Federation's own definitions in a printed subgraph SDL, which the naming rule does not govern. */
const FEDERATION = /^(_Any|_Entity|_Service|FieldSet|link__\w+|federation__\w+)$/;
/** Scalars keep their standard names so that they merge across subgraphs (DESIGN.md §4). */
const STANDARD_SCALARS = ['DateTimeISO', 'LocalDate', 'JSONObject'];

const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Every breach of the naming rule of DESIGN.md §4 in a printed subgraph SDL. */
function namingBreaches(sdl: string, commerceTypes: string[]): string[] {
  // The printed subgraph SDL leaves out federation's definitions: add what it needs to build.
  const schema: GraphQLSchema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  const mutationTypes = new Set(mutations.flatMap((m) => [`${upperFirst(m)}Input`, `${upperFirst(m)}Payload`]));
  const breaches: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    const name = type.name;
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || FEDERATION.test(name)) continue;
    if (name === 'Query' || name === 'Mutation' || commerceTypes.includes(name)) continue;
    if (isScalarType(type)) {
      if (!STANDARD_SCALARS.includes(name)) breaches.push(`scalar ${name} is not one of the standard scalars`);
      continue;
    }
    if (!name.includes('Loyalty') && !mutationTypes.has(name)) breaches.push(`type ${name} has no "Loyalty" in its name`);
  }
  for (const field of Object.keys(schema.getQueryType()?.getFields() ?? {})) {
    if (field.startsWith('_')) continue; // _entities, _service
    if (!/loyalty/i.test(field)) breaches.push(`Query.${field} has no "loyalty" in its name`);
  }
  for (const field of mutations) {
    if (!/Points|Loyalty/.test(field)) breaches.push(`Mutation.${field} has neither "Points" nor "Loyalty" in its name`);
  }
  return breaches;
}

describe('the naming rule (DESIGN.md §4)', () => {
  it('holds for the printed SDL: every type namespaced, every root field named for loyalty', async () => {
    expect(namingBreaches(await printLoyaltySdl(), ['Customer', 'Order', 'Product'])).toEqual([]);
  });

  it('would catch a breach', () => {
    const bad = `type Query { member: Money tiers: [LoyaltyTier] } type Mutation { redeemCoupon(input: RedeemCouponInput): RedeemCouponPayload }
      type Money { amount: Int } type LoyaltyTier { id: ID } input RedeemCouponInput { code: String } type RedeemCouponPayload { ok: Boolean }
      scalar Cents enum ErrorCode { A }`;
    expect(namingBreaches(bad, [])).toEqual([
      'type Money has no "Loyalty" in its name',
      'scalar Cents is not one of the standard scalars',
      'type ErrorCode has no "Loyalty" in its name',
      'Query.member has no "loyalty" in its name',
      'Query.tiers has no "loyalty" in its name',
      'Mutation.redeemCoupon has neither "Points" nor "Loyalty" in its name',
    ]);
  });

  it('leaves the commerce stubs bare: the owner names and describes them', async () => {
    const commerce = loadConfig({ COMMERCE_CUSTOMER_TYPE: 'Account', COMMERCE_CUSTOMER_KEY: 'email:String', COMMERCE_ORDER_TYPE: 'none' }).commerce;
    const sdl = printSubgraphSchema(await buildLoyaltySchema(commerce));
    expect(namingBreaches(sdl, ['Account', 'Product'])).toEqual([]);
    expect(sdl).toMatch(/\ntype Account\s+@key\(fields: "email"\)\s*\{\s*email: String!\s*"""/);
    expect(sdl).not.toMatch(/"""[^"]*"""\s*type (Account|Product)\b/);
    expect(sdl).not.toMatch(/loyaltyActivity\b[^\n]*:/);
    expect(sdl).not.toContain('type LoyaltyOrderActivity');
  });
});

describe('the staff tag', () => {
  it('is on every root field that no member or shopper may use, and on no other', async () => {
    const tagged = new Set<string>();
    for (const def of parse(await printLoyaltySdl()).definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || (def.name.value !== 'Query' && def.name.value !== 'Mutation')) continue;
      for (const field of def.fields ?? []) {
        const tags = (field.directives ?? []).filter((d) => d.name.value === 'tag');
        if (tags.some((d) => print(d) === `@tag(name: "${STAFF_TAG}")`)) tagged.add(field.name.value);
      }
    }
    const storage = getMetadataStorage();
    const rootFields = [...storage.queries, ...storage.mutations];
    const rolesOf = (target: Function, field: string) => storage.authorizedFields.find((a) => a.target === target && a.fieldName === field)?.roles;
    const staffOnly = rootFields
      .filter((f) => {
        const roles = rolesOf(f.target, f.methodName);
        return roles !== undefined && roles.length > 0 && !roles.includes('member') && !roles.includes('customer');
      })
      .map((f) => f.schemaName)
      .sort();
    expect(staffOnly.length).toBeGreaterThan(20);
    expect([...tagged].sort()).toEqual(staffOnly);
    // the list, by name
    for (const field of ['loyaltyLedgerAudit', 'loyaltyOutboxMessages', 'loyaltyMessageTemplates', 'saveLoyaltyMessageTemplate', 'updateLoyaltyProgramme', 'saveLoyaltyEarningRule', 'adjustPoints', 'issueLoyaltyCoupon', 'loyaltyMembers']) {
      expect(tagged, field).toContain(field);
    }
  });
});
