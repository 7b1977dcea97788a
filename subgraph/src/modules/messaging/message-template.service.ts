import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { MessageChannel } from './messaging.entities';
import { normaliseBody, placeholdersIn, templateKind, templateProblems } from './templates';
import { placeholdersSupplied } from '../automations/automation.definition';
import { AutomationActionKind, CUSTOM_TEMPLATE_KEY, type AutomationAction, type AutomationTrigger } from '../automations/automation.model';

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

/**
 * A custom template must stay renderable by every automation that sends it: a placeholder one of
 * them does not supply is refused here, rather than failing that automation's messages later.
 */
async function unsuppliedByAutomations(ctx: RequestContext, key: string, texts: string[]): Promise<{ field: 'body'; message: string }[]> {
  const used = [...new Set(texts.flatMap((t) => placeholdersIn(t)))];
  const rows = await ctx.em.getConnection().execute<{ code: string; trigger: unknown; actions: unknown }[]>(
    `select code, trigger, actions from automation where actions @> ?::jsonb order by code`,
    [JSON.stringify([{ templateKey: key }])],
  );
  const problems: { field: 'body'; message: string }[] = [];
  for (const r of rows) {
    const trigger = (typeof r.trigger === 'string' ? JSON.parse(r.trigger) : r.trigger) as AutomationTrigger;
    const actions = (typeof r.actions === 'string' ? JSON.parse(r.actions) : r.actions) as AutomationAction[];
    actions.forEach((a, i) => {
      if (a.kind !== AutomationActionKind.SEND_MESSAGE || a.templateKey !== key) return;
      const supplied = placeholdersSupplied(trigger.kind, actions, i);
      const missing = used.filter((p) => !supplied.has(p));
      if (missing.length) problems.push({ field: 'body', message: `The automation ${r.code} sends ${key} and does not supply ${missing.map((p) => `{{${p}}}`).join(', ')}` });
    });
  }
  return problems;
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
  if (problems.length === 0 && CUSTOM_TEMPLATE_KEY.test(key)) problems.push(...(await unsuppliedByAutomations(ctx, key, [subject, body, html ?? ''])));
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
