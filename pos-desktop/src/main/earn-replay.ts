/**
 * Replays the offline earn queue through the graph client: every N seconds, when the graph
 * answers again after failures, when the OS says the network is back, and right after an earn
 * is queued.
 *
 * A replay is safe to repeat: the earn's idempotency key and the server's once-per-sale rule
 * make a second delivery answer `duplicate: true` without crediting twice.
 */
import type { GraphqlResponse, IpcResult } from '../shared/ipc';
import type { EarnSender, OfflineEarnQueue } from '../shared/offline-queue';
import { describeError, type Logger } from './log';

export const REPLAY_EARN_MUTATION =
  'mutation ReplayEarnPoints($input: EarnPointsInput!) { earnPoints(input: $input) { duplicate earn { id points } userErrors { code message } } }';

/** What a delivery attempt came to, and what to write in the log about it. */
export interface EarnVerdict {
  readonly outcome: 'done' | 'retry';
  /** For the queue status (a problem), or null when the earn went through. */
  readonly error: string | null;
  readonly log: { level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> };
}

/** GraphQL error codes that a later attempt may get past (the token fixed, the server recovered). */
const TRANSIENT_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR']);

/**
 * Decides whether a queued earn is finished. It stays queued (`retry`) when the graph could not
 * be reached or could not answer: no network, a timeout, HTTP 5xx/408/429, a proxy's page
 * instead of GraphQL, a refused or missing till token, or an internal server error. It is
 * `done` once the graph has answered for this earn: credited, a duplicate of an earlier delivery,
 * refused with userErrors (an unknown card, say) or refused as invalid. Refusals are logged:
 * they will never go through by being sent again.
 */
export function earnVerdict(result: IpcResult<GraphqlResponse>, idempotencyKey: string): EarnVerdict {
  const fields = { idempotencyKey };
  if (!result.ok) {
    return { outcome: 'retry', error: result.error.message, log: { level: 'warn', message: 'Queued earn not delivered; will retry', fields: { ...fields, error: result.error.message } } };
  }
  const { status, body } = result.value;
  const retry = (error: string): EarnVerdict => ({ outcome: 'retry', error, log: { level: 'warn', message: 'Queued earn not delivered; will retry', fields: { ...fields, status, error } } });
  if (status >= 500 || status === 408 || status === 429) return retry(`The graph answered HTTP ${status}`);
  if (status === 401 || status === 403) return retry(`The graph refused the till token (HTTP ${status}): check the token in the settings`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return retry(`HTTP ${status} without a GraphQL answer (is graphqlUrl right?)`);
  }
  if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed))) {
    return retry(`HTTP ${status} without a GraphQL answer (is graphqlUrl right?)`);
  }
  const answer = parsed as { data?: { earnPoints?: EarnAnswer | null } | null; errors?: { message?: string; extensions?: { code?: string } }[] };
  const earn = answer.data?.earnPoints;
  if (earn) {
    if (earn.userErrors?.length) {
      const codes = earn.userErrors.map((e) => e.code).join(', ');
      return { outcome: 'done', error: `A queued earn was refused: ${codes}`, log: { level: 'error', message: 'Queued earn refused by the graph; removed from the queue', fields: { ...fields, userErrors: earn.userErrors } } };
    }
    if (earn.duplicate) return { outcome: 'done', error: null, log: { level: 'info', message: 'Queued earn had already been credited (duplicate delivery)', fields } };
    return { outcome: 'done', error: null, log: { level: 'info', message: 'Queued earn delivered', fields: { ...fields, points: earn.earn?.points ?? null } } };
  }
  const errors = Array.isArray(answer.errors) ? answer.errors : [];
  const codes = errors.map((e) => e?.extensions?.code ?? 'UNKNOWN');
  const messages = errors.map((e) => e?.message ?? '').filter(Boolean).join('; ');
  if (errors.length === 0 || codes.some((code) => TRANSIENT_CODES.has(code))) {
    return retry(`The graph could not take the earn now (${codes.join(', ') || 'no data'}): ${messages}`);
  }
  return {
    outcome: 'done',
    error: `A queued earn was refused as invalid: ${messages}`,
    log: { level: 'error', message: 'Queued earn refused as invalid; removed from the queue', fields: { ...fields, codes, messages } },
  };
}

interface EarnAnswer {
  duplicate?: boolean;
  earn?: { points?: number } | null;
  userErrors?: { code: string; message: string }[];
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
