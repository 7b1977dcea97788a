import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { CAPTURE, configureProgramme, EARN, enrol, expectBooksBalanced, HOLD, RELEASE, RETURN, sale } from '../../test-support/ledger-fixtures';
import { snapshot } from './hold.service';

/**
 * Holds and captures run as one statement each (`loyalty_hold`, `loyalty_capture`). A second
 * instance on the same database with LOYALTY_LEDGER_ONE_STATEMENT=off takes the general path for
 * everything; the same operations for two members must leave the same books.
 */
let svc: TestService;
let general: TestService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute<T[]>(q, p);
const HOLD_ONLY = `mutation($input: HoldPointsInput!) { holdPoints(input: $input) { hold { id points status } userErrors { code } } }`;
const CAPTURE_ONLY = `mutation($input: CapturePointsHoldInput!) { capturePointsHold(input: $input) { hold { id status capturedPoints } userErrors { code } } }`;

beforeAll(async () => {
  svc = await startTestService();
  general = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_LEDGER_ONE_STATEMENT: 'off' } });
  await configureProgramme(svc, { minRedeemPoints: 100 });
  await svc.gql(`mutation($i: SaveLoyaltyEarningRuleInput!) { saveLoyaltyEarningRule(input: $i) { userErrors { code } } }`, { i: { kind: 'SPEND', name: 'spend', args: { pointsPerStep: 1, stepMinor: 100 }, position: 0 } });
});
afterAll(async () => {
  await general?.stop();
  await svc?.stop();
});

async function books(memberId: string) {
  return {
    entries: await sql(`select type, points, available_change, available_after, pending_after, held_after, reason, channel, actor from ledger_entry where member_id = ? order by id`, [memberId]),
    postings: await sql(`select p.account, p.amount from ledger_posting p join ledger_entry e on e.id = p.entry_id where e.member_id = ? order by p.entry_id, p.account`, [memberId]),
    lots: await sql(`select points, remaining, status from earning_lot where member_id = ? order by created_at, points`, [memberId]),
    holds: await sql(`select points, cash_value_minor, status, channel, store_id, till_id, captured_points, captured_cash_minor, jsonb_array_length(allocations) as lots from points_hold where member_id = ? order by created_at`, [memberId]),
    wallet: await sql(`select available, pending, held, lifetime_earned from wallet where member_id = ?`, [memberId]),
  };
}

/**
 * Three earns, then a full capture, a partial one across lots, a release and a hold left open;
 * then two sales returned (the points already spent are clawed back: a negative balance), an earn
 * that repays part of the debt, and the open hold captured while the balance is negative.
 */
async function shift(on: TestService, memberId: string) {
  const earn = async (amount: number) => {
    const saleId = `S-${randomUUID()}`;
    const res = ok(await on.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: sale(saleId, [{ productId: 'A', unitPrice: amount }]) } }, on.tokens.till)).earnPoints;
    expect(res.userErrors).toEqual([]);
    return saleId;
  };
  const sales = [await earn(40_000), await earn(25_000), await earn(60_000)];
  const answers: unknown[] = [];
  const holdOf = async (points: number) => {
    const res = ok(await on.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId, points, saleId: `S-${randomUUID()}` } }, on.tokens.till)).holdPoints;
    expect(res.userErrors).toEqual([]);
    return res.hold;
  };
  const capture = async (holdId: string, points?: number) => {
    const res = ok(await on.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId, ...(points ? { points } : {}) } }, on.tokens.till)).capturePointsHold;
    expect(res.userErrors).toEqual([]);
    return res;
  };
  const first = await holdOf(300);
  answers.push(await capture(first.id));
  const second = await holdOf(500); // takes the rest of the first lot, all of the second and part of the third
  answers.push(await capture(second.id, 200));
  const third = await holdOf(150);
  answers.push(ok(await on.gql(RELEASE, { input: { holdId: third.id } }, on.tokens.till)).releasePointsHold.member);
  const open = await holdOf(120);
  for (const saleId of [sales[0]!, sales[2]!]) {
    const ret = ok(await on.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'A', quantity: 1 }] } }, on.tokens.till)).returnLoyaltySale;
    expect(ret.userErrors).toEqual([]);
    answers.push(ret);
  }
  await earn(10_000); // repays 100 of the debt
  answers.push(await capture(open.id));
  return answers.map((a) => JSON.parse(JSON.stringify(a, (k, v) => (['id', 'saleId', 'expiresAt'].includes(k) ? undefined : v))));
}

describe('holds and captures in one statement', () => {
  it('take one statement each when nothing is due', async () => {
    const member = await enrol(svc);
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 50_000 }]) } }, svc.tokens.till));
    let held: { holdPoints: { hold: { id: string; points: number }; userErrors: unknown[] } } | undefined;
    const input = { idempotencyKey: randomUUID(), memberId: member, points: 200, saleId: `S-${randomUUID()}` };
    expect(await svc.countQueries(async () => { held = ok(await svc.gql(HOLD_ONLY, { input }, svc.tokens.till)); })).toBe(1);
    expect(held!.holdPoints.userErrors).toEqual([]);
    const capture = { idempotencyKey: randomUUID(), holdId: held!.holdPoints.hold.id };
    let captured: { capturePointsHold: { hold: unknown; userErrors: unknown[] } } | undefined;
    expect(await svc.countQueries(async () => { captured = ok(await svc.gql(CAPTURE_ONLY, { input: capture }, svc.tokens.till)); })).toBe(1);
    expect(captured!.capturePointsHold).toEqual({ hold: { id: capture.holdId, status: 'CAPTURED', capturedPoints: 200 }, userErrors: [] });
    // replays answer the same, and a key reused with another request is refused
    expect(ok(await svc.gql(HOLD_ONLY, { input }, svc.tokens.till)).holdPoints.hold).toEqual(held!.holdPoints.hold);
    expect(ok(await svc.gql(CAPTURE_ONLY, { input: capture }, svc.tokens.till)).capturePointsHold).toEqual(captured!.capturePointsHold);
    expect(ok(await svc.gql(HOLD_ONLY, { input: { ...input, points: 201 } }, svc.tokens.till)).holdPoints.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED' }]);
  });

  it('store the hold as the general path shows it', async () => {
    const member = await enrol(svc);
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 50_000 }]) } }, svc.tokens.till));
    const key = randomUUID();
    const held = ok(await svc.gql(HOLD_ONLY, { input: { idempotencyKey: key, memberId: member, points: 250, saleId: `S-${randomUUID()}` } }, svc.tokens.till)).holdPoints.hold;
    const captureKey = randomUUID();
    ok(await svc.gql(CAPTURE_ONLY, { input: { idempotencyKey: captureKey, holdId: held.id, points: 120 } }, svc.tokens.till));
    const stored = await sql<{ operation: string; response: unknown }>(`select operation, response from idempotency_record where key in (?, ?) order by operation desc`, [key, captureKey]);
    const [row] = await sql<Parameters<typeof snapshot>[0]>(`select * from points_hold where id = ?`, [held.id]);
    const now = snapshot(row!);
    expect(stored[0]!.response).toEqual({ ...now, status: 'ACTIVE', capturedPoints: null, capturedCash: null, resolvedAt: null });
    expect(stored[1]!.response).toEqual(now);
  });

  it('book the same rows as the general path: earns, full and partial captures across lots, a release, returns into debt, repayment', async () => {
    const fast = await enrol(svc);
    const slow = await enrol(svc);
    const fastAnswers = await shift(svc, fast);
    const slowAnswers = await shift(general, slow);
    expect(fastAnswers).toEqual(slowAnswers);
    const a = await books(fast);
    expect(a.holds.map((h) => h.status)).toEqual(['CAPTURED', 'CAPTURED', 'RELEASED', 'CAPTURED']);
    expect(Number((a.wallet[0] as { available: string }).available)).toBeLessThan(0); // still in debt after the repayment
    expect(a.holds[1]).toMatchObject({ lots: 3, captured_points: '200' });
    expect(a).toEqual(await books(slow));
    await expectBooksBalanced(svc);
  });

  it('leave refusals to the general path, which answers as before', async () => {
    const member = await enrol(svc);
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 30_000 }]) } }, svc.tokens.till));
    const hold = (points: number) => svc.gql(HOLD_ONLY, { input: { idempotencyKey: randomUUID(), memberId: member, points, saleId: `S-${randomUUID()}` } }, svc.tokens.till);
    expect(ok(await hold(301)).holdPoints.userErrors).toEqual([{ code: 'INSUFFICIENT_POINTS' }]);
    const h = ok(await hold(200)).holdPoints.hold;
    const capture = (input: Record<string, unknown>, token = svc.tokens.till) => svc.gql(CAPTURE_ONLY, { input: { idempotencyKey: randomUUID(), holdId: h.id, ...input } }, token);
    expect(ok(await capture({ points: 201 })).capturePointsHold.userErrors).toEqual([{ code: 'INVALID_INPUT' }]);
    expect(ok(await capture({ points: 50 })).capturePointsHold.userErrors).toEqual([{ code: 'BELOW_MINIMUM_POINTS' }]);
    const otherStore = await svc.sign('till:store-002/till-01', { roles: ['till'], storeId: 'store-002', tillId: 'till-01' });
    expect(ok(await capture({}, otherStore)).capturePointsHold.userErrors).toEqual([{ code: 'HOLD_NOT_FOUND' }]);
    const otherTill = await svc.sign('till:store-001/till-02', { roles: ['till'], storeId: 'store-001', tillId: 'till-02' });
    expect(ok(await capture({}, otherTill)).capturePointsHold.userErrors).toEqual([{ code: 'HOLD_OF_OTHER_TILL' }]);
    expect(ok(await capture({})).capturePointsHold.userErrors).toEqual([]);
    expect(ok(await capture({})).capturePointsHold.userErrors).toEqual([{ code: 'HOLD_ALREADY_RESOLVED' }]);
    await expectBooksBalanced(svc);
  });
});
