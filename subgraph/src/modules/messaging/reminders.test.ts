import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { enrol } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';
import type { MessageSender, OutboundMessage } from './senders';

let svc: TestService;
const sql = (q: string, params: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, params);

beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.stop());

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newCode = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const display = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

/** A coupon as the coupon module would issue it (its mutations are not ready; SQL stands in). */
async function addCoupon(memberId: string | null, expiresInHours: number, over: { status?: string; title?: string } = {}): Promise<string> {
  const code = newCode();
  await sql(
    `insert into coupon (code, kind, status, member_id, value_minor, currency_code, title, allocations, issued_at, expires_at, issued_by)
     values (?, 'CASH_VOUCHER', ?, ?, 500, 'GBP', ?, '[]', now(), now() + make_interval(hours => ?), 'test')`,
    [code, over.status ?? 'ACTIVE', memberId, over.title ?? '£5 voucher', expiresInHours],
  );
  return code;
}

async function setReminderDays(days: number) {
  const res = ok(await svc.gql(`mutation($i: UpdateLoyaltyProgrammeInput!) { updateLoyaltyProgramme(input: $i) { programme { couponReminderDays } userErrors { code message } } }`, { i: { couponReminderDays: days } }));
  expect(res.updateLoyaltyProgramme).toEqual({ programme: { couponReminderDays: days }, userErrors: [] });
}

const inboxOf = (memberId: string) => sql(`select * from inbox_message where member_id = ? order by created_at, id`, [memberId]);
const outboxOf = (memberId: string) => sql(`select * from outbox_message where member_id = ? order by channel`, [memberId]);

/** Records deliveries; a short random pause per send lets concurrent runs interleave. */
function recordingSender(): MessageSender & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    sent,
    async send(message) {
      await new Promise((r) => setTimeout(r, randomInt(5)));
      sent.push(message);
    },
  };
}

const INBOX = `query($id: ID!, $first: Int, $after: String, $unreadOnly: Boolean) {
  loyaltyMember(id: $id) { inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    nodes { id kind title body couponCode createdAt readAt read } } } }`;
const MY_INBOX = `query($unreadOnly: Boolean) { loyaltyMe { inbox(unreadOnly: $unreadOnly) { totalCount unreadCount nodes { id title read couponCode } } } }`;
const MARK = `mutation($id: ID!) { markLoyaltyInboxMessageRead(input: { id: $id }) { message { id read readAt } userErrors { code message field } } }`;

describe('coupon expiry reminders', () => {
  it('writes one inbox message and the e-mail for a coupon about to expire, rendered from the templates, once', async () => {
    await setReminderDays(7);
    const m = await enrol(svc, { firstName: 'Ada', email: `ada.${newCode().toLowerCase()}@example.com` });
    const code = await addCoupon(m, 3 * 24 - 1, { title: 'Free coffee' });
    const [{ expires_at: expiresAt }] = await sql('select expires_at from coupon where code = ?', [code]);
    const expiresOn = new Date(expiresAt).toISOString().slice(0, 10);

    const first = await runMaintenance(svc.orm.em);
    expect(first.couponReminders).toBeGreaterThanOrEqual(1);

    const inbox = await inboxOf(m);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      kind: 'coupon_expiry_reminder',
      dedupe_key: `coupon-expiry:${code}`,
      coupon_code: code,
      title: 'Free coffee expires in 3 days',
      body: `Your coupon ${display(code)} expires on ${expiresOn}.`,
      read_at: null,
    });
    const [email, ...others] = await outboxOf(m);
    expect(others).toEqual([]); // no phone: no SMS
    expect(email).toMatchObject({
      channel: 'EMAIL',
      recipient: expect.stringMatching(/^ada\..*@example\.com$/),
      subject: `Your Free coffee expires on ${expiresOn}`,
      status: 'PENDING',
      attempts: 0,
      template: 'coupon_expiry_reminder',
      dedupe_key: `coupon-expiry:${code}:EMAIL`,
    });
    expect(email.body).toBe(
      `Hello Ada,\n\nyour coupon "Free coffee" (code ${display(code)}) expires on ${expiresOn}, in 3 days. Show the code at the till or use it online before then.\n\nThank you for shopping with us.`,
    );

    await runMaintenance(svc.orm.em);
    expect(await inboxOf(m)).toHaveLength(1);
    expect(await outboxOf(m)).toHaveLength(1);
  });

  it('texts only members with a phone who opted in to SMS; e-mails whoever has an address', async () => {
    const optedIn = await enrol(svc, { phone: '+44 7700 900123', smsOptIn: true });
    const noConsent = await enrol(svc, { phone: '+447700900124', smsOptIn: false });
    const phoneOnly = await enrol(svc, { email: null, phone: '+447700900125', smsOptIn: true });
    for (const m of [optedIn, noConsent, phoneOnly]) await addCoupon(m, 24);
    await runMaintenance(svc.orm.em);
    const channels = async (m: string) => (await outboxOf(m)).map((r) => `${r.channel}:${r.recipient.startsWith('+') ? r.recipient : 'email'}`);
    expect(await channels(optedIn)).toEqual(['EMAIL:email', 'SMS:+447700900123']);
    expect(await channels(noConsent)).toEqual(['EMAIL:email']);
    expect(await channels(phoneOnly)).toEqual(['SMS:+447700900125']);
    for (const m of [optedIn, noConsent, phoneOnly]) expect(await inboxOf(m)).toHaveLength(1);
    const [sms] = (await outboxOf(optedIn)).filter((r) => r.channel === 'SMS');
    expect(sms.body).toMatch(/^Test, your coupon £5 voucher \([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\) expires on \d{4}-\d{2}-\d{2}\. Use it before then!$/);
  });

  it('reminds only ACTIVE member coupons that expire within couponReminderDays and have not expired', async () => {
    await setReminderDays(7);
    const m = await enrol(svc);
    const due = await addCoupon(m, 6 * 24);
    await addCoupon(m, 8 * 24); // outside the window
    await addCoupon(m, -1); // expired an hour ago
    await addCoupon(m, 24, { status: 'REDEEMED' });
    await addCoupon(m, 24, { status: 'VOIDED' });
    const bearer = await addCoupon(null, 24); // nobody to remind
    await runMaintenance(svc.orm.em);
    expect((await inboxOf(m)).map((r) => r.coupon_code)).toEqual([due]);
    expect(await sql('select count(*)::int as n from outbox_message where dedupe_key like ?', [`coupon-expiry:${bearer}%`])).toEqual([{ n: 0 }]);

    await setReminderDays(10); // the coupon 8 days out is now due
    await runMaintenance(svc.orm.em);
    expect(await inboxOf(m)).toHaveLength(2);
  });

  it('sends nothing with couponReminderDays 0', async () => {
    await setReminderDays(0);
    try {
      const m = await enrol(svc);
      await addCoupon(m, 1);
      const report = await runMaintenance(svc.orm.em);
      expect(report.couponReminders).toBe(0);
      expect(await inboxOf(m)).toEqual([]);
      expect(await outboxOf(m)).toEqual([]);
    } finally {
      await setReminderDays(7);
    }
  });

  it('does not remind closed members', async () => {
    const m = await enrol(svc);
    await sql(`update member set status = 'CLOSED' where id = ?`, [m]);
    await addCoupon(m, 24);
    await runMaintenance(svc.orm.em);
    expect(await inboxOf(m)).toEqual([]);
  });

  it('uses the templates as edited by an admin', async () => {
    const save = (channel: string, subject: string, body: string) =>
      svc.gql(`mutation($i: SaveLoyaltyMessageTemplateInput!) { saveLoyaltyMessageTemplate(input: $i) { userErrors { code } } }`, { i: { key: 'coupon_expiry_reminder', channel, subject, body } });
    const before = ok(await svc.gql(`{ loyaltyMessageTemplates { channel subject body } }`)).loyaltyMessageTemplates.find((t: { channel: string }) => t.channel === 'INBOX');
    expect(ok(await save('INBOX', 'Only {{daysLeft}} days left, {{firstName}}', 'Use {{couponCode}} by {{expiresOn}}')).saveLoyaltyMessageTemplate.userErrors).toEqual([]);
    try {
      const m = await enrol(svc, { firstName: 'Grace' });
      const code = await addCoupon(m, 47);
      await runMaintenance(svc.orm.em);
      const [msg] = await inboxOf(m);
      expect(msg.title).toBe('Only 2 days left, Grace');
      expect(msg.body).toMatch(new RegExp(`^Use ${display(code)} by \\d{4}-\\d{2}-\\d{2}$`));
    } finally {
      await save('INBOX', before.subject, before.body);
    }
  });

  it('writes each reminder once even when two service instances run maintenance at the same time, and delivers each message once', async () => {
    const second = await startTestService({ databaseName: svc.databaseName, keyFrom: svc });
    try {
      await setReminderDays(7);
      const members = await Promise.all(Array.from({ length: 24 }, (_, i) => enrol(svc, i % 3 === 0 ? { phone: `+4477009${String(10000 + i)}`, smsOptIn: true } : {})));
      const codes = await Promise.all(members.map((m, i) => addCoupon(m, 1 + i)));
      const sender = recordingSender();
      const reports = await Promise.all([svc, second, svc, second].map((s) => runMaintenance(s.orm.em, { sender })));

      const inbox = await sql(`select coupon_code, count(*)::int as n from inbox_message where coupon_code = any(?::text[]) group by coupon_code`, [`{${codes.join(',')}}`]);
      expect(inbox).toHaveLength(24);
      expect(inbox.every((r) => r.n === 1)).toBe(true);
      const outbox = await sql(`select dedupe_key, status from outbox_message where member_id = any(?::uuid[])`, [`{${members.join(',')}}`]);
      expect(outbox).toHaveLength(24 + 8); // an e-mail each, an SMS for every third member
      expect(outbox.every((r) => r.status === 'SENT')).toBe(true);
      expect(reports.reduce((s, r) => s + r.couponReminders, 0)).toBeGreaterThanOrEqual(24);

      const ids = new Set((await sql(`select id from outbox_message where member_id = any(?::uuid[])`, [`{${members.join(',')}}`])).map((r) => r.id));
      const mine = sender.sent.filter((m) => ids.has(m.id));
      expect(mine).toHaveLength(32);
      expect(new Set(mine.map((m) => m.id)).size).toBe(32);
    } finally {
      await second.stop();
    }
  });
});

describe('the inbox over GraphQL', () => {
  let ann: string;
  let bob: string;
  let annToken: string;
  let bobToken: string;

  beforeAll(async () => {
    await setReminderDays(7);
    ann = await enrol(svc, { firstName: 'Ann' });
    bob = await enrol(svc, { firstName: 'Bob' });
    for (let i = 0; i < 3; i++) await addCoupon(ann, 10 + i);
    await addCoupon(bob, 10);
    await runMaintenance(svc.orm.em);
    annToken = await svc.tokens.member(ann);
    bobToken = await svc.tokens.member(bob);
  });

  it('shows a member their messages, newest first, unread, with counts', async () => {
    const inbox = ok(await svc.gql(MY_INBOX, {}, annToken)).loyaltyMe.inbox;
    expect(inbox).toMatchObject({ totalCount: 3, unreadCount: 3 });
    expect(inbox.nodes.every((n: { read: boolean }) => n.read === false)).toBe(true);
    const staff = ok(await svc.gql(INBOX, { id: ann }, svc.tokens.till)).loyaltyMember.inbox;
    expect(staff.nodes.map((n: { id: string }) => n.id)).toEqual(inbox.nodes.map((n: { id: string }) => n.id));
    const times = staff.nodes.map((n: { createdAt: string }) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages with first/after', async () => {
    const all = ok(await svc.gql(INBOX, { id: ann })).loyaltyMember.inbox.nodes.map((n: { id: string }) => n.id);
    const p1 = ok(await svc.gql(INBOX, { id: ann, first: 2 })).loyaltyMember.inbox;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await svc.gql(INBOX, { id: ann, first: 2, after: p1.pageInfo.endCursor })).loyaltyMember.inbox;
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect([...p1.nodes, ...p2.nodes].map((n: { id: string }) => n.id)).toEqual(all);
    expect((await svc.gql(INBOX, { id: ann, after: 'nonsense' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('marks a message read once; the unread count and filter follow', async () => {
    const [first] = ok(await svc.gql(MY_INBOX, {}, annToken)).loyaltyMe.inbox.nodes;
    const marked = ok(await svc.gql(MARK, { id: first.id }, annToken)).markLoyaltyInboxMessageRead;
    expect(marked).toMatchObject({ message: { id: first.id, read: true, readAt: expect.any(String) }, userErrors: [] });
    const again = ok(await svc.gql(MARK, { id: first.id }, annToken)).markLoyaltyInboxMessageRead;
    expect(again.message.readAt).toBe(marked.message.readAt);

    const inbox = ok(await svc.gql(MY_INBOX, {}, annToken)).loyaltyMe.inbox;
    expect(inbox).toMatchObject({ totalCount: 3, unreadCount: 2 });
    const unread = ok(await svc.gql(MY_INBOX, { unreadOnly: true }, annToken)).loyaltyMe.inbox;
    expect(unread.totalCount).toBe(2);
    expect(unread.unreadCount).toBe(2);
    expect(unread.nodes.map((n: { id: string }) => n.id)).not.toContain(first.id);
  });

  it("keeps members out of each other's inboxes", async () => {
    const bobsInbox = ok(await svc.gql(MY_INBOX, {}, bobToken)).loyaltyMe.inbox;
    expect(bobsInbox.totalCount).toBe(1);
    const annsIds = ok(await svc.gql(MY_INBOX, {}, annToken)).loyaltyMe.inbox.nodes.map((n: { id: string }) => n.id);
    expect(bobsInbox.nodes.map((n: { id: string }) => n.id).some((id: string) => annsIds.includes(id))).toBe(false);

    // marking another member's message: the same answer as an id that does not exist, and it stays unread
    const res = ok(await svc.gql(MARK, { id: annsIds[2] }, bobToken)).markLoyaltyInboxMessageRead;
    const unknown = ok(await svc.gql(MARK, { id: '00000000-0000-4000-8000-00000000dead' }, bobToken)).markLoyaltyInboxMessageRead;
    expect(res).toEqual(unknown);
    expect(res.userErrors[0].code).toBe('INVALID_INPUT');
    expect(ok(await svc.gql(INBOX, { id: ann })).loyaltyMember.inbox.nodes[2].read).toBe(false);

    // reading another member's inbox through the federation entry point: FORBIDDEN
    const entities = ok(await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyMember { inbox { totalCount } } } }`, { r: [{ __typename: 'LoyaltyMember', id: ann }] }, bobToken));
    expect(entities._entities).toEqual([null]);
    expect((await svc.gql(INBOX, { id: ann }, bobToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an unknown or malformed id with INVALID_INPUT; admins may mark any message, tills none', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(ok(await svc.gql(MARK, { id }, annToken)).markLoyaltyInboxMessageRead).toEqual({
        message: null,
        userErrors: [{ code: 'INVALID_INPUT', message: expect.any(String), field: ['input', 'id'] }],
      });
    }
    const [msg] = ok(await svc.gql(MY_INBOX, {}, bobToken)).loyaltyMe.inbox.nodes;
    expect((await svc.gql(MARK, { id: msg.id }, svc.tokens.till)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await svc.gql(MARK, { id: msg.id }, svc.tokens.admin)).markLoyaltyInboxMessageRead.message.read).toBe(true);
    expect(ok(await svc.gql(MY_INBOX, {}, bobToken)).loyaltyMe.inbox.unreadCount).toBe(0);
  });

  it('loads the inboxes of a page of members in a fixed number of queries', async () => {
    const q = `{ loyaltyMembers(first: 20) { nodes { id inbox(first: 5) { unreadCount nodes { id } } } } }`;
    const one = await svc.countQueries(async () => ok(await svc.gql(`{ loyaltyMembers(first: 1) { nodes { id inbox(first: 5) { unreadCount nodes { id } } } } }`)));
    const many = await svc.countQueries(async () => ok(await svc.gql(q)));
    expect(many).toBe(one);
  });
});
