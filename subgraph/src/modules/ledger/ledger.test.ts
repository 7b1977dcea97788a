import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { ADJUST, addRule, CAPTURE, configureProgramme, EARN, earn, enrol, expectBooksBalanced, hold, RETURN, sale, wallet } from '../../test-support/ledger-fixtures';
import { runMaintenance } from './maintenance.service';

let svc: TestService;
const sql = (q: string, params: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, params);

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
});
afterAll(() => svc?.stop());

/** Moves an earn's lot expiry into the past (time travel in the database, the service's clock). */
async function expireLotOf(memberId: string, saleId: string) {
  await sql(`update earning_lot set expires_at = now() - interval '1 minute' where id = (select lot_id from sale_earn where sale_id = ? and member_id = ?)`, [saleId, memberId]);
}

describe('expiry', () => {
  it('consumes the oldest-expiring lots first and expires what is left, once', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 10_000, 'lot-a'); // 100
    await earn(svc, m, 5_000, 'lot-b'); // 50
    await sql(`update earning_lot set expires_at = now() + interval '10 days' where id = (select lot_id from sale_earn where sale_id = 'lot-b')`);
    await sql(`update earning_lot set expires_at = now() + interval '20 days' where id = (select lot_id from sale_earn where sale_id = 'lot-a')`);
    // spending 60 takes the 50 of lot-b (expires first) and 10 of lot-a
    const h = await hold(svc, m, 60);
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till));
    const w = await wallet(svc, m);
    expect(w.available).toBe(90);
    expect(w.expiring).toEqual([{ points: 90, expiresAt: expect.any(String) }]);
    await expireLotOf(m, 'lot-a');
    const first = await runMaintenance(svc.orm.em);
    expect(first.membersSettled).toBeGreaterThanOrEqual(1);
    expect(await wallet(svc, m)).toMatchObject({ available: 0, lifetimeEarned: 150 });
    const again = await runMaintenance(svc.orm.em);
    expect(again.membersSettled).toBe(0);
    const expiries = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { activity(types: [EXPIRE]) { totalCount nodes { points availableAfter reason } } } }`, { id: m })).loyaltyMember.activity;
    expect(expiries).toEqual({ totalCount: 1, nodes: [{ points: -90, availableAfter: 0, reason: expect.stringMatching(/^points expired at \d{4}-/) }] });
    await expectBooksBalanced(svc);
  });

  it('is safe to run on several replicas at once: each due member is settled exactly once', async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => enrol(svc)));
    for (const m of members) await earn(svc, m, 2_000, `x-${m}`);
    await sql(`update earning_lot set expires_at = now() - interval '1 minute' where member_id = any(?::uuid[])`, [`{${members.join(',')}}`]);
    const reports = await Promise.all([runMaintenance(svc.orm.em), runMaintenance(svc.orm.em), runMaintenance(svc.orm.em)]);
    expect(reports.reduce((s, r) => s + r.membersSettled, 0)).toBeGreaterThanOrEqual(12);
    const rows = await sql(`select member_id, count(*)::int as n from ledger_entry where type = 'EXPIRE' and member_id = any(?::uuid[]) group by member_id`, [`{${members.join(',')}}`]);
    expect(rows).toHaveLength(12);
    expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    for (const m of members) expect((await wallet(svc, m)).available).toBe(0);
    await expectBooksBalanced(svc);
  });

  it('shows the wallet and the points log in agreement on the first read after points fall due', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 4_000, `due-${m}`);
    await expireLotOf(m, `due-${m}`);
    const res = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { wallet { available } activity(first: 1) { nodes { type availableAfter } } } }`, { id: m })).loyaltyMember;
    expect(res.wallet.available).toBe(0);
    expect(res.activity.nodes).toEqual([{ type: 'EXPIRE', availableAfter: 0 }]);
  });

  it('dates lots by the expiry policy, optionally to the end of the month', async () => {
    await configureProgramme(svc, { expiryUnit: 'DAYS', expiryCount: 30, expiryToMonthEnd: true });
    try {
      const m = await enrol(svc);
      const res = await earn(svc, m, 1000);
      const expires = new Date(res.earn.expiresAt);
      const in30 = new Date(Date.now() + 30 * 86_400_000);
      expect(expires.getUTCMonth()).toBe(in30.getUTCMonth());
      expect(new Date(expires.getTime() + 1).getUTCDate()).toBe(1); // last instant of the month
    } finally {
      await configureProgramme(svc);
    }
  });
});

describe('returns', () => {
  it('reverses the points of returned lines from the original earn record, even after the rules change', async () => {
    const m = await enrol(svc);
    const s = sale('R-1', [{ productId: 'SHIRT', quantity: 3, unitPrice: 1000 }, { productId: 'HAT', quantity: 1, unitPrice: 500 }]);
    ok(await svc.gql(EARN, { input: { idempotencyKey: 'r1', memberId: m, sale: s } }, svc.tokens.till));
    expect((await wallet(svc, m)).available).toBe(35);
    const doubled = await addRule(svc, 'PRODUCT_MULTIPLIER', { productIds: ['SHIRT'], percent: 1000 });
    try {
      const r = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-1', saleId: 'R-1', channel: 'store', lines: [{ productId: 'SHIRT', quantity: 2 }] } }, svc.tokens.till)).returnLoyaltySale;
      expect(r.userErrors).toEqual([]);
      expect(r.pointsReversed).toBe(20);
      expect(r.member.wallet.available).toBe(15);
      const replay = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-1', saleId: 'R-1', channel: 'store', lines: [{ productId: 'SHIRT', quantity: 2 }] } }, svc.tokens.till)).returnLoyaltySale;
      expect(replay.pointsReversed).toBe(20);
      expect((await wallet(svc, m)).available).toBe(15);
      const tooMany = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-2', saleId: 'R-1', channel: 'store', lines: [{ productId: 'SHIRT', quantity: 2 }] } }, svc.tokens.till)).returnLoyaltySale;
      expect(tooMany.userErrors[0]).toMatchObject({ code: 'RETURN_EXCEEDS_SALE', field: ['input', 'lines', '0', 'quantity'] });
      const rest = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-3', saleId: 'R-1', channel: 'store', lines: [{ productId: 'SHIRT', quantity: 1 }, { productId: 'HAT', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
      expect(rest.pointsReversed).toBe(15);
      expect(await wallet(svc, m)).toMatchObject({ available: 0, lifetimeEarned: 0, tierPoints: 0 });
    } finally {
      await svc.gql(`mutation($i: SaveLoyaltyEarningRuleInput!) { saveLoyaltyEarningRule(input: $i) { userErrors { code } } }`, { i: { id: doubled, kind: 'PRODUCT_MULTIPLIER', name: 'off', args: { productIds: ['SHIRT'], percent: 1000 }, active: false } });
    }
    await expectBooksBalanced(svc);
  });

  it('gives back redeemed points that paid for returned goods', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 100_000, 'R-2-old'); // 1000 points
    const s = sale('R-2', [{ productId: 'TV', quantity: 2, unitPrice: 20_000 }]); // 400.00, earns 400
    const h = await hold(svc, m, 1000, { saleId: 'R-2' }); // pays 10.00 with points
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till));
    ok(await svc.gql(EARN, { input: { idempotencyKey: 'r2', memberId: m, sale: s } }, svc.tokens.till));
    expect((await wallet(svc, m)).available).toBe(400);
    const r = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-r2', saleId: 'R-2', channel: 'store', lines: [{ productId: 'TV', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(r).toMatchObject({ pointsReversed: 200, pointsRefunded: 500, pointsClawedBack: 0 });
    expect((await wallet(svc, m)).available).toBe(700);
    await expectBooksBalanced(svc);
  });

  it('refunds the points of a till hold only to the return of the store sale, not to a web sale of the same id', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 100_000, 'DUP-funds'); // 1000
    const h = await hold(svc, m, 500, { saleId: 'DUP-1' }); // a till's hold: channel store
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till));
    for (const channel of ['store', 'web']) {
      ok(await svc.gql(EARN, { input: { idempotencyKey: `dup-${channel}`, memberId: m, sale: sale('DUP-1', [{ productId: 'P1', unitPrice: 1000 }], channel) } }, svc.tokens.till));
    }
    const refunds: number[] = [];
    for (const channel of ['store', 'web']) {
      const r = ok(await svc.gql(RETURN, { input: { idempotencyKey: `dup-ret-${channel}`, saleId: 'DUP-1', channel, lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
      refunds.push(r.pointsRefunded);
    }
    expect(refunds).toEqual([500, 0]);
    await expectBooksBalanced(svc);
  });

  it('records a clawback when the earned points were already spent, and blocks redemption until repaid', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 30_000, 'R-3'); // 300
    const h = await hold(svc, m, 250);
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till));
    const r = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-r3', saleId: 'R-3', channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(r).toMatchObject({ pointsReversed: 300, pointsClawedBack: 250 });
    expect((await wallet(svc, m)).available).toBe(-250);
    const blocked = await hold(svc, m, 1);
    expect(blocked.userErrors[0].code).toBe('INSUFFICIENT_POINTS');
    expect(blocked.userErrors[0].message).toMatch(/owes 250/);
    await earn(svc, m, 30_000, 'R-3b'); // 300 repays the 250
    expect((await wallet(svc, m)).available).toBe(50);
    expect((await hold(svc, m, 50)).userErrors).toEqual([]);
    await expectBooksBalanced(svc);
  });

  it('takes returned points from the pending lot before they ever became available', async () => {
    await configureProgramme(svc, { pendingDays: 30 });
    try {
      const m = await enrol(svc);
      await earn(svc, m, 9_900, 'R-4');
      const r = ok(await svc.gql(RETURN, { input: { idempotencyKey: 'ret-r4', saleId: 'R-4', channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
      expect(r.pointsReversed).toBe(99);
      expect(await wallet(svc, m)).toMatchObject({ available: 0, pending: 0 });
    } finally {
      await configureProgramme(svc);
    }
    await expectBooksBalanced(svc);
  });

  it('refuses unknown sales and bad lines', async () => {
    const unknown = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: 'NOPE', channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(unknown.userErrors[0].code).toBe('SALE_NOT_FOUND');
    const m = await enrol(svc);
    await earn(svc, m, 1000, 'R-5');
    for (const lines of [[], [{ productId: 'P1', quantity: 0 }], [{ productId: 'OTHER', quantity: 1 }]]) {
      const res = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: 'R-5', channel: 'store', lines } }, svc.tokens.till)).returnLoyaltySale;
      expect(res.userErrors.length, JSON.stringify(lines)).toBe(1);
    }
    expect((await wallet(svc, m)).available).toBe(10);
  });
});

describe('adjustPoints and the points log', () => {
  it('lets admins credit and debit with a reason, never below zero', async () => {
    const m = await enrol(svc);
    const credit = ok(await svc.gql(ADJUST, { input: { idempotencyKey: 'adj-1', memberId: m, points: 500, reason: 'goodwill: late delivery' } })).adjustPoints;
    expect(credit.entry).toMatchObject({ type: 'ADJUST', points: 500, reason: 'goodwill: late delivery', actor: 'test-admin' });
    const debit = ok(await svc.gql(ADJUST, { input: { idempotencyKey: 'adj-2', memberId: m, points: -200, reason: 'duplicate credit' } })).adjustPoints;
    expect(debit.member.wallet.available).toBe(300);
    const tooMuch = ok(await svc.gql(ADJUST, { input: { idempotencyKey: 'adj-3', memberId: m, points: -301, reason: 'x' } })).adjustPoints;
    expect(tooMuch.userErrors[0].code).toBe('INSUFFICIENT_POINTS');
    const noReason = ok(await svc.gql(ADJUST, { input: { idempotencyKey: 'adj-4', memberId: m, points: 5, reason: '  ' } })).adjustPoints;
    expect(noReason.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'reason'] });
    const zero = ok(await svc.gql(ADJUST, { input: { idempotencyKey: 'adj-5', memberId: m, points: 0, reason: 'x' } })).adjustPoints;
    expect(zero.userErrors[0].code).toBe('INVALID_INPUT');
    const byTill = await svc.gql(ADJUST, { input: { idempotencyKey: 'adj-6', memberId: m, points: 5, reason: 'x' } }, svc.tokens.till);
    expect(byTill.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await wallet(svc, m)).available).toBe(300);
  });

  it('shows every entry with balance after, filterable by type and date, to the member too', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 12_000, 'LOG-1');
    const h = await hold(svc, m, 20, { saleId: 'LOG-2' });
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id, points: 15 } }, svc.tokens.till));
    ok(await svc.gql(ADJUST, { input: { idempotencyKey: randomUUID(), memberId: m, points: 7, reason: 'sorry' } }));
    const LOG = `query($first: Int, $after: String, $types: [LoyaltyLedgerEntryType!], $from: DateTimeISO) {
      loyaltyMe { activity(first: $first, after: $after, types: $types, from: $from) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { type points availableChange availableAfter heldAfter saleId holdId reason actor occurredAt } } } }`;
    const token = await svc.tokens.member(m);
    const all = ok(await svc.gql(LOG, { first: 10 }, token)).loyaltyMe.activity;
    expect(all.totalCount).toBe(4);
    expect(all.nodes.map((n: { type: string }) => n.type)).toEqual(['ADJUST', 'HOLD_CAPTURE', 'HOLD', 'EARN']);
    expect(all.nodes.map((n: { availableAfter: number }) => n.availableAfter)).toEqual([112, 105, 100, 120]);
    expect(all.nodes[1]).toMatchObject({ points: -15, availableChange: 5, heldAfter: 0, saleId: 'LOG-2', holdId: h.hold.id });
    const page1 = ok(await svc.gql(LOG, { first: 3 }, token)).loyaltyMe.activity;
    const page2 = ok(await svc.gql(LOG, { first: 3, after: page1.pageInfo.endCursor }, token)).loyaltyMe.activity;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.nodes.map((n: { type: string }) => n.type)).toEqual(['EARN']);
    const holds = ok(await svc.gql(LOG, { types: ['HOLD', 'HOLD_CAPTURE'] }, token)).loyaltyMe.activity;
    expect(holds.totalCount).toBe(2);
    const future = ok(await svc.gql(LOG, { from: new Date(Date.now() + 60_000).toISOString() }, token)).loyaltyMe.activity;
    expect(future.totalCount).toBe(0);
  });
});

describe('bonuses', () => {
  it('pays the registration bonus at enrolment and the birthday bonus once a year', async () => {
    await configureProgramme(svc, { registrationBonusPoints: 100, birthdayBonusPoints: 250 });
    try {
      const today = new Date();
      const birthday = `1990-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
      const m = await enrol(svc, { birthday: birthday === '1990-02-29' ? '1992-02-29' : birthday });
      expect((await wallet(svc, m)).available).toBe(100);
      const [a, b] = await Promise.all([runMaintenance(svc.orm.em), runMaintenance(svc.orm.em)]);
      expect(a.birthdayBonuses + b.birthdayBonuses).toBeGreaterThanOrEqual(1);
      await runMaintenance(svc.orm.em);
      expect((await wallet(svc, m)).available).toBe(350);
      const bonuses = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { activity(types: [BONUS]) { nodes { points reason } } } }`, { id: m })).loyaltyMember.activity.nodes;
      expect(bonuses.map((x: { reason: string }) => x.reason).sort()).toEqual([`birthday bonus ${today.getUTCFullYear()}`, 'welcome bonus']);
    } finally {
      await configureProgramme(svc, { registrationBonusPoints: 0, birthdayBonusPoints: 0 });
    }
    await expectBooksBalanced(svc);
  });
});
