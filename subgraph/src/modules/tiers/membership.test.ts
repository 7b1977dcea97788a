import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, enrol, EARN, expectBooksBalanced, sale } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';

const DAY = 86_400_000;
const SAVE_TIER = `mutation($i: SaveLoyaltyTierInput!) { saveLoyaltyTier(input: $i) { tier { id code membershipPrice { amount currencyCode } membershipTermMonths } userErrors { message field } } }`;
const BUY = `mutation($i: PurchaseLoyaltyMembershipInput!) { purchaseLoyaltyMembership(input: $i) {
  membership { id status price { amount currencyCode } channel saleId productId startsAt endsAt tier { code } }
  member { tier { code } } userErrors { code message field } } }`;
const RETURN = `mutation($i: ReturnLoyaltySaleInput!) { returnLoyaltySale(input: $i) { pointsReversed membershipsRefunded { status tier { code } } member { tier { code } } userErrors { code message field } } }`;
const MEMBER = `query($id: ID!) { loyaltyMember(id: $id) { tier { code } memberships { status startsAt endsAt saleId tier { code } } tierProgress { floorTier { code } } } }`;

let svc: TestService;
let vip: { id: string };
const sql = (q: string, p: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, p);

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc, { expiryCount: 0, expiryUnit: null, tierReview: 'ROLLING', tierReviewEveryDays: 90, paidMembershipReminderDays: 10 });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  const save = async (i: Record<string, unknown>) => {
    const res = ok(await svc.gql(SAVE_TIER, { i })).saveLoyaltyTier;
    expect(res.userErrors).toEqual([]);
    return res.tier;
  };
  await save({ code: 'BASE', name: 'Base', rank: 0, qualificationThreshold: 0 });
  await save({ code: 'SILVER', name: 'Silver', rank: 1, qualificationThreshold: 100 });
  vip = await save({ code: 'VIP', name: 'VIP', rank: 2, qualificationThreshold: 100_000, membershipPrice: 4_900, membershipTermMonths: 12, upgradeBonusPoints: 500 });
  expect(vip).toMatchObject({ membershipPrice: { amount: 4_900, currencyCode: 'GBP' }, membershipTermMonths: 12 });
});
afterAll(() => svc?.stop());

const buy = async (memberId: string, over: Record<string, unknown> = {}, token = svc.tokens.till) =>
  ok(await svc.gql(BUY, { i: { idempotencyKey: randomUUID(), memberId, tierId: vip.id, saleId: `S-${randomUUID()}`, channel: 'store', price: { amount: 4_900, currencyCode: 'GBP' }, ...over } }, token)).purchaseLoyaltyMembership;
const member = async (id: string) => ok(await svc.gql(MEMBER, { id })).loyaltyMember;

describe('paid membership', () => {
  it('is bought at the till: the tier at once for its term, recorded with the sale, idempotent', async () => {
    const m = await enrol(svc);
    const key = randomUUID();
    const input = { idempotencyKey: key, memberId: m, tierId: vip.id, saleId: 'S-VIP-1', channel: 'store', price: { amount: 4_900, currencyCode: 'GBP' } };
    const first = ok(await svc.gql(BUY, { i: input }, svc.tokens.till)).purchaseLoyaltyMembership;
    expect(first.userErrors).toEqual([]);
    expect(first.membership).toMatchObject({ status: 'ACTIVE', price: { amount: 4_900, currencyCode: 'GBP' }, channel: 'store', saleId: 'S-VIP-1', productId: 'LOYALTY-MEMBERSHIP-VIP', tier: { code: 'VIP' } });
    expect(first.member).toEqual({ tier: { code: 'VIP' } });
    const start = new Date(first.membership.startsAt);
    const end = new Date(first.membership.endsAt);
    expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(1);
    const again = ok(await svc.gql(BUY, { i: input }, svc.tokens.till)).purchaseLoyaltyMembership;
    expect(again.membership).toEqual(first.membership);
    expect(await sql('select count(*)::int as n from membership_purchase where member_id = ?', [m])).toEqual([{ n: 1 }]);
    const other = await buy(m, { saleId: 'S-VIP-1' });
    expect(other.userErrors).toEqual([{ code: 'SALE_ALREADY_EARNED', message: 'This sale already paid for a membership', field: ['input', 'saleId'] }]);
    expect(await sql(`select points, reason from ledger_entry where member_id = ? and type = 'BONUS'`, [m])).toEqual([{ points: '500', reason: 'VIP upgrade bonus' }]);
    expect((await member(m)).tierProgress.floorTier).toEqual({ code: 'VIP' });
    await expectBooksBalanced(svc);
  });

  it('is renewed by buying again: the new term starts when the current one ends', async () => {
    const m = await enrol(svc);
    const first = (await buy(m)).membership;
    const second = await buy(m);
    expect(second.userErrors).toEqual([]);
    expect(second.membership.startsAt).toBe(first.endsAt);
    expect(new Date(second.membership.endsAt).getUTCFullYear()).toBe(new Date(first.endsAt).getUTCFullYear() + 1);
    // at the first term's end the renewal carries on: still VIP
    await runMaintenance(svc.orm.em, { now: new Date(new Date(first.endsAt).getTime() + DAY) });
    const after = await member(m);
    expect(after.tier).toEqual({ code: 'VIP' });
    expect(after.memberships.map((x: { status: string }) => x.status)).toEqual(['ACTIVE', 'ENDED']);
  });

  it('reminds once before the end unless renewed, and ends back at the earned tier', async () => {
    const m = await enrol(svc, { firstName: 'Grace' });
    await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale(randomUUID(), [{ unitPrice: 15_000 }]) } }, svc.tokens.till); // 150 points: Silver
    expect((await member(m)).tier).toEqual({ code: 'SILVER' });
    const bought = (await buy(m)).membership;
    const end = new Date(bought.endsAt).getTime();
    const early = await runMaintenance(svc.orm.em, { now: new Date(end - 11 * DAY) });
    expect(early.membershipReminders).toBe(0);
    const run = await runMaintenance(svc.orm.em, { now: new Date(end - 9 * DAY) });
    expect(run.membershipReminders).toBe(1);
    const inbox = await sql('select kind, title, body from inbox_message where member_id = ?', [m]);
    expect(inbox).toEqual([{ kind: 'membership_renewal_reminder', title: 'Your VIP membership ends in 9 days', body: `Renew it for £49.00 before ${bought.endsAt.slice(0, 10)} to keep its benefits.` }]);
    expect((await runMaintenance(svc.orm.em, { now: new Date(end - 8 * DAY) })).membershipReminders).toBe(0);
    const ended = await runMaintenance(svc.orm.em, { now: new Date(end + 60_000) });
    expect(ended.membershipsEnded).toBeGreaterThanOrEqual(1);
    const after = await member(m);
    expect(after.tier).toEqual({ code: 'SILVER' }); // straight back to what they earned: no review, no grace
    expect(after.memberships[0]).toMatchObject({ status: 'ENDED' });
    const log = await sql(`select reason from ledger_entry where member_id = ? and type = 'TIER_CHANGE' order by id desc limit 1`, [m]);
    expect(log[0].reason).toBe('paid VIP membership ended: back to Silver (Silver earned since joining)');
    await expectBooksBalanced(svc);
  });

  it('is refunded through the return flow, which ends it now', async () => {
    const m = await enrol(svc);
    const bought = await buy(m, { saleId: 'S-VIP-REFUND' });
    expect(bought.member).toEqual({ tier: { code: 'VIP' } });
    const wrongLine = ok(await svc.gql(RETURN, { i: { idempotencyKey: randomUUID(), saleId: 'S-VIP-REFUND', channel: 'store', lines: [{ productId: 'SOCKS', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(wrongLine.userErrors).toEqual([{ code: 'RETURN_EXCEEDS_SALE', message: 'The sale bought a paid membership; return its line to refund it', field: ['input', 'lines'] }]);
    const res = ok(await svc.gql(RETURN, { i: { idempotencyKey: randomUUID(), saleId: 'S-VIP-REFUND', channel: 'store', lines: [{ productId: 'LOYALTY-MEMBERSHIP-VIP', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(res).toMatchObject({ userErrors: [], pointsReversed: 0, membershipsRefunded: [{ status: 'REFUNDED', tier: { code: 'VIP' } }], member: { tier: { code: 'BASE' } } });
    expect((await member(m)).memberships[0]).toMatchObject({ status: 'REFUNDED' });
    // the upgrade bonus stays (it was given for reaching the tier); the level does not
    await expectBooksBalanced(svc);
  });

  it('refuses a wrong price, a tier not for sale, another paid tier running, and callers other than staff', async () => {
    const m = await enrol(svc);
    expect((await buy(m, { price: { amount: 100, currencyCode: 'GBP' } })).userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'A VIP membership costs 4900 GBP (minor units)', field: ['input', 'price'] }]);
    const tiers = ok(await svc.gql('{ loyaltyTiers { id code } }')).loyaltyTiers as { id: string; code: string }[];
    const silver = tiers.find((t) => t.code === 'SILVER')!.id;
    expect((await buy(m, { tierId: silver })).userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'Silver is not sold as a paid membership', field: ['input', 'tierId'] }]);
    const memberToken = await svc.sign(`member:${m}`, { roles: ['member'], memberId: m });
    const res = await svc.gql(BUY, { i: { idempotencyKey: randomUUID(), memberId: m, tierId: vip.id, saleId: 'S-X', channel: 'web', price: { amount: 4_900, currencyCode: 'GBP' } } }, memberToken);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select count(*)::int as n from membership_purchase where member_id = ?', [m])).toEqual([{ n: 0 }]);
  });
});
