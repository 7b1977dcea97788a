import { campaignSale, campaignTime, previewCampaigns } from '../campaigns/campaign.apply';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { calculateEarn, type EarnCalculation } from '../earning/earn-calculator';
import { discountedSale } from '../earning/earning.service';
import type { SaleInput } from '../earning/sale.input';
import { checkSale, type ValidSale } from '../earning/sale.validation';
import { MemberStatus } from '../members/member.entity';
import { priceSale, type LevelDiscounts, type PricedSale } from './discount-calculator';
import { parseDiscountRule, TIER_DISCOUNT_KINDS } from './discount-kinds';
import { replaceTierRules, type TierDiscountRuleRow } from './tier-discount.store';

/** Most discount rules one level may have. */
export const MAX_TIER_DISCOUNT_RULES = 50;

/** A rule as the API shows it. */
export interface TierDiscountRuleView {
  id: string;
  kind: string;
  name: string;
  args: Record<string, unknown>;
  position: number;
  summary: string;
}

function view(r: { id: string; kind: string; name: string; args: unknown }, position: number): TierDiscountRuleView {
  const parsed = parseDiscountRule(r.kind, r.args);
  return { id: r.id, kind: r.kind, name: r.name, args: r.args as Record<string, unknown>, position, summary: parsed.ok ? parsed.rule.kind.summary(parsed.rule.args) : `not applied: ${parsed.message}` };
}

/** The level's discounts from this instance's programme cache (null: the tier has none). */
export async function levelDiscountsOf(ctx: Pick<RequestContext, 'programme' | 'em'>, tierId: string | null): Promise<LevelDiscounts | null> {
  if (!tierId) return null;
  const id = tierId.toLowerCase();
  return (await ctx.programme.levelDiscounts(ctx.em)).find((l) => l.tierId === id) ?? null;
}

/** A tier's discount rules as the API shows them, in their order. */
export async function tierDiscounts(ctx: RequestContext, tierId: string): Promise<TierDiscountRuleView[]> {
  const level = await levelDiscountsOf(ctx, tierId);
  return (level?.rules ?? []).map(view);
}

/**
 * Replaces a level's discount rules (admins). Every rule is checked by its kind first; one bad rule
 * and nothing is written. Takes effect on this instance at once and on other replicas within the
 * programme cache's lifetime, like earning rules; sales already earned keep the discount recorded
 * with them.
 */
export async function setTierDiscounts(
  ctx: RequestContext,
  input: { tierId: string; rules: { kind: string; name: string; args: unknown }[] },
): Promise<{ tierId: string | null; discounts: TierDiscountRuleView[]; userErrors: UserError[] }> {
  const check = new InputChecker();
  const tierId = typeof input.tierId === 'string' && isUuid(input.tierId.trim()) ? input.tierId.trim().toLowerCase() : null;
  if (!tierId) check.fail('tierId', 'tierId must be the id of a tier');
  const rules: { id: string; kind: string; name: string; args: unknown }[] = [];
  if (!Array.isArray(input.rules) || input.rules.length > MAX_TIER_DISCOUNT_RULES) {
    check.fail('rules', `A level has at most ${MAX_TIER_DISCOUNT_RULES} discount rules`);
  } else {
    input.rules.forEach((r, i) => {
      const name = check.text(`rules.${i}.name`, r.name, 100, { required: true, label: 'name' });
      const kind = String(r.kind ?? '').trim();
      if (!Object.hasOwn(TIER_DISCOUNT_KINDS, kind)) return check.fail(`rules.${i}.kind`, `Unknown discount kind; one of ${Object.keys(TIER_DISCOUNT_KINDS).join(', ')}`);
      const parsed = parseDiscountRule(kind, r.args);
      if (!parsed.ok) check.fail(`rules.${i}.args`, parsed.message);
      else if (name) rules.push({ id: randomUUID(), kind, name, args: parsed.rule.args });
    });
  }
  if (!check.ok || !tierId) return { tierId: null, discounts: [], userErrors: check.errors };
  const saved = await ctx.em.transactional(async (em): Promise<TierDiscountRuleRow[] | null> => {
    // the tier's row lock serialises two admins saving the same level's rules
    const tiers = await em.execute<{ id: string }[]>('select id from tier where id = ? for update', [tierId]);
    if (!tiers[0]) return null;
    return replaceTierRules(em, tierId, rules, new Date());
  });
  if (!saved) return { tierId: null, discounts: [], userErrors: [userError(ErrorCode.INVALID_INPUT, 'No tier has this id', ['input', 'tierId'])] };
  ctx.programme.invalidate(); // after the commit, so no request caches the old rules meanwhile
  return { tierId, discounts: saved.map((r) => view(r, r.position)), userErrors: [] };
}

export interface SaleQuote {
  sale: ValidSale | null;
  priced: PricedSale | null;
  calculation: EarnCalculation | null;
  tierId: string | null;
  /** What campaigns would give on top (absent when the sale or member was refused). */
  campaigns?: Awaited<ReturnType<typeof previewCampaigns>>;
  userErrors: UserError[];
}

/**
 * Prices a sale for a member the way `earnPoints` will: the level discounts of the member's tier per
 * line, the totals after them, and the points on the discounted prices at the member's multiplier.
 * Without a member: no discounts, points at 100%. Nothing is written. With earn basis CASH_PAID the
 * points are those of the whole sale (before any points tender, which the earn then takes out).
 */
export async function quoteSale(ctx: RequestContext, input: SaleInput, memberId: string | null): Promise<SaleQuote> {
  const settings = await ctx.loaders.settings();
  const check = new InputChecker(['input']);
  const sale = checkSale(check, { ...input }, settings.currencyCode);
  // checkSale names fields under input.sale; here the sale is the input itself
  const wrapped = check.errors.map((e) => ({ ...e, field: e.field ? ['input', ...e.field.slice(2)] : e.field }));
  if (!sale) return { sale: null, priced: null, calculation: null, tierId: null, userErrors: wrapped };
  let multiplier = 100;
  let tierId: string | null = null;
  if (memberId) {
    const rows = isUuid(memberId)
      ? await ctx.em.execute<{ status: string; tier_id: string | null; m: number }[]>(
          'select m.status, m.tier_id, coalesce(t.earn_multiplier_percent, 100) as m from member m left join tier t on t.id = m.tier_id where m.id = ?',
          [memberId.toLowerCase()],
        )
      : [];
    const row = rows[0];
    if (!row) return { sale, priced: null, calculation: null, tierId: null, userErrors: [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['memberId'])] };
    if (row.status !== MemberStatus.ACTIVE) {
      return { sale, priced: null, calculation: null, tierId: null, userErrors: [userError(ErrorCode.MEMBER_NOT_ACTIVE, `This membership is ${row.status.toLowerCase()}`, ['memberId'])] };
    }
    multiplier = Number(row.m);
    tierId = row.tier_id;
  }
  const priced = priceSale(sale.lines, await levelDiscountsOf(ctx, tierId));
  const paid = discountedSale(sale, priced);
  const rules = await ctx.loaders.activeRules();
  const calculation = calculateEarn({ channel: paid.channel, currencyCode: paid.currencyCode, lines: paid.lines }, rules, multiplier);
  const storeId = ctx.principal?.storeId ?? sale.storeId;
  const campaigns = await previewCampaigns(ctx.em, await ctx.programme.campaigns(ctx.em), campaignSale(paid, calculation, storeId, campaignTime(sale.occurredAt, new Date(), ctx.config.campaignOfflineGraceMs)), memberId ? memberId.toLowerCase() : null);
  return { sale, priced, calculation, tierId, campaigns, userErrors: [] };
}
