import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { EARNING_RULE_KINDS, parseRule } from '../earning/rules';
import { EarningRuleRecord } from './earning-rule.entity';
import { ExpiryUnit, type ProgrammeSettings } from './programme-settings.entity';
import type { SaveLoyaltyEarningRuleInput, UpdateLoyaltyProgrammeInput } from './programme.type';
import { loadSettings } from './programme.service';
import { rescheduleReviews } from '../tiers/tier-lifecycle';

const RANGES: Partial<Record<keyof UpdateLoyaltyProgrammeInput, [number, number]>> = {
  redeemPoints: [1, 1_000_000],
  redeemAmountMinor: [1, 1_000_000],
  minRedeemPoints: [1, 1_000_000_000],
  maxRedeemSharePercent: [0, 100],
  holdTtlDefaultSeconds: [1, 86_400],
  holdTtlMaxSeconds: [1, 86_400],
  pendingDays: [0, 365],
  expiryCount: [0, 1_200],
  registrationBonusPoints: [0, 1_000_000],
  birthdayBonusPoints: [0, 1_000_000],
  couponValidityDays: [1, 3_650],
  couponReminderDays: [0, 365],
  tierQualificationMonths: [1, 120],
  tierReviewEveryDays: [1, 3_660],
  tierWarningDays: [0, 366],
  paidMembershipReminderDays: [0, 366],
  marketingMessagesPerWeek: [0, 100],
  // membership expiry
  membershipInactivityMonths: [0, 240],
  membershipReminderDays: [0, 365],
};

/** Changes the programme's settings (admins). Applies to what happens next, never to the past. */
export async function updateProgramme(ctx: RequestContext, input: UpdateLoyaltyProgrammeInput): Promise<{ programme: ProgrammeSettings | null; userErrors: UserError[] }> {
  const check = new InputChecker();
  for (const [field, [min, max]] of Object.entries(RANGES) as [keyof UpdateLoyaltyProgrammeInput, [number, number]][]) {
    const v = input[field];
    if (v !== null && v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)) check.fail(field, `${field} must be a whole number from ${min} to ${max}`);
  }
  if (input.currencyCode != null && !/^[A-Z]{3}$/.test(input.currencyCode)) check.fail('currencyCode', 'currencyCode must be an ISO 4217 code such as GBP');
  if (!check.ok) return { programme: null, userErrors: check.errors };
  const result = await ctx.em.transactional(async (em) => {
    await em.execute('select id from programme_settings where id = 1 for update');
    const settings = await loadSettings(em);
    const before = { tierReview: settings.tierReview, tierReviewEveryDays: settings.tierReviewEveryDays };
    // checked before anything is assigned: the transaction flushes managed changes on commit
    if ((input.holdTtlDefaultSeconds ?? settings.holdTtlDefaultSeconds) > (input.holdTtlMaxSeconds ?? settings.holdTtlMaxSeconds)) {
      return { programme: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'holdTtlDefaultSeconds must not exceed holdTtlMaxSeconds', ['input', 'holdTtlDefaultSeconds'])] };
    }
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined && key !== 'expiryUnit' && key !== 'expiryCount' && value !== null) (settings as unknown as Record<string, unknown>)[key] = value;
    }
    // membership expiry: 0 or an explicit null turns inactivity expiry off
    if (input.membershipInactivityMonths !== undefined) settings.membershipInactivityMonths = input.membershipInactivityMonths || null;
    if (input.expiryUnit !== undefined || input.expiryCount !== undefined) {
      const count = input.expiryCount ?? settings.expiryCount ?? 0;
      const unit = input.expiryUnit === undefined ? settings.expiryUnit : input.expiryUnit;
      settings.expiryUnit = count > 0 ? (unit ?? ExpiryUnit.MONTHS) : null;
      settings.expiryCount = count > 0 ? count : null;
    }
    settings.updatedAt = new Date();
    await em.flush();
    if ((input.tierReview != null && input.tierReview !== before.tierReview) || (input.tierReviewEveryDays != null && input.tierReviewEveryDays !== before.tierReviewEveryDays)) {
      await rescheduleReviews(em, settings, new Date());
    }
    return { programme: settings, userErrors: [] };
  });
  ctx.programme.invalidate(); // after the commit, so no request caches the old settings meanwhile
  return result;
}

/** Creates or replaces an earning rule after its kind has validated the arguments. */
export async function saveEarningRule(ctx: RequestContext, input: SaveLoyaltyEarningRuleInput): Promise<{ rule: EarningRuleRecord | null; userErrors: UserError[] }> {
  const check = new InputChecker();
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });
  if (!(input.kind in EARNING_RULE_KINDS) || !Object.prototype.hasOwnProperty.call(EARNING_RULE_KINDS, input.kind)) {
    check.fail('kind', `Unknown rule kind; one of ${Object.keys(EARNING_RULE_KINDS).join(', ')}`);
  } else {
    const parsed = parseRule(input.kind, input.args);
    if (!parsed.ok) check.fail('args', parsed.message);
  }
  if (input.position != null && (!Number.isInteger(input.position) || input.position < 0 || input.position > 10_000)) check.fail('position', 'position must be from 0 to 10,000');
  if (!check.ok || !name) return { rule: null, userErrors: check.errors };
  let rule: EarningRuleRecord | null;
  if (input.id) {
    rule = isUuid(input.id) ? await ctx.em.findOne(EarningRuleRecord, { id: input.id.toLowerCase() }) : null;
    if (!rule) return { rule: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'No earning rule has this id', ['input', 'id'])] };
  } else {
    rule = ctx.em.create(EarningRuleRecord, { kind: input.kind, name, args: input.args });
  }
  Object.assign(rule, { kind: input.kind, name, args: input.args, active: input.active ?? true, position: input.position ?? 0, updatedAt: new Date() });
  await ctx.em.flush();
  ctx.programme.invalidate();
  return { rule, userErrors: [] };
}

export function listEarningRules(ctx: RequestContext): Promise<EarningRuleRecord[]> {
  return ctx.em.find(EarningRuleRecord, {}, { orderBy: { active: 'desc', position: 'asc', createdAt: 'asc' } });
}
