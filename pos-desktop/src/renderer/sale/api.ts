/**
 * The calls the sale workflow makes, behind one small interface so the workflow is tested with
 * a stand-in. The real one sends the typed documents (GraphQL Code Generator) through urql;
 * the earn and other untyped requests go through the backend's fetch as raw text, because the
 * earn-delivery rule needs the HTTP status and body exactly as they came.
 */
import type { Client } from 'urql';
import { EARN_MUTATION, type EarnAttempt } from '../../shared/earn-delivery';
import type { CapturePointsHoldInput, HoldPointsInput, LoyaltySaleInput, RedeemLoyaltyCouponInput, ReturnLoyaltySaleInput, TillValidateCouponQuery } from '../gql/graphql';
import {
  CaptureHoldMutation,
  HoldPointsMutation,
  MemberByCardQuery,
  MemberQuery,
  PING_QUERY,
  ProgrammeQuery,
  RedeemCouponMutation,
  ReleaseHoldMutation,
  SaleQuoteQuery,
  ReturnSaleMutation,
  SearchMembersQuery,
  ValidateCouponQuery,
} from '../lib/operations';
import type { Hold, LevelDiscountLine, Member, Programme, SearchResult } from './model';

/** Why a call did not give an answer to use: no answer at all, or GraphQL errors. */
export interface Failure {
  kind: 'network' | 'graphql';
  message: string;
  codes: string[];
}

export type Call<T> = { ok: true; data: T } | { ok: false; failure: Failure };

export interface UserErr {
  code: string;
  message: string;
}

export type CouponValidation = TillValidateCouponQuery['validateLoyaltyCoupon'];

export interface ReturnAnswer {
  pointsReversed: number;
  pointsClawedBack: number;
  pointsRefunded: number;
  couponsRestored: string[];
  balance: number | null;
  userErrors: UserErr[];
}

export interface TillApi {
  /** The programme's settings, with what a sale earns on (the whole sale or its cash part). */
  programme(): Promise<Call<Programme>>;
  memberByCard(cardNumber: string): Promise<Call<{ member: Member | null; cardStatus: string | null }>>;
  member(id: string): Promise<Call<Member | null>>;
  searchMembers(text: string, after: string | null, first: number): Promise<Call<{ results: SearchResult[]; total: number; endCursor: string | null; hasMore: boolean }>>;
  validateCoupon(code: string, memberId: string | null): Promise<Call<CouponValidation>>;
  holdPoints(input: HoldPointsInput): Promise<Call<{ hold: Hold | null; userErrors: UserErr[] }>>;
  releaseHold(holdId: string): Promise<Call<{ userErrors: UserErr[] }>>;
  captureHold(input: CapturePointsHoldInput): Promise<Call<{ capturedPoints: number | null; capturedCash: number | null; userErrors: UserErr[] }>>;
  redeemCoupon(input: RedeemLoyaltyCouponInput): Promise<Call<{ userErrors: UserErr[] }>>;
  returnSale(input: ReturnLoyaltySaleInput): Promise<Call<ReturnAnswer>>;
  /** The member's level discounts per line (null where a line has none), and the problems if any. */
  quoteSale(input: LoyaltySaleInput, memberId: string): Promise<Call<{ lines: (LevelDiscountLine | null)[]; userErrors: UserErr[] }>>;
  /** One earn delivery, as it came back (decided by `earnDelivery`). */
  sendEarn(input: Record<string, unknown>): Promise<EarnAttempt>;
  /** Any GraphQL text (the configured product query), as it came back. */
  raw(query: string, variables: Record<string, unknown>): Promise<EarnAttempt>;
  /** True when the graph answers at all. */
  ping(): Promise<boolean>;
}

type UrqlError = { networkError?: Error | undefined; graphQLErrors: { message: string; extensions?: Record<string, unknown> }[]; message: string };

function failure(error: UrqlError): Failure {
  if (error.networkError) return { kind: 'network', message: error.networkError.message, codes: [] };
  return {
    kind: 'graphql',
    message: error.graphQLErrors.map((e) => e.message).join('; ') || error.message,
    codes: error.graphQLErrors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')),
  };
}

/** The TillApi over an urql client (typed documents) and the backend's fetch (raw requests). */
export function createTillApi(client: Client, fetchGraphql: typeof fetch): TillApi {
  async function query<D, V extends Record<string, unknown>, T>(doc: Parameters<Client['query']>[0], variables: V, pick: (data: D) => T): Promise<Call<T>> {
    const r = await client.query(doc, variables, { requestPolicy: 'network-only' }).toPromise();
    if (r.error) return { ok: false, failure: failure(r.error) };
    return { ok: true, data: pick(r.data as D) };
  }
  async function mutate<D, V extends Record<string, unknown>, T>(doc: Parameters<Client['mutation']>[0], variables: V, pick: (data: D) => T): Promise<Call<T>> {
    const r = await client.mutation(doc, variables).toPromise();
    if (r.error) return { ok: false, failure: failure(r.error) };
    return { ok: true, data: pick(r.data as D) };
  }
  async function raw(query: string, variables: Record<string, unknown>): Promise<EarnAttempt> {
    try {
      const res = await fetchGraphql('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { kind: 'answer', status: res.status, body: await res.text() };
    } catch (error) {
      return { kind: 'no-answer', message: error instanceof Error ? error.message : String(error) };
    }
  }
  const errs = (list: { code: string; message: string }[] | undefined) => (list ?? []).map((e) => ({ code: e.code, message: e.message }));

  return {
    programme: () =>
      query(ProgrammeQuery, {}, (d: import('../gql/graphql').TillProgrammeQuery) => {
        const p = d.loyaltyProgramme;
        return {
          currencyCode: p.currencyCode,
          redeemPoints: p.redeemPoints,
          redeemAmountMinor: p.redeemAmountMinor,
          minRedeemPoints: p.minRedeemPoints,
          maxRedeemSharePercent: p.maxRedeemSharePercent,
          holdTtlDefaultSeconds: p.holdTtlDefaultSeconds,
          earnBasis: p.earnBasis,
        };
      }),
    memberByCard: (cardNumber) =>
      query(MemberByCardQuery, { cardNumber }, (d: import('../gql/graphql').TillMemberByCardQuery) => ({ member: d.loyaltyMemberByCard ?? null, cardStatus: d.loyaltyCard?.status ?? null })),
    member: (id) => query(MemberQuery, { id }, (d: import('../gql/graphql').TillMemberQuery) => d.loyaltyMember ?? null),
    searchMembers: (search, after, first) =>
      query(SearchMembersQuery, { search, after, first }, (d: import('../gql/graphql').TillSearchMembersQuery) => ({
        results: d.loyaltyMembers.nodes,
        total: d.loyaltyMembers.totalCount,
        endCursor: d.loyaltyMembers.pageInfo.endCursor ?? null,
        hasMore: d.loyaltyMembers.pageInfo.hasNextPage,
      })),
    validateCoupon: (code, memberId) => query(ValidateCouponQuery, { code, memberId }, (d: TillValidateCouponQuery) => d.validateLoyaltyCoupon),
    holdPoints: (input) =>
      mutate(HoldPointsMutation, { input }, (d: import('../gql/graphql').TillHoldPointsMutation) => {
        const h = d.holdPoints.hold;
        return { hold: h ? { id: h.id, points: h.points, cashMinor: h.cashValue.amount, expiresAt: h.expiresAt } : null, userErrors: errs(d.holdPoints.userErrors) };
      }),
    releaseHold: (holdId) => mutate(ReleaseHoldMutation, { input: { holdId } }, (d: import('../gql/graphql').TillReleaseHoldMutation) => ({ userErrors: errs(d.releasePointsHold.userErrors) })),
    captureHold: (input) =>
      mutate(CaptureHoldMutation, { input }, (d: import('../gql/graphql').TillCaptureHoldMutation) => ({
        capturedPoints: d.capturePointsHold.hold?.capturedPoints ?? null,
        capturedCash: d.capturePointsHold.hold?.capturedCash?.amount ?? null,
        userErrors: errs(d.capturePointsHold.userErrors),
      })),
    redeemCoupon: (input) => mutate(RedeemCouponMutation, { input }, (d: import('../gql/graphql').TillRedeemCouponMutation) => ({ userErrors: errs(d.redeemLoyaltyCoupon.userErrors) })),
    returnSale: (input) =>
      mutate(ReturnSaleMutation, { input }, (d: import('../gql/graphql').TillReturnSaleMutation) => {
        const r = d.returnLoyaltySale;
        return {
          pointsReversed: r.pointsReversed ?? 0,
          pointsClawedBack: r.pointsClawedBack ?? 0,
          pointsRefunded: r.pointsRefunded ?? 0,
          couponsRestored: r.couponsRestored ?? [],
          balance: r.member?.wallet.available ?? null,
          userErrors: errs(r.userErrors),
        };
      }),
    quoteSale: (input, memberId) =>
      query(SaleQuoteQuery, { input, memberId }, (d: import('../gql/graphql').TillSaleQuoteQuery) => ({
        lines: d.loyaltySaleQuote.lines.map((l) =>
          l.discount.amount > 0 && l.discountReason ? { discountMinor: l.discount.amount, unitPrice: l.discountedUnitPrice.amount, text: l.discountReason.text } : null,
        ),
        userErrors: errs(d.loyaltySaleQuote.userErrors),
      })),
    sendEarn: (input) => raw(EARN_MUTATION, { input }),
    raw,
    async ping() {
      const a = await raw(PING_QUERY, {});
      return a.kind === 'answer' && a.status < 500;
    },
  };
}
