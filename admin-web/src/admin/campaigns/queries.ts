import { graphql } from '../../gql';

export const CampaignFields = graphql(`
  fragment ConsoleCampaignFields on LoyaltyCampaign {
    id
    code
    name
    description
    status
    runningNow
    startsAt
    endsAt
    timeZone
    windows {
      weekdays
      from
      to
    }
    audienceCode
    hasInlineAudience
    criteria {
      storeIds
      channels
      categoryIds
      productIds
      minSpend {
        amount
        currencyCode
      }
      firstPurchase
      nthVisit
    }
    offer {
      kind
      points
      percent
      value {
        amount
        currencyCode
      }
      productId
      title
      validDays
    }
    perMemberLimit
    perMemberPeriod
    budget {
      points
      pointsGiven
      value {
        amount
        currencyCode
      }
      valueIssued {
        amount
        currencyCode
      }
      coupons
      couponsIssued
      exhausted
    }
    priority
    stacking
    stackGroup
    updatedAt
  }
`);

export const CampaignsQuery = graphql(`
  query ConsoleCampaigns($status: LoyaltyCampaignStatus) {
    loyaltyCampaigns(status: $status) {
      ...ConsoleCampaignFields
    }
  }
`);

export const CampaignQuery = graphql(`
  query ConsoleCampaign($code: String!) {
    loyaltyCampaign(code: $code) {
      ...ConsoleCampaignFields
    }
  }
`);

export const CampaignChoicesQuery = graphql(`
  query ConsoleCampaignChoices {
    loyaltyAudiences {
      code
      name
    }
    loyaltyCampaigns {
      code
    }
  }
`);

export const SaveCampaign = graphql(`
  mutation ConsoleCampaignSave($input: SaveLoyaltyCampaignInput!) {
    saveLoyaltyCampaign(input: $input) {
      campaign {
        ...ConsoleCampaignFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const SetCampaignStatus = graphql(`
  mutation ConsoleCampaignSetStatus($input: SetLoyaltyCampaignStatusInput!) {
    setLoyaltyCampaignStatus(input: $input) {
      campaign {
        ...ConsoleCampaignFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export const SimulateCampaign = graphql(`
  query ConsoleCampaignSimulate($input: SaveLoyaltyCampaignInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
    simulateLoyaltyCampaign(input: $input, from: $from, to: $to) {
      salesReplayed
      salesRewarded
      membersReached
      points
      coupons
      couponValue {
        amount
        currencyCode
      }
      cost {
        amount
        currencyCode
      }
      budgetExhaustedAt
      userErrors {
        code
        message
        field
      }
    }
  }
`);
