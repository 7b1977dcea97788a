import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { ok, startTestService, type TestService } from '../test-support/harness';
import { configureProgramme, addRule, earn } from '../test-support/ledger-fixtures';

const ENROL = `mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id } userErrors { code } } }`;
const LINK = `mutation($i: LinkLoyaltyCustomerInput!) { linkLoyaltyCustomer(input: $i) { member { id customerId } userErrors { code field } } }`;
const ME = `{ loyaltyMe { id firstName customerId wallet { available } } }`;
const CUSTOMER_LOYALTY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id loyalty { id firstName wallet { available } } } } }`;

const IDP_ISSUER = 'https://id.shop.example.com/';
let idpKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let svc: TestService;
let tillMember: string;
let webMember: string;

/** A token as the retailer's shopper identity provider issues it: no roles, the customer id in `sub`. */
function idpToken(sub: string, extra: Record<string, unknown> = {}, issuer = IDP_ISSUER) {
  return new SignJWT(extra).setProtectedHeader({ alg: 'RS256' }).setIssuer(issuer).setAudience('shop-api').setSubject(sub).setIssuedAt().setExpirationTime('5m').sign(idpKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  idpKey = pair.privateKey;
  svc = await startTestService({
    env: { LOYALTY_CUSTOMER_JWT_ISSUER: IDP_ISSUER, LOYALTY_CUSTOMER_JWT_AUDIENCE: 'shop-api', LOYALTY_CUSTOMER_JWT_PUBLIC_KEY: await exportSPKI(pair.publicKey) },
  });
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  // enrolled at a till, without an online account
  tillMember = ok(await svc.gql(ENROL, { i: { idempotencyKey: randomUUID(), firstName: 'Tess', lastName: 'Till', phone: '+44 7700 900111' } }, svc.tokens.till)).enrollLoyaltyMember.member.id;
  webMember = ok(await svc.gql(ENROL, { i: { idempotencyKey: randomUUID(), firstName: 'Wes', lastName: 'Web', customerId: 'cust-web-1' } }, svc.tokens.till)).enrollLoyaltyMember.member.id;
  await earn(svc, tillMember, 12_300, 'till-funds');
  await earn(svc, webMember, 4_500, 'web-funds');
});
afterAll(() => svc?.stop());

describe('customer tokens (a shopper through the graph)', () => {
  it('act as the member enrolled with that customer id, and see nobody else', async () => {
    const token = await svc.tokens.customer('cust-web-1');
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe).toEqual({ id: webMember, firstName: 'Wes', customerId: 'cust-web-1', wallet: { available: 45 } });
    const reps = [{ __typename: 'Customer', id: 'cust-web-1' }, { __typename: 'Customer', id: 'cust-other' }, { __typename: 'Customer', id: 'cust-unknown' }];
    expect(ok(await svc.gql(CUSTOMER_LOYALTY, { r: reps }, token))._entities).toEqual([
      { id: 'cust-web-1', loyalty: { id: webMember, firstName: 'Wes', wallet: { available: 45 } } },
      { id: 'cust-other', loyalty: null },
      { id: 'cust-unknown', loyalty: null },
    ]);
    // another member's entity answers as none, and the staff queries are refused, as for a member token
    const other = ok(await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyMember { id } } }`, { r: [{ __typename: 'LoyaltyMember', id: tillMember }] }, token));
    expect(other._entities).toEqual([null]);
    for (const query of [`{ loyaltyMembers { totalCount } }`, `{ loyaltyMember(id: "${webMember}") { id } }`, `{ loyaltyLedgerAudit { check } }`]) {
      expect((await svc.gql(query, {}, token)).errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    const earnTry = await svc.gql(`mutation { earnPoints(input: { idempotencyKey: "c1", memberId: "${webMember}", sale: { id: "c1", channel: "web", currencyCode: "GBP", lines: [{ productId: "p", quantity: 1, unitPrice: 100 }] } }) { userErrors { code } } }`, {}, token);
    expect(earnTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('of a shopper who is not enrolled see no member at all', async () => {
    const token = await svc.tokens.customer('cust-new');
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe).toBeNull();
    expect(ok(await svc.gql(CUSTOMER_LOYALTY, { r: [{ __typename: 'Customer', id: 'cust-web-1' }] }, token))._entities).toEqual([{ id: 'cust-web-1', loyalty: null }]);
    expect(ok(await svc.gql(`{ loyaltyTiers { id } }`, {}, token)).loyaltyTiers).toEqual(expect.any(Array));
  });

  it("from the retailer's identity provider are customers only, whatever roles they claim", async () => {
    const forged = await idpToken('cust-web-1', { roles: ['admin'], memberId: tillMember });
    expect(ok(await svc.gql(ME, {}, forged)).loyaltyMe.id).toBe(webMember);
    expect((await svc.gql(`{ loyaltyMembers { totalCount } }`, {}, forged)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // signed by the identity provider's key but claiming the loyalty issuer: not accepted
    const wrongIssuer = await svc.gql(ME, {}, await idpToken('cust-web-1', { roles: ['admin'] }, svc.config.auth.issuer));
    expect(wrongIssuer.status).toBe(401);
    // a customer token of the loyalty issuer may carry no other role
    const mixed = await svc.gql(ME, {}, await svc.sign('cust-web-1', { roles: ['customer', 'admin'] }));
    expect(mixed.status).toBe(401);
  });

  it('read the customer id from the configured claim', async () => {
    const other = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_CUSTOMER_ID_CLAIM: 'https://shop.example.com/customer_id' } });
    try {
      const token = await other.sign('auth0|12345', { roles: ['customer'], 'https://shop.example.com/customer_id': 'cust-web-1' });
      expect(ok(await other.gql(ME, {}, token)).loyaltyMe.id).toBe(webMember);
      expect((await other.gql(ME, {}, await other.sign('cust-web-1', { roles: ['customer'] }))).status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});

describe('linkLoyaltyCustomer', () => {
  it("ties a till-enrolled member to the shopper's account, at once and safely retried", async () => {
    const token = await svc.tokens.customer('cust-tess');
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe).toBeNull();
    const linked = ok(await svc.gql(LINK, { i: { memberId: tillMember, customerId: 'cust-tess' } }, svc.tokens.till)).linkLoyaltyCustomer;
    expect(linked).toEqual({ member: { id: tillMember, customerId: 'cust-tess' }, userErrors: [] });
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe).toMatchObject({ id: tillMember, wallet: { available: 123 } });
    const again = ok(await svc.gql(LINK, { i: { memberId: tillMember, customerId: 'cust-tess' } }, svc.tokens.service)).linkLoyaltyCustomer;
    expect(again).toEqual(linked);
  });

  it("refuses another member's customer id, a second customer id, unknown members and bad ids, changing nothing", async () => {
    const third = ok(await svc.gql(ENROL, { i: { idempotencyKey: randomUUID(), firstName: 'Thea', lastName: 'Third', phone: '+44 7700 900333' } })).enrollLoyaltyMember.member.id;
    const attempt = async (memberId: string, customerId: string) => ok(await svc.gql(LINK, { i: { memberId, customerId } }, svc.tokens.admin)).linkLoyaltyCustomer;
    expect(await attempt(third, 'cust-web-1')).toEqual({ member: null, userErrors: [{ code: 'CUSTOMER_ALREADY_LINKED', field: ['input', 'customerId'] }] });
    expect(await attempt(webMember, 'cust-web-2')).toEqual({ member: null, userErrors: [{ code: 'MEMBER_LINKED_TO_OTHER_CUSTOMER', field: ['input', 'memberId'] }] });
    expect((await attempt(randomUUID(), 'cust-x')).userErrors[0].code).toBe('MEMBER_NOT_FOUND');
    expect((await attempt('not-a-uuid', 'cust-x')).userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'memberId'] }]);
    expect((await attempt(third, 'has space')).userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'customerId'] }]);
    expect((await attempt(third, '')).userErrors[0].code).toBe('INVALID_INPUT');
    const members = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { customerId } }`, { id: third })).loyaltyMember;
    expect(members).toEqual({ customerId: null });
  });

  it('lets exactly one of two members racing for one customer id have it', async () => {
    const ids = await Promise.all([1, 2].map(async (n) => ok(await svc.gql(ENROL, { i: { idempotencyKey: randomUUID(), firstName: `R${n}`, lastName: 'Race', phone: `+44 7700 90044${n}` } })).enrollLoyaltyMember.member.id));
    const results = await Promise.all(ids.map(async (memberId) => ok(await svc.gql(LINK, { i: { memberId, customerId: 'cust-race' } }, svc.tokens.service)).linkLoyaltyCustomer));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors.map((e: { code: string }) => e.code))).toEqual(['CUSTOMER_ALREADY_LINKED']);
  });

  it('is for staff: a member or shopper cannot tie themselves to an account', async () => {
    for (const token of [await svc.tokens.member(tillMember), await svc.tokens.customer('cust-tess')]) {
      const res = await svc.gql(LINK, { i: { memberId: tillMember, customerId: 'cust-hijack' } }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('shopper identity configuration', () => {
  it('refuses incomplete or unsafe settings, naming the variable', () => {
    expect(() => loadConfig({ LOYALTY_CUSTOMER_JWT_ISSUER: IDP_ISSUER })).toThrow(/LOYALTY_CUSTOMER_JWKS_URL or LOYALTY_CUSTOMER_JWT_PUBLIC_KEY/);
    expect(() => loadConfig({ LOYALTY_CUSTOMER_JWKS_URL: 'https://id.example.com/jwks' })).toThrow(/LOYALTY_CUSTOMER_JWT_ISSUER/);
    expect(() => loadConfig({ LOYALTY_CUSTOMER_JWT_ISSUER: 'urn:loyalty:local', LOYALTY_CUSTOMER_JWKS_URL: 'https://id.example.com/jwks' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOYALTY_CUSTOMER_ID_CLAIM: 'has space' })).toThrow(/LOYALTY_CUSTOMER_ID_CLAIM/);
  });
});
