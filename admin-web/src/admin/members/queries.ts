import { graphql } from '../../gql';

/** A page of the members table: the whole list in a sort, or a search in its own order. */
export const MembersTableQuery = graphql(`
  query ConsoleMembersTable($first: Int, $after: String, $search: String, $sort: LoyaltyMemberSort) {
    loyaltyMembers(first: $first, after: $after, search: $search, sort: $sort) {
      totalCount
      totalCountIsEstimate
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        firstName
        lastName
        email
        status
        enrolledAt
        tier {
          id
          name
        }
        wallet {
          available
        }
      }
    }
  }
`);

/** Everything the member page shows but the points log (paged on its own). */
export const MemberDetailQuery = graphql(`
  query ConsoleMembersDetail($id: ID!) {
    loyaltyMember(id: $id) {
      id
      customerId
      firstName
      lastName
      email
      phone
      birthday
      status
      emailOptIn
      smsOptIn
      enrolledAt
      lastActivityAt
      membershipExpiresAt
      tier {
        id
        name
        rank
      }
      tierProgress {
        qualificationBasis
        qualificationWindow
        qualifyingValue
        windowStart
        toNextTier
        nextTierBy
        reviewAt
        toKeepTier
        graceUntil
        currentTier {
          id
          name
          qualificationThreshold
        }
        nextTier {
          id
          name
          qualificationThreshold
        }
      }
      cards {
        number
        status
        linkedAt
        statusChangedAt
      }
      wallet {
        available
        pending
        held
        lifetimeEarned
        tierPoints
        cashValue {
          amount
          currencyCode
        }
        expiring {
          points
          expiresAt
        }
      }
      coupons(first: 20) {
        code
        displayCode
        title
        kind
        status
        expiresAt
        issuedAt
        pointsSpent
      }
      inbox(first: 10) {
        totalCount
        unreadCount
        nodes {
          id
          title
          body
          createdAt
          read
        }
      }
    }
  }
`);

/** The points log, newest first, a page at a time. */
export const MemberActivityQuery = graphql(`
  query ConsoleMembersActivity($id: ID!, $first: Int, $after: String) {
    loyaltyMember(id: $id) {
      id
      activity(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          type
          points
          availableChange
          availableAfter
          reason
          channel
          saleId
          couponCode
          actor
          occurredAt
        }
      }
    }
  }
`);

export const AdjustPointsMutation = graphql(`
  mutation ConsoleMembersAdjustPoints($input: AdjustPointsInput!) {
    adjustPoints(input: $input) {
      entry {
        id
        points
        reason
      }
      member {
        id
        wallet {
          available
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const SetCardStatusMutation = graphql(`
  mutation ConsoleMembersSetCardStatus($input: SetLoyaltyCardStatusInput!) {
    setLoyaltyCardStatus(input: $input) {
      card {
        number
        status
        statusChangedAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
