/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

export type AdjustPointsInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  /** Signed: positive credits, negative debits. */
  points: Scalars['Int']['input'];
  /** Why; kept in the points log. Required. */
  reason: Scalars['String']['input'];
};

export type AdjustPointsPayload = {
  __typename?: 'AdjustPointsPayload';
  entry?: Maybe<LoyaltyLedgerEntry>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type CapturePointsHoldInput = {
  holdId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  /** Capture fewer points than held; the rest return at once. */
  points?: InputMaybe<Scalars['Int']['input']>;
};

export type CapturePointsHoldPayload = {
  __typename?: 'CapturePointsHoldPayload';
  hold?: Maybe<LoyaltyPointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type ClaimLoyaltyVoucherInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  rewardId: Scalars['ID']['input'];
};

export type ClaimLoyaltyVoucherPayload = {
  __typename?: 'ClaimLoyaltyVoucherPayload';
  coupon?: Maybe<LoyaltyCoupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type ConvertPointsToCouponInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  /** At least the programme's minRedeemPoints. */
  points: Scalars['Int']['input'];
};

export type ConvertPointsToCouponPayload = {
  __typename?: 'ConvertPointsToCouponPayload';
  coupon?: Maybe<LoyaltyCoupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /** The customer's loyalty membership; null when the customer is not enrolled or the caller may not see it. */
  loyalty?: Maybe<LoyaltyMember>;
};

/** Give exactly one of memberId or cardNumber. */
export type EarnPointsInput = {
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  sale: LoyaltySaleInput;
};

export type EarnPointsPayload = {
  __typename?: 'EarnPointsPayload';
  /** The sale had already earned (e.g. an offline till replaying): nothing new was credited. */
  duplicate: Scalars['Boolean']['output'];
  earn?: Maybe<LoyaltySaleEarn>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** At least one of customerId, email or phone is required, so the member can be found again. */
export type EnrollLoyaltyMemberInput = {
  birthday?: InputMaybe<Scalars['LocalDate']['input']>;
  /** A card handed over at enrolment; linked in the same step. */
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  /** The commerce graph's customer id (at most 256 characters). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  emailOptIn?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters. */
  firstName: Scalars['String']['input'];
  /** A retry with the same key returns the member the first request enrolled (and pays no second welcome bonus). */
  idempotencyKey: Scalars['String']['input'];
  /** At most 100 characters. */
  lastName: Scalars['String']['input'];
  /** International format, e.g. +44 7700 900123. */
  phone?: InputMaybe<Scalars['String']['input']>;
  smsOptIn?: InputMaybe<Scalars['Boolean']['input']>;
};

export type EnrollLoyaltyMemberPayload = {
  __typename?: 'EnrollLoyaltyMemberPayload';
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** Give exactly one of points or cash. */
export type HoldPointsInput = {
  /** Hold enough points to pay this amount (points rounded up). */
  cash?: InputMaybe<LoyaltyMoneyInput>;
  channel?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  points?: InputMaybe<Scalars['Int']['input']>;
  saleId: Scalars['String']['input'];
  /** The sale's total: enforces the maximum share payable by points. */
  saleTotal?: InputMaybe<LoyaltyMoneyInput>;
  /** Taken from a till's token when the caller is a till. */
  tillId?: InputMaybe<Scalars['String']['input']>;
  /** Default and maximum from the programme's settings. */
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type HoldPointsPayload = {
  __typename?: 'HoldPointsPayload';
  hold?: Maybe<LoyaltyPointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** Admins: a percent discount or a goodwill cash voucher, without points. */
export type IssueLoyaltyCouponInput = {
  idempotencyKey: Scalars['String']['input'];
  /** PERCENT_DISCOUNT or CASH_VOUCHER. */
  kind: LoyaltyCouponKind;
  /** Without a member: a bearer coupon anyone may use once. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  percent?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  /** Default: the programme's coupon validity. */
  validDays?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<LoyaltyMoneyInput>;
};

export type IssueLoyaltyCouponPayload = {
  __typename?: 'IssueLoyaltyCouponPayload';
  coupon?: Maybe<LoyaltyCoupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type IssueLoyaltyGiftItemInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  rewardId: Scalars['ID']['input'];
};

export type IssueLoyaltyGiftItemPayload = {
  __typename?: 'IssueLoyaltyGiftItemPayload';
  coupon?: Maybe<LoyaltyCoupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type LinkLoyaltyCardInput = {
  /** 6 to 32 letters and digits; spaces and hyphens are ignored. */
  cardNumber: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
};

export type LinkLoyaltyCardPayload = {
  __typename?: 'LinkLoyaltyCardPayload';
  card?: Maybe<LoyaltyCard>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type LinkLoyaltyCustomerInput = {
  /** The commerce graph's customer key (the value of COMMERCE_CUSTOMER_KEY), as the shopper's online account has it. */
  customerId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};

export type LinkLoyaltyCustomerPayload = {
  __typename?: 'LinkLoyaltyCustomerPayload';
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** Buckets of the programme's time zone: days, ISO weeks (from Monday), calendar months. */
export type LoyaltyAnalyticsBucket =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** A named audience (segment) of members, for campaigns and automations; evaluated when read or used. */
export type LoyaltyAudience = {
  __typename?: 'LoyaltyAudience';
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Its members now: a count and a sample. */
  members: LoyaltyAudiencePreview;
  name: Scalars['String']['output'];
  /** The rules as stored (normalised: codes upper case, dates ISO). */
  rules: Scalars['JSONObject']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** A named audience (segment) of members, for campaigns and automations; evaluated when read or used. */
export type LoyaltyAudienceMembersArgs = {
  sampleSize?: InputMaybe<Scalars['Int']['input']>;
};

/** How many members an audience selects now, with a sample (newest enrolment first). */
export type LoyaltyAudiencePreview = {
  __typename?: 'LoyaltyAudiencePreview';
  memberCount?: Maybe<Scalars['Int']['output']>;
  sample: Array<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** At least one sale in one of these stores and/or channels, in the last withinDays days when given. */
export type LoyaltyAudiencePurchasedAtInput = {
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  storeIds?: InputMaybe<Array<Scalars['String']['input']>>;
  withinDays?: InputMaybe<Scalars['Int']['input']>;
};

/** A total over the last windowDays days, between min and max (inclusive; at least one of them). */
export type LoyaltyAudienceRangeInput = {
  max?: InputMaybe<Scalars['Int']['input']>;
  min?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 3660 days, up to now. */
  windowDays: Scalars['Int']['input'];
};

/** Conditions over member data; a member must meet all that are given. None: every ACTIVE member. Sales count net of returns. */
export type LoyaltyAudienceRulesInput = {
  /** Birthday months, 1 (January) to 12. */
  birthdayMonths?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** true: members who can be e-mailed marketing (opted in, with an address); false: the others. */
  emailOptIn?: InputMaybe<Scalars['Boolean']['input']>;
  enrolledAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  enrolledBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Where the member enrolled (their enrollmentSource): store:<storeId> for a till, admin for an admin. */
  enrollmentSources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Bought nothing in the last N days (members who never bought included). */
  inactiveForDays?: InputMaybe<Scalars['Int']['input']>;
  purchasedAt?: InputMaybe<LoyaltyAudiencePurchasedAtInput>;
  /** Bought at least once in the last N days. */
  purchasedWithinDays?: InputMaybe<Scalars['Int']['input']>;
  /** true: members who can be texted marketing (opted in, with a phone); false: the others. */
  smsOptIn?: InputMaybe<Scalars['Boolean']['input']>;
  /** Net spend in minor units. */
  spend?: InputMaybe<LoyaltyAudienceRangeInput>;
  /** Default: ACTIVE only. */
  statuses?: InputMaybe<Array<LoyaltyMemberStatus>>;
  /** Members with at least one of these tags (automations add them). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Level (tier) codes the member is at now. */
  tierCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Number of sales (visits). */
  visits?: InputMaybe<LoyaltyAudienceRangeInput>;
  /** Members with none of these tags. */
  withoutTags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** An automated programme (admins): trigger, audience, actions, run once per member and occurrence. */
export type LoyaltyAutomation = {
  __typename?: 'LoyaltyAutomation';
  actions: Array<LoyaltyAutomationAction>;
  activatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  audienceCode?: Maybe<Scalars['String']['output']>;
  code: Scalars['String']['output'];
  failedCount: Scalars['Int']['output'];
  hasInlineAudience: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Event triggers: the last completed scan. */
  lastScanAt?: Maybe<Scalars['DateTimeISO']['output']>;
  name: Scalars['String']['output'];
  /** Occurrences acted on so far. */
  runCount: Scalars['Int']['output'];
  status: LoyaltyAutomationStatus;
  trigger: LoyaltyAutomationTrigger;
};

export type LoyaltyAutomationAction = {
  __typename?: 'LoyaltyAutomationAction';
  /** ISSUE_COUPON: the coupon as stored (valueMinor in minor units). */
  coupon?: Maybe<Scalars['JSONObject']['output']>;
  kind: LoyaltyAutomationActionKind;
  name?: Maybe<Scalars['String']['output']>;
  points?: Maybe<Scalars['Int']['output']>;
  purpose?: Maybe<LoyaltyMessagePurpose>;
  tag?: Maybe<Scalars['String']['output']>;
  templateKey?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['String']['output']>;
};

/** One action; they run in order, in one transaction per occurrence. */
export type LoyaltyAutomationActionInput = {
  /** ISSUE_COUPON. */
  coupon?: InputMaybe<LoyaltyAutomationCouponInput>;
  kind: LoyaltyAutomationActionKind;
  /** SET_ATTRIBUTE. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** AWARD_POINTS. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** SEND_MESSAGE; default MARKETING. */
  purpose?: InputMaybe<LoyaltyMessagePurpose>;
  /** ADD_TAG, REMOVE_TAG: lower case. */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** SEND_MESSAGE: a custom.<name> template key (it needs an INBOX template). */
  templateKey?: InputMaybe<Scalars['String']['input']>;
  /** SET_ATTRIBUTE. */
  value?: InputMaybe<Scalars['String']['input']>;
};

export type LoyaltyAutomationActionKind =
  | 'ADD_TAG'
  | 'AWARD_POINTS'
  | 'ISSUE_COUPON'
  | 'REMOVE_TAG'
  | 'SEND_MESSAGE'
  | 'SET_ATTRIBUTE';

export type LoyaltyAutomationCouponInput = {
  /** CASH_VOUCHER, PERCENT_COUPON or GIFT_ITEM. */
  kind: Scalars['String']['input'];
  percent?: InputMaybe<Scalars['Int']['input']>;
  productId?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  validDays?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<LoyaltyMoneyInput>;
};

/** PURCHASE: which sales, as a campaign's criteria. */
export type LoyaltyAutomationCriteriaInput = {
  categoryIds?: InputMaybe<Array<Scalars['String']['input']>>;
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  minSpend?: InputMaybe<LoyaltyMoneyInput>;
  productIds?: InputMaybe<Array<Scalars['String']['input']>>;
  storeIds?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What an automation did for one member and occurrence. */
export type LoyaltyAutomationRun = {
  __typename?: 'LoyaltyAutomationRun';
  automationCode: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** What each action did (points, coupon code, message channels, tag), or the error. */
  detail: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  member?: Maybe<LoyaltyMember>;
  memberId: Scalars['ID']['output'];
  /** e.g. sale:<id>, birthday:2026, inactive:2026-09-01, event:<id>. */
  occurrenceKey: Scalars['String']['output'];
  status: LoyaltyAutomationRunStatus;
};

export type LoyaltyAutomationRunStatus =
  | 'DONE'
  | 'FAILED';

/** Only ACTIVE automations run; event triggers act on what is recorded from their activation on. */
export type LoyaltyAutomationStatus =
  | 'ACTIVE'
  | 'DRAFT'
  | 'PAUSED';

export type LoyaltyAutomationTrigger = {
  __typename?: 'LoyaltyAutomationTrigger';
  /** PURCHASE criteria as stored (minSpendMinor in minor units). */
  criteria?: Maybe<Scalars['JSONObject']['output']>;
  days?: Maybe<Scalars['Int']['output']>;
  eventType?: Maybe<Scalars['String']['output']>;
  kind: LoyaltyAutomationTriggerKind;
  tierCodes?: Maybe<Array<Scalars['String']['output']>>;
};

export type LoyaltyAutomationTriggerInput = {
  criteria?: InputMaybe<LoyaltyAutomationCriteriaInput>;
  /** POINTS_EXPIRING, COUPON_EXPIRING: within this many days; INACTIVE: no activity for this many days. */
  days?: InputMaybe<Scalars['Int']['input']>;
  /** CUSTOM_EVENT: the event type (recordLoyaltyEvent's type). */
  eventType?: InputMaybe<Scalars['String']['input']>;
  kind: LoyaltyAutomationTriggerKind;
  /** LEVEL_CHANGED: only moves to these level codes. */
  tierCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type LoyaltyAutomationTriggerKind =
  | 'BIRTHDAY'
  | 'COUPON_EXPIRING'
  | 'CUSTOM_EVENT'
  | 'ENROLLED'
  | 'INACTIVE'
  | 'LEVEL_CHANGED'
  | 'POINTS_EXPIRING'
  | 'PURCHASE'
  | 'RETURN';

/** A promotion campaign (admins): period, audience, criteria, offer, limits, budget, priority and stacking. */
export type LoyaltyCampaign = {
  __typename?: 'LoyaltyCampaign';
  audienceCode?: Maybe<Scalars['String']['output']>;
  budget: LoyaltyCampaignBudget;
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  criteria: LoyaltyCampaignCriteria;
  description?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Has an inline audience (rather than a saved one). */
  hasInlineAudience: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  offer: LoyaltyCampaignOffer;
  perMemberLimit?: Maybe<Scalars['Int']['output']>;
  perMemberPeriod: LoyaltyCampaignLimitPeriod;
  priority: Scalars['Int']['output'];
  /** ACTIVE, in its period and in a time window now. */
  runningNow: Scalars['Boolean']['output'];
  stackGroup?: Maybe<Scalars['String']['output']>;
  stacking: LoyaltyCampaignStacking;
  startsAt: Scalars['DateTimeISO']['output'];
  status: LoyaltyCampaignStatus;
  timeZone: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  windows: Array<LoyaltyCampaignWindow>;
};

/** What one campaign gave a sale: points or a coupon. */
export type LoyaltyCampaignAward = {
  __typename?: 'LoyaltyCampaignAward';
  campaign: LoyaltyCampaignSummary;
  /** The coupon issued, if the offer is one. */
  couponCode?: Maybe<Scalars['String']['output']>;
  points: Scalars['Int']['output'];
};

export type LoyaltyCampaignAwardLine = {
  __typename?: 'LoyaltyCampaignAwardLine';
  /** The sale line, from 0. */
  index: Scalars['Int']['output'];
  points: Scalars['Int']['output'];
};

/** A campaign's budget and what it has used; null figures: no budget of that kind. */
export type LoyaltyCampaignBudget = {
  __typename?: 'LoyaltyCampaignBudget';
  coupons?: Maybe<Scalars['Int']['output']>;
  couponsIssued: Scalars['Int']['output'];
  /** Nothing more can be given: the campaign gives nothing until its budget is raised. */
  exhausted: Scalars['Boolean']['output'];
  points?: Maybe<Scalars['Int']['output']>;
  pointsGiven: Scalars['Int']['output'];
  value?: Maybe<LoyaltyMoney>;
  valueIssued: LoyaltyMoney;
};

export type LoyaltyCampaignCriteria = {
  __typename?: 'LoyaltyCampaignCriteria';
  categoryIds?: Maybe<Array<Scalars['String']['output']>>;
  channels?: Maybe<Array<Scalars['String']['output']>>;
  firstPurchase: Scalars['Boolean']['output'];
  minSpend?: Maybe<LoyaltyMoney>;
  nthVisit?: Maybe<Scalars['Int']['output']>;
  productIds?: Maybe<Array<Scalars['String']['output']>>;
  storeIds?: Maybe<Array<Scalars['String']['output']>>;
};

/** What a sale must be: all given conditions hold. */
export type LoyaltyCampaignCriteriaInput = {
  /** Lines of these categories qualify (with productIds: either matching is enough). Neither: every line that earns. */
  categoryIds?: InputMaybe<Array<Scalars['String']['input']>>;
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The member's first sale. */
  firstPurchase?: InputMaybe<Scalars['Boolean']['input']>;
  /** The qualifying lines must come to at least this, after level discounts. */
  minSpend?: InputMaybe<LoyaltyMoneyInput>;
  /** The member's nth sale (2 or more). */
  nthVisit?: InputMaybe<Scalars['Int']['input']>;
  productIds?: InputMaybe<Array<Scalars['String']['input']>>;
  storeIds?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The period a per-member limit counts in, in the campaign's time zone (weeks start on Monday). */
export type LoyaltyCampaignLimitPeriod =
  | 'CAMPAIGN'
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type LoyaltyCampaignLimitsInput = {
  /** Coupon offers: the most coupons issued in all. */
  budgetCoupons?: InputMaybe<Scalars['Int']['input']>;
  /** Points offers: the most points the campaign gives in all; the last award is cut to what is left. */
  budgetPoints?: InputMaybe<Scalars['Int']['input']>;
  /** Cash voucher and gift offers: the most value issued in all. */
  budgetValue?: InputMaybe<LoyaltyMoneyInput>;
  /** Awards per member per perMemberPeriod. */
  perMember?: InputMaybe<Scalars['Int']['input']>;
  /** Default CAMPAIGN (the whole campaign). */
  perMemberPeriod?: InputMaybe<LoyaltyCampaignLimitPeriod>;
};

export type LoyaltyCampaignOffer = {
  __typename?: 'LoyaltyCampaignOffer';
  kind: LoyaltyCampaignOfferKind;
  percent?: Maybe<Scalars['Int']['output']>;
  points?: Maybe<Scalars['Int']['output']>;
  productId?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
  validDays?: Maybe<Scalars['Int']['output']>;
  value?: Maybe<LoyaltyMoney>;
};

/** What the campaign gives a qualifying sale. */
export type LoyaltyCampaignOfferInput = {
  kind: LoyaltyCampaignOfferKind;
  /** POINTS_MULTIPLIER: 101 to 1000 (200 = double points on the qualifying lines); PERCENT_COUPON: 1 to 100. */
  percent?: InputMaybe<Scalars['Int']['input']>;
  /** EXTRA_POINTS: points per qualifying sale (1 to 1,000,000). */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** GIFT_ITEM: the product handed over. */
  productId?: InputMaybe<Scalars['String']['input']>;
  /** Coupons: the title the member sees. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Coupons: days valid; default the programme's coupon validity. */
  validDays?: InputMaybe<Scalars['Int']['input']>;
  /** CASH_VOUCHER: its value; GIFT_ITEM: what the gift costs the programme. */
  value?: InputMaybe<LoyaltyMoneyInput>;
};

export type LoyaltyCampaignOfferKind =
  | 'CASH_VOUCHER'
  | 'EXTRA_POINTS'
  | 'GIFT_ITEM'
  | 'PERCENT_COUPON'
  | 'POINTS_MULTIPLIER';

/** What a campaign would give a previewed sale. */
export type LoyaltyCampaignPreviewAward = {
  __typename?: 'LoyaltyCampaignPreviewAward';
  campaign: LoyaltyCampaignSummary;
  /** The coupon it would issue. */
  couponTitle?: Maybe<Scalars['String']['output']>;
  /** The points per sale line (lines with none left out). */
  lines: Array<LoyaltyCampaignAwardLine>;
  offerKind: LoyaltyCampaignOfferKind;
  points: Scalars['Int']['output'];
};

/** What a draft campaign would have given on the recorded sales of a period, evaluated alone (without the other campaigns). Nothing is written. */
export type LoyaltyCampaignSimulation = {
  __typename?: 'LoyaltyCampaignSimulation';
  /** When the budget would have run out; null if it would not. */
  budgetExhaustedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The points at the programme's redemption rate plus couponValue. Percent coupons are not in it: their value depends on the sale they are used on. */
  cost: LoyaltyMoney;
  /** Face value of the cash vouchers and gifts. */
  couponValue: LoyaltyMoney;
  coupons: Scalars['Int']['output'];
  membersReached: Scalars['Int']['output'];
  points: Scalars['Int']['output'];
  /** Recorded sales of the period replayed, in the order they were booked. */
  salesReplayed: Scalars['Int']['output'];
  /** Sales the campaign would have given something. */
  salesRewarded: Scalars['Int']['output'];
  userErrors: Array<LoyaltyUserError>;
};

export type LoyaltyCampaignSkip = {
  __typename?: 'LoyaltyCampaignSkip';
  campaign: LoyaltyCampaignSummary;
  reason: LoyaltyCampaignSkipReason;
};

/** Why a campaign gave nothing to a sale. */
export type LoyaltyCampaignSkipReason =
  | 'BELOW_MINIMUM_SPEND'
  | 'BUDGET_EXHAUSTED'
  | 'EXCLUSIVE_CAMPAIGN_APPLIED'
  | 'MEMBER_LIMIT_REACHED'
  | 'NEEDS_MEMBER'
  | 'NOT_ACTIVE'
  | 'NOT_FIRST_PURCHASE'
  | 'NOT_IN_AUDIENCE'
  | 'NOT_NTH_VISIT'
  | 'NO_POINTS'
  | 'NO_QUALIFYING_LINES'
  | 'OTHER_CAMPAIGN_APPLIED'
  | 'OTHER_CHANNEL'
  | 'OTHER_STORE'
  | 'OUTSIDE_PERIOD'
  | 'OUTSIDE_TIME_WINDOW'
  | 'STACK_GROUP_TAKEN';

/** EXCLUSIVE: applies alone. STACKABLE: adds to others (at most one per stack group). */
export type LoyaltyCampaignStacking =
  | 'EXCLUSIVE'
  | 'STACKABLE';

/** DRAFT and PAUSED campaigns give nothing; ACTIVE ones give in their period. */
export type LoyaltyCampaignStatus =
  | 'ACTIVE'
  | 'DRAFT'
  | 'PAUSED';

/** The campaign that gave points or a coupon, as a member may see it. */
export type LoyaltyCampaignSummary = {
  __typename?: 'LoyaltyCampaignSummary';
  code: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type LoyaltyCampaignWindow = {
  __typename?: 'LoyaltyCampaignWindow';
  from: Scalars['String']['output'];
  to: Scalars['String']['output'];
  weekdays: Array<Scalars['Int']['output']>;
};

/** A weekly window in the campaign's time zone: the weekdays, from (inclusive) to (exclusive). */
export type LoyaltyCampaignWindowInput = {
  /** Local time HH:MM; default 00:00. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Local time HH:MM, after from; default 24:00. */
  to?: InputMaybe<Scalars['String']['input']>;
  /** 1 (Monday) to 7 (Sunday); default every day. */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** A loyalty card; numbers are unique and never reused. */
export type LoyaltyCard = {
  __typename?: 'LoyaltyCard';
  linkedAt: Scalars['DateTimeISO']['output'];
  member: LoyaltyMember;
  /** Normalised: upper-case letters and digits. */
  number: Scalars['String']['output'];
  status: LoyaltyCardStatus;
  statusChangedAt: Scalars['DateTimeISO']['output'];
};

/** ACTIVE cards identify their member; BLOCKED and LOST cards are refused at the till. */
export type LoyaltyCardStatus =
  | 'ACTIVE'
  | 'BLOCKED'
  | 'LOST';

/** A goal over a window with a reward on completion, completed once per member. */
export type LoyaltyChallenge = {
  __typename?: 'LoyaltyChallenge';
  code: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['DateTimeISO']['output']>;
  goal: LoyaltyChallengeGoal;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The coupon given on completion, as stored (valueMinor in minor units). */
  rewardCoupon?: Maybe<Scalars['JSONObject']['output']>;
  rewardPoints: Scalars['Int']['output'];
  startsAt: Scalars['DateTimeISO']['output'];
  status: LoyaltyChallengeStatus;
};

export type LoyaltyChallengeGoal = {
  __typename?: 'LoyaltyChallengeGoal';
  categoryIds?: Maybe<Array<Scalars['String']['output']>>;
  kind: LoyaltyChallengeGoalKind;
  productIds?: Maybe<Array<Scalars['String']['output']>>;
  target: Scalars['Int']['output'];
};

export type LoyaltyChallengeGoalInput = {
  /** Only lines of these categories count (with productIds: either). */
  categoryIds?: InputMaybe<Array<Scalars['String']['input']>>;
  kind: LoyaltyChallengeGoalKind;
  productIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Visits, minor units (SPEND) or products. */
  target: Scalars['Int']['input'];
};

/** VISITS: sales with a qualifying line; SPEND: minor units of qualifying lines; PRODUCTS_TRIED: different qualifying products. */
export type LoyaltyChallengeGoalKind =
  | 'PRODUCTS_TRIED'
  | 'SPEND'
  | 'VISITS';

/** A member's progress on a challenge: a progress bar. */
export type LoyaltyChallengeProgress = {
  __typename?: 'LoyaltyChallengeProgress';
  challenge: LoyaltyChallenge;
  completed: Scalars['Boolean']['output'];
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** 0 to 100. */
  percent: Scalars['Int']['output'];
  /** Up to target. */
  progress: Scalars['Int']['output'];
  target: Scalars['Int']['output'];
};

export type LoyaltyChallengeRewardInput = {
  coupon?: InputMaybe<LoyaltyAutomationCouponInput>;
  points?: InputMaybe<Scalars['Int']['input']>;
};

export type LoyaltyChallengeStatus =
  | 'ACTIVE'
  | 'DRAFT'
  | 'PAUSED';

/** What a sale did to a challenge. */
export type LoyaltyChallengeStep = {
  __typename?: 'LoyaltyChallengeStep';
  code: Scalars['String']['output'];
  /** This sale completed it (the reward was given). */
  completed: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  progress: Scalars['Int']['output'];
  target: Scalars['Int']['output'];
};

/** A single-use coupon: a cash voucher, a percent discount or a gift item. */
export type LoyaltyCoupon = {
  __typename?: 'LoyaltyCoupon';
  /** What the QR code or Code 128 barcode encodes; the till scans it. */
  barcodePayload: Scalars['String']['output'];
  /** The campaign that issued the coupon, if one did. */
  campaign?: Maybe<LoyaltyCampaignSummary>;
  /** Canonical code: 12 characters of Crockford base 32, the last two check characters. */
  code: Scalars['String']['output'];
  /** The code grouped for people, e.g. ABCD-EFGH-JKXY. */
  displayCode: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  issuedAt: Scalars['DateTimeISO']['output'];
  kind: LoyaltyCouponKind;
  member?: Maybe<LoyaltyMember>;
  /** PERCENT_DISCOUNT: the discount. */
  percent?: Maybe<Scalars['Int']['output']>;
  /** Points the member spent on it (0 for coupons issued by the shop). */
  pointsSpent: Scalars['Int']['output'];
  /** GIFT_ITEM: the commerce product to hand over. */
  productId?: Maybe<Scalars['String']['output']>;
  redeemedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  redeemedSaleId?: Maybe<Scalars['String']['output']>;
  status: LoyaltyCouponStatus;
  title: Scalars['String']['output'];
  /** CASH_VOUCHER: what it pays. */
  value?: Maybe<LoyaltyMoney>;
  voidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** Coupons issued, redeemed, voided, expired and still open per bucket and kind. */
export type LoyaltyCouponFunnel = {
  __typename?: 'LoyaltyCouponFunnel';
  buckets: Array<LoyaltyCouponFunnelBucket>;
  /** The whole range (openAtEnd: at its end). */
  totals?: Maybe<LoyaltyCouponFunnelPeriod>;
  userErrors: Array<LoyaltyUserError>;
};

export type LoyaltyCouponFunnelBucket = {
  __typename?: 'LoyaltyCouponFunnelBucket';
  /** All kinds. */
  all: LoyaltyCouponFunnelFigures;
  /** Each kind, also those with nothing. */
  byKind: Array<LoyaltyCouponKindFunnelFigures>;
  start: Scalars['DateTimeISO']['output'];
};

/** Coupons issued and how they stopped being open (docs/analytics.md#coupon-funnel). */
export type LoyaltyCouponFunnelFigures = {
  __typename?: 'LoyaltyCouponFunnelFigures';
  /** Reached their expiry unused (and not voided before). */
  expired: Scalars['Int']['output'];
  issued: Scalars['Int']['output'];
  /** Issued by the end and neither redeemed, voided nor expired by then. */
  openAtEnd: Scalars['Int']['output'];
  redeemed: Scalars['Int']['output'];
  /** Of the coupons issued in the period, the share redeemed so far; null when none were issued. */
  redemptionRate?: Maybe<Scalars['Float']['output']>;
  /** Voided before they expired. */
  voided: Scalars['Int']['output'];
};

export type LoyaltyCouponFunnelPeriod = {
  __typename?: 'LoyaltyCouponFunnelPeriod';
  /** All kinds. */
  all: LoyaltyCouponFunnelFigures;
  /** Each kind, also those with nothing. */
  byKind: Array<LoyaltyCouponKindFunnelFigures>;
};

export type LoyaltyCouponKind =
  | 'CASH_VOUCHER'
  | 'GIFT_ITEM'
  | 'PERCENT_DISCOUNT';

export type LoyaltyCouponKindFunnelFigures = {
  __typename?: 'LoyaltyCouponKindFunnelFigures';
  /** Reached their expiry unused (and not voided before). */
  expired: Scalars['Int']['output'];
  issued: Scalars['Int']['output'];
  kind: LoyaltyCouponKind;
  /** Issued by the end and neither redeemed, voided nor expired by then. */
  openAtEnd: Scalars['Int']['output'];
  redeemed: Scalars['Int']['output'];
  /** Of the coupons issued in the period, the share redeemed so far; null when none were issued. */
  redemptionRate?: Maybe<Scalars['Float']['output']>;
  /** Voided before they expired. */
  voided: Scalars['Int']['output'];
};

/** EXPIRED: still unused after its expiry. */
export type LoyaltyCouponStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REDEEMED'
  | 'VOIDED';

export type LoyaltyCouponValidation = {
  __typename?: 'LoyaltyCouponValidation';
  coupon?: Maybe<LoyaltyCoupon>;
  /** The reason in words, for the cashier. */
  message?: Maybe<Scalars['String']['output']>;
  /** Why not: COUPON_MALFORMED, COUPON_NOT_FOUND, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_VOIDED, COUPON_WRONG_MEMBER. */
  reason?: Maybe<LoyaltyErrorCode>;
  valid: Scalars['Boolean']['output'];
};

/** Why a line is discounted: the level and its rule. */
export type LoyaltyDiscountReason = {
  __typename?: 'LoyaltyDiscountReason';
  percent: Scalars['Int']['output'];
  ruleId: Scalars['ID']['output'];
  ruleName: Scalars['String']['output'];
  /** For the till and the receipt, e.g. "Gold 10% off (Beauty)". */
  text: Scalars['String']['output'];
  tierId: Scalars['ID']['output'];
  tierName: Scalars['String']['output'];
};

export type LoyaltyEarnBasis =
  /** Points only on the part not paid with points: the sale earns its points times its cash share (points captured for the same channel and sale id before the earn). */
  | 'CASH_PAID'
  /** Points on the whole sale, whatever paid for it. */
  | 'WHOLE_SALE';

/** What a sale would earn; nothing is written. */
export type LoyaltyEarnPreview = {
  __typename?: 'LoyaltyEarnPreview';
  belowMinimumSpend: Scalars['Boolean']['output'];
  /** Points campaigns would give on top of points (their own entries). */
  campaignPoints: Scalars['Int']['output'];
  /** Which campaign would give which points (or coupon), in evaluation order. */
  campaigns: Array<LoyaltyCampaignPreviewAward>;
  /** Campaigns running at the sale time that would give nothing, and why. */
  campaignsNotApplied: Array<LoyaltyCampaignSkip>;
  channelMultiplierPercent: Scalars['Int']['output'];
  /** Minor units of the lines that earn. */
  eligibleAmount: Scalars['Int']['output'];
  lines: Array<LoyaltyEarnPreviewLine>;
  points: Scalars['Int']['output'];
  tierMultiplierPercent: Scalars['Int']['output'];
  /** Problems with the sale; points are 0 when there are any. */
  userErrors: Array<LoyaltyUserError>;
};

export type LoyaltyEarnPreviewLine = {
  __typename?: 'LoyaltyEarnPreviewLine';
  excluded: Scalars['Boolean']['output'];
  index: Scalars['Int']['output'];
  points: Scalars['Int']['output'];
  /** The rule that decided this line. */
  ruleId?: Maybe<Scalars['ID']['output']>;
  ruleKind?: Maybe<Scalars['String']['output']>;
};

/** PENDING points become AVAILABLE after the pending period. */
export type LoyaltyEarnedPointsStatus =
  | 'AVAILABLE'
  | 'PENDING';

/** A configured earning rule: a kind (see loyaltyEarningRuleKinds) and its arguments. */
export type LoyaltyEarningRule = {
  __typename?: 'LoyaltyEarningRule';
  active: Scalars['Boolean']['output'];
  args: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Evaluation order; on equal generosity the earlier rule wins. */
  position: Scalars['Int']['output'];
};

export type LoyaltyEarningRuleKind = {
  __typename?: 'LoyaltyEarningRuleKind';
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

/** Stable code of an expected domain outcome (a `LoyaltyUserError`). */
export type LoyaltyErrorCode =
  | 'AUTOMATION_NOT_FOUND'
  | 'BELOW_MINIMUM_POINTS'
  | 'CAMPAIGN_NOT_FOUND'
  | 'CARD_ALREADY_LINKED'
  | 'CARD_NOT_ACTIVE'
  | 'CARD_NOT_FOUND'
  | 'CHALLENGE_NOT_FOUND'
  | 'COUPON_ALREADY_REDEEMED'
  | 'COUPON_EXPIRED'
  | 'COUPON_MALFORMED'
  | 'COUPON_NOT_FOUND'
  | 'COUPON_VOIDED'
  | 'COUPON_WRONG_MEMBER'
  | 'CURRENCY_MISMATCH'
  | 'CUSTOMER_ALREADY_LINKED'
  | 'EMAIL_ALREADY_REGISTERED'
  | 'EXCEEDS_MAX_POINTS_SHARE'
  | 'HOLD_ALREADY_RESOLVED'
  | 'HOLD_EXPIRED'
  | 'HOLD_NOT_FOUND'
  | 'HOLD_OF_OTHER_TILL'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INSUFFICIENT_POINTS'
  | 'INVALID_INPUT'
  | 'MEMBER_ALREADY_ENROLLED'
  | 'MEMBER_LINKED_TO_OTHER_CUSTOMER'
  | 'MEMBER_NOT_ACTIVE'
  | 'MEMBER_NOT_FOUND'
  | 'OUT_OF_STOCK'
  | 'POINTS_LIMIT_EXCEEDED'
  | 'RETURN_EXCEEDS_SALE'
  | 'REWARD_LIMIT_REACHED'
  | 'REWARD_NOT_AVAILABLE'
  | 'REWARD_NOT_FOUND'
  | 'SALE_ALREADY_EARNED'
  | 'SALE_NOT_FOUND'
  | 'STORE_NOT_FOUND'
  | 'TIER_TOO_LOW';

export type LoyaltyEvent = {
  __typename?: 'LoyaltyEvent';
  eventId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  memberId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  receivedAt: Scalars['DateTimeISO']['output'];
  type: Scalars['String']['output'];
};

export type LoyaltyExpiringPoints = {
  __typename?: 'LoyaltyExpiringPoints';
  expiresAt: Scalars['DateTimeISO']['output'];
  points: Scalars['Int']['output'];
};

export type LoyaltyExpiryUnit =
  | 'DAYS'
  | 'MONTHS';

export type LoyaltyHoldStatus =
  | 'ACTIVE'
  | 'CAPTURED'
  | 'EXPIRED'
  | 'RELEASED';

/** A message in a member's in-app inbox. */
export type LoyaltyInboxMessage = {
  __typename?: 'LoyaltyInboxMessage';
  /** Plain text; line breaks as \n. */
  body: Scalars['String']['output'];
  /** The coupon the message is about, if any. */
  couponCode?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** What the message is about, e.g. coupon_expiry_reminder. */
  kind: Scalars['String']['output'];
  /** readAt is set. */
  read: Scalars['Boolean']['output'];
  /** When it was first marked read; null while unread. */
  readAt?: Maybe<Scalars['DateTimeISO']['output']>;
  title: Scalars['String']['output'];
};

/** A page of inbox messages, newest first. */
export type LoyaltyInboxMessageConnection = {
  __typename?: 'LoyaltyInboxMessageConnection';
  edges: Array<LoyaltyInboxMessageEdge>;
  nodes: Array<LoyaltyInboxMessage>;
  pageInfo: LoyaltyPageInfo;
  /** Messages matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
  /** Unread messages in the whole inbox, whatever the filter. */
  unreadCount: Scalars['Int']['output'];
};

export type LoyaltyInboxMessageEdge = {
  __typename?: 'LoyaltyInboxMessageEdge';
  cursor: Scalars['String']['output'];
  node: LoyaltyInboxMessage;
};

export type LoyaltyLedgerAuditFinding = {
  __typename?: 'LoyaltyLedgerAuditFinding';
  check: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  memberId?: Maybe<Scalars['String']['output']>;
};

/** One line of the points log; immutable. */
export type LoyaltyLedgerEntry = {
  __typename?: 'LoyaltyLedgerEntry';
  /** Who caused it: a token subject, or system for scheduled work; members and shoppers see only member, till, system or staff. */
  actor: Scalars['String']['output'];
  availableAfter: Scalars['Int']['output'];
  /** Change of available points. */
  availableChange: Scalars['Int']['output'];
  /** The campaign that gave these points or this coupon, or whose points a return took back. */
  campaign?: Maybe<LoyaltyCampaignSummary>;
  channel?: Maybe<Scalars['String']['output']>;
  couponCode?: Maybe<Scalars['String']['output']>;
  heldAfter: Scalars['Int']['output'];
  holdId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  pendingAfter: Scalars['Int']['output'];
  /** Change of the member's total points (available + pending + held). */
  points: Scalars['Int']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  saleId?: Maybe<Scalars['String']['output']>;
  /** TIER_CHANGE: the tier moved to (or kept, for a manual floor). */
  tier?: Maybe<LoyaltyTier>;
  type: LoyaltyLedgerEntryType;
};

export type LoyaltyLedgerEntryConnection = {
  __typename?: 'LoyaltyLedgerEntryConnection';
  edges: Array<LoyaltyLedgerEntryEdge>;
  nodes: Array<LoyaltyLedgerEntry>;
  pageInfo: LoyaltyPageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LoyaltyLedgerEntryEdge = {
  __typename?: 'LoyaltyLedgerEntryEdge';
  cursor: Scalars['String']['output'];
  node: LoyaltyLedgerEntry;
};

/** What moved points in a journal entry. */
export type LoyaltyLedgerEntryType =
  | 'ADJUST'
  | 'BONUS'
  | 'COUPON_ISSUE'
  | 'COUPON_VOID'
  | 'EARN'
  | 'EXPIRE'
  | 'HOLD'
  | 'HOLD_CAPTURE'
  | 'HOLD_EXPIRE'
  | 'HOLD_RELEASE'
  | 'MEMBERSHIP_END_DATE_SET'
  | 'MEMBERSHIP_EXPIRED'
  | 'MEMBERSHIP_REACTIVATED'
  | 'POINTS_AVAILABLE'
  | 'REDEEM'
  | 'REFUND'
  | 'RETURN'
  | 'TIER_CHANGE';

/** How many members are at a level. */
export type LoyaltyLevelCount = {
  __typename?: 'LoyaltyLevelCount';
  members: Scalars['Int']['output'];
  /** Null: members without a level. */
  tier?: Maybe<LoyaltyTier>;
};

/** Members who moved from one level to another. */
export type LoyaltyLevelMovement = {
  __typename?: 'LoyaltyLevelMovement';
  /** The level before; null: none. */
  from?: Maybe<LoyaltyTier>;
  /** Moves (a member who moved twice counts twice). */
  members: Scalars['Int']['output'];
  to?: Maybe<LoyaltyTier>;
  /** To a higher rank (or from no level). */
  upgrade: Scalars['Boolean']['output'];
};

export type LoyaltyLevelMovements = {
  __typename?: 'LoyaltyLevelMovements';
  downgrades: Scalars['Int']['output'];
  /** By level from and to, most first. */
  movements: Array<LoyaltyLevelMovement>;
  upgrades: Scalars['Int']['output'];
};

export type LoyaltyLevelMovementsBucket = {
  __typename?: 'LoyaltyLevelMovementsBucket';
  downgrades: Scalars['Int']['output'];
  /** By level from and to, most first. */
  movements: Array<LoyaltyLevelMovement>;
  start: Scalars['DateTimeISO']['output'];
  upgrades: Scalars['Int']['output'];
};

/** Members by level at the end of a range and now, and the moves between levels per bucket (docs/analytics.md#levels). */
export type LoyaltyLevelReport = {
  __typename?: 'LoyaltyLevelReport';
  buckets: Array<LoyaltyLevelMovementsBucket>;
  /** Members enrolled by the range end, by the level they had then; levels by rank. */
  distributionAtEnd: Array<LoyaltyLevelCount>;
  /** All members by their level now. */
  distributionNow: Array<LoyaltyLevelCount>;
  /** The whole range. */
  totals: LoyaltyLevelMovements;
  userErrors: Array<LoyaltyUserError>;
};

/** A person enrolled in the loyalty programme. */
export type LoyaltyMember = {
  __typename?: 'LoyaltyMember';
  /** The points log, newest first. */
  activity: LoyaltyLedgerEntryConnection;
  /** Attributes automations set (SET_ATTRIBUTE). Staff only (null for others). */
  attributes?: Maybe<Scalars['JSONObject']['output']>;
  birthday?: Maybe<Scalars['LocalDate']['output']>;
  /** All cards, newest first, whatever their status. */
  cards: Array<LoyaltyCard>;
  /** The running challenges with the member's progress (0 before their first step), and the ones they completed. */
  challenges: Array<LoyaltyChallengeProgress>;
  /** The member's coupon wallet, newest first: at most `first` (1 to 100) coupons. */
  coupons: Array<LoyaltyCoupon>;
  /** The commerce graph's customer id, when the member has an account. */
  customerId?: Maybe<Scalars['ID']['output']>;
  /** Lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  /** Consented to marketing e-mail. */
  emailOptIn: Scalars['Boolean']['output'];
  enrolledAt: Scalars['DateTimeISO']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The member's in-app messages, newest first (staff, or the member's own token). */
  inbox: LoyaltyInboxMessageConnection;
  /** The last activity (enrolling, earning, spending, redeeming a coupon; recorded to the hour) of an ACTIVE membership; null while it is not active. */
  lastActivityAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastName: Scalars['String']['output'];
  /** The end of the membership set by an admin; null: none. */
  membershipEndsAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the membership expired (status EXPIRED); null otherwise. */
  membershipExpiredAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** When an ACTIVE membership will expire: the earlier of its end date and the programme's inactivity period after its last activity; null when neither applies. */
  membershipExpiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Paid memberships, newest first. */
  memberships: Array<LoyaltyMembership>;
  /** E.164, e.g. +447700900123. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Consented to marketing SMS. */
  smsOptIn: Scalars['Boolean']['output'];
  status: LoyaltyMemberStatus;
  /** Labels automations (ADD_TAG) put on the member; audiences select by them. Staff only (null for others). */
  tags?: Maybe<Array<Scalars['String']['output']>>;
  tier?: Maybe<LoyaltyTier>;
  tierProgress: LoyaltyTierProgress;
  wallet: LoyaltyWallet;
};


/** A person enrolled in the loyalty programme. */
export type LoyaltyMemberActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  types?: InputMaybe<Array<LoyaltyLedgerEntryType>>;
};


/** A person enrolled in the loyalty programme. */
export type LoyaltyMemberCouponsArgs = {
  first?: Scalars['Int']['input'];
  status?: InputMaybe<LoyaltyCouponStatus>;
};


/** A person enrolled in the loyalty programme. */
export type LoyaltyMemberInboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of members: newest enrolment first, or in the order of the search. */
export type LoyaltyMemberConnection = {
  __typename?: 'LoyaltyMemberConnection';
  edges: Array<LoyaltyMemberEdge>;
  nodes: Array<LoyaltyMember>;
  pageInfo: LoyaltyPageInfo;
  /** Members matching the search, across all pages: exact up to a limit (LOYALTY_SEARCH_EXACT_COUNT, default 1000), above it the database's estimate (see `totalCountIsEstimate`). */
  totalCount: Scalars['Int']['output'];
  /** True when `totalCount` is an estimate: more members match than are counted exactly. */
  totalCountIsEstimate: Scalars['Boolean']['output'];
};

export type LoyaltyMemberEdge = {
  __typename?: 'LoyaltyMemberEdge';
  cursor: Scalars['String']['output'];
  node: LoyaltyMember;
};

/** Members enrolled and active, their sales, repeat rate, loyalty index and the share of sales from returning members, per bucket. */
export type LoyaltyMemberSales = {
  __typename?: 'LoyaltyMemberSales';
  buckets: Array<LoyaltyMemberSalesBucket>;
  /** The whole range as one period (members counted once). */
  totals?: Maybe<LoyaltyMemberSalesFigures>;
  userErrors: Array<LoyaltyUserError>;
};

export type LoyaltyMemberSalesBucket = {
  __typename?: 'LoyaltyMemberSalesBucket';
  /** Members with at least one sale. */
  activeMembers: Scalars['Int']['output'];
  /** Members who enrolled (at the store, with storeId; enrolments have no channel). */
  enrolled: Scalars['Int']['output'];
  /** repeatMembers over membersAtEnd: the share of the membership that came back; null without members. */
  loyaltyIndex?: Maybe<Scalars['Float']['output']>;
  /** Members enrolled by the end, the whole programme: the loyalty index's base. */
  membersAtEnd: Scalars['Int']['output'];
  /** Active members with two or more sales in the period, or a sale before it (any store or channel). */
  repeatMembers: Scalars['Int']['output'];
  /** repeatMembers over activeMembers; null without active members. */
  repeatRate?: Maybe<Scalars['Float']['output']>;
  /** What has been returned of those sales so far. */
  returnedValue: LoyaltyMoneyTotal;
  /** returningSalesValue over salesValue; null without sales value. */
  returningSalesShare?: Maybe<Scalars['Float']['output']>;
  /** salesValue of sales whose member had bought before (an earlier sale, any store or channel). */
  returningSalesValue: LoyaltyMoneyTotal;
  /** Sales members earned on. */
  salesCount: Scalars['Int']['output'];
  /** What those sales came to, less what has been returned of them so far. */
  salesValue: LoyaltyMoneyTotal;
  /** When the bucket starts (local midnight in the time zone asked). */
  start: Scalars['DateTimeISO']['output'];
};

/** Members and their sales in a period (docs/analytics.md#members-and-sales). */
export type LoyaltyMemberSalesFigures = {
  __typename?: 'LoyaltyMemberSalesFigures';
  /** Members with at least one sale. */
  activeMembers: Scalars['Int']['output'];
  /** Members who enrolled (at the store, with storeId; enrolments have no channel). */
  enrolled: Scalars['Int']['output'];
  /** repeatMembers over membersAtEnd: the share of the membership that came back; null without members. */
  loyaltyIndex?: Maybe<Scalars['Float']['output']>;
  /** Members enrolled by the end, the whole programme: the loyalty index's base. */
  membersAtEnd: Scalars['Int']['output'];
  /** Active members with two or more sales in the period, or a sale before it (any store or channel). */
  repeatMembers: Scalars['Int']['output'];
  /** repeatMembers over activeMembers; null without active members. */
  repeatRate?: Maybe<Scalars['Float']['output']>;
  /** What has been returned of those sales so far. */
  returnedValue: LoyaltyMoneyTotal;
  /** returningSalesValue over salesValue; null without sales value. */
  returningSalesShare?: Maybe<Scalars['Float']['output']>;
  /** salesValue of sales whose member had bought before (an earlier sale, any store or channel). */
  returningSalesValue: LoyaltyMoneyTotal;
  /** Sales members earned on. */
  salesCount: Scalars['Int']['output'];
  /** What those sales came to, less what has been returned of them so far. */
  salesValue: LoyaltyMoneyTotal;
};

/** The order of `loyaltyMembers` without a search; a search lists its matches in its own order. */
export type LoyaltyMemberSort =
  /** Surname, then given name, A to Z. */
  | 'NAME'
  /** Newest enrolment first (the default). */
  | 'NEWEST'
  /** Oldest enrolment first. */
  | 'OLDEST';

/** Whether a member can earn and spend. */
export type LoyaltyMemberStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'EXPIRED'
  | 'SUSPENDED';

/** A paid membership: a tier bought for a fixed term with a sale. */
export type LoyaltyMembership = {
  __typename?: 'LoyaltyMembership';
  channel: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  endedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  endsAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  price: LoyaltyMoney;
  /** The sale line; returning it refunds the membership. */
  productId: Scalars['String']['output'];
  saleId: Scalars['String']['output'];
  /** A renewal starts when the term before it ends. */
  startsAt: Scalars['DateTimeISO']['output'];
  status: LoyaltyMembershipStatus;
  tier: LoyaltyTier;
};

export type LoyaltyMembershipStatus =
  /** Paid for; in force from startsAt to endsAt. */
  | 'ACTIVE'
  /** Its term is over; the member went back to the tier they earned. */
  | 'ENDED'
  /** Its sale line was returned; it ended then. */
  | 'REFUNDED';

/** Where a message goes: e-mail, SMS, or the in-app inbox. */
export type LoyaltyMessageChannel =
  | 'EMAIL'
  | 'INBOX'
  | 'SMS';

/** MARKETING: opted-in members only, within the weekly cap. SERVICE: about what the member has. */
export type LoyaltyMessagePurpose =
  | 'MARKETING'
  | 'SERVICE';

/** An editable message text with {{placeholder}} fields; plain text, and for e-mail optionally an HTML version. */
export type LoyaltyMessageTemplate = {
  __typename?: 'LoyaltyMessageTemplate';
  body: Scalars['String']['output'];
  channel: LoyaltyMessageChannel;
  /** EMAIL: the HTML version sent with the text (placeholder values HTML-escaped). */
  html?: Maybe<Scalars['String']['output']>;
  /** What the template is for, e.g. coupon_expiry_reminder. */
  key: Scalars['String']['output'];
  /** The placeholders this key supplies, e.g. firstName; others are refused. */
  placeholders: Array<Scalars['String']['output']>;
  /** E-mail subject or inbox title (SMS: only logged). */
  subject: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A draft template rendered as the sender would render it (HTML values escaped). */
export type LoyaltyMessageTemplatePreview = {
  __typename?: 'LoyaltyMessageTemplatePreview';
  /** Plain text; null when the template has problems. */
  body?: Maybe<Scalars['String']['output']>;
  /** EMAIL with an HTML version: the HTML, placeholder values HTML-escaped. */
  html?: Maybe<Scalars['String']['output']>;
  /** One line; null when the template has problems. */
  subject?: Maybe<Scalars['String']['output']>;
  /** The same problems saveLoyaltyMessageTemplate would refuse, on input.<field>. */
  userErrors: Array<LoyaltyUserError>;
  /** The value used for each placeholder the template's key supplies. */
  values: Scalars['JSONObject']['output'];
};

/** Integer minor units of an ISO 4217 currency, e.g. { amount: 1999, currencyCode: "GBP" } is 19.99 GBP. */
export type LoyaltyMoney = {
  __typename?: 'LoyaltyMoney';
  /** Minor units. */
  amount: Scalars['Int']['output'];
  currencyCode: Scalars['String']['output'];
};

export type LoyaltyMoneyInput = {
  /** Minor units. */
  amount: Scalars['Int']['input'];
  currencyCode: Scalars['String']['input'];
};

/** A sum of money (analytics): whole minor units of an ISO 4217 currency, as a Float so that it can pass 2^31; exact below 2^53. */
export type LoyaltyMoneyTotal = {
  __typename?: 'LoyaltyMoneyTotal';
  /** Minor units, a whole number. */
  amount: Scalars['Float']['output'];
  currencyCode: Scalars['String']['output'];
};

/** What a campaign or an automation did in a range (docs/analytics.md#campaigns-and-automations). */
export type LoyaltyOfferResult = {
  __typename?: 'LoyaltyOfferResult';
  code: Scalars['String']['output'];
  couponsIssued: Scalars['Int']['output'];
  /** Its coupons redeemed in the range, whenever issued. */
  couponsRedeemed: Scalars['Int']['output'];
  /** Automations: occurrences that failed (0 for campaigns). */
  failedRuns: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Sales against a control group: null, as campaigns and automations have no control group (held-out members) yet. */
  incrementalSalesValue?: Maybe<LoyaltyMoneyTotal>;
  /** Members given something (or, for automations, run for). */
  membersReached: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Points given, less what returns took back. */
  pointsGiven: Scalars['Int']['output'];
  /** Campaigns: awards (sales or periods rewarded). Automations: occurrences run. */
  runs: Scalars['Int']['output'];
  /** Net sales value of the members reached, from when each was first reached in the range to its end. */
  salesValueOfMembersReached: LoyaltyMoneyTotal;
};

/** Campaign and automation results in a range. */
export type LoyaltyOfferResults = {
  __typename?: 'LoyaltyOfferResults';
  /** Automations that ran, or whose coupon was redeemed, in the range, by code. */
  automations: Array<LoyaltyOfferResult>;
  /** Campaigns with an award or a coupon issued or redeemed in the range, by code. */
  campaigns: Array<LoyaltyOfferResult>;
  userErrors: Array<LoyaltyUserError>;
};

/** What an order did to loyalty points: its sales (by order key, or by sale id in the order channel) and the holds that paid for them. */
export type LoyaltyOrderActivity = {
  __typename?: 'LoyaltyOrderActivity';
  /** Every hold placed for this order, newest first. */
  holds: Array<LoyaltyPointsHold>;
  member?: Maybe<LoyaltyMember>;
  pointsEarned: Scalars['Int']['output'];
  /** Points captured to pay for the order. */
  pointsRedeemed: Scalars['Int']['output'];
  /** Redeemed points given back by returns. */
  pointsRefunded: Scalars['Int']['output'];
  /** Earned points reversed by returns. */
  pointsReturned: Scalars['Int']['output'];
  /** What the redeemed points paid. */
  redeemedCash?: Maybe<LoyaltyMoney>;
};

/** An outbound e-mail or SMS and how its delivery went. */
export type LoyaltyOutboxMessage = {
  __typename?: 'LoyaltyOutboxMessage';
  attempts: Scalars['Int']['output'];
  body: Scalars['String']['output'];
  channel: LoyaltyMessageChannel;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Why the last attempt failed. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** SENDING: end of the claim; PENDING: not retried before this. */
  lockedUntil?: Maybe<Scalars['DateTimeISO']['output']>;
  memberId?: Maybe<Scalars['ID']['output']>;
  recipient: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: LoyaltyOutboxStatus;
  subject: Scalars['String']['output'];
  /** Key of the template it was written from. */
  template: Scalars['String']['output'];
};

/** PENDING: waiting (or waiting to retry); SENDING: claimed by a replica; SENT; FAILED: given up after the last attempt. */
export type LoyaltyOutboxStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENDING'
  | 'SENT';

/** Relay page information. */
export type LoyaltyPageInfo = {
  __typename?: 'LoyaltyPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Points issued, redeemed, expired and outstanding over a range, from the journal; reconciles with loyaltyLedgerAudit. */
export type LoyaltyPointsFlow = {
  __typename?: 'LoyaltyPointsFlow';
  /** Expired over issued + bonus in the range; null when nothing was issued. */
  breakageRate?: Maybe<Scalars['Float']['output']>;
  buckets: Array<LoyaltyPointsFlowBucket>;
  /** closingOutstanding at the redemption rate: the programme's points liability. */
  closingLiability: LoyaltyMoney;
  /** What members hold when the range ends. */
  closingOutstanding: Scalars['Int']['output'];
  /** What members held when the range starts. */
  openingOutstanding: Scalars['Int']['output'];
  /** Redeemed (and turned into coupons) over issued + bonus in the range; null when nothing was issued. */
  redemptionRate?: Maybe<Scalars['Float']['output']>;
  /** The whole range. */
  totals: LoyaltyPointsFlowFigures;
  userErrors: Array<LoyaltyUserError>;
};

export type LoyaltyPointsFlowBucket = {
  __typename?: 'LoyaltyPointsFlowBucket';
  /** Manual adjustments: credits less debits. */
  adjusted: Scalars['Int']['output'];
  /** Bonuses: welcome, birthday, level upgrades, campaigns, automations, challenges. */
  bonus: Scalars['Int']['output'];
  expired: Scalars['Int']['output'];
  /** Turned into vouchers and gift items, less coupons voided. */
  intoCoupons: Scalars['Int']['output'];
  /** Earned on sales. */
  issued: Scalars['Int']['output'];
  /** outstandingAtEnd at the redemption rate. */
  liabilityAtEnd: LoyaltyMoney;
  /** What members hold (available, pending, held) at the end of the bucket. */
  outstandingAtEnd: Scalars['Int']['output'];
  /** Spent at tills and as cash, less points given back for returned goods. */
  redeemed: Scalars['Int']['output'];
  /** Earned points taken back by returns. */
  returned: Scalars['Int']['output'];
  /** When the bucket starts (local midnight in the time zone asked). */
  start: Scalars['DateTimeISO']['output'];
};

/** Points moved in a period, from the journal. */
export type LoyaltyPointsFlowFigures = {
  __typename?: 'LoyaltyPointsFlowFigures';
  /** Manual adjustments: credits less debits. */
  adjusted: Scalars['Int']['output'];
  /** Bonuses: welcome, birthday, level upgrades, campaigns, automations, challenges. */
  bonus: Scalars['Int']['output'];
  expired: Scalars['Int']['output'];
  /** Turned into vouchers and gift items, less coupons voided. */
  intoCoupons: Scalars['Int']['output'];
  /** Earned on sales. */
  issued: Scalars['Int']['output'];
  /** Spent at tills and as cash, less points given back for returned goods. */
  redeemed: Scalars['Int']['output'];
  /** Earned points taken back by returns. */
  returned: Scalars['Int']['output'];
};

/** Points reserved by a till for a tender. */
export type LoyaltyPointsHold = {
  __typename?: 'LoyaltyPointsHold';
  capturedCash?: Maybe<LoyaltyMoney>;
  capturedPoints?: Maybe<Scalars['Int']['output']>;
  /** What the held points pay. */
  cashValue: LoyaltyMoney;
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  points: Scalars['Int']['output'];
  resolvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  saleId: Scalars['String']['output'];
  status: LoyaltyHoldStatus;
  tillId?: Maybe<Scalars['String']['output']>;
};

/** Points one unit of a product earns under the current rules, before tier and channel multipliers. */
export type LoyaltyProductEarnPreview = {
  __typename?: 'LoyaltyProductEarnPreview';
  /** An EXCLUDE rule keeps this product from earning. */
  excluded: Scalars['Boolean']['output'];
  points: Scalars['Int']['output'];
  /** The rule kind that decides it (e.g. SPEND, PRODUCT_POINTS). */
  ruleKind?: Maybe<Scalars['String']['output']>;
};

/** The programme's economics. Points and minor units are integers. */
export type LoyaltyProgramme = {
  __typename?: 'LoyaltyProgramme';
  birthdayBonusPoints: Scalars['Int']['output'];
  /** Days before expiry that members are reminded of a coupon; 0 = no reminders. */
  couponReminderDays: Scalars['Int']['output'];
  /** Days a coupon issued from points stays valid. */
  couponValidityDays: Scalars['Int']['output'];
  currencyCode: Scalars['String']['output'];
  /** What a sale earns on when points paid part of it: the whole sale, or only the part paid otherwise. */
  earnBasis: LoyaltyEarnBasis;
  expiryCount?: Maybe<Scalars['Int']['output']>;
  expiryToMonthEnd: Scalars['Boolean']['output'];
  /** Null: points never expire. */
  expiryUnit?: Maybe<LoyaltyExpiryUnit>;
  holdTtlDefaultSeconds: Scalars['Int']['output'];
  holdTtlMaxSeconds: Scalars['Int']['output'];
  /** The most marketing messages (automations' MARKETING messages) a member gets in 7 days; 0 = no cap. */
  marketingMessagesPerWeek: Scalars['Int']['output'];
  maxRedeemSharePercent: Scalars['Int']['output'];
  /** Months without activity (earning, spending, redeeming a coupon, enrolling) after which a membership expires; null = never. */
  membershipInactivityMonths?: Maybe<Scalars['Int']['output']>;
  /** Days before a membership expires that its member is reminded; 0 = no reminders. */
  membershipReminderDays: Scalars['Int']['output'];
  minRedeemPoints: Scalars['Int']['output'];
  /** Days before a paid membership ends that its member is reminded to renew; 0 = no reminders. */
  paidMembershipReminderDays: Scalars['Int']['output'];
  pendingDays: Scalars['Int']['output'];
  redeemAmountMinor: Scalars['Int']['output'];
  /** redeemPoints points are worth redeemAmountMinor minor units. */
  redeemPoints: Scalars['Int']['output'];
  registrationBonusPoints: Scalars['Int']['output'];
  tierDowngrade: LoyaltyTierDowngrade;
  /** What a level's qualificationThreshold counts. */
  tierQualificationBasis: LoyaltyTierQualificationBasis;
  /** Length of the ROLLING_MONTHS window. */
  tierQualificationMonths: Scalars['Int']['output'];
  tierQualificationWindow: LoyaltyTierQualificationWindow;
  /** When levels are reviewed: the only times a member can go down. */
  tierReview: LoyaltyTierReview;
  /** Days between ROLLING reviews. */
  tierReviewEveryDays: Scalars['Int']['output'];
  /** Days before a review that would downgrade a member that they are told what keeps their level; 0 = no warnings. */
  tierWarningDays: Scalars['Int']['output'];
};

export type LoyaltyReturnLineInput = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** An entry of the reward catalogue. */
export type LoyaltyReward = {
  __typename?: 'LoyaltyReward';
  active: Scalars['Boolean']['output'];
  /** For the member asked about; null without one. */
  availability?: Maybe<LoyaltyRewardAvailability>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: LoyaltyRewardKind;
  /** Lowest tier rank that may have it; null = everyone. */
  minTierRank?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  perMemberLimit?: Maybe<Scalars['Int']['output']>;
  pointsCost: Scalars['Int']['output'];
  /** GIFT_ITEM: the commerce product. */
  productId?: Maybe<Scalars['String']['output']>;
  /** Units left; null = unlimited. */
  stock?: Maybe<Scalars['Int']['output']>;
  validFrom?: Maybe<Scalars['DateTimeISO']['output']>;
  validUntil?: Maybe<Scalars['DateTimeISO']['output']>;
  /** CASH_VOUCHER: what the voucher pays. */
  voucherValue?: Maybe<LoyaltyMoney>;
};

/** Whether a member can have this reward now. */
export type LoyaltyRewardAvailability = {
  __typename?: 'LoyaltyRewardAvailability';
  /** The member has enough available points. */
  affordable: Scalars['Boolean']['output'];
  /** Active, in its window, in stock, the member is in a high enough tier and under the per-member limit. */
  allowed: Scalars['Boolean']['output'];
  reason?: Maybe<LoyaltyErrorCode>;
};

export type LoyaltyRewardKind =
  | 'CASH_VOUCHER'
  | 'GIFT_ITEM';

/** What a sale earned, as recorded; returns are reversed from this. */
export type LoyaltySaleEarn = {
  __typename?: 'LoyaltySaleEarn';
  availableAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Points campaigns gave on top of points, each in a BONUS entry naming the campaign. */
  campaignPoints: Scalars['Int']['output'];
  /** What each campaign gave the sale. */
  campaigns: Array<LoyaltyCampaignAward>;
  /** The challenges this sale counted for, with the progress after it. */
  challenges: Array<LoyaltyChallengeStep>;
  channel: Scalars['String']['output'];
  /** The level discount given on the sale, recorded with it (returns count goods at the discounted price). */
  discount: LoyaltyMoney;
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<LoyaltySaleEarnLine>;
  points: Scalars['Int']['output'];
  saleId: Scalars['String']['output'];
  status: LoyaltyEarnedPointsStatus;
  /** What the lines came to after level discounts, before coupons and points (null in an answer stored before level discounts existed). */
  total?: Maybe<LoyaltyMoney>;
};

export type LoyaltySaleEarnLine = {
  __typename?: 'LoyaltySaleEarnLine';
  /** The level discount on this line (quantity x the unit discount; 0 without one). */
  discount: LoyaltyMoney;
  /** The level and rule of the discount; null without one. */
  discountReason?: Maybe<LoyaltyDiscountReason>;
  points: Scalars['Int']['output'];
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  /** One unit as charged: after the level discount, if any (null in an answer stored before level discounts existed). */
  unitPrice?: Maybe<LoyaltyMoney>;
};

/** A sale as the till or checkout knows it; points are computed from it on the server. */
export type LoyaltySaleInput = {
  /** e.g. store, web, app. */
  channel: Scalars['String']['input'];
  currencyCode: Scalars['String']['input'];
  /** Unique within the channel, forever: a sale earns at most once. */
  id: Scalars['ID']['input'];
  lines: Array<LoyaltySaleLineInput>;
  /** When the sale happened (an offline till replays later); defaults to now. */
  occurredAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The commerce graph's order key, when the sale is (part of) an order. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  storeId?: InputMaybe<Scalars['String']['input']>;
  tillId?: InputMaybe<Scalars['String']['input']>;
};

export type LoyaltySaleLineInput = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  productId: Scalars['ID']['input'];
  /** 1 to 10,000. */
  quantity: Scalars['Int']['input'];
  /** Price of one unit after discounts, minor units of the sale currency. */
  unitPrice: Scalars['Int']['input'];
};

/** A sale priced for a member: level discounts per line, the totals after them, and the points it would earn on the discounted prices. Nothing is written; earnPoints computes the same. */
export type LoyaltySaleQuote = {
  __typename?: 'LoyaltySaleQuote';
  /** Points campaigns would give on top of points (their own entries). */
  campaignPoints: Scalars['Int']['output'];
  /** Which campaign would give which points (or coupon), in evaluation order. */
  campaigns: Array<LoyaltyCampaignPreviewAward>;
  /** Campaigns running at the sale time that would give nothing, and why. */
  campaignsNotApplied: Array<LoyaltyCampaignSkip>;
  currencyCode: Scalars['String']['output'];
  /** The level discounts, all lines. */
  discountTotal: LoyaltyMoney;
  lines: Array<LoyaltySaleQuoteLine>;
  /** Points the sale would earn on the discounted prices, at the member's multiplier. */
  points: Scalars['Int']['output'];
  /** The lines before level discounts. */
  subtotal: LoyaltyMoney;
  /** The member's level whose discounts apply (null without a member or level). */
  tier?: Maybe<LoyaltyTier>;
  tierMultiplierPercent: Scalars['Int']['output'];
  /** subtotal - discountTotal: what the lines cost before coupons and points. */
  total: LoyaltyMoney;
  /** Problems with the sale or member; no discounts and 0 points when there are any. */
  userErrors: Array<LoyaltyUserError>;
};

export type LoyaltySaleQuoteLine = {
  __typename?: 'LoyaltySaleQuoteLine';
  categoryId?: Maybe<Scalars['ID']['output']>;
  /** Taken off the line: quantity x the unit discount (0 without one). */
  discount: LoyaltyMoney;
  /** Null when the line has no level discount. */
  discountReason?: Maybe<LoyaltyDiscountReason>;
  /** One unit after the level discount. */
  discountedUnitPrice: LoyaltyMoney;
  /** Position of the line in the sale, from 0. */
  index: Scalars['Int']['output'];
  /** quantity x unitPrice. */
  lineTotal: LoyaltyMoney;
  /** lineTotal - discount. */
  lineTotalAfterDiscount: LoyaltyMoney;
  /** Points this line would earn, on its discounted price. */
  points: Scalars['Int']['output'];
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  /** One unit as given. */
  unitPrice: LoyaltyMoney;
};

/** A level of the programme. Members qualify by the programme's qualification rules (tier points or spend, over a window), go up at once and down only at a review; spending points never lowers a tier. */
export type LoyaltyTier = {
  __typename?: 'LoyaltyTier';
  benefits: Array<LoyaltyTierBenefit>;
  /** Stable machine name, e.g. GOLD. */
  code: Scalars['String']['output'];
  /** The level's discounts at the till, in their order (setLoyaltyTierDiscounts). */
  discounts: Array<LoyaltyTierDiscountRule>;
  /** Earn multiplier in percent: 100 = 1x, 150 = 1.5x. */
  earnMultiplierPercent: Scalars['Int']['output'];
  /** Days a member keeps the tier after a review they did not qualify at. */
  graceDays: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** The price of a paid membership at this tier for membershipTermMonths; null when not sold. */
  membershipPrice?: Maybe<LoyaltyMoney>;
  /** Length of a paid membership at this tier; null when not sold. */
  membershipTermMonths?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  /** What reaching this tier takes, in the programme's qualification basis: tier points, or spend in minor units. */
  qualificationThreshold: Scalars['Int']['output'];
  /** 0 for the entry tier; higher is better. */
  rank: Scalars['Int']['output'];
  /** Points given on reaching the tier, once per qualification period. */
  upgradeBonusPoints: Scalars['Int']['output'];
  /** The GIFT_ITEM reward issued as a coupon on reaching the tier, once per qualification period. */
  upgradeGiftRewardId?: Maybe<Scalars['ID']['output']>;
};

/** A benefit of a tier, e.g. free delivery or a birthday bonus. */
export type LoyaltyTierBenefit = {
  __typename?: 'LoyaltyTierBenefit';
  /** Stable machine code, e.g. FREE_DELIVERY. */
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

export type LoyaltyTierBenefitInput = {
  code: Scalars['String']['input'];
  description: Scalars['String']['input'];
};

export type LoyaltyTierDiscountKind = {
  __typename?: 'LoyaltyTierDiscountKind';
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

/** A discount of a level: a kind (see loyaltyTierDiscountKinds) and its arguments, e.g. CATEGORY_PERCENT { categoryIds: ["beauty"], percent: 10 }. */
export type LoyaltyTierDiscountRule = {
  __typename?: 'LoyaltyTierDiscountRule';
  args: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  /** The admin's name for the rule; the till and receipt show it as the reason. */
  name: Scalars['String']['output'];
  /** Order within the level: on equal percent the earlier rule is the reason shown. */
  position: Scalars['Int']['output'];
  /** What the rule does, e.g. "10% off beauty". */
  summary: Scalars['String']['output'];
};

export type LoyaltyTierDiscountRuleInput = {
  /** CATEGORY_PERCENT: { categoryIds: [..], productIds?: [..], percent } (no products: every product of the categories); PRODUCT_PERCENT: { productIds: [..], percent }; percent a whole number from 1 to 100. */
  args: Scalars['JSONObject']['input'];
  /** CATEGORY_PERCENT or PRODUCT_PERCENT (loyaltyTierDiscountKinds). */
  kind: Scalars['String']['input'];
  /** 1 to 100 characters; shown as the reason of the discount. */
  name: Scalars['String']['input'];
};

export type LoyaltyTierDowngrade =
  /** One level down per review. */
  | 'ONE_LEVEL'
  /** Straight to the level the member qualifies for. */
  | 'TO_QUALIFIED';

export type LoyaltyTierProgress = {
  __typename?: 'LoyaltyTierProgress';
  currentTier?: Maybe<LoyaltyTier>;
  /** Why the floor was set (an admin's reason, or `paid membership`); admins only (null for others). */
  floorReason?: Maybe<Scalars['String']['output']>;
  /** A tier set by an admin, or bought as a paid membership, as a floor: reviews do not go below it until floorUntil. */
  floorTier?: Maybe<LoyaltyTier>;
  floorUntil?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Set while the member keeps a tier they did not qualify for at a review. */
  graceUntil?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Null at the top tier. */
  nextTier?: Maybe<LoyaltyTier>;
  /** By when toNextTier must be reached to count together: the end of the calendar year (CALENDAR_YEAR); null otherwise. */
  nextTierBy?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Lifetime tier points still needed for the next tier (as tierPoints counts them); toNextTier counts by the programme's qualification rules. */
  pointsToNextTier?: Maybe<Scalars['Int']['output']>;
  /** What qualifyingValue and the amounts below count: tier points, or spend in minor units. */
  qualificationBasis: LoyaltyTierQualificationBasis;
  qualificationWindow: LoyaltyTierQualificationWindow;
  /** What counts towards a level now: tier points or spend (minor units) in the window, less returns. */
  qualifyingValue: Scalars['Int']['output'];
  /** When the member reached their current tier. */
  reachedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the current tier is next reviewed (or its grace period ends); null when tiers are not reviewed. */
  reviewAt?: Maybe<Scalars['DateTimeISO']['output']>;
  tierPoints: Scalars['Int']['output'];
  /** How much more, bought by reviewAt, keeps the current tier at that review; 0 when it is kept already; null without a review. */
  toKeepTier?: Maybe<Scalars['Int']['output']>;
  /** How much more reaches the next tier; null at the top. */
  toNextTier?: Maybe<Scalars['Int']['output']>;
  /** Where the window starts now; null for LIFETIME. */
  windowStart?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type LoyaltyTierQualificationBasis =
  /** What sales came to, in minor units, less returns. */
  | 'SPEND'
  /** The points sales earned (bonuses and adjustments do not count), less returns. */
  | 'TIER_POINTS';

export type LoyaltyTierQualificationWindow =
  /** The calendar year (UTC) so far; a review at the end of the year counts the year that ended. */
  | 'CALENDAR_YEAR'
  /** Everything since enrolment. */
  | 'LIFETIME'
  /** The last tierQualificationMonths months. */
  | 'ROLLING_MONTHS';

export type LoyaltyTierReview =
  /** A year after reaching the level, then yearly. */
  | 'ANNIVERSARY'
  /** At the end of each calendar year (UTC). */
  | 'CALENDAR_YEAR_END'
  /** Levels only go up. */
  | 'NONE'
  /** Every tierReviewEveryDays days after reaching the level. */
  | 'ROLLING';

/** An expected outcome that stopped (part of) a mutation; nothing was changed by the failed part. */
export type LoyaltyUserError = {
  __typename?: 'LoyaltyUserError';
  code: LoyaltyErrorCode;
  /** Path of the input field at fault, e.g. ["input", "email"]. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** Human-readable explanation, safe to show to a cashier or member. */
  message: Scalars['String']['output'];
};

/** A member's points. Figures always agree with the journal. */
export type LoyaltyWallet = {
  __typename?: 'LoyaltyWallet';
  /** Spendable now. Negative only after a return clawed back points already spent. */
  available: Scalars['Int']['output'];
  /** What the available points are worth when redeemed as cash. */
  cashValue: LoyaltyMoney;
  /** Points expiring in the next 90 days, soonest first. */
  expiring: Array<LoyaltyExpiringPoints>;
  /** Reserved by tills for tenders in progress. */
  held: Scalars['Int']['output'];
  /** Points earned by purchases and bonuses, less returns. */
  lifetimeEarned: Scalars['Int']['output'];
  /** Earned, not yet spendable (e.g. during the return window). */
  pending: Scalars['Int']['output'];
  /** Tier-qualifying points; spending never lowers them. */
  tierPoints: Scalars['Int']['output'];
};

export type MarkLoyaltyInboxMessageReadInput = {
  id: Scalars['ID']['input'];
};

export type MarkLoyaltyInboxMessageReadPayload = {
  __typename?: 'MarkLoyaltyInboxMessageReadPayload';
  message?: Maybe<LoyaltyInboxMessage>;
  userErrors: Array<LoyaltyUserError>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Credit or debit points by hand, with a reason (admins only). */
  adjustPoints: AdjustPointsPayload;
  /** Redeem held points, all or some (the rest return at once). */
  capturePointsHold: CapturePointsHoldPayload;
  /** Spend points on a voucher from the catalogue. */
  claimLoyaltyVoucher: ClaimLoyaltyVoucherPayload;
  /** Turn points into a cash voucher at the conversion rate. */
  convertPointsToCoupon: ConvertPointsToCouponPayload;
  /** Credit a member for a sale; points are computed on the server from the lines. */
  earnPoints: EarnPointsPayload;
  enrollLoyaltyMember: EnrollLoyaltyMemberPayload;
  /** Reserve points for a tender; capture or release them later, or they return after the TTL. */
  holdPoints: HoldPointsPayload;
  issueLoyaltyCoupon: IssueLoyaltyCouponPayload;
  /** Spend points on a gift item from the catalogue: a GIFT_ITEM coupon for the product. */
  issueLoyaltyGiftItem: IssueLoyaltyGiftItemPayload;
  linkLoyaltyCard: LinkLoyaltyCardPayload;
  /** Tie a member (e.g. enrolled at a till) to the shopper's online account: their commerce customer id. */
  linkLoyaltyCustomer: LinkLoyaltyCustomerPayload;
  /** Mark an inbox message read: its member, or an admin. */
  markLoyaltyInboxMessageRead: MarkLoyaltyInboxMessageReadPayload;
  /** Record a paid membership bought with a sale (at a till or online): the tier at once for its term, renewed by buying again; idempotent by key. */
  purchaseLoyaltyMembership: PurchaseLoyaltyMembershipPayload;
  /** Bring an expired membership back (ACTIVE, activity from now); safe to retry. */
  reactivateLoyaltyMember: ReactivateLoyaltyMemberPayload;
  /** Records another service's event about a member, for CUSTOM_EVENT automations; once per (caller, eventId). */
  recordLoyaltyEvent: RecordLoyaltyEventPayload;
  /** Use a coupon on a sale, once; two tills at once: one wins. */
  redeemLoyaltyCoupon: RedeemLoyaltyCouponPayload;
  /** Hold and capture in one step, for online checkouts. */
  redeemPointsAsCash: RedeemPointsAsCashPayload;
  /** Give held points back (a voided or abandoned tender). Safe to retry. */
  releasePointsHold: ReleasePointsHoldPayload;
  /** Reverse the points of returned goods from the sale's earn record; redeemed points that paid for them come back. */
  returnLoyaltySale: ReturnLoyaltySalePayload;
  /** Creates an audience, or replaces the one of the same code (admins). */
  saveLoyaltyAudience: SaveLoyaltyAudiencePayload;
  /** Creates an automation, or replaces the one of the same code (admins). */
  saveLoyaltyAutomation: SaveLoyaltyAutomationPayload;
  /** Creates a campaign, or replaces the one of the same code, keeping what its budget has used (admins). */
  saveLoyaltyCampaign: SaveLoyaltyCampaignPayload;
  /** Creates a challenge, or replaces the one of the same code (admins); progress is kept. */
  saveLoyaltyChallenge: SaveLoyaltyChallengePayload;
  saveLoyaltyEarningRule: SaveLoyaltyEarningRulePayload;
  /** Create or replace a message template; placeholders are checked against what its key supplies. */
  saveLoyaltyMessageTemplate: SaveLoyaltyMessageTemplatePayload;
  saveLoyaltyReward: SaveLoyaltyRewardPayload;
  /** Create or replace a tier (level): threshold, multiplier, grace period, upgrade bonus and gift, benefits. */
  saveLoyaltyTier: SaveLoyaltyTierPayload;
  /** Activates (from now on), pauses or drafts an automation (admins). */
  setLoyaltyAutomationStatus: SetLoyaltyAutomationStatusPayload;
  /** Activates, pauses or returns a campaign to draft (admins). Other replicas follow within the programme cache time. */
  setLoyaltyCampaignStatus: SetLoyaltyCampaignStatusPayload;
  /** Block, report lost, or re-activate a card. */
  setLoyaltyCardStatus: SetLoyaltyCardStatusPayload;
  setLoyaltyChallengeStatus: SetLoyaltyChallengeStatusPayload;
  /** Set a member's tier by hand as a floor with a reason and an end date (raising them to it now if below), or remove it. */
  setLoyaltyMemberTier: SetLoyaltyMemberTierPayload;
  /** Set or remove the end date of a member's membership, with a reason for the activity log. */
  setLoyaltyMembershipExpiry: SetLoyaltyMembershipExpiryPayload;
  /** Replaces a level's discount rules (admins); sales already earned keep the discount recorded with them. */
  setLoyaltyTierDiscounts: SetLoyaltyTierDiscountsPayload;
  /** Change a member's name, contact details, birthday and marketing consents: the member themself (member or shopper token), or an admin with memberId. */
  updateLoyaltyMemberProfile: UpdateLoyaltyMemberProfilePayload;
  updateLoyaltyProgramme: UpdateLoyaltyProgrammePayload;
  /** Cancel an unused coupon; its points go back to the member. */
  voidLoyaltyCoupon: VoidLoyaltyCouponPayload;
};


export type MutationAdjustPointsArgs = {
  input: AdjustPointsInput;
};


export type MutationCapturePointsHoldArgs = {
  input: CapturePointsHoldInput;
};


export type MutationClaimLoyaltyVoucherArgs = {
  input: ClaimLoyaltyVoucherInput;
};


export type MutationConvertPointsToCouponArgs = {
  input: ConvertPointsToCouponInput;
};


export type MutationEarnPointsArgs = {
  input: EarnPointsInput;
};


export type MutationEnrollLoyaltyMemberArgs = {
  input: EnrollLoyaltyMemberInput;
};


export type MutationHoldPointsArgs = {
  input: HoldPointsInput;
};


export type MutationIssueLoyaltyCouponArgs = {
  input: IssueLoyaltyCouponInput;
};


export type MutationIssueLoyaltyGiftItemArgs = {
  input: IssueLoyaltyGiftItemInput;
};


export type MutationLinkLoyaltyCardArgs = {
  input: LinkLoyaltyCardInput;
};


export type MutationLinkLoyaltyCustomerArgs = {
  input: LinkLoyaltyCustomerInput;
};


export type MutationMarkLoyaltyInboxMessageReadArgs = {
  input: MarkLoyaltyInboxMessageReadInput;
};


export type MutationPurchaseLoyaltyMembershipArgs = {
  input: PurchaseLoyaltyMembershipInput;
};


export type MutationReactivateLoyaltyMemberArgs = {
  input: ReactivateLoyaltyMemberInput;
};


export type MutationRecordLoyaltyEventArgs = {
  input: RecordLoyaltyEventInput;
};


export type MutationRedeemLoyaltyCouponArgs = {
  input: RedeemLoyaltyCouponInput;
};


export type MutationRedeemPointsAsCashArgs = {
  input: RedeemPointsAsCashInput;
};


export type MutationReleasePointsHoldArgs = {
  input: ReleasePointsHoldInput;
};


export type MutationReturnLoyaltySaleArgs = {
  input: ReturnLoyaltySaleInput;
};


export type MutationSaveLoyaltyAudienceArgs = {
  input: SaveLoyaltyAudienceInput;
};


export type MutationSaveLoyaltyAutomationArgs = {
  input: SaveLoyaltyAutomationInput;
};


export type MutationSaveLoyaltyCampaignArgs = {
  input: SaveLoyaltyCampaignInput;
};


export type MutationSaveLoyaltyChallengeArgs = {
  input: SaveLoyaltyChallengeInput;
};


export type MutationSaveLoyaltyEarningRuleArgs = {
  input: SaveLoyaltyEarningRuleInput;
};


export type MutationSaveLoyaltyMessageTemplateArgs = {
  input: SaveLoyaltyMessageTemplateInput;
};


export type MutationSaveLoyaltyRewardArgs = {
  input: SaveLoyaltyRewardInput;
};


export type MutationSaveLoyaltyTierArgs = {
  input: SaveLoyaltyTierInput;
};


export type MutationSetLoyaltyAutomationStatusArgs = {
  input: SetLoyaltyAutomationStatusInput;
};


export type MutationSetLoyaltyCampaignStatusArgs = {
  input: SetLoyaltyCampaignStatusInput;
};


export type MutationSetLoyaltyCardStatusArgs = {
  input: SetLoyaltyCardStatusInput;
};


export type MutationSetLoyaltyChallengeStatusArgs = {
  input: SetLoyaltyChallengeStatusInput;
};


export type MutationSetLoyaltyMemberTierArgs = {
  input: SetLoyaltyMemberTierInput;
};


export type MutationSetLoyaltyMembershipExpiryArgs = {
  input: SetLoyaltyMembershipExpiryInput;
};


export type MutationSetLoyaltyTierDiscountsArgs = {
  input: SetLoyaltyTierDiscountsInput;
};


export type MutationUpdateLoyaltyMemberProfileArgs = {
  input: UpdateLoyaltyMemberProfileInput;
};


export type MutationUpdateLoyaltyProgrammeArgs = {
  input: UpdateLoyaltyProgrammeInput;
};


export type MutationVoidLoyaltyCouponArgs = {
  input: VoidLoyaltyCouponInput;
};

export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** Points earned, redeemed and returned for this order: sales carrying its key as orderId, or sold under its key in the web channel; null when none. */
  loyaltyActivity?: Maybe<LoyaltyOrderActivity>;
};

/** A draft template to render with sample values; nothing is saved. */
export type PreviewLoyaltyMessageTemplateInput = {
  /** At most 10000 characters for EMAIL, 2000 for INBOX, 480 for SMS. */
  body: Scalars['String']['input'];
  channel: LoyaltyMessageChannel;
  /** EMAIL only: an HTML version (at most 50000 characters); the text body stays the plain alternative. */
  html?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  /** One line, at most 200 characters. */
  subject: Scalars['String']['input'];
  /** Values by placeholder name; placeholders left out (or empty) get sample values. */
  values?: InputMaybe<Scalars['JSONObject']['input']>;
};

export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  /** Points one unit earns at this price (minor units) and category under the current rules, before tier and channel multipliers. */
  loyaltyEarnPreview?: Maybe<LoyaltyProductEarnPreview>;
};


export type ProductLoyaltyEarnPreviewArgs = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  unitPrice: Scalars['Int']['input'];
};

export type PurchaseLoyaltyMembershipInput = {
  /** store, web, app... */
  channel: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  /** The price charged: must be the tier's membershipPrice. */
  price: LoyaltyMoneyInput;
  /** The sale line of the membership (default LOYALTY-MEMBERSHIP-<tier code>): returning it refunds the membership. */
  productId?: InputMaybe<Scalars['String']['input']>;
  /** The sale that paid for it; one membership per sale and channel. */
  saleId: Scalars['String']['input'];
  /** A tier sold as a paid membership (membershipPrice set). */
  tierId: Scalars['ID']['input'];
};

export type PurchaseLoyaltyMembershipPayload = {
  __typename?: 'PurchaseLoyaltyMembershipPayload';
  member?: Maybe<LoyaltyMember>;
  membership?: Maybe<LoyaltyMembership>;
  userErrors: Array<LoyaltyUserError>;
};

export type Query = {
  __typename?: 'Query';
  loyaltyAudience?: Maybe<LoyaltyAudience>;
  /** The named audiences, by code. */
  loyaltyAudiences: Array<LoyaltyAudience>;
  loyaltyAutomation?: Maybe<LoyaltyAutomation>;
  /** What automations did, newest first: of one automation and/or one member. */
  loyaltyAutomationRuns: Array<LoyaltyAutomationRun>;
  /** Automated programmes, oldest first. */
  loyaltyAutomations: Array<LoyaltyAutomation>;
  loyaltyCampaign?: Maybe<LoyaltyCampaign>;
  /** Campaigns, highest priority first (the order sales are evaluated in). */
  loyaltyCampaigns: Array<LoyaltyCampaign>;
  /** A card by number, whatever its status. */
  loyaltyCard?: Maybe<LoyaltyCard>;
  /** Challenges, by start. */
  loyaltyChallenges: Array<LoyaltyChallenge>;
  /** A coupon by code (members: their own only). */
  loyaltyCoupon?: Maybe<LoyaltyCoupon>;
  /** Coupons issued, redeemed, voided, expired and still open per bucket and kind, with the redemption rate (admins). */
  loyaltyCouponFunnel: LoyaltyCouponFunnel;
  /** What a sale would earn (with a member: at their tier's multiplier). Nothing is written. */
  loyaltyEarnPreview: LoyaltyEarnPreview;
  /** The kinds of earning rule this service knows. */
  loyaltyEarningRuleKinds: Array<LoyaltyEarningRuleKind>;
  /** Earning rules, active first, in evaluation order. */
  loyaltyEarningRules: Array<LoyaltyEarningRule>;
  /** Recomputes every wallet from the journal; empty when the books are right. */
  loyaltyLedgerAudit: Array<LoyaltyLedgerAuditFinding>;
  /** Members by level at the end of the range and now, and upgrades and downgrades per bucket, from level to level (admins). */
  loyaltyLevelMovements: LoyaltyLevelReport;
  /** The caller's own record: a member token's member, or the member enrolled with a shopper's customer id (null while not enrolled). */
  loyaltyMe?: Maybe<LoyaltyMember>;
  /** A member by id; null when there is none. */
  loyaltyMember?: Maybe<LoyaltyMember>;
  /** The member an ACTIVE card identifies; null for unknown, blocked or lost cards (see `loyaltyCard` for why). */
  loyaltyMemberByCard?: Maybe<LoyaltyMember>;
  /** Members enrolled and active, their sales, repeat rate, loyalty index and the share of sales value from returning members, per bucket (admins). */
  loyaltyMemberSales: LoyaltyMemberSales;
  /** Members, in `sort` order (newest enrolment first by default). `search` finds them by the start of the given name or surname (listed by name), the start of the e-mail address (listed by address), the last 4 or more digits of the phone number, or a card number of any status, and lists them in its own order, ignoring `sort` (docs/scale.md). */
  loyaltyMembers: LoyaltyMemberConnection;
  /** The editable message templates, by key and channel. */
  loyaltyMessageTemplates: Array<LoyaltyMessageTemplate>;
  /** Per campaign and per automation in the range: points given, coupons issued and redeemed, members reached and their sales (admins). */
  loyaltyOfferResults: LoyaltyOfferResults;
  /** Outbound e-mails and SMS, newest first. */
  loyaltyOutboxMessages: Array<LoyaltyOutboxMessage>;
  /** Points issued, given as bonuses, redeemed, expired, returned, adjusted and turned into coupons per bucket, with what members hold and its value (admins). */
  loyaltyPointsFlow: LoyaltyPointsFlow;
  /** The programme's settings: currency, conversion, limits, expiry, bonuses. */
  loyaltyProgramme: LoyaltyProgramme;
  /** The reward catalogue, cheapest first; with memberId (members: themselves), what they can have. */
  loyaltyRewards: Array<LoyaltyReward>;
  /** A sale priced for a member: the level discounts per line with their reason, the totals after them, and the points earnPoints would credit on the discounted prices. Nothing is written. */
  loyaltySaleQuote: LoyaltySaleQuote;
  /** The kinds of level discount rule this service knows. */
  loyaltyTierDiscountKinds: Array<LoyaltyTierDiscountKind>;
  /** The programme tiers, entry tier first. */
  loyaltyTiers: Array<LoyaltyTier>;
  /** How many members these rules select now, and a sample; for drafting an audience. Nothing is written. */
  previewLoyaltyAudience: LoyaltyAudiencePreview;
  /** Renders a draft message template with sample values (or the given ones), as the sender would; nothing is saved. */
  previewLoyaltyMessageTemplate: LoyaltyMessageTemplatePreview;
  /** Replays the recorded sales of [from, to) against a draft campaign, alone: members reached, points and coupons it would have given, and their cost. Nothing is written. */
  simulateLoyaltyCampaign: LoyaltyCampaignSimulation;
  /** Can this code be used now, by this member? With the reason when not. */
  validateLoyaltyCoupon: LoyaltyCouponValidation;
};


export type QueryLoyaltyAudienceArgs = {
  code: Scalars['String']['input'];
};


export type QueryLoyaltyAutomationArgs = {
  code: Scalars['String']['input'];
};


export type QueryLoyaltyAutomationRunsArgs = {
  automationCode?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<LoyaltyAutomationRunStatus>;
};


export type QueryLoyaltyAutomationsArgs = {
  status?: InputMaybe<LoyaltyAutomationStatus>;
};


export type QueryLoyaltyCampaignArgs = {
  code: Scalars['String']['input'];
};


export type QueryLoyaltyCampaignsArgs = {
  status?: InputMaybe<LoyaltyCampaignStatus>;
};


export type QueryLoyaltyCardArgs = {
  number: Scalars['String']['input'];
};


export type QueryLoyaltyChallengesArgs = {
  status?: InputMaybe<LoyaltyChallengeStatus>;
};


export type QueryLoyaltyCouponArgs = {
  code: Scalars['String']['input'];
};


export type QueryLoyaltyCouponFunnelArgs = {
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  from: Scalars['DateTimeISO']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTimeISO']['input'];
};


export type QueryLoyaltyEarnPreviewArgs = {
  input: LoyaltySaleInput;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLoyaltyLevelMovementsArgs = {
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  from: Scalars['DateTimeISO']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTimeISO']['input'];
};


export type QueryLoyaltyMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLoyaltyMemberByCardArgs = {
  cardNumber: Scalars['String']['input'];
};


export type QueryLoyaltyMemberSalesArgs = {
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  channel?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTimeISO']['input'];
  storeId?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTimeISO']['input'];
};


export type QueryLoyaltyMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<LoyaltyMemberSort>;
};


export type QueryLoyaltyOfferResultsArgs = {
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
};


export type QueryLoyaltyOutboxMessagesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<LoyaltyOutboxStatus>;
};


export type QueryLoyaltyPointsFlowArgs = {
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  from: Scalars['DateTimeISO']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTimeISO']['input'];
};


export type QueryLoyaltyRewardsArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLoyaltySaleQuoteArgs = {
  input: LoyaltySaleInput;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPreviewLoyaltyAudienceArgs = {
  rules: LoyaltyAudienceRulesInput;
  sampleSize?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPreviewLoyaltyMessageTemplateArgs = {
  input: PreviewLoyaltyMessageTemplateInput;
};


export type QuerySimulateLoyaltyCampaignArgs = {
  from: Scalars['DateTimeISO']['input'];
  input: SaveLoyaltyCampaignInput;
  to: Scalars['DateTimeISO']['input'];
};


export type QueryValidateLoyaltyCouponArgs = {
  code: Scalars['String']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
};

/** Brings an expired membership back; an active one stays as it is. */
export type ReactivateLoyaltyMemberInput = {
  memberId: Scalars['ID']['input'];
  /** Why, for the activity log (at most 200 characters). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type ReactivateLoyaltyMemberPayload = {
  __typename?: 'ReactivateLoyaltyMemberPayload';
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** An event about a member from another service, for CUSTOM_EVENT automations. Give exactly one of memberId, customerId or cardNumber. */
export type RecordLoyaltyEventInput = {
  /** Up to 4 KB of JSON, kept with the event. */
  attributes?: InputMaybe<Scalars['JSONObject']['input']>;
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  /** The commerce customer id linked to the member. */
  customerId?: InputMaybe<Scalars['String']['input']>;
  /** The poster's id of the event: the same (poster, eventId) is recorded once. */
  eventId: Scalars['String']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** Default now. */
  occurredAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Letters, digits and _ . : -, e.g. review.posted. */
  type: Scalars['String']['input'];
};

export type RecordLoyaltyEventPayload = {
  __typename?: 'RecordLoyaltyEventPayload';
  /** The event had been recorded before: nothing new. */
  duplicate: Scalars['Boolean']['output'];
  event?: Maybe<LoyaltyEvent>;
  userErrors: Array<LoyaltyUserError>;
};

export type RedeemLoyaltyCouponInput = {
  /** The sale's channel; a till's default is store, other callers must give it. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** As typed or scanned: case, hyphens and the LC: prefix do not matter. */
  code: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  /** The identified member: a member-bound coupon must be theirs. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  saleId: Scalars['String']['input'];
  tillId?: InputMaybe<Scalars['String']['input']>;
};

export type RedeemLoyaltyCouponPayload = {
  __typename?: 'RedeemLoyaltyCouponPayload';
  coupon?: Maybe<LoyaltyCoupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** Give exactly one of points or cash. */
export type RedeemPointsAsCashInput = {
  cash?: InputMaybe<LoyaltyMoneyInput>;
  channel?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  points?: InputMaybe<Scalars['Int']['input']>;
  saleId: Scalars['String']['input'];
  saleTotal?: InputMaybe<LoyaltyMoneyInput>;
  tillId?: InputMaybe<Scalars['String']['input']>;
};

export type RedeemPointsAsCashPayload = {
  __typename?: 'RedeemPointsAsCashPayload';
  hold?: Maybe<LoyaltyPointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type ReleasePointsHoldInput = {
  holdId: Scalars['ID']['input'];
};

export type ReleasePointsHoldPayload = {
  __typename?: 'ReleasePointsHoldPayload';
  hold?: Maybe<LoyaltyPointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type ReturnLoyaltySaleInput = {
  channel: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  lines: Array<LoyaltyReturnLineInput>;
  saleId: Scalars['String']['input'];
};

export type ReturnLoyaltySalePayload = {
  __typename?: 'ReturnLoyaltySalePayload';
  /** Unused coupons campaigns had issued for the sale, voided because the whole sale came back. */
  campaignCouponsVoided?: Maybe<Array<Scalars['String']['output']>>;
  /** Of those, the points campaigns had given on the returned goods (from their records). */
  campaignPointsReversed?: Maybe<Scalars['Int']['output']>;
  /** Codes of coupons usable again because the whole sale came back. */
  couponsRestored?: Maybe<Array<Scalars['String']['output']>>;
  /** The level discount the returned goods had had (0 without one). */
  levelDiscountReturned?: Maybe<LoyaltyMoney>;
  member?: Maybe<LoyaltyMember>;
  /** Paid memberships bought with the sale whose line came back: refunded, ended now. */
  membershipsRefunded?: Maybe<Array<LoyaltyMembership>>;
  /** Of those, what the member's balance could not cover (now owed). */
  pointsClawedBack?: Maybe<Scalars['Int']['output']>;
  /** Redeemed points given back for the returned goods. */
  pointsRefunded?: Maybe<Scalars['Int']['output']>;
  /** Earned points taken back, campaign points included (the order's pointsReturned counts the sale's own points only). */
  pointsReversed?: Maybe<Scalars['Int']['output']>;
  /** Money value of the returned goods at the price paid: after the level discount the sale had. */
  returnedAmount?: Maybe<LoyaltyMoney>;
  userErrors: Array<LoyaltyUserError>;
};

export type SaveLoyaltyAudienceInput = {
  /** Letters, digits, _ and -; upper-cased. Saving an existing code replaces that audience. */
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  rules?: InputMaybe<LoyaltyAudienceRulesInput>;
};

export type SaveLoyaltyAudiencePayload = {
  __typename?: 'SaveLoyaltyAudiencePayload';
  audience?: Maybe<LoyaltyAudience>;
  userErrors: Array<LoyaltyUserError>;
};

export type SaveLoyaltyAutomationInput = {
  actions: Array<LoyaltyAutomationActionInput>;
  audience?: InputMaybe<LoyaltyAudienceRulesInput>;
  audienceCode?: InputMaybe<Scalars['String']['input']>;
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Default DRAFT. */
  status?: InputMaybe<LoyaltyAutomationStatus>;
  trigger: LoyaltyAutomationTriggerInput;
};

export type SaveLoyaltyAutomationPayload = {
  __typename?: 'SaveLoyaltyAutomationPayload';
  automation?: Maybe<LoyaltyAutomation>;
  userErrors: Array<LoyaltyUserError>;
};

export type SaveLoyaltyCampaignInput = {
  /** Or the audience inline. */
  audience?: InputMaybe<LoyaltyAudienceRulesInput>;
  /** A saved audience (saveLoyaltyAudience), read as it stands when a sale is booked. */
  audienceCode?: InputMaybe<Scalars['String']['input']>;
  /** Letters, digits, _ and -; stored upper case. A campaign of the same code is replaced (its budget use is kept). */
  code: Scalars['String']['input'];
  criteria?: InputMaybe<LoyaltyCampaignCriteriaInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Exclusive; none: open-ended. */
  endsAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  limits?: InputMaybe<LoyaltyCampaignLimitsInput>;
  name: Scalars['String']['input'];
  offer: LoyaltyCampaignOfferInput;
  /** Higher first; default 0. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** STACKABLE campaigns of one group: at most one applies (the first in order). */
  stackGroup?: InputMaybe<Scalars['String']['input']>;
  /** Default STACKABLE. */
  stacking?: InputMaybe<LoyaltyCampaignStacking>;
  startsAt: Scalars['DateTimeISO']['input'];
  /** Default DRAFT. */
  status?: InputMaybe<LoyaltyCampaignStatus>;
  /** IANA time zone of the windows and limit periods; default UTC. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** None: any time in the period. */
  windows?: InputMaybe<Array<LoyaltyCampaignWindowInput>>;
};

export type SaveLoyaltyCampaignPayload = {
  __typename?: 'SaveLoyaltyCampaignPayload';
  campaign?: Maybe<LoyaltyCampaign>;
  userErrors: Array<LoyaltyUserError>;
};

export type SaveLoyaltyChallengeInput = {
  code: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  goal: LoyaltyChallengeGoalInput;
  name: Scalars['String']['input'];
  reward: LoyaltyChallengeRewardInput;
  startsAt: Scalars['DateTimeISO']['input'];
  /** Default DRAFT. */
  status?: InputMaybe<LoyaltyChallengeStatus>;
};

export type SaveLoyaltyChallengePayload = {
  __typename?: 'SaveLoyaltyChallengePayload';
  challenge?: Maybe<LoyaltyChallenge>;
  userErrors: Array<LoyaltyUserError>;
};

/** Without id: a new rule. With id: replaces that rule. */
export type SaveLoyaltyEarningRuleInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  args: Scalars['JSONObject']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: Scalars['String']['input'];
  name: Scalars['String']['input'];
  position?: InputMaybe<Scalars['Int']['input']>;
};

export type SaveLoyaltyEarningRulePayload = {
  __typename?: 'SaveLoyaltyEarningRulePayload';
  rule?: Maybe<LoyaltyEarningRule>;
  userErrors: Array<LoyaltyUserError>;
};

/** Creates or replaces the template of this key and channel. */
export type SaveLoyaltyMessageTemplateInput = {
  /** At most 10000 characters for EMAIL, 2000 for INBOX, 480 for SMS. */
  body: Scalars['String']['input'];
  channel: LoyaltyMessageChannel;
  /** EMAIL only: an HTML version (at most 50000 characters); the text body stays the plain alternative. */
  html?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  /** One line, at most 200 characters. */
  subject: Scalars['String']['input'];
};

export type SaveLoyaltyMessageTemplatePayload = {
  __typename?: 'SaveLoyaltyMessageTemplatePayload';
  template?: Maybe<LoyaltyMessageTemplate>;
  userErrors: Array<LoyaltyUserError>;
};

/** Without id: a new reward. With id: replaces that reward. */
export type SaveLoyaltyRewardInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: LoyaltyRewardKind;
  minTierRank?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  perMemberLimit?: InputMaybe<Scalars['Int']['input']>;
  pointsCost: Scalars['Int']['input'];
  productId?: InputMaybe<Scalars['String']['input']>;
  stock?: InputMaybe<Scalars['Int']['input']>;
  validFrom?: InputMaybe<Scalars['DateTimeISO']['input']>;
  validUntil?: InputMaybe<Scalars['DateTimeISO']['input']>;
  voucherValue?: InputMaybe<LoyaltyMoneyInput>;
};

export type SaveLoyaltyRewardPayload = {
  __typename?: 'SaveLoyaltyRewardPayload';
  reward?: Maybe<LoyaltyReward>;
  userErrors: Array<LoyaltyUserError>;
};

/** Without id: a new tier. With id: replaces that tier. */
export type SaveLoyaltyTierInput = {
  benefits?: InputMaybe<Array<LoyaltyTierBenefitInput>>;
  /** Stable machine name: capitals, digits and _, e.g. GOLD. */
  code: Scalars['String']['input'];
  /** Earn multiplier in percent: 100 = 1x. */
  earnMultiplierPercent?: InputMaybe<Scalars['Int']['input']>;
  /** Days a member keeps the tier after a review they did not qualify at. */
  graceDays?: InputMaybe<Scalars['Int']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Sell the tier as a paid membership at this price (minor units), with membershipTermMonths; null: not sold. */
  membershipPrice?: InputMaybe<Scalars['Int']['input']>;
  membershipTermMonths?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  /** What reaching it takes, in the programme's qualification basis (tier points, or spend in minor units); 0 for the entry tier. */
  qualificationThreshold: Scalars['Int']['input'];
  /** 0 for the entry tier; higher is better; unique. */
  rank: Scalars['Int']['input'];
  /** Points given on reaching the tier, once per qualification period. */
  upgradeBonusPoints?: InputMaybe<Scalars['Int']['input']>;
  /** A GIFT_ITEM reward issued as a coupon on reaching the tier, once per qualification period. */
  upgradeGiftRewardId?: InputMaybe<Scalars['ID']['input']>;
};

export type SaveLoyaltyTierPayload = {
  __typename?: 'SaveLoyaltyTierPayload';
  tier?: Maybe<LoyaltyTier>;
  userErrors: Array<LoyaltyUserError>;
};

export type SetLoyaltyAutomationStatusInput = {
  code: Scalars['String']['input'];
  status: LoyaltyAutomationStatus;
};

export type SetLoyaltyAutomationStatusPayload = {
  __typename?: 'SetLoyaltyAutomationStatusPayload';
  automation?: Maybe<LoyaltyAutomation>;
  userErrors: Array<LoyaltyUserError>;
};

export type SetLoyaltyCampaignStatusInput = {
  code: Scalars['String']['input'];
  status: LoyaltyCampaignStatus;
};

export type SetLoyaltyCampaignStatusPayload = {
  __typename?: 'SetLoyaltyCampaignStatusPayload';
  campaign?: Maybe<LoyaltyCampaign>;
  userErrors: Array<LoyaltyUserError>;
};

export type SetLoyaltyCardStatusInput = {
  cardNumber: Scalars['String']['input'];
  status: LoyaltyCardStatus;
};

export type SetLoyaltyCardStatusPayload = {
  __typename?: 'SetLoyaltyCardStatusPayload';
  card?: Maybe<LoyaltyCard>;
  userErrors: Array<LoyaltyUserError>;
};

export type SetLoyaltyChallengeStatusInput = {
  code: Scalars['String']['input'];
  status: LoyaltyChallengeStatus;
};

export type SetLoyaltyChallengeStatusPayload = {
  __typename?: 'SetLoyaltyChallengeStatusPayload';
  challenge?: Maybe<LoyaltyChallenge>;
  userErrors: Array<LoyaltyUserError>;
};

export type SetLoyaltyMemberTierInput = {
  memberId: Scalars['ID']['input'];
  /** Why (required with a tier), for the points log and support. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The floor; null removes it (the next review then applies the rules). */
  tierId?: InputMaybe<Scalars['ID']['input']>;
  /** When the floor ends (required with a tier; in the future, at most ten years ahead). */
  until?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type SetLoyaltyMemberTierPayload = {
  __typename?: 'SetLoyaltyMemberTierPayload';
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The member’s tier after the change. */
  tier?: Maybe<LoyaltyTier>;
  userErrors: Array<LoyaltyUserError>;
};

/** The end of a membership: it expires then (at once when the time has passed); null removes the end date. */
export type SetLoyaltyMembershipExpiryInput = {
  /** When the membership ends; null: no end date (inactivity may still end it). */
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  memberId: Scalars['ID']['input'];
  /** Why, for the activity log (at most 200 characters). */
  reason: Scalars['String']['input'];
};

export type SetLoyaltyMembershipExpiryPayload = {
  __typename?: 'SetLoyaltyMembershipExpiryPayload';
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** Replaces the level's discount rules with these, in this order (an empty list: no discounts). */
export type SetLoyaltyTierDiscountsInput = {
  /** At most 50. */
  rules: Array<LoyaltyTierDiscountRuleInput>;
  tierId: Scalars['ID']['input'];
};

export type SetLoyaltyTierDiscountsPayload = {
  __typename?: 'SetLoyaltyTierDiscountsPayload';
  /** The level's rules as saved (empty on errors). */
  discounts: Array<LoyaltyTierDiscountRule>;
  tier?: Maybe<LoyaltyTier>;
  userErrors: Array<LoyaltyUserError>;
};

/** Only the fields given change. email, phone and birthday given as null (or empty) are removed; the member must keep a customerId, email or phone so they can be found again. */
export type UpdateLoyaltyMemberProfileInput = {
  birthday?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Stored lower-cased; unique across members. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Consent to marketing e-mail. */
  emailOptIn?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters; cannot be removed. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 characters; cannot be removed. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Admins: the member to edit. A member's or shopper's token edits its own member; another id is refused. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** International format, e.g. +44 7700 900123. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Consent to marketing SMS. */
  smsOptIn?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateLoyaltyMemberProfilePayload = {
  __typename?: 'UpdateLoyaltyMemberProfilePayload';
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

/** Fields left out keep their value. */
export type UpdateLoyaltyProgrammeInput = {
  birthdayBonusPoints?: InputMaybe<Scalars['Int']['input']>;
  couponReminderDays?: InputMaybe<Scalars['Int']['input']>;
  couponValidityDays?: InputMaybe<Scalars['Int']['input']>;
  currencyCode?: InputMaybe<Scalars['String']['input']>;
  earnBasis?: InputMaybe<LoyaltyEarnBasis>;
  /** 0 with expiryUnit unset: points never expire. */
  expiryCount?: InputMaybe<Scalars['Int']['input']>;
  expiryToMonthEnd?: InputMaybe<Scalars['Boolean']['input']>;
  expiryUnit?: InputMaybe<LoyaltyExpiryUnit>;
  holdTtlDefaultSeconds?: InputMaybe<Scalars['Int']['input']>;
  holdTtlMaxSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** 0 to 100; 0 = no cap. */
  marketingMessagesPerWeek?: InputMaybe<Scalars['Int']['input']>;
  maxRedeemSharePercent?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 240 months; 0 or null: memberships never expire by inactivity. */
  membershipInactivityMonths?: InputMaybe<Scalars['Int']['input']>;
  /** 0 to 365; 0 = no reminders. */
  membershipReminderDays?: InputMaybe<Scalars['Int']['input']>;
  minRedeemPoints?: InputMaybe<Scalars['Int']['input']>;
  paidMembershipReminderDays?: InputMaybe<Scalars['Int']['input']>;
  pendingDays?: InputMaybe<Scalars['Int']['input']>;
  redeemAmountMinor?: InputMaybe<Scalars['Int']['input']>;
  redeemPoints?: InputMaybe<Scalars['Int']['input']>;
  registrationBonusPoints?: InputMaybe<Scalars['Int']['input']>;
  tierDowngrade?: InputMaybe<LoyaltyTierDowngrade>;
  tierQualificationBasis?: InputMaybe<LoyaltyTierQualificationBasis>;
  tierQualificationMonths?: InputMaybe<Scalars['Int']['input']>;
  tierQualificationWindow?: InputMaybe<LoyaltyTierQualificationWindow>;
  /** Changing it reschedules every member above the entry level: from when they reached their level, or from now when that is past. */
  tierReview?: InputMaybe<LoyaltyTierReview>;
  tierReviewEveryDays?: InputMaybe<Scalars['Int']['input']>;
  tierWarningDays?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateLoyaltyProgrammePayload = {
  __typename?: 'UpdateLoyaltyProgrammePayload';
  programme?: Maybe<LoyaltyProgramme>;
  userErrors: Array<LoyaltyUserError>;
};

export type VoidLoyaltyCouponInput = {
  code: Scalars['String']['input'];
  /** A retry with the same key returns the first result. */
  idempotencyKey: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type VoidLoyaltyCouponPayload = {
  __typename?: 'VoidLoyaltyCouponPayload';
  coupon?: Maybe<LoyaltyCoupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<LoyaltyUserError>;
};

export type ConsoleProgrammeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleProgrammeQuery = { __typename?: 'Query', loyaltyProgramme: { __typename?: 'LoyaltyProgramme', currencyCode: string } };

export type ConsoleAnalyticsLevelsQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleAnalyticsLevelsQuery = { __typename?: 'Query', loyaltyLevelMovements: { __typename?: 'LoyaltyLevelReport', distributionAtEnd: Array<{ __typename?: 'LoyaltyLevelCount', members: number, tier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null }>, distributionNow: Array<{ __typename?: 'LoyaltyLevelCount', members: number, tier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null }>, totals: { __typename?: 'LoyaltyLevelMovements', upgrades: number, downgrades: number, movements: Array<{ __typename?: 'LoyaltyLevelMovement', upgrade: boolean, members: number, from?: { __typename?: 'LoyaltyTier', name: string } | null, to?: { __typename?: 'LoyaltyTier', name: string } | null }> }, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleAnalyticsOffersQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleAnalyticsOffersQuery = { __typename?: 'Query', loyaltyOfferResults: { __typename?: 'LoyaltyOfferResults', campaigns: Array<{ __typename?: 'LoyaltyOfferResult', id: string, code: string, name: string, runs: number, failedRuns: number, pointsGiven: number, couponsIssued: number, couponsRedeemed: number, membersReached: number, salesValueOfMembersReached: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, incrementalSalesValue?: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string } | null }>, automations: Array<{ __typename?: 'LoyaltyOfferResult', id: string, code: string, name: string, runs: number, failedRuns: number, pointsGiven: number, couponsIssued: number, couponsRedeemed: number, membersReached: number, salesValueOfMembersReached: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, incrementalSalesValue?: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string } | null }>, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> }, loyaltyCouponFunnel: { __typename?: 'LoyaltyCouponFunnel', totals?: { __typename?: 'LoyaltyCouponFunnelPeriod', all: { __typename?: 'LoyaltyCouponFunnelFigures', issued: number, redeemed: number, voided: number, expired: number, openAtEnd: number, redemptionRate?: number | null }, byKind: Array<{ __typename?: 'LoyaltyCouponKindFunnelFigures', kind: LoyaltyCouponKind, issued: number, redeemed: number, voided: number, expired: number, openAtEnd: number, redemptionRate?: number | null }> } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleOfferResultFragment = { __typename?: 'LoyaltyOfferResult', id: string, code: string, name: string, runs: number, failedRuns: number, pointsGiven: number, couponsIssued: number, couponsRedeemed: number, membersReached: number, salesValueOfMembersReached: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, incrementalSalesValue?: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string } | null };

export type ConsoleAnalyticsPointsFlowQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleAnalyticsPointsFlowQuery = { __typename?: 'Query', loyaltyPointsFlow: { __typename?: 'LoyaltyPointsFlow', openingOutstanding: number, closingOutstanding: number, breakageRate?: number | null, redemptionRate?: number | null, buckets: Array<{ __typename?: 'LoyaltyPointsFlowBucket', start: string, issued: number, bonus: number, redeemed: number, expired: number, returned: number, adjusted: number, intoCoupons: number, outstandingAtEnd: number, liabilityAtEnd: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } }>, totals: { __typename?: 'LoyaltyPointsFlowFigures', issued: number, bonus: number, redeemed: number, expired: number, returned: number, adjusted: number, intoCoupons: number }, closingLiability: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string }, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleAnalyticsMemberSalesQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
  bucket?: InputMaybe<LoyaltyAnalyticsBucket>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  storeId?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleAnalyticsMemberSalesQuery = { __typename?: 'Query', loyaltyMemberSales: { __typename?: 'LoyaltyMemberSales', buckets: Array<{ __typename?: 'LoyaltyMemberSalesBucket', start: string, enrolled: number, membersAtEnd: number, activeMembers: number, repeatMembers: number, salesCount: number, repeatRate?: number | null, loyaltyIndex?: number | null, returningSalesShare?: number | null, salesValue: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, returnedValue: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, returningSalesValue: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string } }>, totals?: { __typename?: 'LoyaltyMemberSalesFigures', enrolled: number, membersAtEnd: number, activeMembers: number, repeatMembers: number, salesCount: number, repeatRate?: number | null, loyaltyIndex?: number | null, returningSalesShare?: number | null, salesValue: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, returnedValue: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string }, returningSalesValue: { __typename?: 'LoyaltyMoneyTotal', amount: number, currencyCode: string } } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleCampaignGivenQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
}>;


export type ConsoleCampaignGivenQuery = { __typename?: 'Query', loyaltyOfferResults: { __typename?: 'LoyaltyOfferResults', campaigns: Array<{ __typename?: 'LoyaltyOfferResult', code: string, runs: number, pointsGiven: number, couponsIssued: number, couponsRedeemed: number, membersReached: number }>, userErrors: Array<{ __typename?: 'LoyaltyUserError', message: string }> } };

export type ConsoleCampaignFieldsFragment = { __typename?: 'LoyaltyCampaign', id: string, code: string, name: string, description?: string | null, status: LoyaltyCampaignStatus, runningNow: boolean, startsAt: string, endsAt?: string | null, timeZone: string, audienceCode?: string | null, hasInlineAudience: boolean, perMemberLimit?: number | null, perMemberPeriod: LoyaltyCampaignLimitPeriod, priority: number, stacking: LoyaltyCampaignStacking, stackGroup?: string | null, updatedAt: string, windows: Array<{ __typename?: 'LoyaltyCampaignWindow', weekdays: Array<number>, from: string, to: string }>, criteria: { __typename?: 'LoyaltyCampaignCriteria', storeIds?: Array<string> | null, channels?: Array<string> | null, categoryIds?: Array<string> | null, productIds?: Array<string> | null, firstPurchase: boolean, nthVisit?: number | null, minSpend?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, offer: { __typename?: 'LoyaltyCampaignOffer', kind: LoyaltyCampaignOfferKind, points?: number | null, percent?: number | null, productId?: string | null, title?: string | null, validDays?: number | null, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, budget: { __typename?: 'LoyaltyCampaignBudget', points?: number | null, pointsGiven: number, coupons?: number | null, couponsIssued: number, exhausted: boolean, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, valueIssued: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } } };

export type ConsoleCampaignsQueryVariables = Exact<{
  status?: InputMaybe<LoyaltyCampaignStatus>;
}>;


export type ConsoleCampaignsQuery = { __typename?: 'Query', loyaltyCampaigns: Array<{ __typename?: 'LoyaltyCampaign', id: string, code: string, name: string, description?: string | null, status: LoyaltyCampaignStatus, runningNow: boolean, startsAt: string, endsAt?: string | null, timeZone: string, audienceCode?: string | null, hasInlineAudience: boolean, perMemberLimit?: number | null, perMemberPeriod: LoyaltyCampaignLimitPeriod, priority: number, stacking: LoyaltyCampaignStacking, stackGroup?: string | null, updatedAt: string, windows: Array<{ __typename?: 'LoyaltyCampaignWindow', weekdays: Array<number>, from: string, to: string }>, criteria: { __typename?: 'LoyaltyCampaignCriteria', storeIds?: Array<string> | null, channels?: Array<string> | null, categoryIds?: Array<string> | null, productIds?: Array<string> | null, firstPurchase: boolean, nthVisit?: number | null, minSpend?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, offer: { __typename?: 'LoyaltyCampaignOffer', kind: LoyaltyCampaignOfferKind, points?: number | null, percent?: number | null, productId?: string | null, title?: string | null, validDays?: number | null, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, budget: { __typename?: 'LoyaltyCampaignBudget', points?: number | null, pointsGiven: number, coupons?: number | null, couponsIssued: number, exhausted: boolean, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, valueIssued: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } } }> };

export type ConsoleCampaignQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type ConsoleCampaignQuery = { __typename?: 'Query', loyaltyCampaign?: { __typename?: 'LoyaltyCampaign', id: string, code: string, name: string, description?: string | null, status: LoyaltyCampaignStatus, runningNow: boolean, startsAt: string, endsAt?: string | null, timeZone: string, audienceCode?: string | null, hasInlineAudience: boolean, perMemberLimit?: number | null, perMemberPeriod: LoyaltyCampaignLimitPeriod, priority: number, stacking: LoyaltyCampaignStacking, stackGroup?: string | null, updatedAt: string, windows: Array<{ __typename?: 'LoyaltyCampaignWindow', weekdays: Array<number>, from: string, to: string }>, criteria: { __typename?: 'LoyaltyCampaignCriteria', storeIds?: Array<string> | null, channels?: Array<string> | null, categoryIds?: Array<string> | null, productIds?: Array<string> | null, firstPurchase: boolean, nthVisit?: number | null, minSpend?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, offer: { __typename?: 'LoyaltyCampaignOffer', kind: LoyaltyCampaignOfferKind, points?: number | null, percent?: number | null, productId?: string | null, title?: string | null, validDays?: number | null, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, budget: { __typename?: 'LoyaltyCampaignBudget', points?: number | null, pointsGiven: number, coupons?: number | null, couponsIssued: number, exhausted: boolean, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, valueIssued: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } } } | null };

export type ConsoleCampaignChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCampaignChoicesQuery = { __typename?: 'Query', loyaltyAudiences: Array<{ __typename?: 'LoyaltyAudience', code: string, name: string }>, loyaltyCampaigns: Array<{ __typename?: 'LoyaltyCampaign', code: string }> };

export type ConsoleCampaignSaveMutationVariables = Exact<{
  input: SaveLoyaltyCampaignInput;
}>;


export type ConsoleCampaignSaveMutation = { __typename?: 'Mutation', saveLoyaltyCampaign: { __typename?: 'SaveLoyaltyCampaignPayload', campaign?: { __typename?: 'LoyaltyCampaign', id: string, code: string, name: string, description?: string | null, status: LoyaltyCampaignStatus, runningNow: boolean, startsAt: string, endsAt?: string | null, timeZone: string, audienceCode?: string | null, hasInlineAudience: boolean, perMemberLimit?: number | null, perMemberPeriod: LoyaltyCampaignLimitPeriod, priority: number, stacking: LoyaltyCampaignStacking, stackGroup?: string | null, updatedAt: string, windows: Array<{ __typename?: 'LoyaltyCampaignWindow', weekdays: Array<number>, from: string, to: string }>, criteria: { __typename?: 'LoyaltyCampaignCriteria', storeIds?: Array<string> | null, channels?: Array<string> | null, categoryIds?: Array<string> | null, productIds?: Array<string> | null, firstPurchase: boolean, nthVisit?: number | null, minSpend?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, offer: { __typename?: 'LoyaltyCampaignOffer', kind: LoyaltyCampaignOfferKind, points?: number | null, percent?: number | null, productId?: string | null, title?: string | null, validDays?: number | null, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, budget: { __typename?: 'LoyaltyCampaignBudget', points?: number | null, pointsGiven: number, coupons?: number | null, couponsIssued: number, exhausted: boolean, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, valueIssued: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } } } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleCampaignSetStatusMutationVariables = Exact<{
  input: SetLoyaltyCampaignStatusInput;
}>;


export type ConsoleCampaignSetStatusMutation = { __typename?: 'Mutation', setLoyaltyCampaignStatus: { __typename?: 'SetLoyaltyCampaignStatusPayload', campaign?: { __typename?: 'LoyaltyCampaign', id: string, code: string, name: string, description?: string | null, status: LoyaltyCampaignStatus, runningNow: boolean, startsAt: string, endsAt?: string | null, timeZone: string, audienceCode?: string | null, hasInlineAudience: boolean, perMemberLimit?: number | null, perMemberPeriod: LoyaltyCampaignLimitPeriod, priority: number, stacking: LoyaltyCampaignStacking, stackGroup?: string | null, updatedAt: string, windows: Array<{ __typename?: 'LoyaltyCampaignWindow', weekdays: Array<number>, from: string, to: string }>, criteria: { __typename?: 'LoyaltyCampaignCriteria', storeIds?: Array<string> | null, channels?: Array<string> | null, categoryIds?: Array<string> | null, productIds?: Array<string> | null, firstPurchase: boolean, nthVisit?: number | null, minSpend?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, offer: { __typename?: 'LoyaltyCampaignOffer', kind: LoyaltyCampaignOfferKind, points?: number | null, percent?: number | null, productId?: string | null, title?: string | null, validDays?: number | null, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }, budget: { __typename?: 'LoyaltyCampaignBudget', points?: number | null, pointsGiven: number, coupons?: number | null, couponsIssued: number, exhausted: boolean, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, valueIssued: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } } } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleCampaignSimulateQueryVariables = Exact<{
  input: SaveLoyaltyCampaignInput;
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
}>;


export type ConsoleCampaignSimulateQuery = { __typename?: 'Query', simulateLoyaltyCampaign: { __typename?: 'LoyaltyCampaignSimulation', salesReplayed: number, salesRewarded: number, membersReached: number, points: number, coupons: number, budgetExhaustedAt?: string | null, couponValue: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string }, cost: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string }, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleMembersTableQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<LoyaltyMemberSort>;
}>;


export type ConsoleMembersTableQuery = { __typename?: 'Query', loyaltyMembers: { __typename?: 'LoyaltyMemberConnection', totalCount: number, totalCountIsEstimate: boolean, pageInfo: { __typename?: 'LoyaltyPageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, email?: string | null, status: LoyaltyMemberStatus, enrolledAt: string, tier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null, wallet: { __typename?: 'LoyaltyWallet', available: number } }> } };

export type ConsoleMembersDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleMembersDetailQuery = { __typename?: 'Query', loyaltyMember?: { __typename?: 'LoyaltyMember', id: string, customerId?: string | null, firstName: string, lastName: string, email?: string | null, phone?: string | null, birthday?: string | null, status: LoyaltyMemberStatus, emailOptIn: boolean, smsOptIn: boolean, enrolledAt: string, lastActivityAt?: string | null, membershipExpiresAt?: string | null, tier?: { __typename?: 'LoyaltyTier', id: string, name: string, rank: number } | null, tierProgress: { __typename?: 'LoyaltyTierProgress', qualificationBasis: LoyaltyTierQualificationBasis, qualificationWindow: LoyaltyTierQualificationWindow, qualifyingValue: number, windowStart?: string | null, toNextTier?: number | null, nextTierBy?: string | null, reviewAt?: string | null, toKeepTier?: number | null, graceUntil?: string | null, currentTier?: { __typename?: 'LoyaltyTier', id: string, name: string, qualificationThreshold: number } | null, nextTier?: { __typename?: 'LoyaltyTier', id: string, name: string, qualificationThreshold: number } | null }, cards: Array<{ __typename?: 'LoyaltyCard', number: string, status: LoyaltyCardStatus, linkedAt: string, statusChangedAt: string }>, wallet: { __typename?: 'LoyaltyWallet', available: number, pending: number, held: number, lifetimeEarned: number, tierPoints: number, cashValue: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string }, expiring: Array<{ __typename?: 'LoyaltyExpiringPoints', points: number, expiresAt: string }> }, coupons: Array<{ __typename?: 'LoyaltyCoupon', code: string, displayCode: string, title: string, kind: LoyaltyCouponKind, status: LoyaltyCouponStatus, expiresAt: string, issuedAt: string, pointsSpent: number }>, inbox: { __typename?: 'LoyaltyInboxMessageConnection', totalCount: number, unreadCount: number, nodes: Array<{ __typename?: 'LoyaltyInboxMessage', id: string, title: string, body: string, createdAt: string, read: boolean }> } } | null };

export type ConsoleMembersActivityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleMembersActivityQuery = { __typename?: 'Query', loyaltyMember?: { __typename?: 'LoyaltyMember', id: string, activity: { __typename?: 'LoyaltyLedgerEntryConnection', totalCount: number, pageInfo: { __typename?: 'LoyaltyPageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'LoyaltyLedgerEntry', id: string, type: LoyaltyLedgerEntryType, points: number, availableChange: number, availableAfter: number, reason?: string | null, channel?: string | null, saleId?: string | null, couponCode?: string | null, actor: string, occurredAt: string }> } } | null };

export type ConsoleMembersAdjustPointsMutationVariables = Exact<{
  input: AdjustPointsInput;
}>;


export type ConsoleMembersAdjustPointsMutation = { __typename?: 'Mutation', adjustPoints: { __typename?: 'AdjustPointsPayload', entry?: { __typename?: 'LoyaltyLedgerEntry', id: string, points: number, reason?: string | null } | null, member?: { __typename?: 'LoyaltyMember', id: string, wallet: { __typename?: 'LoyaltyWallet', available: number } } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleMembersSetCardStatusMutationVariables = Exact<{
  input: SetLoyaltyCardStatusInput;
}>;


export type ConsoleMembersSetCardStatusMutation = { __typename?: 'Mutation', setLoyaltyCardStatus: { __typename?: 'SetLoyaltyCardStatusPayload', card?: { __typename?: 'LoyaltyCard', number: string, status: LoyaltyCardStatus, statusChangedAt: string } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleAutomationFieldsFragment = { __typename?: 'LoyaltyAutomation', id: string, code: string, name: string, status: LoyaltyAutomationStatus, audienceCode?: string | null, hasInlineAudience: boolean, activatedAt?: string | null, lastScanAt?: string | null, runCount: number, failedCount: number, trigger: { __typename?: 'LoyaltyAutomationTrigger', kind: LoyaltyAutomationTriggerKind, days?: number | null, tierCodes?: Array<string> | null, eventType?: string | null, criteria?: Record<string, unknown> | null }, actions: Array<{ __typename?: 'LoyaltyAutomationAction', kind: LoyaltyAutomationActionKind, points?: number | null, coupon?: Record<string, unknown> | null, tag?: string | null, name?: string | null, value?: string | null, templateKey?: string | null, purpose?: LoyaltyMessagePurpose | null }> };

export type ConsoleAutomationsQueryVariables = Exact<{
  status?: InputMaybe<LoyaltyAutomationStatus>;
}>;


export type ConsoleAutomationsQuery = { __typename?: 'Query', loyaltyAutomations: Array<{ __typename?: 'LoyaltyAutomation', id: string, code: string, name: string, status: LoyaltyAutomationStatus, audienceCode?: string | null, hasInlineAudience: boolean, activatedAt?: string | null, lastScanAt?: string | null, runCount: number, failedCount: number, trigger: { __typename?: 'LoyaltyAutomationTrigger', kind: LoyaltyAutomationTriggerKind, days?: number | null, tierCodes?: Array<string> | null, eventType?: string | null, criteria?: Record<string, unknown> | null }, actions: Array<{ __typename?: 'LoyaltyAutomationAction', kind: LoyaltyAutomationActionKind, points?: number | null, coupon?: Record<string, unknown> | null, tag?: string | null, name?: string | null, value?: string | null, templateKey?: string | null, purpose?: LoyaltyMessagePurpose | null }> }>, loyaltyAudiences: Array<{ __typename?: 'LoyaltyAudience', code: string, name: string }>, loyaltyMessageTemplates: Array<{ __typename?: 'LoyaltyMessageTemplate', key: string, channel: LoyaltyMessageChannel }> };

export type ConsoleAutomationRunsQueryVariables = Exact<{
  automationCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<LoyaltyAutomationRunStatus>;
}>;


export type ConsoleAutomationRunsQuery = { __typename?: 'Query', loyaltyAutomationRuns: Array<{ __typename?: 'LoyaltyAutomationRun', id: string, automationCode: string, memberId: string, occurrenceKey: string, status: LoyaltyAutomationRunStatus, detail: Record<string, unknown>, createdAt: string, member?: { __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string } | null }> };

export type ConsoleAutomationSaveMutationVariables = Exact<{
  input: SaveLoyaltyAutomationInput;
}>;


export type ConsoleAutomationSaveMutation = { __typename?: 'Mutation', saveLoyaltyAutomation: { __typename?: 'SaveLoyaltyAutomationPayload', automation?: { __typename?: 'LoyaltyAutomation', id: string, code: string, name: string, status: LoyaltyAutomationStatus, audienceCode?: string | null, hasInlineAudience: boolean, activatedAt?: string | null, lastScanAt?: string | null, runCount: number, failedCount: number, trigger: { __typename?: 'LoyaltyAutomationTrigger', kind: LoyaltyAutomationTriggerKind, days?: number | null, tierCodes?: Array<string> | null, eventType?: string | null, criteria?: Record<string, unknown> | null }, actions: Array<{ __typename?: 'LoyaltyAutomationAction', kind: LoyaltyAutomationActionKind, points?: number | null, coupon?: Record<string, unknown> | null, tag?: string | null, name?: string | null, value?: string | null, templateKey?: string | null, purpose?: LoyaltyMessagePurpose | null }> } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleAutomationSetStatusMutationVariables = Exact<{
  input: SetLoyaltyAutomationStatusInput;
}>;


export type ConsoleAutomationSetStatusMutation = { __typename?: 'Mutation', setLoyaltyAutomationStatus: { __typename?: 'SetLoyaltyAutomationStatusPayload', automation?: { __typename?: 'LoyaltyAutomation', id: string, code: string, name: string, status: LoyaltyAutomationStatus, audienceCode?: string | null, hasInlineAudience: boolean, activatedAt?: string | null, lastScanAt?: string | null, runCount: number, failedCount: number, trigger: { __typename?: 'LoyaltyAutomationTrigger', kind: LoyaltyAutomationTriggerKind, days?: number | null, tierCodes?: Array<string> | null, eventType?: string | null, criteria?: Record<string, unknown> | null }, actions: Array<{ __typename?: 'LoyaltyAutomationAction', kind: LoyaltyAutomationActionKind, points?: number | null, coupon?: Record<string, unknown> | null, tag?: string | null, name?: string | null, value?: string | null, templateKey?: string | null, purpose?: LoyaltyMessagePurpose | null }> } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleLevelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLevelsQuery = { __typename?: 'Query', loyaltyProgramme: { __typename?: 'LoyaltyProgramme', currencyCode: string, tierQualificationBasis: LoyaltyTierQualificationBasis, tierQualificationWindow: LoyaltyTierQualificationWindow }, loyaltyTiers: Array<{ __typename?: 'LoyaltyTier', id: string, code: string, name: string, rank: number, qualificationThreshold: number, earnMultiplierPercent: number, graceDays: number, upgradeBonusPoints: number, upgradeGiftRewardId?: string | null, membershipTermMonths?: number | null, membershipPrice?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, benefits: Array<{ __typename?: 'LoyaltyTierBenefit', code: string, description: string }>, discounts: Array<{ __typename?: 'LoyaltyTierDiscountRule', id: string, name: string, summary: string }> }>, loyaltyRewards: Array<{ __typename?: 'LoyaltyReward', id: string, name: string, kind: LoyaltyRewardKind }> };

export type ConsoleLevelsSaveMutationVariables = Exact<{
  input: SaveLoyaltyTierInput;
}>;


export type ConsoleLevelsSaveMutation = { __typename?: 'Mutation', saveLoyaltyTier: { __typename?: 'SaveLoyaltyTierPayload', tier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleMessagesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMessagesQuery = { __typename?: 'Query', loyaltyMessageTemplates: Array<{ __typename?: 'LoyaltyMessageTemplate', key: string, channel: LoyaltyMessageChannel, subject: string, body: string, html?: string | null, placeholders: Array<string>, updatedAt: string }> };

export type ConsoleMessagesPreviewQueryVariables = Exact<{
  input: PreviewLoyaltyMessageTemplateInput;
}>;


export type ConsoleMessagesPreviewQuery = { __typename?: 'Query', previewLoyaltyMessageTemplate: { __typename?: 'LoyaltyMessageTemplatePreview', subject?: string | null, body?: string | null, html?: string | null, values: Record<string, unknown>, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleMessagesSaveMutationVariables = Exact<{
  input: SaveLoyaltyMessageTemplateInput;
}>;


export type ConsoleMessagesSaveMutation = { __typename?: 'Mutation', saveLoyaltyMessageTemplate: { __typename?: 'SaveLoyaltyMessageTemplatePayload', template?: { __typename?: 'LoyaltyMessageTemplate', key: string, channel: LoyaltyMessageChannel, updatedAt: string } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleOutboxQueryVariables = Exact<{
  status?: InputMaybe<LoyaltyOutboxStatus>;
  first: Scalars['Int']['input'];
  withFailed: Scalars['Boolean']['input'];
}>;


export type ConsoleOutboxQuery = { __typename?: 'Query', failed?: Array<{ __typename?: 'LoyaltyOutboxMessage', id: string, memberId?: string | null, channel: LoyaltyMessageChannel, recipient: string, subject: string, template: string, status: LoyaltyOutboxStatus, attempts: number, lastError?: string | null, lockedUntil?: string | null, createdAt: string, sentAt?: string | null }>, messages: Array<{ __typename?: 'LoyaltyOutboxMessage', id: string, memberId?: string | null, channel: LoyaltyMessageChannel, recipient: string, subject: string, template: string, status: LoyaltyOutboxStatus, attempts: number, lastError?: string | null, lockedUntil?: string | null, createdAt: string, sentAt?: string | null }> };

export type ConsoleOutboxRowFragment = { __typename?: 'LoyaltyOutboxMessage', id: string, memberId?: string | null, channel: LoyaltyMessageChannel, recipient: string, subject: string, template: string, status: LoyaltyOutboxStatus, attempts: number, lastError?: string | null, lockedUntil?: string | null, createdAt: string, sentAt?: string | null };

export type ConsoleProgrammeSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleProgrammeSettingsQuery = { __typename?: 'Query', loyaltyProgramme: { __typename?: 'LoyaltyProgramme', currencyCode: string, redeemPoints: number, redeemAmountMinor: number, minRedeemPoints: number, maxRedeemSharePercent: number, holdTtlDefaultSeconds: number, holdTtlMaxSeconds: number, pendingDays: number, expiryUnit?: LoyaltyExpiryUnit | null, expiryCount?: number | null, expiryToMonthEnd: boolean, registrationBonusPoints: number, birthdayBonusPoints: number, couponValidityDays: number, couponReminderDays: number, earnBasis: LoyaltyEarnBasis, tierQualificationBasis: LoyaltyTierQualificationBasis, tierQualificationWindow: LoyaltyTierQualificationWindow, tierQualificationMonths: number, tierReview: LoyaltyTierReview, tierReviewEveryDays: number, tierDowngrade: LoyaltyTierDowngrade, tierWarningDays: number, paidMembershipReminderDays: number, marketingMessagesPerWeek: number, membershipInactivityMonths?: number | null, membershipReminderDays: number } };

export type ConsoleProgrammeFieldsFragment = { __typename?: 'LoyaltyProgramme', currencyCode: string, redeemPoints: number, redeemAmountMinor: number, minRedeemPoints: number, maxRedeemSharePercent: number, holdTtlDefaultSeconds: number, holdTtlMaxSeconds: number, pendingDays: number, expiryUnit?: LoyaltyExpiryUnit | null, expiryCount?: number | null, expiryToMonthEnd: boolean, registrationBonusPoints: number, birthdayBonusPoints: number, couponValidityDays: number, couponReminderDays: number, earnBasis: LoyaltyEarnBasis, tierQualificationBasis: LoyaltyTierQualificationBasis, tierQualificationWindow: LoyaltyTierQualificationWindow, tierQualificationMonths: number, tierReview: LoyaltyTierReview, tierReviewEveryDays: number, tierDowngrade: LoyaltyTierDowngrade, tierWarningDays: number, paidMembershipReminderDays: number, marketingMessagesPerWeek: number, membershipInactivityMonths?: number | null, membershipReminderDays: number };

export type ConsoleProgrammeUpdateMutationVariables = Exact<{
  input: UpdateLoyaltyProgrammeInput;
}>;


export type ConsoleProgrammeUpdateMutation = { __typename?: 'Mutation', updateLoyaltyProgramme: { __typename?: 'UpdateLoyaltyProgrammePayload', programme?: { __typename?: 'LoyaltyProgramme', currencyCode: string, redeemPoints: number, redeemAmountMinor: number, minRedeemPoints: number, maxRedeemSharePercent: number, holdTtlDefaultSeconds: number, holdTtlMaxSeconds: number, pendingDays: number, expiryUnit?: LoyaltyExpiryUnit | null, expiryCount?: number | null, expiryToMonthEnd: boolean, registrationBonusPoints: number, birthdayBonusPoints: number, couponValidityDays: number, couponReminderDays: number, earnBasis: LoyaltyEarnBasis, tierQualificationBasis: LoyaltyTierQualificationBasis, tierQualificationWindow: LoyaltyTierQualificationWindow, tierQualificationMonths: number, tierReview: LoyaltyTierReview, tierReviewEveryDays: number, tierDowngrade: LoyaltyTierDowngrade, tierWarningDays: number, paidMembershipReminderDays: number, marketingMessagesPerWeek: number, membershipInactivityMonths?: number | null, membershipReminderDays: number } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleRewardsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRewardsQuery = { __typename?: 'Query', loyaltyRewards: Array<{ __typename?: 'LoyaltyReward', id: string, kind: LoyaltyRewardKind, name: string, description?: string | null, productId?: string | null, pointsCost: number, stock?: number | null, perMemberLimit?: number | null, minTierRank?: number | null, validFrom?: string | null, validUntil?: string | null, active: boolean, voucherValue?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }>, loyaltyTiers: Array<{ __typename?: 'LoyaltyTier', id: string, name: string, rank: number }> };

export type ConsoleRewardsSaveMutationVariables = Exact<{
  input: SaveLoyaltyRewardInput;
}>;


export type ConsoleRewardsSaveMutation = { __typename?: 'Mutation', saveLoyaltyReward: { __typename?: 'SaveLoyaltyRewardPayload', reward?: { __typename?: 'LoyaltyReward', id: string, name: string } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type ConsoleRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRulesQuery = { __typename?: 'Query', loyaltyEarningRules: Array<{ __typename?: 'LoyaltyEarningRule', id: string, kind: string, name: string, args: Record<string, unknown>, active: boolean, position: number }>, loyaltyEarningRuleKinds: Array<{ __typename?: 'LoyaltyEarningRuleKind', code: string, description: string }> };

export type ConsoleRulesSaveMutationVariables = Exact<{
  input: SaveLoyaltyEarningRuleInput;
}>;


export type ConsoleRulesSaveMutation = { __typename?: 'Mutation', saveLoyaltyEarningRule: { __typename?: 'SaveLoyaltyEarningRulePayload', rule?: { __typename?: 'LoyaltyEarningRule', id: string, name: string } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type PortalActivityQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PortalActivityQuery = { __typename?: 'Query', loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, activity: { __typename?: 'LoyaltyLedgerEntryConnection', totalCount: number, pageInfo: { __typename?: 'LoyaltyPageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'LoyaltyLedgerEntry', id: string, type: LoyaltyLedgerEntryType, points: number, availableChange: number, availableAfter: number, reason?: string | null, couponCode?: string | null, occurredAt: string, campaign?: { __typename?: 'LoyaltyCampaignSummary', id: string, name: string } | null, tier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null }> } } | null };

export type PortalConvertPointsMutationVariables = Exact<{
  input: ConvertPointsToCouponInput;
}>;


export type PortalConvertPointsMutation = { __typename?: 'Mutation', convertPointsToCoupon: { __typename?: 'ConvertPointsToCouponPayload', coupon?: { __typename?: 'LoyaltyCoupon', code: string, displayCode: string, barcodePayload: string, kind: LoyaltyCouponKind, title: string, percent?: number | null, expiresAt: string, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type PortalCouponsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalCouponsQuery = { __typename?: 'Query', loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, onHand: Array<{ __typename?: 'LoyaltyCoupon', code: string, displayCode: string, barcodePayload: string, kind: LoyaltyCouponKind, status: LoyaltyCouponStatus, title: string, percent?: number | null, pointsSpent: number, issuedAt: string, expiresAt: string, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }>, recent: Array<{ __typename?: 'LoyaltyCoupon', code: string, displayCode: string, kind: LoyaltyCouponKind, status: LoyaltyCouponStatus, title: string, percent?: number | null, expiresAt: string, redeemedAt?: string | null, voidedAt?: string | null, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null }> } | null };

export type PortalHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalHomeQuery = { __typename?: 'Query', loyaltyProgramme: { __typename?: 'LoyaltyProgramme', currencyCode: string }, loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, wallet: { __typename?: 'LoyaltyWallet', available: number, pending: number, held: number, cashValue: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string }, expiring: Array<{ __typename?: 'LoyaltyExpiringPoints', points: number, expiresAt: string }> }, tier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null, tierProgress: { __typename?: 'LoyaltyTierProgress', qualificationBasis: LoyaltyTierQualificationBasis, qualifyingValue: number, toNextTier?: number | null, nextTierBy?: string | null, nextTier?: { __typename?: 'LoyaltyTier', id: string, name: string } | null }, inbox: { __typename?: 'LoyaltyInboxMessageConnection', unreadCount: number }, coupons: Array<{ __typename?: 'LoyaltyCoupon', code: string }> } | null };

export type PortalInboxQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalInboxQuery = { __typename?: 'Query', loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, inbox: { __typename?: 'LoyaltyInboxMessageConnection', totalCount: number, unreadCount: number, nodes: Array<{ __typename?: 'LoyaltyInboxMessage', id: string, kind: string, title: string, body: string, couponCode?: string | null, createdAt: string, read: boolean, readAt?: string | null }> } } | null };

export type PortalMarkInboxMessageReadMutationVariables = Exact<{
  input: MarkLoyaltyInboxMessageReadInput;
}>;


export type PortalMarkInboxMessageReadMutation = { __typename?: 'Mutation', markLoyaltyInboxMessageRead: { __typename?: 'MarkLoyaltyInboxMessageReadPayload', message?: { __typename?: 'LoyaltyInboxMessage', id: string, read: boolean, readAt?: string | null } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type PortalHeaderQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalHeaderQuery = { __typename?: 'Query', loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, firstName: string, status: LoyaltyMemberStatus, wallet: { __typename?: 'LoyaltyWallet', available: number }, inbox: { __typename?: 'LoyaltyInboxMessageConnection', unreadCount: number } } | null };

export type PortalProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalProfileQuery = { __typename?: 'Query', loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, email?: string | null, phone?: string | null, birthday?: string | null, customerId?: string | null, emailOptIn: boolean, smsOptIn: boolean, enrolledAt: string, cards: Array<{ __typename?: 'LoyaltyCard', number: string, status: LoyaltyCardStatus }> } | null };

export type PortalUpdateProfileMutationVariables = Exact<{
  input: UpdateLoyaltyMemberProfileInput;
}>;


export type PortalUpdateProfileMutation = { __typename?: 'Mutation', updateLoyaltyMemberProfile: { __typename?: 'UpdateLoyaltyMemberProfilePayload', member?: { __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, email?: string | null, phone?: string | null, birthday?: string | null, emailOptIn: boolean, smsOptIn: boolean } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type PortalRewardsQueryVariables = Exact<{
  memberId: Scalars['ID']['input'];
}>;


export type PortalRewardsQuery = { __typename?: 'Query', loyaltyProgramme: { __typename?: 'LoyaltyProgramme', currencyCode: string, redeemPoints: number, redeemAmountMinor: number, minRedeemPoints: number, couponValidityDays: number }, loyaltyMe?: { __typename?: 'LoyaltyMember', id: string, wallet: { __typename?: 'LoyaltyWallet', available: number } } | null, loyaltyRewards: Array<{ __typename?: 'LoyaltyReward', id: string, kind: LoyaltyRewardKind, name: string, description?: string | null, pointsCost: number, stock?: number | null, perMemberLimit?: number | null, validUntil?: string | null, voucherValue?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null, availability?: { __typename?: 'LoyaltyRewardAvailability', affordable: boolean, allowed: boolean, reason?: LoyaltyErrorCode | null } | null }> };

export type PortalIssueGiftItemMutationVariables = Exact<{
  input: IssueLoyaltyGiftItemInput;
}>;


export type PortalIssueGiftItemMutation = { __typename?: 'Mutation', issueLoyaltyGiftItem: { __typename?: 'IssueLoyaltyGiftItemPayload', coupon?: { __typename?: 'LoyaltyCoupon', code: string, displayCode: string, barcodePayload: string, kind: LoyaltyCouponKind, title: string, percent?: number | null, expiresAt: string, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export type PortalClaimVoucherMutationVariables = Exact<{
  input: ClaimLoyaltyVoucherInput;
}>;


export type PortalClaimVoucherMutation = { __typename?: 'Mutation', claimLoyaltyVoucher: { __typename?: 'ClaimLoyaltyVoucherPayload', coupon?: { __typename?: 'LoyaltyCoupon', code: string, displayCode: string, barcodePayload: string, kind: LoyaltyCouponKind, title: string, percent?: number | null, expiresAt: string, value?: { __typename?: 'LoyaltyMoney', amount: number, currencyCode: string } | null } | null, userErrors: Array<{ __typename?: 'LoyaltyUserError', code: LoyaltyErrorCode, message: string, field?: Array<string> | null }> } };

export const ConsoleOfferResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleOfferResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyOfferResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"failedRuns"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"couponsRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"salesValueOfMembersReached"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incrementalSalesValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleOfferResultFragment, unknown>;
export const ConsoleCampaignFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCampaignFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runningNow"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeIds"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"categoryIds"}},{"kind":"Field","name":{"kind":"Name","value":"productIds"}},{"kind":"Field","name":{"kind":"Name","value":"minSpend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"nthVisit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueIssued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"exhausted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"stacking"}},{"kind":"Field","name":{"kind":"Name","value":"stackGroup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleCampaignFieldsFragment, unknown>;
export const ConsoleAutomationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAutomationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAutomation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"tierCodes"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"coupon"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"templateKey"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastScanAt"}},{"kind":"Field","name":{"kind":"Name","value":"runCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}}]}}]} as unknown as DocumentNode<ConsoleAutomationFieldsFragment, unknown>;
export const ConsoleOutboxRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleOutboxRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyOutboxMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]} as unknown as DocumentNode<ConsoleOutboxRowFragment, unknown>;
export const ConsoleProgrammeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleProgrammeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyProgramme"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"redeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"redeemAmountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"minRedeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxRedeemSharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlDefaultSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlMaxSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"expiryUnit"}},{"kind":"Field","name":{"kind":"Name","value":"expiryCount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryToMonthEnd"}},{"kind":"Field","name":{"kind":"Name","value":"registrationBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"couponValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"couponReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"earnBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationWindow"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationMonths"}},{"kind":"Field","name":{"kind":"Name","value":"tierReview"}},{"kind":"Field","name":{"kind":"Name","value":"tierReviewEveryDays"}},{"kind":"Field","name":{"kind":"Name","value":"tierDowngrade"}},{"kind":"Field","name":{"kind":"Name","value":"tierWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"paidMembershipReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"marketingMessagesPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"membershipInactivityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"membershipReminderDays"}}]}}]} as unknown as DocumentNode<ConsoleProgrammeFieldsFragment, unknown>;
export const ConsoleProgrammeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleProgrammeQuery, ConsoleProgrammeQueryVariables>;
export const ConsoleAnalyticsLevelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAnalyticsLevels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAnalyticsBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyLevelMovements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distributionAtEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}},{"kind":"Field","name":{"kind":"Name","value":"distributionNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upgrades"}},{"kind":"Field","name":{"kind":"Name","value":"downgrades"}},{"kind":"Field","name":{"kind":"Name","value":"movements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgrade"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAnalyticsLevelsQuery, ConsoleAnalyticsLevelsQueryVariables>;
export const ConsoleAnalyticsOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAnalyticsOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAnalyticsBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyOfferResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleOfferResult"}}]}},{"kind":"Field","name":{"kind":"Name","value":"automations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleOfferResult"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyCouponFunnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"openAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"openAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleOfferResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyOfferResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"failedRuns"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"couponsRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"salesValueOfMembersReached"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incrementalSalesValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleAnalyticsOffersQuery, ConsoleAnalyticsOffersQueryVariables>;
export const ConsoleAnalyticsPointsFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAnalyticsPointsFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAnalyticsBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyPointsFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"bonus"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"intoCoupons"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"liabilityAtEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"bonus"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"intoCoupons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openingOutstanding"}},{"kind":"Field","name":{"kind":"Name","value":"closingOutstanding"}},{"kind":"Field","name":{"kind":"Name","value":"closingLiability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"breakageRate"}},{"kind":"Field","name":{"kind":"Name","value":"redemptionRate"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAnalyticsPointsFlowQuery, ConsoleAnalyticsPointsFlowQueryVariables>;
export const ConsoleAnalyticsMemberSalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAnalyticsMemberSales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAnalyticsBucket"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMemberSales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"bucket"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bucket"}}},{"kind":"Argument","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}},{"kind":"Argument","name":{"kind":"Name","value":"storeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"membersAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"repeatMembers"}},{"kind":"Field","name":{"kind":"Name","value":"salesCount"}},{"kind":"Field","name":{"kind":"Name","value":"salesValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnedValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returningSalesValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repeatRate"}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"returningSalesShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"membersAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"repeatMembers"}},{"kind":"Field","name":{"kind":"Name","value":"salesCount"}},{"kind":"Field","name":{"kind":"Name","value":"salesValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnedValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returningSalesValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"repeatRate"}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"returningSalesShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAnalyticsMemberSalesQuery, ConsoleAnalyticsMemberSalesQueryVariables>;
export const ConsoleCampaignGivenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCampaignGiven"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyOfferResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"couponsRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"membersReached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCampaignGivenQuery, ConsoleCampaignGivenQueryVariables>;
export const ConsoleCampaignsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCampaigns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyCampaignStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyCampaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCampaignFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCampaignFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runningNow"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeIds"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"categoryIds"}},{"kind":"Field","name":{"kind":"Name","value":"productIds"}},{"kind":"Field","name":{"kind":"Name","value":"minSpend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"nthVisit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueIssued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"exhausted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"stacking"}},{"kind":"Field","name":{"kind":"Name","value":"stackGroup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleCampaignsQuery, ConsoleCampaignsQueryVariables>;
export const ConsoleCampaignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCampaignFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCampaignFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runningNow"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeIds"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"categoryIds"}},{"kind":"Field","name":{"kind":"Name","value":"productIds"}},{"kind":"Field","name":{"kind":"Name","value":"minSpend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"nthVisit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueIssued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"exhausted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"stacking"}},{"kind":"Field","name":{"kind":"Name","value":"stackGroup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleCampaignQuery, ConsoleCampaignQueryVariables>;
export const ConsoleCampaignChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCampaignChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyAudiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyCampaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<ConsoleCampaignChoicesQuery, ConsoleCampaignChoicesQueryVariables>;
export const ConsoleCampaignSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCampaignSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveLoyaltyCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCampaignFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCampaignFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runningNow"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeIds"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"categoryIds"}},{"kind":"Field","name":{"kind":"Name","value":"productIds"}},{"kind":"Field","name":{"kind":"Name","value":"minSpend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"nthVisit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueIssued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"exhausted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"stacking"}},{"kind":"Field","name":{"kind":"Name","value":"stackGroup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleCampaignSaveMutation, ConsoleCampaignSaveMutationVariables>;
export const ConsoleCampaignSetStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCampaignSetStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetLoyaltyCampaignStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setLoyaltyCampaignStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCampaignFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCampaignFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyCampaign"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runningNow"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeIds"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"categoryIds"}},{"kind":"Field","name":{"kind":"Name","value":"productIds"}},{"kind":"Field","name":{"kind":"Name","value":"minSpend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"nthVisit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"pointsGiven"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueIssued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"}},{"kind":"Field","name":{"kind":"Name","value":"couponsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"exhausted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"stacking"}},{"kind":"Field","name":{"kind":"Name","value":"stackGroup"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ConsoleCampaignSetStatusMutation, ConsoleCampaignSetStatusMutationVariables>;
export const ConsoleCampaignSimulateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCampaignSimulate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyCampaignInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"simulateLoyaltyCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"salesReplayed"}},{"kind":"Field","name":{"kind":"Name","value":"salesRewarded"}},{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"coupons"}},{"kind":"Field","name":{"kind":"Name","value":"couponValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgetExhaustedAt"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCampaignSimulateQuery, ConsoleCampaignSimulateQueryVariables>;
export const ConsoleMembersTableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMembersTable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyMemberSort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsEstimate"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMembersTableQuery, ConsoleMembersTableQueryVariables>;
export const ConsoleMembersDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMembersDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"birthday"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"emailOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"smsOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"membershipExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qualificationBasis"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationWindow"}},{"kind":"Field","name":{"kind":"Name","value":"qualifyingValue"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"toNextTier"}},{"kind":"Field","name":{"kind":"Name","value":"nextTierBy"}},{"kind":"Field","name":{"kind":"Name","value":"reviewAt"}},{"kind":"Field","name":{"kind":"Name","value":"toKeepTier"}},{"kind":"Field","name":{"kind":"Name","value":"graceUntil"}},{"kind":"Field","name":{"kind":"Name","value":"currentTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationThreshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationThreshold"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"linkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}},{"kind":"Field","name":{"kind":"Name","value":"tierPoints"}},{"kind":"Field","name":{"kind":"Name","value":"cashValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pointsSpent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMembersDetailQuery, ConsoleMembersDetailQueryVariables>;
export const ConsoleMembersActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMembersActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"availableChange"}},{"kind":"Field","name":{"kind":"Name","value":"availableAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"saleId"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMembersActivityQuery, ConsoleMembersActivityQueryVariables>;
export const ConsoleMembersAdjustPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleMembersAdjustPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMembersAdjustPointsMutation, ConsoleMembersAdjustPointsMutationVariables>;
export const ConsoleMembersSetCardStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleMembersSetCardStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetLoyaltyCardStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setLoyaltyCardStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMembersSetCardStatusMutation, ConsoleMembersSetCardStatusMutationVariables>;
export const ConsoleAutomationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAutomations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAutomationStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyAutomations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAutomationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyAudiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyMessageTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAutomationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAutomation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"tierCodes"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"coupon"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"templateKey"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastScanAt"}},{"kind":"Field","name":{"kind":"Name","value":"runCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}}]}}]} as unknown as DocumentNode<ConsoleAutomationsQuery, ConsoleAutomationsQueryVariables>;
export const ConsoleAutomationRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAutomationRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"automationCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAutomationRunStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyAutomationRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"automationCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"automationCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"25"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"automationCode"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"occurrenceKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAutomationRunsQuery, ConsoleAutomationRunsQueryVariables>;
export const ConsoleAutomationSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAutomationSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyAutomationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveLoyaltyAutomation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"automation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAutomationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAutomationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAutomation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"tierCodes"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"coupon"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"templateKey"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastScanAt"}},{"kind":"Field","name":{"kind":"Name","value":"runCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}}]}}]} as unknown as DocumentNode<ConsoleAutomationSaveMutation, ConsoleAutomationSaveMutationVariables>;
export const ConsoleAutomationSetStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAutomationSetStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetLoyaltyAutomationStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setLoyaltyAutomationStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"automation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAutomationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAutomationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyAutomation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"tierCodes"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audienceCode"}},{"kind":"Field","name":{"kind":"Name","value":"hasInlineAudience"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"coupon"}},{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"templateKey"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastScanAt"}},{"kind":"Field","name":{"kind":"Name","value":"runCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}}]}}]} as unknown as DocumentNode<ConsoleAutomationSetStatusMutation, ConsoleAutomationSetStatusMutationVariables>;
export const ConsoleLevelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationWindow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyTiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"qualificationThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplierPercent"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"upgradeBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"upgradeGiftRewardId"}},{"kind":"Field","name":{"kind":"Name","value":"membershipTermMonths"}},{"kind":"Field","name":{"kind":"Name","value":"membershipPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyRewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<ConsoleLevelsQuery, ConsoleLevelsQueryVariables>;
export const ConsoleLevelsSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleLevelsSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyTierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveLoyaltyTier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleLevelsSaveMutation, ConsoleLevelsSaveMutationVariables>;
export const ConsoleMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMessages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMessageTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleMessagesQuery, ConsoleMessagesQueryVariables>;
export const ConsoleMessagesPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMessagesPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewLoyaltyMessageTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewLoyaltyMessageTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMessagesPreviewQuery, ConsoleMessagesPreviewQueryVariables>;
export const ConsoleMessagesSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleMessagesSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyMessageTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveLoyaltyMessageTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMessagesSaveMutation, ConsoleMessagesSaveMutationVariables>;
export const ConsoleOutboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOutbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyOutboxStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withFailed"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"failed"},"name":{"kind":"Name","value":"loyaltyOutboxMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"FAILED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withFailed"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleOutboxRow"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"messages"},"name":{"kind":"Name","value":"loyaltyOutboxMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleOutboxRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleOutboxRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyOutboxMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]} as unknown as DocumentNode<ConsoleOutboxQuery, ConsoleOutboxQueryVariables>;
export const ConsoleProgrammeSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleProgrammeSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleProgrammeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleProgrammeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyProgramme"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"redeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"redeemAmountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"minRedeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxRedeemSharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlDefaultSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlMaxSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"expiryUnit"}},{"kind":"Field","name":{"kind":"Name","value":"expiryCount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryToMonthEnd"}},{"kind":"Field","name":{"kind":"Name","value":"registrationBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"couponValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"couponReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"earnBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationWindow"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationMonths"}},{"kind":"Field","name":{"kind":"Name","value":"tierReview"}},{"kind":"Field","name":{"kind":"Name","value":"tierReviewEveryDays"}},{"kind":"Field","name":{"kind":"Name","value":"tierDowngrade"}},{"kind":"Field","name":{"kind":"Name","value":"tierWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"paidMembershipReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"marketingMessagesPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"membershipInactivityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"membershipReminderDays"}}]}}]} as unknown as DocumentNode<ConsoleProgrammeSettingsQuery, ConsoleProgrammeSettingsQueryVariables>;
export const ConsoleProgrammeUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleProgrammeUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLoyaltyProgrammeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLoyaltyProgramme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleProgrammeFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleProgrammeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyProgramme"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"redeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"redeemAmountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"minRedeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxRedeemSharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlDefaultSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlMaxSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"expiryUnit"}},{"kind":"Field","name":{"kind":"Name","value":"expiryCount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryToMonthEnd"}},{"kind":"Field","name":{"kind":"Name","value":"registrationBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"couponValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"couponReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"earnBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationBasis"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationWindow"}},{"kind":"Field","name":{"kind":"Name","value":"tierQualificationMonths"}},{"kind":"Field","name":{"kind":"Name","value":"tierReview"}},{"kind":"Field","name":{"kind":"Name","value":"tierReviewEveryDays"}},{"kind":"Field","name":{"kind":"Name","value":"tierDowngrade"}},{"kind":"Field","name":{"kind":"Name","value":"tierWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"paidMembershipReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"marketingMessagesPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"membershipInactivityMonths"}},{"kind":"Field","name":{"kind":"Name","value":"membershipReminderDays"}}]}}]} as unknown as DocumentNode<ConsoleProgrammeUpdateMutation, ConsoleProgrammeUpdateMutationVariables>;
export const ConsoleRewardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleRewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyRewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"voucherValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"minTierRank"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyTiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]}}]} as unknown as DocumentNode<ConsoleRewardsQuery, ConsoleRewardsQueryVariables>;
export const ConsoleRewardsSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRewardsSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveLoyaltyReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRewardsSaveMutation, ConsoleRewardsSaveMutationVariables>;
export const ConsoleRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyEarningRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"args"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyEarningRuleKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<ConsoleRulesQuery, ConsoleRulesQueryVariables>;
export const ConsoleRulesSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRulesSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveLoyaltyEarningRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveLoyaltyEarningRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRulesSaveMutation, ConsoleRulesSaveMutationVariables>;
export const PortalActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"availableChange"}},{"kind":"Field","name":{"kind":"Name","value":"availableAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalActivityQuery, PortalActivityQueryVariables>;
export const PortalConvertPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalConvertPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConvertPointsToCouponInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"convertPointsToCoupon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"barcodePayload"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PortalConvertPointsMutation, PortalConvertPointsMutationVariables>;
export const PortalCouponsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalCoupons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"onHand"},"name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"barcodePayload"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"pointsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"recent"},"name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voidedAt"}}]}}]}}]}}]} as unknown as DocumentNode<PortalCouponsQuery, PortalCouponsQueryVariables>;
export const PortalHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"cashValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qualificationBasis"}},{"kind":"Field","name":{"kind":"Name","value":"qualifyingValue"}},{"kind":"Field","name":{"kind":"Name","value":"toNextTier"}},{"kind":"Field","name":{"kind":"Name","value":"nextTierBy"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<PortalHomeQuery, PortalHomeQueryVariables>;
export const PortalInboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalInbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalInboxQuery, PortalInboxQueryVariables>;
export const PortalMarkInboxMessageReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalMarkInboxMessageRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkLoyaltyInboxMessageReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markLoyaltyInboxMessageRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PortalMarkInboxMessageReadMutation, PortalMarkInboxMessageReadMutationVariables>;
export const PortalHeaderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalHeader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]}}]} as unknown as DocumentNode<PortalHeaderQuery, PortalHeaderQueryVariables>;
export const PortalProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"birthday"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"emailOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"smsOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"cards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<PortalProfileQuery, PortalProfileQueryVariables>;
export const PortalUpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalUpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLoyaltyMemberProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLoyaltyMemberProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"birthday"}},{"kind":"Field","name":{"kind":"Name","value":"emailOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"smsOptIn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PortalUpdateProfileMutation, PortalUpdateProfileMutationVariables>;
export const PortalRewardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalRewards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyaltyProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"redeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"redeemAmountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"minRedeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"couponValidityDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"loyaltyRewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"voucherValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"}},{"kind":"Field","name":{"kind":"Name","value":"perMemberLimit"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"availability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"affordable"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<PortalRewardsQuery, PortalRewardsQueryVariables>;
export const PortalIssueGiftItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalIssueGiftItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueLoyaltyGiftItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueLoyaltyGiftItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"barcodePayload"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PortalIssueGiftItemMutation, PortalIssueGiftItemMutationVariables>;
export const PortalClaimVoucherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalClaimVoucher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimLoyaltyVoucherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimLoyaltyVoucher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"barcodePayload"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PortalClaimVoucherMutation, PortalClaimVoucherMutationVariables>;