import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { errorForLog } from './redact';

/**
 * Stable codes for expected domain outcomes. Clients branch on these, so a code is never renamed or
 * reused for another meaning; add new ones at the end.
 */
export enum ErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  MEMBER_ALREADY_ENROLLED = 'MEMBER_ALREADY_ENROLLED',
  CUSTOMER_ALREADY_LINKED = 'CUSTOMER_ALREADY_LINKED',
  MEMBER_LINKED_TO_OTHER_CUSTOMER = 'MEMBER_LINKED_TO_OTHER_CUSTOMER',
  EMAIL_ALREADY_REGISTERED = 'EMAIL_ALREADY_REGISTERED',
  CARD_NOT_FOUND = 'CARD_NOT_FOUND',
  CARD_ALREADY_LINKED = 'CARD_ALREADY_LINKED',
  CARD_NOT_ACTIVE = 'CARD_NOT_ACTIVE',
  MEMBER_NOT_ACTIVE = 'MEMBER_NOT_ACTIVE',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  HOLD_NOT_FOUND = 'HOLD_NOT_FOUND',
  HOLD_OF_OTHER_TILL = 'HOLD_OF_OTHER_TILL',
  POINTS_LIMIT_EXCEEDED = 'POINTS_LIMIT_EXCEEDED',
  HOLD_EXPIRED = 'HOLD_EXPIRED',
  HOLD_ALREADY_RESOLVED = 'HOLD_ALREADY_RESOLVED',
  COUPON_NOT_FOUND = 'COUPON_NOT_FOUND',
  COUPON_EXPIRED = 'COUPON_EXPIRED',
  COUPON_ALREADY_REDEEMED = 'COUPON_ALREADY_REDEEMED',
  BELOW_MINIMUM_POINTS = 'BELOW_MINIMUM_POINTS',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  SALE_NOT_FOUND = 'SALE_NOT_FOUND',
  SALE_ALREADY_EARNED = 'SALE_ALREADY_EARNED',
  RETURN_EXCEEDS_SALE = 'RETURN_EXCEEDS_SALE',
  EXCEEDS_MAX_POINTS_SHARE = 'EXCEEDS_MAX_POINTS_SHARE',
  COUPON_MALFORMED = 'COUPON_MALFORMED',
  COUPON_VOIDED = 'COUPON_VOIDED',
  COUPON_WRONG_MEMBER = 'COUPON_WRONG_MEMBER',
  REWARD_NOT_FOUND = 'REWARD_NOT_FOUND',
  REWARD_NOT_AVAILABLE = 'REWARD_NOT_AVAILABLE',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  TIER_TOO_LOW = 'TIER_TOO_LOW',
  REWARD_LIMIT_REACHED = 'REWARD_LIMIT_REACHED',
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  AUTOMATION_NOT_FOUND = 'AUTOMATION_NOT_FOUND',
  CHALLENGE_NOT_FOUND = 'CHALLENGE_NOT_FOUND',
  /** Analytics: no sale or enrolment names the store. */
  STORE_NOT_FOUND = 'STORE_NOT_FOUND',
}

registerEnumType(ErrorCode, {
  name: 'LoyaltyErrorCode',
  description: 'Stable code of an expected domain outcome (a `LoyaltyUserError`).',
});

/** An expected outcome of a mutation, returned as data beside the payload's result. */
@ObjectType('LoyaltyUserError', { description: 'An expected outcome that stopped (part of) a mutation; nothing was changed by the failed part.' })
export class UserError {
  @Field(() => ErrorCode)
  code!: ErrorCode;

  @Field(() => String, { description: 'Human-readable explanation, safe to show to a cashier or member.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "email"].' })
  field?: string[] | null;
}

export function userError(code: ErrorCode, message: string, field?: string[]): UserError {
  return { code, message, field: field ?? null };
}

/** Top-level error codes (GraphQL `extensions.code`) for failures that are not domain outcomes. */
export type TopLevelCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT';

/** A coded error that is safe to show to the caller as-is; everything else is masked. */
export class PublicError extends GraphQLError {
  constructor(code: TopLevelCode, message: string, httpStatus?: number) {
    super(message, { extensions: { code, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
  }
}

export class AuthenticationError extends PublicError {
  constructor(message = 'A valid bearer token is required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends PublicError {
  constructor(message = 'Your role may not do this') {
    super('FORBIDDEN', message);
  }
}

export class BadInputError extends PublicError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

/** Codes produced by Apollo Server / graphql-js for malformed requests: safe to pass through. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export interface ErrorLogger {
  error(message: string, details: Record<string, unknown>): void;
}

/**
 * Apollo `formatError`: coded public errors pass; anything else is a bug, logged with its stack
 * and shown to the caller only as `INTERNAL_SERVER_ERROR`.
 */
export function createErrorFormatter(logger: ErrorLogger, exposeStacktraces: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      return formatted;
    }
    // A database error's message holds the statement with its values: errorForLog leaves them out.
    logger.error('unhandled error in request', { ...errorForLog(original), path: formatted.path });
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(exposeStacktraces && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
      },
    };
  };
}
