import type { EntityManager } from '@mikro-orm/postgresql';
import { audienceCondition, textArray, type AudienceRules } from '../audiences/audience-rules';
import { saleCandidates, CampaignOfferKind, CampaignStacking, CampaignStatus, type CampaignDef } from '../campaigns/campaign-engine';
import { LimitPeriod } from '../campaigns/campaign-time';
import type { SaleEarnLine } from '../ledger/ledger.entities';
import { AutomationTriggerKind, EVENT_TRIGGERS, type AutomationAction, type AutomationStatus, type AutomationTrigger } from './automation.model';

/** An automation as the runner needs it, its audience's rules resolved. */
export interface AutomationDef {
  id: string;
  code: string;
  name: string;
  status: AutomationStatus;
  trigger: AutomationTrigger;
  audience: AudienceRules | null;
  actions: AutomationAction[];
  activatedAt: Date | null;
  scanFrom: Date | null;
}

/** One thing that happened to one member, which the automation acts on once. */
export interface Occurrence {
  memberId: string;
  key: string;
  values: Record<string, string | number>;
  /** Event triggers: when the source recorded it (what `scanFrom` is compared with). */
  at: Date | null;
}

/**
 * Event triggers read what was recorded from `scanFrom` less this overlap, so a transaction that
 * committed a while after the time it stamped (a long maintenance run's level changes) is still
 * seen; the run log's unique key makes the overlap harmless. An occurrence skipped because its
 * member was locked holds `scanFrom` back to its time (automation.runner.ts).
 */
export const SCAN_OVERLAP_MS = 30 * 60_000;

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

interface Source {
  /** Rows of (member_id, occ, ...values), parameters in order. */
  sql: string;
  params: unknown[];
}

function source(a: AutomationDef, now: Date): Source {
  const t = a.trigger;
  const floor = a.activatedAt ?? now;
  const since = new Date(Math.max(floor.getTime(), (a.scanFrom ?? floor).getTime() - SCAN_OVERLAP_MS));
  switch (t.kind) {
    case AutomationTriggerKind.ENROLLED:
      return { sql: `select m.id as member_id, 'enrolled' as occ, m.enrolled_at as t from member m where m.enrolled_at >= ?`, params: [since] };
    case AutomationTriggerKind.LEVEL_CHANGED:
      return {
        // a real change: another level than the member's previous TIER_CHANGE entry (renewals and notes repeat it)
        sql: `select e.member_id, 'tier:' || e.id as occ, t.name as "tierName", e.occurred_at as t from ledger_entry e join tier t on t.id = e.tier_id
               where e.type = 'TIER_CHANGE' and e.occurred_at >= ?${t.tierCodes ? ' and t.code = any(?::text[])' : ''}
                 and e.tier_id is distinct from (select p.tier_id from ledger_entry p where p.member_id = e.member_id and p.type = 'TIER_CHANGE' and p.id < e.id order by p.id desc limit 1)`,
        params: t.tierCodes ? [since, textArray(t.tierCodes)] : [since],
      };
    case AutomationTriggerKind.PURCHASE: {
      const k = t.criteria ?? {};
      const conds = ['s.created_at >= ?'];
      const params: unknown[] = [since];
      if (k.storeIds) { conds.push('s.store_id = any(?::text[])'); params.push(textArray(k.storeIds)); }
      if (k.channels) { conds.push('s.channel = any(?::text[])'); params.push(textArray(k.channels)); }
      return { sql: `select s.member_id, 'sale:' || s.id as occ, s.sale_id as "saleId", s.channel, s.store_id, s.lines, s.occurred_at, s.created_at as t from sale_earn s where ${conds.join(' and ')}`, params };
    }
    case AutomationTriggerKind.RETURN:
      return {
        sql: `select e.member_id, 'return:' || min(e.id) as occ, e.sale_id as "saleId", e.channel, e.occurred_at as t from ledger_entry e
               where e.type = 'RETURN' and e.occurred_at >= ? group by e.member_id, e.sale_id, e.channel, e.occurred_at`,
        params: [since],
      };
    case AutomationTriggerKind.CUSTOM_EVENT:
      return { sql: `select v.member_id, 'event:' || v.id as occ, v.type as "eventType", v.received_at as t from loyalty_event v where v.received_at >= ? and v.type = ?`, params: [since, t.eventType] };
    case AutomationTriggerKind.BIRTHDAY: {
      const month = now.getUTCMonth() + 1;
      const day = now.getUTCDate();
      const leap = new Date(Date.UTC(now.getUTCFullYear(), 1, 29)).getUTCMonth() === 1;
      return {
        sql: `select m.id as member_id, 'birthday:' || ?::text as occ from member m where m.status = 'ACTIVE' and m.birthday is not null
               and ((extract(month from m.birthday) = ? and extract(day from m.birthday) = ?) or (? and extract(month from m.birthday) = 2 and extract(day from m.birthday) = 29))`,
        params: [String(now.getUTCFullYear()), month, day, !leap && month === 2 && day === 28],
      };
    }
    case AutomationTriggerKind.POINTS_EXPIRING:
      return {
        sql: `select l.member_id, 'points-expiring:' || to_char(min(l.expires_at) at time zone 'UTC', 'YYYY-MM-DD') as occ, sum(l.remaining) as points, min(l.expires_at) as expires_at
                from earning_lot l where l.status = 'AVAILABLE' and l.remaining > 0 and l.expires_at > ? and l.expires_at <= ? group by l.member_id`,
        params: [now, new Date(now.getTime() + t.days! * DAY_MS)],
      };
    case AutomationTriggerKind.COUPON_EXPIRING:
      return {
        sql: `select c.member_id, 'coupon:' || c.code as occ, c.title as "expiringCouponTitle", c.code as "expiringCouponCode", c.expires_at
                from coupon c where c.status = 'ACTIVE' and c.member_id is not null and c.expires_at > ? and c.expires_at <= ?`,
        params: [now, new Date(now.getTime() + t.days! * DAY_MS)],
      };
    case AutomationTriggerKind.INACTIVE:
      // wallet.last_activity_at: enrolling, earning, spending (written at most hourly); indexed
      return {
        sql: `select w.member_id, 'inactive:' || to_char(w.last_activity_at at time zone 'UTC', 'YYYY-MM-DD') as occ, w.last_activity_at
                from wallet w where w.last_activity_at is not null and w.last_activity_at <= ?`,
        params: [new Date(now.getTime() - t.days! * DAY_MS)],
      };
    default:
      throw new Error(`unknown trigger ${String(t.kind)}`);
  }
}

/** A pseudo-campaign carrying a PURCHASE trigger's line criteria, for the campaign engine's sale check. */
function purchaseFilter(a: AutomationDef): CampaignDef | null {
  const k = a.trigger.criteria;
  if (!k || !(k.categoryIds || k.productIds || k.minSpendMinor !== undefined)) return null;
  return {
    id: a.id, code: a.code, name: a.name, status: CampaignStatus.ACTIVE, startsAt: new Date(0), endsAt: null, timeZone: 'UTC', windows: [],
    audienceCode: null, audience: null, criteria: { categoryIds: k.categoryIds, productIds: k.productIds, minSpendMinor: k.minSpendMinor },
    offer: { kind: CampaignOfferKind.EXTRA_POINTS, points: 1 }, perMemberLimit: null, perMemberPeriod: LimitPeriod.CAMPAIGN,
    budgetPoints: null, budgetValueMinor: null, budgetCoupons: null, priority: 0, stacking: CampaignStacking.STACKABLE, stackGroup: null, createdAt: new Date(0),
  };
}

/**
 * The next page of occurrences due for the automation: from its trigger's source, members in its
 * audience (ACTIVE by default), without a run yet, after the keyset `after` (member id, key).
 */
export async function dueOccurrences(em: EntityManager, a: AutomationDef, now: Date, after: { memberId: string; key: string } | null, limit: number): Promise<{ occurrences: Occurrence[]; last: { memberId: string; key: string } | null }> {
  const src = source(a, now);
  const audience = audienceCondition(a.audience ?? {}, now);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select d.*, m.first_name, m.last_name from (${src.sql}) d join member m on m.id = d.member_id
      where ${audience.sql}
        and not exists (select 1 from automation_run r where r.automation_id = ? and r.member_id = d.member_id and r.occurrence_key = d.occ)
        and (?::uuid is null or (d.member_id, d.occ) > (?::uuid, ?::text))
      order by d.member_id, d.occ limit ?`,
    [...src.params, ...audience.params, a.id, after?.memberId ?? null, after?.memberId ?? null, after?.key ?? null, limit],
  );
  const filter = a.trigger.kind === AutomationTriggerKind.PURCHASE ? purchaseFilter(a) : null;
  const occurrences: Occurrence[] = [];
  for (const r of rows) {
    if (filter) {
      const lines = (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as SaleEarnLine[];
      const sale = {
        channel: String(r.channel), storeId: (r.store_id as string | null) ?? null, at: new Date(r.occurred_at as string),
        // what is left of the sale after returns so far
        lines: lines.filter((l) => l.quantity > l.returnedQuantity).map((l) => ({ productId: l.productId, categoryId: l.categoryId ?? null, quantity: l.quantity - l.returnedQuantity, unitPrice: l.unitPrice, points: l.points, excluded: l.excluded === true })),
      };
      if (saleCandidates([filter], sale).candidates.length === 0) continue;
    }
    const values: Record<string, string | number> = { firstName: String(r.first_name ?? ''), lastName: String(r.last_name ?? '') };
    for (const k of ['tierName', 'saleId', 'channel', 'eventType', 'expiringCouponTitle', 'expiringCouponCode']) if (r[k] != null) values[k] = String(r[k]);
    if (r.points != null) values.points = Number(r.points);
    if (r.expires_at) {
      const at = new Date(r.expires_at as string);
      values.expiresOn = isoDay(at);
      values.daysLeft = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / DAY_MS));
    }
    if (r.last_activity_at) values.daysInactive = Math.floor((now.getTime() - new Date(r.last_activity_at as string).getTime()) / DAY_MS);
    occurrences.push({ memberId: String(r.member_id), key: String(r.occ), values, at: r.t ? new Date(r.t as string) : null });
  }
  const tail = rows[rows.length - 1];
  return { occurrences, last: rows.length === limit && tail ? { memberId: String(tail.member_id), key: String(tail.occ) } : null };
}

export function isEventTrigger(t: AutomationTrigger): boolean {
  return EVENT_TRIGGERS.has(t.kind);
}
