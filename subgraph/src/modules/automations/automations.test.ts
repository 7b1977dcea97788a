import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, earn, enrol, expectBooksBalanced, RETURN, wallet } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';

const SAVE = `mutation($i: SaveLoyaltyAutomationInput!) { saveLoyaltyAutomation(input: $i) { automation { id code status activatedAt } userErrors { code message field } } }`;
const TEMPLATE = `mutation($i: SaveLoyaltyMessageTemplateInput!) { saveLoyaltyMessageTemplate(input: $i) { template { key channel html } userErrors { code message field } } }`;
const RUNS = `query($c: String, $m: ID) { loyaltyAutomationRuns(automationCode: $c, memberId: $m, first: 200) { automationCode memberId occurrenceKey status detail } }`;
const EVENT = `mutation($i: RecordLoyaltyEventInput!) { recordLoyaltyEvent(input: $i) { event { id type memberId } duplicate userErrors { code message field } } }`;

let svc: TestService;
let replica: TestService;
const m: Record<string, string> = {};
const sql = (q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p);
const today = new Date();
// born today (UTC) in a leap year, so 29 February works too
const birthday = `1992-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;

async function save(input: Record<string, unknown>) {
  const res = ok(await svc.gql(SAVE, { i: { status: 'ACTIVE', ...input } })).saveLoyaltyAutomation;
  expect(res.userErrors).toEqual([]);
  return res.automation;
}

async function template(key: string, channel: string, subject: string, body: string, html?: string) {
  const res = ok(await svc.gql(TEMPLATE, { i: { key, channel, subject, body, html } })).saveLoyaltyMessageTemplate;
  expect(res.userErrors).toEqual([]);
}

async function runs(code: string) {
  return ok(await svc.gql(RUNS, { c: code })).loyaltyAutomationRuns as { memberId: string; occurrenceKey: string; status: string; detail: { actions: Record<string, unknown>[]; error?: string } }[];
}

/** Two replicas' maintenance at once, then each again: what is due runs exactly once. */
async function maintainTwiceOnTwoReplicas() {
  await Promise.all([runMaintenance(svc.orm.em), runMaintenance(replica.orm.em)]);
  await Promise.all([runMaintenance(replica.orm.em), runMaintenance(svc.orm.em)]);
}

beforeAll(async () => {
  const env = { LOYALTY_PROGRAMME_CACHE_SECONDS: '0' };
  svc = await startTestService({ env });
  replica = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env });
  // points expire after one month, so POINTS_EXPIRING (40 days) sees them; one marketing message a week
  await configureProgramme(svc, { expiryUnit: 'MONTHS', expiryCount: 1, marketingMessagesPerWeek: 1 });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await svc.gql(`mutation { saveLoyaltyTier(input: { code: "BASE", name: "Base", rank: 0, qualificationThreshold: 0 }) { userErrors { message } } }`);
  await svc.gql(`mutation { saveLoyaltyTier(input: { code: "GOLD", name: "Gold", rank: 1, qualificationThreshold: 100 }) { userErrors { message } } }`);
  m.before = await enrol(svc, { birthday }); // enrolled before any automation: ENROLLED never fires for them

  await template('custom.welcome', 'INBOX', 'Welcome {{firstName}}', 'You have {{awardedPoints}} points to start with.');
  await template('custom.birthday', 'INBOX', 'Happy birthday {{firstName}}', 'Here is {{couponTitle}}: {{couponCode}}');
  await template('custom.birthday', 'EMAIL', 'Happy birthday {{firstName}}', 'Your code: {{couponCode}}', '<p>Happy birthday <b>{{firstName}}</b>! Code {{couponCode}}</p>');
  await template('custom.birthday', 'SMS', 'Birthday', 'Happy birthday! Code {{couponCode}}');
  await template('custom.winback', 'INBOX', 'We miss you, {{firstName}}', '{{daysInactive}} days without you: {{couponTitle}}');
  await template('custom.expiring', 'INBOX', '{{points}} points expire on {{expiresOn}}', 'Use them within {{daysLeft}} days.');

  await save({ code: 'WELCOME', name: 'Welcome', trigger: { kind: 'ENROLLED' }, actions: [{ kind: 'AWARD_POINTS', points: 10 }, { kind: 'SEND_MESSAGE', templateKey: 'custom.welcome', purpose: 'SERVICE' }] });
  await save({ code: 'GOLD-TAG', name: 'Welcome to Gold', trigger: { kind: 'LEVEL_CHANGED', tierCodes: ['GOLD'] }, actions: [{ kind: 'ADD_TAG', tag: 'gold-welcomed' }] });
  await save({ code: 'BIRTHDAY', name: 'Birthday voucher', trigger: { kind: 'BIRTHDAY' }, actions: [
    { kind: 'ISSUE_COUPON', coupon: { kind: 'CASH_VOUCHER', value: { amount: 500, currencyCode: 'GBP' }, title: 'A 5.00 GBP birthday voucher', validDays: 30 } },
    { kind: 'SEND_MESSAGE', templateKey: 'custom.birthday', purpose: 'MARKETING' },
  ] });
  await save({ code: 'EXPIRING', name: 'Points expiring', trigger: { kind: 'POINTS_EXPIRING', days: 40 }, actions: [{ kind: 'SEND_MESSAGE', templateKey: 'custom.expiring', purpose: 'SERVICE' }] });
  await save({ code: 'COUPON-SOON', name: 'Coupon expiring', trigger: { kind: 'COUPON_EXPIRING', days: 31 }, actions: [{ kind: 'SET_ATTRIBUTE', name: 'couponReminded', value: 'yes' }] });
  await save({ code: 'WINBACK', name: 'Win back', trigger: { kind: 'INACTIVE', days: 90 }, actions: [
    { kind: 'ISSUE_COUPON', coupon: { kind: 'PERCENT_COUPON', percent: 15, title: '15% off your next visit' } },
    { kind: 'SEND_MESSAGE', templateKey: 'custom.winback' },
  ] });
  await save({ code: 'SHOES', name: 'Shoe buyers', trigger: { kind: 'PURCHASE', criteria: { categoryIds: ['SHOES'], minSpend: { amount: 5_000, currencyCode: 'GBP' } } }, actions: [{ kind: 'AWARD_POINTS', points: 7 }] });
  await save({ code: 'RETURNS', name: 'Returners', trigger: { kind: 'RETURN' }, actions: [{ kind: 'ADD_TAG', tag: 'returner' }] });
  await save({ code: 'REVIEW', name: 'Review bonus', trigger: { kind: 'CUSTOM_EVENT', eventType: 'review.posted' }, actions: [{ kind: 'AWARD_POINTS', points: 20 }] });

  m.optedIn = await enrol(svc, { birthday, emailOptIn: true });
  m.optedOut = await enrol(svc, { birthday, emailOptIn: false, smsOptIn: false, phone: '+447700900111' });
  m.buyer = await enrol(svc);
  m.lapsed = await enrol(svc, { emailOptIn: true });
  // the buyer: a shoe sale of 60.00 (PURCHASE, and Gold at 100 tier points with the next), a small one, a return
  const shoes = randomUUID();
  const res = ok(await svc.gql(`mutation($input: EarnPointsInput!) { earnPoints(input: $input) { userErrors { message } } }`, { input: {
    idempotencyKey: randomUUID(), memberId: m.buyer, sale: { id: shoes, channel: 'store', currencyCode: 'GBP', lines: [{ productId: 'TRAINER', categoryId: 'SHOES', quantity: 1, unitPrice: 6_000 }] },
  } }, svc.tokens.till));
  expect(res.earnPoints.userErrors).toEqual([]);
  await earn(svc, m.buyer, 4_500);
  const back = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: shoes, channel: 'store', lines: [{ productId: 'TRAINER', quantity: 1 }] } }));
  expect(back.returnLoyaltySale.userErrors).toEqual([]);
  // a second pair, kept: PURCHASE rewards this sale only (the first came back before the scan)
  const kept = ok(await svc.gql(`mutation($input: EarnPointsInput!) { earnPoints(input: $input) { userErrors { message } } }`, { input: {
    idempotencyKey: randomUUID(), memberId: m.buyer, sale: { id: randomUUID(), channel: 'store', currencyCode: 'GBP', lines: [{ productId: 'BOOT', categoryId: 'SHOES', quantity: 1, unitPrice: 7_000 }] },
  } }, svc.tokens.till));
  expect(kept.earnPoints.userErrors).toEqual([]);
  // the lapsed member has done nothing for 120 days
  await sql(`update wallet set last_activity_at = now() - interval '120 days' where member_id = ?`, [m.lapsed]);
}, 120_000);
afterAll(async () => {
  await replica?.stop();
  await svc?.stop();
});

describe('automations', () => {
  it('refuses templates and actions that cannot work', async () => {
    const res = ok(await svc.gql(SAVE, { i: { code: 'BAD', name: 'Bad', trigger: { kind: 'INACTIVE' }, actions: [
      { kind: 'SEND_MESSAGE', templateKey: 'custom.birthday' }, { kind: 'ADD_TAG', tag: 'Not A Tag!' }, { kind: 'SEND_MESSAGE', templateKey: 'welcome' },
    ] } })).saveLoyaltyAutomation;
    expect(res.userErrors.map((e: { field: string[] }) => e.field.slice(1).join('.'))).toEqual(['trigger.days', 'actions.0.templateKey', 'actions.1.tag', 'actions.2.templateKey']);
    // custom.birthday uses {{couponCode}}: only an ISSUE_COUPON before it supplies that
    expect(res.userErrors[1].message).toContain('{{couponCode}}');
    const tpl = ok(await svc.gql(TEMPLATE, { i: { key: 'custom.x', channel: 'SMS', subject: 's', body: 'b', html: '<p>x</p>' } })).saveLoyaltyMessageTemplate;
    expect(tpl.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'html']]);
  });

  it('records an event once per poster and event id', async () => {
    const first = ok(await svc.gql(EVENT, { i: { eventId: 'rev-1', type: 'review.posted', memberId: m.buyer, attributes: { stars: 5 } } }, svc.tokens.service)).recordLoyaltyEvent;
    expect(first).toMatchObject({ duplicate: false, userErrors: [], event: { type: 'review.posted', memberId: m.buyer } });
    const again = ok(await replica.gql(EVENT, { i: { eventId: 'rev-1', type: 'review.posted', memberId: m.buyer } }, replica.tokens.service)).recordLoyaltyEvent;
    expect(again).toMatchObject({ duplicate: true, event: { id: first.event.id } });
    const other = ok(await svc.gql(EVENT, { i: { eventId: 'rev-2', type: 'review.posted', memberId: m.optedIn } }, svc.tokens.service)).recordLoyaltyEvent;
    expect(other.userErrors).toEqual([]);
    const unknown = ok(await svc.gql(EVENT, { i: { eventId: 'rev-3', type: 'review.posted', customerId: 'nobody' } }, svc.tokens.service)).recordLoyaltyEvent;
    expect(unknown.userErrors[0].code).toBe('MEMBER_NOT_FOUND');
    const member = await svc.gql(EVENT, { i: { eventId: 'rev-4', type: 'x', memberId: m.buyer } }, await svc.tokens.member(m.buyer));
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('fires every trigger once per occurrence with two replicas and two maintenance runs', async () => {
    const before = await wallet(svc, m.buyer);
    await maintainTwiceOnTwoReplicas();
    const byMember = async (code: string) => (await runs(code)).map((r) => Object.entries(m).find(([, id]) => id === r.memberId)?.[0]).sort();

    expect(await byMember('WELCOME')).toEqual(['buyer', 'lapsed', 'optedIn', 'optedOut']);
    expect(await byMember('GOLD-TAG')).toEqual(['buyer']);
    expect(await byMember('BIRTHDAY')).toEqual(['before', 'optedIn', 'optedOut']);
    expect(await byMember('SHOES')).toEqual(['buyer']);
    expect((await runs('SHOES'))[0]!.occurrenceKey).toMatch(/^sale:/);
    expect(await byMember('RETURNS')).toEqual(['buyer']);
    expect(await byMember('REVIEW')).toEqual(['buyer', 'optedIn']);
    expect(await byMember('WINBACK')).toEqual(['lapsed']);
    // everyone who earned (or was welcomed) holds points that expire within 40 days
    expect((await byMember('EXPIRING')).length).toBeGreaterThanOrEqual(4);
    // every birthday voucher expires in 30 days: COUPON-SOON tags their owners once each
    expect(await byMember('COUPON-SOON')).toEqual(['before', 'optedIn', 'optedOut']);
    for (const code of ['WELCOME', 'GOLD-TAG', 'BIRTHDAY', 'SHOES', 'RETURNS', 'REVIEW', 'WINBACK', 'EXPIRING', 'COUPON-SOON']) {
      expect((await runs(code)).every((r) => r.status === 'DONE')).toBe(true);
    }

    // the effects happened once: 10 welcome + 7 shoes + 20 review on top of what the buyer had
    expect((await wallet(svc, m.buyer)).available).toBe(before.available + 10 + 7 + 20);
    const member = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { tags attributes coupons { code } } }`, { id: m.optedIn })).loyaltyMember;
    expect(member.coupons).toHaveLength(1);
    expect(member.attributes).toEqual({ couponReminded: 'yes' });
    const buyer = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { tags } }`, { id: m.buyer })).loyaltyMember;
    expect(buyer.tags).toEqual(['gold-welcomed', 'returner']);
    const [{ n }] = await sql(`select count(*)::int as n from coupon where issued_by = 'automation:BIRTHDAY'`);
    expect(n).toBe(3);
    await expectBooksBalanced(svc);
  });

  it('sends marketing only to members who opted in, within the weekly cap; service messages need no opt-in', async () => {
    const inbox = async (id: string) => (await sql(`select kind, title, marketing from inbox_message where member_id = ? order by created_at, kind`, [id])) as { kind: string; title: string; marketing: boolean }[];
    const outbox = async (id: string) => (await sql(`select channel, html from outbox_message where member_id = ? and template like 'custom.%'`, [id])) as { channel: string; html: string | null }[];
    // opted in to e-mail: the birthday message in the inbox and by e-mail, with its HTML, escaped values
    expect((await inbox(m.optedIn)).map((r) => [r.kind, r.marketing])).toEqual(expect.arrayContaining([['custom.welcome', false], ['custom.birthday', true]]));
    const mail = await outbox(m.optedIn);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.html).toMatch(/^<p>Happy birthday <b>Test<\/b>! Code [0-9A-Z]{12}<\/p>$/);
    // opted out of both: service messages (welcome, points expiring) in the inbox, no birthday message anywhere
    expect((await inbox(m.optedOut)).map((r) => [r.kind, r.marketing]).sort()).toEqual([['custom.expiring', false], ['custom.welcome', false]]);
    expect(await outbox(m.optedOut)).toEqual([]);
    const run = (await runs('BIRTHDAY')).find((r) => r.memberId === m.optedOut)!;
    expect(run.detail.actions[1]).toMatchObject({ kind: 'SEND_MESSAGE', skipped: 'NO_MARKETING_CONSENT', inbox: false, email: false, sms: false });
    // the lapsed member's win-back is marketing: sent (e-mail opt-in), and it is their one for the week
    expect((await inbox(m.lapsed)).filter((r) => r.marketing).map((r) => r.kind)).toEqual(['custom.winback']);
    expect((await inbox(m.lapsed)).find((r) => r.kind === 'custom.winback')!.title).toBe('We miss you, Test');
    // a second marketing message this week is held back by the cap
    await sql(`update wallet set last_activity_at = now() - interval '100 days' where member_id = ?`, [m.lapsed]);
    await maintainTwiceOnTwoReplicas();
    const second = (await runs('WINBACK')).filter((r) => r.memberId === m.lapsed);
    expect(second).toHaveLength(2);
    expect(second[0]!.detail.actions[1]).toMatchObject({ skipped: 'WEEKLY_CAP_REACHED' });
    expect((await inbox(m.lapsed)).filter((r) => r.marketing)).toHaveLength(1);
  });

  it('acts only on what happens while it is active', async () => {
    await svc.gql(`mutation { setLoyaltyAutomationStatus(input: { code: "REVIEW", status: PAUSED }) { userErrors { message } } }`);
    ok(await svc.gql(EVENT, { i: { eventId: 'rev-9', type: 'review.posted', memberId: m.lapsed } }, svc.tokens.service));
    await maintainTwiceOnTwoReplicas();
    await svc.gql(`mutation { setLoyaltyAutomationStatus(input: { code: "REVIEW", status: ACTIVE }) { userErrors { message } } }`);
    await maintainTwiceOnTwoReplicas();
    expect((await runs('REVIEW')).map((r) => r.memberId)).not.toContain(m.lapsed);
  });

  it('keeps an occurrence whose member was locked for the next run, even past the scan overlap', async () => {
    const late = await enrol(svc);
    const knex = svc.orm.em.getConnection().getKnex();
    await knex.transaction(async (trx) => {
      await trx.raw('select 1 from wallet where member_id = ? for update', [late]);
      // a run 40 minutes after the enrolment skips the locked member
      await runMaintenance(replica.orm.em, { now: new Date(Date.now() + 40 * 60_000) });
    });
    expect((await runs('WELCOME')).filter((r) => r.memberId === late)).toHaveLength(0);
    // the next run starts its scan 30 minutes (the overlap) before the last one: it still reaches back to the enrolment
    await runMaintenance(svc.orm.em, { now: new Date(Date.now() + 45 * 60_000) });
    expect((await runs('WELCOME')).filter((r) => r.memberId === late)).toHaveLength(1);
  });

  it('fires LEVEL_CHANGED only for a real change, and sends every message of an automation', async () => {
    // a note that repeats the member's level (as a renewal writes) is not a change
    await sql(`insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after, reason, tier_id, actor, occurred_at)
               select member_id, type, 0, 0, available_after, pending_after, held_after, 'renewed', tier_id, 'test', now() from ledger_entry
                where member_id = ? and type = 'TIER_CHANGE' order by id desc limit 1`, [m.buyer]);
    await template('custom.second', 'INBOX', 'Second {{firstName}}', 'Another message');
    await save({ code: 'TWO-MESSAGES', name: 'Two messages', trigger: { kind: 'CUSTOM_EVENT', eventType: 'two' }, actions: [
      { kind: 'AWARD_POINTS', points: 1 }, { kind: 'SEND_MESSAGE', templateKey: 'custom.welcome', purpose: 'SERVICE' }, { kind: 'SEND_MESSAGE', templateKey: 'custom.second', purpose: 'SERVICE' },
    ] });
    ok(await svc.gql(EVENT, { i: { eventId: 'two-1', type: 'two', memberId: m.optedOut } }, svc.tokens.service));
    await maintainTwiceOnTwoReplicas();
    expect((await runs('GOLD-TAG')).filter((r) => r.memberId === m.buyer)).toHaveLength(1);
    const kinds = ((await sql(`select kind from inbox_message where member_id = ? order by kind`, [m.optedOut])) as { kind: string }[]).map((r) => r.kind);
    expect(kinds.filter((k: string) => k === 'custom.welcome')).toHaveLength(2);
    expect(kinds).toContain('custom.second');
  });

  it('refuses a template edit an automation could not fill, and a promotion sent as a service message', async () => {
    const edit = ok(await svc.gql(TEMPLATE, { i: { key: 'custom.welcome', channel: 'INBOX', subject: 'Welcome {{firstName}}', body: 'Your code {{couponCode}}' } })).saveLoyaltyMessageTemplate;
    // both automations that send it lack a coupon (TWO-MESSAGES, then WELCOME: by code)
    expect(edit.userErrors.map((e: { message: string }) => e.message)).toEqual([
      'The automation TWO-MESSAGES sends custom.welcome and does not supply {{couponCode}}',
      'The automation WELCOME sends custom.welcome and does not supply {{couponCode}}',
    ]);
    const promo = ok(await svc.gql(SAVE, { i: { code: 'PROMO', name: 'Promo', trigger: { kind: 'INACTIVE', days: 30 }, actions: [{ kind: 'SEND_MESSAGE', templateKey: 'custom.second', purpose: 'SERVICE' }] } })).saveLoyaltyAutomation;
    expect(promo.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.actions.0.purpose']);
  });
});

