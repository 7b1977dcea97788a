/**
 * The one rule for what became of an `earnPoints` delivery, used by the till's first attempt at
 * the end of a sale (renderer) and by both replayers of the offline queue (Electron main, browser
 * mode). An earn that has not definitely succeeded or been definitely refused is kept for a
 * replay, never dropped: the idempotency key and the server's once-per-sale rule make sending it
 * again harmless.
 *
 * Part of the shared contract: no Node and no DOM imports.
 */

/** The earn mutation every delivery sends (validated against the committed schema by a test). */
export const EARN_MUTATION =
  'mutation TillEarnPoints($input: EarnPointsInput!) { earnPoints(input: $input) { duplicate earn { id points status campaigns { campaign { name } points couponCode } } userErrors { code message } } }';

/** What one attempt got back: nothing (no network, timeout, refused connection), or an HTTP answer. */
export type EarnAttempt = { readonly kind: 'no-answer'; readonly message: string } | { readonly kind: 'answer'; readonly status: number; readonly body: string };

export type EarnDelivery =
  /** The graph credited the earn now, or had already (`duplicate`). */
  | { readonly outcome: 'credited'; readonly points: number | null; readonly duplicate: boolean; readonly extras?: readonly EarnExtra[] }
  /** The graph answered for this earn and refused it: sending it again cannot help. */
  | { readonly outcome: 'refused'; readonly message: string; readonly codes: readonly string[] }
  /** Not known to have gone through: keep it and send it again later. */
  | { readonly outcome: 'retry'; readonly message: string };

/**
 * GraphQL error codes that mean the request itself is wrong (Apollo Server's codes): the same
 * request will be refused the same way every time. Any other code, or none, is not a definite
 * refusal (a server bug, an expired token, a router's own error, a code we do not know yet).
 */
const DEFINITE_REFUSALS: ReadonlySet<string> = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** What a campaign gave on top of the sale's points, for the receipt: points, or a coupon in the member's account. */
export interface EarnExtra {
  readonly name: string;
  readonly points: number;
  readonly coupon: boolean;
}

interface EarnAnswer {
  duplicate?: boolean;
  earn?: { points?: number | null; campaigns?: { campaign?: { name?: unknown } | null; points?: unknown; couponCode?: unknown }[] | null } | null;
  userErrors?: { code?: string; message?: string }[];
}

/**
 * Decides an attempt.
 *
 * - `credited`: `data.earnPoints` without userErrors (a `duplicate` too).
 * - `refused`: `data.earnPoints.userErrors` (an unknown member, an invalid sale), or GraphQL
 *   errors that all say the request is malformed (parse, validation, bad input).
 * - `retry`: everything else: no answer, HTTP 408/429/5xx, 401/403, a body that is not a GraphQL
 *   answer (a proxy's page), GraphQL errors such as `INTERNAL_SERVER_ERROR`, `UNAUTHENTICATED`,
 *   `FORBIDDEN` or no code at all, and `data` without `earnPoints`.
 */
export function earnDelivery(attempt: EarnAttempt): EarnDelivery {
  if (attempt.kind === 'no-answer') return { outcome: 'retry', message: attempt.message || 'the graph could not be reached' };
  const { status, body } = attempt;
  if (status >= 500 || status === 408 || status === 429) return { outcome: 'retry', message: `The graph answered HTTP ${status}` };
  if (status === 401 || status === 403) return { outcome: 'retry', message: `The graph refused the till token (HTTP ${status}): check the token in the settings` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { outcome: 'retry', message: `HTTP ${status} without a GraphQL answer (is the GraphQL URL right?)` };
  }
  if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed))) {
    return { outcome: 'retry', message: `HTTP ${status} without a GraphQL answer (is the GraphQL URL right?)` };
  }
  const answer = parsed as { data?: { earnPoints?: EarnAnswer | null } | null; errors?: unknown };
  const earn = answer.data?.earnPoints;
  if (earn && typeof earn === 'object') {
    const userErrors = Array.isArray(earn.userErrors) ? earn.userErrors : [];
    if (userErrors.length > 0) {
      return {
        outcome: 'refused',
        codes: userErrors.map((e) => String(e?.code ?? 'UNKNOWN')),
        message: userErrors.map((e) => `${e?.message ?? 'refused'} (${e?.code ?? 'UNKNOWN'})`).join('; '),
      };
    }
    const points = typeof earn.earn?.points === 'number' ? earn.earn.points : null;
    const extras: EarnExtra[] = (Array.isArray(earn.earn?.campaigns) ? earn.earn.campaigns : [])
      .filter((c) => typeof c?.campaign?.name === 'string')
      .slice(0, 20)
      .map((c) => ({ name: String(c.campaign!.name).slice(0, 100), points: typeof c.points === 'number' && Number.isSafeInteger(c.points) && c.points > 0 ? c.points : 0, coupon: typeof c.couponCode === 'string' }));
    return { outcome: 'credited', points, duplicate: earn.duplicate === true, ...(extras.length ? { extras } : {}) };
  }
  const errors = Array.isArray(answer.errors) ? (answer.errors as { message?: unknown; extensions?: { code?: unknown } }[]) : [];
  const codes = errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
  const messages = errors.map((e) => (typeof e?.message === 'string' ? e.message : '')).filter(Boolean).join('; ');
  if (errors.length > 0 && codes.every((code) => DEFINITE_REFUSALS.has(code))) {
    return { outcome: 'refused', codes, message: `refused as invalid: ${messages || codes.join(', ')}` };
  }
  return { outcome: 'retry', message: `The graph could not take the earn now (${codes.join(', ') || 'no data'})${messages ? `: ${messages}` : ''}` };
}
