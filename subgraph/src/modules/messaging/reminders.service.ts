import type { EntityManager } from '@mikro-orm/postgresql';
import { formatCouponCode } from '../coupons/coupon-code';
import { loadSettings } from '../programme/programme.service';
import { loadTemplates, type Templates, writeMemberMessage } from './member-messages';
import { COUPON_EXPIRY_REMINDER, type TemplateValues } from './templates';

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
  const templates = await loadTemplates(root.fork(), COUPON_EXPIRY_REMINDER);
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

async function writeReminder(root: EntityManager, templates: Templates, coupon: DueCoupon, now: Date): Promise<{ email: boolean; sms: boolean } | null> {
  const expiresAt = new Date(coupon.expires_at);
  const values: TemplateValues = {
    firstName: coupon.first_name,
    couponTitle: coupon.title,
    couponCode: coupon.code.length === 12 ? formatCouponCode(coupon.code) : coupon.code,
    expiresOn: expiresAt.toISOString().slice(0, 10),
    daysLeft: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS)),
  };
  const to = { memberId: coupon.member_id, email: coupon.email, phone: coupon.phone, smsOptIn: coupon.sms_opt_in };
  return root.fork().transactional((em) =>
    writeMemberMessage(em, templates, { kind: COUPON_EXPIRY_REMINDER, dedupeKey: couponReminderKey(coupon.code), to, values, couponCode: coupon.code }, now),
  );
}
