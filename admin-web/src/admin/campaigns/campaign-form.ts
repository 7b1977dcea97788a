/**
 * The campaign editor's draft: what the form holds (text as typed), how a saved campaign becomes
 * one, the checks made before anything is sent, and the `SaveLoyaltyCampaignInput` it stands for.
 * The checks mirror the service's (campaign.definition.ts) so a manager sees every problem at once;
 * the service still checks and its userErrors are shown by the same field keys.
 */
import type { FieldErrors } from '../../shared/forms';
import { parseAmount, toMajor } from '../../shared/format';
import type { LoyaltyCampaignLimitPeriod, LoyaltyCampaignOfferKind, LoyaltyCampaignStacking, LoyaltyCampaignStatus, SaveLoyaltyCampaignInput } from '../../gql/graphql';
import { instantToZoned, isTimeZone, zonedToInstant } from '../../shared/timezone';

export const OFFER_KINDS: { kind: LoyaltyCampaignOfferKind; label: string }[] = [
  { kind: 'EXTRA_POINTS', label: 'Extra points' },
  { kind: 'POINTS_MULTIPLIER', label: 'Points multiplier' },
  { kind: 'CASH_VOUCHER', label: 'Cash voucher' },
  { kind: 'PERCENT_COUPON', label: 'Percent-off coupon' },
  { kind: 'GIFT_ITEM', label: 'Gift item' },
];

export const POINT_OFFERS: readonly LoyaltyCampaignOfferKind[] = ['EXTRA_POINTS', 'POINTS_MULTIPLIER'];
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A sentinel for a campaign whose audience is inline rules, which this form cannot show or keep. */
export const INLINE_AUDIENCE = '__inline__';

export interface WindowDraft {
  weekdays: number[];
  from: string;
  to: string;
}

export interface CampaignDraft {
  code: string;
  name: string;
  description: string;
  status: LoyaltyCampaignStatus;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  windows: WindowDraft[];
  audience: string;
  storeIds: string;
  channels: string;
  categoryIds: string;
  productIds: string;
  minSpend: string;
  firstPurchase: boolean;
  nthVisit: string;
  offerKind: LoyaltyCampaignOfferKind;
  points: string;
  percent: string;
  value: string;
  productId: string;
  title: string;
  validDays: string;
  perMember: string;
  perMemberPeriod: LoyaltyCampaignLimitPeriod;
  budgetPoints: string;
  budgetValue: string;
  budgetCoupons: string;
  priority: string;
  stacking: LoyaltyCampaignStacking;
  stackGroup: string;
}

/** A campaign as the service answers it (the fields the editor reads). */
export interface CampaignRecord {
  code: string;
  name: string;
  description?: string | null;
  status: LoyaltyCampaignStatus;
  startsAt: string;
  endsAt?: string | null;
  timeZone: string;
  windows: readonly { weekdays: readonly number[]; from: string; to: string }[];
  audienceCode?: string | null;
  hasInlineAudience: boolean;
  criteria: {
    storeIds?: readonly string[] | null;
    channels?: readonly string[] | null;
    categoryIds?: readonly string[] | null;
    productIds?: readonly string[] | null;
    minSpend?: { amount: number; currencyCode: string } | null;
    firstPurchase: boolean;
    nthVisit?: number | null;
  };
  offer: { kind: LoyaltyCampaignOfferKind; points?: number | null; percent?: number | null; value?: { amount: number; currencyCode: string } | null; productId?: string | null; title?: string | null; validDays?: number | null };
  perMemberLimit?: number | null;
  perMemberPeriod: LoyaltyCampaignLimitPeriod;
  budget: { points?: number | null; value?: { amount: number; currencyCode: string } | null; coupons?: number | null };
  priority: number;
  stacking: LoyaltyCampaignStacking;
  stackGroup?: string | null;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const list = (v: readonly string[] | null | undefined) => (v ?? []).join(', ');

/** An empty draft: starting now, open-ended, in the browser's time zone. */
export function emptyDraft(timeZone: string): CampaignDraft {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return {
    code: '', name: '', description: '', status: 'DRAFT',
    startsAt: instantToZoned(now.toISOString(), timeZone), endsAt: '', timeZone, windows: [], audience: '',
    storeIds: '', channels: '', categoryIds: '', productIds: '', minSpend: '', firstPurchase: false, nthVisit: '',
    offerKind: 'EXTRA_POINTS', points: '', percent: '', value: '', productId: '', title: '', validDays: '',
    perMember: '', perMemberPeriod: 'CAMPAIGN', budgetPoints: '', budgetValue: '', budgetCoupons: '',
    priority: '0', stacking: 'STACKABLE', stackGroup: '',
  };
}

export function draftOf(c: CampaignRecord): CampaignDraft {
  const zone = c.timeZone;
  return {
    code: c.code, name: c.name, description: c.description ?? '', status: c.status,
    startsAt: instantToZoned(c.startsAt, zone), endsAt: c.endsAt ? instantToZoned(c.endsAt, zone) : '', timeZone: zone,
    windows: c.windows.map((w) => ({ weekdays: [...w.weekdays], from: w.from, to: w.to === '24:00' ? '' : w.to })),
    audience: c.audienceCode ?? (c.hasInlineAudience ? INLINE_AUDIENCE : ''),
    storeIds: list(c.criteria.storeIds), channels: list(c.criteria.channels), categoryIds: list(c.criteria.categoryIds), productIds: list(c.criteria.productIds),
    minSpend: c.criteria.minSpend ? toMajor(c.criteria.minSpend.amount, c.criteria.minSpend.currencyCode) : '',
    firstPurchase: c.criteria.firstPurchase, nthVisit: text(c.criteria.nthVisit),
    offerKind: c.offer.kind, points: text(c.offer.points), percent: text(c.offer.percent),
    value: c.offer.value ? toMajor(c.offer.value.amount, c.offer.value.currencyCode) : '', productId: c.offer.productId ?? '', title: c.offer.title ?? '', validDays: text(c.offer.validDays),
    perMember: text(c.perMemberLimit), perMemberPeriod: c.perMemberPeriod,
    budgetPoints: text(c.budget.points), budgetValue: c.budget.value ? toMajor(c.budget.value.amount, c.budget.value.currencyCode) : '', budgetCoupons: text(c.budget.coupons),
    priority: String(c.priority), stacking: c.stacking, stackGroup: c.stackGroup ?? '',
  };
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function splitList(v: string): string[] | undefined {
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? [...new Set(items)] : undefined;
}

/** A whole number in [min, max], undefined when empty, or an error message. */
function wholeNumber(v: string, min: number, max: number, errors: FieldErrors, key: string, what: string): number | undefined {
  const t = v.trim();
  if (!t) return undefined;
  if (!/^-?\d+$/.test(t) || Number(t) < min || Number(t) > max) {
    errors[key] = `Enter ${what}: a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}.`;
    return undefined;
  }
  return Number(t);
}

function amount(v: string, currency: string, errors: FieldErrors, key: string, what: string, min = 1): { amount: number; currencyCode: string } | undefined {
  const t = v.trim();
  if (!t) return undefined;
  const minor = parseAmount(t, currency);
  if (minor === null || minor < min) {
    errors[key] = `Enter ${what} in ${currency}, e.g. 12.50.`;
    return undefined;
  }
  return { amount: minor, currencyCode: currency };
}

/**
 * The draft as the service's input, with the problems found by field key (the service's userError
 * paths without `input`). `existingCodes`: other campaigns' codes, which a new campaign must not take.
 */
export function campaignInput(d: CampaignDraft, currency: string, opts: { isNew: boolean; existingCodes: readonly string[] }): { input: SaveLoyaltyCampaignInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const code = d.code.trim().toUpperCase();
  if (!code) errors.code = 'Enter a code.';
  else if (!CODE.test(code)) errors.code = 'A code holds letters, digits, _ and - only (at most 64).';
  else if (opts.isNew && opts.existingCodes.includes(code)) errors.code = `A campaign ${code} exists already; open it to change it.`;
  const name = d.name.trim();
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > 100) errors.name = 'A name has at most 100 characters.';
  if (d.description.trim().length > 500) errors.description = 'At most 500 characters.';

  const zone = d.timeZone.trim();
  const zoneOk = isTimeZone(zone);
  if (!zoneOk) errors.timeZone = 'Enter an IANA time zone, e.g. Europe/London.';
  const startsAt = zoneOk ? zonedToInstant(d.startsAt, zone) : null;
  if (!d.startsAt.trim()) errors.startsAt = 'Enter when the campaign starts.';
  else if (zoneOk && !startsAt) errors.startsAt = 'Enter a date and time.';
  const endsAt = d.endsAt.trim() && zoneOk ? zonedToInstant(d.endsAt, zone) : null;
  if (d.endsAt.trim() && zoneOk && !endsAt) errors.endsAt = 'Enter a date and time, or leave it empty for no end.';
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = 'The end must be after the start.';

  if (d.windows.length > 20) errors.windows = 'At most 20 time windows.';
  const windows = d.windows.map((w, i) => {
    const f = `windows.${i}`;
    if (w.weekdays.length === 0) errors[`${f}.weekdays`] = 'Tick at least one day.';
    const from = w.from.trim() || '00:00';
    const to = w.to.trim() || '24:00';
    if (!CLOCK.test(from)) errors[`${f}.from`] = 'Enter a time, e.g. 09:00.';
    if (to !== '24:00' && !CLOCK.test(to)) errors[`${f}.to`] = 'Enter a time, e.g. 17:30, or leave it empty for the end of the day.';
    else if (CLOCK.test(from) && to <= from) errors[`${f}.to`] = 'The window must end after it starts (a window past midnight is two windows).';
    return { weekdays: [...w.weekdays].sort(), from, to };
  });

  const criteria: NonNullable<SaveLoyaltyCampaignInput['criteria']> = {};
  for (const key of ['storeIds', 'channels', 'categoryIds', 'productIds'] as const) {
    const items = splitList(d[key]);
    if (items?.some((s) => s.length > 64)) errors[`criteria.${key}`] = 'Each code has at most 64 characters.';
    if (items) criteria[key] = items;
  }
  const minSpend = amount(d.minSpend, currency, errors, 'criteria.minSpend', 'a minimum spend');
  if (minSpend) criteria.minSpend = minSpend;
  if (d.firstPurchase) criteria.firstPurchase = true;
  const nth = wholeNumber(d.nthVisit, 2, 10_000, errors, 'criteria.nthVisit', 'a visit number');
  if (nth !== undefined) {
    if (d.firstPurchase) errors['criteria.nthVisit'] = 'A first purchase is visit 1: choose one of the two.';
    criteria.nthVisit = nth;
  }

  const kind = d.offerKind;
  const offer: SaveLoyaltyCampaignInput['offer'] = { kind };
  switch (kind) {
    case 'EXTRA_POINTS':
      offer.points = wholeNumber(d.points, 1, 1_000_000, errors, 'offer.points', 'the extra points');
      if (!d.points.trim()) errors['offer.points'] = 'Enter the extra points a qualifying sale gets.';
      break;
    case 'POINTS_MULTIPLIER':
      offer.percent = wholeNumber(d.percent, 101, 1000, errors, 'offer.percent', 'a multiplier in percent (200 = double points)');
      if (!d.percent.trim()) errors['offer.percent'] = 'Enter the multiplier in percent (200 = double points).';
      break;
    case 'CASH_VOUCHER':
      offer.value = amount(d.value, currency, errors, 'offer.value', "the voucher's value");
      if (!d.value.trim()) errors['offer.value'] = "Enter the voucher's value.";
      break;
    case 'PERCENT_COUPON':
      offer.percent = wholeNumber(d.percent, 1, 100, errors, 'offer.percent', 'the percentage off');
      if (!d.percent.trim()) errors['offer.percent'] = 'Enter the percentage off.';
      break;
    case 'GIFT_ITEM':
      offer.productId = d.productId.trim() || undefined;
      if (!offer.productId) errors['offer.productId'] = 'Enter the product handed over.';
      else if (offer.productId.length > 64) errors['offer.productId'] = 'At most 64 characters.';
      offer.value = amount(d.value, currency, errors, 'offer.value', 'what the gift costs the programme', 0);
      if (!d.value.trim()) errors['offer.value'] = 'Enter what the gift costs the programme (for budgets and simulations).';
      break;
  }
  const coupon = !POINT_OFFERS.includes(kind);
  if (coupon) {
    if (d.title.trim()) offer.title = d.title.trim();
    if (d.title.trim().length > 200) errors['offer.title'] = 'At most 200 characters.';
    offer.validDays = wholeNumber(d.validDays, 1, 3650, errors, 'offer.validDays', 'a number of days');
  }

  const limits: NonNullable<SaveLoyaltyCampaignInput['limits']> = {};
  const perMember = wholeNumber(d.perMember, 1, 10_000, errors, 'limits.perMember', 'a number of awards');
  if (perMember !== undefined) {
    limits.perMember = perMember;
    limits.perMemberPeriod = d.perMemberPeriod;
  }
  if (coupon) {
    if (kind !== 'PERCENT_COUPON') {
      const budgetValue = amount(d.budgetValue, currency, errors, 'limits.budgetValue', 'a budget');
      if (budgetValue) {
        limits.budgetValue = budgetValue;
        if (offer.value && offer.value.amount > budgetValue.amount) errors['limits.budgetValue'] = 'The budget is smaller than one coupon: nothing could be issued.';
      }
    }
    limits.budgetCoupons = wholeNumber(d.budgetCoupons, 1, 2_000_000_000, errors, 'limits.budgetCoupons', 'a number of coupons');
  } else {
    limits.budgetPoints = wholeNumber(d.budgetPoints, 1, 2_000_000_000, errors, 'limits.budgetPoints', 'a number of points');
  }

  let audienceCode: string | undefined;
  if (d.audience === INLINE_AUDIENCE) errors.audienceCode = 'This campaign has an audience of its own rules, which the console cannot edit: choose a saved audience or everyone to save it here.';
  else if (d.audience) audienceCode = d.audience;

  const priority = wholeNumber(d.priority, -1000, 1000, errors, 'priority', 'a priority') ?? 0;
  const stackGroup = d.stacking === 'STACKABLE' ? d.stackGroup.trim().toUpperCase() || undefined : undefined;
  if (stackGroup && !CODE.test(stackGroup)) errors.stackGroup = 'A stack group holds letters, digits, _ and - only.';

  if (Object.keys(errors).length > 0 || !startsAt) return { input: null, errors };
  const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    errors,
    input: {
      code, name, description: d.description.trim() || null, status: d.status,
      startsAt, endsAt, timeZone: zone, windows: windows.length ? windows : null,
      audienceCode: audienceCode ?? null,
      criteria: clean(criteria), offer: clean(offer), limits: clean(limits),
      priority, stacking: d.stacking, stackGroup: stackGroup ?? null,
    },
  };
}

/** "50 extra points", "Double points", "£5 voucher" … for lists. */
export function offerSummary(o: CampaignRecord['offer'], money: (m: { amount: number; currencyCode: string } | null | undefined) => string): string {
  switch (o.kind) {
    case 'EXTRA_POINTS':
      return `${(o.points ?? 0).toLocaleString()} extra points`;
    case 'POINTS_MULTIPLIER':
      return o.percent === 200 ? 'Double points' : `Points × ${((o.percent ?? 100) / 100).toLocaleString()}`;
    case 'CASH_VOUCHER':
      return `${money(o.value)} voucher`;
    case 'PERCENT_COUPON':
      return `${o.percent}% off coupon`;
    case 'GIFT_ITEM':
      return `Gift: ${o.title ?? o.productId}`;
  }
}
