import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { LedgerEntryType } from '../ledger/ledger.entities';
import { MemberLedger } from '../ledger/ledger.core';
import { actorOf, Outcome, plainLedgerTransaction } from '../ledger/ledger-transaction';
import type { MemberView } from '../members/member.store';
import { loadSettings } from '../programme/programme.service';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';

/**
 * Membership expiry (docs/membership-expiry.md). A membership expires on the end date an admin
 * set, or `membershipInactivityMonths` after its last activity, whichever comes first. An expired
 * member keeps cards, points and history, can be found and looked up, and cannot earn or spend
 * until an admin reactivates them. Every change is an entry in the member's activity log (no
 * postings: it moves no points).
 */

/**
 * SQL: when a membership whose last activity is `activity` expires by inactivity: `months`
 * calendar months later, in UTC (31 January + 1 month = 28/29 February). Both are SQL expressions.
 */
export function inactivityEndSql(activity: string, months: string): string {
  return `((${activity} at time zone 'UTC' + make_interval(months => ${months})) at time zone 'UTC')`;
}

/** The same in TypeScript, for showing it: `months` calendar months after `from`, in UTC, clamped to the month's end. */
export function inactivityEnd(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** When an ACTIVE membership expires: the earlier of its end date and its inactivity date; null when neither applies. */
export function membershipExpiresAt(settings: Pick<ProgrammeSettings, 'membershipInactivityMonths'>, lastActivityAt: Date | null, endsAt: Date | null): Date | null {
  const months = settings.membershipInactivityMonths;
  const byInactivity = months && lastActivityAt ? inactivityEnd(lastActivityAt, months) : null;
  if (!byInactivity) return endsAt;
  if (!endsAt) return byInactivity;
  return endsAt < byInactivity ? endsAt : byInactivity;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Expires the locked member's membership (in the caller's transaction): status EXPIRED, the time
 * it expired, the wallet's last activity cleared (it leaves the inactivity index), and a
 * MEMBERSHIP_EXPIRED entry with its cause.
 */
async function expire(em: EntityManager, ledger: MemberLedger, reason: string): Promise<void> {
  await em.execute(`update member set status = 'EXPIRED', membership_expired_at = ? where id = ? and status = 'ACTIVE'`, [ledger.now, ledger.wallet.memberId]);
  await em.execute('update wallet set last_activity_at = null where member_id = ?', [ledger.wallet.memberId]);
  await ledger.note(LedgerEntryType.MEMBERSHIP_EXPIRED, { reason });
  ledger.wallet.memberStatus = 'EXPIRED';
}

/** Why the locked, ACTIVE member is due to expire at `now`; null when they are not (any more). */
function dueReason(ledger: MemberLedger, months: number | null | undefined, now: Date): string | null {
  const w = ledger.wallet;
  if (w.memberStatus !== 'ACTIVE') return null;
  if (w.membershipEndsAt && w.membershipEndsAt <= now) return `membership end date ${w.membershipEndsAt.toISOString()} reached`;
  if (months && w.lastActivityAt && inactivityEnd(w.lastActivityAt, months) <= now) {
    return `no activity since ${day(w.lastActivityAt)} (${months} month${months === 1 ? '' : 's'})`;
  }
  return null;
}

/**
 * The maintenance step: expires every ACTIVE membership due at `now`, reading only what can be
 * due: members past their end date (partial index on ACTIVE members with one) and wallets whose
 * last activity is about `membershipInactivityMonths` old or older (partial index on non-null
 * activity, i.e. ACTIVE members only; four days of slack for the months' lengths, then the exact
 * test). Each member in a transaction of its own under the wallet lock, re-checked there (an earn
 * may just have pushed the date back); members locked by someone else are left for the next run.
 * Returns how many expired.
 */
export async function expireDueMemberships(root: EntityManager, now: Date, opts: { batchSize?: number } = {}): Promise<number> {
  const settings = await loadSettings(root.fork());
  const months = settings.membershipInactivityMonths ?? null;
  const batch = opts.batchSize ?? 500;
  const seen = new Set<string>();
  let expired = 0;
  for (;;) {
    const limit = batch + seen.size;
    const byInactivity = months
      ? `union (select w.member_id as id from wallet w
                 where w.last_activity_at is not null
                   and w.last_activity_at <= ((?::timestamptz at time zone 'UTC' - make_interval(months => ?) + interval '4 days') at time zone 'UTC')
                   and ${inactivityEndSql('w.last_activity_at', '?')} <= ?
                 limit ?)`
      : '';
    const params: unknown[] = [now, limit, ...(months ? [now, months, months, now, limit] : [])];
    const due = await root.fork().execute<{ id: string }[]>(
      `(select m.id from member m where m.status = 'ACTIVE' and m.membership_ends_at is not null and m.membership_ends_at <= ? limit ?) ${byInactivity}`,
      params,
    );
    const fresh = due.map((d) => d.id).filter((id) => !seen.has(id));
    if (fresh.length === 0) break;
    for (const memberId of fresh) {
      seen.add(memberId);
      const done = await root.fork().transactional(async (em) => {
        const ledger = await MemberLedger.lock(em, memberId, 'system', { now, skipLocked: true });
        if (!ledger) return false;
        const reason = dueReason(ledger, months, now);
        if (!reason) return false;
        await expire(em, ledger, reason);
        return true;
      });
      if (done) expired++;
    }
  }
  return expired;
}

type MemberPayload = { member: MemberView | null; userErrors: UserError[] };

function checkMember(check: InputChecker, memberId: string): string | null {
  if (!isUuid(String(memberId))) {
    check.fail('memberId', 'No member has this id', ErrorCode.MEMBER_NOT_FOUND);
    return null;
  }
  return memberId.toLowerCase();
}

async function lockMember(em: EntityManager, ctx: RequestContext, memberId: string): Promise<MemberLedger> {
  const ledger = await MemberLedger.lock(em, memberId, actorOf(ctx));
  if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
  return ledger;
}

async function answer(ctx: RequestContext, memberId: string, userErrors: UserError[]): Promise<MemberPayload> {
  if (userErrors.length) return { member: null, userErrors };
  ctx.loaders.memberById.clear(memberId);
  ctx.loaders.lastActivityByMemberId.clear(memberId);
  return { member: await ctx.loaders.memberById.load(memberId), userErrors: [] };
}

/**
 * Sets (or with null removes) the end date of an ACTIVE membership, with a reason recorded in
 * the activity log. A date not in the future expires the membership at once. Setting the date it
 * already has changes nothing (safe to retry).
 */
export async function setMembershipExpiry(ctx: RequestContext, input: { memberId: string; expiresAt?: Date | null; reason: string }): Promise<MemberPayload> {
  const check = new InputChecker();
  const memberId = checkMember(check, input.memberId);
  const reason = check.text('reason', input.reason, 200, { required: true, label: 'reason' });
  const endsAt = input.expiresAt ?? null;
  if (endsAt && Number.isNaN(endsAt.getTime())) check.fail('expiresAt', 'expiresAt is not a time');
  if (!check.ok || !memberId || !reason) return { member: null, userErrors: check.errors };
  const out = await plainLedgerTransaction(ctx, async (em) => {
    const ledger = await lockMember(em, ctx, memberId);
    if (ledger.wallet.memberStatus !== 'ACTIVE') {
      throw new Outcome([userError(ErrorCode.MEMBER_NOT_ACTIVE, `This membership is ${ledger.wallet.memberStatus.toLowerCase()}: reactivate it before giving it an end date`, ['input', 'memberId'])]);
    }
    const current = ledger.wallet.membershipEndsAt;
    if ((current?.getTime() ?? null) === (endsAt?.getTime() ?? null)) return;
    await em.execute('update member set membership_ends_at = ? where id = ?', [endsAt, memberId]);
    ledger.wallet.membershipEndsAt = endsAt;
    await ledger.note(LedgerEntryType.MEMBERSHIP_END_DATE_SET, { reason: `${endsAt ? `end date set to ${endsAt.toISOString()}` : 'end date removed'}: ${reason}` });
    if (endsAt && endsAt <= ledger.now) await expire(em, ledger, `membership end date ${endsAt.toISOString()} reached`);
  });
  if (!out.userErrors.length) ctx.logger.info('membership end date set', { memberId, by: ctx.principal?.subject });
  return answer(ctx, memberId, out.userErrors);
}

/**
 * Brings an EXPIRED membership back: ACTIVE, its last activity now (so inactivity counts from
 * here), an end date already passed removed, a MEMBERSHIP_REACTIVATED entry with the reason.
 * An ACTIVE member is left as is (safe to retry); suspended and closed memberships are not expired
 * ones and are refused.
 */
export async function reactivateMember(ctx: RequestContext, input: { memberId: string; reason?: string | null }): Promise<MemberPayload> {
  const check = new InputChecker();
  const memberId = checkMember(check, input.memberId);
  const reason = check.text('reason', input.reason, 200, { label: 'reason' });
  if (!check.ok || !memberId) return { member: null, userErrors: check.errors };
  const out = await plainLedgerTransaction(ctx, async (em) => {
    const ledger = await lockMember(em, ctx, memberId);
    const status = ledger.wallet.memberStatus;
    if (status === 'ACTIVE') return;
    if (status !== 'EXPIRED') {
      throw new Outcome([userError(ErrorCode.MEMBER_NOT_ACTIVE, `This membership is ${status.toLowerCase()}, not expired: it cannot be reactivated`, ['input', 'memberId'])]);
    }
    const now = ledger.now;
    await em.execute(
      `update member set status = 'ACTIVE', membership_expired_at = null,
              membership_ends_at = case when membership_ends_at <= ? then null else membership_ends_at end
        where id = ?`,
      [now, memberId],
    );
    await em.execute('update wallet set last_activity_at = ? where member_id = ?', [now, memberId]);
    await ledger.note(LedgerEntryType.MEMBERSHIP_REACTIVATED, { reason: reason ? `reactivated: ${reason}` : 'reactivated' });
  });
  if (!out.userErrors.length) ctx.logger.info('membership reactivated', { memberId, by: ctx.principal?.subject });
  return answer(ctx, memberId, out.userErrors);
}
