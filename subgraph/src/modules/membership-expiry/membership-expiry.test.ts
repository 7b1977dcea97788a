import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, EARN, earn, enrol, expectBooksBalanced, HOLD, CAPTURE, sale } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';
import { expireDueMemberships } from './membership-expiry.service';
import { queueMembershipReminders } from './membership-expiry.reminders';

let svc: TestService;
/** A second instance on the same database with the one-statement functions off: the general path only. */
let general: TestService;
const sql = <T = any>(q: string, params: unknown[] = []): Promise<T[]> => svc.orm.em.fork().getConnection().execute(q, params);
const DAY = 86_400_000;

beforeAll(async () => {
  svc = await startTestService();
  general = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_LEDGER_ONE_STATEMENT: 'off' } });
  await configureProgramme(svc, { membershipInactivityMonths: 12, membershipReminderDays: 14 });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
});
afterAll(async () => {
  await general?.stop();
  await svc?.stop();
});

const MEMBER = `query($id: ID!) { loyaltyMember(id: $id) {
  id status lastActivityAt membershipEndsAt membershipExpiresAt membershipExpiredAt
  wallet { available }
  activity(types: [EARN, MEMBERSHIP_END_DATE_SET, MEMBERSHIP_EXPIRED, MEMBERSHIP_REACTIVATED]) { nodes { type points reason } } } }`;
const member = async (id: string) => ok(await svc.gql(MEMBER, { id })).loyaltyMember;
const SET_EXPIRY = `mutation($i: SetLoyaltyMembershipExpiryInput!) { setLoyaltyMembershipExpiry(input: $i) { member { id status membershipEndsAt membershipExpiresAt } userErrors { code message field } } }`;
const REACTIVATE = `mutation($i: ReactivateLoyaltyMemberInput!) { reactivateLoyaltyMember(input: $i) { member { id status lastActivityAt membershipExpiresAt } userErrors { code message field } } }`;
const CONVERT = `mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { coupon { code } userErrors { code } } }`;
const REDEEM_COUPON = `mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { coupon { code status } userErrors { code message field } } }`;

/** Makes the member's last activity `days` days old (as if nothing had happened since). */
const lastActiveDaysAgo = (memberId: string, days: number) => sql(`update wallet set last_activity_at = now() - make_interval(days => ?) where member_id = ?`, [days, memberId]);

async function expireNow(memberId: string) {
  const res = ok(await svc.gql(SET_EXPIRY, { i: { memberId, expiresAt: new Date(Date.now() - 1000).toISOString(), reason: 'test: closed by request' } })).setLoyaltyMembershipExpiry;
  expect(res.userErrors).toEqual([]);
  expect(res.member.status).toBe('EXPIRED');
}

const earnInput = (memberId: string) => ({ idempotencyKey: randomUUID(), memberId, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 1000 }]) });

describe('membership expiry by inactivity', () => {
  it('expires a member with no activity for the programme\'s months, and activity on either ledger path pushes the date back', async () => {
    const [idle, earner, holder, generalEarner] = await Promise.all([enrol(svc), enrol(svc), enrol(svc), enrol(svc)]);
    await earn(svc, holder, 5_000);
    for (const m of [idle, earner, holder, generalEarner]) await lastActiveDaysAgo(m, 340);
    // activity: an earn (one statement), a hold and its capture (one statement), an earn on the general path
    await earn(svc, earner, 1_000);
    const h = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: holder, points: 10, saleId: `S-${randomUUID()}` } }, svc.tokens.till)).holdPoints;
    expect(h.userErrors).toEqual([]);
    expect(ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till)).capturePointsHold.userErrors).toEqual([]);
    expect(ok(await general.gql(EARN, { input: earnInput(generalEarner) }, general.tokens.till)).earnPoints.userErrors).toEqual([]);

    const before = await member(idle);
    expect(before.status).toBe('ACTIVE');
    const expected = new Date(before.lastActivityAt);
    expected.setUTCMonth(expected.getUTCMonth() + 12);
    expect(Math.abs(new Date(before.membershipExpiresAt).getTime() - expected.getTime())).toBeLessThan(3 * DAY);
    for (const m of [earner, holder, generalEarner]) {
      expect(Date.now() - new Date((await member(m)).lastActivityAt).getTime()).toBeLessThan(60_000);
    }

    // 40 days on, the idle member is past 12 months; the others were active a moment ago
    const report = await runMaintenance(svc.orm.em, { now: new Date(Date.now() + 40 * DAY) });
    expect(report.membershipsExpired).toBeGreaterThanOrEqual(1);
    const expired = await member(idle);
    expect(expired).toMatchObject({ status: 'EXPIRED', lastActivityAt: null, membershipExpiresAt: null, membershipExpiredAt: expect.any(String) });
    expect(expired.activity.nodes[0]).toEqual({ type: 'MEMBERSHIP_EXPIRED', points: 0, reason: expect.stringMatching(/^no activity since \d{4}-\d{2}-\d{2} \(12 months\)$/) });
    for (const m of [earner, holder, generalEarner]) expect((await member(m)).status).toBe('ACTIVE');
    await expectBooksBalanced(svc);
  });
});

describe('membership expiry on a date set by an admin', () => {
  it('sets the end date with a reason, expires the member at it (not before), and removing it is logged too', async () => {
    const m = await enrol(svc);
    const endsAt = new Date(Date.now() + 2 * DAY).toISOString();
    const set = ok(await svc.gql(SET_EXPIRY, { i: { memberId: m, expiresAt: endsAt, reason: 'fixed-term trial' } })).setLoyaltyMembershipExpiry;
    expect(set).toEqual({ member: { id: m, status: 'ACTIVE', membershipEndsAt: endsAt, membershipExpiresAt: endsAt }, userErrors: [] });
    // the same again changes nothing (one entry)
    expect(ok(await svc.gql(SET_EXPIRY, { i: { memberId: m, expiresAt: endsAt, reason: 'fixed-term trial' } })).setLoyaltyMembershipExpiry.userErrors).toEqual([]);

    await runMaintenance(svc.orm.em, { now: new Date(Date.now() + 1 * DAY) });
    expect((await member(m)).status).toBe('ACTIVE');
    await runMaintenance(svc.orm.em, { now: new Date(Date.now() + 3 * DAY) });
    const after = await member(m);
    expect(after.status).toBe('EXPIRED');
    expect(after.activity.nodes.map((n: { type: string; reason: string }) => [n.type, n.reason])).toEqual([
      ['MEMBERSHIP_EXPIRED', `membership end date ${endsAt} reached`],
      ['MEMBERSHIP_END_DATE_SET', `end date set to ${endsAt}: fixed-term trial`],
    ]);

    const other = await enrol(svc);
    ok(await svc.gql(SET_EXPIRY, { i: { memberId: other, expiresAt: endsAt, reason: 'trial' } }));
    const removed = ok(await svc.gql(SET_EXPIRY, { i: { memberId: other, expiresAt: null, reason: 'trial turned into a membership' } })).setLoyaltyMembershipExpiry;
    expect(removed.member).toMatchObject({ membershipEndsAt: null, membershipExpiresAt: expect.any(String) });
    expect((await member(other)).activity.nodes[0]).toMatchObject({ type: 'MEMBERSHIP_END_DATE_SET', reason: 'end date removed: trial turned into a membership' });
  });

  it('refuses bad input and non-admins', async () => {
    const m = await enrol(svc);
    const missing = ok(await svc.gql(SET_EXPIRY, { i: { memberId: randomUUID(), expiresAt: null, reason: 'x' } })).setLoyaltyMembershipExpiry;
    expect(missing.userErrors).toEqual([{ code: 'MEMBER_NOT_FOUND', message: expect.any(String), field: ['input', 'memberId'] }]);
    const noReason = ok(await svc.gql(SET_EXPIRY, { i: { memberId: m, expiresAt: null, reason: ' ' } })).setLoyaltyMembershipExpiry;
    expect(noReason.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'reason']]);
    const till = await svc.gql(SET_EXPIRY, { i: { memberId: m, expiresAt: null, reason: 'x' } }, svc.tokens.till);
    expect(till.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an expired member', () => {
  it('keeps history and can be found, but cannot earn, hold, redeem or buy coupons on either path until reactivated', async () => {
    const card = `0420${String(Date.now()).slice(-8)}7`;
    const m = await enrol(svc, { cardNumber: card, lastName: 'Expiredsson' });
    await earn(svc, m, 20_000);
    const coupon = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 50 } }, svc.tokens.till)).convertPointsToCoupon;
    expect(coupon.userErrors).toEqual([]);
    await expireNow(m);

    const refusal = { code: 'MEMBER_NOT_ACTIVE', message: expect.stringMatching(/expired.*reactivat/), field: ['input', 'memberId'] };
    for (const s of [svc, general]) {
      const earned = ok(await s.gql(EARN, { input: earnInput(m) }, s.tokens.till)).earnPoints;
      expect(earned.userErrors).toEqual([refusal]);
      const held = ok(await s.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 10, saleId: `S-${randomUUID()}` } }, s.tokens.till)).holdPoints;
      expect(held.userErrors).toEqual([refusal]);
      const converted = ok(await s.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 50 } }, s.tokens.till)).convertPointsToCoupon;
      expect(converted.userErrors).toEqual([{ code: 'MEMBER_NOT_ACTIVE' }]);
    }
    const redeemed = ok(await svc.gql(REDEEM_COUPON, { i: { idempotencyKey: randomUUID(), code: coupon.coupon.code, saleId: `S-${randomUUID()}`, memberId: m } }, svc.tokens.till)).redeemLoyaltyCoupon;
    expect(redeemed).toEqual({ coupon: null, userErrors: [{ ...refusal, field: ['input', 'code'] }] });
    expect((await sql(`select status from coupon where code = ?`, [coupon.coupon.code]))[0].status).toBe('ACTIVE');

    // found and looked up, with its points and history
    const byCard = ok(await svc.gql(`query($c: String!) { loyaltyMemberByCard(cardNumber: $c) { id status wallet { available } } }`, { c: card }, svc.tokens.till)).loyaltyMemberByCard;
    expect(byCard).toEqual({ id: m, status: 'EXPIRED', wallet: { available: 150 } });
    const search = ok(await svc.gql(`{ loyaltyMembers(search: "expiredsson") { nodes { id status } } }`)).loyaltyMembers.nodes;
    expect(search).toContainEqual({ id: m, status: 'EXPIRED' });
    expect((await member(m)).activity.nodes.map((n: { type: string }) => n.type)).toEqual(['MEMBERSHIP_EXPIRED', 'MEMBERSHIP_END_DATE_SET', 'EARN']);

    // an admin brings them back, once
    const back = ok(await svc.gql(REACTIVATE, { i: { memberId: m, reason: 'customer asked' } })).reactivateLoyaltyMember;
    expect(back).toMatchObject({ member: { id: m, status: 'ACTIVE', lastActivityAt: expect.any(String), membershipExpiresAt: expect.any(String) }, userErrors: [] });
    expect(Date.now() - new Date(back.member.lastActivityAt).getTime()).toBeLessThan(60_000);
    const again = ok(await svc.gql(REACTIVATE, { i: { memberId: m, reason: 'customer asked' } })).reactivateLoyaltyMember;
    expect(again).toMatchObject({ member: { status: 'ACTIVE' }, userErrors: [] });
    const log = (await member(m)).activity.nodes;
    expect(log.filter((n: { type: string }) => n.type === 'MEMBERSHIP_REACTIVATED')).toEqual([{ type: 'MEMBERSHIP_REACTIVATED', points: 0, reason: 'reactivated: customer asked' }]);
    expect((await member(m)).membershipEndsAt).toBeNull(); // the end date that expired them is gone
    expect(ok(await svc.gql(EARN, { input: earnInput(m) }, svc.tokens.till)).earnPoints.userErrors).toEqual([]);
    expect(ok(await svc.gql(REDEEM_COUPON, { i: { idempotencyKey: randomUUID(), code: coupon.coupon.code, saleId: `S-${randomUUID()}`, memberId: m } }, svc.tokens.till)).redeemLoyaltyCoupon.userErrors).toEqual([]);
    await expectBooksBalanced(svc);
  });

  it('is the only kind of membership reactivated: a suspended one is refused', async () => {
    const m = await enrol(svc);
    await sql(`update member set status = 'SUSPENDED' where id = ?`, [m]);
    const res = ok(await svc.gql(REACTIVATE, { i: { memberId: m } })).reactivateLoyaltyMember;
    expect(res.userErrors).toEqual([{ code: 'MEMBER_NOT_ACTIVE', message: expect.stringMatching(/suspended/), field: ['input', 'memberId'] }]);
    await sql(`update member set status = 'ACTIVE' where id = ?`, [m]);
  });
});

describe('membership expiry reminders', () => {
  const inbox = (m: string) => sql(`select kind, dedupe_key, title, body from inbox_message where member_id = ? order by created_at`, [m]);
  const outbox = (m: string) => sql(`select channel, template, subject, dedupe_key from outbox_message where member_id = ? order by channel`, [m]);

  it('writes one reminder (inbox, e-mail, SMS with consent) before the expiry date, once per date', async () => {
    const byDate = await enrol(svc, { phone: '+447700900321', smsOptIn: true });
    const endsAt = new Date(Date.now() + 10 * DAY);
    ok(await svc.gql(SET_EXPIRY, { i: { memberId: byDate, expiresAt: endsAt.toISOString(), reason: 'fixed term' } }));
    const byInactivity = await enrol(svc);
    await lastActiveDaysAgo(byInactivity, 360);
    const notYet = await enrol(svc);
    await lastActiveDaysAgo(notYet, 300);

    await runMaintenance(svc.orm.em);
    const day = endsAt.toISOString().slice(0, 10);
    expect(await inbox(byDate)).toEqual([{ kind: 'membership_expiry_reminder', dedupe_key: `membership-expiry:${byDate}:${day}`, title: 'Your membership expires in 10 days', body: `Your membership expires on ${day}. Any purchase or use of your points before then keeps it.` }]);
    expect(await outbox(byDate)).toEqual([
      { channel: 'EMAIL', template: 'membership_expiry_reminder', subject: `Your membership expires on ${day}`, dedupe_key: `membership-expiry:${byDate}:${day}:EMAIL` },
      { channel: 'SMS', template: 'membership_expiry_reminder', subject: `Membership expires ${day}`, dedupe_key: `membership-expiry:${byDate}:${day}:SMS` },
    ]);
    expect(await inbox(byInactivity)).toHaveLength(1);
    expect((await inbox(byInactivity))[0].title).toMatch(/^Your membership expires in [4-6] days$/);
    expect(await inbox(notYet)).toEqual([]);

    // again, and on a second replica at the same time: nothing new
    const [a, b] = await Promise.all([queueMembershipReminders(svc.orm.em), queueMembershipReminders(general.orm.em)]);
    expect(a.reminders + b.reminders).toBe(0);
    expect(await inbox(byDate)).toHaveLength(1);
    expect(await outbox(byDate)).toHaveLength(2);
  });
});

describe('maintenance with nothing due', () => {
  it('expires nothing, reminds nobody, and reads only the candidates (two statements for expiry)', async () => {
    await runMaintenance(svc.orm.em); // whatever earlier tests left due
    const m = await enrol(svc);
    const statuses = async () => (await sql<{ status: string }>(`select status from member order by id`)).map((r) => r.status);
    const before = await statuses();
    const report = await runMaintenance(svc.orm.em);
    expect(report).toMatchObject({ membershipsExpired: 0, membershipExpiryReminders: 0 });
    expect(await statuses()).toEqual(before);
    expect((await member(m)).status).toBe('ACTIVE');
    // the settings, then one read of the due candidates (both partial indexes): no member is locked
    expect(await svc.countQueries(() => expireDueMemberships(svc.orm.em, new Date()))).toBe(2);
  });

  it('reads the candidates from the partial indexes, not the whole tables', async () => {
    const plan = async (q: string, params: unknown[]) => {
      return svc.orm.em.fork().transactional(async (em) => {
        await em.execute('set local enable_seqscan = off');
        const rows = await em.execute<{ 'QUERY PLAN': string }[]>(`explain ${q}`, params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    };
    expect(await plan(`select m.id from member m where m.status = 'ACTIVE' and m.membership_ends_at is not null and m.membership_ends_at <= ?`, [new Date()])).toMatch(/member_membership_ends_index/);
    expect(await plan(`select w.member_id from wallet w where w.last_activity_at is not null and w.last_activity_at <= ?`, [new Date()])).toMatch(/wallet_last_activity_index/);
  });
});
