import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../common/money';
import { PageInfo } from '../../common/pagination';
import { TierQualificationBasis, TierQualificationWindow } from '../programme/programme-settings.entity';
import { TierType } from '../tiers/tier.type';
import { HoldStatus, LedgerEntryType } from './ledger.entities';

registerEnumType(LedgerEntryType, { name: 'LoyaltyLedgerEntryType', description: 'What moved points in a journal entry.' });
registerEnumType(HoldStatus, { name: 'LoyaltyHoldStatus' });

@ObjectType('LoyaltyExpiringPoints', { simpleResolvers: true })
export class ExpiringPointsType {
  @Field(() => Int)
  points!: number;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType('LoyaltyWallet', { description: "A member's points. Figures always agree with the journal.", simpleResolvers: true })
export class WalletType {
  @Field(() => Int, { description: 'Spendable now. Negative only after a return clawed back points already spent.' })
  available!: number;

  @Field(() => Int, { description: 'Earned, not yet spendable (e.g. during the return window).' })
  pending!: number;

  @Field(() => Int, { description: 'Reserved by tills for tenders in progress.' })
  held!: number;

  @Field(() => Int, { description: 'Points earned by purchases and bonuses, less returns.' })
  lifetimeEarned!: number;

  @Field(() => Int, { description: 'Tier-qualifying points; spending never lowers them.' })
  tierPoints!: number;
}

@ObjectType('LoyaltyTierProgress')
export class TierProgressType {
  @Field(() => Int)
  tierPoints!: number;

  @Field(() => TierType, { nullable: true })
  currentTier?: unknown;

  @Field(() => TierType, { nullable: true, description: 'Null at the top tier.' })
  nextTier?: unknown;

  @Field(() => Int, { nullable: true, description: 'Lifetime tier points still needed for the next tier (as tierPoints counts them); toNextTier counts by the programme\'s qualification rules.' })
  pointsToNextTier?: number | null;

  @Field(() => TierQualificationBasis, { description: 'What qualifyingValue and the amounts below count: tier points, or spend in minor units.' })
  qualificationBasis!: TierQualificationBasis;

  @Field(() => TierQualificationWindow)
  qualificationWindow!: TierQualificationWindow;

  @Field(() => Int, { description: 'What counts towards a level now: tier points or spend (minor units) in the window, less returns.' })
  qualifyingValue!: number;

  @Field(() => Date, { nullable: true, description: 'Where the window starts now; null for LIFETIME.' })
  windowStart?: Date | null;

  @Field(() => Int, { nullable: true, description: 'How much more reaches the next tier; null at the top.' })
  toNextTier?: number | null;

  @Field(() => Date, { nullable: true, description: 'By when toNextTier must be reached to count together: the end of the calendar year (CALENDAR_YEAR); null otherwise.' })
  nextTierBy?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the member reached their current tier.' })
  reachedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the current tier is next reviewed (or its grace period ends); null when tiers are not reviewed.' })
  reviewAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'How much more, bought by reviewAt, keeps the current tier at that review; 0 when it is kept already; null without a review.' })
  toKeepTier?: number | null;

  @Field(() => Date, { nullable: true, description: 'Set while the member keeps a tier they did not qualify for at a review.' })
  graceUntil?: Date | null;

  @Field(() => TierType, { nullable: true, description: 'A tier set by an admin, or bought as a paid membership, as a floor: reviews do not go below it until floorUntil.' })
  floorTier?: unknown;

  @Field(() => Date, { nullable: true })
  floorUntil?: Date | null;

  @Field(() => String, { nullable: true, description: "Why the floor was set (an admin's reason, or `paid membership`); admins only (null for others)." })
  floorReason?: string | null;
}

@ObjectType('LoyaltyLedgerEntry', { description: 'One line of the points log; immutable.', simpleResolvers: true })
export class LedgerEntryGql {
  @Field(() => ID)
  id!: string;

  @Field(() => LedgerEntryType)
  type!: LedgerEntryType;

  @Field(() => Int, { description: "Change of the member's total points (available + pending + held)." })
  points!: number;

  @Field(() => Int, { description: 'Change of available points.' })
  availableChange!: number;

  @Field(() => Int)
  availableAfter!: number;

  @Field(() => Int)
  pendingAfter!: number;

  @Field(() => Int)
  heldAfter!: number;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true })
  channel?: string | null;

  @Field(() => String, { nullable: true })
  saleId?: string | null;

  @Field(() => ID, { nullable: true })
  holdId?: string | null;

  @Field(() => String, { nullable: true })
  couponCode?: string | null;

  /** TIER_CHANGE: the tier moved to (resolved by tier-lifecycle.resolver.ts). */
  tierId?: string | null;

  /** The campaign that gave the points or coupon, or whose points a return took back (resolved by campaign.resolver.ts). */
  campaignId?: string | null;

  @Field(() => String, { description: 'Who caused it: a token subject, or system for scheduled work; members and shoppers see only member, till, system or staff.' })
  actor!: string;

  @Field(() => Date)
  occurredAt!: Date;
}

@ObjectType('LoyaltyLedgerEntryEdge', { simpleResolvers: true })
export class LedgerEntryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => LedgerEntryGql)
  node!: LedgerEntryGql;
}

@ObjectType('LoyaltyLedgerEntryConnection', { simpleResolvers: true })
export class LedgerEntryConnection {
  @Field(() => [LedgerEntryEdge])
  edges!: LedgerEntryEdge[];

  @Field(() => [LedgerEntryGql])
  nodes!: LedgerEntryGql[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('LoyaltyPointsHold', { description: 'Points reserved by a till for a tender.' })
export class PointsHoldType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => Money, { description: 'What the held points pay.' })
  cashValue!: Money;

  @Field(() => HoldStatus)
  status!: HoldStatus;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String)
  saleId!: string;

  @Field(() => String, { nullable: true })
  tillId?: string | null;

  @Field(() => Int, { nullable: true })
  capturedPoints?: number | null;

  @Field(() => Money, { nullable: true })
  capturedCash?: Money | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt?: Date | null;
}

export { Money };
