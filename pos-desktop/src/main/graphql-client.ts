/**
 * The till's only way to the graph: the renderer's GraphQL requests (and the offline queue's
 * replays) are sent from main, which adds the till token. The renderer never sees the token.
 */
import type { GraphqlRequest, GraphqlResponse, IpcResult } from '../shared/ipc';
import { describeError } from './log';

/** The part of `fetch` used here; the global fetch and Electron's `net.fetch` both fit. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'error' },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface GraphqlClientOptions {
  readonly fetch: FetchLike;
  /** The configured endpoint, read for every request (settings may change while running). */
  readonly endpoint: () => Promise<string>;
  /** The till token, or null when none is configured. */
  readonly token: () => Promise<string | null>;
  /** Longest wait for the whole answer, in ms (default 8 s). */
  readonly timeoutMs?: number;
  /**
   * Called when the graph answers after failures (or for the first time): the network is back,
   * which is the moment to replay the offline queue.
   */
  readonly onReachable?: () => void;
}

export const DEFAULT_GRAPHQL_TIMEOUT_MS = 8_000;

export class GraphqlClient {
  private reachable: boolean | null = null;
  private readonly timeoutMs: number;

  constructor(private readonly options: GraphqlClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_GRAPHQL_TIMEOUT_MS;
  }

  /**
   * Sends one operation. Any HTTP answer, including 4xx and 5xx, is `ok: true` with its status
   * and body (a GraphQL client reads errors from the body). `NETWORK` means no answer: refused,
   * unreachable, timed out or redirected; `NOT_CONFIGURED` means there is no till token.
   * Never rejects.
   */
  async send(request: GraphqlRequest): Promise<IpcResult<GraphqlResponse>> {
    let url: string;
    let token: string | null;
    try {
      url = await this.options.endpoint();
      token = await this.options.token();
    } catch (error) {
      return { ok: false, error: { code: 'NOT_CONFIGURED', message: `The till settings could not be read: ${describeError(error)}` } };
    }
    if (!token) {
      return { ok: false, error: { code: 'NOT_CONFIGURED', message: 'This till has no token: enter one in the settings (or set POS_TILL_TOKEN)' } };
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.options.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(request),
        signal: controller.signal,
        // A redirect would be a misconfigured URL; following it could carry the token elsewhere.
        redirect: 'error',
      });
      const body = await response.text();
      this.markReachable(true);
      return { ok: true, value: { status: response.status, body } };
    } catch (error) {
      this.markReachable(false);
      const where = safeOrigin(url);
      const message = controller.signal.aborted
        ? `The graph at ${where} did not answer within ${Math.round(this.timeoutMs / 1000)} s`
        : `The graph at ${where} cannot be reached: ${networkCause(error)}`;
      return { ok: false, error: { code: 'NETWORK', message } };
    } finally {
      clearTimeout(timer);
    }
  }

  private markReachable(now: boolean): void {
    const before = this.reachable;
    this.reachable = now;
    if (now && before !== true) {
      try {
        this.options.onReachable?.();
      } catch {
        // A listener's failure is not the request's.
      }
    }
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** fetch says "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function networkCause(error: unknown): string {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  const message = describeError(error);
  if (code) return `${message} (${code})`;
  return cause instanceof Error ? `${message}: ${cause.message}` : message;
}
