import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MessageChannel, OutboxStatus } from './messaging.entities';
import { placeholdersIn, renderMessage, templateKind, TemplateError, type TemplateValues } from './templates';

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
