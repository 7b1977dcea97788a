import { allocate } from '../../common/allocation';
import type { AudienceRules } from '../audiences/audience-rules';
import { inWindows, LimitPeriod, periodKey, type TimeWindow } from './campaign-time';

/**
 * Campaigns as rule objects of the earning calculation: which campaigns a sale meets and what
 * each gives. Pure: no I/O and no clock, so the live earn, the preview and the simulation run the
 * very same decisions; what they read from the database (audience, visits, limits, budgets) comes
 * in as {@link CampaignFacts}. The evaluation order is documented in docs/campaigns.md.
 */

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

export enum CampaignOfferKind {
  /** A fixed number of points per qualifying sale. */
  EXTRA_POINTS = 'EXTRA_POINTS',
  /** The qualifying lines' points times percent / 100 (200 = double points): the extra part. */
  POINTS_MULTIPLIER = 'POINTS_MULTIPLIER',
  CASH_VOUCHER = 'CASH_VOUCHER',
  PERCENT_COUPON = 'PERCENT_COUPON',
  GIFT_ITEM = 'GIFT_ITEM',
}

export enum CampaignStacking {
  /** Applies alone: only when no campaign applied before it, and none applies after it. */
  EXCLUSIVE = 'EXCLUSIVE',
  /** Adds to the others; with a stack group, at most one campaign of the group applies. */
  STACKABLE = 'STACKABLE',
}

export interface CampaignOffer {
  kind: CampaignOfferKind;
  /** EXTRA_POINTS. */
  points?: number;
  /** POINTS_MULTIPLIER (101..1000) or PERCENT_COUPON (1..100). */
  percent?: number;
  /** CASH_VOUCHER: the voucher's value; GIFT_ITEM: what the gift costs the programme (minor units). */
  valueMinor?: number;
  /** GIFT_ITEM: the commerce product handed over. */
  productId?: string;
  /** Coupons: the title shown to the member. */
  title?: string;
  /** Coupons: days the coupon is valid (the programme's coupon validity when absent). */
  validDays?: number;
}

export interface CampaignCriteria {
  storeIds?: string[];
  channels?: string[];
  /** Lines of these categories or products qualify (either list matching is enough); none: every line. */
  categoryIds?: string[];
  productIds?: string[];
  /** The qualifying lines must come to at least this, minor units, after level discounts. */
  minSpendMinor?: number;
  /** The member's first sale ever (no earlier sale earned). */
  firstPurchase?: boolean;
  /** The member's nth sale (n - 1 earlier sales earned). */
  nthVisit?: number;
}

/** A campaign as the engine needs it; the audience's rules are resolved from its code. */
export interface CampaignDef {
  id: string;
  code: string;
  name: string;
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date | null;
  timeZone: string;
  windows: TimeWindow[];
  audienceCode: string | null;
  audience: AudienceRules | null;
  criteria: CampaignCriteria;
  offer: CampaignOffer;
  perMemberLimit: number | null;
  perMemberPeriod: LimitPeriod;
  budgetPoints: number | null;
  budgetValueMinor: number | null;
  budgetCoupons: number | null;
  priority: number;
  stacking: CampaignStacking;
  stackGroup: string | null;
  /** When it was created: breaks priority ties (the older first), then the code. */
  createdAt: Date;
}

export const POINT_OFFERS: ReadonlySet<CampaignOfferKind> = new Set([CampaignOfferKind.EXTRA_POINTS, CampaignOfferKind.POINTS_MULTIPLIER]);

export interface CampaignSaleLine {
  productId: string;
  categoryId: string | null;
  quantity: number;
  /** Unit price paid (after a level discount), minor units. */
  unitPrice: number;
  /** Points the earning rules gave the line (tier and channel multipliers included). */
  points: number;
  /** Excluded by an EXCLUDE earning rule: never qualifies for a campaign either. */
  excluded: boolean;
}

export interface CampaignSale {
  channel: string;
  storeId: string | null;
  /** When the sale happened (its occurredAt): decides period, windows and limit periods. */
  at: Date;
  lines: CampaignSaleLine[];
}

/** Why a campaign gave nothing to a sale, for previews and simulations. */
export enum CampaignSkipReason {
  NOT_ACTIVE = 'NOT_ACTIVE',
  OUTSIDE_PERIOD = 'OUTSIDE_PERIOD',
  OUTSIDE_TIME_WINDOW = 'OUTSIDE_TIME_WINDOW',
  OTHER_STORE = 'OTHER_STORE',
  OTHER_CHANNEL = 'OTHER_CHANNEL',
  NO_QUALIFYING_LINES = 'NO_QUALIFYING_LINES',
  BELOW_MINIMUM_SPEND = 'BELOW_MINIMUM_SPEND',
  NEEDS_MEMBER = 'NEEDS_MEMBER',
  NOT_IN_AUDIENCE = 'NOT_IN_AUDIENCE',
  NOT_FIRST_PURCHASE = 'NOT_FIRST_PURCHASE',
  NOT_NTH_VISIT = 'NOT_NTH_VISIT',
  MEMBER_LIMIT_REACHED = 'MEMBER_LIMIT_REACHED',
  BUDGET_EXHAUSTED = 'BUDGET_EXHAUSTED',
  EXCLUSIVE_CAMPAIGN_APPLIED = 'EXCLUSIVE_CAMPAIGN_APPLIED',
  OTHER_CAMPAIGN_APPLIED = 'OTHER_CAMPAIGN_APPLIED',
  STACK_GROUP_TAKEN = 'STACK_GROUP_TAKEN',
  NO_POINTS = 'NO_POINTS',
}

export interface CampaignSkip {
  campaign: CampaignDef;
  reason: CampaignSkipReason;
}

export interface Candidate {
  campaign: CampaignDef;
  /** Indexes of the sale's lines that qualify. */
  qualifying: number[];
}

/** What remains of a campaign's budget; null where it has none of that kind. */
export interface Remaining {
  points: number | null;
  valueMinor: number | null;
  coupons: number | null;
}

/** What the database knows about the member, read before the engine decides. */
export interface CampaignFacts {
  /** False for a preview without a member: campaigns that need one do not apply. */
  hasMember: boolean;
  /** Whether the member is in the campaign's audience (asked only of campaigns with one). */
  inAudience(campaign: CampaignDef): boolean;
  /** Sales the member had earned on before this one. */
  priorVisits: number;
  /** Awards the campaign gave the member in the limit period with this key. */
  awardsInPeriod(campaign: CampaignDef, periodKey: string): number;
  remaining(campaign: CampaignDef): Remaining;
}

export interface CampaignCoupon {
  kind: CampaignOfferKind.CASH_VOUCHER | CampaignOfferKind.PERCENT_COUPON | CampaignOfferKind.GIFT_ITEM;
  valueMinor: number;
  percent: number;
  productId: string | null;
  title: string | null;
  validDays: number | null;
}

export interface CampaignAwardPlan {
  campaign: CampaignDef;
  periodKey: string;
  /** Points given (0 for a coupon offer). */
  points: number;
  /** The points per sale line (sum = points), so returns reverse them line by line. */
  linePoints: number[];
  coupon: CampaignCoupon | null;
  /** What the award takes from a value budget: a cash voucher's or gift's value, minor units. */
  valueMinor: number;
}

/** The order campaigns are evaluated in: priority (higher first), then the older, then the code. */
export function evaluationOrder(a: CampaignDef, b: CampaignDef): number {
  return b.priority - a.priority || a.createdAt.getTime() - b.createdAt.getTime() || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Whether the campaign runs at `at`: ACTIVE, in its period and in one of its time windows. */
export function runsAt(c: CampaignDef, at: Date): CampaignSkipReason | null {
  if (c.status !== CampaignStatus.ACTIVE) return CampaignSkipReason.NOT_ACTIVE;
  if (at < c.startsAt || (c.endsAt && at >= c.endsAt)) return CampaignSkipReason.OUTSIDE_PERIOD;
  if (!inWindows(at, c.timeZone, c.windows)) return CampaignSkipReason.OUTSIDE_TIME_WINDOW;
  return null;
}

/**
 * Step 1, without the database: the campaigns whose period, windows, store, channel, lines and
 * minimum spend the sale meets, in evaluation order, with their qualifying lines.
 */
export function saleCandidates(campaigns: readonly CampaignDef[], sale: CampaignSale): { candidates: Candidate[]; skipped: CampaignSkip[] } {
  const candidates: Candidate[] = [];
  const skipped: CampaignSkip[] = [];
  for (const campaign of [...campaigns].sort(evaluationOrder)) {
    const reason = staticReason(campaign, sale);
    if (typeof reason === 'string') skipped.push({ campaign, reason });
    else candidates.push({ campaign, qualifying: reason });
  }
  return { candidates, skipped };
}

function staticReason(c: CampaignDef, sale: CampaignSale): CampaignSkipReason | number[] {
  const running = runsAt(c, sale.at);
  if (running) return running;
  const k = c.criteria;
  if (k.storeIds && !(sale.storeId && k.storeIds.includes(sale.storeId))) return CampaignSkipReason.OTHER_STORE;
  if (k.channels && !k.channels.includes(sale.channel)) return CampaignSkipReason.OTHER_CHANNEL;
  const byLine = Boolean(k.categoryIds || k.productIds);
  const qualifying: number[] = [];
  let amount = 0n;
  sale.lines.forEach((l, i) => {
    if (l.excluded) return;
    if (byLine && !(k.productIds?.includes(l.productId) || (l.categoryId !== null && k.categoryIds?.includes(l.categoryId)))) return;
    qualifying.push(i);
    amount += BigInt(l.quantity) * BigInt(l.unitPrice);
  });
  if (qualifying.length === 0) return CampaignSkipReason.NO_QUALIFYING_LINES;
  if (k.minSpendMinor !== undefined && amount < BigInt(k.minSpendMinor)) return CampaignSkipReason.BELOW_MINIMUM_SPEND;
  return qualifying;
}

/** Whether a campaign needs facts about the member (audience, visits, a per-member limit). */
export function needsMember(c: CampaignDef): boolean {
  return Boolean(c.audience || c.criteria.firstPurchase || c.criteria.nthVisit || c.perMemberLimit);
}

/**
 * Step 2: the member's conditions, limits, budgets and stacking, over the candidates in order.
 * A points award larger than the points budget left is cut to what is left; a coupon that does
 * not fit the budget is not issued.
 */
export function chooseAwards(candidates: readonly Candidate[], sale: CampaignSale, facts: CampaignFacts): { awards: CampaignAwardPlan[]; skipped: CampaignSkip[] } {
  const awards: CampaignAwardPlan[] = [];
  const skipped: CampaignSkip[] = [];
  const groups = new Set<string>();
  let exclusive = false;
  for (const { campaign: c, qualifying } of candidates) {
    const skip = (reason: CampaignSkipReason) => skipped.push({ campaign: c, reason });
    if (exclusive) { skip(CampaignSkipReason.EXCLUSIVE_CAMPAIGN_APPLIED); continue; }
    if (c.stacking === CampaignStacking.EXCLUSIVE && awards.length > 0) { skip(CampaignSkipReason.OTHER_CAMPAIGN_APPLIED); continue; }
    if (c.stackGroup && groups.has(c.stackGroup)) { skip(CampaignSkipReason.STACK_GROUP_TAKEN); continue; }
    const member = memberReason(c, sale, facts);
    if (member) { skip(member); continue; }
    const key = periodKey(c.perMemberPeriod, sale.at, c.timeZone);
    const plan = planAward(c, key, qualifying, sale, facts.remaining(c));
    if (typeof plan === 'string') { skip(plan); continue; }
    awards.push(plan);
    if (c.stacking === CampaignStacking.EXCLUSIVE) exclusive = true;
    if (c.stackGroup) groups.add(c.stackGroup);
  }
  return { awards, skipped };
}

/** What keeps the member from a campaign (audience, visits, the per-member limit), or null. */
export function memberReason(c: CampaignDef, sale: CampaignSale, facts: CampaignFacts): CampaignSkipReason | null {
  if (needsMember(c) && !facts.hasMember) return CampaignSkipReason.NEEDS_MEMBER;
  if (c.audience && !facts.inAudience(c)) return CampaignSkipReason.NOT_IN_AUDIENCE;
  if (c.criteria.firstPurchase && facts.priorVisits !== 0) return CampaignSkipReason.NOT_FIRST_PURCHASE;
  if (c.criteria.nthVisit && facts.priorVisits + 1 !== c.criteria.nthVisit) return CampaignSkipReason.NOT_NTH_VISIT;
  if (c.perMemberLimit && facts.hasMember && facts.awardsInPeriod(c, periodKey(c.perMemberPeriod, sale.at, c.timeZone)) >= c.perMemberLimit) return CampaignSkipReason.MEMBER_LIMIT_REACHED;
  return null;
}

function planAward(c: CampaignDef, key: string, qualifying: number[], sale: CampaignSale, left: Remaining): CampaignAwardPlan | CampaignSkipReason {
  const o = c.offer;
  const none = sale.lines.map(() => 0);
  if (POINT_OFFERS.has(o.kind)) {
    let weights: bigint[];
    let points: number;
    if (o.kind === CampaignOfferKind.POINTS_MULTIPLIER) {
      weights = sale.lines.map((l, i) => (qualifying.includes(i) ? BigInt(l.points) : 0n));
      const base = weights.reduce((a, b) => a + b, 0n);
      points = Number((base * BigInt(o.percent! - 100)) / 100n);
    } else {
      weights = sale.lines.map((l, i) => (qualifying.includes(i) ? BigInt(l.quantity) * BigInt(l.unitPrice) : 0n));
      if (weights.every((w) => w === 0n)) weights = sale.lines.map((_, i) => (qualifying.includes(i) ? 1n : 0n));
      points = o.points!;
    }
    if (left.points !== null) {
      if (left.points <= 0) return CampaignSkipReason.BUDGET_EXHAUSTED;
      points = Math.min(points, left.points);
    }
    if (points <= 0) return CampaignSkipReason.NO_POINTS;
    return { campaign: c, periodKey: key, points, linePoints: allocate(points, weights), coupon: null, valueMinor: 0 };
  }
  const valueMinor = o.kind === CampaignOfferKind.PERCENT_COUPON ? 0 : o.valueMinor!;
  if (left.coupons !== null && left.coupons < 1) return CampaignSkipReason.BUDGET_EXHAUSTED;
  if (left.valueMinor !== null && left.valueMinor < valueMinor) return CampaignSkipReason.BUDGET_EXHAUSTED;
  const coupon: CampaignCoupon = {
    kind: o.kind as CampaignCoupon['kind'],
    valueMinor,
    percent: o.kind === CampaignOfferKind.PERCENT_COUPON ? o.percent! : 0,
    productId: o.productId ?? null,
    title: o.title ?? null,
    validDays: o.validDays ?? null,
  };
  return { campaign: c, periodKey: key, points: 0, linePoints: none, coupon, valueMinor };
}

/** What is left of a budget after `spent`: null without one. */
export function remainingOf(c: CampaignDef, spent: { points: number; valueMinor: number; coupons: number }): Remaining {
  return {
    points: c.budgetPoints === null ? null : Math.max(0, c.budgetPoints - spent.points),
    valueMinor: c.budgetValueMinor === null ? null : Math.max(0, c.budgetValueMinor - spent.valueMinor),
    coupons: c.budgetCoupons === null ? null : Math.max(0, c.budgetCoupons - spent.coupons),
  };
}

export function hasBudget(c: CampaignDef): boolean {
  return c.budgetPoints !== null || c.budgetValueMinor !== null || c.budgetCoupons !== null;
}

export { LimitPeriod };
