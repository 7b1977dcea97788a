import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';
import { errorForLog } from '../../common/redact';
import type { AudienceRules } from '../audiences/audience-rules';
import { audienceRulesByCode } from '../campaigns/campaign.definition';
import { issueOfferCoupon, offerCouponText } from '../coupons/offer-coupon';
import { credit } from '../ledger/adjust.service';
import { ACCOUNT, MemberLedger } from '../ledger/ledger.core';
import { LedgerEntryType } from '../ledger/ledger.entities';
import { loadCustomTemplates, writeAutomationMessage } from '../messaging/member-messages';
import { TemplateError } from '../messaging/templates';
import { Outcome } from '../ledger/ledger-transaction';
import { loadSettings } from '../programme/programme.service';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { AutomationRunStatus } from './automation.entity';
import { AutomationActionKind, AutomationStatus, MessagePurpose, type AutomationAction } from './automation.model';
import { dueOccurrences, isEventTrigger, SCAN_OVERLAP_MS, type AutomationDef, type Occurrence } from './automation.triggers';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function automationDef(r: Record<string, unknown>, audiences: ReadonlyMap<string, AudienceRules>): AutomationDef {
  const code = (r.audience_code as string | null) ?? null;
  return {
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    status: r.status as AutomationStatus,
    trigger: json(r.trigger),
    // a saved audience that is gone reaches nobody
    audience: code ? (audiences.get(code) ?? { tierCodes: [] }) : r.audience_rules ? json<AudienceRules>(r.audience_rules) : null,
    actions: json<AutomationAction[]>(r.actions),
    activatedAt: r.activated_at ? new Date(r.activated_at as string) : null,
    scanFrom: r.scan_from ? new Date(r.scan_from as string) : null,
  };
}

export interface AutomationReport {
  /** Occurrences acted on by this run (and of them, those that failed). */
  ran: number;
  failed: number;
  /** Messages written (inbox copies) and marketing messages held back (no consent, weekly cap). */
  messages: number;
  messagesSkipped: number;
}

/**
 * Runs every ACTIVE automation over what is due now (docs/campaigns.md#automations): each trigger's
 * occurrences in pages, each in a transaction of its own under the member's wallet lock (skipped
 * when another replica or a request holds it: the next run takes it), at most once per
 * (automation, member, occurrence) through the run log's unique key. A failing occurrence is logged
 * as FAILED (with the error) and not retried; a failing automation does not stop the others.
 */
export async function runAutomations(root: EntityManager, now: Date, opts: { batchSize?: number; logger?: Logger } = {}): Promise<AutomationReport> {
  const report: AutomationReport = { ran: 0, failed: 0, messages: 0, messagesSkipped: 0 };
  const rows = await root.getConnection().execute<Record<string, unknown>[]>(`select * from automation where status = 'ACTIVE' order by created_at, code`);
  if (rows.length === 0) return report;
  const audiences = await audienceRulesByCode(root);
  const settings = await loadSettings(root.fork());
  let failure: unknown = null;
  for (const row of rows) {
    const a = automationDef(row, audiences);
    try {
      let after: { memberId: string; key: string } | null = null;
      // the earliest occurrence left for the next run (its member was locked): the next scan must reach back to it
      let earliestLeft: Date | null = null;
      do {
        const page = await dueOccurrences(root, a, now, after, opts.batchSize ?? 500);
        for (const o of page.occurrences) {
          const outcome = await runOccurrence(root, a, o, settings, now, opts.logger);
          if (outcome === 'locked') {
            if (o.at && (!earliestLeft || o.at < earliestLeft)) earliestLeft = o.at;
            continue;
          }
          if (outcome === null) continue;
          report.ran++;
          if (outcome.failed) report.failed++;
          report.messages += outcome.messages;
          report.messagesSkipped += outcome.messagesSkipped;
        }
        after = page.last;
      } while (after);
      if (isEventTrigger(a.trigger)) {
        // plus the overlap: an occurrence left at time t is read again by a scan from t + overlap
        const next = earliestLeft ? new Date(Math.min(now.getTime(), earliestLeft.getTime() + SCAN_OVERLAP_MS)) : now;
        await root.getConnection().execute('update automation set scan_from = ? where id = ?', [next, a.id]);
      }
    } catch (err) {
      opts.logger?.error('automation run failed', { automation: a.code, ...errorForLog(err) });
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return report;
}

/** A short stable dedupe key for one message action of one occurrence (the inbox's key is 128 characters). */
function messageKey(a: AutomationDef, o: Occurrence, actionIndex: number): string {
  return `auto:${createHash('sha256').update(`${a.id}|${o.memberId}|${o.key}|${actionIndex}`).digest('hex').slice(0, 40)}`;
}

async function runOccurrence(root: EntityManager, a: AutomationDef, o: Occurrence, settings: ProgrammeSettings, now: Date, logger?: Logger): Promise<{ failed: boolean; messages: number; messagesSkipped: number } | 'locked' | null> {
  try {
    return await root.fork().transactional(async (em) => {
      const ledger = await MemberLedger.lock(em, o.memberId, `automation:${a.code}`, { now, skipLocked: true });
      if (!ledger) return 'locked' as const;
      const claimed = await em.execute<{ id: string }[]>(
        `insert into automation_run (id, automation_id, member_id, occurrence_key, status, detail, created_at) values (gen_random_uuid(), ?, ?, ?, ?, '{}'::jsonb, ?)
         on conflict (automation_id, member_id, occurrence_key) do nothing returning id`,
        [a.id, o.memberId, o.key, AutomationRunStatus.DONE, now],
      );
      if (!claimed[0]) return null; // another replica, or an earlier run, did it
      await ledger.settle();
      const values: Record<string, string | number> = { ...o.values, balance: ledger.wallet.available };
      const detail: Record<string, unknown>[] = [];
      let messages = 0;
      let messagesSkipped = 0;
      for (const [index, action] of a.actions.entries()) {
        const done = await runAction(em, ledger, a, action, index, o, values, settings, now);
        detail.push(done);
        if (action.kind === AutomationActionKind.SEND_MESSAGE) {
          if (done.skipped) messagesSkipped++;
          else if (done.inbox) messages++;
        }
        values.balance = ledger.wallet.available;
      }
      await ledger.save();
      await em.execute('update automation_run set detail = ?::jsonb where id = ?', [JSON.stringify({ actions: detail }), claimed[0].id]);
      return { failed: false, messages, messagesSkipped };
    });
  } catch (err) {
    // a deterministic failure (a template that cannot be rendered, a refused posting) is recorded as
    // FAILED so it is not retried every run; anything else (the database) is retried by the next run
    if (!(err instanceof TemplateError || err instanceof Outcome)) throw err;
    logger?.error('automation occurrence failed', { automation: a.code, occurrence: o.key, ...errorForLog(err) });
    const rows = await root.getConnection().execute<{ id: string }[]>(
      `insert into automation_run (id, automation_id, member_id, occurrence_key, status, detail, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?::jsonb, ?)
       on conflict (automation_id, member_id, occurrence_key) do nothing returning id`,
      [a.id, o.memberId, o.key, AutomationRunStatus.FAILED, JSON.stringify({ error: String((err as Error).message ?? err).slice(0, 500) }), now],
    );
    return rows[0] ? { failed: true, messages: 0, messagesSkipped: 0 } : null;
  }
}

async function runAction(
  em: EntityManager, ledger: MemberLedger, a: AutomationDef, action: AutomationAction, actionIndex: number, o: Occurrence,
  values: Record<string, string | number>, settings: ProgrammeSettings, now: Date,
): Promise<Record<string, unknown>> {
  const memberId = o.memberId;
  switch (action.kind) {
    case AutomationActionKind.AWARD_POINTS: {
      await credit(ledger, settings, LedgerEntryType.BONUS, ACCOUNT.BONUS, action.points!, `automation ${a.code} (${a.name})`.slice(0, 500));
      ledger.wallet.lifetimeEarned += action.points!;
      ledger.touch();
      values.awardedPoints = action.points!;
      return { kind: action.kind, points: action.points };
    }
    case AutomationActionKind.ISSUE_COUPON: {
      const coupon = await issueOfferCoupon(em, memberId, action.coupon!, { title: offerCouponText(action.coupon!, settings.currencyCode), issuedBy: `automation:${a.code}`, now, settings });
      await ledger.note(LedgerEntryType.COUPON_ISSUE, { couponCode: coupon.code, reason: `automation ${a.code} (${a.name}): ${coupon.title}`.slice(0, 500) });
      values.couponCode = coupon.code;
      values.couponTitle = coupon.title;
      values.couponExpiresOn = coupon.expiresAt.toISOString().slice(0, 10);
      return { kind: action.kind, couponCode: coupon.code };
    }
    case AutomationActionKind.ADD_TAG:
      await em.execute(`update member set tags = array(select distinct t from unnest(tags || array[?::text]) t order by t) where id = ?`, [action.tag, memberId]);
      return { kind: action.kind, tag: action.tag };
    case AutomationActionKind.REMOVE_TAG:
      await em.execute(`update member set tags = array_remove(tags, ?::text) where id = ?`, [action.tag, memberId]);
      return { kind: action.kind, tag: action.tag };
    case AutomationActionKind.SET_ATTRIBUTE:
      await em.execute(`update member set attributes = attributes || jsonb_build_object(?::text, ?::text) where id = ?`, [action.name, action.value, memberId]);
      return { kind: action.kind, name: action.name, value: action.value };
    case AutomationActionKind.SEND_MESSAGE: {
      const [to] = await em.execute<{ email: string | null; phone: string | null; email_opt_in: boolean; sms_opt_in: boolean }[]>('select email, phone, email_opt_in, sms_opt_in from member where id = ?', [memberId]);
      const templates = await loadCustomTemplates(em, action.templateKey!);
      const out = await writeAutomationMessage(em, templates, {
        kind: action.templateKey!, dedupeKey: messageKey(a, o, actionIndex), values,
        to: { memberId, email: to!.email, phone: to!.phone, smsOptIn: to!.sms_opt_in, emailOptIn: to!.email_opt_in },
        marketing: action.purpose !== MessagePurpose.SERVICE, capPerWeek: settings.marketingMessagesPerWeek ?? 0,
      }, now);
      return { kind: action.kind, templateKey: action.templateKey, ...out };
    }
    default:
      throw new Error(`unknown action ${String(action.kind)}`);
  }
}
