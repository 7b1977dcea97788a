import type { EntityManager } from '@mikro-orm/postgresql';
import type { MoneyInput } from '../../common/money';
import { InputChecker } from '../../common/validation';
import { checkAudienceRules, codes, type AudienceRules, type AudienceRulesInputShape } from '../audiences/audience-rules';
import { MessageChannel } from '../messaging/messaging.entities';
import { placeholdersIn } from '../messaging/templates';
import {
  ACTION_PLACEHOLDERS, AutomationActionKind, AutomationStatus, AutomationTriggerKind, CUSTOM_TEMPLATE_KEY, EVENT_TYPE, MessagePurpose, TRIGGER_PLACEHOLDERS,
  type AutomationAction, type AutomationCouponKind, type AutomationTrigger,
} from './automation.model';

/** SaveLoyaltyAutomationInput's shape. */
export interface AutomationInputShape {
  code: string;
  name: string;
  status?: AutomationStatus | null;
  trigger: {
    kind: AutomationTriggerKind; days?: number | null; tierCodes?: string[] | null; eventType?: string | null;
    criteria?: { storeIds?: string[] | null; channels?: string[] | null; categoryIds?: string[] | null; productIds?: string[] | null; minSpend?: MoneyInput | null } | null;
  };
  audienceCode?: string | null;
  audience?: AudienceRulesInputShape | null;
  actions: {
    kind: AutomationActionKind; points?: number | null;
    coupon?: OfferCouponInputShape | null;
    tag?: string | null; name?: string | null; value?: string | null; templateKey?: string | null; purpose?: MessagePurpose | null;
  }[];
}

/** A coupon as an admin gives it (LoyaltyAutomationCouponInput). */
export interface OfferCouponInputShape {
  kind: AutomationCouponKind;
  value?: MoneyInput | null;
  percent?: number | null;
  productId?: string | null;
  title?: string | null;
  validDays?: number | null;
}

export interface CheckedAutomation {
  code: string;
  name: string;
  status: AutomationStatus;
  trigger: AutomationTrigger;
  audienceCode: string | null;
  audienceRules: AudienceRules | null;
  actions: AutomationAction[];
}

const TAG = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Triggers whose messages are about what the member has (service messages, no marketing consent needed). */
const SERVICE_TRIGGERS: ReadonlySet<AutomationTriggerKind> = new Set([
  AutomationTriggerKind.ENROLLED, AutomationTriggerKind.LEVEL_CHANGED, AutomationTriggerKind.POINTS_EXPIRING, AutomationTriggerKind.COUPON_EXPIRING,
]);

/** The placeholders a SEND_MESSAGE at `index` gets: its trigger's and those of the actions before it. */
export function placeholdersSupplied(trigger: AutomationTriggerKind, actions: readonly { kind: AutomationActionKind }[], index: number): Set<string> {
  const supplied = new Set(TRIGGER_PLACEHOLDERS[trigger] ?? []);
  for (const a of actions.slice(0, index)) for (const p of ACTION_PLACEHOLDERS[a.kind] ?? []) supplied.add(p);
  return supplied;
}
const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** What the database must say for the automation to be saved: saved audiences, templates by key. */
export interface AutomationLookups {
  audienceExists(code: string): boolean;
  /** The channels and placeholders of a message template key's saved templates. */
  template(key: string): { channels: MessageChannel[]; placeholders: string[] } | null;
}

export async function automationLookups(em: EntityManager): Promise<AutomationLookups> {
  const conn = em.getConnection();
  const audiences = new Set((await conn.execute<{ code: string }[]>('select code from audience')).map((r) => r.code));
  const rows = await conn.execute<{ key: string; channel: MessageChannel; subject: string; body: string; html: string | null }[]>(`select key, channel, subject, body, html from message_template where key like 'custom.%'`);
  const templates = new Map<string, { channels: MessageChannel[]; placeholders: string[] }>();
  for (const r of rows) {
    const t = templates.get(r.key) ?? { channels: [], placeholders: [] };
    t.channels.push(r.channel);
    for (const text of [r.subject, r.body, r.html ?? '']) t.placeholders.push(...placeholdersIn(text));
    templates.set(r.key, t);
  }
  return { audienceExists: (c) => audiences.has(c), template: (k) => templates.get(k) ?? null };
}

/** The coupon an automation or a challenge gives (coupons/offer-coupon.ts), checked under `field`. */
export function checkOfferCoupon(check: InputChecker, field: string, c: OfferCouponInputShape, currencyCode: string): NonNullable<AutomationAction['coupon']> {
  const coupon: NonNullable<AutomationAction['coupon']> = { kind: c.kind };
  if (c.kind === 'CASH_VOUCHER') {
    coupon.valueMinor = check.money(`${field}.value`, c.value, currencyCode, 1, 100_000_000);
    if (!c.value) check.fail(`${field}.value`, 'A cash voucher needs a value');
  } else if (c.kind === 'PERCENT_COUPON') {
    coupon.percent = check.int(`${field}.percent`, c.percent, 1, 100);
    if (c.percent == null) check.fail(`${field}.percent`, 'A percent coupon needs percent');
  } else if (c.kind === 'GIFT_ITEM') {
    const productId = check.text(`${field}.productId`, c.productId, 64, { required: true, label: 'productId' });
    if (productId) coupon.productId = productId;
  } else check.fail(`${field}.kind`, 'coupon.kind is CASH_VOUCHER, PERCENT_COUPON or GIFT_ITEM');
  const title = check.text(`${field}.title`, c.title, 200, { label: 'title' });
  if (title) coupon.title = title;
  const days = check.int(`${field}.validDays`, c.validDays, 1, 3650);
  if (days) coupon.validDays = days;
  return coupon;
}

/** Checks an automation; every problem becomes a user error under its field. */
export function checkAutomationInput(check: InputChecker, input: AutomationInputShape, currencyCode: string, lookups: AutomationLookups): CheckedAutomation | null {
  const code = check.code('code', input.code, { required: true });
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });

  const t = input.trigger;
  const trigger: AutomationTrigger = { kind: t?.kind };
  const needsDays = [AutomationTriggerKind.POINTS_EXPIRING, AutomationTriggerKind.COUPON_EXPIRING, AutomationTriggerKind.INACTIVE];
  if (!t?.kind) check.fail('trigger.kind', 'trigger.kind is required');
  else if (needsDays.includes(t.kind)) {
    const days = check.int('trigger.days', t.days, 1, 3660);
    if (t.days == null) check.fail('trigger.days', `${t.kind} needs days`);
    if (days) trigger.days = days;
  } else if (t.days != null) check.fail('trigger.days', `days is for ${needsDays.join(', ')}`);
  if (t?.kind === AutomationTriggerKind.LEVEL_CHANGED && t.tierCodes) {
    const list = codes(check, 'trigger.tierCodes', t.tierCodes);
    if (list) trigger.tierCodes = list.map((c) => c.toUpperCase());
  } else if (t?.tierCodes) check.fail('trigger.tierCodes', 'tierCodes is for LEVEL_CHANGED');
  if (t?.kind === AutomationTriggerKind.CUSTOM_EVENT) {
    const type = check.text('trigger.eventType', t.eventType, 64, { required: true, label: 'trigger.eventType' });
    if (type && !EVENT_TYPE.test(type)) check.fail('trigger.eventType', 'eventType may hold letters, digits and _ . : - only (as recordLoyaltyEvent accepts)');
    else if (type) trigger.eventType = type;
  } else if (t?.eventType) check.fail('trigger.eventType', 'eventType is for CUSTOM_EVENT');
  if (t?.criteria) {
    if (t.kind !== AutomationTriggerKind.PURCHASE) check.fail('trigger.criteria', 'criteria are for PURCHASE');
    const criteria: NonNullable<AutomationTrigger['criteria']> = {};
    for (const key of ['storeIds', 'channels', 'categoryIds', 'productIds'] as const) {
      const list = codes(check, `trigger.criteria.${key}`, t.criteria[key] ?? undefined);
      if (list) criteria[key] = list;
    }
    const min = check.money('trigger.criteria.minSpend', t.criteria.minSpend, currencyCode, 1, 100_000_000);
    if (min !== undefined) criteria.minSpendMinor = min;
    trigger.criteria = criteria;
  }

  const audienceCode = check.code('audienceCode', input.audienceCode);
  if (audienceCode && !lookups.audienceExists(audienceCode)) check.fail('audienceCode', `No audience has the code ${audienceCode} (saveLoyaltyAudience creates one)`);
  let audienceRules: AudienceRules | null = null;
  if (input.audience) {
    if (audienceCode) check.fail('audience', 'Give audienceCode or audience, not both');
    audienceRules = checkAudienceRules(check, input.audience, 'audience');
  }

  const actions: AutomationAction[] = [];
  if (!Array.isArray(input.actions) || input.actions.length === 0 || input.actions.length > 10) check.fail('actions', 'An automation has 1 to 10 actions');
  const supplied = new Set(t?.kind ? TRIGGER_PLACEHOLDERS[t.kind] : []);
  (input.actions ?? []).slice(0, 10).forEach((a, i) => {
    const f = `actions.${i}`;
    const action: AutomationAction = { kind: a.kind };
    switch (a.kind) {
      case AutomationActionKind.AWARD_POINTS:
        action.points = check.int(`${f}.points`, a.points, 1, 1_000_000);
        if (a.points == null) check.fail(`${f}.points`, 'AWARD_POINTS needs points');
        break;
      case AutomationActionKind.ISSUE_COUPON: {
        if (!a.coupon) { check.fail(`${f}.coupon`, 'ISSUE_COUPON needs a coupon'); break; }
        action.coupon = checkOfferCoupon(check, `${f}.coupon`, a.coupon, currencyCode);
        break;
      }
      case AutomationActionKind.ADD_TAG:
      case AutomationActionKind.REMOVE_TAG: {
        const tag = (a.tag ?? '').trim().toLowerCase();
        if (!TAG.test(tag)) check.fail(`${f}.tag`, 'tag is 1 to 40 lower-case letters, digits, _ and -');
        else action.tag = tag;
        break;
      }
      case AutomationActionKind.SET_ATTRIBUTE: {
        const n = (a.name ?? '').trim();
        if (!ATTRIBUTE.test(n)) check.fail(`${f}.name`, 'name is 1 to 40 letters, digits and _, starting with a letter');
        else action.name = n;
        const v = check.text(`${f}.value`, a.value, 200, { required: true, label: 'value' });
        if (v) action.value = v;
        break;
      }
      case AutomationActionKind.SEND_MESSAGE: {
        const key = (a.templateKey ?? '').trim();
        if (!CUSTOM_TEMPLATE_KEY.test(key)) { check.fail(`${f}.templateKey`, 'templateKey is custom.<name>: a template saved with saveLoyaltyMessageTemplate'); break; }
        const tpl = lookups.template(key);
        if (!tpl) check.fail(`${f}.templateKey`, `No template is saved under ${key}`);
        else if (!tpl.channels.includes(MessageChannel.INBOX)) check.fail(`${f}.templateKey`, `${key} needs an INBOX template: the member's copy of every message`);
        else {
          const missing = [...new Set(tpl.placeholders)].filter((p) => !supplied.has(p));
          if (missing.length) check.fail(`${f}.templateKey`, `${key} uses ${missing.map((p) => `{{${p}}}`).join(', ')}, which this trigger and the actions before it do not supply (they supply ${[...supplied].map((p) => `{{${p}}}`).join(', ')})`);
        }
        action.templateKey = key;
        action.purpose = a.purpose ?? MessagePurpose.MARKETING;
        // a service message tells the member about what they have: a level, expiring points or
        // coupons, or what this automation just gave them; anything else is marketing
        if (action.purpose === MessagePurpose.SERVICE && !(t?.kind && SERVICE_TRIGGERS.has(t.kind)) && !actions.some((x) => x.kind === AutomationActionKind.AWARD_POINTS || x.kind === AutomationActionKind.ISSUE_COUPON)) {
          check.fail(`${f}.purpose`, `A ${t?.kind} message is marketing unless it tells the member what the automation gave them (an AWARD_POINTS or ISSUE_COUPON before it)`);
        }
        break;
      }
      default:
        check.fail(`${f}.kind`, 'kind is required');
    }
    for (const p of ACTION_PLACEHOLDERS[a.kind] ?? []) supplied.add(p);
    actions.push(action);
  });

  if (!check.ok || !code || !name) return null;
  return { code, name, status: input.status ?? AutomationStatus.DRAFT, trigger, audienceCode, audienceRules, actions };
}
