import { MembershipPurchase } from '../modules/tiers/membership.entity';
import { Member } from '../modules/members/member.entity';
import { LoyaltyCard } from '../modules/members/card.entity';
import { Tier } from '../modules/tiers/tier.entity';
import { ProgrammeSettings } from '../modules/programme/programme-settings.entity';
import { EarningRuleRecord } from '../modules/programme/earning-rule.entity';
import { BonusAward, EarningLot, LedgerEntry, LedgerPosting, PointsHold, SaleEarn, Wallet } from '../modules/ledger/ledger.entities';
import { IdempotencyRecord } from '../modules/idempotency/idempotency-record.entity';
import { Coupon } from '../modules/coupons/coupon.entity';
import { Reward } from '../modules/rewards/reward.entity';
import { InboxMessage, MessageTemplate, OutboxMessage } from '../modules/messaging/messaging.entities';
import { AppMeta } from './app-meta.entity';
import { ChallengeProgressRecord, ChallengeRecord } from '../modules/challenges/challenge.entity';
import { AutomationRecord, AutomationRunRecord, LoyaltyEventRecord } from '../modules/automations/automation.entity';
import { CampaignAwardRecord, CampaignRecord } from '../modules/campaigns/campaign.entity';
import { AudienceRecord } from '../modules/audiences/audience.entity';
import { AnalyticsEnrolmentHour, AnalyticsPointsHour, AnalyticsRollupState } from '../modules/analytics/rollup.entity';
import { TierDiscountRuleRecord } from '../modules/discounts/tier-discount.entity';

/** Every entity the ORM knows; a new module adds its entities here. */
export const ENTITIES = [
  AppMeta,
  Tier,
  Member,
  LoyaltyCard,
  ProgrammeSettings,
  EarningRuleRecord,
  Wallet,
  LedgerEntry,
  LedgerPosting,
  EarningLot,
  PointsHold,
  SaleEarn,
  BonusAward,
  IdempotencyRecord,
  Reward,
  Coupon,
  InboxMessage,
  OutboxMessage,
  MessageTemplate,
  MembershipPurchase,
  TierDiscountRuleRecord,
  AudienceRecord,
  CampaignRecord,
  CampaignAwardRecord,
  AutomationRecord,
  AutomationRunRecord,
  LoyaltyEventRecord,
  ChallengeRecord,
  ChallengeProgressRecord,
  AnalyticsPointsHour,
  AnalyticsEnrolmentHour,
  AnalyticsRollupState,
];
