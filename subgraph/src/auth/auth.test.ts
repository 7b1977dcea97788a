import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../test-support/harness';

let svc: TestService;
let memberA: string;
let memberB: string;

const ENROLL = `mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id } userErrors { code } } }`;

beforeAll(async () => {
  svc = await startTestService();
  memberA = ok(await svc.gql(ENROLL, { i: { idempotencyKey: randomUUID(), firstName: 'A', lastName: 'A', email: 'a@example.com', customerId: 'cust-a' } })).enrollLoyaltyMember.member.id;
  memberB = ok(await svc.gql(ENROLL, { i: { idempotencyKey: randomUUID(), firstName: 'B', lastName: 'B', email: 'b@example.com', customerId: 'cust-b' } })).enrollLoyaltyMember.member.id;
});
afterAll(() => svc?.stop());

async function rawPost(headers: Record<string, string>, body: unknown) {
  const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

describe('authentication', () => {
  it('answers UNAUTHENTICATED to a request without a token', async () => {
    const res = await svc.gql(`{ loyaltyTiers { id } }`, {}, null);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('rejects bad tokens with HTTP 401 before running anything', async () => {
    const wrongIssuer = await svc.sign('x', { roles: ['admin'] }, { issuer: 'someone-else' });
    const wrongAudience = await svc.sign('x', { roles: ['admin'] }, { audience: 'another-api' });
    const expired = await svc.sign('x', { roles: ['admin'] }, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    const unsigned = new UnsecuredJWT({ roles: ['admin'] }).setSubject('x').setIssuer(svc.config.auth.issuer).setAudience(svc.config.auth.audience).setExpirationTime('1h').encode();
    const foreignKey = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x').setIssuer(svc.config.auth.issuer).setAudience(svc.config.auth.audience).setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-the-server-never-accepts'));
    const unknownRole = await svc.sign('x', { roles: ['superuser' as never] });
    const tillWithoutStore = await svc.sign('x', { roles: ['till'] });
    const memberWithoutId = await svc.sign('x', { roles: ['member'] });
    const cases: Record<string, string> = { wrongIssuer, wrongAudience, expired, unsigned, foreignKey, unknownRole, tillWithoutStore, memberWithoutId, garbage: 'not.a.jwt' };
    for (const [name, token] of Object.entries(cases)) {
      const res = await rawPost({ authorization: `Bearer ${token}` }, { query: '{ loyaltyTiers { id } }' });
      expect(res.status, name).toBe(401);
      expect(res.body.errors[0].extensions.code, name).toBe('UNAUTHENTICATED');
      expect(res.body.data, name).toBeUndefined();
    }
    const expiredRes = await rawPost({ authorization: `Bearer ${expired}` }, { query: '{ loyaltyTiers { id } }' });
    expect(expiredRes.body.errors[0].message).toMatch(/expired/);
    const notBearer = await rawPost({ authorization: 'Basic dXNlcjpwYXNz' }, { query: '{ loyaltyTiers { id } }' });
    expect(notBearer.status).toBe(401);
  });
});

describe('authorisation', () => {
  it('answers FORBIDDEN to a role that may not do something', async () => {
    const service = await svc.gql(ENROLL, { i: { idempotencyKey: randomUUID(), firstName: 'C', lastName: 'C', email: 'c@example.com' } }, svc.tokens.service);
    expect(service.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const serviceTable = await svc.gql(`{ loyaltyMembers(first: 5) { totalCount } }`, {}, svc.tokens.service);
    expect(serviceTable.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tillMe = await svc.gql(`{ loyaltyMe { id } }`, {}, svc.tokens.till);
    expect(tillMe.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // and nothing was enrolled by the refused call
    expect(ok(await svc.gql(`{ loyaltyMembers(search: "c@example.com") { totalCount } }`)).loyaltyMembers.totalCount).toBe(0);
  });

  it('lets a member read only their own data, with the id taken from the token', async () => {
    const tokenA = await svc.tokens.member(memberA);
    const me = ok(await svc.gql(`{ loyaltyMe { id email tier { id } cards { number } } }`, {}, tokenA));
    expect(me.loyaltyMe).toMatchObject({ id: memberA, email: 'a@example.com' });
    for (const query of [`{ loyaltyMember(id: "${memberB}") { id } }`, `{ loyaltyMember(id: "${memberA}") { id } }`, `{ loyaltyMembers { totalCount } }`, `{ loyaltyMemberByCard(cardNumber: "ABC123456") { id } }`]) {
      const res = await svc.gql(query, {}, tokenA);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    const link = await svc.gql(`mutation { linkLoyaltyCard(input: { memberId: "${memberA}", cardNumber: "MINE12345" }) { userErrors { code } } }`, {}, tokenA);
    expect(link.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets staff and services read members', async () => {
    for (const token of [svc.tokens.admin, svc.tokens.till, svc.tokens.service]) {
      expect(ok(await svc.gql(`{ loyaltyMember(id: "${memberB}") { id } }`, {}, token)).loyaltyMember.id).toBe(memberB);
    }
  });

  it('records the till that enrolled a member', async () => {
    const res = ok(await svc.gql(ENROLL, { i: { idempotencyKey: randomUUID(), firstName: 'T', lastName: 'T', phone: '+4915112345678' } }, svc.tokens.till));
    const row = await svc.orm.em.fork().getConnection().execute('select enrollment_source from member where id = ?', [res.enrollLoyaltyMember.member.id]);
    expect(row[0].enrollment_source).toBe('store:store-001');
  });
});
