import { InputChecker } from '../../common/validation';
import { MemberStatus } from '../members/member.entity';

/**
 * An audience (segment): conditions over member data, all of which a member must meet. Evaluated
 * in SQL as one condition on `member m` (see `audienceCondition`), never by loading members, so a
 * count or a campaign's check costs one query whatever the programme's size. Stored as JSON on the
 * audience; every field is optional, and no field at all means every ACTIVE member.
 */
export interface AudienceRules {
  /** Member statuses (default ACTIVE only). */
  statuses?: MemberStatus[];
  /** Level codes the member is at now. */
  tierCodes?: string[];
  enrolledAfter?: string;
  enrolledBefore?: string;
  /** Birthday months, 1..12. */
  birthdayMonths?: number[];
  emailOptIn?: boolean;
  smsOptIn?: boolean;
  /** Where the member enrolled (`enrollmentSource`: `store:<storeId>` or `admin`). */
  enrollmentSources?: string[];
  /** The member has at least one of these tags (automations' ADD_TAG). */
  tags?: string[];
  /** The member has none of these tags. */
  withoutTags?: string[];
  /** Net spend (minor units, less returns) in the last `windowDays`. */
  spend?: { windowDays: number; min?: number; max?: number };
  /** Sales (visits) in the last `windowDays`. */
  visits?: { windowDays: number; min?: number; max?: number };
  /** Bought at least once in the last N days. */
  purchasedWithinDays?: number;
  /** Bought nothing in the last N days (never bought counts as inactive too). */
  inactiveForDays?: number;
  /** Bought at least once in one of these stores (and/or channels), in the last `withinDays` when given. */
  purchasedAt?: { storeIds?: string[]; channels?: string[]; withinDays?: number };
}

/** The longest window a rule may look back: ten years. */
export const MAX_WINDOW_DAYS = 3660;
const MAX_LIST = 100;
const MAX_MINOR = 2_147_483_647;

type Range = { windowDays?: number | null; min?: number | null; max?: number | null } | null | undefined;

/** The GraphQL input's shape (every field optional, nulls allowed). */
export interface AudienceRulesInputShape {
  statuses?: MemberStatus[] | null;
  tierCodes?: string[] | null;
  enrolledAfter?: Date | null;
  enrolledBefore?: Date | null;
  birthdayMonths?: number[] | null;
  emailOptIn?: boolean | null;
  smsOptIn?: boolean | null;
  enrollmentSources?: string[] | null;
  tags?: string[] | null;
  withoutTags?: string[] | null;
  spend?: Range;
  visits?: Range;
  purchasedWithinDays?: number | null;
  inactiveForDays?: number | null;
  purchasedAt?: { storeIds?: string[] | null; channels?: string[] | null; withinDays?: number | null } | null;
}

function days(check: InputChecker, field: string, v: number | null | undefined, required: boolean): number | undefined {
  if (v === null || v === undefined) {
    if (required) check.fail(field, `${field} is required: a number of days from 1 to ${MAX_WINDOW_DAYS}`);
    return undefined;
  }
  if (!Number.isInteger(v) || v < 1 || v > MAX_WINDOW_DAYS) {
    check.fail(field, `${field} must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}`);
    return undefined;
  }
  return v;
}

export function codes(check: InputChecker, field: string, v: string[] | null | undefined, max = 64): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (v.length === 0 || v.length > MAX_LIST) {
    check.fail(field, `${field} must list 1 to ${MAX_LIST} values (leave it out for any)`);
    return undefined;
  }
  const out: string[] = [];
  v.forEach((c, i) => {
    const t = check.text(`${field}.${i}`, c, max, { required: true, label: `${field}[${i}]` });
    if (t) out.push(t);
  });
  return [...new Set(out)];
}

function range(check: InputChecker, field: string, r: Range): { windowDays: number; min?: number; max?: number } | undefined {
  if (!r) return undefined;
  const windowDays = days(check, `${field}.windowDays`, r.windowDays, true);
  const bound = (name: 'min' | 'max') => {
    const v = r[name];
    if (v === null || v === undefined) return undefined;
    if (!Number.isInteger(v) || v < 0 || v > MAX_MINOR) {
      check.fail(`${field}.${name}`, `${field}.${name} must be a whole number from 0`);
      return undefined;
    }
    return v;
  };
  const min = bound('min');
  const max = bound('max');
  if (min === undefined && max === undefined && r.min == null && r.max == null) check.fail(field, `${field} needs a min, a max or both`);
  if (min !== undefined && max !== undefined && min > max) check.fail(`${field}.max`, `${field}.max must not be below ${field}.min`);
  if (windowDays === undefined) return undefined;
  return { windowDays, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** Checks an audience's rules; every problem becomes a user error under `field`. */
export function checkAudienceRules(check: InputChecker, input: AudienceRulesInputShape | null | undefined, field = 'rules'): AudienceRules {
  const r: AudienceRules = {};
  if (!input) return r;
  const f = (name: string) => `${field}.${name}`;
  if (input.statuses != null) {
    if (input.statuses.length === 0) check.fail(f('statuses'), 'statuses must list at least one status (leave it out for ACTIVE)');
    else r.statuses = [...new Set(input.statuses)];
  }
  const tiers = codes(check, f('tierCodes'), input.tierCodes);
  if (tiers) r.tierCodes = tiers.map((t) => t.toUpperCase());
  const date = (name: 'enrolledAfter' | 'enrolledBefore') => {
    const d = input[name];
    if (d == null) return;
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) check.fail(f(name), `${name} must be a date and time`);
    else r[name] = d.toISOString();
  };
  date('enrolledAfter');
  date('enrolledBefore');
  if (r.enrolledAfter && r.enrolledBefore && r.enrolledAfter >= r.enrolledBefore) check.fail(f('enrolledBefore'), 'enrolledBefore must be after enrolledAfter');
  if (input.birthdayMonths != null) {
    const bad = input.birthdayMonths.filter((m) => !Number.isInteger(m) || m < 1 || m > 12);
    if (input.birthdayMonths.length === 0 || bad.length) check.fail(f('birthdayMonths'), 'birthdayMonths must list months from 1 (January) to 12 (December)');
    else r.birthdayMonths = [...new Set(input.birthdayMonths)].sort((a, b) => a - b);
  }
  if (input.emailOptIn != null) r.emailOptIn = input.emailOptIn;
  if (input.smsOptIn != null) r.smsOptIn = input.smsOptIn;
  const sources = codes(check, f('enrollmentSources'), input.enrollmentSources);
  if (sources) r.enrollmentSources = sources;
  const tags = codes(check, f('tags'), input.tags, 40);
  if (tags) r.tags = tags.map((t) => t.toLowerCase());
  const without = codes(check, f('withoutTags'), input.withoutTags, 40);
  if (without) r.withoutTags = without.map((t) => t.toLowerCase());
  const spend = range(check, f('spend'), input.spend);
  if (spend) r.spend = spend;
  const visits = range(check, f('visits'), input.visits);
  if (visits) r.visits = visits;
  const within = days(check, f('purchasedWithinDays'), input.purchasedWithinDays, false);
  if (within) r.purchasedWithinDays = within;
  const inactive = days(check, f('inactiveForDays'), input.inactiveForDays, false);
  if (inactive) r.inactiveForDays = inactive;
  if (within && inactive && inactive >= within) check.fail(f('inactiveForDays'), `no member can have bought in the last ${within} days and not in the last ${inactive}`);
  if (input.purchasedAt) {
    const storeIds = codes(check, f('purchasedAt.storeIds'), input.purchasedAt.storeIds);
    const channels = codes(check, f('purchasedAt.channels'), input.purchasedAt.channels);
    const withinDays = days(check, f('purchasedAt.withinDays'), input.purchasedAt.withinDays, false);
    if (!storeIds && !channels) check.fail(f('purchasedAt'), 'purchasedAt needs storeIds, channels or both');
    r.purchasedAt = { ...(storeIds ? { storeIds } : {}), ...(channels ? { channels } : {}), ...(withinDays ? { withinDays } : {}) };
  }
  return r;
}

const DAY_MS = 86_400_000;

/** A PostgreSQL array literal of text values, each quoted (the driver would expand a JS array into a list). */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * When an audience is judged: now (a JS date), or, for a replay, a SQL time (e.g. a replayed sale's
 * `x.occurred_at`) with the sales booked before a SQL keyset (e.g. `(x.created_at, x.id)`): then
 * only the sales booked before count, as they did when the replayed sale was booked.
 */
export type AudienceTime = Date | { sql: string; bookedBefore: string };

/**
 * The rules as one SQL condition on the member row aliased `m`, with its parameters (in order),
 * as of `now`. Sales come from `sale_earn` (one row per sale; net of returns), which is indexed by
 * member.
 */
export function audienceCondition(rules: AudienceRules, now: AudienceTime): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  // "d days before the time": a parameter now, or SQL on the replayed sale's time
  const replay = now instanceof Date ? null : now;
  const sinceSql = replay ? `(${replay.sql} - make_interval(days => ?::int))` : '?';
  const since = (d: number): unknown => (replay ? d : new Date((now as Date).getTime() - d * DAY_MS));
  const booked = replay ? ` and (s.created_at, s.id) < ${replay.bookedBefore}` : '';
  parts.push('m.status = any(?::text[])');
  params.push(textArray(rules.statuses?.length ? rules.statuses : [MemberStatus.ACTIVE]));
  if (rules.tierCodes) {
    parts.push('m.tier_id in (select t.id from tier t where t.code = any(?::text[]))');
    params.push(textArray(rules.tierCodes));
  }
  if (rules.enrolledAfter) {
    parts.push('m.enrolled_at >= ?');
    params.push(new Date(rules.enrolledAfter));
  }
  if (rules.enrolledBefore) {
    parts.push('m.enrolled_at < ?');
    params.push(new Date(rules.enrolledBefore));
  }
  if (rules.birthdayMonths) {
    parts.push('extract(month from m.birthday)::int = any(?::int[])');
    params.push(`{${rules.birthdayMonths.join(',')}}`);
  }
  if (rules.emailOptIn !== undefined) {
    parts.push(rules.emailOptIn ? 'm.email_opt_in and m.email is not null' : 'not (m.email_opt_in and m.email is not null)');
  }
  if (rules.smsOptIn !== undefined) {
    parts.push(rules.smsOptIn ? 'm.sms_opt_in and m.phone is not null' : 'not (m.sms_opt_in and m.phone is not null)');
  }
  if (rules.enrollmentSources) {
    parts.push('m.enrollment_source = any(?::text[])');
    params.push(textArray(rules.enrollmentSources));
  }
  if (rules.tags) {
    parts.push('m.tags && ?::text[]');
    params.push(textArray(rules.tags));
  }
  if (rules.withoutTags) {
    parts.push('not (m.tags && ?::text[])');
    params.push(textArray(rules.withoutTags));
  }
  const aggregate = (expr: string, r: { windowDays: number; min?: number; max?: number }) => {
    const value = `(select coalesce(${expr}, 0) from sale_earn s where s.member_id = m.id and s.occurred_at >= ${sinceSql}${booked})`;
    if (r.min !== undefined) {
      parts.push(`${value} >= ?`);
      params.push(since(r.windowDays), r.min);
    }
    if (r.max !== undefined) {
      parts.push(`${value} <= ?`);
      params.push(since(r.windowDays), r.max);
    }
  };
  if (rules.spend) aggregate('sum(s.total_minor - s.returned_amount_minor)', rules.spend);
  if (rules.visits) aggregate('count(*)', rules.visits);
  if (rules.purchasedWithinDays) {
    parts.push(`exists (select 1 from sale_earn s where s.member_id = m.id and s.occurred_at >= ${sinceSql}${booked})`);
    params.push(since(rules.purchasedWithinDays));
  }
  if (rules.inactiveForDays) {
    parts.push(`not exists (select 1 from sale_earn s where s.member_id = m.id and s.occurred_at >= ${sinceSql}${booked})`);
    params.push(since(rules.inactiveForDays));
  }
  if (rules.purchasedAt) {
    const p = rules.purchasedAt;
    const conds = [`s.member_id = m.id${booked}`];
    if (p.storeIds) {
      conds.push('s.store_id = any(?::text[])');
      params.push(textArray(p.storeIds));
    }
    if (p.channels) {
      conds.push('s.channel = any(?::text[])');
      params.push(textArray(p.channels));
    }
    if (p.withinDays) {
      conds.push(`s.occurred_at >= ${sinceSql}`);
      params.push(since(p.withinDays));
    }
    parts.push(`exists (select 1 from sale_earn s where ${conds.join(' and ')})`);
  }
  return { sql: parts.map((p) => `(${p})`).join(' and '), params };
}
