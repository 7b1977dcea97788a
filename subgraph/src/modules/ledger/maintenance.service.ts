import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';
import { loadSettings } from '../programme/programme.service';
import { deliverOutbox } from '../messaging/outbox.service';
import { queueCouponReminders } from '../messaging/reminders.service';
import { expireDueMemberships } from '../membership-expiry/membership-expiry.service';
import { queueMembershipReminders } from '../membership-expiry/membership-expiry.reminders';
import type { MessageSender } from '../messaging/senders';
import { runLevelMaintenance } from '../tiers/tier-lifecycle';
import { runAutomations } from '../automations/automation.runner';
import { rollUpAnalytics } from '../analytics/rollup';
import { awardBonus } from './adjust.service';
import { dueMembersSql, MemberLedger, settleMember } from './ledger.core';

export interface MaintenanceReport {
  membersSettled: number;
  birthdayBonuses: number;
  /** Members whose level was reviewed (a review, or the end of a grace period), and of them how many went down. */
  tierReviews: number;
  tierDowngrades: number;
  /** Warnings before a review that would lower a level (their e-mails and SMS are counted in messagesQueued). */
  tierWarnings: number;
  /** Paid memberships whose term ended, and reminders to renew written to inboxes. */
  membershipsEnded: number;
  membershipReminders: number;
  /** Coupon expiry reminders written to inboxes (their e-mails and SMS are counted in messagesQueued). */
  couponReminders: number;
  /** Memberships expired (end date reached, or no activity for the programme's period). */
  membershipsExpired: number;
  /** Membership expiry reminders written to inboxes (their e-mails and SMS are counted in messagesQueued). */
  membershipExpiryReminders: number;
  /** Automation occurrences acted on, of them failed, and their messages written or held back (docs/campaigns.md#automations). */
  automationsRun: number;
  automationsFailed: number;
  automationMessages: number;
  automationMessagesSkipped: number;
  /** E-mails and SMS written to the outbox. */
  messagesQueued: number;
  /** Outbox messages delivered, failed attempts to retry, and messages given up on. */
  messagesSent: number;
  messagesRetried: number;
  messagesFailed: number;
  /** Journal entries added to the analytics rollup (analytics/rollup.ts). */
  analyticsEntriesRolledUp: number;
}

/**
 * The scheduled run: books due hold expiries, pending points that became available and lot
 * expiries for every member with something due, and awards today's birthday bonuses. Safe on
 * several replicas at once: members are claimed with SKIP LOCKED, each member's work is one
 * transaction under their wallet lock, settling is idempotent and bonuses are unique per year.
 * Then it expires the memberships due (docs/membership-expiry.md), reviews the levels that are
 * due and warns before reviews that would lower one (tiers/tier-lifecycle.ts), writes due coupon
 * and membership expiry reminders (once per coupon, once per member and expiry date), runs the
 * ACTIVE automations over what is due (automations/automation.runner.ts), given a
 * `sender`, delivers the outbox (replicas claim disjoint messages), and rolls up the journal's
 * new entries for analytics (analytics/rollup.ts). A failure of one of these
 * steps does not stop the others; the run then throws the first error after all.
 */
export async function runMaintenance(
  root: EntityManager,
  opts: { now?: Date; batchSize?: number; logger?: Logger; sender?: MessageSender } = {},
): Promise<MaintenanceReport> {
  const now = opts.now ?? new Date();
  const batch = opts.batchSize ?? 500;
  const report: MaintenanceReport = { membersSettled: 0, birthdayBonuses: 0, tierReviews: 0, tierDowngrades: 0, tierWarnings: 0, membershipsEnded: 0, membershipReminders: 0, couponReminders: 0, membershipsExpired: 0, membershipExpiryReminders: 0, automationsRun: 0, automationsFailed: 0, automationMessages: 0, automationMessagesSkipped: 0, messagesQueued: 0, messagesSent: 0, messagesRetried: 0, messagesFailed: 0, analyticsEntriesRolledUp: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = await root.fork().execute<{ member_id: string }[]>(`select member_id from (${dueMembersSql()}) d limit ?`, [now, now, now, batch + seen.size]);
    const fresh = due.map((d) => d.member_id).filter((id) => !seen.has(id));
    if (fresh.length === 0) break;
    for (const memberId of fresh) {
      seen.add(memberId);
      // skipped when another replica or a request holds the member: they settle it
      const settled = await settleMember(root, memberId, { now, skipLocked: true });
      if (settled) report.membersSettled++;
    }
  }
  report.birthdayBonuses = await awardBirthdayBonuses(root, now);
  report.membershipsExpired = await expireDueMemberships(root, now, { batchSize: batch });
  let failure: unknown = null;
  try {
    const levels = await runLevelMaintenance(root, await loadSettings(root.fork()), now, batch);
    report.tierReviews = levels.reviewed;
    report.tierDowngrades = levels.downgraded;
    report.tierWarnings = levels.warnings;
    report.membershipsEnded = levels.membershipsEnded;
    report.membershipReminders = levels.membershipReminders;
    report.messagesQueued += levels.messagesQueued;
  } catch (err) {
    failure = err;
  }
  try {
    const reminders = await queueCouponReminders(root, now, { batchSize: batch });
    report.couponReminders = reminders.reminders;
    report.messagesQueued += reminders.emails + reminders.sms;
  } catch (err) {
    failure ??= err;
  }
  try {
    const reminders = await queueMembershipReminders(root, now, { batchSize: batch });
    report.membershipExpiryReminders = reminders.reminders;
    report.messagesQueued += reminders.emails + reminders.sms;
  } catch (err) {
    failure ??= err;
  }
  try {
    const automations = await runAutomations(root, now, { batchSize: batch, logger: opts.logger });
    report.automationsRun = automations.ran;
    report.automationsFailed = automations.failed;
    report.automationMessages = automations.messages;
    report.automationMessagesSkipped = automations.messagesSkipped;
  } catch (err) {
    failure ??= err;
  }
  if (opts.sender) {
    try {
      const delivery = await deliverOutbox(root, opts.sender, { logger: opts.logger });
      report.messagesSent = delivery.sent;
      report.messagesRetried = delivery.retried;
      report.messagesFailed = delivery.failed;
    } catch (err) {
      failure ??= err;
    }
  }
  try {
    // last: what the steps above booked is rolled up too
    report.analyticsEntriesRolledUp = (await rollUpAnalytics(root)).entries;
  } catch (err) {
    failure ??= err;
  }
  if (opts.logger && Object.values(report).some((n) => n > 0)) opts.logger.info('maintenance run', { ...report });
  if (failure) throw failure;
  return report;
}

/** Birthday bonus for active members whose birthday is today (UTC); 29 February counts on 28 February in other years. */
async function awardBirthdayBonuses(root: EntityManager, now: Date): Promise<number> {
  const settings = await loadSettings(root.fork());
  if (settings.birthdayBonusPoints <= 0) return 0;
  const year = String(now.getUTCFullYear());
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const leap = new Date(Date.UTC(now.getUTCFullYear(), 1, 29)).getUTCMonth() === 1;
  const candidates = await root.fork().execute<{ id: string }[]>(
    `select m.id from member m
      where m.status = 'ACTIVE' and m.birthday is not null
        and ((extract(month from m.birthday) = ? and extract(day from m.birthday) = ?)
             or (? and extract(month from m.birthday) = 2 and extract(day from m.birthday) = 29))
        and not exists (select 1 from bonus_award b where b.member_id = m.id and b.kind = 'BIRTHDAY' and b.period = ?)`,
    [month, day, !leap && month === 2 && day === 28, year],
  );
  let awarded = 0;
  for (const { id } of candidates) {
    const done = await root.fork().transactional(async (em) => {
      const ledger = await MemberLedger.lock(em, id, 'system', { now });
      if (!ledger) return false;
      await ledger.settle();
      const ok = await awardBonus(em, ledger, settings, 'BIRTHDAY', year, settings.birthdayBonusPoints);
      await ledger.save();
      return ok;
    });
    if (done) awarded++;
  }
  return awarded;
}
