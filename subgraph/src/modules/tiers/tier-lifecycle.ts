/**
 * Membership levels over time (docs/levels.md): what a member qualifies on and over which window,
 * upgrades at once, downgrades only at a review and after the level's grace period, one level at
 * a time or straight to the qualified level, a manual level as a floor, a warning before a review
 * that would downgrade, and every change in the member's points log (a TIER_CHANGE entry).
 *
 * Everything that moves a member's level runs in their ledger transaction (wallet row locked), so
 * an upgrade by an earn and a review by the maintenance run on another replica cannot cross.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemberLedger } from '../ledger/ledger.core';
import { MemberLedger as Ledger } from '../ledger/ledger.core';
import { LedgerEntryType } from '../ledger/ledger.entities';
import { awardBonus } from '../ledger/adjust.service';
import { CouponKind } from '../coupons/coupon.entity';
import { insertCoupon } from '../coupons/coupon.service';
import { loadTemplates, writeMemberMessage } from '../messaging/member-messages';
import { TIER_REVIEW_WARNING } from '../messaging/templates';
import {
  type ProgrammeSettings,
  TierDowngrade,
  TierQualificationBasis,
  TierQualificationWindow,
  TierReview,
} from '../programme/programme-settings.entity';
// a cycle (membership.service uses this module's functions), resolved at call time
import { runMembershipMaintenance } from './membership.service';
import type { Tier } from './tier.entity';
import { loadTiers } from './tier.service';

const DAY_MS = 86_400_000;

/** Reads the member's level again, into the locked wallet (see {@link upgradeAfterEarn}). */
export async function refreshTier(ledger: MemberLedger, tiers: Tier[]): Promise<void> {
  const rows = await ledger.em.execute<{ tier_id: string | null }[]>('select tier_id from member where id = ?', [ledger.wallet.memberId]);
  const tier = tiers.find((t) => t.id === rows[0]?.tier_id) ?? null;
  ledger.wallet.tierId = tier?.id ?? null;
  ledger.wallet.tierRank = tier?.rank ?? null;
  ledger.wallet.tierMultiplierPercent = tier?.earnMultiplierPercent ?? 100;
}

/** The programme settings levels follow (the tier* fields; currency and expiry for upgrade bonuses). */
export type LevelSettings = ProgrammeSettings;

/** `months` calendar months after `d` (UTC), the day clamped to the month's last (31 Jan + 1 = 28/29 Feb). */
export function addMonths(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d.getUTCDate(), last));
  return first;
}

/** Lifetime tier points: the wallet's own counter answers, no query (and the one-statement earn may run). */
export function qualifiesOnLifetimePoints(s: Pick<LevelSettings, 'tierQualificationBasis' | 'tierQualificationWindow'>): boolean {
  return s.tierQualificationBasis === TierQualificationBasis.TIER_POINTS && s.tierQualificationWindow === TierQualificationWindow.LIFETIME;
}

/**
 * The time qualification counts over as of `asOf`: sales from `from` (null: since enrolment) to
 * `asOf`. A calendar year is the one `asOf` ends or falls in, so a review at midnight on 1 January
 * counts the year that just ended.
 */
export function qualificationWindow(s: LevelSettings, asOf: Date): { from: Date | null; to: Date } {
  switch (s.tierQualificationWindow) {
    case TierQualificationWindow.CALENDAR_YEAR:
      return { from: new Date(Date.UTC(new Date(asOf.getTime() - 1).getUTCFullYear(), 0, 1)), to: asOf };
    case TierQualificationWindow.ROLLING_MONTHS:
      return { from: addMonths(asOf, -s.tierQualificationMonths), to: asOf };
    default:
      return { from: null, to: asOf };
  }
}

/**
 * What the member has towards a level as of `asOf`: tier points (what sales earned) or spend (what
 * they came to, in minor units), less returns, over the programme's window. Returns lower it as
 * they lower points: they are counted against the sale they return. `lifetimeTierPoints` (the
 * wallet's counter) answers lifetime tier points without a query.
 */
export async function qualifyingValue(em: EntityManager, memberId: string, s: LevelSettings, asOf: Date, lifetimeTierPoints: number | null): Promise<number> {
  if (qualifiesOnLifetimePoints(s) && lifetimeTierPoints !== null) return lifetimeTierPoints;
  const { from, to } = qualificationWindow(s, asOf);
  const value = s.tierQualificationBasis === TierQualificationBasis.SPEND ? 'total_minor - returned_amount_minor' : 'points - returned_points';
  const rows = await em.execute<{ v: string }[]>(
    `select coalesce(sum(${value}), 0) as v from sale_earn where member_id = ? and occurred_at <= ?${from ? ' and occurred_at >= ?' : ''}`,
    from ? [memberId, to, from] : [memberId, to],
  );
  return Math.max(0, Number(rows[0]?.v ?? 0));
}

/** When a level reached (or last reviewed) at `from` is reviewed next; null when levels are never reviewed. */
export function nextReview(s: LevelSettings, from: Date): Date | null {
  switch (s.tierReview) {
    case TierReview.ANNIVERSARY:
      return addMonths(from, 12);
    case TierReview.CALENDAR_YEAR_END:
      return new Date(Date.UTC(from.getUTCFullYear() + 1, 0, 1));
    case TierReview.ROLLING:
      return new Date(from.getTime() + s.tierReviewEveryDays * DAY_MS);
    default:
      return null;
  }
}

/** The highest level `value` reaches (tiers in rank order); null below the lowest threshold. */
export function qualifiedTier(tiers: Tier[], value: number): Tier | null {
  let best: Tier | null = null;
  for (const t of tiers) if (t.qualificationThreshold <= value && (!best || t.rank > best.rank)) best = t;
  return best;
}

/** An amount towards a level, as members read it: `1,200 tier points` or `£12.00`. */
export function describeAmount(s: LevelSettings, amount: number): string {
  if (s.tierQualificationBasis === TierQualificationBasis.SPEND) {
    try {
      return new Intl.NumberFormat('en-GB', { style: 'currency', currency: s.currencyCode }).format(amount / 100);
    } catch {
      return `${(amount / 100).toFixed(2)} ${s.currencyCode}`;
    }
  }
  return `${amount.toLocaleString('en-GB')} tier point${amount === 1 ? '' : 's'}`;
}

export function describeWindow(s: LevelSettings): string {
  switch (s.tierQualificationWindow) {
    case TierQualificationWindow.CALENDAR_YEAR:
      return 'this calendar year';
    case TierQualificationWindow.ROLLING_MONTHS:
      return `in the last ${s.tierQualificationMonths} month${s.tierQualificationMonths === 1 ? '' : 's'}`;
    default:
      return 'since joining';
  }
}

export const day = (d: Date) => d.toISOString().slice(0, 10);

/** A member's level and its dates, as stored on the member row. */
interface LevelState {
  tierId: string | null;
  reachedAt: Date | null;
  reviewAt: Date | null;
  graceUntil: Date | null;
  floorId: string | null;
  floorUntil: Date | null;
  floorReason: string | null;
  /** The paid membership in force now, if any (tiers/membership.service.ts). */
  paidTierId: string | null;
  paidUntil: Date | null;
}

export async function readLevel(em: EntityManager, memberId: string, now: Date = new Date()): Promise<LevelState> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select m.tier_id, m.tier_reached_at, m.tier_review_at, m.tier_grace_until, m.tier_floor_id, m.tier_floor_until, m.tier_floor_reason, p.tier_id as paid_tier_id, p.ends_at as paid_until
       from member m
       left join lateral (select tier_id, ends_at from membership_purchase
                           where member_id = m.id and status = 'ACTIVE' and starts_at <= ? and ends_at > ? order by ends_at desc limit 1) p on true
      where m.id = ?`,
    [now, now, memberId],
  );
  const r = rows[0] ?? {};
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    tierId: (r.tier_id as string | null) ?? null,
    reachedAt: date(r.tier_reached_at),
    reviewAt: date(r.tier_review_at),
    graceUntil: date(r.tier_grace_until),
    floorId: (r.tier_floor_id as string | null) ?? null,
    floorUntil: date(r.tier_floor_until),
    floorReason: (r.tier_floor_reason as string | null) ?? null,
    paidTierId: (r.paid_tier_id as string | null) ?? null,
    paidUntil: date(r.paid_until),
  };
}

/** The floor in force at `at`, if any: the higher of a manual tier and a paid membership. */
export function floorAt(level: LevelState, tiers: Tier[], at: Date): Tier | null {
  const manual = level.floorId && !(level.floorUntil && level.floorUntil <= at) ? (tiers.find((t) => t.id === level.floorId) ?? null) : null;
  const paid = level.paidTierId && level.paidUntil && level.paidUntil > at ? (tiers.find((t) => t.id === level.paidTierId) ?? null) : null;
  if (!manual || !paid) return manual ?? paid;
  return paid.rank > manual.rank ? paid : manual;
}

/**
 * Moves the member to `to` now: the level's reached date, its next review (none while levels are
 * never reviewed), no grace, a TIER_CHANGE entry with `reason`, and the in-memory wallet (the rest
 * of the transaction earns with the new multiplier).
 */
export async function moveTo(ledger: MemberLedger, s: LevelSettings, to: Tier, reason: string, opts: { award: boolean }): Promise<void> {
  const up = ledger.wallet.tierRank === null || to.rank > ledger.wallet.tierRank;
  await ledger.em.execute(
    'update member set tier_id = ?, tier_reached_at = ?, tier_review_at = ?, tier_grace_until = null, tier_warned_for = null where id = ?',
    // the entry level (threshold 0, the only one) is never reviewed: there is nothing below it
    [to.id, ledger.now, to.qualificationThreshold === 0 ? null : nextReview(s, ledger.now), ledger.wallet.memberId],
  );
  await ledger.note(LedgerEntryType.TIER_CHANGE, { tierId: to.id, reason });
  ledger.wallet.tierId = to.id;
  ledger.wallet.tierRank = to.rank;
  ledger.wallet.tierMultiplierPercent = to.earnMultiplierPercent;
  if (up && opts.award) await awardUpgrade(ledger, s, to);
}

/** The qualification period an upgrade award belongs to: once per level per member in it. */
export function upgradePeriod(s: LevelSettings, now: Date): string {
  switch (s.tierQualificationWindow) {
    case TierQualificationWindow.CALENDAR_YEAR:
      return String(now.getUTCFullYear());
    case TierQualificationWindow.ROLLING_MONTHS:
      return now.toISOString().slice(0, 7);
    default:
      return 'ever';
  }
}

/**
 * The level's upgrade bonus and gift, once per level per member per qualification period (the
 * lifetime, the calendar year, or a rolling window's length since the last award for the level):
 * a bonus_award row claims it (its key makes a second claim a no-op), then the bonus points are
 * credited and the gift item is issued as a coupon, free. A gift out of stock is left out (the
 * TIER_CHANGE entry's log says so); the upgrade itself never fails for it.
 */
async function awardUpgrade(ledger: MemberLedger, s: LevelSettings, to: Tier): Promise<void> {
  if (to.upgradeBonusPoints <= 0 && !to.upgradeGiftRewardId) return;
  const em = ledger.em;
  if (s.tierQualificationWindow === TierQualificationWindow.ROLLING_MONTHS) {
    const recent = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from bonus_award where member_id = ? and kind = 'TIER_UPGRADE' and period like ? and awarded_at > ?`,
      [ledger.wallet.memberId, `${to.id}:%`, addMonths(ledger.now, -s.tierQualificationMonths)],
    );
    if (recent[0]!.n > 0) return;
  }
  const period = `${to.id}:${upgradePeriod(s, ledger.now)}`;
  const claimed = await awardBonus(em, ledger, s, 'TIER_UPGRADE', period, to.upgradeBonusPoints, `${to.name} upgrade bonus`);
  if (!claimed || !to.upgradeGiftRewardId) return;
  const rewards = await em.execute<{ id: string; name: string; product_id: string | null; kind: string }[]>(
    `update reward set stock = stock - 1, updated_at = ? where id = ? and kind = 'GIFT_ITEM' and (stock is null or stock > 0) returning id, name, product_id, kind`,
    [ledger.now, to.upgradeGiftRewardId],
  );
  const reward = rewards[0];
  if (!reward) {
    await ledger.note(LedgerEntryType.TIER_CHANGE, { tierId: to.id, reason: `the ${to.name} upgrade gift is out of stock and was not issued` });
    return;
  }
  const row = await insertCoupon(
    em,
    {
      kind: CouponKind.GIFT_ITEM,
      title: `${reward.name} (${to.name} welcome gift)`,
      memberId: ledger.wallet.memberId,
      rewardId: reward.id,
      productId: reward.product_id,
      expiresAt: new Date(ledger.now.getTime() + s.couponValidityDays * DAY_MS),
      issuedBy: 'system',
    },
    s.currencyCode,
    ledger.now,
  );
  await ledger.note(LedgerEntryType.COUPON_ISSUE, { couponCode: String(row.code), reason: `${to.name} upgrade gift: ${reward.name}` });
}

/**
 * After an earn, in the member's ledger transaction: raises the level at once when the member now
 * qualifies for a higher one (never lowers it). Returns the level reached, or null.
 */
export async function upgradeAfterEarn(ledger: MemberLedger, s: LevelSettings): Promise<Tier | null> {
  const tiers = await loadTiers(ledger.em);
  const value = await qualifyingValue(ledger.em, ledger.wallet.memberId, s, ledger.now, ledger.wallet.tierPoints);
  const best = qualifiedTier(tiers, value);
  if (!best || (ledger.wallet.tierRank !== null && best.rank <= ledger.wallet.tierRank)) return null;
  // The lock's statement read the member's tier from its snapshot, taken before it waited for the
  // wallet: an earn that waited behind another one that raised the level saw the old level. Read
  // it again (a new statement sees what was committed) before moving.
  await refreshTier(ledger, tiers);
  if (ledger.wallet.tierRank !== null && best.rank <= ledger.wallet.tierRank) return null;
  const reason =
    best.qualificationThreshold === 0 && ledger.wallet.tierRank === null
      ? `joined ${best.name}`
      : `upgraded to ${best.name}: ${describeAmount(s, value)} ${describeWindow(s)} (${best.name} needs ${describeAmount(s, best.qualificationThreshold)})`;
  await moveTo(ledger, s, best, reason, { award: true });
  return best;
}

export type ReviewOutcome = 'kept' | 'grace' | 'downgraded' | 'upgraded' | 'floor';

/**
 * The review of one member whose level is due to be looked at (`tier_review_at` has come), in a
 * transaction of its own under their wallet lock (skipped when someone else holds it: they, or the
 * next run, review). Qualification is counted as of the scheduled time, so a run that is late
 * counts what was bought by the review date.
 *
 * - qualifies for the level (or a floor set by an admin holds it): kept, next review scheduled;
 * - qualifies higher (the rules changed): upgraded;
 * - does not, and the level has a grace period not yet given: keeps it until the grace ends, when
 *   it is looked at again;
 * - does not, grace over or none: one level down, or to the qualified level (`tierDowngrade`), not
 *   below the floor.
 */
export async function reviewMember(root: EntityManager, memberId: string, s: LevelSettings, now: Date): Promise<ReviewOutcome | null> {
  return root.fork().transactional(async (em) => {
    const ledger = await Ledger.lock(em, memberId, 'system', { now, skipLocked: true });
    if (!ledger) return null;
    const level = await readLevel(em, memberId, now);
    if (!level.reviewAt || level.reviewAt > now) return null; // reviewed meanwhile
    const tiers = await loadTiers(em);
    const current = tiers.find((t) => t.id === level.tierId);
    if (!current || s.tierReview === TierReview.NONE) {
      await em.execute('update member set tier_review_at = null, tier_grace_until = null where id = ?', [memberId]);
      return null;
    }
    const asOf = level.reviewAt;
    const value = await qualifyingValue(em, memberId, s, asOf, qualifiesOnLifetimePoints(s) ? ledger.wallet.tierPoints : null);
    const qualified = qualifiedTier(tiers, value);
    const floor = floorAt(level, tiers, now);
    const keep = async (outcome: ReviewOutcome) => {
      // the next review after now (a run that was late, or a schedule that started in the past, skips the missed ones)
      let next = nextReview(s, asOf);
      for (let guard = 0; next && next <= now && guard < 10_000; guard++) next = nextReview(s, next);
      await em.execute('update member set tier_review_at = ?, tier_grace_until = null, tier_warned_for = null where id = ?', [next, memberId]);
      return outcome;
    };
    if (qualified && qualified.rank > current.rank) {
      await moveTo(ledger, s, qualified, `upgraded to ${qualified.name} at the review of ${day(asOf)}: ${describeAmount(s, value)} ${describeWindow(s)}`, { award: true });
      return 'upgraded';
    }
    if (qualified && qualified.rank === current.rank) return keep('kept');
    if (floor && floor.rank >= current.rank) return keep('floor');
    if (!level.graceUntil && current.graceDays > 0) {
      const until = new Date(asOf.getTime() + current.graceDays * DAY_MS);
      await em.execute('update member set tier_grace_until = ?, tier_review_at = ?, tier_warned_for = null where id = ?', [until, until, memberId]);
      return 'grace';
    }
    const below = tiers.filter((t) => t.rank < current.rank);
    let target = s.tierDowngrade === TierDowngrade.TO_QUALIFIED ? (qualified ?? below[0]!) : below.at(-1)!;
    if (floor && floor.rank > target.rank) target = floor;
    if (!target) return keep('kept');
    const grace = level.graceUntil ? `, after the grace period to ${day(level.graceUntil)}` : '';
    await moveTo(
      ledger,
      s,
      target,
      `down to ${target.name} at the review of ${day(asOf)}${grace}: ${describeAmount(s, value)} ${describeWindow(s)}, ${current.name} needs ${describeAmount(s, current.qualificationThreshold)}`,
      { award: false },
    );
    return 'downgraded';
  });
}

/** What the maintenance run did with levels. */
export interface LevelReport {
  reviewed: number;
  downgraded: number;
  warnings: number;
  /** Paid memberships whose term ended, and renewal reminders written. */
  membershipsEnded: number;
  membershipReminders: number;
  messagesQueued: number;
}

/**
 * The maintenance run's part for levels: every member whose review (or grace end) has come is
 * reviewed, then members whose review is within `tierWarningDays` and would lower their level are
 * told what keeps it. Reads only members with a review scheduled (`member_tier_review_index`).
 */
export async function runLevelMaintenance(root: EntityManager, s: LevelSettings, now: Date, batch = 500): Promise<LevelReport> {
  const report: LevelReport = { reviewed: 0, downgraded: 0, warnings: 0, membershipsEnded: 0, membershipReminders: 0, messagesQueued: 0 };
  // paid memberships first: a term that ended takes its member back before any review of them
  const memberships = await runMembershipMaintenance(root, s, now, batch);
  report.membershipsEnded = memberships.ended;
  report.membershipReminders = memberships.reminders;
  report.messagesQueued += memberships.messages;
  if (s.tierReview === TierReview.NONE) return report;
  const seen = new Set<string>();
  for (;;) {
    const due = await root.fork().execute<{ id: string }[]>('select id from member where tier_review_at <= ? order by tier_review_at limit ?', [now, batch + seen.size]);
    const fresh = due.map((d) => d.id).filter((id) => !seen.has(id));
    if (fresh.length === 0) break;
    for (const id of fresh) {
      seen.add(id);
      const outcome = await reviewMember(root, id, s, now);
      if (outcome) report.reviewed++;
      if (outcome === 'downgraded') report.downgraded++;
    }
  }
  const warned = await queueDowngradeWarnings(root, s, now, batch);
  report.warnings = warned.warnings;
  report.messagesQueued += warned.messages;
  return report;
}

/** Dedupe key of the warning before one review. */
export function downgradeWarningKey(memberId: string, reviewAt: Date): string {
  return `tier-review:${memberId}:${reviewAt.toISOString()}`;
}

/**
 * Warns, once per review, each ACTIVE member whose review is within `tierWarningDays` and who, on
 * what they have bought so far, would go down at it (no floor holding the level): an inbox message
 * and an e-mail / SMS saying how much more keeps the level by when. `tier_warned_for` records the
 * review looked at, so a run reads each member once per review; the inbox's unique dedupe key
 * keeps two replicas from both writing.
 */
async function queueDowngradeWarnings(root: EntityManager, s: LevelSettings, now: Date, batch: number): Promise<{ warnings: number; messages: number }> {
  const out = { warnings: 0, messages: 0 };
  if (s.tierWarningDays <= 0) return out;
  const horizon = new Date(now.getTime() + s.tierWarningDays * DAY_MS);
  const tiers = await loadTiers(root.fork());
  let templates: Awaited<ReturnType<typeof loadTemplates>> | null = null;
  for (;;) {
    const due = await root.fork().execute<Record<string, unknown>[]>(
      `select m.id, m.first_name, m.email, m.phone, m.sms_opt_in, m.tier_review_at, w.tier_points
         from member m join wallet w on w.member_id = m.id
        where m.tier_review_at > ? and m.tier_review_at <= ? and m.status = 'ACTIVE'
          and m.tier_warned_for is distinct from m.tier_review_at
        order by m.tier_review_at limit ?`,
      [now, horizon, batch],
    );
    if (due.length === 0) break;
    for (const m of due) {
      const memberId = String(m.id);
      const reviewAt = new Date(m.tier_review_at as string);
      const written = await root.fork().transactional(async (em) => {
        const level = await readLevel(em, memberId, now);
        // mark first: whatever follows, this review is looked at once
        await em.execute('update member set tier_warned_for = ? where id = ?', [reviewAt, memberId]);
        const current = tiers.find((t) => t.id === level.tierId);
        if (!current || level.reviewAt?.getTime() !== reviewAt.getTime()) return null;
        const below = tiers.filter((t) => t.rank < current.rank);
        if (below.length === 0) return null;
        const floor = floorAt(level, tiers, reviewAt);
        if (floor && floor.rank >= current.rank) return null;
        const value = await qualifyingValue(em, memberId, s, reviewAt, qualifiesOnLifetimePoints(s) ? Number(m.tier_points) : null);
        const needed = current.qualificationThreshold - value;
        if (needed <= 0) return null;
        const next = s.tierDowngrade === TierDowngrade.TO_QUALIFIED ? (qualifiedTier(tiers, value) ?? below[0]!) : below.at(-1)!;
        templates ??= await loadTemplates(em, TIER_REVIEW_WARNING);
        return writeMemberMessage(
          em,
          templates,
          {
            kind: TIER_REVIEW_WARNING,
            dedupeKey: downgradeWarningKey(memberId, reviewAt),
            to: { memberId, email: (m.email as string | null) ?? null, phone: (m.phone as string | null) ?? null, smsOptIn: Boolean(m.sms_opt_in) },
            values: {
              firstName: String(m.first_name),
              tierName: current.name,
              nextTierName: floor && floor.rank > next.rank ? floor.name : next.name,
              reviewOn: day(reviewAt),
              daysLeft: Math.max(1, Math.ceil((reviewAt.getTime() - now.getTime()) / DAY_MS)),
              amountNeeded: describeAmount(s, needed),
            },
          },
          now,
        );
      });
      if (written) {
        out.warnings++;
        out.messages += Number(written.email) + Number(written.sms);
      }
    }
  }
  return out;
}

/**
 * After the review rules change: every member above the entry level gets a review by the new
 * schedule, from when they reached their level (enrolment when not recorded), moved on by whole
 * periods until it is after `now`; with NONE, no member is reviewed. One statement over the
 * members above the entry level.
 */
export async function rescheduleReviews(em: EntityManager, s: LevelSettings, now: Date): Promise<void> {
  if (s.tierReview === TierReview.NONE) {
    await em.execute('update member set tier_review_at = null, tier_grace_until = null where tier_review_at is not null');
    return;
  }
  const members = await em.execute<{ id: string; since: string }[]>(
    `select m.id, coalesce(m.tier_reached_at, m.enrolled_at) as since from member m join tier t on t.id = m.tier_id
      where t.rank > (select min(rank) from tier)`,
  );
  const ids: string[] = [];
  const dates: string[] = [];
  for (const m of members) {
    let at = nextReview(s, new Date(m.since))!;
    for (let guard = 0; at <= now && guard < 10_000; guard++) at = nextReview(s, at)!;
    ids.push(m.id);
    dates.push(at.toISOString());
  }
  await em.execute('update member set tier_review_at = null, tier_grace_until = null where tier_review_at is not null');
  if (ids.length === 0) return;
  await em.execute(
    `update member m set tier_review_at = v.at, tier_warned_for = null
       from unnest(?::uuid[], ?::timestamptz[]) as v(id, at) where m.id = v.id`,
    [`{${ids.join(',')}}`, `{${dates.join(',')}}`],
  );
}
