import type { EntityManager } from '@mikro-orm/postgresql';
import type { MoneyInput } from '../../common/money';
import { InputChecker } from '../../common/validation';
import { checkAudienceRules, codes, type AudienceRules, type AudienceRulesInputShape } from '../audiences/audience-rules';
import {
  CampaignOfferKind, CampaignStacking, CampaignStatus, POINT_OFFERS,
  type CampaignCriteria, type CampaignDef, type CampaignOffer,
} from './campaign-engine';
import { isTimeZone, LimitPeriod, parseClock, type TimeWindow } from './campaign-time';
import type { CampaignRecord } from './campaign.entity';

/** The GraphQL input's shape (SaveLoyaltyCampaignInput): every optional field may be null. */
export interface CampaignInputShape {
  code: string;
  name: string;
  description?: string | null;
  status?: CampaignStatus | null;
  startsAt: Date;
  endsAt?: Date | null;
  timeZone?: string | null;
  windows?: { weekdays?: number[] | null; from?: string | null; to?: string | null }[] | null;
  audienceCode?: string | null;
  audience?: AudienceRulesInputShape | null;
  criteria?: {
    storeIds?: string[] | null; channels?: string[] | null; categoryIds?: string[] | null; productIds?: string[] | null;
    minSpend?: MoneyInput | null; firstPurchase?: boolean | null; nthVisit?: number | null;
  } | null;
  offer: { kind: CampaignOfferKind; points?: number | null; percent?: number | null; value?: MoneyInput | null; productId?: string | null; title?: string | null; validDays?: number | null };
  limits?: { perMember?: number | null; perMemberPeriod?: LimitPeriod | null; budgetPoints?: number | null; budgetValue?: MoneyInput | null; budgetCoupons?: number | null } | null;
  priority?: number | null;
  stacking?: CampaignStacking | null;
  stackGroup?: string | null;
}

/** A checked campaign, ready to store (no id or counters yet). */
export type CheckedCampaign = Omit<CampaignDef, 'id' | 'createdAt' | 'audience'> & { description: string | null; audienceRules: AudienceRules | null };

const MAX_POINTS_OFFER = 1_000_000;
const MAX_MINOR = 100_000_000;
const MAX_BUDGET = 2_000_000_000;

/**
 * Checks a campaign as an admin gives it; every problem becomes a user error. `audienceExists`
 * tells whether a saved audience has the code.
 */
export function checkCampaignInput(check: InputChecker, input: CampaignInputShape, currencyCode: string, audienceExists: (code: string) => boolean): CheckedCampaign | null {
  const campaignCode = check.code('code', input.code, { required: true });
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });
  const description = check.text('description', input.description, 500, { label: 'description' });
  const status = input.status ?? CampaignStatus.DRAFT;

  if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime())) check.fail('startsAt', 'startsAt is required');
  const endsAt = input.endsAt ?? null;
  if (endsAt && input.startsAt instanceof Date && endsAt <= input.startsAt) check.fail('endsAt', 'endsAt must be after startsAt');
  const timeZone = check.text('timeZone', input.timeZone, 64, { label: 'timeZone' }) ?? 'UTC';
  if (!isTimeZone(timeZone)) check.fail('timeZone', `timeZone ${timeZone} is not an IANA time zone (e.g. Europe/London)`);

  const windows: TimeWindow[] = [];
  if (input.windows) {
    if (input.windows.length > 20) check.fail('windows', 'At most 20 time windows');
    input.windows.slice(0, 20).forEach((w, i) => {
      const f = `windows.${i}`;
      const weekdays = w.weekdays ?? [1, 2, 3, 4, 5, 6, 7];
      if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) check.fail(`${f}.weekdays`, 'weekdays are 1 (Monday) to 7 (Sunday); leave them out for every day');
      const from = parseClock(w.from ?? '00:00');
      const to = parseClock(w.to ?? '24:00');
      if (from === null) check.fail(`${f}.from`, 'from is a local time HH:MM, 00:00 to 23:59');
      if (to === null) check.fail(`${f}.to`, 'to is a local time HH:MM, 00:01 to 24:00');
      if (from !== null && to !== null && from >= to) check.fail(`${f}.to`, 'to must be after from (a window past midnight is two windows)');
      if (from !== null && to !== null) windows.push({ weekdays: [...new Set(weekdays)].sort(), fromMinute: from, toMinute: to });
    });
  }

  const audienceCode = check.code('audienceCode', input.audienceCode);
  if (audienceCode && !audienceExists(audienceCode)) check.fail('audienceCode', `No audience has the code ${audienceCode} (saveLoyaltyAudience creates one)`);
  let audienceRules: AudienceRules | null = null;
  if (input.audience) {
    if (audienceCode) check.fail('audience', 'Give audienceCode or audience, not both');
    audienceRules = checkAudienceRules(check, input.audience, 'audience');
  }

  const criteria: CampaignCriteria = {};
  const k = input.criteria ?? {};
  const lists = { storeIds: k.storeIds, channels: k.channels, categoryIds: k.categoryIds, productIds: k.productIds };
  for (const [key, v] of Object.entries(lists)) {
    const list = codes(check, `criteria.${key}`, v ?? undefined);
    if (list) criteria[key as 'storeIds'] = list;
  }
  const minSpend = check.money('criteria.minSpend', k.minSpend, currencyCode, 1, MAX_MINOR);
  if (minSpend !== undefined) criteria.minSpendMinor = minSpend;
  if (k.firstPurchase) criteria.firstPurchase = true;
  const nth = check.int('criteria.nthVisit', k.nthVisit, 2, 10_000, 'a visit number');
  if (nth !== undefined) criteria.nthVisit = nth;
  if (criteria.firstPurchase && criteria.nthVisit) check.fail('criteria.nthVisit', 'A first purchase is visit 1: give firstPurchase or nthVisit, not both');

  const o = input.offer;
  const offer: CampaignOffer = { kind: o?.kind };
  switch (o?.kind) {
    case CampaignOfferKind.EXTRA_POINTS:
      offer.points = check.int('offer.points', o.points, 1, MAX_POINTS_OFFER, 'a whole number of points');
      if (o.points == null) check.fail('offer.points', 'EXTRA_POINTS needs points');
      break;
    case CampaignOfferKind.POINTS_MULTIPLIER:
      offer.percent = check.int('offer.percent', o.percent, 101, 1000, 'a percentage (200 = double points)');
      if (o.percent == null) check.fail('offer.percent', 'POINTS_MULTIPLIER needs percent, 101 to 1000 (200 = double points)');
      break;
    case CampaignOfferKind.CASH_VOUCHER:
      offer.valueMinor = check.money('offer.value', o.value, currencyCode, 1, MAX_MINOR);
      if (!o.value) check.fail('offer.value', 'CASH_VOUCHER needs a value');
      break;
    case CampaignOfferKind.PERCENT_COUPON:
      offer.percent = check.int('offer.percent', o.percent, 1, 100, 'a percentage');
      if (o.percent == null) check.fail('offer.percent', 'PERCENT_COUPON needs percent, 1 to 100');
      break;
    case CampaignOfferKind.GIFT_ITEM: {
      const productId = check.text('offer.productId', o.productId, 64, { required: true, label: 'offer.productId' });
      if (productId) offer.productId = productId;
      offer.valueMinor = check.money('offer.value', o.value, currencyCode, 0, MAX_MINOR);
      if (!o.value) check.fail('offer.value', "GIFT_ITEM needs a value: what the gift costs the programme (for budgets and simulations)");
      break;
    }
    default:
      check.fail('offer.kind', 'offer.kind is required');
  }
  if (o && !POINT_OFFERS.has(o.kind)) {
    const title = check.text('offer.title', o.title, 200, { label: 'offer.title' });
    if (title) offer.title = title;
    const days = check.int('offer.validDays', o.validDays, 1, 3650, 'a number of days');
    if (days !== undefined) offer.validDays = days;
  } else if (o && (o.title || o.validDays)) {
    check.fail('offer.title', 'title and validDays are for coupon offers');
  }

  const l = input.limits ?? {};
  const perMemberLimit = check.int('limits.perMember', l.perMember, 1, 10_000, 'a number of awards') ?? null;
  const perMemberPeriod = l.perMemberPeriod ?? LimitPeriod.CAMPAIGN;
  if (l.perMemberPeriod && perMemberLimit === null) check.fail('limits.perMemberPeriod', 'perMemberPeriod needs perMember');
  const budgetPoints = check.int('limits.budgetPoints', l.budgetPoints, 1, MAX_BUDGET, 'a number of points') ?? null;
  const budgetValueMinor = check.money('limits.budgetValue', l.budgetValue, currencyCode, 1, MAX_BUDGET) ?? null;
  const budgetCoupons = check.int('limits.budgetCoupons', l.budgetCoupons, 1, MAX_BUDGET, 'a number of coupons') ?? null;
  if (o && POINT_OFFERS.has(o.kind)) {
    if (budgetValueMinor !== null || budgetCoupons !== null) check.fail('limits', 'A points offer has a budget in points (budgetPoints)');
  } else if (o) {
    if (budgetPoints !== null) check.fail('limits.budgetPoints', 'A coupon offer has a budget in value (budgetValue) or in coupons (budgetCoupons)');
    if (o.kind === CampaignOfferKind.PERCENT_COUPON && budgetValueMinor !== null) check.fail('limits.budgetValue', "A percent coupon's value is known only when it is used: budget it in coupons (budgetCoupons)");
  }

  if (o && budgetValueMinor !== null && offer.valueMinor !== undefined) {
    if (offer.valueMinor < 1) check.fail('offer.value', 'A value budget needs an offer worth at least one minor unit');
    else if (offer.valueMinor > budgetValueMinor) check.fail('limits.budgetValue', 'The budget is smaller than one coupon: nothing could be issued');
  }
  // fields of another offer kind are refused, not silently dropped
  if (o) {
    const allowed: Record<CampaignOfferKind, string[]> = {
      [CampaignOfferKind.EXTRA_POINTS]: ['points'],
      [CampaignOfferKind.POINTS_MULTIPLIER]: ['percent'],
      [CampaignOfferKind.CASH_VOUCHER]: ['value', 'title', 'validDays'],
      [CampaignOfferKind.PERCENT_COUPON]: ['percent', 'title', 'validDays'],
      [CampaignOfferKind.GIFT_ITEM]: ['value', 'productId', 'title', 'validDays'],
    };
    for (const key of ['points', 'percent', 'value', 'productId'] as const) {
      if (o[key] != null && !allowed[o.kind]?.includes(key)) check.fail(`offer.${key}`, `${key} is not part of a ${o.kind} offer`);
    }
  }

  const priority = check.int('priority', input.priority, -1000, 1000, 'a whole number') ?? 0;
  const stacking = input.stacking ?? CampaignStacking.STACKABLE;
  const stackGroup = check.code('stackGroup', input.stackGroup);
  if (stackGroup && stacking === CampaignStacking.EXCLUSIVE) check.fail('stackGroup', 'An EXCLUSIVE campaign applies alone: a stack group is for STACKABLE ones');

  if (!check.ok || !campaignCode || !name) return null;
  return {
    code: campaignCode, name, description, status, startsAt: input.startsAt, endsAt, timeZone, windows,
    audienceCode, audienceRules, criteria, offer, perMemberLimit, perMemberPeriod,
    budgetPoints, budgetValueMinor, budgetCoupons, priority, stacking, stackGroup,
  };
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A campaign row (snake_case, as `select *` gives it) as the engine's definition. */
export function campaignDef(row: Record<string, unknown>, audiences: ReadonlyMap<string, AudienceRules>): CampaignDef {
  const audienceCode = (row.audience_code as string | null) ?? null;
  return {
    id: String(row.id),
    code: String(row.code),
    name: String(row.name),
    status: row.status as CampaignStatus,
    startsAt: date(row.starts_at),
    endsAt: row.ends_at ? date(row.ends_at) : null,
    timeZone: String(row.time_zone),
    windows: json<TimeWindow[]>(row.windows),
    audienceCode,
    // a campaign whose saved audience was since removed reaches nobody rather than everybody
    audience: audienceCode ? (audiences.get(audienceCode) ?? { tierCodes: [] }) : row.audience_rules ? json<AudienceRules>(row.audience_rules) : null,
    criteria: json<CampaignCriteria>(row.criteria),
    offer: json<CampaignOffer>(row.offer),
    perMemberLimit: numOrNull(row.per_member_limit),
    perMemberPeriod: row.per_member_period as LimitPeriod,
    budgetPoints: numOrNull(row.budget_points),
    budgetValueMinor: numOrNull(row.budget_value_minor),
    budgetCoupons: numOrNull(row.budget_coupons),
    priority: Number(row.priority),
    stacking: row.stacking as CampaignStacking,
    stackGroup: (row.stack_group as string | null) ?? null,
    createdAt: date(row.created_at),
  };
}

/** The saved audiences' rules by code. */
export async function audienceRulesByCode(em: EntityManager): Promise<Map<string, AudienceRules>> {
  const rows = await em.getConnection().execute<{ code: string; rules: unknown }[]>('select code, rules from audience');
  return new Map(rows.map((r) => [r.code, json<AudienceRules>(r.rules)]));
}

/** The ACTIVE campaigns, as earns evaluate them (cached per instance by ProgrammeCache). */
export async function loadActiveCampaigns(em: EntityManager): Promise<CampaignDef[]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(`select * from campaign where status = 'ACTIVE'`);
  if (rows.length === 0) return [];
  const audiences = await audienceRulesByCode(em);
  return rows.map((r) => campaignDef(r, audiences));
}

export type { CampaignRecord };
