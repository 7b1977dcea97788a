import { membershipBySale, refundMembershipsOfSale, type MembershipView } from '../tiers/membership.service';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker } from '../../common/validation';
import { checkIdempotencyKey } from '../idempotency/idempotency';
import { restoreCouponsOfReturnedSale } from '../coupons/coupon.service';
import { voidCampaignCouponsOfSale } from '../campaigns/campaign.apply';
import { expiryFor } from '../programme/programme.service';
import { ACCOUNT, MemberLedger } from './ledger.core';
import { LedgerEntryType, LotStatus, type SaleEarnLine } from './ledger.entities';
import { actorOf, ledgerTransaction, Outcome } from './ledger-transaction';

export interface ReturnArgs {
  idempotencyKey: string;
  saleId: string;
  channel: string;
  lines: { productId: string; quantity: number }[];
}

export interface ReturnResult {
  memberId: string;
  saleId: string;
  channel: string;
  /** Earned points taken back (from pending, available, or as a recorded negative balance). */
  pointsReversed: number;
  /** Of those, the points campaigns had given on the returned goods. */
  campaignPointsReversed: number;
  /** Of those, what the member's balance could not cover: the clawback that made it negative. */
  pointsClawedBack: number;
  /** Redeemed points given back because the goods they paid for came back. */
  pointsRefunded: number;
  /** Money value of the returned goods at the price paid (after the level discount), minor units. */
  returnedAmount: number;
  /** The level discount the returned goods had had, minor units (0 without one). */
  discountReturned: number;
  currencyCode: string;
  /** Coupons used on the sale that became usable again because the whole sale came back. */
  couponsRestored: string[];
  /** Unused coupons campaigns had issued for the sale, voided because the whole sale came back. */
  campaignCouponsVoided: string[];
  /** Paid memberships bought with the sale whose line came back: refunded, ended now. */
  membershipsRefunded: MembershipView[];
}

/**
 * Reverses the points of returned goods from the sale's original earn record (never from today's
 * rules), and gives back redeemed points in proportion to the money returned. Cumulative figures
 * are floored, so the last return of a sale settles any rounding and the totals end exact.
 * Points the member has already spent are clawed back: the balance may go negative, only here,
 * and redemption is blocked until later earnings repay it. When the whole sale has come back, the
 * member's own coupons used on it become usable again (bearer coupons are not: a sale id alone does
 * not say which sale used them).
 */
export async function returnSale(ctx: RequestContext, args: ReturnArgs): Promise<{ result: ReturnResult | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { result: null, userErrors: [keyError] };
  const check = new InputChecker();
  const saleId = check.text('saleId', args.saleId, 128, { required: true, label: 'saleId' });
  const channel = check.text('channel', args.channel, 64, { required: true, label: 'channel' });
  if (!Array.isArray(args.lines) || args.lines.length === 0 || args.lines.length > 500) check.fail('lines', 'A return needs 1 to 500 lines');
  else {
    args.lines.forEach((l, i) => {
      check.text(`lines.${i}.productId`, l.productId, 64, { required: true, label: 'productId' });
      if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 10_000) check.fail(`lines.${i}.quantity`, 'quantity must be a whole number from 1 to 10,000');
    });
  }
  if (!check.ok || !saleId || !channel) return { result: null, userErrors: check.errors };
  const settings = await ctx.loaders.settings();

  const out = await ledgerTransaction<ReturnResult>(ctx, { operation: 'returnSale', key: args.idempotencyKey, request: { saleId, channel, lines: args.lines } }, async (em) => {
    const membershipsRefunded: MembershipView[] = [];
    const sales = await em.execute<Record<string, unknown>[]>('select * from sale_earn where channel = ? and sale_id = ? for update', [channel, saleId]);
    const sale = sales[0];
    // A till returns only sales of its own store; another store's sale answers as not found.
    const p = ctx.principal;
    const tillOnly = p?.roles.has('till') && !p.roles.has('admin') && !p.roles.has('service');
    // A paid membership's line (tiers/membership.service.ts): refunded and ended, whether or not
    // the sale earned points too; the other lines are returned as usual.
    const membership = await membershipBySale(em, channel, saleId);
    if (membership && !(tillOnly && membership.store_id !== p!.storeId)) {
      const owner = await MemberLedger.lock(em, membership.member_id, actorOf(ctx));
      const refunded = owner ? await refundMembershipsOfSale(owner, settings, channel, saleId, args.lines.map((l) => l.productId.trim())) : [];
      await owner?.save();
      const rest = args.lines.filter((l) => !refunded.some((m) => m.productId === l.productId.trim()));
      if (!sale || rest.length === 0) {
        if (refunded.length === 0) throw new Outcome([userError(ErrorCode.RETURN_EXCEEDS_SALE, 'The sale bought a paid membership; return its line to refund it', ['input', 'lines'])]);
        return { memberId: membership.member_id, saleId, channel, pointsReversed: 0, campaignPointsReversed: 0, pointsClawedBack: 0, pointsRefunded: 0, returnedAmount: 0, discountReturned: 0, currencyCode: settings.currencyCode, couponsRestored: [], campaignCouponsVoided: [], membershipsRefunded: refunded };
      }
      args = { ...args, lines: rest };
      membershipsRefunded.push(...refunded);
    }
    if (!sale || (tillOnly && sale.store_id !== p!.storeId)) {
      throw new Outcome([userError(ErrorCode.SALE_NOT_FOUND, 'No sale with this id earned points in this channel', ['input', 'saleId'])]);
    }
    const lines = (typeof sale.lines === 'string' ? JSON.parse(sale.lines) : sale.lines) as SaleEarnLine[];
    const ledger = await MemberLedger.lock(em, String(sale.member_id), actorOf(ctx));
    if (!ledger) throw new Error('sale_earn without a wallet');
    await ledger.settle();

    // Match returned quantities to the sale's lines of that product, first line first.
    let reversed = 0;
    let returnedAmount = 0;
    let discountReturned = 0;
    const campaignReversed = new Map<string, number>();
    for (const [i, r] of args.lines.entries()) {
      let qty = r.quantity;
      for (const line of lines) {
        if (qty === 0) break;
        if (line.productId !== r.productId.trim()) continue;
        const take = Math.min(qty, line.quantity - line.returnedQuantity);
        if (take <= 0) continue;
        const cumulative = Math.floor((line.points * (line.returnedQuantity + take)) / line.quantity);
        reversed += cumulative - line.returnedPoints;
        line.returnedPoints = cumulative;
        // campaign points on the line go back the same way, from the record of what each gave
        for (const part of line.campaigns ?? []) {
          const back = Math.floor((part.points * (line.returnedQuantity + take)) / line.quantity);
          campaignReversed.set(part.campaignId, (campaignReversed.get(part.campaignId) ?? 0) + back - part.returnedPoints);
          part.returnedPoints = back;
        }
        line.returnedQuantity += take;
        // unitPrice is what was paid for a unit (after a level discount): refunds and cash shares follow it
        returnedAmount += take * line.unitPrice;
        discountReturned += take * ((line.listUnitPrice ?? line.unitPrice) - line.unitPrice);
        qty -= take;
      }
      if (qty > 0) {
        throw new Outcome([userError(ErrorCode.RETURN_EXCEEDS_SALE, `The sale has ${r.quantity - qty} more of ${r.productId} to return, not ${r.quantity}`, ['input', 'lines', String(i), 'quantity'])]);
      }
    }

    // Take back the earned points: first from the sale's own lot (pending or available), then FIFO;
    // each campaign's points likewise from the lot its award created.
    const takeBack = async (points: number, lotId: string | null, refs: { reason: string; campaignId?: string }): Promise<number> => {
      const lots = lotId ? await em.execute<{ id: string; status: LotStatus; remaining: string }[]>('select id, status, remaining from earning_lot where id = ?', [lotId]) : [];
      const lot = lots[0];
      let left = points;
      if (lot && lot.status === LotStatus.PENDING) {
        const fromPending = Math.min(left, Number(lot.remaining));
        if (fromPending > 0) {
          await em.execute('update earning_lot set remaining = remaining - ? where id = ?', [fromPending, lot.id]);
          await ledger.post(LedgerEntryType.RETURN, [{ account: ACCOUNT.PENDING, amount: -fromPending }, { account: ACCOUNT.RETURNED, amount: fromPending }], { saleId, channel, campaignId: refs.campaignId, reason: `${refs.reason} (pending points)` });
          left -= fromPending;
        }
      }
      if (left <= 0) return 0;
      const taken = await ledger.consumeLots(left, lot ? [lot.id] : []);
      const owed = left - taken.reduce((s, a) => s + a.points, 0);
      await ledger.post(LedgerEntryType.RETURN, [{ account: ACCOUNT.AVAILABLE, amount: -left }, { account: ACCOUNT.RETURNED, amount: left }], {
        saleId, channel, campaignId: refs.campaignId, reason: owed > 0 ? `${refs.reason}; ${owed} points already spent are owed` : refs.reason,
      });
      return owed;
    };
    let clawedBack = 0;
    if (reversed > 0) {
      clawedBack += await takeBack(reversed, (sale.lot_id as string | null) ?? null, { reason: 'goods returned' });
      ledger.wallet.lifetimeEarned -= reversed;
      ledger.wallet.tierPoints = Math.max(0, ledger.wallet.tierPoints - reversed);
      ledger.touch();
    }
    let campaignPointsReversed = 0;
    if ([...campaignReversed.values()].some((n) => n > 0)) {
      const awards = await em.execute<{ id: string; campaign_id: string; lot_id: string | null; code: string }[]>(
        'select a.id, a.campaign_id, a.lot_id, c.code from campaign_award a join campaign c on c.id = a.campaign_id where a.sale_earn_id = ? order by a.campaign_id',
        [sale.id],
      );
      for (const award of awards) {
        const n = campaignReversed.get(award.campaign_id) ?? 0;
        if (n <= 0) continue;
        clawedBack += await takeBack(n, award.lot_id, { reason: `goods returned: points of campaign ${award.code}`, campaignId: award.campaign_id });
        await em.execute('update campaign_award set reversed_points = reversed_points + ? where id = ?', [n, award.id]);
        campaignPointsReversed += n;
      }
      // bonus points: lifetime earned, never tier points
      ledger.wallet.lifetimeEarned -= campaignPointsReversed;
      ledger.touch();
    }

    // Give back redeemed points in proportion to the money returned (cumulative, floored).
    const redeemedRows = await em.execute<{ captured: string }[]>(
      // ...and by store: a hold another store's till placed under this sale id paid for nothing sold here
      `select coalesce(sum(captured_points), 0) as captured from points_hold
        where channel = ? and sale_id = ? and status = 'CAPTURED' and member_id = ?
          and (store_id is null or ?::text is null or store_id = ?::text)`,
      [channel, saleId, ledger.wallet.memberId, sale.store_id ?? null, sale.store_id ?? null],
    );
    const redeemed = Number(redeemedRows[0]?.captured ?? 0);
    const total = Number(sale.total_minor);
    const returnedSoFar = Number(sale.returned_amount_minor) + returnedAmount;
    const refundedBefore = Number(sale.refunded_points);
    const refundedNow = total > 0 ? Number((BigInt(redeemed) * BigInt(returnedSoFar)) / BigInt(total)) : 0;
    // Holds and earns match by (channel, sale id) only: a web order never refunds a store sale's points.
    const refund = Math.max(0, Math.min(refundedNow - refundedBefore, redeemed - refundedBefore));
    if (refund > 0) {
      const before = ledger.wallet.available;
      const entryId = await ledger.post(LedgerEntryType.REFUND, [{ account: ACCOUNT.REDEEMED, amount: -refund }, { account: ACCOUNT.AVAILABLE, amount: refund }], {
        saleId, channel, reason: 'points that paid for returned goods',
      });
      await ledger.createLot(entryId, refund, LotStatus.AVAILABLE, before, { expiresAt: expiryFor(settings, ledger.now) });
    }
    await em.execute(
      `update sale_earn set lines = ?::jsonb, returned_points = returned_points + ?, returned_amount_minor = ?, refunded_points = ? where id = ?`,
      [JSON.stringify(lines), reversed, returnedSoFar, refundedBefore + refund, sale.id],
    );
    const wholeSaleBack = lines.every((l) => l.returnedQuantity === l.quantity);
    const couponsRestored = wholeSaleBack ? await restoreCouponsOfReturnedSale(em, channel, saleId, ledger.wallet.memberId, (sale.store_id as string | null) ?? null) : [];
    const campaignCouponsVoided = wholeSaleBack ? await voidCampaignCouponsOfSale(em, ledger, String(sale.id), { saleId, channel }) : [];
    await ledger.save();
    return { memberId: ledger.wallet.memberId, saleId, channel, pointsReversed: reversed + campaignPointsReversed, campaignPointsReversed, pointsClawedBack: clawedBack, pointsRefunded: refund, returnedAmount, discountReturned, currencyCode: String(sale.currency_code), couponsRestored, campaignCouponsVoided, membershipsRefunded };
  });
  return { result: out.result, userErrors: out.userErrors };
}
