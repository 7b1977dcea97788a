import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../test-support/harness';
import { AuthenticationError, createErrorFormatter } from './errors';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.stop());

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${svc.tokens.admin}`, ...headers }, body });
  return { status: res.status, text: await res.text() };
}

describe('bad input never crashes the server', () => {
  it('answers malformed requests with coded errors and keeps serving', async () => {
    const cases: [string, number, string][] = [
      ['{not json', 400, 'BAD_REQUEST'],
      [JSON.stringify({ query: '{ loyaltyTiers { ' }), 400, 'GRAPHQL_PARSE_FAILED'],
      [JSON.stringify({ query: '{ nope }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
      [JSON.stringify({ query: 'query($n: Int) { loyaltyMembers(first: $n) { totalCount } }', variables: { n: 'ten' } }), 400, 'BAD_USER_INPUT'],
      [JSON.stringify({ query: 'query($n: Int) { loyaltyMembers(first: $n) { totalCount } }', variables: { n: 2 ** 40 } }), 400, 'BAD_USER_INPUT'],
      [JSON.stringify({ query: '{ loyaltyMember(id: 5.5) { id } }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
      [JSON.stringify({ query: 'mutation { enrollLoyaltyMember(input: { idempotencyKey: "e-1", firstName: "A", lastName: "B", birthday: "31/12/1990", email: "x@y.zz" }) { member { id } } }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(status);
      expect(res.text, body).toContain(code);
    }
    expect(ok(await svc.gql('{ loyaltyTiers { id } }')).loyaltyTiers).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await post(JSON.stringify({ query: '{ loyaltyTiers { id } }', variables: { pad: 'x'.repeat(2_000_000) } }));
    expect(res.status).toBe(413);
  });

  it('turns oversized and hostile strings into userErrors, not crashes', async () => {
    const huge = 'x'.repeat(100_000);
    const res = ok(
      await svc.gql(`mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id } userErrors { code field } } }`, {
        i: { idempotencyKey: randomUUID(), firstName: huge, lastName: 'Ok\u0000', email: `${huge}@example.com`, customerId: huge, phone: huge, cardNumber: huge },
      }),
    );
    expect(res.enrollLoyaltyMember.member).toBeNull();
    expect(res.enrollLoyaltyMember.userErrors.map((e: { field: string[] }) => e.field[1]).sort()).toEqual(['cardNumber', 'customerId', 'email', 'firstName', 'lastName', 'phone']);
    const search = ok(await svc.gql(`query($s: String) { loyaltyMembers(search: $s) { totalCount } }`, { s: `'; drop table member; -- ${huge}` }));
    expect(search.loyaltyMembers.totalCount).toBe(0);
  });

  it('serves /health and answers unknown paths with 404', async () => {
    const base = svc.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});

describe('error masking', () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter({ error: (_m, d) => logged.push(d) }, false);

  it('masks and logs bugs, passes coded errors', () => {
    const bug = new GraphQLError('relation "secret_table" does not exist', { originalError: new Error('relation "secret_table" does not exist') });
    const masked = format({ message: bug.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, bug);
    expect(masked).toEqual({ message: 'Internal server error', path: ['x'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(logged)).toContain('secret_table');
    const auth = new AuthenticationError();
    expect(format({ message: auth.message, extensions: { code: 'UNAUTHENTICATED' } }, auth)).toEqual({ message: auth.message, extensions: { code: 'UNAUTHENTICATED' } });
  });
});
