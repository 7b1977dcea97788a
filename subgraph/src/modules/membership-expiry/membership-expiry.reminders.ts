import type { EntityManager } from '@mikro-orm/postgresql';
import { loadSettings } from '../programme/programme.service';
import { loadTemplates, writeMemberMessage } from '../messaging/member-messages';
import type { ReminderReport } from '../messaging/reminders.service';
import { MEMBERSHIP_EXPIRY_REMINDER, type TemplateValues } from '../messaging/templates';
import { inactivityEndSql } from './membership-expiry.service';

const DAY_MS = 86_400_000;

/**
 * Dedupe key of a membership's expiry reminder: once per member and expiry date (UTC); activity
 * that moves the date makes a new reminder due before the new date. Outbox rows append `:<channel>`.
 */
export function membershipReminderKey(memberId: string, expiresAt: Date): string {
  return `membership-expiry:${memberId}:${expiresAt.toISOString().slice(0, 10)}`;
}

interface DueMembership {
  member_id: string;
  first_name: string;
  email: string | null;
  phone: string | null;
  sms_opt_in: boolean;
  expires_at: Date | string;
}

/**
 * Writes the expiry reminder of every ACTIVE membership that expires (by its end date or by
 * inactivity, whichever is first) within the programme's `membershipReminderDays` of `now`: an
 * inbox message, an e-mail (with an address: a service message, no opt-in needed) and an SMS
 * (with a phone number and `smsOptIn`), as the coupon reminders do, exactly once per member and
 * expiry date. Reads only members whose date falls in the window: from the partial index of end
 * dates and the range of last activities that expire in it (four days of slack for the months'
 * lengths, then the exact test).
 */
export async function queueMembershipReminders(root: EntityManager, now: Date = new Date(), opts: { batchSize?: number } = {}): Promise<ReminderReport> {
  const report: ReminderReport = { reminders: 0, emails: 0, sms: 0 };
  const settings = await loadSettings(root.fork());
  const days = settings.membershipReminderDays;
  if (!days || days <= 0) return report;
  const months = settings.membershipInactivityMonths ?? null;
  const templates = await loadTemplates(root.fork(), MEMBERSHIP_EXPIRY_REMINDER);
  const horizon = new Date(now.getTime() + days * DAY_MS);
  const batch = opts.batchSize ?? 500;
  const seen = new Set<string>();
  const utc = (t: string) => `(${t}::timestamptz at time zone 'UTC')`;
  for (;;) {
    const limit = batch + seen.size;
    const byInactivity = months
      ? `union (select w.member_id as id from wallet w
                 where w.last_activity_at is not null
                   and w.last_activity_at > ((${utc('?')} - make_interval(months => ?) - interval '4 days') at time zone 'UTC')
                   and w.last_activity_at <= ((${utc('?')} - make_interval(months => ?) + interval '4 days') at time zone 'UTC')
                 limit ?)`
      : '';
    const params: unknown[] = [now, horizon, limit, ...(months ? [now, months, horizon, months, limit] : []), months, months, now, horizon, limit];
    const due = await root.fork().execute<DueMembership[]>(
      `select m.id as member_id, m.first_name, m.email, m.phone, m.sms_opt_in, e.expires_at
         from ((select m.id from member m where m.status = 'ACTIVE' and m.membership_ends_at > ? and m.membership_ends_at <= ? limit ?) ${byInactivity}) c
         join member m on m.id = c.id
         join wallet w on w.member_id = m.id
         cross join lateral (select least(m.membership_ends_at,
                                          case when ?::int is not null and w.last_activity_at is not null then ${inactivityEndSql('w.last_activity_at', '?::int')} end) as expires_at) e
        where m.status = 'ACTIVE' and e.expires_at > ? and e.expires_at <= ?
          and not exists (select 1 from inbox_message i where i.member_id = m.id
                           and i.dedupe_key = 'membership-expiry:' || m.id || ':' || to_char(e.expires_at at time zone 'UTC', 'YYYY-MM-DD'))
        order by e.expires_at, m.id
        limit ?`,
      params,
    );
    const fresh = due.filter((d) => !seen.has(d.member_id));
    if (fresh.length === 0) break;
    for (const d of fresh) {
      seen.add(d.member_id);
      const expiresAt = new Date(d.expires_at);
      const values: TemplateValues = {
        firstName: d.first_name,
        expiresOn: expiresAt.toISOString().slice(0, 10),
        daysLeft: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS)),
      };
      const to = { memberId: d.member_id, email: d.email, phone: d.phone, smsOptIn: d.sms_opt_in };
      const written = await root.fork().transactional((em) =>
        writeMemberMessage(em, templates, { kind: MEMBERSHIP_EXPIRY_REMINDER, dedupeKey: membershipReminderKey(d.member_id, expiresAt), to, values }, now),
      );
      if (written) {
        report.reminders++;
        if (written.email) report.emails++;
        if (written.sms) report.sms++;
      }
    }
  }
  return report;
}
