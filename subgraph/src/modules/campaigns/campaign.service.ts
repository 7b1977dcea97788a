import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { money } from '../../common/money';
import { InputChecker } from '../../common/validation';
import { audienceCondition } from '../audiences/audience-rules';
import { AudienceTooSlow, oneOfFew } from '../audiences/audience.service';
import type { SaleEarnLine } from '../ledger/ledger.entities';
import { cashValueOf } from '../programme/programme.service';
import {
  CampaignStatus, chooseAwards, remainingOf, runsAt, saleCandidates,
  type CampaignDef, type CampaignSale,
} from './campaign-engine';
import { audienceRulesByCode, campaignDef, checkCampaignInput, type CampaignInputShape } from './campaign.definition';
import { formatClock } from './campaign-time';

/** A campaign row as the API shows it (LoyaltyCampaign). */
export function campaignView(row: Record<string, unknown>, currencyCode: string, now = new Date()) {
  const def = campaignDef(row, new Map());
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const spent = { points: Number(row.spent_points), valueMinor: Number(row.spent_value_minor), coupons: Number(row.issued_coupons) };
  const left = remainingOf(def, spent);
  const m = (v: number) => money(v, currencyCode);
  const k = def.criteria;
  return {
    id: def.id,
    code: def.code,
    name: def.name,
    description: (row.description as string | null) ?? null,
    status: def.status,
    runningNow: runsAt(def, now) === null,
    startsAt: def.startsAt,
    endsAt: def.endsAt,
    timeZone: def.timeZone,
    windows: def.windows.map((w) => ({ weekdays: w.weekdays, from: formatClock(w.fromMinute), to: formatClock(w.toMinute) })),
    audienceCode: def.audienceCode,
    hasInlineAudience: Boolean(row.audience_rules),
    criteria: { ...k, minSpend: k.minSpendMinor !== undefined ? m(k.minSpendMinor) : null, firstPurchase: Boolean(k.firstPurchase), nthVisit: k.nthVisit ?? null },
    offer: { ...def.offer, value: def.offer.valueMinor !== undefined ? m(def.offer.valueMinor) : null },
    perMemberLimit: def.perMemberLimit,
    perMemberPeriod: def.perMemberPeriod,
    budget: {
      points: n(row.budget_points),
      pointsGiven: spent.points,
      value: def.budgetValueMinor !== null ? m(def.budgetValueMinor) : null,
      valueIssued: m(spent.valueMinor),
      coupons: def.budgetCoupons,
      couponsIssued: spent.coupons,
      exhausted: left.points === 0 || left.coupons === 0 || (left.valueMinor !== null && left.valueMinor < (def.offer.valueMinor ?? 1)),
    },
    priority: def.priority,
    stacking: def.stacking,
    stackGroup: def.stackGroup,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}

async function audienceCodes(em: EntityManager): Promise<Set<string>> {
  const rows = await em.getConnection().execute<{ code: string }[]>('select code from audience');
  return new Set(rows.map((r) => r.code));
}

/** Creates a campaign, or replaces the one of the same code (keeping what its budget has used). */
export async function saveCampaign(ctx: RequestContext, input: CampaignInputShape): Promise<{ campaign: ReturnType<typeof campaignView> | null; userErrors: UserError[] }> {
  const settings = await ctx.loaders.settings();
  const em = ctx.em.fork();
  const known = await audienceCodes(em);
  const check = new InputChecker();
  const c = checkCampaignInput(check, input, settings.currencyCode, (code) => known.has(code));
  if (!c) return { campaign: null, userErrors: check.errors };
  const now = new Date();
  const [row] = await em.getConnection().execute<Record<string, unknown>[]>(
    `insert into campaign (id, code, name, description, status, starts_at, ends_at, time_zone, windows, audience_code, audience_rules, criteria, offer,
                           per_member_limit, per_member_period, budget_points, budget_value_minor, budget_coupons, priority, stacking, stack_group, created_at, updated_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (code) do update set name = excluded.name, description = excluded.description, status = excluded.status, starts_at = excluded.starts_at,
       ends_at = excluded.ends_at, time_zone = excluded.time_zone, windows = excluded.windows, audience_code = excluded.audience_code,
       audience_rules = excluded.audience_rules, criteria = excluded.criteria, offer = excluded.offer, per_member_limit = excluded.per_member_limit,
       per_member_period = excluded.per_member_period, budget_points = excluded.budget_points, budget_value_minor = excluded.budget_value_minor,
       budget_coupons = excluded.budget_coupons, priority = excluded.priority, stacking = excluded.stacking, stack_group = excluded.stack_group,
       updated_at = excluded.updated_at,
       -- a budget added to a running campaign starts from what the campaign has already given
       spent_points = case when campaign.budget_points is null and excluded.budget_points is not null
         then (select coalesce(sum(a.points), 0) from campaign_award a where a.campaign_id = campaign.id) else campaign.spent_points end,
       spent_value_minor = case when campaign.budget_value_minor is null and excluded.budget_value_minor is not null
         then (select coalesce(sum(a.value_minor), 0) from campaign_award a where a.campaign_id = campaign.id) else campaign.spent_value_minor end,
       issued_coupons = case when campaign.budget_coupons is null and excluded.budget_coupons is not null
         then (select count(a.coupon_code) from campaign_award a where a.campaign_id = campaign.id) else campaign.issued_coupons end
     returning *`,
    [c.code, c.name, c.description, c.status, c.startsAt, c.endsAt, c.timeZone, JSON.stringify(c.windows), c.audienceCode, c.audienceRules ? JSON.stringify(c.audienceRules) : null,
      JSON.stringify(c.criteria), JSON.stringify(c.offer), c.perMemberLimit, c.perMemberPeriod, c.budgetPoints, c.budgetValueMinor, c.budgetCoupons,
      c.priority, c.stacking, c.stackGroup, now, now],
  );
  ctx.programme.invalidate();
  return { campaign: campaignView(row!, settings.currencyCode), userErrors: [] };
}

export async function setCampaignStatus(ctx: RequestContext, code: string, status: CampaignStatus): Promise<{ campaign: ReturnType<typeof campaignView> | null; userErrors: UserError[] }> {
  const settings = await ctx.loaders.settings();
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>('update campaign set status = ?, updated_at = ? where code = ? returning *', [status, new Date(), (code ?? '').trim().toUpperCase()]);
  if (!rows[0]) return { campaign: null, userErrors: [userError(ErrorCode.CAMPAIGN_NOT_FOUND, 'No campaign has this code', ['input', 'code'])] };
  ctx.programme.invalidate();
  return { campaign: campaignView(rows[0], settings.currencyCode), userErrors: [] };
}

export async function listCampaigns(ctx: RequestContext, status: CampaignStatus | null) {
  const settings = await ctx.loaders.settings();
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `select * from campaign where (?::text is null or status = ?::text) order by priority desc, created_at, code`,
    [status, status],
  );
  return rows.map((r) => campaignView(r, settings.currencyCode));
}

export async function campaignByCode(ctx: RequestContext, code: string) {
  const settings = await ctx.loaders.settings();
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>('select * from campaign where code = ?', [code.trim().toUpperCase()]);
  return rows[0] ? campaignView(rows[0], settings.currencyCode) : null;
}

/** The longest period a simulation replays. */
export const MAX_SIMULATION_DAYS = 400;
const PAGE = 2000;

export interface SimulationResult {
  salesReplayed: number;
  salesRewarded: number;
  membersReached: number;
  points: number;
  coupons: number;
  couponValueMinor: number;
  costMinor: number;
  budgetExhaustedAt: Date | null;
}

/**
 * Replays the sales recorded in [from, to) (by when they happened, in the order they were booked)
 * against a draft campaign, alone, with the engine the earn uses: its limits and budget counted
 * from zero as the replay goes; each sale judged at the time the earn would have judged it (its
 * occurredAt within the offline grace of its booking, else its booking); the audience and the
 * visits as of that time, from the sales booked before it. Read-only, one page of sales at a time,
 * at most AUDIENCE_CONCURRENCY at once per instance, within 4 x LOYALTY_AUDIENCE_TIMEOUT_MS.
 */
export async function simulateCampaign(
  ctx: RequestContext,
  input: CampaignInputShape,
  from: Date,
  to: Date,
): Promise<{ result: SimulationResult | null; currencyCode: string; userErrors: UserError[] }> {
  const settings = await ctx.loaders.settings();
  const em = ctx.em.fork();
  const known = await audienceRulesByCode(em);
  const check = new InputChecker();
  const c = checkCampaignInput(check, input, settings.currencyCode, (code) => known.has(code));
  const dates = new InputChecker([]);
  const now = new Date();
  if (!(from < to)) dates.fail('to', 'to must be after from');
  else if (to.getTime() - from.getTime() > MAX_SIMULATION_DAYS * 86_400_000) dates.fail('to', `A simulation replays at most ${MAX_SIMULATION_DAYS} days`);
  if (from > now) dates.fail('from', 'from is in the future: there are no sales to replay');
  if (!c || !dates.ok) return { result: null, currencyCode: settings.currencyCode, userErrors: [...check.errors, ...dates.errors] };
  const until = to < now ? to : now;
  const def: CampaignDef = {
    ...c, id: '00000000-0000-0000-0000-000000000000', status: CampaignStatus.ACTIVE, createdAt: now,
    audience: c.audienceCode ? (known.get(c.audienceCode) ?? null) : c.audienceRules,
  };
  const out: SimulationResult = { salesReplayed: 0, salesRewarded: 0, membersReached: 0, points: 0, coupons: 0, couponValueMinor: 0, costMinor: 0, budgetExhaustedAt: null };
  const spent = { points: 0, valueMinor: 0, coupons: 0 };
  const awardsBy = new Map<string, number>();
  const reached = new Set<string>();
  const countsVisits = Boolean(def.criteria.firstPurchase || def.criteria.nthVisit);
  const grace = ctx.config.campaignOfflineGraceMs;
  // the time the earn judged the sale at (campaign.apply.ts campaignTime), in SQL
  const judgedAt = `(case when x.occurred_at >= x.created_at - make_interval(secs => ${grace / 1000}) then x.occurred_at else x.created_at end)`;
  const audience = def.audience ? audienceCondition(def.audience, { sql: judgedAt, bookedBefore: '(x.created_at, x.id)' }) : null;
  const deadline = Date.now() + 4 * ctx.config.audienceTimeoutMs;
  try {
    await oneOfFew(() => em.transactional(async (tx) => {
      await tx.execute('set transaction read only');
      await tx.execute(`set local statement_timeout = ${Math.trunc(ctx.config.audienceTimeoutMs)}`);
      let after: { createdAt: Date; id: string } | null = null;
      for (;;) {
        if (Date.now() > deadline) throw new AudienceTooSlow();
        const page: Record<string, unknown>[] = await tx.execute<Record<string, unknown>[]>(
          `select x.id, x.member_id, x.channel, x.store_id, ${judgedAt} as judged_at, x.created_at, x.lines
             ${audience ? `, (select ${audience.sql} from member m where m.id = x.member_id) as in_audience` : ''}
             ${countsVisits ? ', (select count(*) from sale_earn p where p.member_id = x.member_id and (p.created_at, p.id) < (x.created_at, x.id)) as prior' : ''}
             from sale_earn x
            where x.occurred_at >= ? and x.occurred_at < ? and (?::timestamptz is null or (x.created_at, x.id) > (?::timestamptz, ?::uuid))
            order by x.created_at, x.id limit ?`,
          [...(audience?.params ?? []), from, until, after?.createdAt ?? null, after?.createdAt ?? null, after?.id ?? null, PAGE],
        );
        if (page.length === 0) break;
        for (const r of page) {
          out.salesReplayed++;
          const memberId = String(r.member_id);
          const lines = (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as SaleEarnLine[];
          const sale: CampaignSale = {
            channel: String(r.channel),
            storeId: (r.store_id as string | null) ?? null,
            at: new Date(r.judged_at as string),
            lines: lines.map((l) => ({ productId: l.productId, categoryId: l.categoryId ?? null, quantity: l.quantity, unitPrice: l.unitPrice, points: l.points, excluded: l.excluded === true })),
          };
          const { candidates } = saleCandidates([def], sale);
          if (candidates.length === 0) continue;
          const { awards } = chooseAwards(candidates, sale, {
            hasMember: true,
            inAudience: () => r.in_audience === true,
            priorVisits: Number(r.prior ?? 0),
            awardsInPeriod: (_, key) => awardsBy.get(`${memberId}:${key}`) ?? 0,
            remaining: () => remainingOf(def, spent),
          });
          for (const a of awards) {
            out.salesRewarded++;
            reached.add(memberId);
            awardsBy.set(`${memberId}:${a.periodKey}`, (awardsBy.get(`${memberId}:${a.periodKey}`) ?? 0) + 1);
            out.points += a.points;
            spent.points += a.points;
            spent.valueMinor += a.valueMinor;
            if (a.coupon) {
              out.coupons++;
              spent.coupons++;
              out.couponValueMinor += a.valueMinor;
            }
            const left = remainingOf(def, spent);
            if (!out.budgetExhaustedAt && (left.points === 0 || left.coupons === 0 || (left.valueMinor !== null && left.valueMinor < (def.offer.valueMinor ?? 1)))) out.budgetExhaustedAt = sale.at;
          }
        }
        const last = page[page.length - 1]!;
        after = { createdAt: new Date(last.created_at as string), id: String(last.id) };
        if (page.length < PAGE) break;
      }
    }));
  } catch (e) {
    if (!(e instanceof AudienceTooSlow) && (e as { code?: string }).code !== '57014') throw e;
    const seconds = (4 * ctx.config.audienceTimeoutMs) / 1000;
    return { result: null, currencyCode: settings.currencyCode, userErrors: [userError(ErrorCode.INVALID_INPUT, `Replaying this period took too long (over ${seconds} s, or one page over LOYALTY_AUDIENCE_TIMEOUT_MS): replay a shorter period`, ['to'])] };
  }
  out.membersReached = reached.size;
  out.costMinor = cashValueOf(settings, out.points) + out.couponValueMinor;
  // the API's figures are Ints: a replay beyond that is clamped (a budget would stop it long before)
  for (const k of ['points', 'couponValueMinor', 'costMinor'] as const) out[k] = Math.min(out[k], 2_147_483_647);
  return { result: out, currencyCode: settings.currencyCode, userErrors: [] };
}

