import type { Principal } from '../../auth/principal';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid, normaliseCardNumber } from '../../common/validation';
import { checkIdempotencyKey, idempotencyScope, keyReusedError, requestHash } from '../idempotency/idempotency';
import { callOneStatement } from '../ledger/one-statement';
import { qualifiesOnLifetimePoints, upgradeAfterEarn } from '../tiers/tier-lifecycle';
import { ACCOUNT, MAX_POINTS, MemberLedger, memberNotActiveError } from '../ledger/ledger.core';
import { allocate } from '../../common/allocation';
import { EarnBasis } from '../programme/programme-settings.entity';
import { LedgerEntryType, LotStatus, type SaleEarnLine } from '../ledger/ledger.entities';
import { actorOf, ledgerTransaction, Outcome } from '../ledger/ledger-transaction';
import { MemberStatus } from '../members/member.entity';
import { expiryFor } from '../programme/programme.service';
import { calculateEarn, type EarnCalculation, type EarnRule } from './earn-calculator';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import type { SaleInput } from './sale.input';
import { checkSale, type ValidSale } from './sale.validation';
import { anyLevelDiscounts, priceSale, type LevelDiscounts, type PricedSale } from '../discounts/discount-calculator';
import type { CampaignDef } from '../campaigns/campaign-engine';
import type { ChallengeDef } from '../challenges/challenge.model';
import { advanceChallenges, challengesMayApply, type ChallengeStep } from '../challenges/challenge.apply';
import { saleCandidates } from '../campaigns/campaign-engine';
import { bookCampaignAwards, campaignSale, campaignsMayApply, campaignTime, previewCampaigns, readMemberFacts, type CampaignAwardView } from '../campaigns/campaign.apply';

/** Largest point figure the API can return (GraphQL Int). */

/** What a sale earned; stored with the idempotency key and returned on replays. */
export interface EarnResult {
  saleEarnId: string;
  memberId: string;
  saleId: string;
  channel: string;
  points: number;
  status: LotStatus;
  availableAt: string | null;
  expiresAt: string | null;
  /** The sale had already earned (another key, e.g. an offline replay): nothing new was credited. */
  duplicate: boolean;
  currencyCode: string;
  /** What the lines came to after level discounts, minor units. */
  totalMinor: number;
  /** The level (tier) discount given on the sale, minor units (0 without one). */
  discountMinor: number;
  lines: EarnResultLine[];
  /** Points campaigns gave on top (BONUS entries of their own; absent in answers stored before campaigns). */
  campaignPoints?: number;
  /** What each campaign gave: points or a coupon. */
  campaigns?: CampaignAwardView[];
  /** The challenges the sale counted for, with the progress after it. */
  challenges?: ChallengeStep[];
}

/** One line of an earn as recorded: `unitPrice` after the level discount, and the discount's reason. */
export interface EarnResultLine {
  productId: string;
  quantity: number;
  points: number;
  unitPrice: number;
  discountMinor: number;
  discount: SaleEarnLine['discount'] | null;
}

function resultLine(l: SaleEarnLine): EarnResultLine {
  return { productId: l.productId, quantity: l.quantity, points: l.points, unitPrice: l.unitPrice, discountMinor: l.discountMinor ?? 0, discount: l.discount ?? null };
}

export interface EarnPointsArgs {
  idempotencyKey: string;
  memberId?: string | null;
  cardNumber?: string | null;
  sale: SaleInput;
}

/** Finds the member to credit from a member id or an ACTIVE card; userErrors otherwise. */
export async function resolveMemberRef(em: EntityManager, memberId: string | null | undefined, cardNumber: string | null | undefined): Promise<{ memberId: string } | UserError> {
  if (Boolean(memberId) === Boolean(cardNumber)) {
    return userError(ErrorCode.INVALID_INPUT, 'Give exactly one of memberId or cardNumber', ['input', 'memberId']);
  }
  if (memberId) {
    // an unknown id is found out when the member's wallet is locked (MEMBER_NOT_FOUND then)
    return isUuid(memberId) ? { memberId: memberId.toLowerCase() } : userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId']);
  }
  const number = normaliseCardNumber(cardNumber!.slice(0, 100));
  const rows = number ? await em.execute<{ member_id: string; status: string }[]>('select member_id, status from loyalty_card where number = ?', [number]) : [];
  const card = rows[0];
  if (!card) return userError(ErrorCode.CARD_NOT_FOUND, 'No card has this number', ['input', 'cardNumber']);
  if (card.status !== 'ACTIVE') return userError(ErrorCode.CARD_NOT_ACTIVE, `This card is ${card.status.toLowerCase()}`, ['input', 'cardNumber']);
  return { memberId: card.member_id };
}

function requireActive(ledger: MemberLedger): void {
  if (ledger.wallet.memberStatus !== MemberStatus.ACTIVE) throw new Outcome([memberNotActiveError(ledger.wallet.memberStatus)]);
  ledger.markActive();
}

function toResult(row: Record<string, unknown>, duplicate: boolean, lot: { status: LotStatus; availableAt: Date | null; expiresAt: Date | null }): EarnResult {
  const lines = (typeof row.lines === 'string' ? JSON.parse(row.lines) : row.lines) as SaleEarnLine[];
  return {
    saleEarnId: String(row.id),
    memberId: String(row.member_id),
    saleId: String(row.sale_id),
    channel: String(row.channel),
    points: Number(row.points),
    status: lot.status,
    availableAt: lot.availableAt ? new Date(lot.availableAt).toISOString() : null,
    expiresAt: lot.expiresAt ? new Date(lot.expiresAt).toISOString() : null,
    duplicate,
    currencyCode: String(row.currency_code),
    totalMinor: Number(row.total_minor),
    discountMinor: Number(row.discount_minor ?? 0),
    lines: lines.map(resultLine),
  };
}

async function existingEarn(em: EntityManager, channel: string, saleId: string): Promise<EarnResult> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select s.*, l.status as lot_status, l.available_at, l.expires_at from sale_earn s left join earning_lot l on l.id = s.lot_id where s.channel = ? and s.sale_id = ?`,
    [channel, saleId],
  );
  const r = rows[0]!;
  const result = toResult(r, true, { status: (r.lot_status as LotStatus) ?? LotStatus.AVAILABLE, availableAt: (r.available_at as Date) ?? null, expiresAt: (r.expires_at as Date) ?? null });
  const campaigns = await campaignAwardsOfSale(em, String(r.id));
  return { ...result, campaignPoints: campaigns.reduce((n, a) => n + a.points, 0), campaigns };
}

/** What campaigns gave a recorded sale. */
export async function campaignAwardsOfSale(em: EntityManager, saleEarnId: string): Promise<CampaignAwardView[]> {
  const rows = await em.execute<{ campaign_id: string; code: string; name: string; points: string; coupon_code: string | null }[]>(
    `select a.campaign_id, c.code, c.name, a.points, a.coupon_code from campaign_award a join campaign c on c.id = a.campaign_id where a.sale_earn_id = ? order by a.created_at, a.id`,
    [saleEarnId],
  );
  return rows.map((a) => ({ campaignId: a.campaign_id, code: a.code, name: a.name, points: Number(a.points), couponCode: a.coupon_code }));
}

/**
 * Credits a member for a sale. Points are computed here from the lines and the programme's rules
 * with the member's tier multiplier; a sale earns at most once per (channel, sale id), forever:
 * a second request for the same sale returns the first result with `duplicate: true`.
 */
export async function earnPoints(ctx: RequestContext, input: EarnPointsArgs): Promise<{ result: EarnResult | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(input.idempotencyKey);
  if (keyError) return { result: null, userErrors: [keyError] };
  const settings = await ctx.loaders.settings();
  const check = new InputChecker();
  const sale = checkSale(check, input.sale, settings.currencyCode);
  if (!sale) return { result: null, userErrors: check.errors };
  const principal = ctx.principal;
  const storeId = principal?.storeId ?? sale.storeId;
  const tillId = principal?.tillId ?? sale.tillId;
  const rules = await ctx.loaders.activeRules();
  const levels = await ctx.programme.levelDiscounts(ctx.em);
  const campaigns = await ctx.programme.campaigns(ctx.em);
  const challenges = await ctx.programme.challenges(ctx.em);
  const judgedAt = campaignTime(sale.occurredAt, new Date(), ctx.config.campaignOfflineGraceMs);
  // A sale some level would discount takes the general path, which prices it for the member's level
  // under the wallet lock (loyalty_earn books the sale as sent); so does a sale a campaign may reward.
  if (settings.earnBasis === EarnBasis.WHOLE_SALE && !anyLevelDiscounts(sale.lines, levels) && !campaignsMayApply(campaigns, sale, storeId, judgedAt) && !challengesMayApply(challenges, sale, judgedAt)) {
    const fast = await earnInOneStatement(ctx, { key: input.idempotencyKey, given: input.sale, memberId: input.memberId, cardNumber: input.cardNumber, sale, storeId, tillId, rules, settings });
    if (fast) return fast;
  }
  const ref = await resolveMemberRef(ctx.em, input.memberId, input.cardNumber);
  if ('code' in ref) return { result: null, userErrors: [ref] };

  const outcome = await ledgerTransaction<EarnResult>(
    ctx,
    { operation: 'earnPoints', key: input.idempotencyKey, request: earnRequest(ref.memberId, sale, input.sale) },
    async (em) => {
      const ledger = await MemberLedger.lock(em, ref.memberId, actorOf(ctx));
      if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
      const credited = await creditSale(em, ledger, sale, { rules, settings, storeId, tillId, levels, campaigns, challenges, campaignGraceMs: ctx.config.campaignOfflineGraceMs });
      if (credited.duplicate && credited.memberId !== ref.memberId) {
        throw new Outcome([userError(ErrorCode.SALE_ALREADY_EARNED, 'This sale already earned points for another member', ['input', 'sale', 'id'])]);
      }
      return credited;
    },
  );
  return { result: outcome.result, userErrors: outcome.userErrors };
}

/** What an earn's idempotency key is bound to (the same on both paths). */
function earnRequest(memberId: string, sale: ValidSale, given: SaleInput): unknown {
  return { memberId, sale: { ...sale, occurredAt: given.occurredAt ?? null } };
}

/**
 * The common case of an earn in one statement (`loyalty_earn`, see its migration): the points are
 * computed here for each tier multiplier the member may have, and the function books the variant
 * of the member's multiplier or, when anything is out of the ordinary (something due, a multiplier
 * without a variant, a sale already earned, an unknown or inactive member), rolls back with
 * SQLSTATE LY001. Null then: the general path answers. One round trip by member id; by card, two
 * (the card's member first).
 */
async function earnInOneStatement(
  ctx: RequestContext,
  a: { key: string; given: SaleInput; memberId?: string | null; cardNumber?: string | null; sale: ValidSale; storeId: string | null; tillId: string | null; rules: EarnRule[]; settings: ProgrammeSettings },
): Promise<{ result: EarnResult | null; userErrors: UserError[] } | null> {
  if (!ctx.config.ledgerOneStatement || Boolean(a.memberId) === Boolean(a.cardNumber)) return null;
  // the function raises levels by lifetime tier points only (and hands an upgrade to the general path)
  if (!qualifiesOnLifetimePoints(a.settings)) return null;
  let memberId: string;
  let multipliers: number[];
  if (a.memberId) {
    // one round trip: a variant for each multiplier a tier gives; the function takes the member's
    if (!isUuid(a.memberId)) return null;
    memberId = a.memberId.toLowerCase();
    multipliers = await ctx.programme.tierMultipliers(ctx.em);
  } else {
    // the card's member first (the idempotency key is bound to the member, not to the card)
    const number = normaliseCardNumber(a.cardNumber!.slice(0, 100));
    if (!number) return null;
    const r = await ctx.em.getConnection().getKnex().raw<{ rows: { member_id: string; multiplier: number }[] }>(
      `select c.member_id, coalesce(t.earn_multiplier_percent, 100) as multiplier
         from loyalty_card c join member m on m.id = c.member_id left join tier t on t.id = m.tier_id
        where c.number = ? and c.status = 'ACTIVE'`,
      [number],
    );
    if (!r.rows[0]) return null;
    memberId = String(r.rows[0].member_id);
    multipliers = [Number(r.rows[0].multiplier)];
  }
  const sale = a.sale;
  const saleEarnId = randomUUID();
  const requestKey = requestHash(earnRequest(memberId, sale, a.given));
  const calculations = multipliers.map((multiplier) => ({ multiplier, calc: calculateEarn({ channel: sale.channel, currencyCode: sale.currencyCode, lines: sale.lines }, a.rules, multiplier) }));
  let variants: Record<string, { points: number; lines: SaleEarnLine[]; reason: string; response: EarnResult }> = {};
  const out = await callOneStatement<EarnResult>(ctx, 'loyalty_earn', () => {
    // dated when sent (a batch may have waited)
    const now = new Date();
    const pending = a.settings.pendingDays > 0;
    const availableAt = pending ? new Date(now.getTime() + a.settings.pendingDays * 86_400_000) : null;
    const expiresAt = expiryFor(a.settings, now);
    variants = {};
    for (const { multiplier, calc } of calculations) {
      const lines: SaleEarnLine[] = sale.lines.map((l, i) => ({ ...l, points: calc.lines[i]!.points, returnedQuantity: 0, returnedPoints: 0, ...(calc.lines[i]!.excluded ? { excluded: true as const } : {}) }));
      variants[String(multiplier)] = {
        points: calc.points,
        lines,
        reason: describeEarn(calc),
        response: {
          saleEarnId,
          memberId,
          saleId: sale.id,
          channel: sale.channel,
          points: calc.points,
          status: pending ? LotStatus.PENDING : LotStatus.AVAILABLE,
          availableAt: availableAt ? availableAt.toISOString() : null,
          expiresAt: calc.points > 0 && expiresAt ? expiresAt.toISOString() : null,
          duplicate: false,
          currencyCode: sale.currencyCode,
          totalMinor: sale.totalMinor,
          discountMinor: 0,
          lines: lines.map(resultLine),
          campaignPoints: 0,
          campaigns: [],
        },
      };
    }
    return [
      'earnPoints', idempotencyScope(ctx.principal), a.key, requestKey,
      memberId, JSON.stringify(variants), now, actorOf(ctx),
      saleEarnId, sale.channel, sale.id, sale.orderId, sale.currencyCode, sale.totalMinor,
      a.storeId, a.tillId, sale.occurredAt,
      pending, availableAt, expiresAt, randomUUID(),
    ];
  });
  if (!out) return null;
  if (out.kind === 'conflict') return { result: null, userErrors: [keyReusedError()] };
  if (out.kind === 'replay') return { result: out.response, userErrors: [] };
  return { result: variants[String(out.multiplier)]!.response, userErrors: [] };
}

/**
 * The sale as paid after the level discount: each line's unit price less its unit discount, and the
 * total after discounts. The same object when nothing was discounted.
 */
export function discountedSale(sale: ValidSale, priced: PricedSale): ValidSale {
  if (priced.discountMinor === 0) return sale;
  return { ...sale, lines: sale.lines.map((l, i) => ({ ...l, unitPrice: priced.lines[i]!.unitPrice })), totalMinor: priced.totalMinor };
}

/**
 * Books what a sale earns for the locked member: settles what is due, takes the level discount of
 * the member's tier off the prices (`levels`; none given: no discounts), computes the points on the
 * discounted prices with the member's tier multiplier, records the sale (unique per channel and sale id: a second time returns
 * the first record as a duplicate), posts the entry, creates the lot, raises the tier. Used by
 * earnPoints and by the demo seed.
 */
export async function creditSale(
  em: EntityManager,
  ledger: MemberLedger,
  sale: ValidSale,
  opts: { rules: EarnRule[]; settings: ProgrammeSettings; storeId: string | null; tillId: string | null; levels?: readonly LevelDiscounts[]; campaigns?: readonly CampaignDef[]; challenges?: readonly ChallengeDef[]; campaignGraceMs?: number },
): Promise<EarnResult> {
  const { settings } = opts;
  await ledger.settle();
  const level = (ledger.wallet.tierId && opts.levels?.find((l) => l.tierId === ledger.wallet.tierId)) || null;
  const priced = priceSale(sale.lines, level);
  const paid = discountedSale(sale, priced);
  const full = calculateEarn({ channel: paid.channel, currencyCode: paid.currencyCode, lines: paid.lines }, opts.rules, ledger.wallet.tierMultiplierPercent);
  const calc = settings.earnBasis === EarnBasis.CASH_PAID ? await onCashPart(em, full, paid, ledger.wallet.memberId) : full;
  const w = ledger.wallet;
  if (Math.max(w.available, 0) + w.pending + w.held + calc.points > MAX_POINTS || w.lifetimeEarned + calc.points > MAX_POINTS) {
    // points are GraphQL Ints: a wallet beyond 2^31 - 1 could not be shown any more
    throw new Outcome([userError(ErrorCode.INVALID_INPUT, `This sale would earn ${calc.points} points, more than a wallet can hold`, ['input', 'sale', 'lines'])]);
  }
  const saleEarnId = randomUUID();
  const lines: SaleEarnLine[] = paid.lines.map((l, i) => {
    const p = priced.lines[i]!;
    const line: SaleEarnLine = { ...l, points: calc.lines[i]!.points, returnedQuantity: 0, returnedPoints: 0, ...(calc.lines[i]!.excluded ? { excluded: true as const } : {}) };
    return p.reason ? { ...line, listUnitPrice: p.listUnitPrice, discountMinor: p.discountMinor, discount: p.reason } : line;
  });
  // campaigns: the facts about the member are read before the sale is recorded (docs/campaigns.md)
  const forCampaigns = campaignSale(paid, calc, opts.storeId, campaignTime(sale.occurredAt, ledger.now, opts.campaignGraceMs ?? 0));
  const { candidates } = saleCandidates(opts.campaigns ?? [], forCampaigns);
  const facts = candidates.length > 0 ? await readMemberFacts(em, ledger.wallet.memberId, candidates, forCampaigns.at) : null;
  const inserted = await em.execute<Record<string, unknown>[]>(
    `insert into sale_earn (id, channel, sale_id, order_id, member_id, points, currency_code, total_minor, discount_minor, lines, store_id, till_id, occurred_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (channel, sale_id) do nothing returning *`,
    [saleEarnId, sale.channel, sale.id, sale.orderId, ledger.wallet.memberId, calc.points, sale.currencyCode, paid.totalMinor, priced.discountMinor, JSON.stringify(lines), opts.storeId, opts.tillId, sale.occurredAt, ledger.now],
  );
  if (!inserted[0]) {
    await ledger.save();
    return existingEarn(em, sale.channel, sale.id);
  }
  requireActive(ledger);
  const pending = settings.pendingDays > 0;
  const availableAt = pending ? new Date(ledger.now.getTime() + settings.pendingDays * 86_400_000) : null;
  const expiresAt = expiryFor(settings, ledger.now);
  if (calc.points > 0) {
    const before = ledger.wallet.available;
    const entryId = await ledger.post(
      LedgerEntryType.EARN,
      [{ account: ACCOUNT.ISSUED, amount: -calc.points }, { account: pending ? ACCOUNT.PENDING : ACCOUNT.AVAILABLE, amount: calc.points }],
      { saleId: sale.id, channel: sale.channel, reason: describeEarn(calc, priced.discountMinor) },
    );
    const lotId = await ledger.createLot(entryId, calc.points, pending ? LotStatus.PENDING : LotStatus.AVAILABLE, before, { availableAt, expiresAt });
    await em.execute('update sale_earn set lot_id = ? where id = ?', [lotId, saleEarnId]);
    ledger.wallet.lifetimeEarned += calc.points;
    ledger.wallet.tierPoints += calc.points;
    ledger.touch();
  }
  const awards = facts
    ? await bookCampaignAwards(em, ledger, candidates, forCampaigns, facts, { saleEarnId, channel: sale.channel, saleId: sale.id, settings, lines, pending, availableAt, expiresAt })
    : [];
  const challengeSteps = opts.challenges?.length ? await advanceChallenges(em, ledger, opts.challenges, forCampaigns, settings) : [];
  // spend qualifies whatever the sale earned
  if (calc.points > 0 || !qualifiesOnLifetimePoints(settings)) await upgradeAfterEarn(ledger, settings);
  await ledger.save();
  const result = toResult(inserted[0], false, { status: pending ? LotStatus.PENDING : LotStatus.AVAILABLE, availableAt, expiresAt: calc.points > 0 || awards.some((a) => a.points > 0) ? expiresAt : null });
  return { ...result, campaignPoints: awards.reduce((n, a) => n + a.points, 0), campaigns: awards, challenges: challengeSteps };
}

/**
 * A till may pay for, or use coupons on, only its own store's sales: a (channel, sale id) that
 * another store's sale already earned answers as not found (sale ids are unique per channel, not
 * per store). Admins and services are not bound to a store.
 */
export async function refuseOtherStoresSale(em: EntityManager, principal: Principal | null, channel: string, saleId: string, field = 'saleId'): Promise<void> {
  if (!principal?.roles.has('till') || principal.roles.has('admin') || principal.roles.has('service')) return;
  const rows = await em.execute<{ store_id: string | null }[]>('select store_id from sale_earn where channel = ? and sale_id = ?', [channel, saleId]);
  if (rows[0] && rows[0].store_id !== principal.storeId) {
    throw new Outcome([userError(ErrorCode.SALE_NOT_FOUND, 'No sale of this store has this id', ['input', field])]);
  }
}

/** An earn calculation scaled to the part of the sale not paid with points. */
type CashPartCalculation = EarnCalculation & { paidWithPointsMinor?: number };

/**
 * With earn basis CASH_PAID: the sale's points times its cash share, where the part paid with
 * points is what the member's captured holds for this sale (same channel and sale id) paid. Floored
 * once, split over the lines in proportion to their points, so returns reverse them line by line.
 */
async function onCashPart(em: EntityManager, calc: EarnCalculation, sale: ValidSale, memberId: string): Promise<CashPartCalculation> {
  const rows = await em.execute<{ paid: string }[]>(
    `select coalesce(sum(captured_cash_minor), 0) as paid from points_hold where channel = ? and sale_id = ? and member_id = ? and status = 'CAPTURED'`,
    [sale.channel, sale.id, memberId],
  );
  const paid = Math.min(Number(rows[0]?.paid ?? 0), sale.totalMinor);
  if (paid === 0 || calc.points === 0) return calc;
  const points = sale.totalMinor === 0 ? 0 : Number((BigInt(calc.points) * BigInt(sale.totalMinor - paid)) / BigInt(sale.totalMinor));
  const split = allocate(points, calc.lines.map((l) => BigInt(l.points)));
  return { ...calc, points, lines: calc.lines.map((l, i) => ({ ...l, points: split[i]! })), paidWithPointsMinor: paid };
}

function describeEarn(calc: CashPartCalculation, levelDiscountMinor = 0): string {
  const parts = [`${calc.points} points`];
  if (levelDiscountMinor > 0) parts.push(`on prices after a level discount of ${levelDiscountMinor} minor units`);
  if (calc.paidWithPointsMinor) parts.push(`on the cash part (${calc.paidWithPointsMinor} minor units paid with points)`);
  if (calc.channelMultiplierPercent !== 100) parts.push(`channel x${calc.channelMultiplierPercent}%`);
  if (calc.tierMultiplierPercent !== 100) parts.push(`tier x${calc.tierMultiplierPercent}%`);
  if (calc.belowMinimumSpend) parts.push('below minimum spend');
  return parts.join(', ');
}

/**
 * What a sale would earn, without writing anything. With a member, their tier multiplier applies,
 * on the prices after their level's discounts (as the earn computes it).
 */
export async function previewEarn(
  ctx: RequestContext,
  input: SaleInput,
  memberId?: string | null,
): Promise<{ calculation: EarnCalculation | null; sale: ValidSale | null; campaigns: CampaignPreview; userErrors: UserError[] }> {
  const noCampaigns: CampaignPreview = { awards: [], skipped: [] };
  const settings = await ctx.loaders.settings();
  const check = new InputChecker(['input']);
  const sale = checkSale(check, { ...input }, settings.currencyCode);
  const wrapped = check.errors.map((e) => ({ ...e, field: e.field ? ['input', ...e.field.slice(2)] : e.field }));
  if (!sale) return { calculation: null, sale: null, campaigns: noCampaigns, userErrors: wrapped };
  let multiplier = 100;
  let paid = sale;
  let member: string | null = null;
  if (memberId) {
    const rows = isUuid(memberId)
      ? await ctx.em.execute<{ m: number; tier_id: string | null }[]>('select coalesce(t.earn_multiplier_percent, 100) as m, m.tier_id from member m left join tier t on t.id = m.tier_id where m.id = ?', [memberId.toLowerCase()])
      : [];
    if (!rows[0]) return { calculation: null, sale, campaigns: noCampaigns, userErrors: [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['memberId'])] };
    member = memberId.toLowerCase();
    multiplier = Number(rows[0].m);
    const tierId = rows[0].tier_id;
    const level = tierId ? ((await ctx.programme.levelDiscounts(ctx.em)).find((l) => l.tierId === tierId) ?? null) : null;
    paid = discountedSale(sale, priceSale(sale.lines, level));
  }
  const rules = await ctx.loaders.activeRules();
  const calculation = calculateEarn({ channel: paid.channel, currencyCode: paid.currencyCode, lines: paid.lines }, rules, multiplier);
  const storeId = ctx.principal?.storeId ?? sale.storeId;
  const campaigns = await previewCampaigns(ctx.em, await ctx.programme.campaigns(ctx.em), campaignSale(paid, calculation, storeId, campaignTime(sale.occurredAt, new Date(), ctx.config.campaignOfflineGraceMs)), member);
  return { calculation, sale: paid, campaigns, userErrors: [] };
}

/** What campaigns would give a previewed sale, and why the others give nothing. */
export type CampaignPreview = Awaited<ReturnType<typeof previewCampaigns>>;
