/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TillProgramme {\n    loyaltyProgramme { currencyCode redeemPoints redeemAmountMinor minRedeemPoints maxRedeemSharePercent holdTtlDefaultSeconds earnBasis }\n  }\n": typeof types.TillProgrammeDocument,
    "\n  fragment MemberPanelFields on LoyaltyMember {\n    id firstName lastName status email phone\n    tier { name }\n    tierProgress { tierPoints nextTier { name } pointsToNextTier }\n    wallet { available pending held cashValue { amount currencyCode } expiring { points expiresAt } }\n    coupons(status: ACTIVE) { code displayCode title kind value { amount currencyCode } percent expiresAt }\n    challenges { challenge { code name goal { kind } endsAt } progress target percent completed }\n  }\n": typeof types.MemberPanelFieldsFragmentDoc,
    "\n  query TillMemberByCard($cardNumber: String!) {\n    loyaltyMemberByCard(cardNumber: $cardNumber) { ...MemberPanelFields }\n    loyaltyCard(number: $cardNumber) { status }\n  }\n": typeof types.TillMemberByCardDocument,
    "\n  query TillMember($id: ID!) {\n    loyaltyMember(id: $id) { ...MemberPanelFields }\n  }\n": typeof types.TillMemberDocument,
    "\n  query TillSearchMembers($search: String!, $first: Int!, $after: String) {\n    loyaltyMembers(first: $first, after: $after, search: $search) {\n      totalCount\n      nodes { id firstName lastName email phone tier { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TillSearchMembersDocument,
    "\n  query TillValidateCoupon($code: String!, $memberId: ID) {\n    validateLoyaltyCoupon(code: $code, memberId: $memberId) {\n      valid reason message\n      coupon { code displayCode title kind value { amount currencyCode } percent productId }\n    }\n  }\n": typeof types.TillValidateCouponDocument,
    "\n  mutation TillHoldPoints($input: HoldPointsInput!) {\n    holdPoints(input: $input) { hold { id points cashValue { amount currencyCode } status expiresAt } userErrors { code message } }\n  }\n": typeof types.TillHoldPointsDocument,
    "\n  mutation TillCaptureHold($input: CapturePointsHoldInput!) {\n    capturePointsHold(input: $input) { hold { id status capturedPoints capturedCash { amount } } userErrors { code message } }\n  }\n": typeof types.TillCaptureHoldDocument,
    "\n  mutation TillReleaseHold($input: ReleasePointsHoldInput!) {\n    releasePointsHold(input: $input) { hold { id status } userErrors { code message } }\n  }\n": typeof types.TillReleaseHoldDocument,
    "\n  mutation TillRedeemCoupon($input: RedeemLoyaltyCouponInput!) {\n    redeemLoyaltyCoupon(input: $input) { coupon { code status } userErrors { code message } }\n  }\n": typeof types.TillRedeemCouponDocument,
    "\n  query TillSaleQuote($input: LoyaltySaleInput!, $memberId: ID) {\n    loyaltySaleQuote(input: $input, memberId: $memberId) {\n      discountTotal { amount }\n      lines { index discount { amount } discountedUnitPrice { amount } discountReason { text } }\n      userErrors { code message }\n    }\n  }\n": typeof types.TillSaleQuoteDocument,
    "\n  mutation TillReturnSale($input: ReturnLoyaltySaleInput!) {\n    returnLoyaltySale(input: $input) {\n      pointsReversed pointsClawedBack pointsRefunded couponsRestored\n      member { id wallet { available } }\n      userErrors { code message }\n    }\n  }\n": typeof types.TillReturnSaleDocument,
};
const documents: Documents = {
    "\n  query TillProgramme {\n    loyaltyProgramme { currencyCode redeemPoints redeemAmountMinor minRedeemPoints maxRedeemSharePercent holdTtlDefaultSeconds earnBasis }\n  }\n": types.TillProgrammeDocument,
    "\n  fragment MemberPanelFields on LoyaltyMember {\n    id firstName lastName status email phone\n    tier { name }\n    tierProgress { tierPoints nextTier { name } pointsToNextTier }\n    wallet { available pending held cashValue { amount currencyCode } expiring { points expiresAt } }\n    coupons(status: ACTIVE) { code displayCode title kind value { amount currencyCode } percent expiresAt }\n    challenges { challenge { code name goal { kind } endsAt } progress target percent completed }\n  }\n": types.MemberPanelFieldsFragmentDoc,
    "\n  query TillMemberByCard($cardNumber: String!) {\n    loyaltyMemberByCard(cardNumber: $cardNumber) { ...MemberPanelFields }\n    loyaltyCard(number: $cardNumber) { status }\n  }\n": types.TillMemberByCardDocument,
    "\n  query TillMember($id: ID!) {\n    loyaltyMember(id: $id) { ...MemberPanelFields }\n  }\n": types.TillMemberDocument,
    "\n  query TillSearchMembers($search: String!, $first: Int!, $after: String) {\n    loyaltyMembers(first: $first, after: $after, search: $search) {\n      totalCount\n      nodes { id firstName lastName email phone tier { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TillSearchMembersDocument,
    "\n  query TillValidateCoupon($code: String!, $memberId: ID) {\n    validateLoyaltyCoupon(code: $code, memberId: $memberId) {\n      valid reason message\n      coupon { code displayCode title kind value { amount currencyCode } percent productId }\n    }\n  }\n": types.TillValidateCouponDocument,
    "\n  mutation TillHoldPoints($input: HoldPointsInput!) {\n    holdPoints(input: $input) { hold { id points cashValue { amount currencyCode } status expiresAt } userErrors { code message } }\n  }\n": types.TillHoldPointsDocument,
    "\n  mutation TillCaptureHold($input: CapturePointsHoldInput!) {\n    capturePointsHold(input: $input) { hold { id status capturedPoints capturedCash { amount } } userErrors { code message } }\n  }\n": types.TillCaptureHoldDocument,
    "\n  mutation TillReleaseHold($input: ReleasePointsHoldInput!) {\n    releasePointsHold(input: $input) { hold { id status } userErrors { code message } }\n  }\n": types.TillReleaseHoldDocument,
    "\n  mutation TillRedeemCoupon($input: RedeemLoyaltyCouponInput!) {\n    redeemLoyaltyCoupon(input: $input) { coupon { code status } userErrors { code message } }\n  }\n": types.TillRedeemCouponDocument,
    "\n  query TillSaleQuote($input: LoyaltySaleInput!, $memberId: ID) {\n    loyaltySaleQuote(input: $input, memberId: $memberId) {\n      discountTotal { amount }\n      lines { index discount { amount } discountedUnitPrice { amount } discountReason { text } }\n      userErrors { code message }\n    }\n  }\n": types.TillSaleQuoteDocument,
    "\n  mutation TillReturnSale($input: ReturnLoyaltySaleInput!) {\n    returnLoyaltySale(input: $input) {\n      pointsReversed pointsClawedBack pointsRefunded couponsRestored\n      member { id wallet { available } }\n      userErrors { code message }\n    }\n  }\n": types.TillReturnSaleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TillProgramme {\n    loyaltyProgramme { currencyCode redeemPoints redeemAmountMinor minRedeemPoints maxRedeemSharePercent holdTtlDefaultSeconds earnBasis }\n  }\n"): (typeof documents)["\n  query TillProgramme {\n    loyaltyProgramme { currencyCode redeemPoints redeemAmountMinor minRedeemPoints maxRedeemSharePercent holdTtlDefaultSeconds earnBasis }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberPanelFields on LoyaltyMember {\n    id firstName lastName status email phone\n    tier { name }\n    tierProgress { tierPoints nextTier { name } pointsToNextTier }\n    wallet { available pending held cashValue { amount currencyCode } expiring { points expiresAt } }\n    coupons(status: ACTIVE) { code displayCode title kind value { amount currencyCode } percent expiresAt }\n    challenges { challenge { code name goal { kind } endsAt } progress target percent completed }\n  }\n"): (typeof documents)["\n  fragment MemberPanelFields on LoyaltyMember {\n    id firstName lastName status email phone\n    tier { name }\n    tierProgress { tierPoints nextTier { name } pointsToNextTier }\n    wallet { available pending held cashValue { amount currencyCode } expiring { points expiresAt } }\n    coupons(status: ACTIVE) { code displayCode title kind value { amount currencyCode } percent expiresAt }\n    challenges { challenge { code name goal { kind } endsAt } progress target percent completed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TillMemberByCard($cardNumber: String!) {\n    loyaltyMemberByCard(cardNumber: $cardNumber) { ...MemberPanelFields }\n    loyaltyCard(number: $cardNumber) { status }\n  }\n"): (typeof documents)["\n  query TillMemberByCard($cardNumber: String!) {\n    loyaltyMemberByCard(cardNumber: $cardNumber) { ...MemberPanelFields }\n    loyaltyCard(number: $cardNumber) { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TillMember($id: ID!) {\n    loyaltyMember(id: $id) { ...MemberPanelFields }\n  }\n"): (typeof documents)["\n  query TillMember($id: ID!) {\n    loyaltyMember(id: $id) { ...MemberPanelFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TillSearchMembers($search: String!, $first: Int!, $after: String) {\n    loyaltyMembers(first: $first, after: $after, search: $search) {\n      totalCount\n      nodes { id firstName lastName email phone tier { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query TillSearchMembers($search: String!, $first: Int!, $after: String) {\n    loyaltyMembers(first: $first, after: $after, search: $search) {\n      totalCount\n      nodes { id firstName lastName email phone tier { name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TillValidateCoupon($code: String!, $memberId: ID) {\n    validateLoyaltyCoupon(code: $code, memberId: $memberId) {\n      valid reason message\n      coupon { code displayCode title kind value { amount currencyCode } percent productId }\n    }\n  }\n"): (typeof documents)["\n  query TillValidateCoupon($code: String!, $memberId: ID) {\n    validateLoyaltyCoupon(code: $code, memberId: $memberId) {\n      valid reason message\n      coupon { code displayCode title kind value { amount currencyCode } percent productId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TillHoldPoints($input: HoldPointsInput!) {\n    holdPoints(input: $input) { hold { id points cashValue { amount currencyCode } status expiresAt } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation TillHoldPoints($input: HoldPointsInput!) {\n    holdPoints(input: $input) { hold { id points cashValue { amount currencyCode } status expiresAt } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TillCaptureHold($input: CapturePointsHoldInput!) {\n    capturePointsHold(input: $input) { hold { id status capturedPoints capturedCash { amount } } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation TillCaptureHold($input: CapturePointsHoldInput!) {\n    capturePointsHold(input: $input) { hold { id status capturedPoints capturedCash { amount } } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TillReleaseHold($input: ReleasePointsHoldInput!) {\n    releasePointsHold(input: $input) { hold { id status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation TillReleaseHold($input: ReleasePointsHoldInput!) {\n    releasePointsHold(input: $input) { hold { id status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TillRedeemCoupon($input: RedeemLoyaltyCouponInput!) {\n    redeemLoyaltyCoupon(input: $input) { coupon { code status } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation TillRedeemCoupon($input: RedeemLoyaltyCouponInput!) {\n    redeemLoyaltyCoupon(input: $input) { coupon { code status } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TillSaleQuote($input: LoyaltySaleInput!, $memberId: ID) {\n    loyaltySaleQuote(input: $input, memberId: $memberId) {\n      discountTotal { amount }\n      lines { index discount { amount } discountedUnitPrice { amount } discountReason { text } }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  query TillSaleQuote($input: LoyaltySaleInput!, $memberId: ID) {\n    loyaltySaleQuote(input: $input, memberId: $memberId) {\n      discountTotal { amount }\n      lines { index discount { amount } discountedUnitPrice { amount } discountReason { text } }\n      userErrors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TillReturnSale($input: ReturnLoyaltySaleInput!) {\n    returnLoyaltySale(input: $input) {\n      pointsReversed pointsClawedBack pointsRefunded couponsRestored\n      member { id wallet { available } }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation TillReturnSale($input: ReturnLoyaltySaleInput!) {\n    returnLoyaltySale(input: $input) {\n      pointsReversed pointsClawedBack pointsRefunded couponsRestored\n      member { id wallet { available } }\n      userErrors { code message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;