import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { runMaintenance } from '../ledger/maintenance.service';
import { ADJUST, addRule, CAPTURE, configureProgramme, earn, enrol, HOLD, RETURN, wallet } from '../../test-support/ledger-fixtures';

const FLOW = `query($from: DateTimeISO!, $to: DateTimeISO!, $b: LoyaltyAnalyticsBucket, $tz: String) { loyaltyPointsFlow(from: $from, to: $to, bucket: $b, timeZone: $tz) {
  buckets { start issued bonus redeemed expired returned adjusted intoCoupons outstandingAtEnd liabilityAtEnd { amount currencyCode } }
  totals { issued redeemed returned adjusted intoCoupons } openingOutstanding closingOutstanding closingLiability { amount } breakageRate redemptionRate userErrors { field message } } }`;

let svc: TestService;
let member: string;
const sql = (q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p);
/** Dates what the member's last steps wrote (the journal is written now; the figures are per day). */
const dateRecent = (at: string) => sql(`update ledger_entry set occurred_at = ? where member_id = ? and occurred_at > now() - interval '1 hour'`, [at, member]);

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc); // 100 points = 1.00 GBP
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  member = await enrol(svc);
  // 2 March: a 100.00 sale earns 100, an admin credits 50
  const saleId = randomUUID();
  await earn(svc, member, 10_000, saleId);
  ok(await svc.gql(ADJUST, { input: { idempotencyKey: randomUUID(), memberId: member, points: 50, reason: 'goodwill' } }));
  await dateRecent('2026-03-02T10:00:00Z');
  // 3 March: 30 points pay at a till, 20 become a voucher
  const hold = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: member, points: 30, saleId: 'S-3', channel: 'store' } }, svc.tokens.till)).holdPoints;
  ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: hold.hold.id } }, svc.tokens.till));
  const v = ok(await svc.gql(`mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { userErrors { message } } }`, { i: { idempotencyKey: randomUUID(), memberId: member, points: 20 } }));
  expect(v.convertPointsToCoupon.userErrors).toEqual([]);
  await dateRecent('2026-03-03T10:00:00Z');
  // 4 March: the sale comes back (its 100 points)
  ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }));
  await dateRecent('2026-03-04T10:00:00Z');
}, 120_000);
afterAll(() => svc?.stop());

/** The same hand-computed figures from the journal alone and from the hourly rollup (the maintenance run's last step). */
const variants = [
  { name: 'from the journal (nothing rolled up)', before: async () => {} },
  { name: 'from the rollup, after a maintenance run', before: async () => { expect((await runMaintenance(svc.orm.em)).analyticsEntriesRolledUp).toBeGreaterThan(0); } },
];

describe.each(variants)('loyaltyPointsFlow $name', ({ before }) => {
  beforeAll(() => before());

  it('matches the hand-computed flows day by day, with what members hold and its value', async () => {
    const f = ok(await svc.gql(FLOW, { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z', b: 'DAY', tz: 'UTC' })).loyaltyPointsFlow;
    expect(f.userErrors).toEqual([]);
    const day = (start: string, figures: Record<string, number>, outstanding: number) => ({
      start, issued: 0, bonus: 0, redeemed: 0, expired: 0, returned: 0, adjusted: 0, intoCoupons: 0, ...figures,
      outstandingAtEnd: outstanding, liabilityAtEnd: { amount: outstanding, currencyCode: 'GBP' },
    });
    expect(f.buckets).toEqual([
      day('2026-03-01T00:00:00.000Z', {}, 0),
      day('2026-03-02T00:00:00.000Z', { issued: 100, adjusted: 50 }, 150),
      day('2026-03-03T00:00:00.000Z', { redeemed: 30, intoCoupons: 20 }, 100),
      day('2026-03-04T00:00:00.000Z', { returned: 100 }, 0),
    ]);
    expect(f).toMatchObject({ openingOutstanding: 0, closingOutstanding: 0, redemptionRate: 0.5, breakageRate: 0 });
  });

  it('buckets by ISO week in a time zone, and reconciles with the wallets', async () => {
    const f = ok(await svc.gql(FLOW, { from: '2026-03-01T00:00:00Z', to: '2026-03-09T00:00:00Z', b: 'WEEK', tz: 'Europe/London' })).loyaltyPointsFlow;
    // 1 March 2026 is a Sunday: its week began on Monday 23 February
    expect(f.buckets.map((b: { start: string; outstandingAtEnd: number }) => [b.start, b.outstandingAtEnd])).toEqual([['2026-02-23T00:00:00.000Z', 0], ['2026-03-02T00:00:00.000Z', 0]]);
    expect(f.totals).toEqual({ issued: 100, redeemed: 30, returned: 100, adjusted: 50, intoCoupons: 20 });
    // up to now: what the journal says members hold is what the wallets hold
    // to a whole hour, so that the rollup answers
    const to = new Date(Math.ceil(Date.now() / 3_600_000 + 24) * 3_600_000).toISOString();
    const all = ok(await svc.gql(FLOW, { from: '2026-01-01T00:00:00Z', to, b: 'MONTH' })).loyaltyPointsFlow;
    const w = await wallet(svc, member);
    expect(all.closingOutstanding).toBe(w.available + w.pending + w.held);
  });

});

describe('loyaltyPointsFlow', () => {
  it('refuses a range it cannot answer', async () => {
    const f = ok(await svc.gql(FLOW, { from: '2026-03-05T00:00:00Z', to: '2026-03-01T00:00:00Z', tz: 'Nowhere/City' })).loyaltyPointsFlow;
    expect(f.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['to'], ['timeZone']]);
    const member = await svc.gql(FLOW, { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, svc.tokens.till);
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
