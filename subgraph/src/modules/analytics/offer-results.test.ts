import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, EARN, enrol, RETURN, sale } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';

const RESULT = 'code name runs failedRuns pointsGiven couponsIssued couponsRedeemed membersReached salesValueOfMembersReached { amount } incrementalSalesValue { amount }';
const RESULTS = `query($from: DateTimeISO!, $to: DateTimeISO!) { loyaltyOfferResults(from: $from, to: $to) { campaigns { ${RESULT} } automations { ${RESULT} } userErrors { field } } }`;
const REDEEM = `mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { userErrors { code message } } }`;

let svc: TestService;
const sql = (q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p);

async function buy(memberId: string, at: string, categoryId: string, unitPrice: number) {
  const id = randomUUID();
  const r = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: { ...sale(id, [{ categoryId, unitPrice }]), occurredAt: at } } }, svc.tokens.till));
  expect(r.earnPoints.userErrors).toEqual([]);
  return id;
}
async function redeem(code: string, memberId: string, at: string) {
  expect(ok(await svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code, saleId: randomUUID(), memberId } }, svc.tokens.till)).redeemLoyaltyCoupon.userErrors).toEqual([]);
  await sql('update coupon set redeemed_at = ? where code = ?', [at, code]);
}
const couponsOf = async (memberId: string, issuedBy: string) => (await sql('select code from coupon where member_id = ? and issued_by = ?', [memberId, issuedBy])).map((r) => (r as { code: string }).code);

beforeAll(async () => {
  // sales dated back are judged by campaigns when they happened
  svc = await startTestService({ env: { LOYALTY_PROGRAMME_CACHE_SECONDS: '0', LOYALTY_CAMPAIGN_OFFLINE_GRACE_HOURS: '87600' } });
  await configureProgramme(svc, { expiryCount: 0, expiryUnit: null });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  const campaign = async (i: Record<string, unknown>) => expect(ok(await svc.gql(`mutation($i: SaveLoyaltyCampaignInput!) { saveLoyaltyCampaign(input: $i) { userErrors { message field } } }`, { i: { status: 'ACTIVE', startsAt: '2026-03-10T00:00:00Z', endsAt: '2030-01-01T00:00:00Z', ...i } })).saveLoyaltyCampaign.userErrors).toEqual([]);
  await campaign({ code: 'EXTRA', name: 'Ten extra', criteria: { categoryIds: ['PROMO'] }, offer: { kind: 'EXTRA_POINTS', points: 10 } });
  await campaign({ code: 'VOUCHER', name: 'Five off', criteria: { categoryIds: ['VOU'] }, offer: { kind: 'CASH_VOUCHER', value: { amount: 500, currencyCode: 'GBP' }, validDays: 30 } });
  const automation = await svc.gql(`mutation($i: SaveLoyaltyAutomationInput!) { saveLoyaltyAutomation(input: $i) { userErrors { message field } } }`, { i: { status: 'ACTIVE', code: 'REVIEW', name: 'Review bonus', trigger: { kind: 'CUSTOM_EVENT', eventType: 'review.posted' }, actions: [
    { kind: 'AWARD_POINTS', points: 20 }, { kind: 'ISSUE_COUPON', coupon: { kind: 'CASH_VOUCHER', value: { amount: 200, currencyCode: 'GBP' }, title: 'Thanks', validDays: 30 } },
  ] } });
  expect(ok(automation).saveLoyaltyAutomation.userErrors).toEqual([]);
  const [p, q, r] = [await enrol(svc), await enrol(svc), await enrol(svc)];
  await buy(p, '2026-03-05T10:00:00Z', 'PROMO', 2_000); // before EXTRA starts: no award
  await buy(p, '2026-03-12T10:00:00Z', 'PROMO', 3_000); // +10
  await buy(p, '2026-03-15T10:00:00Z', 'OTHER', 4_000);
  await buy(p, '2026-04-02T10:00:00Z', 'PROMO', 1_000); // +10, after the range
  const back = await buy(q, '2026-03-12T11:00:00Z', 'PROMO', 5_000); // +10, taken back by the return
  ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: back, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till));
  await buy(r, '2026-03-13T10:00:00Z', 'VOU', 6_000); // a 5.00 voucher
  await sql(`update coupon set issued_at = '2026-03-13T10:00:00Z' where issued_by = 'campaign:VOUCHER'`);
  await redeem((await couponsOf(r, 'campaign:VOUCHER'))[0]!, r, '2026-03-14T10:00:00Z');
  // P and R post reviews: 20 points and a 2.00 voucher each, on 14 March; P uses the voucher on 20 March
  for (const m of [p, r]) ok(await svc.gql(`mutation($i: RecordLoyaltyEventInput!) { recordLoyaltyEvent(input: $i) { userErrors { message } } }`, { i: { eventId: randomUUID(), type: 'review.posted', memberId: m } }, svc.tokens.service));
  await runMaintenance(svc.orm.em);
  await sql(`update automation_run set created_at = '2026-03-14T00:00:00Z'`);
  await sql(`update coupon set issued_at = '2026-03-14T00:00:00Z' where issued_by = 'automation:REVIEW'`);
  await redeem((await couponsOf(p, 'automation:REVIEW'))[0]!, p, '2026-03-20T10:00:00Z');
}, 120_000);
afterAll(() => svc?.stop());

describe('loyaltyOfferResults', () => {
  it('matches the hand-computed results of each campaign and automation', async () => {
    const r = ok(await svc.gql(RESULTS, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).loyaltyOfferResults;
    expect(r.userErrors).toEqual([]);
    expect(r.campaigns).toEqual([
      // P (10) and Q (10, taken back); P's sales from 12 March (30.00 + 40.00), Q's returned sale (0)
      { code: 'EXTRA', name: 'Ten extra', runs: 2, failedRuns: 0, pointsGiven: 10, couponsIssued: 0, couponsRedeemed: 0, membersReached: 2, salesValueOfMembersReached: { amount: 7_000 }, incrementalSalesValue: null },
      { code: 'VOUCHER', name: 'Five off', runs: 1, failedRuns: 0, pointsGiven: 0, couponsIssued: 1, couponsRedeemed: 1, membersReached: 1, salesValueOfMembersReached: { amount: 6_000 }, incrementalSalesValue: null },
    ]);
    // P's sales from 14 March (40.00), R's (none)
    expect(r.automations).toEqual([{ code: 'REVIEW', name: 'Review bonus', runs: 2, failedRuns: 0, pointsGiven: 40, couponsIssued: 2, couponsRedeemed: 1, membersReached: 2, salesValueOfMembersReached: { amount: 4_000 }, incrementalSalesValue: null }]);
  });

  it('leaves out what happened outside the range', async () => {
    const r = ok(await svc.gql(RESULTS, { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' })).loyaltyOfferResults;
    expect(r.campaigns).toEqual([{ code: 'EXTRA', name: 'Ten extra', runs: 1, failedRuns: 0, pointsGiven: 10, couponsIssued: 0, couponsRedeemed: 0, membersReached: 1, salesValueOfMembersReached: { amount: 1_000 }, incrementalSalesValue: null }]);
    expect(r.automations).toEqual([]);
    const bad = ok(await svc.gql(RESULTS, { from: '2026-04-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).loyaltyOfferResults;
    expect(bad.userErrors).toEqual([{ field: ['to'] }]);
  });
});
