import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { ErrorCode } from '../../common/errors';
import { money, moneyTotal } from '../../common/money';
import { InputChecker } from '../../common/validation';
import { isTimeZone } from '../campaigns/campaign-time';
import { cashValueOf } from '../programme/programme.service';
import { AnalyticsBucket, type AnalyticsRange } from './buckets';
import { knownStore, memberSales, type MemberSalesFigures, type SalesFilter } from './member-sales';
import { emptyFlow, pointsFlow, type PointsFlow } from './points-flow';
import { levelDistributions, levelMovements, type LevelCount, type LevelMove } from './levels';
import { automationResults, campaignResults, type OfferResult } from './campaign-results';
import { couponFunnel } from './coupon-funnel';
import { CouponKind } from '../coupons/coupon.entity';
import { CouponFunnelType, LevelReportType, MemberSalesType, OfferResultsType, PointsFlowType } from './analytics.type';
import type { Tier } from '../tiers/tier.entity';

/** The most buckets one query answers. */
const MAX_BUCKETS = 1000;
const DAYS: Record<AnalyticsBucket, number> = { DAY: 1, WEEK: 7, MONTH: 28 };

/** The range asked for, or null with userErrors in `check`. */
function checkRange(check: InputChecker, from: Date, to: Date, bucket: AnalyticsBucket | null, timeZone: string | null): AnalyticsRange | null {
  const b = bucket ?? AnalyticsBucket.DAY;
  const tz = timeZone ?? 'UTC';
  if (!(from < to)) check.fail('to', 'to must be after from');
  else if ((to.getTime() - from.getTime()) / 86_400_000 / DAYS[b] > MAX_BUCKETS) check.fail('bucket', `At most ${MAX_BUCKETS} buckets: a shorter range or a larger bucket`);
  if (!isTimeZone(tz)) check.fail('timeZone', `timeZone ${tz} is not an IANA time zone (e.g. Europe/London)`);
  return check.ok ? { from, to, bucket: b, timeZone: tz } : null;
}

/** The store and channel filters, or null with userErrors in `check` (a store no sale or enrolment names is unknown). */
async function checkFilter(ctx: RequestContext, check: InputChecker, storeId: string | null, channel: string | null): Promise<SalesFilter | null> {
  const id = (field: string, value: string | null) => {
    const v = check.text(field, value, 64, { label: field });
    if (v && !/^[A-Za-z0-9_.-]+$/.test(v)) check.fail(field, `${field} may use letters, digits, _ . - only`);
    return v;
  };
  const store = id('storeId', storeId);
  const ch = id('channel', channel);
  if (store && !(await knownStore(ctx.em.fork(), store))) check.fail('storeId', `No sale or enrolment names store ${store}`, ErrorCode.STORE_NOT_FOUND);
  return check.ok ? { storeId: store, channel: ch } : null;
}

@Resolver()
export class AnalyticsResolver {
  @StaffOnly()
  @Authorized('admin')
  @Query(() => PointsFlowType, { description: 'Points issued, given as bonuses, redeemed, expired, returned, adjusted and turned into coupons per bucket, with what members hold and its value (admins).' })
  async loyaltyPointsFlow(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive.' }) to: Date,
    @Arg('bucket', () => AnalyticsBucket, { nullable: true, description: 'Default DAY.' }) bucket: AnalyticsBucket | null,
    @Arg('timeZone', () => String, { nullable: true, description: 'IANA time zone of the buckets; default UTC.' }) timeZone: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const settings = await ctx.loaders.settings();
    const check = new InputChecker([]);
    const range = checkRange(check, from, to, bucket, timeZone);
    const m = (points: number) => money(cashValueOf(settings, Math.max(0, points)), settings.currencyCode);
    if (!range) return { buckets: [], totals: emptyFlow(), openingOutstanding: 0, closingOutstanding: 0, closingLiability: m(0), breakageRate: null, redemptionRate: null, userErrors: check.errors };
    const out = await pointsFlow(ctx.em.fork(), range);
    const totals = emptyFlow();
    for (const x of out.buckets) for (const k of Object.keys(totals) as (keyof PointsFlow)[]) totals[k] += x[k];
    const closing = out.buckets.length ? out.buckets[out.buckets.length - 1]!.outstandingAtEnd : out.opening;
    const given = totals.issued + totals.bonus;
    return {
      buckets: out.buckets.map((x) => ({ ...x, liabilityAtEnd: m(x.outstandingAtEnd) })),
      totals,
      openingOutstanding: out.opening,
      closingOutstanding: closing,
      closingLiability: m(closing),
      breakageRate: given > 0 ? totals.expired / given : null,
      redemptionRate: given > 0 ? (totals.redeemed + totals.intoCoupons) / given : null,
      userErrors: [],
    };
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => MemberSalesType, { description: 'Members enrolled and active, their sales, repeat rate, loyalty index and the share of sales value from returning members, per bucket (admins).' })
  async loyaltyMemberSales(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive.' }) to: Date,
    @Arg('bucket', () => AnalyticsBucket, { nullable: true, description: 'Default DAY.' }) bucket: AnalyticsBucket | null,
    @Arg('timeZone', () => String, { nullable: true, description: 'IANA time zone of the buckets; default UTC.' }) timeZone: string | null,
    @Arg('storeId', () => String, { nullable: true, description: 'Only sales (and enrolments) at this store.' }) storeId: string | null,
    @Arg('channel', () => String, { nullable: true, description: 'Only sales in this channel (e.g. store, web, app).' }) channel: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const settings = await ctx.loaders.settings();
    const check = new InputChecker([]);
    const range = checkRange(check, from, to, bucket, timeZone);
    const filter = await checkFilter(ctx, check, storeId, channel);
    if (!range || !filter) return { buckets: [], totals: null, userErrors: check.errors };
    const out = await memberSales(ctx.em.fork(), range, filter);
    const shape = (f: MemberSalesFigures) => ({
      ...f,
      salesValue: moneyTotal(f.salesValue, settings.currencyCode),
      returnedValue: moneyTotal(f.returnedValue, settings.currencyCode),
      returningSalesValue: moneyTotal(f.returningSalesValue, settings.currencyCode),
    });
    return { buckets: out.buckets.map((b) => ({ start: b.start, ...shape(b) })), totals: shape(out.totals), userErrors: [] };
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => LevelReportType, { description: 'Members by level at the end of the range and now, and upgrades and downgrades per bucket, from level to level (admins).' })
  async loyaltyLevelMovements(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive.' }) to: Date,
    @Arg('bucket', () => AnalyticsBucket, { nullable: true, description: 'Default DAY.' }) bucket: AnalyticsBucket | null,
    @Arg('timeZone', () => String, { nullable: true, description: 'IANA time zone of the buckets; default UTC.' }) timeZone: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const check = new InputChecker([]);
    const range = checkRange(check, from, to, bucket, timeZone);
    if (!range) return { distributionAtEnd: [], distributionNow: [], buckets: [], totals: { upgrades: 0, downgrades: 0, movements: [] }, userErrors: check.errors };
    const em = ctx.em.fork();
    const tiers = [...(await ctx.programme.tiers(em))].sort((a, b) => a.rank - b.rank);
    const tier = (id: string | null) => tiers.find((t) => t.id === id) ?? null;
    const rank = (t: Tier | null) => t?.rank ?? -Infinity;
    const entry = tiers[0]?.id ?? null;
    const counts = (list: LevelCount[]) => list.map((c) => ({ tier: tier(c.tierId), members: c.members })).sort((a, b) => rank(a.tier) - rank(b.tier));
    const moves = (list: LevelMove[]) => {
      const shaped = list.map((m) => ({ from: tier(m.fromTierId), to: tier(m.toTierId), members: m.members })).map((m) => ({ ...m, upgrade: rank(m.to) > rank(m.from) }));
      shaped.sort((a, b) => b.members - a.members || rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
      return { upgrades: shaped.filter((m) => m.upgrade).reduce((n, m) => n + m.members, 0), downgrades: shaped.filter((m) => !m.upgrade).reduce((n, m) => n + m.members, 0), movements: shaped };
    };
    const buckets = await levelMovements(em, range, entry);
    const all = new Map<string, LevelMove>();
    for (const m of buckets.flatMap((b) => b.moves)) {
      const key = `${m.fromTierId}>${m.toTierId}`;
      const seen = all.get(key);
      if (seen) seen.members += m.members;
      else all.set(key, { ...m });
    }
    const distribution = await levelDistributions(em, range.to, entry);
    return {
      distributionAtEnd: counts(distribution.atEnd),
      distributionNow: counts(distribution.now),
      buckets: buckets.map((b) => ({ start: b.start, ...moves(b.moves) })),
      totals: moves([...all.values()]),
      userErrors: [],
    };
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => OfferResultsType, { description: 'Per campaign and per automation in the range: points given, coupons issued and redeemed, members reached and their sales (admins).' })
  async loyaltyOfferResults(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive.' }) to: Date,
    @Ctx() ctx: RequestContext,
  ) {
    const settings = await ctx.loaders.settings();
    const check = new InputChecker([]);
    if (!checkRange(check, from, to, AnalyticsBucket.DAY, null)) return { campaigns: [], automations: [], userErrors: check.errors };
    const em = ctx.em.fork();
    const shape = (r: OfferResult) => ({ ...r, salesValueOfMembersReached: moneyTotal(r.salesValueOfMembersReached, settings.currencyCode), incrementalSalesValue: null });
    return { campaigns: (await campaignResults(em, from, to)).map(shape), automations: (await automationResults(em, from, to)).map(shape), userErrors: [] };
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => CouponFunnelType, { description: 'Coupons issued, redeemed, voided, expired and still open per bucket and kind, with the redemption rate (admins).' })
  async loyaltyCouponFunnel(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive.' }) to: Date,
    @Arg('bucket', () => AnalyticsBucket, { nullable: true, description: 'Default DAY.' }) bucket: AnalyticsBucket | null,
    @Arg('timeZone', () => String, { nullable: true, description: 'IANA time zone of the buckets; default UTC.' }) timeZone: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const check = new InputChecker([]);
    const range = checkRange(check, from, to, bucket, timeZone);
    if (!range) return { buckets: [], totals: null, userErrors: check.errors };
    return { ...(await couponFunnel(ctx.em.fork(), range, Object.values(CouponKind))), userErrors: [] };
  }
}
