/**
 * What an attacker or a careless client tried against a running service (issue 9), kept in the
 * suite: forged tokens, probing who exists, squatting another caller's idempotency keys, hostile
 * input, and the audit that every ledger test relies on being shown to fail.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../test-support/harness';
import { addRule, configureProgramme, earn, enrol, hold, HOLD, wallet } from '../test-support/ledger-fixtures';

let svc: TestService;
let member: string;

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc, { registrationBonusPoints: 25 });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  member = await enrol(svc, { customerId: 'cust-probe-7' });
  await earn(svc, member, 10_000);
});
afterAll(() => svc?.stop());

const ENROL = `mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id wallet { available } } userErrors { code field } } }`;
const VOID = `mutation($i: VoidLoyaltyCouponInput!) { voidLoyaltyCoupon(input: $i) { coupon { code status } userErrors { code } } }`;
const CONVERT = `mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { coupon { code } userErrors { code } } }`;

describe('forged tokens', () => {
  it('refuse unknown roles, unsigned and symmetric tokens, and a member token claiming staff', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { sub: 'x', roles: ['admin'], iss: svc.config.auth.issuer, aud: svc.config.auth.audience, exp: Math.floor(Date.now() / 1000) + 600 };
    const forged = [
      await svc.sign('root', { roles: ['superadmin' as never] }),
      `${b64({ alg: 'none' })}.${b64(claims)}.`,
      `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${Buffer.from('not-a-signature').toString('base64url')}`,
      await svc.sign('m', { roles: ['member', 'admin'] }), // a member token without a member id
    ];
    for (const token of forged) {
      const res = await svc.gql(`{ loyaltyLedgerAudit { check } }`, {}, token);
      expect(res.status).toBe(401);
      expect(res.data ?? null).toBeNull();
    }
  });
});

describe('uniform answers: nobody learns who exists by probing', () => {
  it('gives a member token the same answer for 300 customer ids, enrolled or not', async () => {
    const token = await svc.tokens.member(await enrol(svc));
    const reps = Array.from({ length: 300 }, (_, i) => ({ __typename: 'Customer', id: i === 7 ? 'cust-probe-7' : `cust-probe-x${i}` }));
    const res = await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { loyalty { id } } } }`, { r: reps }, token);
    expect(res.errors).toBeUndefined();
    expect(new Set(res.data!._entities.map((e: unknown) => JSON.stringify(e)))).toEqual(new Set([JSON.stringify({ loyalty: null })]));
  });

  it("answers another member's coupon like a code that does not exist, on every path", async () => {
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: member, points: 10 } })).convertPointsToCoupon.coupon.code;
    const unknown = 'K1C3-DAGJ-ZZ0J';
    const stranger = await svc.tokens.member(await enrol(svc));
    const answers = async (c: string) => [
      ok(await svc.gql(`query($c: String!) { loyaltyCoupon(code: $c) { code } }`, { c }, stranger)).loyaltyCoupon,
      ok(await svc.gql(`query($c: String!) { validateLoyaltyCoupon(code: $c) { valid reason } }`, { c }, stranger)).validateLoyaltyCoupon,
      ok(await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyCoupon { code } } }`, { r: [{ __typename: 'LoyaltyCoupon', code: c }] }, stranger))._entities,
      ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code: c } }, stranger)).voidLoyaltyCoupon,
    ];
    const mine = await answers(code);
    expect(mine).toEqual(await answers(unknown.replace(/-/g, '')));
    expect(mine[1]).toEqual({ valid: false, reason: 'COUPON_NOT_FOUND' });
    expect((await svc.gql(`query($c: String!) { loyaltyCoupon(code: $c) { status } }`, { c: code })).data!.loyaltyCoupon.status).toBe('ACTIVE');
  });
});

describe('idempotency keys belong to their caller', () => {
  it("lets two tills use the same key independently; one caller's key never squats another's", async () => {
    const otherTill = await svc.sign('till:store-002/till-01', { roles: ['till'], storeId: 'store-002', tillId: 'till-01' });
    const m = await enrol(svc);
    await earn(svc, m, 50_000);
    const key = 'sale-1-hold'; // the kind of key a till used to derive from its sale id
    const a = ok(await svc.gql(HOLD, { input: { idempotencyKey: key, memberId: m, points: 100, saleId: 'A-1' } }, svc.tokens.till)).holdPoints;
    const b = ok(await svc.gql(HOLD, { input: { idempotencyKey: key, memberId: m, points: 200, saleId: 'B-1' } }, otherTill)).holdPoints;
    expect(a.userErrors).toEqual([]);
    expect(b.userErrors).toEqual([]);
    expect(b.hold.id).not.toBe(a.hold.id);
    // and each caller's own replay still returns its first result
    const again = ok(await svc.gql(HOLD, { input: { idempotencyKey: key, memberId: m, points: 100, saleId: 'A-1' } }, svc.tokens.till)).holdPoints;
    expect(again.hold.id).toBe(a.hold.id);
    expect((await wallet(svc, m)).held).toBe(300);
  });

  it('makes a retried enrolment return the first member, with one welcome bonus', async () => {
    const key = randomUUID();
    const input = { idempotencyKey: key, firstName: 'Pat', lastName: 'Phone', phone: '+44 7700 900555' };
    const first = ok(await svc.gql(ENROL, { i: input }, svc.tokens.till)).enrollLoyaltyMember;
    const retry = ok(await svc.gql(ENROL, { i: input }, svc.tokens.till)).enrollLoyaltyMember;
    expect(retry).toEqual(first);
    expect(first.member.wallet.available).toBe(25);
    const count = await svc.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from member where phone = '+447700900555'`);
    expect(Number(count[0]!.n)).toBe(1);
    const withEmail = { idempotencyKey: randomUUID(), firstName: 'Em', lastName: 'Ail', email: 'em.retry@example.com' };
    const e1 = ok(await svc.gql(ENROL, { i: withEmail }, svc.tokens.till)).enrollLoyaltyMember;
    expect(ok(await svc.gql(ENROL, { i: withEmail }, svc.tokens.till)).enrollLoyaltyMember).toEqual(e1);
    // the same key with other details is refused
    const reused = ok(await svc.gql(ENROL, { i: { ...withEmail, firstName: 'Other' } }, svc.tokens.till)).enrollLoyaltyMember;
    expect(reused.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }]);
  });

  it('makes a retried void return the first result, not COUPON_VOIDED', async () => {
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: member, points: 10 } })).convertPointsToCoupon.coupon.code;
    const i = { idempotencyKey: randomUUID(), code };
    const first = ok(await svc.gql(VOID, { i })).voidLoyaltyCoupon;
    expect(first).toEqual({ coupon: { code, status: 'VOIDED' }, userErrors: [] });
    expect(ok(await svc.gql(VOID, { i })).voidLoyaltyCoupon).toEqual(first);
    expect(ok(await svc.gql(VOID, { i: { ...i, idempotencyKey: randomUUID() } })).voidLoyaltyCoupon.userErrors[0].code).toBe('COUPON_VOIDED');
  });
});

describe('hostile input gets a coded answer, never INTERNAL_SERVER_ERROR', () => {
  it('refuses NUL and control characters in searches and representation keys', async () => {
    const search = await svc.gql(`query($s: String) { loyaltyMembers(search: $s) { totalCount } }`, { s: 'ab\u0000cd' });
    expect(search.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rep = ok(await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { loyalty { id } } } }`, { r: [{ __typename: 'Customer', id: 'a\u0000b' }] }, svc.tokens.service));
    expect(rep._entities).toEqual([null]);
  });

  it('refuses a cursor past the bigint range', async () => {
    const cursor = Buffer.from('c:9999999999999999999').toString('base64url');
    const res = await svc.gql(`query($id: ID!, $a: String) { loyaltyMember(id: $id) { activity(after: $a) { totalCount } } }`, { id: member, a: cursor });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed member id on a coupon redemption instead of skipping the check', async () => {
    const owner = await enrol(svc);
    await earn(svc, owner, 10_000);
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: owner, points: 10 } })).convertPointsToCoupon.coupon.code;
    const res = ok(await svc.gql(`mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { coupon { status } userErrors { code field } } }`, { i: { idempotencyKey: randomUUID(), code, saleId: 'S-1', memberId: 'not-a-uuid' } }, svc.tokens.till)).redeemLoyaltyCoupon;
    expect(res).toEqual({ coupon: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'memberId'] }] });
  });

  it('refuses a void that would take a wallet past the Int range, and the wallet stays readable', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 1_000);
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 10 } })).convertPointsToCoupon.coupon.code;
    // the wallet has since filled up to the top (as a huge adjustment or import could)
    await svc.orm.em.fork().getConnection().execute(`update wallet set available = 2147483640 where member_id = ?`, [m]);
    const res = ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code } })).voidLoyaltyCoupon;
    expect(res.userErrors).toEqual([{ code: 'POINTS_LIMIT_EXCEEDED' }]);
    expect((await wallet(svc, m)).available).toBe(2147483640);
  });
});

describe('bounded lists (found in review)', () => {
  it("pages a member's coupons, so a nested query cannot return them all at every level", async () => {
    const m = await enrol(svc);
    await earn(svc, m, 10_000);
    const token = await svc.tokens.member(m);
    for (let i = 0; i < 25; i++) {
      const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 1 } }, token)).convertPointsToCoupon.coupon.code;
      ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code } }, token));
    }
    const page = ok(await svc.gql(`{ loyaltyMe { coupons { code } all: coupons(first: 100) { code } } }`, {}, token)).loyaltyMe;
    expect(page.coupons).toHaveLength(20);
    expect(page.all).toHaveLength(25);
    expect((await svc.gql(`{ loyaltyMe { coupons(first: 101) { code } } }`, {}, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("tells a member who acted on their points only as a kind, never a staff subject", async () => {
    const m = await enrol(svc);
    ok(await svc.gql(`mutation($i: AdjustPointsInput!) { adjustPoints(input: $i) { userErrors { code } } }`, { i: { idempotencyKey: randomUUID(), memberId: m, points: 5, reason: 'goodwill' } }));
    const log = ok(await svc.gql(`{ loyaltyMe { activity(types: [ADJUST]) { nodes { actor } } } }`, {}, await svc.tokens.member(m))).loyaltyMe.activity.nodes;
    expect(log).toEqual([{ actor: 'staff' }]);
  });

  it('answers a tier representation without an id as no tier, not an internal error', async () => {
    const res = await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyTier { id } } }`, { r: [{ __typename: 'LoyaltyTier' }, { __typename: 'LoyaltyTier', id: null }] }, svc.tokens.service);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([null, null]);
  });
});

describe('the ledger audit, the oracle of every ledger test', () => {
  it('reports a wallet row changed behind the journal', async () => {
    const audit = async () => ok(await svc.gql(`{ loyaltyLedgerAudit { check memberId detail } }`)).loyaltyLedgerAudit as { memberId: string | null }[];
    const m = await enrol(svc);
    await earn(svc, m, 5_000);
    await hold(svc, m, 10);
    const clean = await audit();
    expect(clean.filter((f) => f.memberId === m)).toEqual([]);
    await svc.orm.em.fork().getConnection().execute(`update wallet set available = available + 1 where member_id = ?`, [m]);
    expect((await audit()).filter((f) => f.memberId === m).length).toBeGreaterThan(0);
  });
});
