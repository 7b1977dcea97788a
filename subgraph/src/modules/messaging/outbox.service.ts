import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { Logger } from '../../common/logger';
import { pageArgs } from '../../common/pagination';
import { MessageChannel, OutboxStatus } from './messaging.entities';
import type { MessageSender } from './senders';
import { maskText } from '../../common/redact';

export interface DeliveryOptions {
  /** Messages claimed per statement (default 20). */
  batchSize?: number;
  /**
   * How long a claim is exclusive (default 300 s). A message still SENDING after its lease is
   * taken to be abandoned (the replica died) and is claimed again by whoever runs next.
   */
  leaseSeconds?: number;
  /** Attempts before a message is FAILED for good (default 5). */
  maxAttempts?: number;
  /** Wait before the first retry, doubled for each further one, at most an hour (default 60 s). */
  retryDelaySeconds?: number;
  /** Stop after handling this many messages in one call (default 1000); the rest waits for the next run. */
  maxMessages?: number;
  logger?: Logger;
}

export interface DeliveryReport {
  sent: number;
  /** Failed attempts that will be retried. */
  retried: number;
  /** Messages given up on (FAILED) by this call. */
  failed: number;
}

interface ClaimedRow {
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
  html: string | null;
  attempts: number;
  created_at: Date;
}

/**
 * Delivers due outbox messages through `sender`.
 *
 * Claiming: one statement marks a batch SENDING with a lease (`locked_until`) and counts the
 * attempt; the rows are picked `FOR UPDATE SKIP LOCKED`, so replicas delivering at the same time
 * take disjoint batches, and a row another replica has just claimed no longer matches (PostgreSQL
 * re-checks the condition on the locked row). `attempts` doubles as a fencing token: a replica
 * marks a row SENT or failed only while the row still carries its own attempt number.
 *
 * For a PENDING row `locked_until` is the earliest time of the next attempt (retry back-off).
 *
 * Delivery is at least once, not exactly once, in one window: if a replica dies (or stalls past
 * its lease) after the provider accepted a message but before the row is marked SENT, the lease
 * runs out and the message is sent again. No outbox can close that window without the provider
 * taking an idempotency key; e-mails carry a Message-ID derived from the row id so a mail system
 * can recognise the duplicate. Sends have timeouts well inside the lease, and a replica stops
 * sending from a batch whose lease is about to run out and hands the rest back.
 */
export async function deliverOutbox(root: EntityManager, sender: MessageSender, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const batchSize = opts.batchSize ?? 20;
  const leaseSeconds = opts.leaseSeconds ?? 300;
  const maxAttempts = opts.maxAttempts ?? 5;
  const retryDelay = opts.retryDelaySeconds ?? 60;
  const maxMessages = opts.maxMessages ?? 1000;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  report.failed += await failExhausted(root, maxAttempts);

  // Each message is tried at most once per call, whatever the back-off.
  const attempted: string[] = [];
  while (attempted.length < maxMessages) {
    const claimedAt = performance.now();
    const batch = (
      await root.fork().execute<ClaimedRow[]>(
        `update outbox_message o
            set status = 'SENDING', locked_until = now() + make_interval(secs => ?), attempts = o.attempts + 1
          where o.id in (
            select id from outbox_message
             where ((status = 'PENDING' and (locked_until is null or locked_until <= now()))
                    or (status = 'SENDING' and locked_until < now()))
               and attempts < ?
               and id <> all(?::uuid[])
             order by created_at
             limit ?
             for update skip locked)
          returning o.id, o.channel, o.recipient, o.subject, o.body, o.html, o.attempts, o.created_at`,
        [leaseSeconds, maxAttempts, pgUuidArray(attempted), Math.min(batchSize, maxMessages - attempted.length)],
      )
    ).sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
    if (batch.length === 0) break;
    attempted.push(...batch.map((r) => r.id));

    // Stop well before the lease runs out, so nobody else can claim a message while we send it.
    const safeMs = (leaseSeconds - Math.min(60, leaseSeconds / 2)) * 1000;
    for (const [i, row] of batch.entries()) {
      if (performance.now() - claimedAt > safeMs) {
        await handBack(root, batch.slice(i));
        opts.logger?.warn('outbox lease nearly over: handed the rest of the batch back', { messages: batch.length - i });
        return report;
      }
      const attempt = Number(row.attempts);
      try {
        await sender.send({ id: row.id, channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body, html: row.html ?? null });
      } catch (err) {
        const outcome = await recordFailure(root, row.id, attempt, maxAttempts, retryDelay, err);
        if (outcome === OutboxStatus.FAILED) report.failed++;
        else report.retried++;
        opts.logger?.warn('outbound message not delivered', {
          messageId: row.id,
          channel: row.channel,
          attempt,
          willRetry: outcome !== OutboxStatus.FAILED,
          error: maskText(errorText(err)),
        });
        continue;
      }
      report.sent++;
      const marked = await root.fork().execute(
        `update outbox_message set status = 'SENT', sent_at = now(), locked_until = null, last_error = null
          where id = ? and status = 'SENDING' and attempts = ? returning id`,
        [row.id, attempt],
      );
      if (marked.length === 0) {
        // Our lease ran out during the send and another replica took the message over.
        opts.logger?.warn('outbound message sent after its lease ran out; it may be delivered twice', { messageId: row.id });
      }
    }
  }
  return report;
}

/** Gives up on messages whose attempts are used up: a last attempt that never reported back. */
async function failExhausted(root: EntityManager, maxAttempts: number): Promise<number> {
  const rows = await root.fork().execute(
    `update outbox_message
        set status = 'FAILED', locked_until = null,
            last_error = left(case when status = 'SENDING'
                                   then 'attempt ' || attempts || ' was not confirmed (the sender stopped or its lease ran out); not retried'
                                   else coalesce(last_error, 'attempts used up') end, 2000)
      where ((status = 'SENDING' and locked_until < now()) or status = 'PENDING') and attempts >= ?
      returning id`,
    [maxAttempts],
  );
  return rows.length;
}

/** Back to PENDING after a retry delay, or FAILED on the last attempt; only while we hold the claim. */
async function recordFailure(root: EntityManager, id: string, attempt: number, maxAttempts: number, retryDelay: number, err: unknown): Promise<OutboxStatus | null> {
  const delay = Math.min(3600, retryDelay * 2 ** Math.max(0, attempt - 1));
  const rows = await root.fork().execute<{ status: OutboxStatus }[]>(
    `update outbox_message
        set status = case when attempts >= ? then 'FAILED' else 'PENDING' end,
            locked_until = case when attempts >= ? then null else now() + make_interval(secs => ?) end,
            last_error = ?
      where id = ? and status = 'SENDING' and attempts = ?
      returning status`,
    [maxAttempts, maxAttempts, delay, errorText(err), id, attempt],
  );
  return rows[0]?.status ?? null;
}

/** Returns claimed but unsent messages to the queue without counting the attempt. */
async function handBack(root: EntityManager, rows: ClaimedRow[]): Promise<void> {
  for (const row of rows) {
    await root.fork().execute(
      `update outbox_message set status = 'PENDING', locked_until = null, attempts = attempts - 1
        where id = ? and status = 'SENDING' and attempts = ?`,
      [row.id, Number(row.attempts)],
    );
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 1000);
}

function pgUuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

export interface OutboxMessageView {
  id: string;
  memberId: string | null;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  lockedUntil: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Outbound messages for admins, newest first, optionally of one status. */
export async function listOutboxMessages(ctx: RequestContext, args: { status?: OutboxStatus | null; first?: number | null }): Promise<OutboxMessageView[]> {
  const { limit } = pageArgs(args.first, null, 50);
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select * from outbox_message ${args.status ? 'where status = ?' : ''} order by created_at desc, id desc limit ?`,
    args.status ? [args.status, limit] : [limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    memberId: (r.member_id as string | null) ?? null,
    channel: r.channel as MessageChannel,
    recipient: String(r.recipient),
    subject: String(r.subject),
    body: String(r.body),
    template: String(r.template),
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    lockedUntil: r.locked_until ? new Date(r.locked_until as string) : null,
    createdAt: new Date(r.created_at as string),
    sentAt: r.sent_at ? new Date(r.sent_at as string) : null,
  }));
}
