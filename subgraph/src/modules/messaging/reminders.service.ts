import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatCouponCode } from '../coupons/coupon-code';
import { loadSettings } from '../programme/programme.service';
import { MessageChannel, OutboxStatus } from './messaging.entities';
import { COUPON_EXPIRY_REMINDER, placeholdersIn, renderMessage, templateKind, TemplateError, type TemplateValues } from './templates';

export interface ReminderReport {
  /** Inbox messages written (one per coupon reminded). */
  reminders: number;
  /** E-mails queued in the outbox. */
  emails: number;
  /** SMS queued in the outbox. */
  sms: number;
}

const DAY_MS = 86_400_000;

/** Dedupe key of a coupon's reminder in the inbox; outbox rows append `:<channel>`. */
export function couponReminderKey(code: string): string {
  return `coupon-expiry:${code}`;
}

type Template = { subject: string; body: string };

/**
 * The reminder templates, checked before any coupon is touched: a missing template or a
 * placeholder the reminder does not supply (possible only by editing the table by hand) stops the
 * run with an error naming the template, rather than sending something half-filled.
 */
async function loadReminderTemplates(em: EntityManager): Promise<Record<MessageChannel, Template>> {
  const rows = await em.execute<{ channel: MessageChannel; subject: string; body: string }[]>(
    'select channel, subject, body from message_template where key = ?',
    [COUPON_EXPIRY_REMINDER],
  );
  const known = templateKind(COUPON_EXPIRY_REMINDER)!.placeholders;
  const out = {} as Record<MessageChannel, Template>;
  for (const channel of [MessageChannel.INBOX, MessageChannel.EMAIL, MessageChannel.SMS]) {
    const row = rows.find((r) => r.channel === channel);
    if (!row) throw new TemplateError(`The message template ${COUPON_EXPIRY_REMINDER}/${channel} is missing`);
    for (const text of [row.subject, row.body]) {
      const unknown = placeholdersIn(text).filter((n) => !known.includes(n));
      if (unknown.length) throw new TemplateError(`The message template ${COUPON_EXPIRY_REMINDER}/${channel} uses unknown placeholders: ${unknown.join(', ')}`);
    }
    out[channel] = { subject: row.subject, body: row.body };
  }
  return out;
}

interface DueCoupon {
  code: string;
  title: string;
  expires_at: Date | string;
  member_id: string;
  first_name: string;
  email: string | null;
  phone: string | null;
  sms_opt_in: boolean;
}

/**
 * Writes the expiry reminder of every ACTIVE coupon of an ACTIVE member that expires within the
 * programme's `couponReminderDays` of `now` (and has not expired yet): a message in the member's
 * inbox and, in the same transaction, outbox rows for an e-mail (when the member has an address:
 * this is a service message about something they own, not marketing, so no e-mail opt-in is
 * needed) and an SMS (only with a phone number and `smsOptIn`, since texts cost and intrude).
 *
 * Exactly once per coupon, also with several replicas running it at the same time: the inbox
 * row's unique (member, dedupe key) decides; a replica whose `INSERT ... ON CONFLICT DO NOTHING`
 * inserts nothing writes nothing else (the other replica's transaction wrote the outbox rows). A
 * concurrent insert of the same key waits for the first transaction, so it cannot slip through.
 * One transaction per coupon. Dates are UTC: `expiresOn` is the expiry's UTC calendar date,
 * `daysLeft` the whole days left, rounded up (1 on the last day).
 */
export async function queueCouponReminders(root: EntityManager, now: Date = new Date(), opts: { batchSize?: number } = {}): Promise<ReminderReport> {
  const report: ReminderReport = { reminders: 0, emails: 0, sms: 0 };
  const settings = await loadSettings(root.fork());
  const days = settings.couponReminderDays;
  if (!days || days <= 0) return report;
  const templates = await loadReminderTemplates(root.fork());
  const horizon = new Date(now.getTime() + days * DAY_MS);
  const batch = opts.batchSize ?? 500;
  const seen = new Set<string>();
  for (;;) {
    const due = await root.fork().execute<DueCoupon[]>(
      `select c.code, c.title, c.expires_at, m.id as member_id, m.first_name, m.email, m.phone, m.sms_opt_in
         from coupon c join member m on m.id = c.member_id
        where c.status = 'ACTIVE' and c.expires_at > ? and c.expires_at <= ? and m.status = 'ACTIVE'
          and not exists (select 1 from inbox_message i where i.member_id = c.member_id and i.dedupe_key = 'coupon-expiry:' || c.code)
        order by c.expires_at, c.code
        limit ?`,
      [now, horizon, batch + seen.size],
    );
    const fresh = due.filter((c) => !seen.has(c.code));
    if (fresh.length === 0) break;
    for (const coupon of fresh) {
      seen.add(coupon.code);
      const written = await writeReminder(root, templates, coupon, now);
      if (written) {
        report.reminders++;
        if (written.email) report.emails++;
        if (written.sms) report.sms++;
      }
    }
  }
  return report;
}

async function writeReminder(root: EntityManager, templates: Record<MessageChannel, Template>, coupon: DueCoupon, now: Date): Promise<{ email: boolean; sms: boolean } | null> {
  const expiresAt = new Date(coupon.expires_at);
  const values: TemplateValues = {
    firstName: coupon.first_name,
    couponTitle: coupon.title,
    couponCode: coupon.code.length === 12 ? formatCouponCode(coupon.code) : coupon.code,
    expiresOn: expiresAt.toISOString().slice(0, 10),
    daysLeft: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS)),
  };
  // Rendered before the transaction: a template error stops the run and writes nothing.
  const inbox = renderMessage(templates[MessageChannel.INBOX], values);
  const email = coupon.email ? renderMessage(templates[MessageChannel.EMAIL], values) : null;
  const sms = coupon.phone && coupon.sms_opt_in ? renderMessage(templates[MessageChannel.SMS], values) : null;
  const key = couponReminderKey(coupon.code);

  return root.fork().transactional(async (em) => {
    const inserted = await em.execute<{ id: string }[]>(
      `insert into inbox_message (id, member_id, kind, dedupe_key, title, body, coupon_code, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (member_id, dedupe_key) do nothing
       returning id`,
      [randomUUID(), coupon.member_id, COUPON_EXPIRY_REMINDER, key, inbox.subject, inbox.body, coupon.code, now],
    );
    if (inserted.length === 0) return null; // another replica reminded this coupon
    const queue = async (channel: MessageChannel, recipient: string, message: { subject: string; body: string }) => {
      const rows = await em.execute<{ id: string }[]>(
        `insert into outbox_message (id, dedupe_key, member_id, channel, recipient, subject, body, template, status, attempts, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
         on conflict (dedupe_key) do nothing
         returning id`,
        [randomUUID(), `${key}:${channel}`, coupon.member_id, channel, recipient, message.subject, message.body, COUPON_EXPIRY_REMINDER, OutboxStatus.PENDING, now],
      );
      return rows.length > 0;
    };
    return {
      email: email ? await queue(MessageChannel.EMAIL, coupon.email!, email) : false,
      sms: sms ? await queue(MessageChannel.SMS, coupon.phone!, sms) : false,
    };
  });
}
