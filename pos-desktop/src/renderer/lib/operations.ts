import { graphql } from '../gql';

export const ProgrammeQuery = graphql(`
  query TillProgramme {
    loyaltyProgramme { currencyCode redeemPoints redeemAmountMinor minRedeemPoints maxRedeemSharePercent holdTtlDefaultSeconds earnBasis }
  }
`);

/** The cheap request of the online indicator: answered by whatever serves GraphQL, no database. */
export const PING_QUERY = 'query TillPing { __typename }';

export const MemberPanelFields = graphql(`
  fragment MemberPanelFields on LoyaltyMember {
    id firstName lastName status email phone
    tier { name }
    tierProgress { tierPoints nextTier { name } pointsToNextTier }
    wallet { available pending held cashValue { amount currencyCode } expiring { points expiresAt } }
    coupons(status: ACTIVE) { code displayCode title kind value { amount currencyCode } percent expiresAt }
    challenges { challenge { code name goal { kind } endsAt } progress target percent completed }
  }
`);

export const MemberByCardQuery = graphql(`
  query TillMemberByCard($cardNumber: String!) {
    loyaltyMemberByCard(cardNumber: $cardNumber) { ...MemberPanelFields }
    loyaltyCard(number: $cardNumber) { status }
  }
`);

export const MemberQuery = graphql(`
  query TillMember($id: ID!) {
    loyaltyMember(id: $id) { ...MemberPanelFields }
  }
`);

export const SearchMembersQuery = graphql(`
  query TillSearchMembers($search: String!, $first: Int!, $after: String) {
    loyaltyMembers(first: $first, after: $after, search: $search) {
      totalCount
      nodes { id firstName lastName email phone tier { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ValidateCouponQuery = graphql(`
  query TillValidateCoupon($code: String!, $memberId: ID) {
    validateLoyaltyCoupon(code: $code, memberId: $memberId) {
      valid reason message
      coupon { code displayCode title kind value { amount currencyCode } percent productId }
    }
  }
`);

export const HoldPointsMutation = graphql(`
  mutation TillHoldPoints($input: HoldPointsInput!) {
    holdPoints(input: $input) { hold { id points cashValue { amount currencyCode } status expiresAt } userErrors { code message } }
  }
`);

export const CaptureHoldMutation = graphql(`
  mutation TillCaptureHold($input: CapturePointsHoldInput!) {
    capturePointsHold(input: $input) { hold { id status capturedPoints capturedCash { amount } } userErrors { code message } }
  }
`);

export const ReleaseHoldMutation = graphql(`
  mutation TillReleaseHold($input: ReleasePointsHoldInput!) {
    releasePointsHold(input: $input) { hold { id status } userErrors { code message } }
  }
`);

export const RedeemCouponMutation = graphql(`
  mutation TillRedeemCoupon($input: RedeemLoyaltyCouponInput!) {
    redeemLoyaltyCoupon(input: $input) { coupon { code status } userErrors { code message } }
  }
`);

/** The member's level discounts on the sale's lines, priced by the service as the earn will be. */
export const SaleQuoteQuery = graphql(`
  query TillSaleQuote($input: LoyaltySaleInput!, $memberId: ID) {
    loyaltySaleQuote(input: $input, memberId: $memberId) {
      discountTotal { amount }
      lines { index discount { amount } discountedUnitPrice { amount } discountReason { text } }
      userErrors { code message }
    }
  }
`);

export const ReturnSaleMutation = graphql(`
  mutation TillReturnSale($input: ReturnLoyaltySaleInput!) {
    returnLoyaltySale(input: $input) {
      pointsReversed pointsClawedBack pointsRefunded couponsRestored
      member { id wallet { available } }
      userErrors { code message }
    }
  }
`);
