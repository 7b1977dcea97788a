import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, EARN, RETURN } from '../../test-support/ledger-fixtures';

const F = 'enrolled membersAtEnd activeMembers repeatMembers salesCount salesValue { amount } returnedValue { amount } returningSalesValue { amount } repeatRate loyaltyIndex returningSalesShare';
const SALES = `query($from: DateTimeISO!, $to: DateTimeISO!, $b: LoyaltyAnalyticsBucket, $tz: String, $store: String, $channel: String) {
  loyaltyMemberSales(from: $from, to: $to, bucket: $b, timeZone: $tz, storeId: $store, channel: $channel) {
    buckets { start ${F} } totals { ${F} } userErrors { code field message } } }`;

let svc: TestService;
const sql = (q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p);

/** A sale of `lines` (minor units each) at `at`, in a store or online. */
async function buy(memberId: string, at: string, lines: number[], where: { storeId?: string; channel?: string } = {}) {
  const id = randomUUID();
  const sale = { id, channel: where.channel ?? 'store', storeId: where.storeId ?? null, occurredAt: at, currencyCode: 'GBP', lines: lines.map((unitPrice, i) => ({ productId: `P${i + 1}`, categoryId: 'C1', quantity: 1, unitPrice })) };
  const r = ok(await svc.gql(EARN, { input: { idempotencyKey: `earn-${id}`, memberId, sale } }));
  expect(r.earnPoints.userErrors).toEqual([]);
  return id;
}

/** A member enrolled at a store's till (or by an admin), dated `at`. */
async function member(at: string, storeId?: string) {
  const token = storeId ? await svc.sign(`till:${storeId}/till-01`, { roles: ['till'], storeId, tillId: 'till-01' }) : svc.tokens.admin;
  const id = await enrolWith(token);
  await sql('update member set enrolled_at = ? where id = ?', [at, id]);
  return id;
}
let enrolWith: (token: string) => Promise<string>;

beforeAll(async () => {
  svc = await startTestService();
  enrolWith = async (token) => {
    const r = ok(await svc.gql(`mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id } userErrors { message } } }`, { i: { idempotencyKey: randomUUID(), firstName: 'An', lastName: 'Alytics', email: `${randomUUID()}@example.com` } }, token));
    expect(r.enrollLoyaltyMember.userErrors).toEqual([]);
    return r.enrollLoyaltyMember.member.id as string;
  };
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await sql(`update member set enrolled_at = '2025-01-01T00:00:00Z'`); // whoever the template has: enrolled long before
  const a = await member('2026-02-20T09:00:00Z', 'store-001');
  await member('2026-02-01T09:00:00Z'); // D: never buys
  const b = await member('2026-03-02T09:00:00Z', 'store-002');
  const c = await member('2026-03-03T09:00:00Z', 'store-001');
  // A bought before the range, then twice on 2 March (in store-001 and in the app)
  await buy(a, '2026-02-25T12:00:00Z', [10_000], { storeId: 'store-001' });
  await buy(a, '2026-03-02T12:00:00Z', [5_000], { storeId: 'store-001' });
  await buy(a, '2026-03-02T18:00:00Z', [2_000], { channel: 'app' });
  // B's first sale on 2 March, a second on 3 March, 10.00 of which came back
  await buy(b, '2026-03-02T13:00:00Z', [3_000], { storeId: 'store-002' });
  const back = await buy(b, '2026-03-03T13:00:00Z', [1_000, 3_000], { storeId: 'store-002' });
  ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: back, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }));
  // C's first sale on 3 March
  await buy(c, '2026-03-03T15:00:00Z', [6_000], { storeId: 'store-001' });
}, 120_000);
afterAll(() => svc?.stop());

const none = { activeMembers: 0, repeatMembers: 0, salesCount: 0, salesValue: { amount: 0 }, returnedValue: { amount: 0 }, returningSalesValue: { amount: 0 }, repeatRate: null, returningSalesShare: null };
const ask = async (vars: Record<string, unknown>) => ok(await svc.gql(SALES, { from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z', b: 'DAY', tz: 'UTC', ...vars })).loyaltyMemberSales;

describe('loyaltyMemberSales', () => {
  it('matches the hand-computed members and sales day by day and over the range', async () => {
    const s = await ask({});
    expect(s.userErrors).toEqual([]);
    const members = await sql('select count(*)::int as n from member where enrolled_at < ?', ['2026-03-01T00:00:00Z']);
    const before = (members[0] as { n: number }).n; // A, D and the template's members
    expect(s.buckets).toEqual([
      { start: '2026-03-01T00:00:00.000Z', enrolled: 0, membersAtEnd: before, ...none, loyaltyIndex: 0 },
      // A (bought before) twice, B for the first time
      { start: '2026-03-02T00:00:00.000Z', enrolled: 1, membersAtEnd: before + 1, activeMembers: 2, repeatMembers: 1, salesCount: 3, salesValue: { amount: 10_000 }, returnedValue: { amount: 0 }, returningSalesValue: { amount: 7_000 }, repeatRate: 0.5, loyaltyIndex: 1 / (before + 1), returningSalesShare: 0.7 },
      // B again (less the 10.00 returned), C for the first time
      { start: '2026-03-03T00:00:00.000Z', enrolled: 1, membersAtEnd: before + 2, activeMembers: 2, repeatMembers: 1, salesCount: 2, salesValue: { amount: 9_000 }, returnedValue: { amount: 1_000 }, returningSalesValue: { amount: 3_000 }, repeatRate: 0.5, loyaltyIndex: 1 / (before + 2), returningSalesShare: 1 / 3 },
    ]);
    // over the range: A (bought before it) and B (twice in it) are repeat customers, C is not
    expect(s.totals).toEqual({ enrolled: 2, membersAtEnd: before + 2, activeMembers: 3, repeatMembers: 2, salesCount: 5, salesValue: { amount: 19_000 }, returnedValue: { amount: 1_000 }, returningSalesValue: { amount: 10_000 }, repeatRate: 2 / 3, loyaltyIndex: 2 / (before + 2), returningSalesShare: 10 / 19 });
  });

  it('filters by store and by channel', async () => {
    const store = await ask({ store: 'store-002' });
    expect(store.buckets.map((b: Record<string, unknown>) => [b.enrolled, b.activeMembers, b.repeatMembers, (b.salesValue as { amount: number }).amount, (b.returningSalesValue as { amount: number }).amount])).toEqual([
      [0, 0, 0, 0, 0],
      [1, 1, 0, 3_000, 0],
      [0, 1, 1, 3_000, 3_000],
    ]);
    expect(store.totals).toMatchObject({ enrolled: 1, activeMembers: 1, repeatMembers: 1, salesCount: 2, returningSalesShare: 0.5 });
    const app = await ask({ channel: 'app' });
    expect(app.totals).toMatchObject({ enrolled: 2, activeMembers: 1, repeatMembers: 1, salesCount: 1, salesValue: { amount: 2_000 }, returningSalesValue: { amount: 2_000 }, repeatRate: 1 });
  });

  it('answers sums beyond GraphQL Int (2^31 - 1 minor units) exactly', async () => {
    const big = await member('2026-04-01T09:00:00Z');
    const tenLines = Array.from({ length: 10 }, () => 100_000_000); // the most a sale may total: 1,000,000,000
    await buy(big, '2026-04-02T10:00:00Z', tenLines);
    await buy(big, '2026-04-02T11:00:00Z', tenLines);
    await buy(big, '2026-04-03T10:00:00Z', [100_000_000, 47_495_993]);
    const s = await ask({ from: '2026-04-01T00:00:00Z', to: '2026-04-04T00:00:00Z' });
    expect(s.userErrors).toEqual([]);
    expect(2 ** 31 + 12_345).toBe(2_147_495_993);
    expect(s.totals).toMatchObject({ salesCount: 3, salesValue: { amount: 2_147_495_993 }, returningSalesValue: { amount: 1_147_495_993 } });
    expect(s.buckets[1]).toMatchObject({ salesValue: { amount: 2_000_000_000 }, returningSalesValue: { amount: 1_000_000_000 } });
    const currency = ok(await svc.gql(`{ loyaltyMemberSales(from: "2026-04-01T00:00:00Z", to: "2026-04-04T00:00:00Z") { totals { salesValue { amount currencyCode } returnedValue { amount currencyCode } } } }`));
    expect(currency.loyaltyMemberSales.totals).toEqual({ salesValue: { amount: 2_147_495_993, currencyCode: 'GBP' }, returnedValue: { amount: 0, currencyCode: 'GBP' } });
  });

  it('refuses an unknown store, a bad range or time zone, and anyone but an admin', async () => {
    const s = await ask({ store: 'store-999', tz: 'Mars/Olympus', to: '2026-02-01T00:00:00Z' });
    expect(s.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['to']], ['INVALID_INPUT', ['timeZone']], ['STORE_NOT_FOUND', ['storeId']]]);
    expect(s.totals).toBeNull();
    const till = await svc.gql(SALES, { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, svc.tokens.till);
    expect(till.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
