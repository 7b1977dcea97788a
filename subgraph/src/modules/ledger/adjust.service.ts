import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { checkIdempotencyKey } from '../idempotency/idempotency';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { expiryFor } from '../programme/programme.service';
import { ACCOUNT, MemberLedger } from './ledger.core';
import { LedgerEntryType, LotStatus } from './ledger.entities';
import { actorOf, ledgerTransaction, Outcome } from './ledger-transaction';

export interface AdjustResult {
  memberId: string;
  entryId: string;
  points: number;
}

/**
 * An administrator's correction with a mandatory reason. Credits make a new lot under the
 * expiry policy; debits take lots first-in-first-out and may not go below zero (a negative
 * balance arises only from returns).
 */
export async function adjustPoints(ctx: RequestContext, args: { idempotencyKey: string; memberId: string; points: number; reason: string }): Promise<{ result: AdjustResult | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { result: null, userErrors: [keyError] };
  const check = new InputChecker();
  const reason = check.text('reason', args.reason, 500, { required: true, label: 'reason' });
  if (!Number.isInteger(args.points) || args.points === 0 || Math.abs(args.points) > 1_000_000_000) {
    check.fail('points', 'points must be a non-zero whole number within ±1,000,000,000');
  }
  if (!check.ok || !reason) return { result: null, userErrors: check.errors };
  const settings = await ctx.loaders.settings();
  const out = await ledgerTransaction<AdjustResult>(ctx, { operation: 'adjustPoints', key: args.idempotencyKey, request: { memberId: args.memberId, points: args.points, reason } }, async (em) => {
    const ledger = isUuid(args.memberId) ? await MemberLedger.lock(em, args.memberId.toLowerCase(), actorOf(ctx)) : null;
    if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
    await ledger.settle();
    let entryId: string;
    if (args.points > 0) {
      if (Math.max(ledger.wallet.available, 0) + ledger.wallet.pending + ledger.wallet.held + args.points > 2_147_483_647) {
        throw new Outcome([userError(ErrorCode.INVALID_INPUT, 'A wallet cannot hold that many points', ['input', 'points'])]);
      }
      entryId = await credit(ledger, settings, LedgerEntryType.ADJUST, ACCOUNT.ADJUSTED, args.points, reason);
    } else {
      const p = -args.points;
      if (ledger.wallet.available < p) throw new Outcome([userError(ErrorCode.INSUFFICIENT_POINTS, `Only ${Math.max(0, ledger.wallet.available)} points are available to remove`, ['input', 'points'])]);
      await ledger.consumeLots(p);
      entryId = await ledger.post(LedgerEntryType.ADJUST, [{ account: ACCOUNT.AVAILABLE, amount: -p }, { account: ACCOUNT.ADJUSTED, amount: p }], { reason });
    }
    await ledger.save();
    return { memberId: ledger.wallet.memberId, entryId, points: args.points };
  });
  return { result: out.result, userErrors: out.userErrors };
}

/** Credits available points from a programme account as a new lot under the expiry policy. */
export async function credit(ledger: MemberLedger, settings: ProgrammeSettings, type: LedgerEntryType, from: typeof ACCOUNT.ADJUSTED | typeof ACCOUNT.BONUS, points: number, reason: string): Promise<string> {
  const before = ledger.wallet.available;
  const entryId = await ledger.post(type, [{ account: from, amount: -points }, { account: ACCOUNT.AVAILABLE, amount: points }], { reason });
  await ledger.createLot(entryId, points, LotStatus.AVAILABLE, before, { expiresAt: expiryFor(settings, ledger.now) });
  return entryId;
}

/**
 * Awards a bonus once per (member, kind, period): the bonus_award primary key makes a second
 * award (another replica, a re-run) a no-op. Call with the member's wallet locked.
 */
export async function awardBonus(
  em: EntityManager,
  ledger: MemberLedger,
  settings: ProgrammeSettings,
  kind: 'REGISTRATION' | 'BIRTHDAY' | 'TIER_UPGRADE',
  period: string,
  points: number,
  reason?: string,
): Promise<boolean> {
  if (points < 0 || (points === 0 && kind !== 'TIER_UPGRADE')) return false;
  const claimed = await em.execute<{ member_id: string }[]>(
    `insert into bonus_award (member_id, kind, period, entry_id, awarded_at) values (?, ?, ?, 0, ?) on conflict do nothing returning member_id`,
    [ledger.wallet.memberId, kind, period, ledger.now],
  );
  if (!claimed.length) return false;
  if (points === 0) return true; // claimed (an upgrade with a gift and no points)
  const entryId = await credit(ledger, settings, LedgerEntryType.BONUS, ACCOUNT.BONUS, points, reason ?? (kind === 'REGISTRATION' ? 'welcome bonus' : `birthday bonus ${period}`));
  await em.execute('update bonus_award set entry_id = ? where member_id = ? and kind = ? and period = ?', [entryId, ledger.wallet.memberId, kind, period]);
  ledger.wallet.lifetimeEarned += points;
  ledger.touch();
  return true;
}
