import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, enrol, EARN, expectBooksBalanced, RETURN, sale } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';

const DAY = 86_400_000;
const SAVE_TIER = `mutation($i: SaveLoyaltyTierInput!) { saveLoyaltyTier(input: $i) { tier { id code rank qualificationThreshold graceDays } userErrors { code message field } } }`;
const SET_TIER = `mutation($i: SetLoyaltyMemberTierInput!) { setLoyaltyMemberTier(input: $i) { memberId tier { code } userErrors { code message field } } }`;
const PROGRESS = `query($id: ID!) { loyaltyMember(id: $id) { tier { code } tierProgress {
  tierPoints qualificationBasis qualificationWindow qualifyingValue windowStart toNextTier nextTierBy reachedAt reviewAt toKeepTier graceUntil
  currentTier { code } nextTier { code } floorTier { code } floorUntil floorReason } } }`;
const LOG = `query($id: ID!) { loyaltyMember(id: $id) { activity(first: 50, types: [TIER_CHANGE]) { edges { node { type points reason tier { code } occurredAt } } } } }`;

/** A fresh service per describe: its own database, its own tiers and settings. */
function service() {
  const ctx = { svc: null as unknown as TestService };
  beforeAll(async () => {
    ctx.svc = await startTestService();
    await configureProgramme(ctx.svc, { expiryCount: 0, expiryUnit: null });
    await addRule(ctx.svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 }); // 1 point per £1
  });
  afterAll(() => ctx.svc?.stop());
  return ctx;
}

async function saveTier(svc: TestService, i: Record<string, unknown>) {
  const res = ok(await svc.gql(SAVE_TIER, { i }));
  expect(res.saveLoyaltyTier.userErrors).toEqual([]);
  return res.saveLoyaltyTier.tier as { id: string; code: string };
}

/** Base (0), Silver and Gold at the given thresholds. */
async function levels(svc: TestService, silver: number, gold: number, over: { silverGrace?: number; goldGrace?: number } = {}) {
  const base = await saveTier(svc, { code: 'BASE', name: 'Base', rank: 0, qualificationThreshold: 0 });
  const s = await saveTier(svc, { code: 'SILVER', name: 'Silver', rank: 1, qualificationThreshold: silver, earnMultiplierPercent: 100, graceDays: over.silverGrace ?? 0 });
  const g = await saveTier(svc, { code: 'GOLD', name: 'Gold', rank: 2, qualificationThreshold: gold, earnMultiplierPercent: 100, graceDays: over.goldGrace ?? 0 });
  return { base, silver: s, gold: g };
}

async function earnAt(svc: TestService, memberId: string, amountMinor: number, occurredAt?: Date) {
  const saleId = randomUUID();
  const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: { ...sale(saleId, [{ unitPrice: amountMinor }]), ...(occurredAt ? { occurredAt } : {}) } } }, svc.tokens.till));
  expect(res.earnPoints.userErrors).toEqual([]);
  return saleId;
}

async function returnAll(svc: TestService, saleId: string) {
  const res = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till));
  expect(res.returnLoyaltySale.userErrors).toEqual([]);
}

const progress = async (svc: TestService, id: string) => ok(await svc.gql(PROGRESS, { id })).loyaltyMember;
const tierChanges = async (svc: TestService, id: string) =>
  (ok(await svc.gql(LOG, { id })).loyaltyMember.activity.edges as { node: { type: string; points: number; reason: string; tier: { code: string } | null } }[]).map((e) => e.node);
const maintain = (svc: TestService, at: Date) => runMaintenance(svc.orm.em, { now: at });

describe('qualification: spend over a rolling window', () => {
  const t = service();

  it('counts only the window, upgrades at once, logs the change, and says what the next level needs', async () => {
    const { svc } = t;
    await configureProgramme(svc, { tierQualificationBasis: 'SPEND', tierQualificationWindow: 'ROLLING_MONTHS', tierQualificationMonths: 12 });
    await levels(svc, 10_000, 50_000);
    const m = await enrol(svc);
    expect((await progress(svc, m)).tier).toEqual({ code: 'BASE' });
    await earnAt(svc, m, 9_000, new Date(Date.now() - 400 * DAY)); // outside the window
    await earnAt(svc, m, 5_000);
    let p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'BASE' });
    expect(p.tierProgress).toMatchObject({ qualificationBasis: 'SPEND', qualificationWindow: 'ROLLING_MONTHS', qualifyingValue: 5_000, toNextTier: 5_000, nextTier: { code: 'SILVER' }, nextTierBy: null });
    expect(new Date(p.tierProgress.windowStart).getTime()).toBeGreaterThan(Date.now() - 367 * DAY);
    await earnAt(svc, m, 6_000);
    p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' });
    expect(p.tierProgress).toMatchObject({ qualifyingValue: 11_000, toNextTier: 39_000, nextTier: { code: 'GOLD' }, reviewAt: null, toKeepTier: null });
    const log = await tierChanges(svc, m);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'TIER_CHANGE', points: 0, tier: { code: 'SILVER' } });
    expect(log[0]!.reason).toBe('upgraded to Silver: £110.00 in the last 12 months (Silver needs £100.00)');
    await expectBooksBalanced(svc);
  });
});

describe('qualification: tier points over a rolling window, with returns', () => {
  const t = service();

  it('lowers qualification on a return but keeps the level until a review', async () => {
    const { svc } = t;
    await configureProgramme(svc, { tierQualificationBasis: 'TIER_POINTS', tierQualificationWindow: 'ROLLING_MONTHS', tierQualificationMonths: 6 });
    await levels(svc, 100, 500);
    const m = await enrol(svc);
    await earnAt(svc, m, 30_000, new Date(Date.now() - 200 * DAY)); // 300 points, outside six months
    expect((await progress(svc, m)).tier).toEqual({ code: 'BASE' });
    const big = await earnAt(svc, m, 8_000); // 80 points
    await earnAt(svc, m, 4_000); // 40: 120 in the window
    expect((await progress(svc, m)).tier).toEqual({ code: 'SILVER' });
    await returnAll(svc, big);
    const p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' }); // no review scheduled: levels only go up
    expect(p.tierProgress).toMatchObject({ tierPoints: 340, qualifyingValue: 40, toNextTier: 460 });
  });
});

describe('downgrades: only at a review, after the grace period, not below a manual floor', () => {
  const t = service();
  let tiers: Awaited<ReturnType<typeof levels>>;

  beforeAll(async () => {
    await configureProgramme(t.svc, { tierQualificationBasis: 'SPEND', tierQualificationWindow: 'ROLLING_MONTHS', tierQualificationMonths: 12, tierReview: 'ROLLING', tierReviewEveryDays: 30, tierDowngrade: 'ONE_LEVEL', tierWarningDays: 7 });
    tiers = await levels(t.svc, 10_000, 50_000, { silverGrace: 10 });
  });

  it('keeps the level before the review, gives the grace period at it, and goes down one level when the grace ends', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    const s = await earnAt(svc, m, 12_000);
    const reached = Date.now();
    let p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' });
    expect(new Date(p.tierProgress.reviewAt).getTime()).toBeGreaterThanOrEqual(reached - 5_000 + 30 * DAY);
    expect(p.tierProgress.toKeepTier).toBe(0);
    await returnAll(svc, s);
    await earnAt(svc, m, 2_000);
    p = await progress(svc, m);
    expect(p.tierProgress).toMatchObject({ qualifyingValue: 2_000, toKeepTier: 8_000 });

    await maintain(svc, new Date(reached + 29 * DAY));
    expect((await progress(svc, m)).tier).toEqual({ code: 'SILVER' });
    const atReview = await maintain(svc, new Date(reached + 31 * DAY));
    expect(atReview.tierReviews).toBeGreaterThanOrEqual(1);
    p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' });
    expect(new Date(p.tierProgress.graceUntil).getTime()).toBe(new Date(p.tierProgress.reviewAt).getTime());
    expect(new Date(p.tierProgress.graceUntil).getTime()).toBeGreaterThan(reached + 39 * DAY);
    await maintain(svc, new Date(reached + 39 * DAY)); // grace not over
    expect((await progress(svc, m)).tier).toEqual({ code: 'SILVER' });
    const afterGrace = await maintain(svc, new Date(reached + 41 * DAY));
    expect(afterGrace.tierDowngrades).toBeGreaterThanOrEqual(1);
    p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'BASE' });
    expect(p.tierProgress).toMatchObject({ graceUntil: null, reviewAt: null });
    const log = await tierChanges(svc, m);
    expect(log.map((e) => e.tier?.code)).toEqual(['BASE', 'SILVER']); // newest first
    expect(log[0]!.reason).toMatch(/^down to Base at the review of \d{4}-\d{2}-\d{2}, after the grace period to \d{4}-\d{2}-\d{2}: £20\.00 in the last 12 months, Silver needs £100\.00$/);
    // a second run finds nothing due
    const again = await maintain(svc, new Date(reached + 41 * DAY));
    expect(again.tierReviews).toBe(0);
    await expectBooksBalanced(svc);
  });

  it('keeps a member who qualifies, and schedules the next review', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    await earnAt(svc, m, 11_000);
    const first = new Date((await progress(svc, m)).tierProgress.reviewAt).getTime();
    await maintain(svc, new Date(first + DAY));
    const p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' });
    expect(new Date(p.tierProgress.reviewAt).getTime()).toBe(first + 30 * DAY);
  });

  it('a manual floor raises the member now, holds the level at reviews, and ends on its date', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    const until = new Date(Date.now() + 45 * DAY);
    const res = ok(await svc.gql(SET_TIER, { i: { memberId: m, tierId: tiers.gold.id, reason: 'complaint goodwill #4411', until } }));
    expect(res.setLoyaltyMemberTier).toEqual({ memberId: m, tier: { code: 'GOLD' }, userErrors: [] });
    let p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'GOLD' });
    expect(p.tierProgress).toMatchObject({ floorTier: { code: 'GOLD' }, floorReason: 'complaint goodwill #4411' });
    expect(new Date(p.tierProgress.reviewAt).getTime()).toBe(until.getTime());
    const asTill = ok(await svc.gql(PROGRESS, { id: m }, svc.tokens.till)).loyaltyMember.tierProgress;
    expect(asTill.floorReason).toBeNull(); // the reason is for admins
    expect((await tierChanges(svc, m))[0]!.reason).toBe(`set to Gold by hand until ${until.toISOString().slice(0, 10)}: complaint goodwill #4411`);
    await maintain(svc, new Date(until.getTime() - DAY));
    expect((await progress(svc, m)).tier).toEqual({ code: 'GOLD' });
    await maintain(svc, new Date(until.getTime() + DAY));
    p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' }); // one level a review: Gold has no grace
    expect((await tierChanges(svc, m))[0]!.reason).toMatch(/^down to Silver at the review of /);
  });

  it('a floor at the current level keeps it through a review the member does not qualify at', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    const s = await earnAt(svc, m, 10_000);
    await returnAll(svc, s);
    const res = ok(await svc.gql(SET_TIER, { i: { memberId: m, tierId: tiers.silver.id, reason: 'store manager', until: new Date(Date.now() + 90 * DAY) } }));
    expect(res.setLoyaltyMemberTier.tier).toEqual({ code: 'SILVER' });
    const review = new Date((await progress(svc, m)).tierProgress.reviewAt).getTime();
    await maintain(svc, new Date(review + DAY));
    const p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'SILVER' });
    expect(p.tierProgress.graceUntil).toBeNull(); // the floor held it: no grace used
  });

  it('warns once, before a review that would downgrade, with what keeps the level', async () => {
    const { svc } = t;
    const m = await enrol(svc, { firstName: 'Ada' });
    const keep = await enrol(svc);
    const s = await earnAt(svc, m, 10_500);
    await earnAt(svc, keep, 20_000);
    await returnAll(svc, s);
    await earnAt(svc, m, 3_500);
    const review = new Date((await progress(svc, m)).tierProgress.reviewAt);
    const before = await maintain(svc, new Date(review.getTime() - 8 * DAY));
    expect(before.tierWarnings).toBe(0);
    const run = await maintain(svc, new Date(review.getTime() - 6 * DAY));
    expect(run.tierWarnings).toBe(1);
    const sql = (q: string, p: unknown[]) => svc.orm.em.fork().getConnection().execute(q, p);
    const inbox = await sql('select kind, title, body from inbox_message where member_id = ?', [m]);
    expect(inbox).toEqual([{ kind: 'tier_review_warning', title: 'Keep your Silver level', body: `£65.00 more by ${review.toISOString().slice(0, 10)} keeps your Silver level; otherwise it becomes Base.` }]);
    const mail = await sql(`select subject from outbox_message where member_id = ? and channel = 'EMAIL'`, [m]);
    expect(mail).toEqual([{ subject: `Keep your Silver level: £65.00 by ${review.toISOString().slice(0, 10)}` }]);
    const again = await maintain(svc, new Date(review.getTime() - 5 * DAY));
    expect(again.tierWarnings).toBe(0);
    expect(await sql('select id from inbox_message where member_id = ?', [m])).toHaveLength(1);
    expect(await sql('select id from inbox_message where member_id = ?', [keep])).toHaveLength(0);
  });
});

describe('levels: validation and access', () => {
  const t = service();

  it('checks tiers against each other and refuses a manual tier without a reason or an end date', async () => {
    const { svc } = t;
    const bad = async (i: Record<string, unknown>) => ok(await svc.gql(SAVE_TIER, { i })).saveLoyaltyTier.userErrors.map((e: { message: string }) => e.message);
    expect(await bad({ code: 'base', name: 'Base', rank: 0, qualificationThreshold: 0 })).toEqual(['code must be capitals, digits and _ (up to 32), starting with a letter, e.g. GOLD']);
    expect(await bad({ code: 'BASE', name: 'Base', rank: 0, qualificationThreshold: 5 })).toEqual(['The lowest tier must have qualificationThreshold 0: every member qualifies for it']);
    await saveTier(svc, { code: 'BASE', name: 'Base', rank: 0, qualificationThreshold: 0 });
    await saveTier(svc, { code: 'SILVER', name: 'Silver', rank: 1, qualificationThreshold: 100 });
    expect(await bad({ code: 'GOLD', name: 'Gold', rank: 2, qualificationThreshold: 100 })).toEqual(['A higher tier needs a higher threshold: GOLD (rank 2) must need more than SILVER']);
    expect(await bad({ code: 'SILVER', name: 'Again', rank: 3, qualificationThreshold: 900 })).toEqual(['Another tier has the code SILVER']);
    expect(await bad({ code: 'GOLD', name: 'Gold', rank: 2, qualificationThreshold: 500, graceDays: -1 })).toEqual(['graceDays must be a whole number from 0 to 3,660']);
    expect(await bad({ code: 'GOLD', name: 'Gold', rank: 2, qualificationThreshold: 500, upgradeGiftRewardId: randomUUID() })).toEqual(['No reward has this id']);
    const m = await enrol(svc);
    const tiers = ok(await svc.gql('{ loyaltyTiers { id code } }')).loyaltyTiers as { id: string; code: string }[];
    const silver = tiers.find((x) => x.code === 'SILVER')!.id;
    const setBad = async (i: Record<string, unknown>) => ok(await svc.gql(SET_TIER, { i: { memberId: m, ...i } })).setLoyaltyMemberTier.userErrors.map((e: { message: string }) => e.message);
    expect(await setBad({ tierId: silver, until: new Date(Date.now() + DAY) })).toEqual(['reason is required']);
    expect(await setBad({ tierId: silver, reason: 'x' })).toEqual(['A manual tier needs an end date']);
    expect(await setBad({ tierId: silver, reason: 'x', until: new Date(Date.now() - DAY) })).toEqual(['until must be in the future']);
    expect(await setBad({ tierId: randomUUID(), reason: 'x', until: new Date(Date.now() + DAY) })).toEqual(['No tier has this id']);
    const programme = ok(await svc.gql(`mutation { updateLoyaltyProgramme(input: { tierQualificationMonths: 0 }) { userErrors { message } } }`)).updateLoyaltyProgramme;
    expect(programme.userErrors).toEqual([{ message: 'tierQualificationMonths must be a whole number from 1 to 120' }]);
  });

  it('lets only admins change tiers and manual tiers', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    for (const token of [svc.tokens.till, await svc.sign(`member:${m}`, { roles: ['member'], memberId: m })]) {
      const res = await svc.gql(SAVE_TIER, { i: { code: 'X', name: 'X', rank: 7, qualificationThreshold: 7000 } }, token);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res)).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const set = await svc.gql(SET_TIER, { i: { memberId: m, tierId: null } }, token);
      expect(set.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });
});

describe('upgrade bonus and gift', () => {
  const t = service();
  let replica: TestService;
  let gold: { id: string };
  let rewardId: string;

  beforeAll(async () => {
    const { svc } = t;
    replica = await startTestService({ databaseName: svc.databaseName, keyFrom: svc });
    await configureProgramme(svc, { tierQualificationBasis: 'TIER_POINTS', tierQualificationWindow: 'LIFETIME', tierReview: 'ROLLING', tierReviewEveryDays: 30 });
    const reward = ok(await svc.gql(`mutation($i: SaveLoyaltyRewardInput!) { saveLoyaltyReward(input: $i) { reward { id } userErrors { message } } }`, { i: { kind: 'GIFT_ITEM', name: 'Tote bag', productId: 'TOTE-1', pointsCost: 500, stock: 100 } }));
    expect(reward.saveLoyaltyReward.userErrors).toEqual([]);
    rewardId = reward.saveLoyaltyReward.reward.id;
    await saveTier(svc, { code: 'BASE', name: 'Base', rank: 0, qualificationThreshold: 0 });
    await saveTier(svc, { code: 'SILVER', name: 'Silver', rank: 1, qualificationThreshold: 100 });
    gold = await saveTier(svc, { code: 'GOLD', name: 'Gold', rank: 2, qualificationThreshold: 300, upgradeBonusPoints: 250, upgradeGiftRewardId: rewardId });
  });
  afterAll(() => replica?.stop());

  const sql = (q: string, p: unknown[]) => t.svc.orm.em.fork().getConnection().execute(q, p);

  it('awards them once, even with concurrent earns on two replicas', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    // eight sales of 100 points at once, half through each replica: one of them reaches Gold
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const target = i % 2 ? replica : svc;
        return target.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale(randomUUID(), [{ unitPrice: 10_000 }]) } }, target.tokens.till);
      }),
    );
    for (const r of results) expect(ok(r).earnPoints.userErrors).toEqual([]);
    const p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'GOLD' });
    const bonuses = await sql(`select points, reason from ledger_entry where member_id = ? and type = 'BONUS'`, [m]);
    expect(bonuses).toEqual([{ points: '250', reason: 'Gold upgrade bonus' }]);
    const coupons = await sql(`select kind, title, product_id, points_spent, status from coupon where member_id = ?`, [m]);
    expect(coupons).toEqual([{ kind: 'GIFT_ITEM', title: 'Tote bag (Gold welcome gift)', product_id: 'TOTE-1', points_spent: '0', status: 'ACTIVE' }]);
    const issued = await sql(`select points, reason from ledger_entry where member_id = ? and type = 'COUPON_ISSUE'`, [m]);
    expect(issued).toEqual([{ points: '0', reason: 'Gold upgrade gift: Tote bag' }]);
    const w = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { wallet { available tierPoints } } }`, { id: m })).loyaltyMember.wallet;
    expect(w).toEqual({ available: 1050, tierPoints: 800 }); // the bonus is not tier points
    const changes = await tierChanges(svc, m);
    expect(changes.map((e) => e.tier?.code), JSON.stringify(changes)).toEqual(['GOLD', 'SILVER']);
    await expectBooksBalanced(svc);
  });

  it('does not award them again for reaching the level again in the same qualification period', async () => {
    const { svc } = t;
    const m = await enrol(svc);
    const first = await earnAt(svc, m, 35_000);
    expect((await progress(svc, m)).tier).toEqual({ code: 'GOLD' });
    await returnAll(svc, first);
    const review = new Date((await progress(svc, m)).tierProgress.reviewAt).getTime();
    await maintain(svc, new Date(review + DAY));
    expect((await progress(svc, m)).tier).toEqual({ code: 'SILVER' });
    await earnAt(svc, m, 40_000);
    expect((await progress(svc, m)).tier).toEqual({ code: 'GOLD' });
    expect(await sql(`select count(*)::int as n from ledger_entry where member_id = ? and type = 'BONUS'`, [m])).toEqual([{ n: 1 }]);
    expect(await sql(`select count(*)::int as n from coupon where member_id = ?`, [m])).toEqual([{ n: 1 }]);
    await expectBooksBalanced(svc);
  });

  it('leaves the gift out when it is out of stock, and says so in the log', async () => {
    const { svc } = t;
    await sql(`update reward set stock = 0 where id = ?`, [rewardId]);
    const m = await enrol(svc);
    await earnAt(svc, m, 30_000);
    expect((await progress(svc, m)).tier).toEqual({ code: 'GOLD' });
    expect(await sql(`select count(*)::int as n from coupon where member_id = ?`, [m])).toEqual([{ n: 0 }]);
    expect((await tierChanges(svc, m))[0]!.reason).toBe('the Gold upgrade gift is out of stock and was not issued');
    expect(await sql(`select points from ledger_entry where member_id = ? and type = 'BONUS'`, [m])).toEqual([{ points: '250' }]);
    expect(gold.id).toBeTruthy();
  });
});

describe('downgrades straight to the qualified level, at the calendar year end', () => {
  const t = service();

  it('takes a Gold member who qualifies for nothing to the entry level in one review', async () => {
    const { svc } = t;
    await configureProgramme(svc, { tierQualificationBasis: 'SPEND', tierQualificationWindow: 'CALENDAR_YEAR', tierReview: 'CALENDAR_YEAR_END', tierDowngrade: 'TO_QUALIFIED', tierWarningDays: 0 });
    await levels(svc, 10_000, 50_000);
    const m = await enrol(svc);
    const big = await earnAt(svc, m, 60_000);
    let p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'GOLD' });
    const yearEnd = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1));
    expect(p.tierProgress).toMatchObject({ qualificationWindow: 'CALENDAR_YEAR', reviewAt: yearEnd.toISOString(), nextTierBy: yearEnd.toISOString() });
    await returnAll(svc, big);
    await maintain(svc, new Date(yearEnd.getTime() + 3_600_000));
    p = await progress(svc, m);
    expect(p.tier).toEqual({ code: 'BASE' });
    expect(p.tierProgress.reviewAt).toBeNull(); // nothing below the entry level to review for
  });
});
