import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { MessageChannel } from './messaging.entities';
import { normaliseBody, templateKind, templateProblems } from './templates';

export interface MessageTemplateView {
  key: string;
  channel: MessageChannel;
  subject: string;
  body: string;
  html: string | null;
  updatedAt: Date;
  /** What the template may use: the values its key supplies. */
  placeholders: string[];
}

function toView(r: Record<string, unknown>): MessageTemplateView {
  const key = String(r.key);
  return {
    key,
    channel: r.channel as MessageChannel,
    subject: String(r.subject),
    body: String(r.body),
    html: (r.html as string | null) ?? null,
    updatedAt: new Date(r.updated_at as string),
    placeholders: [...(templateKind(key)?.placeholders ?? [])],
  };
}

/** Every template, by key and channel. */
export async function listMessageTemplates(ctx: RequestContext): Promise<MessageTemplateView[]> {
  const rows = await ctx.em.execute<Record<string, unknown>[]>('select * from message_template order by key, channel');
  return rows.map(toView);
}

/**
 * Creates or replaces the template of a known key and channel. Refused (INVALID_INPUT, nothing
 * saved) when the text is empty or too long, has control characters or stray braces, or uses a
 * placeholder the key does not supply: that would fail every message at send time.
 * Applies to messages written from now on; queued ones keep their text.
 */
export async function saveMessageTemplate(
  ctx: RequestContext,
  input: { key: string; channel: MessageChannel; subject: string; body: string; html?: string | null },
): Promise<{ template: MessageTemplateView | null; userErrors: UserError[] }> {
  const key = input.key.trim();
  const subject = input.subject.trim();
  const body = normaliseBody(input.body);
  const html = input.html?.trim() ? normaliseBody(input.html) : null;
  const problems = templateProblems(key, input.channel, subject, body, html);
  if (problems.length) {
    return { template: null, userErrors: problems.map((p) => userError(ErrorCode.INVALID_INPUT, p.message, ['input', p.field])) };
  }
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `insert into message_template (key, channel, subject, body, html, updated_at) values (?, ?, ?, ?, ?, now())
     on conflict (key, channel) do update set subject = excluded.subject, body = excluded.body, html = excluded.html, updated_at = excluded.updated_at
     returning *`,
    [key, input.channel, subject, body, html],
  );
  ctx.logger.info('message template saved', { key, channel: input.channel, by: ctx.principal?.subject });
  return { template: toView(rows[0]!), userErrors: [] };
}
