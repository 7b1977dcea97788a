import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, enrol, expectBooksBalanced, sale, wallet } from '../../test-support/ledger-fixtures';

const SAVE = `mutation($i: SaveLoyaltyChallengeInput!) { saveLoyaltyChallenge(input: $i) { challenge { id code status goal { kind target } rewardPoints } userErrors { code message field } } }`;
const EARN = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { earn { points challenges { code progress target completed } } userErrors { code message } } }`;
const PROGRESS = `query($id: ID!) { loyaltyMember(id: $id) { challenges { challenge { code name } progress target percent completed completedAt } } }`;

let svc: TestService;
let replica: TestService;
const YEAR = { startsAt: '2026-01-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z', status: 'ACTIVE' };

async function save(input: Record<string, unknown>) {
  const res = ok(await svc.gql(SAVE, { i: { ...YEAR, ...input } })).saveLoyaltyChallenge;
  expect(res.userErrors).toEqual([]);
  return res.challenge;
}

async function buy(memberId: string, lines: { productId?: string; categoryId?: string; unitPrice: number }[], target = svc) {
  const res = ok(await target.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: sale(randomUUID(), lines) } }, target.tokens.till)).earnPoints;
  expect(res.userErrors).toEqual([]);
  return res.earn;
}

const MINE = `{ loyaltyMe { challenges { challenge { code name } progress target percent completed completedAt } } }`;

/** As staff see it (the till), or with the member's own token as the member does (`loyaltyMe`). */
async function progress(memberId: string, code: string, token?: string) {
  const data = token ? ok(await svc.gql(MINE, {}, token)).loyaltyMe : ok(await svc.gql(PROGRESS, { id: memberId })).loyaltyMember;
  const res = data.challenges as { challenge: { code: string }; progress: number; target: number; percent: number; completed: boolean }[];
  return res.find((c) => c.challenge.code === code)!;
}

beforeAll(async () => {
  const env = { LOYALTY_PROGRAMME_CACHE_SECONDS: '0' };
  svc = await startTestService({ env });
  replica = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env });
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
}, 120_000);
afterAll(async () => {
  await replica?.stop();
  await svc?.stop();
});

describe('challenges', () => {
  it('refuses a challenge without a reward or with a bad goal', async () => {
    const res = ok(await svc.gql(SAVE, { i: { ...YEAR, code: 'X', name: 'X', goal: { kind: 'VISITS', target: 0 }, reward: {} } })).saveLoyaltyChallenge;
    expect(res.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.goal.target', 'input.reward']);
  });

  it('shows progress per member as a progress bar, to the member and at the till', async () => {
    await save({ code: 'COFFEE5', name: 'Five coffees', goal: { kind: 'VISITS', target: 5, categoryIds: ['COFFEE'] }, reward: { points: 50 } });
    const m = await enrol(svc);
    expect(await progress(m, 'COFFEE5')).toMatchObject({ progress: 0, target: 5, percent: 0, completed: false });
    const e = await buy(m, [{ categoryId: 'COFFEE', unitPrice: 300 }, { categoryId: 'CAKE', unitPrice: 250 }]);
    expect(e.challenges).toEqual([{ code: 'COFFEE5', progress: 1, target: 5, completed: false }]);
    await buy(m, [{ categoryId: 'CAKE', unitPrice: 250 }]); // no coffee: no step
    expect(await progress(m, 'COFFEE5', await svc.tokens.member(m))).toMatchObject({ progress: 1, percent: 20 });
    await svc.gql(`mutation { setLoyaltyChallengeStatus(input: { code: "COFFEE5", status: PAUSED }) { userErrors { message } } }`);
  });

  it('completes exactly once under concurrent earns on two replicas, and rewards once', async () => {
    await save({ code: 'SPEND100', name: 'Spend 100 on shoes', goal: { kind: 'SPEND', target: 10_000, categoryIds: ['SHOES'] }, reward: { points: 500, coupon: { kind: 'PERCENT_COUPON', percent: 10 } } });
    const m = await enrol(svc);
    // 12 sales of 25.00 at once: the 4th to commit completes it, the rest find it completed
    const earns = await Promise.all(Array.from({ length: 12 }, (_, i) => buy(m, [{ categoryId: 'SHOES', unitPrice: 2_500 }], i % 2 ? replica : svc)));
    expect(earns.filter((e) => e.challenges.some((c: { completed: boolean }) => c.completed))).toHaveLength(1);
    expect(await progress(m, 'SPEND100')).toMatchObject({ progress: 10_000, percent: 100, completed: true });
    const w = await wallet(svc, m);
    expect(w.available).toBe(12 * 25 + 500);
    const log = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { coupons { kind percent } activity(first: 50) { nodes { type points reason } } } }`, { id: m })).loyaltyMember;
    expect(log.coupons).toEqual([{ kind: 'PERCENT_DISCOUNT', percent: 10 }]);
    expect(log.activity.nodes.filter((n: { reason: string | null }) => n.reason?.includes('challenge SPEND100'))).toHaveLength(2); // the points and the coupon
    await expectBooksBalanced(svc);
  });

  it('counts different products tried', async () => {
    await save({ code: 'TRY3', name: 'Try three teas', goal: { kind: 'PRODUCTS_TRIED', target: 3, categoryIds: ['TEA'] }, reward: { points: 30 } });
    const m = await enrol(svc);
    await buy(m, [{ productId: 'GREEN', categoryId: 'TEA', unitPrice: 400 }, { productId: 'GREEN', categoryId: 'TEA', unitPrice: 400 }]);
    await buy(m, [{ productId: 'GREEN', categoryId: 'TEA', unitPrice: 400 }]);
    expect(await progress(m, 'TRY3')).toMatchObject({ progress: 1 });
    const done = await buy(m, [{ productId: 'BLACK', categoryId: 'TEA', unitPrice: 400 }, { productId: 'MINT', categoryId: 'TEA', unitPrice: 400 }]);
    expect(done.challenges).toEqual([{ code: 'TRY3', progress: 3, target: 3, completed: true }]);
    // completed: later sales change nothing
    expect((await buy(m, [{ productId: 'OOLONG', categoryId: 'TEA', unitPrice: 400 }])).challenges).toEqual([]);
  });
});
