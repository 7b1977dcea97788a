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
  JSONObject: { input: any; output: any; }
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
  entry?: Maybe<LedgerEntry>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type CapturePointsHoldInput = {
  holdId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  /** Capture fewer points than held; the rest return at once. */
  points?: InputMaybe<Scalars['Int']['input']>;
};

export type CapturePointsHoldPayload = {
  __typename?: 'CapturePointsHoldPayload';
  hold?: Maybe<PointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** ACTIVE cards identify their member; BLOCKED and LOST cards are refused at the till. */
export type CardStatus =
  | 'ACTIVE'
  | 'BLOCKED'
  | 'LOST';

export type ClaimVoucherRewardInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  rewardId: Scalars['ID']['input'];
};

export type ClaimVoucherRewardPayload = {
  __typename?: 'ClaimVoucherRewardPayload';
  coupon?: Maybe<Coupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type ConvertPointsToCouponInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  /** At least the programme's minRedeemPoints. */
  points: Scalars['Int']['input'];
};

export type ConvertPointsToCouponPayload = {
  __typename?: 'ConvertPointsToCouponPayload';
  coupon?: Maybe<Coupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** A single-use coupon: a cash voucher, a percent discount or a gift item. */
export type Coupon = {
  __typename?: 'Coupon';
  /** What the QR code or Code 128 barcode encodes; the till scans it. */
  barcodePayload: Scalars['String']['output'];
  /** Canonical code: 12 characters of Crockford base 32, the last two check characters. */
  code: Scalars['String']['output'];
  /** The code grouped for people, e.g. ABCD-EFGH-JKXY. */
  displayCode: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  issuedAt: Scalars['DateTimeISO']['output'];
  kind: CouponKind;
  member?: Maybe<LoyaltyMember>;
  /** PERCENT_DISCOUNT: the discount. */
  percent?: Maybe<Scalars['Int']['output']>;
  /** Points the member spent on it (0 for coupons issued by the shop). */
  pointsSpent: Scalars['Int']['output'];
  /** GIFT_ITEM: the commerce product to hand over. */
  productId?: Maybe<Scalars['String']['output']>;
  redeemedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  redeemedSaleId?: Maybe<Scalars['String']['output']>;
  status: CouponStatus;
  title: Scalars['String']['output'];
  /** CASH_VOUCHER: what it pays. */
  value?: Maybe<Money>;
  voidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type CouponKind =
  | 'CASH_VOUCHER'
  | 'GIFT_ITEM'
  | 'PERCENT_DISCOUNT';

/** EXPIRED: still unused after its expiry. */
export type CouponStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REDEEMED'
  | 'VOIDED';

export type CouponValidation = {
  __typename?: 'CouponValidation';
  coupon?: Maybe<Coupon>;
  /** The reason in words, for the cashier. */
  message?: Maybe<Scalars['String']['output']>;
  /** Why not: COUPON_MALFORMED, COUPON_NOT_FOUND, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_VOIDED, COUPON_WRONG_MEMBER. */
  reason?: Maybe<ErrorCode>;
  valid: Scalars['Boolean']['output'];
};

/** The commerce graph's customer, extended by the loyalty subgraph. */
export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /** The customer's loyalty membership; null when the customer is not enrolled. */
  loyalty?: Maybe<LoyaltyMember>;
};

/** Give exactly one of memberId or cardNumber. */
export type EarnPointsInput = {
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  sale: SaleInput;
};

export type EarnPointsPayload = {
  __typename?: 'EarnPointsPayload';
  /** The sale had already earned (e.g. an offline till replaying): nothing new was credited. */
  duplicate: Scalars['Boolean']['output'];
  earn?: Maybe<SaleEarn>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** What a sale would earn; nothing is written. */
export type EarnPreview = {
  __typename?: 'EarnPreview';
  belowMinimumSpend: Scalars['Boolean']['output'];
  channelMultiplierPercent: Scalars['Int']['output'];
  /** Minor units of the lines that earn. */
  eligibleAmount: Scalars['Int']['output'];
  lines: Array<EarnPreviewLine>;
  points: Scalars['Int']['output'];
  tierMultiplierPercent: Scalars['Int']['output'];
  /** Problems with the sale; points are 0 when there are any. */
  userErrors: Array<UserError>;
};

export type EarnPreviewLine = {
  __typename?: 'EarnPreviewLine';
  excluded: Scalars['Boolean']['output'];
  index: Scalars['Int']['output'];
  points: Scalars['Int']['output'];
  /** The rule that decided this line. */
  ruleId?: Maybe<Scalars['ID']['output']>;
  ruleKind?: Maybe<Scalars['String']['output']>;
};

/** PENDING points become AVAILABLE after the pending period. */
export type EarnedPointsStatus =
  | 'AVAILABLE'
  | 'PENDING';

/** A configured earning rule: a kind (see earningRuleKinds) and its arguments. */
export type EarningRule = {
  __typename?: 'EarningRule';
  active: Scalars['Boolean']['output'];
  args: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Evaluation order; on equal generosity the earlier rule wins. */
  position: Scalars['Int']['output'];
};

export type EarningRuleKind = {
  __typename?: 'EarningRuleKind';
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

/** At least one of customerId, email or phone is required, so the member can be found again. */
export type EnrollMemberInput = {
  birthday?: InputMaybe<Scalars['LocalDate']['input']>;
  /** A card handed over at enrolment; linked in the same step. */
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  /** The commerce graph's customer id (at most 64 characters). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  emailOptIn?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 characters. */
  firstName: Scalars['String']['input'];
  /** At most 100 characters. */
  lastName: Scalars['String']['input'];
  /** International format, e.g. +44 7700 900123. */
  phone?: InputMaybe<Scalars['String']['input']>;
  smsOptIn?: InputMaybe<Scalars['Boolean']['input']>;
};

export type EnrollMemberPayload = {
  __typename?: 'EnrollMemberPayload';
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** Stable code of an expected domain outcome (a `UserError`). */
export type ErrorCode =
  | 'BELOW_MINIMUM_POINTS'
  | 'CARD_ALREADY_LINKED'
  | 'CARD_NOT_ACTIVE'
  | 'CARD_NOT_FOUND'
  | 'COUPON_ALREADY_REDEEMED'
  | 'COUPON_EXPIRED'
  | 'COUPON_MALFORMED'
  | 'COUPON_NOT_FOUND'
  | 'COUPON_VOIDED'
  | 'COUPON_WRONG_MEMBER'
  | 'CURRENCY_MISMATCH'
  | 'EMAIL_ALREADY_REGISTERED'
  | 'EXCEEDS_MAX_POINTS_SHARE'
  | 'HOLD_ALREADY_RESOLVED'
  | 'HOLD_EXPIRED'
  | 'HOLD_NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INSUFFICIENT_POINTS'
  | 'INVALID_INPUT'
  | 'MEMBER_ALREADY_ENROLLED'
  | 'MEMBER_NOT_ACTIVE'
  | 'MEMBER_NOT_FOUND'
  | 'OUT_OF_STOCK'
  | 'RETURN_EXCEEDS_SALE'
  | 'REWARD_LIMIT_REACHED'
  | 'REWARD_NOT_AVAILABLE'
  | 'REWARD_NOT_FOUND'
  | 'SALE_ALREADY_EARNED'
  | 'SALE_NOT_FOUND'
  | 'TIER_TOO_LOW';

export type ExpiringPoints = {
  __typename?: 'ExpiringPoints';
  expiresAt: Scalars['DateTimeISO']['output'];
  points: Scalars['Int']['output'];
};

export type ExpiryUnit =
  | 'DAYS'
  | 'MONTHS';

/** Give exactly one of points or cash. */
export type HoldPointsInput = {
  /** Hold enough points to pay this amount (points rounded up). */
  cash?: InputMaybe<MoneyInput>;
  channel?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  points?: InputMaybe<Scalars['Int']['input']>;
  saleId: Scalars['String']['input'];
  /** The sale's total: enforces the maximum share payable by points. */
  saleTotal?: InputMaybe<MoneyInput>;
  /** Taken from a till's token when the caller is a till. */
  tillId?: InputMaybe<Scalars['String']['input']>;
  /** Default and maximum from the programme's settings. */
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type HoldPointsPayload = {
  __typename?: 'HoldPointsPayload';
  hold?: Maybe<PointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type HoldStatus =
  | 'ACTIVE'
  | 'CAPTURED'
  | 'EXPIRED'
  | 'RELEASED';

/** A message in a member's in-app inbox. */
export type InboxMessage = {
  __typename?: 'InboxMessage';
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
export type InboxMessageConnection = {
  __typename?: 'InboxMessageConnection';
  edges: Array<InboxMessageEdge>;
  nodes: Array<InboxMessage>;
  pageInfo: PageInfo;
  /** Messages matching the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
  /** Unread messages in the whole inbox, whatever the filter. */
  unreadCount: Scalars['Int']['output'];
};

export type InboxMessageEdge = {
  __typename?: 'InboxMessageEdge';
  cursor: Scalars['String']['output'];
  node: InboxMessage;
};

/** Admins: a percent discount or a goodwill cash voucher, without points. */
export type IssueCouponInput = {
  idempotencyKey: Scalars['String']['input'];
  /** PERCENT_DISCOUNT or CASH_VOUCHER. */
  kind: CouponKind;
  /** Without a member: a bearer coupon anyone may use once. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  percent?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  /** Default: the programme's coupon validity. */
  validDays?: InputMaybe<Scalars['Int']['input']>;
  value?: InputMaybe<MoneyInput>;
};

export type IssueCouponPayload = {
  __typename?: 'IssueCouponPayload';
  coupon?: Maybe<Coupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type IssueGiftItemInput = {
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  rewardId: Scalars['ID']['input'];
};

export type IssueGiftItemPayload = {
  __typename?: 'IssueGiftItemPayload';
  coupon?: Maybe<Coupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type LedgerAuditFinding = {
  __typename?: 'LedgerAuditFinding';
  check: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  memberId?: Maybe<Scalars['String']['output']>;
};

/** One line of the points log; immutable. */
export type LedgerEntry = {
  __typename?: 'LedgerEntry';
  /** Who caused it: a token subject, or system for scheduled work. */
  actor: Scalars['String']['output'];
  availableAfter: Scalars['Int']['output'];
  /** Change of available points. */
  availableChange: Scalars['Int']['output'];
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
  type: LedgerEntryType;
};

export type LedgerEntryConnection = {
  __typename?: 'LedgerEntryConnection';
  edges: Array<LedgerEntryEdge>;
  nodes: Array<LedgerEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LedgerEntryEdge = {
  __typename?: 'LedgerEntryEdge';
  cursor: Scalars['String']['output'];
  node: LedgerEntry;
};

/** What moved points in a journal entry. */
export type LedgerEntryType =
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
  | 'POINTS_AVAILABLE'
  | 'REDEEM'
  | 'REFUND'
  | 'RETURN';

export type LinkCardInput = {
  /** 6 to 32 letters and digits; spaces and hyphens are ignored. */
  cardNumber: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
};

export type LinkCardPayload = {
  __typename?: 'LinkCardPayload';
  card?: Maybe<LoyaltyCard>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** A loyalty card; numbers are unique and never reused. */
export type LoyaltyCard = {
  __typename?: 'LoyaltyCard';
  linkedAt: Scalars['DateTimeISO']['output'];
  member: LoyaltyMember;
  /** Normalised: upper-case letters and digits. */
  number: Scalars['String']['output'];
  status: CardStatus;
  statusChangedAt: Scalars['DateTimeISO']['output'];
};

/** A person enrolled in the loyalty programme. */
export type LoyaltyMember = {
  __typename?: 'LoyaltyMember';
  /** The points log, newest first. */
  activity: LedgerEntryConnection;
  birthday?: Maybe<Scalars['LocalDate']['output']>;
  /** All cards, newest first, whatever their status. */
  cards: Array<LoyaltyCard>;
  /** The member's coupon wallet, newest first. */
  coupons: Array<Coupon>;
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
  inbox: InboxMessageConnection;
  lastName: Scalars['String']['output'];
  /** E.164, e.g. +447700900123. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Consented to marketing SMS. */
  smsOptIn: Scalars['Boolean']['output'];
  status: MemberStatus;
  tier?: Maybe<Tier>;
  tierProgress: TierProgress;
  wallet: Wallet;
};


/** A person enrolled in the loyalty programme. */
export type LoyaltyMemberActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  types?: InputMaybe<Array<LedgerEntryType>>;
};


/** A person enrolled in the loyalty programme. */
export type LoyaltyMemberCouponsArgs = {
  status?: InputMaybe<CouponStatus>;
};


/** A person enrolled in the loyalty programme. */
export type LoyaltyMemberInboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of members, newest enrolment first. */
export type LoyaltyMemberConnection = {
  __typename?: 'LoyaltyMemberConnection';
  edges: Array<LoyaltyMemberEdge>;
  nodes: Array<LoyaltyMember>;
  pageInfo: PageInfo;
  /** Members matching the search, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type LoyaltyMemberEdge = {
  __typename?: 'LoyaltyMemberEdge';
  cursor: Scalars['String']['output'];
  node: LoyaltyMember;
};

export type MarkInboxMessageReadInput = {
  id: Scalars['ID']['input'];
};

export type MarkInboxMessageReadPayload = {
  __typename?: 'MarkInboxMessageReadPayload';
  message?: Maybe<InboxMessage>;
  userErrors: Array<UserError>;
};

/** Whether a member can earn and spend. */
export type MemberStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'SUSPENDED';

/** Where a message goes: e-mail, SMS, or the in-app inbox. */
export type MessageChannel =
  | 'EMAIL'
  | 'INBOX'
  | 'SMS';

/** An editable message text with {{placeholder}} fields; plain text, no HTML. */
export type MessageTemplate = {
  __typename?: 'MessageTemplate';
  body: Scalars['String']['output'];
  channel: MessageChannel;
  /** What the template is for, e.g. coupon_expiry_reminder. */
  key: Scalars['String']['output'];
  /** The placeholders this key supplies, e.g. firstName; others are refused. */
  placeholders: Array<Scalars['String']['output']>;
  /** E-mail subject or inbox title (SMS: only logged). */
  subject: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** Integer minor units of an ISO 4217 currency, e.g. { amount: 1999, currencyCode: "GBP" } is 19.99 GBP. */
export type Money = {
  __typename?: 'Money';
  /** Minor units. */
  amount: Scalars['Int']['output'];
  currencyCode: Scalars['String']['output'];
};

export type MoneyInput = {
  /** Minor units. */
  amount: Scalars['Int']['input'];
  currencyCode: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Credit or debit points by hand, with a reason (admins only). */
  adjustPoints: AdjustPointsPayload;
  /** Redeem held points, all or some (the rest return at once). */
  capturePointsHold: CapturePointsHoldPayload;
  /** Spend points on a voucher from the catalogue. */
  claimVoucherReward: ClaimVoucherRewardPayload;
  /** Turn points into a cash voucher at the conversion rate. */
  convertPointsToCoupon: ConvertPointsToCouponPayload;
  /** Credit a member for a sale; points are computed on the server from the lines. */
  earnPoints: EarnPointsPayload;
  enrollMember: EnrollMemberPayload;
  /** Reserve points for a tender; capture or release them later, or they return after the TTL. */
  holdPoints: HoldPointsPayload;
  issueCoupon: IssueCouponPayload;
  /** Spend points on a gift item from the catalogue: a GIFT_ITEM coupon for the product. */
  issueGiftItem: IssueGiftItemPayload;
  linkCard: LinkCardPayload;
  /** Mark an inbox message read: its member, or an admin. */
  markInboxMessageRead: MarkInboxMessageReadPayload;
  /** Use a coupon on a sale, once; two tills at once: one wins. */
  redeemCoupon: RedeemCouponPayload;
  /** Hold and capture in one step, for online checkouts. */
  redeemPointsAsCash: RedeemPointsAsCashPayload;
  /** Give held points back (a voided or abandoned tender). Safe to retry. */
  releasePointsHold: ReleasePointsHoldPayload;
  /** Reverse the points of returned goods from the sale's earn record; redeemed points that paid for them come back. */
  returnSale: ReturnSalePayload;
  saveEarningRule: SaveEarningRulePayload;
  /** Create or replace a message template; placeholders are checked against what its key supplies. */
  saveMessageTemplate: SaveMessageTemplatePayload;
  saveReward: SaveRewardPayload;
  /** Block, report lost, or re-activate a card. */
  setCardStatus: SetCardStatusPayload;
  updateProgramme: UpdateProgrammePayload;
  /** Cancel an unused coupon; its points go back to the member. */
  voidCoupon: VoidCouponPayload;
};


export type MutationAdjustPointsArgs = {
  input: AdjustPointsInput;
};


export type MutationCapturePointsHoldArgs = {
  input: CapturePointsHoldInput;
};


export type MutationClaimVoucherRewardArgs = {
  input: ClaimVoucherRewardInput;
};


export type MutationConvertPointsToCouponArgs = {
  input: ConvertPointsToCouponInput;
};


export type MutationEarnPointsArgs = {
  input: EarnPointsInput;
};


export type MutationEnrollMemberArgs = {
  input: EnrollMemberInput;
};


export type MutationHoldPointsArgs = {
  input: HoldPointsInput;
};


export type MutationIssueCouponArgs = {
  input: IssueCouponInput;
};


export type MutationIssueGiftItemArgs = {
  input: IssueGiftItemInput;
};


export type MutationLinkCardArgs = {
  input: LinkCardInput;
};


export type MutationMarkInboxMessageReadArgs = {
  input: MarkInboxMessageReadInput;
};


export type MutationRedeemCouponArgs = {
  input: RedeemCouponInput;
};


export type MutationRedeemPointsAsCashArgs = {
  input: RedeemPointsAsCashInput;
};


export type MutationReleasePointsHoldArgs = {
  input: ReleasePointsHoldInput;
};


export type MutationReturnSaleArgs = {
  input: ReturnSaleInput;
};


export type MutationSaveEarningRuleArgs = {
  input: SaveEarningRuleInput;
};


export type MutationSaveMessageTemplateArgs = {
  input: SaveMessageTemplateInput;
};


export type MutationSaveRewardArgs = {
  input: SaveRewardInput;
};


export type MutationSetCardStatusArgs = {
  input: SetCardStatusInput;
};


export type MutationUpdateProgrammeArgs = {
  input: UpdateProgrammeInput;
};


export type MutationVoidCouponArgs = {
  input: VoidCouponInput;
};

/** The commerce graph's order, extended by the loyalty subgraph. */
export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** Points earned, redeemed and returned for this order (its id used as the sale id); null when none. */
  loyaltyActivity?: Maybe<OrderLoyaltyActivity>;
};

/** What an order (a sale id) did to loyalty points, in every channel. */
export type OrderLoyaltyActivity = {
  __typename?: 'OrderLoyaltyActivity';
  /** Every hold placed for this order, newest first. */
  holds: Array<PointsHold>;
  member?: Maybe<LoyaltyMember>;
  pointsEarned: Scalars['Int']['output'];
  /** Points captured to pay for the order. */
  pointsRedeemed: Scalars['Int']['output'];
  /** Redeemed points given back by returns. */
  pointsRefunded: Scalars['Int']['output'];
  /** Earned points reversed by returns. */
  pointsReturned: Scalars['Int']['output'];
  /** What the redeemed points paid. */
  redeemedCash?: Maybe<Money>;
};

/** An outbound e-mail or SMS and how its delivery went. */
export type OutboxMessage = {
  __typename?: 'OutboxMessage';
  attempts: Scalars['Int']['output'];
  body: Scalars['String']['output'];
  channel: MessageChannel;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Why the last attempt failed. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** SENDING: end of the claim; PENDING: not retried before this. */
  lockedUntil?: Maybe<Scalars['DateTimeISO']['output']>;
  memberId?: Maybe<Scalars['ID']['output']>;
  recipient: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTimeISO']['output']>;
  status: OutboxStatus;
  subject: Scalars['String']['output'];
  /** Key of the template it was written from. */
  template: Scalars['String']['output'];
};

/** PENDING: waiting (or waiting to retry); SENDING: claimed by a replica; SENT; FAILED: given up after the last attempt. */
export type OutboxStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENDING'
  | 'SENT';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Points reserved by a till for a tender. */
export type PointsHold = {
  __typename?: 'PointsHold';
  capturedCash?: Maybe<Money>;
  capturedPoints?: Maybe<Scalars['Int']['output']>;
  /** What the held points pay. */
  cashValue: Money;
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  points: Scalars['Int']['output'];
  resolvedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  saleId: Scalars['String']['output'];
  status: HoldStatus;
  tillId?: Maybe<Scalars['String']['output']>;
};

/** The commerce graph's product, extended by the loyalty subgraph. */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  /** Points one unit earns at this price (minor units) and category under the current rules, before tier and channel multipliers. */
  loyaltyEarnPreview?: Maybe<ProductEarnPreview>;
};


/** The commerce graph's product, extended by the loyalty subgraph. */
export type ProductLoyaltyEarnPreviewArgs = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  unitPrice: Scalars['Int']['input'];
};

/** Points one unit of a product earns under the current rules, before tier and channel multipliers. */
export type ProductEarnPreview = {
  __typename?: 'ProductEarnPreview';
  /** An EXCLUDE rule keeps this product from earning. */
  excluded: Scalars['Boolean']['output'];
  points: Scalars['Int']['output'];
  /** The rule kind that decides it (e.g. SPEND, PRODUCT_POINTS). */
  ruleKind?: Maybe<Scalars['String']['output']>;
};

/** The programme's economics. Points and minor units are integers. */
export type Programme = {
  __typename?: 'Programme';
  birthdayBonusPoints: Scalars['Int']['output'];
  /** Days before expiry that members are reminded of a coupon; 0 = no reminders. */
  couponReminderDays: Scalars['Int']['output'];
  /** Days a coupon issued from points stays valid. */
  couponValidityDays: Scalars['Int']['output'];
  currencyCode: Scalars['String']['output'];
  expiryCount?: Maybe<Scalars['Int']['output']>;
  expiryToMonthEnd: Scalars['Boolean']['output'];
  /** Null: points never expire. */
  expiryUnit?: Maybe<ExpiryUnit>;
  holdTtlDefaultSeconds: Scalars['Int']['output'];
  holdTtlMaxSeconds: Scalars['Int']['output'];
  maxRedeemSharePercent: Scalars['Int']['output'];
  minRedeemPoints: Scalars['Int']['output'];
  pendingDays: Scalars['Int']['output'];
  redeemAmountMinor: Scalars['Int']['output'];
  /** redeemPoints points are worth redeemAmountMinor minor units. */
  redeemPoints: Scalars['Int']['output'];
  registrationBonusPoints: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A card by number, whatever its status. */
  card?: Maybe<LoyaltyCard>;
  /** A coupon by code (members: their own only). */
  coupon?: Maybe<Coupon>;
  /** The kinds of earning rule this service knows. */
  earningRuleKinds: Array<EarningRuleKind>;
  /** Earning rules, active first, in evaluation order. */
  earningRules: Array<EarningRule>;
  /** Recomputes every wallet from the journal; empty when the books are right. */
  ledgerAudit: Array<LedgerAuditFinding>;
  /** The calling member's own record (member tokens only). */
  me?: Maybe<LoyaltyMember>;
  /** A member by id; null when there is none. */
  member?: Maybe<LoyaltyMember>;
  /** The member an ACTIVE card identifies; null for unknown, blocked or lost cards (see `card` for why). */
  memberByCard?: Maybe<LoyaltyMember>;
  /** Members, newest enrolment first; `search` matches name words, e-mail prefix, phone digits or a card number. */
  members: LoyaltyMemberConnection;
  /** The editable message templates, by key and channel. */
  messageTemplates: Array<MessageTemplate>;
  /** Outbound e-mails and SMS, newest first. */
  outboxMessages: Array<OutboxMessage>;
  /** What a sale would earn (with a member: at their tier's multiplier). Nothing is written. */
  previewEarn: EarnPreview;
  /** The programme's settings: currency, conversion, limits, expiry, bonuses. */
  programme: Programme;
  /** The reward catalogue, cheapest first; with memberId (members: themselves), what they can have. */
  rewards: Array<Reward>;
  /** The programme tiers, entry tier first. */
  tiers: Array<Tier>;
  /** Can this code be used now, by this member? With the reason when not. */
  validateCoupon: CouponValidation;
};


export type QueryCardArgs = {
  number: Scalars['String']['input'];
};


export type QueryCouponArgs = {
  code: Scalars['String']['input'];
};


export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMemberByCardArgs = {
  cardNumber: Scalars['String']['input'];
};


export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryOutboxMessagesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OutboxStatus>;
};


export type QueryPreviewEarnArgs = {
  input: SaleInput;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRewardsArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryValidateCouponArgs = {
  code: Scalars['String']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
};

export type RedeemCouponInput = {
  /** As typed or scanned: case, hyphens and the LC: prefix do not matter. */
  code: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  /** The identified member: a member-bound coupon must be theirs. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  saleId: Scalars['String']['input'];
  tillId?: InputMaybe<Scalars['String']['input']>;
};

export type RedeemCouponPayload = {
  __typename?: 'RedeemCouponPayload';
  coupon?: Maybe<Coupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** Give exactly one of points or cash. */
export type RedeemPointsAsCashInput = {
  cash?: InputMaybe<MoneyInput>;
  channel?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  points?: InputMaybe<Scalars['Int']['input']>;
  saleId: Scalars['String']['input'];
  saleTotal?: InputMaybe<MoneyInput>;
  tillId?: InputMaybe<Scalars['String']['input']>;
};

export type RedeemPointsAsCashPayload = {
  __typename?: 'RedeemPointsAsCashPayload';
  hold?: Maybe<PointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type ReleasePointsHoldInput = {
  holdId: Scalars['ID']['input'];
};

export type ReleasePointsHoldPayload = {
  __typename?: 'ReleasePointsHoldPayload';
  hold?: Maybe<PointsHold>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

export type ReturnLineInput = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type ReturnSaleInput = {
  channel: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  lines: Array<ReturnLineInput>;
  saleId: Scalars['String']['input'];
};

export type ReturnSalePayload = {
  __typename?: 'ReturnSalePayload';
  /** Codes of coupons usable again because the whole sale came back. */
  couponsRestored?: Maybe<Array<Scalars['String']['output']>>;
  member?: Maybe<LoyaltyMember>;
  /** Of those, what the member's balance could not cover (now owed). */
  pointsClawedBack?: Maybe<Scalars['Int']['output']>;
  /** Redeemed points given back for the returned goods. */
  pointsRefunded?: Maybe<Scalars['Int']['output']>;
  /** Earned points taken back. */
  pointsReversed?: Maybe<Scalars['Int']['output']>;
  userErrors: Array<UserError>;
};

/** An entry of the reward catalogue. */
export type Reward = {
  __typename?: 'Reward';
  active: Scalars['Boolean']['output'];
  /** For the member asked about; null without one. */
  availability?: Maybe<RewardAvailability>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: RewardKind;
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
  voucherValue?: Maybe<Money>;
};

/** Whether a member can have this reward now. */
export type RewardAvailability = {
  __typename?: 'RewardAvailability';
  /** The member has enough available points. */
  affordable: Scalars['Boolean']['output'];
  /** Active, in its window, in stock, the member is in a high enough tier and under the per-member limit. */
  allowed: Scalars['Boolean']['output'];
  reason?: Maybe<ErrorCode>;
};

export type RewardKind =
  | 'CASH_VOUCHER'
  | 'GIFT_ITEM';

/** What a sale earned, as recorded; returns are reversed from this. */
export type SaleEarn = {
  __typename?: 'SaleEarn';
  availableAt?: Maybe<Scalars['DateTimeISO']['output']>;
  channel: Scalars['String']['output'];
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<SaleEarnLine>;
  points: Scalars['Int']['output'];
  saleId: Scalars['String']['output'];
  status: EarnedPointsStatus;
};

export type SaleEarnLine = {
  __typename?: 'SaleEarnLine';
  points: Scalars['Int']['output'];
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
};

/** A sale as the till or checkout knows it; points are computed from it on the server. */
export type SaleInput = {
  /** e.g. store, web, app. */
  channel: Scalars['String']['input'];
  currencyCode: Scalars['String']['input'];
  /** Unique within the channel, forever: a sale earns at most once. */
  id: Scalars['ID']['input'];
  lines: Array<SaleLineInput>;
  /** When the sale happened (an offline till replays later); defaults to now. */
  occurredAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  storeId?: InputMaybe<Scalars['String']['input']>;
  tillId?: InputMaybe<Scalars['String']['input']>;
};

export type SaleLineInput = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  productId: Scalars['ID']['input'];
  /** 1 to 10,000. */
  quantity: Scalars['Int']['input'];
  /** Price of one unit after discounts, minor units of the sale currency. */
  unitPrice: Scalars['Int']['input'];
};

/** Without id: a new rule. With id: replaces that rule. */
export type SaveEarningRuleInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  args: Scalars['JSONObject']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: Scalars['String']['input'];
  name: Scalars['String']['input'];
  position?: InputMaybe<Scalars['Int']['input']>;
};

export type SaveEarningRulePayload = {
  __typename?: 'SaveEarningRulePayload';
  rule?: Maybe<EarningRule>;
  userErrors: Array<UserError>;
};

/** Creates or replaces the template of this key and channel. */
export type SaveMessageTemplateInput = {
  /** At most 10000 characters for EMAIL, 2000 for INBOX, 480 for SMS. */
  body: Scalars['String']['input'];
  channel: MessageChannel;
  key: Scalars['String']['input'];
  /** One line, at most 200 characters. */
  subject: Scalars['String']['input'];
};

export type SaveMessageTemplatePayload = {
  __typename?: 'SaveMessageTemplatePayload';
  template?: Maybe<MessageTemplate>;
  userErrors: Array<UserError>;
};

/** Without id: a new reward. With id: replaces that reward. */
export type SaveRewardInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: RewardKind;
  minTierRank?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  perMemberLimit?: InputMaybe<Scalars['Int']['input']>;
  pointsCost: Scalars['Int']['input'];
  productId?: InputMaybe<Scalars['String']['input']>;
  stock?: InputMaybe<Scalars['Int']['input']>;
  validFrom?: InputMaybe<Scalars['DateTimeISO']['input']>;
  validUntil?: InputMaybe<Scalars['DateTimeISO']['input']>;
  voucherValue?: InputMaybe<MoneyInput>;
};

export type SaveRewardPayload = {
  __typename?: 'SaveRewardPayload';
  reward?: Maybe<Reward>;
  userErrors: Array<UserError>;
};

export type SetCardStatusInput = {
  cardNumber: Scalars['String']['input'];
  status: CardStatus;
};

export type SetCardStatusPayload = {
  __typename?: 'SetCardStatusPayload';
  card?: Maybe<LoyaltyCard>;
  userErrors: Array<UserError>;
};

/** A level of the programme. Members qualify by tier-qualifying points, never lose a tier by spending. */
export type Tier = {
  __typename?: 'Tier';
  benefits: Array<TierBenefit>;
  /** Stable machine name, e.g. GOLD. */
  code: Scalars['String']['output'];
  /** Earn multiplier in percent: 100 = 1x, 150 = 1.5x. */
  earnMultiplierPercent: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Tier-qualifying points needed to reach this tier. */
  qualificationThreshold: Scalars['Int']['output'];
  /** 0 for the entry tier; higher is better. */
  rank: Scalars['Int']['output'];
};

/** A benefit of a tier, e.g. free delivery or a birthday bonus. */
export type TierBenefit = {
  __typename?: 'TierBenefit';
  /** Stable machine code, e.g. FREE_DELIVERY. */
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

export type TierProgress = {
  __typename?: 'TierProgress';
  currentTier?: Maybe<Tier>;
  /** Null at the top tier. */
  nextTier?: Maybe<Tier>;
  pointsToNextTier?: Maybe<Scalars['Int']['output']>;
  tierPoints: Scalars['Int']['output'];
};

/** Fields left out keep their value. */
export type UpdateProgrammeInput = {
  birthdayBonusPoints?: InputMaybe<Scalars['Int']['input']>;
  couponReminderDays?: InputMaybe<Scalars['Int']['input']>;
  couponValidityDays?: InputMaybe<Scalars['Int']['input']>;
  currencyCode?: InputMaybe<Scalars['String']['input']>;
  /** 0 with expiryUnit unset: points never expire. */
  expiryCount?: InputMaybe<Scalars['Int']['input']>;
  expiryToMonthEnd?: InputMaybe<Scalars['Boolean']['input']>;
  expiryUnit?: InputMaybe<ExpiryUnit>;
  holdTtlDefaultSeconds?: InputMaybe<Scalars['Int']['input']>;
  holdTtlMaxSeconds?: InputMaybe<Scalars['Int']['input']>;
  maxRedeemSharePercent?: InputMaybe<Scalars['Int']['input']>;
  minRedeemPoints?: InputMaybe<Scalars['Int']['input']>;
  pendingDays?: InputMaybe<Scalars['Int']['input']>;
  redeemAmountMinor?: InputMaybe<Scalars['Int']['input']>;
  redeemPoints?: InputMaybe<Scalars['Int']['input']>;
  registrationBonusPoints?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateProgrammePayload = {
  __typename?: 'UpdateProgrammePayload';
  programme?: Maybe<Programme>;
  userErrors: Array<UserError>;
};

/** An expected outcome that stopped (part of) a mutation; nothing was changed by the failed part. */
export type UserError = {
  __typename?: 'UserError';
  code: ErrorCode;
  /** Path of the input field at fault, e.g. ["input", "email"]. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** Human-readable explanation, safe to show to a cashier or member. */
  message: Scalars['String']['output'];
};

export type VoidCouponInput = {
  code: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type VoidCouponPayload = {
  __typename?: 'VoidCouponPayload';
  coupon?: Maybe<Coupon>;
  member?: Maybe<LoyaltyMember>;
  userErrors: Array<UserError>;
};

/** A member's points. Figures always agree with the journal. */
export type Wallet = {
  __typename?: 'Wallet';
  /** Spendable now. Negative only after a return clawed back points already spent. */
  available: Scalars['Int']['output'];
  /** What the available points are worth when redeemed as cash. */
  cashValue: Money;
  /** Points expiring in the next 90 days, soonest first. */
  expiring: Array<ExpiringPoints>;
  /** Reserved by tills for tenders in progress. */
  held: Scalars['Int']['output'];
  /** Points earned by purchases and bonuses, less returns. */
  lifetimeEarned: Scalars['Int']['output'];
  /** Earned, not yet spendable (e.g. during the return window). */
  pending: Scalars['Int']['output'];
  /** Tier-qualifying points; spending never lowers them. */
  tierPoints: Scalars['Int']['output'];
};

export type TillProgrammeQueryVariables = Exact<{ [key: string]: never; }>;


export type TillProgrammeQuery = { __typename?: 'Query', programme: { __typename?: 'Programme', currencyCode: string, redeemPoints: number, redeemAmountMinor: number, minRedeemPoints: number, maxRedeemSharePercent: number, holdTtlDefaultSeconds: number } };

export type MemberPanelFieldsFragment = { __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, status: MemberStatus, email?: string | null, phone?: string | null, tier?: { __typename?: 'Tier', name: string } | null, tierProgress: { __typename?: 'TierProgress', tierPoints: number, pointsToNextTier?: number | null, nextTier?: { __typename?: 'Tier', name: string } | null }, wallet: { __typename?: 'Wallet', available: number, pending: number, held: number, cashValue: { __typename?: 'Money', amount: number, currencyCode: string }, expiring: Array<{ __typename?: 'ExpiringPoints', points: number, expiresAt: string }> }, coupons: Array<{ __typename?: 'Coupon', code: string, displayCode: string, title: string, kind: CouponKind, percent?: number | null, expiresAt: string, value?: { __typename?: 'Money', amount: number, currencyCode: string } | null }> };

export type TillMemberByCardQueryVariables = Exact<{
  cardNumber: Scalars['String']['input'];
}>;


export type TillMemberByCardQuery = { __typename?: 'Query', memberByCard?: { __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, status: MemberStatus, email?: string | null, phone?: string | null, tier?: { __typename?: 'Tier', name: string } | null, tierProgress: { __typename?: 'TierProgress', tierPoints: number, pointsToNextTier?: number | null, nextTier?: { __typename?: 'Tier', name: string } | null }, wallet: { __typename?: 'Wallet', available: number, pending: number, held: number, cashValue: { __typename?: 'Money', amount: number, currencyCode: string }, expiring: Array<{ __typename?: 'ExpiringPoints', points: number, expiresAt: string }> }, coupons: Array<{ __typename?: 'Coupon', code: string, displayCode: string, title: string, kind: CouponKind, percent?: number | null, expiresAt: string, value?: { __typename?: 'Money', amount: number, currencyCode: string } | null }> } | null, card?: { __typename?: 'LoyaltyCard', status: CardStatus } | null };

export type TillMemberQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TillMemberQuery = { __typename?: 'Query', member?: { __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, status: MemberStatus, email?: string | null, phone?: string | null, tier?: { __typename?: 'Tier', name: string } | null, tierProgress: { __typename?: 'TierProgress', tierPoints: number, pointsToNextTier?: number | null, nextTier?: { __typename?: 'Tier', name: string } | null }, wallet: { __typename?: 'Wallet', available: number, pending: number, held: number, cashValue: { __typename?: 'Money', amount: number, currencyCode: string }, expiring: Array<{ __typename?: 'ExpiringPoints', points: number, expiresAt: string }> }, coupons: Array<{ __typename?: 'Coupon', code: string, displayCode: string, title: string, kind: CouponKind, percent?: number | null, expiresAt: string, value?: { __typename?: 'Money', amount: number, currencyCode: string } | null }> } | null };

export type TillSearchMembersQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type TillSearchMembersQuery = { __typename?: 'Query', members: { __typename?: 'LoyaltyMemberConnection', totalCount: number, nodes: Array<{ __typename?: 'LoyaltyMember', id: string, firstName: string, lastName: string, email?: string | null, phone?: string | null, tier?: { __typename?: 'Tier', name: string } | null }> } };

export type TillValidateCouponQueryVariables = Exact<{
  code: Scalars['String']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type TillValidateCouponQuery = { __typename?: 'Query', validateCoupon: { __typename?: 'CouponValidation', valid: boolean, reason?: ErrorCode | null, message?: string | null, coupon?: { __typename?: 'Coupon', code: string, displayCode: string, title: string, kind: CouponKind, percent?: number | null, productId?: string | null, value?: { __typename?: 'Money', amount: number, currencyCode: string } | null } | null } };

export type TillHoldPointsMutationVariables = Exact<{
  input: HoldPointsInput;
}>;


export type TillHoldPointsMutation = { __typename?: 'Mutation', holdPoints: { __typename?: 'HoldPointsPayload', hold?: { __typename?: 'PointsHold', id: string, points: number, status: HoldStatus, expiresAt: string, cashValue: { __typename?: 'Money', amount: number, currencyCode: string } } | null, userErrors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string }> } };

export type TillCaptureHoldMutationVariables = Exact<{
  input: CapturePointsHoldInput;
}>;


export type TillCaptureHoldMutation = { __typename?: 'Mutation', capturePointsHold: { __typename?: 'CapturePointsHoldPayload', hold?: { __typename?: 'PointsHold', id: string, status: HoldStatus, capturedPoints?: number | null, capturedCash?: { __typename?: 'Money', amount: number } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string }> } };

export type TillReleaseHoldMutationVariables = Exact<{
  input: ReleasePointsHoldInput;
}>;


export type TillReleaseHoldMutation = { __typename?: 'Mutation', releasePointsHold: { __typename?: 'ReleasePointsHoldPayload', hold?: { __typename?: 'PointsHold', id: string, status: HoldStatus } | null, userErrors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string }> } };

export type TillEarnPointsMutationVariables = Exact<{
  input: EarnPointsInput;
}>;


export type TillEarnPointsMutation = { __typename?: 'Mutation', earnPoints: { __typename?: 'EarnPointsPayload', duplicate: boolean, earn?: { __typename?: 'SaleEarn', points: number, status: EarnedPointsStatus } | null, userErrors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string }> } };

export type TillRedeemCouponMutationVariables = Exact<{
  input: RedeemCouponInput;
}>;


export type TillRedeemCouponMutation = { __typename?: 'Mutation', redeemCoupon: { __typename?: 'RedeemCouponPayload', coupon?: { __typename?: 'Coupon', code: string, status: CouponStatus } | null, userErrors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string }> } };

export const MemberPanelFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberPanelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierPoints"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsToNextTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"cashValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MemberPanelFieldsFragment, unknown>;
export const TillProgrammeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TillProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"redeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"redeemAmountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"minRedeemPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxRedeemSharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"holdTtlDefaultSeconds"}}]}}]}}]} as unknown as DocumentNode<TillProgrammeQuery, TillProgrammeQueryVariables>;
export const TillMemberByCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TillMemberByCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cardNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberByCard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cardNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberPanelFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"card"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cardNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberPanelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierPoints"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsToNextTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"cashValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<TillMemberByCardQuery, TillMemberByCardQueryVariables>;
export const TillMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TillMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberPanelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberPanelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LoyaltyMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierPoints"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsToNextTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"cashValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"coupons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<TillMemberQuery, TillMemberQueryVariables>;
export const TillSearchMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TillSearchMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TillSearchMembersQuery, TillSearchMembersQueryVariables>;
export const TillValidateCouponDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TillValidateCoupon"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateCoupon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}}]}}]}}]} as unknown as DocumentNode<TillValidateCouponQuery, TillValidateCouponQueryVariables>;
export const TillHoldPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TillHoldPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"cashValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TillHoldPointsMutation, TillHoldPointsMutationVariables>;
export const TillCaptureHoldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TillCaptureHold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CapturePointsHoldInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capturePointsHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"capturedPoints"}},{"kind":"Field","name":{"kind":"Name","value":"capturedCash"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TillCaptureHoldMutation, TillCaptureHoldMutationVariables>;
export const TillReleaseHoldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TillReleaseHold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePointsHoldInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePointsHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TillReleaseHoldMutation, TillReleaseHoldMutationVariables>;
export const TillEarnPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TillEarnPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EarnPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earnPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TillEarnPointsMutation, TillEarnPointsMutationVariables>;
export const TillRedeemCouponDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TillRedeemCoupon"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemCouponInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemCoupon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TillRedeemCouponMutation, TillRedeemCouponMutationVariables>;