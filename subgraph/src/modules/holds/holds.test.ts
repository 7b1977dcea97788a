import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, CAPTURE, configureProgramme, earn, enrol, expectBooksBalanced, hold, HOLD, REDEEM, RELEASE, wallet } from '../../test-support/ledger-fixtures';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
});
afterAll(() => svc?.stop());

async function memberWith(points: number): Promise<string> {
  const m = await enrol(svc);
  if (points > 0) await earn(svc, m, points * 100);
  return m;
}

describe('hold lifecycle', () => {
  it('holds points, then captures part and returns the rest at once', async () => {
    const m = await memberWith(1000);
    const h = await hold(svc, m, 600);
    expect(h.userErrors).toEqual([]);
    expect(h.hold).toMatchObject({ points: 600, status: 'ACTIVE', cashValue: { amount: 600, currencyCode: 'GBP' }, tillId: 'till-01' });
    expect(await wallet(svc, m)).toMatchObject({ available: 400, held: 600 });
    const c = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id, points: 250 } }, svc.tokens.till)).capturePointsHold;
    expect(c.userErrors).toEqual([]);
    expect(c.hold).toMatchObject({ status: 'CAPTURED', capturedPoints: 250, capturedCash: { amount: 250 } });
    expect(await wallet(svc, m)).toMatchObject({ available: 750, held: 0, lifetimeEarned: 1000 });
    await expectBooksBalanced(svc);
  });

  it('resolves once: a second capture is HOLD_ALREADY_RESOLVED, releasing a captured hold too', async () => {
    const m = await memberWith(500);
    const h = await hold(svc, m, 200);
    const capture = (key: string) => svc.gql(CAPTURE, { input: { idempotencyKey: key, holdId: h.hold.id } }, svc.tokens.till);
    const first = ok(await capture('cap-1')).capturePointsHold;
    expect(first.hold.capturedPoints).toBe(200);
    const replay = ok(await capture('cap-1')).capturePointsHold;
    expect(replay.hold).toEqual(first.hold);
    expect(ok(await capture('cap-2')).capturePointsHold.userErrors[0].code).toBe('HOLD_ALREADY_RESOLVED');
    expect(ok(await svc.gql(RELEASE, { input: { holdId: h.hold.id } }, svc.tokens.till)).releasePointsHold.userErrors[0].code).toBe('HOLD_ALREADY_RESOLVED');
    expect(await wallet(svc, m)).toMatchObject({ available: 300, held: 0 });
  });

  it('releases a hold (safe to retry) and the points come back', async () => {
    const m = await memberWith(300);
    const h = await hold(svc, m, 300);
    for (let i = 0; i < 2; i++) {
      const r = ok(await svc.gql(RELEASE, { input: { holdId: h.hold.id } }, svc.tokens.till)).releasePointsHold;
      expect(r.userErrors).toEqual([]);
      expect(r.hold.status).toBe('RELEASED');
    }
    expect(await wallet(svc, m)).toMatchObject({ available: 300, held: 0 });
    const c = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till)).capturePointsHold;
    expect(c.userErrors[0].code).toBe('HOLD_ALREADY_RESOLVED');
  });

  it('returns the points of a hold past its TTL by itself: reads never show it held, capture says HOLD_EXPIRED', async () => {
    const m = await memberWith(100);
    const h = await hold(svc, m, 80, { ttlSeconds: 1 });
    expect(await wallet(svc, m)).toMatchObject({ available: 20, held: 80 });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await wallet(svc, m)).toMatchObject({ available: 100, held: 0 });
    const c = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till)).capturePointsHold;
    expect(c.userErrors[0].code).toBe('HOLD_EXPIRED');
    const r = ok(await svc.gql(RELEASE, { input: { holdId: h.hold.id } }, svc.tokens.till)).releasePointsHold;
    expect(r.hold.status).toBe('EXPIRED');
    const log = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { activity(types: [HOLD_EXPIRE]) { nodes { type points availableChange actor } } } }`, { id: m })).loyaltyMember.activity.nodes;
    expect(log).toEqual([{ type: 'HOLD_EXPIRE', points: 0, availableChange: 80, actor: 'system' }]);
    await expectBooksBalanced(svc);
  });

  it('holds by cash amount, rounding points up by less than one point', async () => {
    await configureProgramme(svc, { redeemPoints: 3, redeemAmountMinor: 2 }); // 1.5 points per penny
    try {
      const m = await memberWith(50);
      const h = await hold(svc, m, 0, { points: null, cash: { amount: 7, currencyCode: 'GBP' } });
      expect(h.hold).toMatchObject({ points: 11, cashValue: { amount: 7 } }); // 10.5 -> 11
      const byPoints = await hold(svc, m, 11);
      expect(byPoints.hold.cashValue.amount).toBe(7); // floor(11 * 2 / 3)
    } finally {
      await configureProgramme(svc);
    }
  });

  it('enforces the minimum points and the maximum share of a sale', async () => {
    await configureProgramme(svc, { minRedeemPoints: 100, maxRedeemSharePercent: 50 });
    try {
      const m = await memberWith(1000);
      expect((await hold(svc, m, 99)).userErrors[0].code).toBe('BELOW_MINIMUM_POINTS');
      const tooMuch = await hold(svc, m, 600, { saleTotal: { amount: 1000, currencyCode: 'GBP' } });
      expect(tooMuch.userErrors[0].code).toBe('EXCEEDS_MAX_POINTS_SHARE');
      expect((await hold(svc, m, 500, { saleTotal: { amount: 1000, currencyCode: 'GBP' } })).userErrors).toEqual([]);
      expect(await wallet(svc, m)).toMatchObject({ available: 500, held: 500 });
    } finally {
      await configureProgramme(svc);
    }
  });

  it('refuses bad amounts with userErrors and changes nothing', async () => {
    const m = await memberWith(100);
    const cases: [Record<string, unknown>, string][] = [
      [{ points: 0 }, 'INVALID_INPUT'],
      [{ points: -5 }, 'INVALID_INPUT'],
      [{ points: 101 }, 'INSUFFICIENT_POINTS'],
      [{ points: 2_000_000_000 }, 'INVALID_INPUT'],
      [{ points: 10, cash: { amount: 10, currencyCode: 'GBP' } }, 'INVALID_INPUT'],
      [{ points: null, cash: { amount: 10, currencyCode: 'EUR' } }, 'CURRENCY_MISMATCH'],
      [{ points: null, cash: { amount: 0, currencyCode: 'GBP' } }, 'INVALID_INPUT'],
      [{ points: 10, ttlSeconds: 0 }, 'INVALID_INPUT'],
      [{ points: 10, ttlSeconds: 999_999 }, 'INVALID_INPUT'],
      [{ points: 10, memberId: randomUUID() }, 'MEMBER_NOT_FOUND'],
      [{ points: 10, idempotencyKey: '' }, 'INVALID_INPUT'],
    ];
    for (const [extra, code] of cases) {
      const res = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, saleId: 'S-1', ...extra } }, svc.tokens.till)).holdPoints;
      expect(res.userErrors[0]?.code, JSON.stringify(extra)).toBe(code);
      expect(res.hold).toBeNull();
    }
    const fractional = await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, saleId: 'S-1', points: 1.5 } }, svc.tokens.till);
    expect(fractional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await wallet(svc, m)).toMatchObject({ available: 100, held: 0 });
    await expectBooksBalanced(svc);
  });

  it('redeems as cash in one step, idempotently', async () => {
    const m = await memberWith(400);
    const input = { idempotencyKey: randomUUID(), memberId: m, cash: { amount: 150, currencyCode: 'GBP' }, saleId: 'WEB-1', channel: 'web' };
    const first = ok(await svc.gql(REDEEM, { input }, svc.tokens.service)).redeemPointsAsCash;
    expect(first.hold).toMatchObject({ status: 'CAPTURED', points: 150, capturedPoints: 150, cashValue: { amount: 150 } });
    const again = ok(await svc.gql(REDEEM, { input }, svc.tokens.service)).redeemPointsAsCash;
    expect(again.hold).toEqual(first.hold);
    expect(await wallet(svc, m)).toMatchObject({ available: 250, held: 0 });
  });
});

describe('no double spend', () => {
  const HOLD_10 = (m: string) => svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 10, saleId: `S-${randomUUID()}` } }, svc.tokens.till);

  it('50 concurrent holds against a wallet covering exactly 10 succeed exactly 10 times', async () => {
    const m = await memberWith(100);
    const results = (await Promise.all(Array.from({ length: 50 }, () => HOLD_10(m)))).map((r) => ok(r).holdPoints);
    expect(results.filter((r) => r.hold).length).toBe(10);
    const failures = results.filter((r) => !r.hold).map((r) => r.userErrors[0].code);
    expect(failures).toEqual(Array(40).fill('INSUFFICIENT_POINTS'));
    expect(await wallet(svc, m)).toMatchObject({ available: 0, held: 100 });
    await expectBooksBalanced(svc);
  });

  it('the same with two service instances on one database', async () => {
    const second = await startTestService({ databaseName: svc.databaseName, keyFrom: svc });
    try {
      const m = await memberWith(100);
      const calls = Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? second : svc).gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 10, saleId: `S-${i}` } }, svc.tokens.till),
      );
      const results = (await Promise.all(calls)).map((r) => ok(r).holdPoints);
      expect(results.filter((r) => r.hold).length).toBe(10);
      expect(results.filter((r) => !r.hold).every((r) => r.userErrors[0].code === 'INSUFFICIENT_POINTS')).toBe(true);
      expect(await wallet(svc, m)).toMatchObject({ available: 0, held: 100 });
      await expectBooksBalanced(svc);
    } finally {
      await second.stop();
    }
  });

  it('concurrent replays of one hold key move points once', async () => {
    const m = await memberWith(100);
    const input = { idempotencyKey: randomUUID(), memberId: m, points: 30, saleId: 'S-replay' };
    const results = (await Promise.all(Array.from({ length: 10 }, () => svc.gql(HOLD, { input }, svc.tokens.till)))).map((r) => ok(r).holdPoints);
    expect(new Set(results.map((r) => r.hold.id)).size).toBe(1);
    expect(await wallet(svc, m)).toMatchObject({ available: 70, held: 30 });
  });
});
