import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import type { MoneyInput } from '../../common/money';
import { InputChecker, isUuid } from '../../common/validation';
import { checkIdempotencyKey, idempotencyScope, keyReusedError, requestHash } from '../idempotency/idempotency';
import { callOneStatement } from '../ledger/one-statement';
import { ACCOUNT, MemberLedger, type Allocation } from '../ledger/ledger.core';
import { HoldStatus, LedgerEntryType } from '../ledger/ledger.entities';
import { actorOf, ledgerTransaction, Outcome, plainLedgerTransaction } from '../ledger/ledger-transaction';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { cashValueOf, pointsFor } from '../programme/programme.service';
import { checkSaleChannel } from '../earning/sale.validation';
import { refuseOtherStoresSale } from '../earning/earning.service';

/** A hold as returned to callers (and stored with idempotency keys). Times are ISO strings. */
export interface HoldSnapshot {
  id: string;
  memberId: string;
  points: number;
  cashValue: { amount: number; currencyCode: string };
  status: HoldStatus;
  saleId: string;
  tillId: string | null;
  storeId: string | null;
  expiresAt: string;
  createdAt: string;
  capturedPoints: number | null;
  capturedCash: { amount: number; currencyCode: string } | null;
  resolvedAt: string | null;
}

export interface HoldArgs {
  idempotencyKey: string;
  memberId: string;
  points?: number | null;
  cash?: MoneyInput | null;
  saleId: string;
  channel?: string | null;
  tillId?: string | null;
  ttlSeconds?: number | null;
  /** The sale's total, to enforce the programme's maximum share payable by points. */
  saleTotal?: MoneyInput | null;
}

interface HoldRow {
  id: string;
  member_id: string;
  points: string;
  cash_value_minor: string;
  currency_code: string;
  status: HoldStatus;
  sale_id: string;
  till_id: string | null;
  store_id: string | null;
  expires_at: Date;
  created_at: Date;
  captured_points: string | null;
  captured_cash_minor: string | null;
  resolved_at: Date | null;
  allocations: Allocation[];
  channel: string;
}

export function snapshot(row: HoldRow): HoldSnapshot {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    memberId: row.member_id,
    points: Number(row.points),
    cashValue: { amount: Number(row.cash_value_minor), currencyCode: row.currency_code },
    status: row.status,
    saleId: row.sale_id,
    tillId: row.till_id,
    storeId: row.store_id,
    expiresAt: iso(row.expires_at)!,
    createdAt: iso(row.created_at)!,
    capturedPoints: row.captured_points === null ? null : Number(row.captured_points),
    capturedCash: row.captured_cash_minor === null ? null : { amount: Number(row.captured_cash_minor), currencyCode: row.currency_code },
    resolvedAt: iso(row.resolved_at),
  };
}

interface Amount {
  points: number;
  cashMinor: number;
}

/**
 * Converts the requested amount: by points, the cash value is floored; by cash, the points are
 * rounded up (the member pays at most one point more than the exact figure). Checks the minimum
 * points per redemption and the maximum share of the sale payable by points.
 */
function checkAmount(check: InputChecker, settings: ProgrammeSettings, args: Pick<HoldArgs, 'points' | 'cash' | 'saleTotal'>): Amount | null {
  const hasPoints = args.points !== null && args.points !== undefined;
  const hasCash = args.cash !== null && args.cash !== undefined;
  if (hasPoints === hasCash) {
    check.fail('points', 'Give exactly one of points or cash');
    return null;
  }
  let amount: Amount;
  if (hasPoints) {
    const p = args.points!;
    if (!Number.isInteger(p) || p <= 0 || p > 1_000_000_000) {
      check.fail('points', 'points must be a whole number from 1 to 1,000,000,000');
      return null;
    }
    amount = { points: p, cashMinor: cashValueOf(settings, p) };
  } else {
    const c = args.cash!;
    if (c.currencyCode?.toUpperCase() !== settings.currencyCode) {
      check.fail('cash.currencyCode', `Points pay in ${settings.currencyCode} only`, ErrorCode.CURRENCY_MISMATCH);
      return null;
    }
    if (!Number.isInteger(c.amount) || c.amount <= 0) {
      check.fail('cash.amount', 'cash.amount must be a positive whole number of minor units');
      return null;
    }
    amount = { points: pointsFor(settings, c.amount), cashMinor: c.amount };
  }
  if (amount.points < settings.minRedeemPoints) {
    check.fail(hasPoints ? 'points' : 'cash', `At least ${settings.minRedeemPoints} points per redemption`, ErrorCode.BELOW_MINIMUM_POINTS);
    return null;
  }
  if (args.saleTotal) {
    const t = args.saleTotal;
    if (t.currencyCode?.toUpperCase() !== settings.currencyCode) {
      check.fail('saleTotal.currencyCode', `The sale must be in ${settings.currencyCode}`, ErrorCode.CURRENCY_MISMATCH);
      return null;
    }
    if (!Number.isInteger(t.amount) || t.amount <= 0) {
      check.fail('saleTotal.amount', 'saleTotal.amount must be a positive whole number of minor units');
      return null;
    }
    const max = Math.floor((t.amount * settings.maxRedeemSharePercent) / 100);
    if (amount.cashMinor > max) {
      check.fail(hasPoints ? 'points' : 'cash', `Points may pay at most ${settings.maxRedeemSharePercent}% of this sale (${max} minor units)`, ErrorCode.EXCEEDS_MAX_POINTS_SHARE);
      return null;
    }
  }
  return amount;
}

function checkCommon(ctx: RequestContext, check: InputChecker, args: { saleId: string; channel?: string | null; tillId?: string | null }) {
  const saleId = check.text('saleId', args.saleId, 128, { required: true, label: 'saleId' });
  if (saleId && /\s/.test(saleId)) check.fail('saleId', 'saleId must not contain spaces');
  const channel = checkSaleChannel(check, 'channel', args.channel, ctx.principal);
  const tillId = check.text('tillId', args.tillId, 64, { label: 'tillId' });
  return { saleId, channel, tillId };
}

async function lockMember(em: EntityManager, ctx: RequestContext, memberId: string): Promise<MemberLedger> {
  const ledger = isUuid(memberId) ? await MemberLedger.lock(em, memberId.toLowerCase(), actorOf(ctx)) : null;
  if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
  await ledger.settle();
  return ledger;
}

/** Takes `points` from available into held, allocating lots first-in-first-out. */
async function reserve(ledger: MemberLedger, amount: Amount, refs: { saleId: string; channel: string; holdId: string }): Promise<Allocation[]> {
  ledger.requireSpendable(amount.points);
  const allocations = await ledger.consumeLots(amount.points);
  await ledger.post(LedgerEntryType.HOLD, [{ account: ACCOUNT.AVAILABLE, amount: -amount.points }, { account: ACCOUNT.HELD, amount: amount.points }], refs);
  return allocations;
}

/**
 * Reserves points for a tender at a till. They leave `available` for `held` until the hold is
 * captured or released, or its TTL passes (then they return by themselves).
 */
export async function holdPoints(ctx: RequestContext, args: HoldArgs): Promise<{ hold: HoldSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { hold: null, userErrors: [keyError] };
  const settings = await ctx.loaders.settings();
  const check = new InputChecker();
  const { saleId, channel, tillId } = checkCommon(ctx, check, args);
  const ttl = args.ttlSeconds ?? settings.holdTtlDefaultSeconds;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > settings.holdTtlMaxSeconds) check.fail('ttlSeconds', `ttlSeconds must be from 1 to ${settings.holdTtlMaxSeconds}`);
  const amount = checkAmount(check, settings, args);
  if (!check.ok || !amount || !saleId || !channel) return { hold: null, userErrors: check.errors };
  const request = { ...args, channel, idempotencyKey: undefined };

  if (isUuid(args.memberId)) {
    const requestKey = requestHash(request);
    const fast = await callOneStatement<HoldSnapshot>(ctx, 'loyalty_hold', () => {
      const now = new Date();
      return [
        'holdPoints', idempotencyScope(ctx.principal), args.idempotencyKey, requestKey,
        args.memberId.toLowerCase(), amount.points, amount.cashMinor, settings.currencyCode, randomUUID(),
        saleId, channel, boundStore(ctx), ctx.principal?.storeId ?? null, ctx.principal?.tillId ?? tillId,
        new Date(now.getTime() + ttl * 1000), now, actorOf(ctx),
      ];
    });
    if (fast) return answer(fast);
  }
  const out = await ledgerTransaction<HoldSnapshot>(
    ctx,
    { operation: 'holdPoints', key: args.idempotencyKey, request },
    async (em) => {
      await refuseOtherStoresSale(em, ctx.principal, channel, saleId);
      const ledger = await lockMember(em, ctx, args.memberId);
      const id = randomUUID();
      const allocations = await reserve(ledger, amount, { saleId, channel, holdId: id });
      const rows = await em.execute<HoldRow[]>(
        `insert into points_hold (id, member_id, points, cash_value_minor, currency_code, status, sale_id, channel, store_id, till_id, allocations, expires_at, created_at)
         values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?::jsonb, ?, ?) returning *`,
        [id, ledger.wallet.memberId, amount.points, amount.cashMinor, settings.currencyCode, saleId, channel, ctx.principal?.storeId ?? null,
          ctx.principal?.tillId ?? tillId, JSON.stringify(allocations), new Date(ledger.now.getTime() + ttl * 1000), ledger.now],
      );
      await ledger.save();
      return snapshot(rows[0]!);
    },
  );
  return { hold: out.result, userErrors: out.userErrors };
}

/** The store a till is bound to (its sales and holds only); null for admins and services. */
function boundStore(ctx: RequestContext): string | null {
  const p = ctx.principal;
  if (!p || !p.roles.has('till') || p.roles.has('admin') || p.roles.has('service')) return null;
  return p.storeId ?? '';
}

/** A one-statement answer as the mutation's result. */
function answer(out: { kind: 'ok' | 'replay'; response?: HoldSnapshot } | { kind: 'conflict' }): { hold: HoldSnapshot | null; userErrors: UserError[] } {
  return out.kind === 'conflict' ? { hold: null, userErrors: [keyReusedError()] } : { hold: out.response!, userErrors: [] };
}

/**
 * A till resolves only holds of its own store (another store's hold answers as not found), and
 * only its own unless LOYALTY_TILL_HOLD_SCOPE=store; admins and services resolve any hold.
 */
function tillMayResolve(ctx: RequestContext, hold: { store_id: string | null; till_id: string | null }): UserError | null {
  const p = ctx.principal;
  if (!p || !p.roles.has('till') || p.roles.has('admin') || p.roles.has('service')) return null;
  if (hold.store_id !== p.storeId) return userError(ErrorCode.HOLD_NOT_FOUND, 'No hold has this id', ['input', 'holdId']);
  if (ctx.config.tillHoldScope === 'till' && hold.till_id !== p.tillId) {
    return userError(ErrorCode.HOLD_OF_OTHER_TILL, `This hold belongs to till ${hold.till_id ?? '(none)'}: resolve it there`, ['input', 'holdId']);
  }
  return null;
}

/** Loads a hold's member, locks the member's wallet (settling due holds), then the hold itself. */
async function lockHold(em: EntityManager, ctx: RequestContext, holdId: string): Promise<{ ledger: MemberLedger; hold: HoldRow }> {
  const notFound = new Outcome([userError(ErrorCode.HOLD_NOT_FOUND, 'No hold has this id', ['input', 'holdId'])]);
  if (!isUuid(holdId)) throw notFound;
  const owner = await em.execute<{ member_id: string; store_id: string | null; till_id: string | null }[]>('select member_id, store_id, till_id from points_hold where id = ?', [holdId.toLowerCase()]);
  if (!owner[0]) throw notFound;
  const refused = tillMayResolve(ctx, owner[0]);
  if (refused) throw new Outcome([refused]);
  const ledger = await MemberLedger.lock(em, owner[0].member_id, actorOf(ctx));
  if (!ledger) throw notFound;
  await ledger.settle();
  const rows = await em.execute<HoldRow[]>('select * from points_hold where id = ?', [holdId.toLowerCase()]);
  return { ledger, hold: rows[0]! };
}

function resolvedError(hold: HoldRow): UserError {
  if (hold.status === HoldStatus.EXPIRED) return userError(ErrorCode.HOLD_EXPIRED, 'The hold expired; its points went back to the member', ['input', 'holdId']);
  return userError(ErrorCode.HOLD_ALREADY_RESOLVED, `The hold was already ${hold.status.toLowerCase()}`, ['input', 'holdId']);
}

/** Splits allocations into the first `points` (consumed) and the rest (returned), in order. */
function splitAllocations(allocations: Allocation[], points: number): { used: Allocation[]; rest: Allocation[] } {
  const used: Allocation[] = [];
  const rest: Allocation[] = [];
  let left = points;
  for (const a of allocations) {
    const take = Math.min(left, a.points);
    if (take > 0) used.push({ lotId: a.lotId, points: take });
    if (a.points - take > 0) rest.push({ lotId: a.lotId, points: a.points - take });
    left -= take;
  }
  return { used, rest };
}

/**
 * Captures a hold, fully or partly: the captured points are redeemed, the rest return to the
 * member at once. A hold resolves once: later captures get HOLD_ALREADY_RESOLVED (or HOLD_EXPIRED).
 */
export async function capturePointsHold(ctx: RequestContext, args: { idempotencyKey: string; holdId: string; points?: number | null }): Promise<{ hold: HoldSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { hold: null, userErrors: [keyError] };
  if (args.points !== null && args.points !== undefined && (!Number.isInteger(args.points) || args.points <= 0)) {
    return { hold: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'points must be a positive whole number', ['input', 'points'])] };
  }
  const settings = await ctx.loaders.settings();
  const request = { holdId: args.holdId, points: args.points ?? null };
  if (isUuid(args.holdId)) {
    const bound = boundStore(ctx);
    const requestKey = requestHash(request);
    const fast = await callOneStatement<HoldSnapshot>(ctx, 'loyalty_capture', () => [
      'capturePointsHold', idempotencyScope(ctx.principal), args.idempotencyKey, requestKey,
      args.holdId.toLowerCase(), args.points ?? null, args.points ? cashValueOf(settings, args.points) : null, settings.minRedeemPoints,
      bound, bound !== null && ctx.config.tillHoldScope === 'till' ? (ctx.principal?.tillId ?? '') : null, new Date(), actorOf(ctx),
    ]);
    if (fast) return answer(fast);
  }
  const out = await ledgerTransaction<HoldSnapshot>(
    ctx,
    { operation: 'capturePointsHold', key: args.idempotencyKey, request },
    async (em) => {
      const { ledger, hold } = await lockHold(em, ctx, args.holdId);
      if (hold.status !== HoldStatus.ACTIVE) throw new Outcome([resolvedError(hold)]);
      const held = Number(hold.points);
      const captured = args.points ?? held;
      if (captured > held) throw new Outcome([userError(ErrorCode.INVALID_INPUT, `The hold has only ${held} points`, ['input', 'points'])]);
      // A partial capture is a redemption of its own: it obeys the programme's minimum, as a hold does.
      if (captured < held && captured < settings.minRedeemPoints) {
        throw new Outcome([userError(ErrorCode.BELOW_MINIMUM_POINTS, `At least ${settings.minRedeemPoints} points can be redeemed at a time; capture ${settings.minRedeemPoints} or more, or release the hold`, ['input', 'points'])]);
      }
      const cash = captured === held ? Number(hold.cash_value_minor) : Math.min(cashValueOf(settings, captured), Number(hold.cash_value_minor));
      ledger.markActive();
      const { rest } = splitAllocations(hold.allocations, captured);
      const before = ledger.wallet.available;
      const postings = [{ account: ACCOUNT.HELD, amount: -held }, { account: ACCOUNT.REDEEMED, amount: captured }] as { account: (typeof ACCOUNT)[keyof typeof ACCOUNT]; amount: number }[];
      if (held > captured) postings.push({ account: ACCOUNT.AVAILABLE, amount: held - captured });
      await ledger.post(LedgerEntryType.HOLD_CAPTURE, postings, { holdId: hold.id, saleId: hold.sale_id, channel: hold.channel });
      await ledger.restoreLots(rest, before);
      const rows = await em.execute<HoldRow[]>(
        `update points_hold set status = 'CAPTURED', captured_points = ?, captured_cash_minor = ?, resolved_at = ? where id = ? returning *`,
        [captured, cash, ledger.now, hold.id],
      );
      await ledger.save();
      return snapshot(rows[0]!);
    },
  );
  return { hold: out.result, userErrors: out.userErrors };
}

/**
 * Releases a hold: its points return to the member. Releasing a hold that is already released or
 * has expired changes nothing and succeeds (a till may retry); a captured hold cannot be released.
 */
export async function releasePointsHold(ctx: RequestContext, args: { holdId: string }): Promise<{ hold: HoldSnapshot | null; userErrors: UserError[] }> {
  const out = await plainLedgerTransaction<HoldSnapshot>(ctx, async (em) => {
    const { ledger, hold } = await lockHold(em, ctx, args.holdId);
    if (hold.status === HoldStatus.CAPTURED) throw new Outcome([resolvedError(hold)]);
    if (hold.status !== HoldStatus.ACTIVE) {
      await ledger.save();
      return snapshot(hold);
    }
    const p = Number(hold.points);
    const before = ledger.wallet.available;
    await ledger.post(LedgerEntryType.HOLD_RELEASE, [{ account: ACCOUNT.HELD, amount: -p }, { account: ACCOUNT.AVAILABLE, amount: p }], { holdId: hold.id, saleId: hold.sale_id, channel: hold.channel });
    await ledger.restoreLots(hold.allocations, before);
    const rows = await em.execute<HoldRow[]>(`update points_hold set status = 'RELEASED', resolved_at = ? where id = ? returning *`, [ledger.now, hold.id]);
    await ledger.save();
    return snapshot(rows[0]!);
  });
  return { hold: out.result, userErrors: out.userErrors };
}

/** Hold and capture in one transaction, for online checkouts. Returns the captured hold. */
export async function redeemPointsAsCash(ctx: RequestContext, args: Omit<HoldArgs, 'ttlSeconds'>): Promise<{ hold: HoldSnapshot | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { hold: null, userErrors: [keyError] };
  const settings = await ctx.loaders.settings();
  const check = new InputChecker();
  const { saleId, channel, tillId } = checkCommon(ctx, check, args);
  const amount = checkAmount(check, settings, args);
  if (!check.ok || !amount || !saleId || !channel) return { hold: null, userErrors: check.errors };
  const out = await ledgerTransaction<HoldSnapshot>(
    ctx,
    { operation: 'redeemPointsAsCash', key: args.idempotencyKey, request: { ...args, channel, idempotencyKey: undefined } },
    async (em) => {
      await refuseOtherStoresSale(em, ctx.principal, channel, saleId);
      const ledger = await lockMember(em, ctx, args.memberId);
      const id = randomUUID();
      const w = ledger.wallet;
      ledger.requireSpendable(amount.points);
      const allocations = await ledger.consumeLots(amount.points);
      await ledger.post(LedgerEntryType.REDEEM, [{ account: ACCOUNT.AVAILABLE, amount: -amount.points }, { account: ACCOUNT.REDEEMED, amount: amount.points }], { saleId, channel, holdId: id });
      const rows = await em.execute<HoldRow[]>(
        `insert into points_hold (id, member_id, points, cash_value_minor, currency_code, status, sale_id, channel, store_id, till_id, allocations,
                                  captured_points, captured_cash_minor, expires_at, created_at, resolved_at)
         values (?, ?, ?, ?, ?, 'CAPTURED', ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning *`,
        [id, w.memberId, amount.points, amount.cashMinor, settings.currencyCode, saleId, channel, ctx.principal?.storeId ?? null, ctx.principal?.tillId ?? tillId,
          JSON.stringify(allocations), amount.points, amount.cashMinor, ledger.now, ledger.now, ledger.now],
      );
      await ledger.save();
      return snapshot(rows[0]!);
    },
  );
  return { hold: out.result, userErrors: out.userErrors };
}
