/**
 * The automation editor's draft, its checks before sending (as automation.definition.ts checks) and
 * the `SaveLoyaltyAutomationInput` it stands for; error keys are the service's field paths without `input`.
 */
import type { FieldErrors } from '../../shared/forms';
import { parseAmount, toMajor } from '../../shared/format';
import type { LoyaltyAutomationActionKind, LoyaltyAutomationStatus, LoyaltyAutomationTriggerKind, LoyaltyMessagePurpose, SaveLoyaltyAutomationInput } from '../../gql/graphql';
import { INLINE_AUDIENCE } from './campaign-form';

export const TRIGGERS: { kind: LoyaltyAutomationTriggerKind; label: string; when: string }[] = [
  { kind: 'ENROLLED', label: 'Member enrolled', when: 'after each enrolment' },
  { kind: 'LEVEL_CHANGED', label: 'Level changed', when: 'after each level change' },
  { kind: 'BIRTHDAY', label: 'Birthday', when: "on the member's birthday (UTC date)" },
  { kind: 'POINTS_EXPIRING', label: 'Points expiring', when: 'when points expire within the days given' },
  { kind: 'COUPON_EXPIRING', label: 'Coupon expiring', when: 'when a coupon expires within the days given' },
  { kind: 'INACTIVE', label: 'Inactive', when: 'after the days given without activity' },
  { kind: 'PURCHASE', label: 'Purchase', when: 'after each sale that meets the criteria' },
  { kind: 'RETURN', label: 'Return', when: 'after each return that took points back' },
  { kind: 'CUSTOM_EVENT', label: 'Custom event', when: 'after each event of the type another service records' },
];
export const DAYS_TRIGGERS: readonly LoyaltyAutomationTriggerKind[] = ['POINTS_EXPIRING', 'COUPON_EXPIRING', 'INACTIVE'];

export const ACTIONS: { kind: LoyaltyAutomationActionKind; label: string }[] = [
  { kind: 'AWARD_POINTS', label: 'Award points' },
  { kind: 'ISSUE_COUPON', label: 'Issue a coupon' },
  { kind: 'SEND_MESSAGE', label: 'Send a message' },
  { kind: 'ADD_TAG', label: 'Add a tag' },
  { kind: 'REMOVE_TAG', label: 'Remove a tag' },
  { kind: 'SET_ATTRIBUTE', label: 'Set an attribute' },
];

export type CouponKind = 'CASH_VOUCHER' | 'PERCENT_COUPON' | 'GIFT_ITEM';

export interface ActionDraft {
  kind: LoyaltyAutomationActionKind;
  points: string;
  couponKind: CouponKind;
  couponValue: string;
  couponPercent: string;
  couponProductId: string;
  couponTitle: string;
  couponValidDays: string;
  tag: string;
  name: string;
  value: string;
  templateKey: string;
  purpose: LoyaltyMessagePurpose;
}

export interface AutomationDraft {
  code: string;
  name: string;
  status: LoyaltyAutomationStatus;
  triggerKind: LoyaltyAutomationTriggerKind;
  days: string;
  tierCodes: string;
  eventType: string;
  storeIds: string;
  channels: string;
  categoryIds: string;
  productIds: string;
  minSpend: string;
  audience: string;
  actions: ActionDraft[];
}

export interface AutomationRecord {
  code: string;
  name: string;
  status: LoyaltyAutomationStatus;
  trigger: { kind: LoyaltyAutomationTriggerKind; days?: number | null; tierCodes?: readonly string[] | null; eventType?: string | null; criteria?: Record<string, unknown> | null };
  audienceCode?: string | null;
  hasInlineAudience: boolean;
  actions: readonly { kind: LoyaltyAutomationActionKind; points?: number | null; coupon?: Record<string, unknown> | null; tag?: string | null; name?: string | null; value?: string | null; templateKey?: string | null; purpose?: LoyaltyMessagePurpose | null }[];
}

export function emptyAction(kind: LoyaltyAutomationActionKind = 'AWARD_POINTS'): ActionDraft {
  return { kind, points: '', couponKind: 'CASH_VOUCHER', couponValue: '', couponPercent: '', couponProductId: '', couponTitle: '', couponValidDays: '', tag: '', name: '', value: '', templateKey: '', purpose: 'MARKETING' };
}

export function emptyAutomation(): AutomationDraft {
  return { code: '', name: '', status: 'DRAFT', triggerKind: 'ENROLLED', days: '', tierCodes: '', eventType: '', storeIds: '', channels: '', categoryIds: '', productIds: '', minSpend: '', audience: '', actions: [emptyAction()] };
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const joined = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');

export function automationDraftOf(a: AutomationRecord, currency: string): AutomationDraft {
  const c = a.trigger.criteria ?? {};
  return {
    code: a.code, name: a.name, status: a.status, triggerKind: a.trigger.kind, days: str(a.trigger.days), tierCodes: (a.trigger.tierCodes ?? []).join(', '), eventType: a.trigger.eventType ?? '',
    storeIds: joined(c.storeIds), channels: joined(c.channels), categoryIds: joined(c.categoryIds), productIds: joined(c.productIds),
    minSpend: typeof c.minSpendMinor === 'number' ? toMajor(c.minSpendMinor, currency) : '',
    audience: a.audienceCode ?? (a.hasInlineAudience ? INLINE_AUDIENCE : ''),
    actions: a.actions.map((x) => {
      const coupon = x.coupon ?? {};
      return {
        ...emptyAction(x.kind),
        points: str(x.points), tag: x.tag ?? '', name: x.name ?? '', value: x.value ?? '', templateKey: x.templateKey ?? '', purpose: x.purpose ?? 'MARKETING',
        couponKind: (['CASH_VOUCHER', 'PERCENT_COUPON', 'GIFT_ITEM'].includes(str(coupon.kind)) ? coupon.kind : 'CASH_VOUCHER') as CouponKind,
        couponValue: typeof coupon.valueMinor === 'number' ? toMajor(coupon.valueMinor, currency) : '',
        couponPercent: str(coupon.percent), couponProductId: str(coupon.productId), couponTitle: str(coupon.title), couponValidDays: str(coupon.validDays),
      };
    }),
  };
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const list = (v: string) => {
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? [...new Set(items)] : undefined;
};

function whole(v: string, min: number, max: number, errors: FieldErrors, key: string, what: string, required = false): number | undefined {
  const t = v.trim();
  if (!t) {
    if (required) errors[key] = `Enter ${what}.`;
    return undefined;
  }
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) {
    errors[key] = `Enter ${what}: a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}.`;
    return undefined;
  }
  return Number(t);
}

export function automationInput(d: AutomationDraft, currency: string, opts: { isNew: boolean; existingCodes: readonly string[] }): { input: SaveLoyaltyAutomationInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const code = d.code.trim().toUpperCase();
  if (!code) errors.code = 'Enter a code.';
  else if (!CODE.test(code)) errors.code = 'A code holds letters, digits, _ and - only (at most 64).';
  else if (opts.isNew && opts.existingCodes.includes(code)) errors.code = `An automation ${code} exists already; edit it instead.`;
  const name = d.name.trim();
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > 100) errors.name = 'A name has at most 100 characters.';

  const kind = d.triggerKind;
  const trigger: SaveLoyaltyAutomationInput['trigger'] = { kind };
  if (DAYS_TRIGGERS.includes(kind)) trigger.days = whole(d.days, 1, 3660, errors, 'trigger.days', 'a number of days', true);
  if (kind === 'LEVEL_CHANGED') trigger.tierCodes = list(d.tierCodes)?.map((c) => c.toUpperCase());
  if (kind === 'CUSTOM_EVENT') {
    const t = d.eventType.trim();
    if (!t) errors['trigger.eventType'] = 'Enter the event type.';
    else if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(t)) errors['trigger.eventType'] = 'An event type holds letters, digits and _ . : - only.';
    trigger.eventType = t || undefined;
  }
  if (kind === 'PURCHASE') {
    const criteria: NonNullable<NonNullable<SaveLoyaltyAutomationInput['trigger']['criteria']>> = {};
    for (const key of ['storeIds', 'channels', 'categoryIds', 'productIds'] as const) {
      const items = list(d[key]);
      if (items) criteria[key] = items;
    }
    if (d.minSpend.trim()) {
      const minor = parseAmount(d.minSpend, currency);
      if (minor === null || minor < 1) errors['trigger.criteria.minSpend'] = `Enter a minimum spend in ${currency}, e.g. 20.00.`;
      else criteria.minSpend = { amount: minor, currencyCode: currency };
    }
    if (Object.keys(criteria).length) trigger.criteria = criteria;
  }

  if (d.actions.length === 0 || d.actions.length > 10) errors.actions = 'An automation has 1 to 10 actions.';
  const actions = d.actions.map((a, i) => {
    const f = `actions.${i}`;
    const out: SaveLoyaltyAutomationInput['actions'][number] = { kind: a.kind };
    switch (a.kind) {
      case 'AWARD_POINTS':
        out.points = whole(a.points, 1, 1_000_000, errors, `${f}.points`, 'the points', true);
        break;
      case 'ISSUE_COUPON': {
        const coupon: NonNullable<typeof out.coupon> = { kind: a.couponKind };
        if (a.couponKind === 'PERCENT_COUPON') coupon.percent = whole(a.couponPercent, 1, 100, errors, `${f}.coupon.percent`, 'the percentage off', true);
        else {
          const minor = parseAmount(a.couponValue, currency);
          if (!a.couponValue.trim()) errors[`${f}.coupon.value`] = a.couponKind === 'GIFT_ITEM' ? 'Enter what the gift costs.' : "Enter the voucher's value.";
          else if (minor === null || minor < 1) errors[`${f}.coupon.value`] = `Enter an amount in ${currency}, e.g. 5.00.`;
          else coupon.value = { amount: minor, currencyCode: currency };
        }
        if (a.couponKind === 'GIFT_ITEM') {
          if (!a.couponProductId.trim()) errors[`${f}.coupon.productId`] = 'Enter the product handed over.';
          else coupon.productId = a.couponProductId.trim();
        }
        if (a.couponTitle.trim()) coupon.title = a.couponTitle.trim();
        coupon.validDays = whole(a.couponValidDays, 1, 3650, errors, `${f}.coupon.validDays`, 'a number of days');
        out.coupon = Object.fromEntries(Object.entries(coupon).filter(([, v]) => v !== undefined)) as typeof coupon;
        break;
      }
      case 'ADD_TAG':
      case 'REMOVE_TAG':
        if (!/^[a-z0-9_-]{1,40}$/.test(a.tag.trim())) errors[`${f}.tag`] = 'A tag is 1 to 40 lower-case letters, digits, _ and -.';
        out.tag = a.tag.trim();
        break;
      case 'SET_ATTRIBUTE':
        if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(a.name.trim())) errors[`${f}.name`] = 'A name is 1 to 40 letters, digits and _, starting with a letter.';
        if (!a.value.trim()) errors[`${f}.value`] = 'Enter the value.';
        out.name = a.name.trim();
        out.value = a.value.trim();
        break;
      case 'SEND_MESSAGE':
        if (!a.templateKey) errors[`${f}.templateKey`] = 'Choose a message template.';
        out.templateKey = a.templateKey;
        out.purpose = a.purpose;
        break;
    }
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as typeof out;
  });

  let audienceCode: string | null = null;
  if (d.audience === INLINE_AUDIENCE) errors.audienceCode = 'This automation has an audience of its own rules, which the console cannot edit: choose a saved audience or everyone to save it here.';
  else if (d.audience) audienceCode = d.audience;

  if (Object.keys(errors).length) return { input: null, errors };
  return { errors, input: { code, name, status: d.status, trigger: Object.fromEntries(Object.entries(trigger).filter(([, v]) => v !== undefined)) as typeof trigger, audienceCode, actions } };
}

export function triggerSummary(t: AutomationRecord['trigger']): string {
  const label = TRIGGERS.find((x) => x.kind === t.kind)?.label ?? t.kind;
  if (t.days) return `${label}: ${t.days} days`;
  if (t.tierCodes?.length) return `${label}: to ${t.tierCodes.join(', ')}`;
  if (t.eventType) return `${label}: ${t.eventType}`;
  return label;
}

export function actionSummary(a: AutomationRecord['actions'][number], money: (minor: number) => string): string {
  switch (a.kind) {
    case 'AWARD_POINTS':
      return `${(a.points ?? 0).toLocaleString()} points`;
    case 'ISSUE_COUPON': {
      const c = a.coupon ?? {};
      const what = c.kind === 'PERCENT_COUPON' ? `${str(c.percent)}% coupon` : c.kind === 'GIFT_ITEM' ? `gift ${str(c.productId)}` : `${typeof c.valueMinor === 'number' ? money(c.valueMinor) : ''} voucher`;
      return c.title ? `${what} (${str(c.title)})` : what;
    }
    case 'SEND_MESSAGE':
      return `message ${a.templateKey} (${(a.purpose ?? 'MARKETING').toLowerCase()})`;
    case 'ADD_TAG':
      return `tag +${a.tag}`;
    case 'REMOVE_TAG':
      return `tag −${a.tag}`;
    case 'SET_ATTRIBUTE':
      return `${a.name} = ${a.value}`;
  }
}
