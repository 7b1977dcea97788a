import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/bootstrap';
import { createTestDatabase, databaseUrl, ok, startTestService, type TestService } from '../../test-support/harness';
import { runMaintenance } from '../ledger/maintenance.service';

/** The demo programme's promotions (issue 13, point 7), on a demo-seeded database, through the graph. */
let svc: TestService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute<T[]>(q, p);
let member: string;

beforeAll(async () => {
  const name = await createTestDatabase();
  const db = await openDatabase(loadConfig({ DATABASE_URL: databaseUrl(name), LOYALTY_SEED: 'demo' }));
  await db.close();
  // sales dated on a past weekend are judged then
  svc = await startTestService({ databaseName: name, env: { LOYALTY_CAMPAIGN_OFFLINE_GRACE_HOURS: '87600' } });
  [{ id: member }] = await sql<{ id: string }>(`select m.id from member m join tier t on t.id = m.tier_id where t.rank = 0 and m.status = 'ACTIVE' and m.email_opt_in order by m.enrolled_at limit 1`);
}, 180_000);
afterAll(() => svc?.stop());

describe('the demo promotions', () => {
  it('are running: two campaigns, two automations, a challenge', async () => {
    const d = ok(await svc.gql(`{ loyaltyCampaigns(status: ACTIVE) { code } loyaltyAutomations(status: ACTIVE) { code } loyaltyChallenges(status: ACTIVE) { code } }`));
    expect(d.loyaltyCampaigns.map((c: { code: string }) => c.code)).toEqual(['CLOTHING-WEEKEND', 'SPEND50-TOTE']);
    expect(d.loyaltyAutomations.map((c: { code: string }) => c.code).sort()).toEqual(['BIRTHDAY-VOUCHER', 'WIN-BACK-90']);
    expect(d.loyaltyChallenges.map((c: { code: string }) => c.code)).toEqual(['FIVE-COFFEES']);
  });

  it('double points on clothing at a weekend, and a tote bag for spending £50', async () => {
    // a Saturday and the Friday before it, noon UTC (noon or 1 pm in London), one to two weeks ago
    const now = new Date();
    const sinceSaturday = (now.getUTCDay() + 1) % 7;
    const saturdayAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - sinceSaturday - 7, 12));
    const fridayAt = new Date(saturdayAt.getTime() - 86_400_000);
    const sale = (occurredAt: string) => ({ id: 'demo-preview', channel: 'store', currencyCode: 'GBP', occurredAt, lines: [{ productId: 'jeans-slim', categoryId: 'clothing', quantity: 2, unitPrice: 4500 }] });
    const q = `query($s: LoyaltySaleInput!, $m: ID) { loyaltyEarnPreview(input: $s, memberId: $m) { points campaigns { campaign { code } points couponTitle } } }`;
    const saturday = ok(await svc.gql(q, { s: sale(saturdayAt.toISOString()), m: member })).loyaltyEarnPreview;
    expect(saturday.campaigns).toEqual([
      { campaign: { code: 'CLOTHING-WEEKEND' }, points: saturday.points, couponTitle: null },
      { campaign: { code: 'SPEND50-TOTE' }, points: 0, couponTitle: 'Free canvas tote bag' },
    ]);
    const friday = ok(await svc.gql(q, { s: sale(fridayAt.toISOString()), m: member })).loyaltyEarnPreview;
    expect(friday.campaigns.map((c: { campaign: { code: string } }) => c.campaign.code)).toEqual(['SPEND50-TOTE']);
  });

  it('a birthday voucher and a win-back offer, with their messages; the coffee challenge at 0 of 5', async () => {
    const today = new Date();
    await sql(`update member set birthday = make_date(1990, ?, ?) where id = ?`, [today.getUTCMonth() + 1, Math.min(today.getUTCDate(), 28), member]);
    await sql(`update wallet set last_activity_at = now() - interval '100 days' where member_id = ?`, [member]);
    await runMaintenance(svc.orm.em, today.getUTCDate() > 28 ? { now: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 28, 12)) } : {});
    const runs = ok(await svc.gql(`query($m: ID) { loyaltyAutomationRuns(memberId: $m) { automationCode status } }`, { m: member })).loyaltyAutomationRuns;
    expect(runs.map((r: { automationCode: string; status: string }) => `${r.automationCode}:${r.status}`).sort()).toEqual(['BIRTHDAY-VOUCHER:DONE', 'WIN-BACK-90:DONE']);
    const inbox = await sql<{ kind: string; title: string }>(`select kind, title from inbox_message where member_id = ? and kind like 'custom.%' order by kind`, [member]);
    // both are marketing: the member opted in to e-mail, and two are within the demo's weekly cap of 3
    expect(inbox.map((r) => r.kind)).toEqual(['custom.birthday_voucher', 'custom.win_back']);
    const m = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { firstName tags coupons { title } challenges { challenge { code } progress target } } }`, { id: member })).loyaltyMember;
    expect(inbox[0]!.title).toBe(`Happy birthday, ${m.firstName}!`);
    expect(m.tags).toEqual(['win-back']);
    expect(m.coupons.map((c: { title: string }) => c.title)).toEqual(expect.arrayContaining(['£5 birthday voucher', '15% off your next visit']));
    expect(m.challenges).toEqual([{ challenge: { code: 'FIVE-COFFEES' }, progress: 0, target: 5 }]);
  });
});
