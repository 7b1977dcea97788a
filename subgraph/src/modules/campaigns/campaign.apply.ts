import type { EntityManager } from '@mikro-orm/postgresql';
import { audienceCondition } from '../audiences/audience-rules';
import { issueOfferCoupon, offerCouponText } from '../coupons/offer-coupon';
import type { EarnCalculation } from '../earning/earn-calculator';
import type { ValidSale } from '../earning/sale.validation';
import { allocate } from '../../common/allocation';
import { ACCOUNT, MAX_POINTS, type MemberLedger } from '../ledger/ledger.core';
import { LedgerEntryType, LotStatus, type SaleEarnLine } from '../ledger/ledger.entities';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import {
  CampaignStatus, chooseAwards, hasBudget, memberReason, needsMember, remainingOf, saleCandidates,
  type CampaignAwardPlan, type CampaignDef, type CampaignFacts, type CampaignSale, type CampaignSkip, type Candidate,
} from './campaign-engine';

/** What a campaign gave a sale, as earns answer it and store it with their idempotency key. */
export interface CampaignAwardView {
  campaignId: string;
  code: string;
  name: string;
  points: number;
  couponCode: string | null;
}

/**
 * When campaigns judge a sale: when it happened, if that is within `graceMs` of `now` (an offline
 * till replaying its sales); an older `occurredAt` is judged at `now`, so a backdated sale cannot
 * reach a past window or spread itself over past limit periods.
 */
export function campaignTime(occurredAt: Date, now: Date, graceMs: number): Date {
  return occurredAt.getTime() >= now.getTime() - graceMs ? occurredAt : now;
}

/** The sale as campaigns see it: prices paid and the points the earning rules gave each line. */
export function campaignSale(paid: ValidSale, calc: EarnCalculation, storeId: string | null, at: Date): CampaignSale {
  return {
    channel: paid.channel,
    storeId,
    at,
    lines: paid.lines.map((l, i) => ({ ...l, points: calc.lines[i]?.points ?? 0, excluded: calc.lines[i]?.excluded ?? false })),
  };
}

/**
 * Whether some ACTIVE campaign may apply to the sale by its period, store, channel and lines
 * alone (before the earning rules ran): such a sale takes the general earn path.
 */
export function campaignsMayApply(campaigns: readonly CampaignDef[], sale: ValidSale, storeId: string | null, at: Date): boolean {
  if (campaigns.length === 0) return false;
  const lines = sale.lines.map((l) => ({ ...l, points: 0, excluded: false }));
  return saleCandidates(campaigns, { channel: sale.channel, storeId, at, lines }).candidates.length > 0;
}

/** What the database says about the member for these candidates, read before the sale is recorded. */
export interface MemberFactsRead {
  audience: Map<string, boolean>;
  priorVisits: number;
  /** Awards per `${campaignId}:${periodKey}`. */
  awards: Map<string, number>;
}

/**
 * One statement: whether the member is in each candidate's audience (as of the sale's time), how
 * many sales they had earned on, and their awards per campaign and limit period. Read before the
 * sale itself is recorded, so a win-back audience ("bought nothing for 90 days") still holds.
 */
export async function readMemberFacts(em: EntityManager, memberId: string, candidates: readonly Candidate[], at: Date): Promise<MemberFactsRead> {
  const facts: MemberFactsRead = { audience: new Map(), priorVisits: 0, awards: new Map() };
  const asking = candidates.filter((c) => needsMember(c.campaign));
  if (asking.length === 0) return facts;
  const select: string[] = [];
  const params: unknown[] = [];
  const withAudience = asking.filter((c) => c.campaign.audience);
  withAudience.forEach((c, i) => {
    const cond = audienceCondition(c.campaign.audience!, at);
    select.push(`(${cond.sql}) as a${i}`);
    params.push(...cond.params);
  });
  select.push('(select count(*) from sale_earn s where s.member_id = m.id) as visits');
  const limited = asking.filter((c) => c.campaign.perMemberLimit).map((c) => c.campaign.id);
  select.push(`(select coalesce(json_object_agg(x.k, x.n), '{}'::json) from (
      select a.campaign_id || ':' || a.period_key as k, count(*) as n from campaign_award a
       where a.member_id = m.id and a.campaign_id = any(?::uuid[]) group by 1) x) as awards`);
  params.push(`{${limited.join(',')}}`, memberId);
  const rows = await em.execute<Record<string, unknown>[]>(`select ${select.join(', ')} from member m where m.id = ?`, params);
  const row = rows[0];
  if (!row) return facts;
  withAudience.forEach((c, i) => facts.audience.set(c.campaign.id, row[`a${i}`] === true));
  facts.priorVisits = Number(row.visits);
  const awards = (typeof row.awards === 'string' ? JSON.parse(row.awards) : row.awards) as Record<string, number>;
  for (const [k, n] of Object.entries(awards ?? {})) facts.awards.set(k, Number(n));
  return facts;
}

/** The engine's facts from what was read, with budgets left as given. */
export function engineFacts(read: MemberFactsRead | null, remaining: CampaignFacts['remaining']): CampaignFacts {
  return {
    hasMember: read !== null,
    inAudience: (c) => read?.audience.get(c.id) ?? false,
    priorVisits: read?.priorVisits ?? 0,
    awardsInPeriod: (c, key) => read?.awards.get(`${c.id}:${key}`) ?? 0,
    remaining,
  };
}

function describe(a: CampaignAwardPlan): string {
  const what = a.coupon ? 'a coupon' : `${a.points} points`;
  return `campaign ${a.campaign.code} (${a.campaign.name}): ${what}`.slice(0, 500);
}

/**
 * Books what the campaigns give a sale the member just earned on, in the earn's transaction with
 * the member's wallet locked: locks the budgeted candidates' rows (in id order, so two earns never
 * wait on each other in a circle), decides with the engine on the budgets left, posts each
 * campaign's points as a BONUS entry with a lot of its own (pending like the sale's points), or
 * issues its coupon, records the award, raises the budgets, and writes each campaign's points per
 * line into the sale's record, which returns reverse from.
 */
export async function bookCampaignAwards(
  em: EntityManager,
  ledger: MemberLedger,
  candidates: readonly Candidate[],
  sale: CampaignSale,
  read: MemberFactsRead,
  b: { saleEarnId: string; channel: string; saleId: string; settings: ProgrammeSettings; lines: SaleEarnLine[]; pending: boolean; availableAt: Date | null; expiresAt: Date | null },
): Promise<CampaignAwardView[]> {
  // only campaigns the member may have lock anything; the rows (not this instance's cache) say which
  // have a budget, so a budget added on another replica a moment ago holds here too
  const facts = engineFacts(read, () => ({ points: null, valueMinor: null, coupons: null }));
  const eligible = candidates.filter((c) => memberReason(c.campaign, sale, facts) === null);
  const ids = eligible.map((c) => c.campaign.id).sort();
  const locked = new Map<string, Record<string, unknown>>();
  if (ids.length > 0) {
    const rows = await em.execute<Record<string, unknown>[]>(
      `select id, status, budget_points, budget_value_minor, budget_coupons, spent_points, spent_value_minor, issued_coupons
         from campaign where id = any(?::uuid[]) and (budget_points is not null or budget_value_minor is not null or budget_coupons is not null)
        order by id for update`,
      [`{${ids.join(',')}}`],
    );
    for (const r of rows) locked.set(String(r.id), r);
  }
  // a budgeted campaign paused on another replica since this one cached it: the locked row decides
  const usable = eligible.filter((c) => !locked.has(c.campaign.id) || locked.get(c.campaign.id)!.status === CampaignStatus.ACTIVE);
  const remaining: CampaignFacts['remaining'] = (c) => {
    const r = locked.get(c.id);
    if (!r) return { points: null, valueMinor: null, coupons: null };
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return remainingOf(
      { ...c, budgetPoints: n(r.budget_points), budgetValueMinor: n(r.budget_value_minor), budgetCoupons: n(r.budget_coupons) },
      { points: Number(r.spent_points), valueMinor: Number(r.spent_value_minor), coupons: Number(r.issued_coupons) },
    );
  };
  const { awards } = chooseAwards(usable, sale, engineFacts(read, remaining));
  const views: CampaignAwardView[] = [];
  for (const a of awards) {
    if (a.points > 0) {
      // a wallet holds at most MAX_POINTS (GraphQL Int): an award that would pass it is cut to what fits
      const w = ledger.wallet;
      const room = Math.min(MAX_POINTS - (Math.max(w.available, 0) + w.pending + w.held), MAX_POINTS - w.lifetimeEarned);
      if (room <= 0) continue;
      if (a.points > room) {
        a.linePoints = allocate(room, a.linePoints.map((p) => BigInt(p)));
        a.points = room;
      }
    }
    let entryId: string | null = null;
    let lotId: string | null = null;
    let couponCode: string | null = null;
    const refs = { saleId: b.saleId, channel: b.channel, campaignId: a.campaign.id, reason: describe(a) };
    if (a.points > 0) {
      const before = ledger.wallet.available;
      entryId = await ledger.post(LedgerEntryType.BONUS, [{ account: ACCOUNT.BONUS, amount: -a.points }, { account: b.pending ? ACCOUNT.PENDING : ACCOUNT.AVAILABLE, amount: a.points }], refs);
      lotId = await ledger.createLot(entryId, a.points, b.pending ? LotStatus.PENDING : LotStatus.AVAILABLE, before, { availableAt: b.availableAt, expiresAt: b.expiresAt });
      // bonus points: lifetime earned, not tier points (docs/campaigns.md)
      ledger.wallet.lifetimeEarned += a.points;
      ledger.touch();
      a.linePoints.forEach((p, i) => {
        if (p > 0) (b.lines[i]!.campaigns ??= []).push({ campaignId: a.campaign.id, points: p, returnedPoints: 0 });
      });
    } else if (a.coupon) {
      const coupon = await issueOfferCoupon(em, ledger.wallet.memberId, a.coupon, {
        title: `${offerCouponText(a.coupon, b.settings.currencyCode)} (${a.campaign.name})`, issuedBy: `campaign:${a.campaign.code}`,
        campaignId: a.campaign.id, now: ledger.now, settings: b.settings,
      });
      couponCode = coupon.code;
      entryId = await ledger.note(LedgerEntryType.COUPON_ISSUE, { ...refs, couponCode });
    }
    await em.execute(
      `insert into campaign_award (id, campaign_id, member_id, sale_earn_id, channel, sale_id, period_key, points, coupon_code, value_minor, entry_id, lot_id, occurred_at, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [a.campaign.id, ledger.wallet.memberId, b.saleEarnId, b.channel, b.saleId, a.periodKey, a.points, couponCode, a.valueMinor, entryId, lotId, sale.at, ledger.now],
    );
    if (locked.has(a.campaign.id)) {
      await em.execute('update campaign set spent_points = spent_points + ?, spent_value_minor = spent_value_minor + ?, issued_coupons = issued_coupons + ? where id = ?', [
        a.points, a.valueMinor, a.coupon ? 1 : 0, a.campaign.id,
      ]);
    }
    views.push({ campaignId: a.campaign.id, code: a.campaign.code, name: a.campaign.name, points: a.points, couponCode });
  }
  if (views.some((v) => v.points > 0)) await em.execute('update sale_earn set lines = ?::jsonb where id = ?', [JSON.stringify(b.lines), b.saleEarnId]);
  return views;
}

/**
 * What the campaigns would give the sale, without writing or locking anything: the preview's and
 * the quote's answer. Without a member, campaigns that need one (audience, visits, a per-member
 * limit) are skipped with NEEDS_MEMBER. Budgets as they stand now.
 */
export async function previewCampaigns(em: EntityManager, campaigns: readonly CampaignDef[], sale: CampaignSale, memberId: string | null): Promise<{ awards: CampaignAwardPlan[]; skipped: CampaignSkip[] }> {
  const { candidates, skipped } = saleCandidates(campaigns, sale);
  if (candidates.length === 0) return { awards: [], skipped };
  const read = memberId ? await readMemberFacts(em, memberId, candidates, sale.at) : null;
  const budgeted = candidates.filter((c) => hasBudget(c.campaign)).map((c) => c.campaign.id);
  const spent = new Map<string, { points: number; valueMinor: number; coupons: number }>();
  if (budgeted.length > 0) {
    const rows = await em.execute<Record<string, string>[]>('select id, spent_points, spent_value_minor, issued_coupons from campaign where id = any(?::uuid[])', [`{${budgeted.join(',')}}`]);
    for (const r of rows) spent.set(String(r.id), { points: Number(r.spent_points), valueMinor: Number(r.spent_value_minor), coupons: Number(r.issued_coupons) });
  }
  const chosen = chooseAwards(candidates, sale, engineFacts(read, (c) => remainingOf(c, spent.get(c.id) ?? { points: 0, valueMinor: 0, coupons: 0 })));
  return { awards: chosen.awards, skipped: [...chosen.skipped, ...skipped] };
}

/**
 * When a whole sale has come back, the unused coupons campaigns issued for it are voided (a note in
 * the member's log names each): buying, collecting the reward and returning everything gives
 * nothing. Returns their codes.
 */
export async function voidCampaignCouponsOfSale(em: EntityManager, ledger: MemberLedger, saleEarnId: string, refs: { saleId: string; channel: string }): Promise<string[]> {
  const rows = await em.execute<{ code: string; campaign_id: string }[]>(
    `update coupon c set status = 'VOIDED', voided_at = ?, void_reason = 'the sale that earned it was returned' from campaign_award a
      where a.sale_earn_id = ? and a.coupon_code = c.code and c.status = 'ACTIVE' returning c.code, a.campaign_id`,
    [ledger.now, saleEarnId],
  );
  for (const r of rows) {
    await ledger.note(LedgerEntryType.COUPON_VOID, { couponCode: r.code, campaignId: r.campaign_id, saleId: refs.saleId, channel: refs.channel, reason: 'campaign coupon voided: the sale that earned it was returned' });
  }
  return rows.map((r) => r.code);
}
