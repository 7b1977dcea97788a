import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MessageChannel, OutboxStatus } from './messaging.entities';
import { placeholdersIn, renderHtml, renderMessage, templateKind, TemplateError, type TemplateValues } from './templates';

export type Template = { subject: string; body: string };
export type Templates = Record<MessageChannel, Template>;

/**
 * A message kind's templates for the three channels, checked before anything is written: a
 * missing template or a placeholder the kind does not supply (possible only by editing the table
 * by hand) stops the caller with an error naming the template, rather than sending something
 * half-filled.
 */
export async function loadTemplates(em: EntityManager, key: string): Promise<Templates> {
  const rows = await em.execute<{ channel: MessageChannel; subject: string; body: string }[]>('select channel, subject, body from message_template where key = ?', [key]);
  const known = templateKind(key)!.placeholders;
  const out = {} as Templates;
  for (const channel of [MessageChannel.INBOX, MessageChannel.EMAIL, MessageChannel.SMS]) {
    const row = rows.find((r) => r.channel === channel);
    if (!row) throw new TemplateError(`The message template ${key}/${channel} is missing`);
    for (const text of [row.subject, row.body]) {
      const unknown = placeholdersIn(text).filter((n) => !known.includes(n));
      if (unknown.length) throw new TemplateError(`The message template ${key}/${channel} uses unknown placeholders: ${unknown.join(', ')}`);
    }
    out[channel] = { subject: row.subject, body: row.body };
  }
  return out;
}

/** Who a message goes to. */
export interface Recipient {
  memberId: string;
  email: string | null;
  phone: string | null;
  smsOptIn: boolean;
}

/**
 * Writes one message to a member, in the caller's transaction: the inbox row and outbox rows for
 * an e-mail (when the member has an address: these are service messages about what they have,
 * not marketing, so no e-mail opt-in is needed) and an SMS (only with a phone number and
 * `smsOptIn`, since texts cost and intrude). Exactly once per (member, `dedupeKey`), also with
 * several replicas at once: the inbox row's unique key decides, and a transaction whose insert
 * finds the key taken writes nothing else (returns null). Rendered before anything is written, so
 * a template error writes nothing.
 */
export async function writeMemberMessage(
  em: EntityManager,
  templates: Templates,
  message: { kind: string; dedupeKey: string; to: Recipient; values: TemplateValues; couponCode?: string | null },
  now: Date,
): Promise<{ email: boolean; sms: boolean } | null> {
  const { to, dedupeKey } = message;
  const inbox = renderMessage(templates[MessageChannel.INBOX], message.values);
  const email = to.email ? renderMessage(templates[MessageChannel.EMAIL], message.values) : null;
  const sms = to.phone && to.smsOptIn ? renderMessage(templates[MessageChannel.SMS], message.values) : null;
  const inserted = await em.execute<{ id: string }[]>(
    `insert into inbox_message (id, member_id, kind, dedupe_key, title, body, coupon_code, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (member_id, dedupe_key) do nothing
     returning id`,
    [randomUUID(), to.memberId, message.kind, dedupeKey, inbox.subject, inbox.body, message.couponCode ?? null, now],
  );
  if (inserted.length === 0) return null; // another replica wrote it
  const queue = async (channel: MessageChannel, recipient: string, m: Template) => {
    const rows = await em.execute<{ id: string }[]>(
      `insert into outbox_message (id, dedupe_key, member_id, channel, recipient, subject, body, template, status, attempts, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
       on conflict (dedupe_key) do nothing
       returning id`,
      [randomUUID(), `${dedupeKey}:${channel}`, to.memberId, channel, recipient, m.subject, m.body, message.kind, OutboxStatus.PENDING, now],
    );
    return rows.length > 0;
  };
  return {
    email: email ? await queue(MessageChannel.EMAIL, to.email!, email) : false,
    sms: sms ? await queue(MessageChannel.SMS, to.phone!, sms) : false,
  };
}

/** A custom (automation) template per channel; the e-mail may have an HTML version. */
export type CustomTemplates = Partial<Record<MessageChannel, Template & { html: string | null }>>;

/** A key's templates as saved (any of the three channels). */
export async function loadCustomTemplates(em: EntityManager, key: string): Promise<CustomTemplates> {
  const rows = await em.execute<{ channel: MessageChannel; subject: string; body: string; html: string | null }[]>('select channel, subject, body, html from message_template where key = ?', [key]);
  const out: CustomTemplates = {};
  for (const r of rows) out[r.channel] = { subject: r.subject, body: r.body, html: r.html ?? null };
  return out;
}

export interface AutomationRecipient extends Recipient {
  emailOptIn: boolean;
}

/** What became of an automation's message. */
export interface AutomationMessageOutcome {
  inbox: boolean;
  email: boolean;
  sms: boolean;
  /** Why nothing was sent: the member gave no consent to marketing, or had their week's share. */
  skipped: 'NO_MARKETING_CONSENT' | 'WEEKLY_CAP_REACHED' | null;
}

/**
 * Writes an automation's message in the caller's transaction (the member's wallet is locked, so
 * the weekly cap counts serially): the inbox copy, an e-mail (with its HTML version) and an SMS.
 * A MARKETING message goes only to a member who opted in to e-mail (with an address) or SMS (with a
 * phone), only on those channels, and not beyond `capPerWeek` marketing messages in 7 days (0: no
 * cap); a SERVICE message goes by e-mail to anyone with an address and by SMS with the SMS opt-in.
 */
export async function writeAutomationMessage(
  em: EntityManager,
  templates: CustomTemplates,
  m: { kind: string; dedupeKey: string; to: AutomationRecipient; values: TemplateValues; marketing: boolean; capPerWeek: number },
  now: Date,
): Promise<AutomationMessageOutcome> {
  const { to } = m;
  const canEmail = Boolean(to.email) && (!m.marketing || to.emailOptIn);
  const canSms = Boolean(to.phone) && to.smsOptIn;
  if (m.marketing && !canEmail && !canSms) return { inbox: false, email: false, sms: false, skipped: 'NO_MARKETING_CONSENT' };
  if (m.marketing && m.capPerWeek > 0) {
    const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from inbox_message where member_id = ? and marketing and created_at > ?', [to.memberId, new Date(now.getTime() - 7 * 86_400_000)]);
    if (Number(n) >= m.capPerWeek) return { inbox: false, email: false, sms: false, skipped: 'WEEKLY_CAP_REACHED' };
  }
  // rendered before anything is written
  const inbox = templates[MessageChannel.INBOX] ? renderMessage(templates[MessageChannel.INBOX], m.values) : null;
  const emailT = templates[MessageChannel.EMAIL];
  const email = canEmail && emailT ? { ...renderMessage(emailT, m.values), html: emailT.html ? renderHtml(emailT.html, m.values) : null } : null;
  const sms = canSms && templates[MessageChannel.SMS] ? renderMessage(templates[MessageChannel.SMS], m.values) : null;
  let wroteInbox = false;
  if (inbox) {
    const rows = await em.execute<{ id: string }[]>(
      `insert into inbox_message (id, member_id, kind, dedupe_key, title, body, coupon_code, marketing, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (member_id, dedupe_key) do nothing returning id`,
      [randomUUID(), to.memberId, m.kind, m.dedupeKey, inbox.subject, inbox.body, (m.values.couponCode as string | undefined) ?? null, m.marketing, now],
    );
    wroteInbox = rows.length > 0;
  }
  const queue = async (channel: MessageChannel, recipient: string, msg: Template & { html?: string | null }) => {
    const rows = await em.execute<{ id: string }[]>(
      `insert into outbox_message (id, dedupe_key, member_id, channel, recipient, subject, body, html, template, status, attempts, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) on conflict (dedupe_key) do nothing returning id`,
      [randomUUID(), `${m.dedupeKey}:${channel}`.slice(0, 160), to.memberId, channel, recipient, msg.subject, msg.body, msg.html ?? null, m.kind, OutboxStatus.PENDING, now],
    );
    return rows.length > 0;
  };
  return {
    inbox: wroteInbox,
    email: email ? await queue(MessageChannel.EMAIL, to.email!, email) : false,
    sms: sms ? await queue(MessageChannel.SMS, to.phone!, sms) : false,
    skipped: null,
  };
}
