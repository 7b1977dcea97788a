import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, enrol, expectBooksBalanced, sale, wallet } from '../../test-support/ledger-fixtures';

const SAVE = `mutation($i: SaveLoyaltyCampaignInput!) { saveLoyaltyCampaign(input: $i) {
  campaign { id code status runningNow budget { points pointsGiven coupons couponsIssued exhausted } }
  userErrors { code message field } } }`;
const STATUS = `mutation($i: SetLoyaltyCampaignStatusInput!) { setLoyaltyCampaignStatus(input: $i) { campaign { status } userErrors { code message } } }`;
const EARN = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) {
  earn { id points campaignPoints campaigns { campaign { code name } points couponCode } lines { productId points } }
  userErrors { code message field } } }`;
const PREVIEW = `query($s: LoyaltySaleInput!, $m: ID) { loyaltyEarnPreview(input: $s, memberId: $m) {
  points campaignPoints campaigns { campaign { code } offerKind points lines { index points } couponTitle }
  campaignsNotApplied { campaign { code } reason } userErrors { code message } } }`;
const RETURN = `mutation($input: ReturnLoyaltySaleInput!) { returnLoyaltySale(input: $input) { pointsReversed campaignPointsReversed userErrors { code message } } }`;
const ACTIVITY = `query($id: ID!) { loyaltyMember(id: $id) { activity(first: 20) { nodes { type points reason campaign { code name } couponCode } } } }`;
const SIMULATE = `query($i: SaveLoyaltyCampaignInput!, $from: DateTimeISO!, $to: DateTimeISO!) { simulateLoyaltyCampaign(input: $i, from: $from, to: $to) {
  salesReplayed salesRewarded membersReached points coupons couponValue { amount } cost { amount } budgetExhaustedAt userErrors { code message field } } }`;

let svc: TestService;
let replica: TestService;
/** The same database with the default offline grace (72 h): old occurredAt values are judged when booked. */
let strict: TestService;
const YEAR = { startsAt: '2026-01-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' };

async function save(input: Record<string, unknown>) {
  const res = ok(await svc.gql(SAVE, { i: { status: 'ACTIVE', ...YEAR, ...input } })).saveLoyaltyCampaign;
  expect(res.userErrors).toEqual([]);
  return res.campaign;
}

async function pause(code: string) {
  expect(ok(await svc.gql(STATUS, { i: { code, status: 'PAUSED' } })).setLoyaltyCampaignStatus.userErrors).toEqual([]);
}

/** A sale of one line per entry, in category `cat`, earned by `memberId` (1 point per 1.00 GBP). */
async function earnSale(memberId: string, lines: { productId?: string; categoryId?: string; unitPrice: number; quantity?: number }[], extra: Record<string, unknown> = {}, target = svc) {
  const id = randomUUID();
  const res = ok(await target.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: { ...sale(id, lines), ...extra } } }, target.tokens.till)).earnPoints;
  expect(res.userErrors).toEqual([]);
  return { saleId: id, ...res.earn };
}

async function preview(memberId: string | null, lines: { productId?: string; categoryId?: string; unitPrice: number }[], extra: Record<string, unknown> = {}) {
  const res = ok(await svc.gql(PREVIEW, { s: { ...sale(randomUUID(), lines), ...extra }, m: memberId })).loyaltyEarnPreview;
  expect(res.userErrors).toEqual([]);
  return res;
}

beforeAll(async () => {
  // no programme cache: a campaign saved through one replica applies on the other at once; sales
  // dated weeks back (to test windows) are judged when they happened
  const env = { LOYALTY_PROGRAMME_CACHE_SECONDS: '0', LOYALTY_CAMPAIGN_OFFLINE_GRACE_HOURS: '87600' };
  svc = await startTestService({ env });
  replica = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env });
  strict = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_PROGRAMME_CACHE_SECONDS: '0' } });
  await configureProgramme(svc, { expiryCount: 0, expiryUnit: null });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await svc.gql(`mutation { saveLoyaltyTier(input: { code: "BASE", name: "Base", rank: 0, qualificationThreshold: 0 }) { userErrors { message } } }`);
  await svc.gql(`mutation { saveLoyaltyTier(input: { code: "GOLD", name: "Gold", rank: 1, qualificationThreshold: 1000000 }) { userErrors { message } } }`);
}, 120_000);
afterAll(async () => {
  await strict?.stop();
  await replica?.stop();
  await svc?.stop();
});

describe('campaign definitions', () => {
  it('refuses what cannot work, naming each field', async () => {
    const res = ok(await svc.gql(SAVE, { i: {
      code: 'bad code', name: '', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z', timeZone: 'Mars/Olympus',
      windows: [{ weekdays: [8], from: '18:00', to: '09:00' }], audienceCode: 'NOPE',
      offer: { kind: 'PERCENT_COUPON', percent: 150, points: 5 }, limits: { budgetPoints: 100, perMemberPeriod: 'DAY' }, stacking: 'EXCLUSIVE', stackGroup: 'G',
    } })).saveLoyaltyCampaign;
    expect(res.campaign).toBeNull();
    const fields = res.userErrors.map((e: { field: string[] }) => e.field.slice(1).join('.'));
    expect(fields).toEqual(expect.arrayContaining([
      'code', 'name', 'endsAt', 'timeZone', 'windows.0.weekdays', 'windows.0.to', 'audienceCode', 'offer.percent', 'offer.points', 'limits.perMemberPeriod', 'limits.budgetPoints', 'stackGroup',
    ]));
  });
});

describe('when, who and what a campaign rewards', () => {
  it('applies only in its period and weekday/time window, in its time zone', async () => {
    const m = await enrol(svc);
    // weekends 09:00-18:00 in New York, double points on toys
    await save({ code: 'WKND', name: 'Weekend toys', timeZone: 'America/New_York', windows: [{ weekdays: [6, 7], from: '09:00', to: '18:00' }],
      criteria: { categoryIds: ['TOYS'] }, offer: { kind: 'POINTS_MULTIPLIER', percent: 200 } });
    const toys = [{ categoryId: 'TOYS', unitPrice: 4_000 }];
    // Saturday 28 November 2026, 10:00 in New York (15:00 UTC): in
    expect((await earnSale(m, toys, { occurredAt: '2026-11-28T15:00:00Z' })).campaignPoints).toBe(40);
    // the same Saturday 08:30 in New York (13:30 UTC): before the window
    expect((await earnSale(m, toys, { occurredAt: '2026-11-28T13:30:00Z' })).campaignPoints).toBe(0);
    // Saturday 02:00 UTC is still Friday in New York
    expect((await earnSale(m, toys, { occurredAt: '2026-11-28T02:00:00Z' })).campaignPoints).toBe(0);
    // before the period
    expect((await earnSale(m, toys, { occurredAt: '2025-12-27T15:00:00Z' })).campaignPoints).toBe(0);
    // only the toys line doubles
    const mixed = await earnSale(m, [{ categoryId: 'TOYS', unitPrice: 1_000 }, { categoryId: 'FOOD', unitPrice: 3_000 }], { occurredAt: '2026-11-29T20:00:00Z' });
    expect(mixed.points).toBe(40);
    expect(mixed.campaignPoints).toBe(10);
    await pause('WKND');
    // beyond the offline grace (72 hours by default) a sale is judged when it is booked: a backdated
    // sale cannot reach a period (or window) that is over
    await save({ code: 'NOVEMBER', name: 'November only', startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z', criteria: { categoryIds: ['NOV'] }, offer: { kind: 'EXTRA_POINTS', points: 9 } });
    const november = [{ categoryId: 'NOV', unitPrice: 100 }];
    expect((await earnSale(m, november, { occurredAt: '2026-11-28T15:00:00Z' }, strict)).campaignPoints).toBe(0);
    expect((await earnSale(m, november, { occurredAt: '2026-11-28T15:00:00Z' })).campaignPoints).toBe(9); // within this service's grace
    await pause('NOVEMBER');
    expect((await earnSale(m, toys, { occurredAt: '2026-11-28T15:00:00Z' })).campaignPoints).toBe(0);
  });

  it('applies only to its audience and criteria: store, channel, product, minimum spend, first purchase, nth visit', async () => {
    const gold = await enrol(svc);
    const base = await enrol(svc);
    await svc.orm.em.fork().getConnection().execute(`update member set tier_id = (select id from tier where code = 'GOLD') where id = ?`, [gold]);
    await save({ code: 'GOLD-ONLY', name: 'Gold bonus', audience: { tierCodes: ['GOLD'] }, criteria: { categoryIds: ['AUD'] }, offer: { kind: 'EXTRA_POINTS', points: 25 } });
    expect((await earnSale(gold, [{ categoryId: 'AUD', unitPrice: 500 }])).campaignPoints).toBe(25);
    expect((await earnSale(base, [{ categoryId: 'AUD', unitPrice: 500 }])).campaignPoints).toBe(0);
    const why = await preview(base, [{ categoryId: 'AUD', unitPrice: 500 }]);
    expect(why.campaignsNotApplied).toEqual([{ campaign: { code: 'GOLD-ONLY' }, reason: 'NOT_IN_AUDIENCE' }]);

    await save({ code: 'OTHER-STORE', name: 'Store 2 opening', criteria: { storeIds: ['store-002'], categoryIds: ['CRIT'] }, offer: { kind: 'EXTRA_POINTS', points: 1 } });
    await save({ code: 'WEB-ONLY', name: 'Web', criteria: { channels: ['web'], categoryIds: ['CRIT'] }, offer: { kind: 'EXTRA_POINTS', points: 2 } });
    await save({ code: 'SKU', name: 'One product', criteria: { productIds: ['SKU-9'] }, offer: { kind: 'EXTRA_POINTS', points: 4 } });
    await save({ code: 'MIN50', name: 'Spend 50', criteria: { categoryIds: ['CRIT'], minSpend: { amount: 5_000, currencyCode: 'GBP' } }, offer: { kind: 'EXTRA_POINTS', points: 8 } });
    const m = await enrol(svc);
    await save({ code: 'FIRST', name: 'Welcome', criteria: { firstPurchase: true, categoryIds: ['CRIT'] }, offer: { kind: 'EXTRA_POINTS', points: 16 } });
    await save({ code: 'THIRD', name: 'Third visit', criteria: { nthVisit: 3, categoryIds: ['CRIT'] }, offer: { kind: 'EXTRA_POINTS', points: 32 } });
    // visit 1: store-001 (the till's store), channel store, 40.00 of CRIT: FIRST only
    expect((await earnSale(m, [{ categoryId: 'CRIT', unitPrice: 4_000 }])).campaignPoints).toBe(16);
    // visit 2: 50.00 and the SKU: MIN50 + SKU (the SKU line is in category C1, so MIN50 counts the CRIT line only)
    const v2 = await earnSale(m, [{ categoryId: 'CRIT', unitPrice: 5_000 }, { productId: 'SKU-9', unitPrice: 100 }]);
    expect(v2.campaigns.map((c: { campaign: { code: string } }) => c.campaign.code).sort()).toEqual(['MIN50', 'SKU']);
    expect(v2.campaignPoints).toBe(12);
    // visit 3 online: WEB-ONLY and THIRD (the web channel's earn is still this member's third sale)
    const v3 = await earnSale(m, [{ categoryId: 'CRIT', unitPrice: 100 }], { channel: 'web' });
    expect(v3.campaignPoints).toBe(34);
    for (const code of ['GOLD-ONLY', 'OTHER-STORE', 'WEB-ONLY', 'SKU', 'MIN50', 'FIRST', 'THIRD']) await pause(code);
  });
});

describe('priority and stacking', () => {
  it('an exclusive campaign applies alone; at most one of a stack group; higher priority first', async () => {
    const cat = [{ categoryId: 'STACK', unitPrice: 1_000 }];
    await save({ code: 'EXCL', name: 'Exclusive', priority: 10, stacking: 'EXCLUSIVE', criteria: { categoryIds: ['STACK'] }, offer: { kind: 'EXTRA_POINTS', points: 50 } });
    await save({ code: 'ADD', name: 'Adds', priority: 5, criteria: { categoryIds: ['STACK'] }, offer: { kind: 'EXTRA_POINTS', points: 10 } });
    await save({ code: 'G-HIGH', name: 'Group high', priority: 1, stackGroup: 'G', criteria: { categoryIds: ['STACK'] }, offer: { kind: 'EXTRA_POINTS', points: 5 } });
    await save({ code: 'G-LOW', name: 'Group low', priority: 0, stackGroup: 'G', criteria: { categoryIds: ['STACK'] }, offer: { kind: 'EXTRA_POINTS', points: 7 } });
    const m = await enrol(svc);
    const first = await preview(m, cat);
    expect(first.campaigns.map((c: { campaign: { code: string } }) => c.campaign.code)).toEqual(['EXCL']);
    expect(first.campaignsNotApplied).toEqual([
      { campaign: { code: 'ADD' }, reason: 'EXCLUSIVE_CAMPAIGN_APPLIED' },
      { campaign: { code: 'G-HIGH' }, reason: 'EXCLUSIVE_CAMPAIGN_APPLIED' },
      { campaign: { code: 'G-LOW' }, reason: 'EXCLUSIVE_CAMPAIGN_APPLIED' },
    ]);
    expect((await earnSale(m, cat)).campaignPoints).toBe(50);
    // below the others, the exclusive one waits for none of them to apply
    await save({ code: 'EXCL', name: 'Exclusive', priority: -1, stacking: 'EXCLUSIVE', criteria: { categoryIds: ['STACK'] }, offer: { kind: 'EXTRA_POINTS', points: 50 } });
    const second = await earnSale(m, cat);
    expect(second.campaigns.map((c: { campaign: { code: string }; points: number }) => [c.campaign.code, c.points])).toEqual([['ADD', 10], ['G-HIGH', 5]]);
    const why = await preview(m, cat);
    expect(why.campaignsNotApplied).toEqual([
      { campaign: { code: 'G-LOW' }, reason: 'STACK_GROUP_TAKEN' },
      { campaign: { code: 'EXCL' }, reason: 'OTHER_CAMPAIGN_APPLIED' },
    ]);
    for (const code of ['EXCL', 'ADD', 'G-HIGH', 'G-LOW']) await pause(code);
  });
});

describe('limits and budgets under concurrency', () => {
  it('per-member limits and a points budget hold with 50 concurrent earns on two replicas', async () => {
    await save({ code: 'BUDGET', name: 'Budgeted', criteria: { categoryIds: ['BUD'] }, offer: { kind: 'EXTRA_POINTS', points: 10 }, limits: { perMember: 2, budgetPoints: 95 } });
    const members = await Promise.all(Array.from({ length: 10 }, () => enrol(svc)));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => earnSale(members[i % 10]!, [{ categoryId: 'BUD', unitPrice: 100 }], {}, i % 2 ? replica : svc)));
    const byMember = new Map<string, number>();
    let given = 0;
    for (const [i, r] of results.entries()) {
      if (r.campaignPoints > 0) byMember.set(members[i % 10]!, (byMember.get(members[i % 10]!) ?? 0) + 1);
      given += r.campaignPoints;
    }
    // 10 members x 2 awards x 10 points would be 200: the budget stops it at exactly 95 (the last award cut to 5)
    expect(given).toBe(95);
    expect(Math.max(...byMember.values())).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r.campaignPoints === 5)).toHaveLength(1);
    const c = ok(await svc.gql(`{ loyaltyCampaign(code: "BUDGET") { budget { points pointsGiven exhausted } } }`)).loyaltyCampaign;
    expect(c.budget).toEqual({ points: 95, pointsGiven: 95, exhausted: true });
    const w = await Promise.all(members.map((m) => wallet(svc, m)));
    expect(w.reduce((s, x) => s + x.available, 0)).toBe(50 + 95);
    await expectBooksBalanced(svc);
    await pause('BUDGET');
  });

  it('a coupon budget issues exactly as many coupons, concurrently', async () => {
    await save({ code: 'VOUCHERS', name: 'Five pounds off', criteria: { categoryIds: ['VOU'] }, offer: { kind: 'CASH_VOUCHER', value: { amount: 500, currencyCode: 'GBP' }, validDays: 30 }, limits: { budgetCoupons: 7, perMember: 1 } });
    const members = await Promise.all(Array.from({ length: 20 }, () => enrol(svc)));
    const results = await Promise.all(members.map((m, i) => earnSale(m, [{ categoryId: 'VOU', unitPrice: 100 }], {}, i % 2 ? replica : svc)));
    const codes = results.flatMap((r) => r.campaigns.map((c: { couponCode: string }) => c.couponCode));
    expect(codes).toHaveLength(7);
    const rows = await svc.orm.em.fork().getConnection().execute(`select count(*)::int as n, sum(value_minor)::int as v from coupon c join campaign k on k.id = c.campaign_id where k.code = 'VOUCHERS'`);
    expect(rows[0]).toEqual({ n: 7, v: 3_500 });
    const coupon = ok(await svc.gql(`query($c: String!) { loyaltyCoupon(code: $c) { kind value { amount } campaign { code } member { id } } }`, { c: codes[0] })).loyaltyCoupon;
    expect(coupon).toMatchObject({ kind: 'CASH_VOUCHER', value: { amount: 500 }, campaign: { code: 'VOUCHERS' } });
    // the whole sale comes back: its unused voucher is voided
    const rewarded = results.find((r) => r.campaigns.length > 0)!;
    const back = ok(await svc.gql(`mutation($input: ReturnLoyaltySaleInput!) { returnLoyaltySale(input: $input) { campaignCouponsVoided userErrors { message } } }`, {
      input: { idempotencyKey: randomUUID(), saleId: rewarded.saleId, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] },
    })).returnLoyaltySale;
    expect(back).toEqual({ campaignCouponsVoided: [rewarded.campaigns[0].couponCode], userErrors: [] });
    const voided = ok(await svc.gql(`query($c: String!) { loyaltyCoupon(code: $c) { status } }`, { c: rewarded.campaigns[0].couponCode })).loyaltyCoupon;
    expect(voided.status).toBe('VOIDED');
    await pause('VOUCHERS');
  });

  it('a budget added to a running campaign counts what it has given already', async () => {
    const def = { code: 'LATE', name: 'Budget later', criteria: { categoryIds: ['LATE'] }, offer: { kind: 'EXTRA_POINTS', points: 10 } };
    await save(def);
    const m = await enrol(svc);
    await earnSale(m, [{ categoryId: 'LATE', unitPrice: 100 }]);
    await earnSale(m, [{ categoryId: 'LATE', unitPrice: 100 }], {}, replica);
    const c = await save({ ...def, limits: { budgetPoints: 25 } });
    expect(c.budget).toMatchObject({ points: 25, pointsGiven: 20 });
    expect((await earnSale(m, [{ categoryId: 'LATE', unitPrice: 100 }], {}, replica)).campaignPoints).toBe(5);
    expect((await earnSale(m, [{ categoryId: 'LATE', unitPrice: 100 }])).campaignPoints).toBe(0);
    await pause('LATE');
  });
});

describe('what a member sees, and returns', () => {
  it('the preview shows which campaign gives which points; the activity log names it; a return reverses from the record', async () => {
    await save({ code: 'XMAS', name: 'Christmas double points', criteria: { categoryIds: ['XMAS'] }, offer: { kind: 'POINTS_MULTIPLIER', percent: 200 } });
    const m = await enrol(svc);
    const lines = [{ productId: 'TREE', categoryId: 'XMAS', unitPrice: 3_000 }, { productId: 'LIGHTS', categoryId: 'XMAS', unitPrice: 1_000, quantity: 2 }, { productId: 'MILK', categoryId: 'FOOD', unitPrice: 100 }];
    const p = await preview(m, lines);
    expect(p.points).toBe(51);
    expect(p.campaignPoints).toBe(50);
    expect(p.campaigns).toEqual([{ campaign: { code: 'XMAS' }, offerKind: 'POINTS_MULTIPLIER', points: 50, lines: [{ index: 0, points: 30 }, { index: 1, points: 20 }], couponTitle: null }]);
    const e = await earnSale(m, lines);
    expect([e.points, e.campaignPoints]).toEqual([51, 50]);
    expect((await wallet(svc, m))).toMatchObject({ available: 101, lifetimeEarned: 101, tierPoints: 51 });
    const log = ok(await svc.gql(ACTIVITY, { id: m })).loyaltyMember.activity.nodes;
    expect(log.find((n: { type: string }) => n.type === 'BONUS')).toMatchObject({ points: 50, campaign: { code: 'XMAS', name: 'Christmas double points' }, reason: expect.stringContaining('XMAS') });

    // the campaign changes to triple points after the sale: the return still takes back what was given
    await save({ code: 'XMAS', name: 'Christmas double points', criteria: { categoryIds: ['XMAS'] }, offer: { kind: 'POINTS_MULTIPLIER', percent: 300 } });
    const back = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: e.saleId, channel: 'store', lines: [{ productId: 'LIGHTS', quantity: 1 }] } })).returnLoyaltySale;
    expect(back.userErrors).toEqual([]);
    expect(back).toMatchObject({ pointsReversed: 20, campaignPointsReversed: 10 });
    const rest = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: e.saleId, channel: 'store', lines: [{ productId: 'TREE', quantity: 1 }, { productId: 'LIGHTS', quantity: 1 }, { productId: 'MILK', quantity: 1 }] } })).returnLoyaltySale;
    expect(rest).toMatchObject({ pointsReversed: 81, campaignPointsReversed: 40 });
    expect(await wallet(svc, m)).toMatchObject({ available: 0, lifetimeEarned: 0, tierPoints: 0 });
    const after = ok(await svc.gql(ACTIVITY, { id: m })).loyaltyMember.activity.nodes;
    expect(after.filter((n: { type: string; campaign: unknown }) => n.type === 'RETURN' && n.campaign).map((n: { points: number }) => n.points).sort((a: number, b: number) => a - b)).toEqual([-40, -10]);
    await expectBooksBalanced(svc);
    await pause('XMAS');
  });
});

describe('simulation', () => {
  it('gives what the live campaign then gives on the same sales', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const def = {
      code: 'SIM', name: 'Spend 20 on garden, get 15 points', criteria: { categoryIds: ['GARDEN'], minSpend: { amount: 2_000, currencyCode: 'GBP' } },
      offer: { kind: 'EXTRA_POINTS', points: 15 }, limits: { perMember: 2, perMemberPeriod: 'DAY', budgetPoints: 100 },
    };
    await save(def);
    const members = await Promise.all(Array.from({ length: 4 }, () => enrol(svc)));
    let live = 0;
    for (let i = 0; i < 12; i++) {
      const r = await earnSale(members[i % 4]!, [{ categoryId: i % 5 === 0 ? 'FOOD' : 'GARDEN', unitPrice: 1_500 + (i % 3) * 500 }]);
      live += r.campaignPoints;
    }
    await pause('SIM');
    expect(live).toBeGreaterThan(0);
    const sim = ok(await svc.gql(SIMULATE, { i: { ...YEAR, ...def, code: 'SIM-DRAFT' }, from, to: new Date(Date.now() + 1000).toISOString() })).simulateLoyaltyCampaign;
    expect(sim.userErrors).toEqual([]);
    const rows = await svc.orm.em.fork().getConnection().execute(`select count(*)::int as n, count(distinct member_id)::int as members, coalesce(sum(points), 0)::int as p from campaign_award a join campaign c on c.id = a.campaign_id where c.code = 'SIM'`);
    expect({ salesRewarded: sim.salesRewarded, membersReached: sim.membersReached, points: sim.points }).toEqual({ salesRewarded: rows[0].n, membersReached: rows[0].members, points: live });
    expect(sim.points).toBe(rows[0].p);
    expect(sim.cost.amount).toBe(live); // 100 points = 1.00 GBP
    expect(sim.salesReplayed).toBeGreaterThanOrEqual(12);
    // nothing was written by the simulation
    expect(ok(await svc.gql(`{ loyaltyCampaign(code: "SIM-DRAFT") { id } }`)).loyaltyCampaign).toBeNull();
  });

  it('judges a time-dependent audience as the live earn did, at each sale', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    // win-back: members who bought nothing in the last 30 days get 50 points on their next sale
    const def = { code: 'WINBACK-SIM', name: 'Welcome back', audience: { inactiveForDays: 30 }, criteria: { categoryIds: ['WB'] }, offer: { kind: 'EXTRA_POINTS', points: 50 } };
    const lapsed = await enrol(svc);
    const old = await earnSale(lapsed, [{ categoryId: 'OLD', unitPrice: 1_000 }]);
    await svc.orm.em.fork().getConnection().execute(`update sale_earn set occurred_at = occurred_at - interval '60 days' where sale_id = ?`, [old.saleId]);
    await save(def);
    const live = [];
    for (let i = 0; i < 3; i++) live.push((await earnSale(lapsed, [{ categoryId: 'WB', unitPrice: 1_000 }])).campaignPoints);
    await pause('WINBACK-SIM');
    // only the first sale ends a lapse; the next two come right after it
    expect(live).toEqual([50, 0, 0]);
    const sim = ok(await svc.gql(SIMULATE, { i: { ...YEAR, ...def, code: 'WINBACK-DRAFT' }, from, to: new Date(Date.now() + 1000).toISOString() })).simulateLoyaltyCampaign;
    expect(sim).toMatchObject({ userErrors: [], salesRewarded: 1, membersReached: 1, points: 50 });
  });
});

