import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { money } from '../../common/money';
import { InputChecker } from '../../common/validation';
import { isTimeZone } from '../campaigns/campaign-time';
import { cashValueOf } from '../programme/programme.service';
import { AnalyticsBucket, emptyFlow, pointsFlow, type PointsFlow } from './points-flow';
import { PointsFlowType } from './analytics.type';

/** The most buckets one query answers. */
const MAX_BUCKETS = 1000;
const DAYS: Record<AnalyticsBucket, number> = { DAY: 1, WEEK: 7, MONTH: 28 };

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
    const b = bucket ?? AnalyticsBucket.DAY;
    const tz = timeZone ?? 'UTC';
    if (!(from < to)) check.fail('to', 'to must be after from');
    else if ((to.getTime() - from.getTime()) / 86_400_000 / DAYS[b] > MAX_BUCKETS) check.fail('bucket', `At most ${MAX_BUCKETS} buckets: a shorter range or a larger bucket`);
    if (!isTimeZone(tz)) check.fail('timeZone', `timeZone ${tz} is not an IANA time zone (e.g. Europe/London)`);
    const m = (points: number) => money(cashValueOf(settings, Math.max(0, points)), settings.currencyCode);
    if (!check.ok) return { buckets: [], totals: emptyFlow(), openingOutstanding: 0, closingOutstanding: 0, closingLiability: m(0), breakageRate: null, redemptionRate: null, userErrors: check.errors };
    const out = await pointsFlow(ctx.em.fork(), { from, to, bucket: b, timeZone: tz });
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
}
