import type { CampaignCriteria } from '../campaigns/campaign-engine';

/**
 * Automated programmes: a trigger says which (member, occurrence) pairs are due, conditions (an
 * audience, purchase criteria) narrow them, and the actions run once per pair. See
 * docs/campaigns.md#automations.
 */

export enum AutomationStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

export enum AutomationTriggerKind {
  ENROLLED = 'ENROLLED',
  LEVEL_CHANGED = 'LEVEL_CHANGED',
  BIRTHDAY = 'BIRTHDAY',
  POINTS_EXPIRING = 'POINTS_EXPIRING',
  COUPON_EXPIRING = 'COUPON_EXPIRING',
  INACTIVE = 'INACTIVE',
  PURCHASE = 'PURCHASE',
  RETURN = 'RETURN',
  CUSTOM_EVENT = 'CUSTOM_EVENT',
}

/** Triggers read from what was recorded since the last scan; the others from what is due now. */
export const EVENT_TRIGGERS: ReadonlySet<AutomationTriggerKind> = new Set([
  AutomationTriggerKind.ENROLLED, AutomationTriggerKind.LEVEL_CHANGED, AutomationTriggerKind.PURCHASE, AutomationTriggerKind.RETURN, AutomationTriggerKind.CUSTOM_EVENT,
]);

export interface AutomationTrigger {
  kind: AutomationTriggerKind;
  /** POINTS_EXPIRING, COUPON_EXPIRING: within this many days; INACTIVE: for this many days. */
  days?: number;
  /** LEVEL_CHANGED: only to these levels (codes); none: any change. */
  tierCodes?: string[];
  /** PURCHASE: the sale's store, channel, lines and minimum spend (as a campaign's criteria). */
  criteria?: Pick<CampaignCriteria, 'storeIds' | 'channels' | 'categoryIds' | 'productIds' | 'minSpendMinor'>;
  /** CUSTOM_EVENT: the event type (recordLoyaltyEvent's `type`). */
  eventType?: string;
}

export enum AutomationActionKind {
  AWARD_POINTS = 'AWARD_POINTS',
  ISSUE_COUPON = 'ISSUE_COUPON',
  ADD_TAG = 'ADD_TAG',
  REMOVE_TAG = 'REMOVE_TAG',
  SET_ATTRIBUTE = 'SET_ATTRIBUTE',
  SEND_MESSAGE = 'SEND_MESSAGE',
}

export enum MessagePurpose {
  /** About what the member has (points, coupons, level): no opt-in needed for e-mail, no cap. */
  SERVICE = 'SERVICE',
  /** Promotion: only to members who opted in, within the programme's weekly cap. */
  MARKETING = 'MARKETING',
}

export type AutomationCouponKind = 'CASH_VOUCHER' | 'PERCENT_COUPON' | 'GIFT_ITEM';

export interface AutomationAction {
  kind: AutomationActionKind;
  /** AWARD_POINTS. */
  points?: number;
  /** ISSUE_COUPON. */
  coupon?: { kind: AutomationCouponKind; valueMinor?: number; percent?: number; productId?: string; title?: string; validDays?: number };
  /** ADD_TAG, REMOVE_TAG. */
  tag?: string;
  /** SET_ATTRIBUTE. */
  name?: string;
  value?: string;
  /** SEND_MESSAGE: a message template key (`custom.<name>`, saved with saveLoyaltyMessageTemplate). */
  templateKey?: string;
  purpose?: MessagePurpose;
}

/** Values every automation message can use. */
const COMMON = ['firstName', 'lastName', 'balance'];

/** The placeholders each trigger supplies to a SEND_MESSAGE template. */
export const TRIGGER_PLACEHOLDERS: Readonly<Record<AutomationTriggerKind, readonly string[]>> = {
  [AutomationTriggerKind.ENROLLED]: COMMON,
  [AutomationTriggerKind.LEVEL_CHANGED]: [...COMMON, 'tierName'],
  [AutomationTriggerKind.BIRTHDAY]: COMMON,
  [AutomationTriggerKind.POINTS_EXPIRING]: [...COMMON, 'points', 'expiresOn', 'daysLeft'],
  [AutomationTriggerKind.COUPON_EXPIRING]: [...COMMON, 'expiringCouponTitle', 'expiringCouponCode', 'expiresOn', 'daysLeft'],
  [AutomationTriggerKind.INACTIVE]: [...COMMON, 'daysInactive'],
  [AutomationTriggerKind.PURCHASE]: [...COMMON, 'saleId', 'channel'],
  [AutomationTriggerKind.RETURN]: [...COMMON, 'saleId', 'channel'],
  [AutomationTriggerKind.CUSTOM_EVENT]: [...COMMON, 'eventType'],
};

/** Placeholders the actions before a SEND_MESSAGE supply. */
export const ACTION_PLACEHOLDERS: Readonly<Partial<Record<AutomationActionKind, readonly string[]>>> = {
  [AutomationActionKind.AWARD_POINTS]: ['awardedPoints'],
  [AutomationActionKind.ISSUE_COUPON]: ['couponCode', 'couponTitle', 'couponExpiresOn'],
};

/** Every placeholder an automation message may use (what a `custom.` template is checked against). */
export const AUTOMATION_PLACEHOLDERS: readonly string[] = [
  ...new Set([...Object.values(TRIGGER_PLACEHOLDERS).flat(), ...Object.values(ACTION_PLACEHOLDERS).flat()]),
];

/** Custom event types (recordLoyaltyEvent's `type`, a CUSTOM_EVENT trigger's `eventType`). */
export const EVENT_TYPE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Message template keys automations send: `custom.` and a lower-case name. */
export const CUSTOM_TEMPLATE_KEY = /^custom\.[a-z0-9_]{1,40}$/;
