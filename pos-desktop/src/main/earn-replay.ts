/**
 * Replays the offline earn queue through the graph client: every N seconds, when the graph
 * answers again after failures, when the OS says the network is back, and right after an earn
 * is queued.
 *
 * A replay is safe to repeat: the earn's idempotency key and the server's once-per-sale rule
 * make a second delivery answer `duplicate: true` without crediting twice.
 */
import { EARN_MUTATION, earnDelivery, type EarnAttempt } from '../shared/earn-delivery';
import type { GraphqlResponse, IpcResult } from '../shared/ipc';
import type { EarnSender, OfflineEarnQueue } from '../shared/offline-queue';
import { describeError, type Logger } from './log';

/** The mutation replays send: the same one as the till's first attempt. */
export const REPLAY_EARN_MUTATION = EARN_MUTATION;

/** What a delivery attempt came to, and what to write in the log about it. */
export interface EarnVerdict {
  readonly outcome: 'done' | 'retry';
  /** For the queue status (a problem), or null when the earn went through. */
  readonly error: string | null;
  readonly log: { level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> };
}

/**
 * Decides whether a queued earn is finished, by the till's one delivery rule
 * (`src/shared/earn-delivery.ts`): it stays queued (`retry`) unless the graph definitely credited
 * it (or had already: a duplicate) or definitely refused it (userErrors, or a request the graph
 * calls malformed). Refusals are `done`, logged as errors and shown as the queue's last error:
 * sending them again would not help.
 */
export function earnVerdict(result: IpcResult<GraphqlResponse>, idempotencyKey: string): EarnVerdict {
  const fields = { idempotencyKey };
  const attempt: EarnAttempt = result.ok ? { kind: 'answer', status: result.value.status, body: result.value.body } : { kind: 'no-answer', message: result.error.message };
  const delivery = earnDelivery(attempt);
  switch (delivery.outcome) {
    case 'credited':
      return delivery.duplicate
        ? { outcome: 'done', error: null, log: { level: 'info', message: 'Queued earn had already been credited (duplicate delivery)', fields } }
        : { outcome: 'done', error: null, log: { level: 'info', message: 'Queued earn delivered', fields: { ...fields, points: delivery.points } } };
    case 'refused':
      return {
        outcome: 'done',
        error: `A queued earn was refused: ${delivery.message}`,
        log: { level: 'error', message: 'Queued earn refused by the graph; removed from the queue', fields: { ...fields, codes: delivery.codes, error: delivery.message } },
      };
    case 'retry':
      return {
        outcome: 'retry',
        error: delivery.message,
        log: { level: 'warn', message: 'Queued earn not delivered; will retry', fields: { ...fields, ...(result.ok ? { status: result.value.status } : {}), error: delivery.message } },
      };
  }
}

/** The queue's sender: one `earnPoints` mutation through the graph client. */
export function createEarnSender(client: { send(request: { query: string; variables: Record<string, unknown> }): Promise<IpcResult<GraphqlResponse>> }, log: Logger): EarnSender {
  return async (input) => {
    const verdict = earnVerdict(await client.send({ query: REPLAY_EARN_MUTATION, variables: { input } }), String(input.idempotencyKey));
    log[verdict.log.level](verdict.log.message, verdict.log.fields);
    return verdict.error === null ? { outcome: verdict.outcome } : { outcome: verdict.outcome, error: verdict.error };
  };
}

/** Runs replays on a timer and on demand; one at a time (the queue makes concurrent calls share one). */
export class QueueReplayer {
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly queue: OfflineEarnQueue,
    private readonly send: EarnSender,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref?.();
    void this.kick();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Replays now. Never rejects (a queue file that cannot be written is logged). */
  async kick(): Promise<void> {
    try {
      await this.queue.replay(this.send);
    } catch (error) {
      this.log.error('Offline earn queue replay failed', { error: describeError(error) });
    }
  }
}
