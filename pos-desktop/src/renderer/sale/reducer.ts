/**
 * Every change to the sale, as a pure function of the state and an action. The workflow
 * dispatches the outcomes of its calls; components dispatch what the cashier typed.
 *
 * Any action may carry a `notice` (the banner). A user's step (scanning, typing, a key) clears
 * the previous banner first, so a message never outlives the step it was about.
 */
import { cashFigures, EMPTY_TENDER, freshSale, quickCashAmounts, type AppliedCoupon, type Hold, type JournalSale, type LevelDiscountQuote, type Line, type Member, type Notice, type PendingRelease, type Programme, type ReturnLine, type ReturnResult, type SaleState, type SearchResult } from './model';
import { toDecimal } from '../../shared/money';
import type { ReceiptDoc } from '../../shared/receipt';

type WithNotice = { notice?: Notice };

export type SaleAction = WithNotice &
  (
    // background: not the cashier's step, the banner stays
    | { type: 'programme/loaded'; programme: Programme }
    | { type: 'connectivity'; online: boolean }
    | { type: 'queue'; pending: number; lastError: string | null }
    | { type: 'device-note'; text: string | null }
    | { type: 'busy'; label: string | null }
    | { type: 'member/refreshed'; member: Member }
    | { type: 'quote/loaded'; quote: LevelDiscountQuote }
    | { type: 'notice' }
    | { type: 'release/pending'; release: PendingRelease }
    | { type: 'release/done'; holdId: string }
    | { type: 'tick'; now: number }
    // the cashier's steps
    | { type: 'member/identified'; member: Member }
    | { type: 'member/cleared' }
    | { type: 'search/results'; text: string; results: SearchResult[]; total: number; endCursor: string | null; hasMore: boolean; append: boolean }
    | { type: 'search/closed' }
    | { type: 'step' }
    | { type: 'line/added'; line: Line }
    | { type: 'line/select'; delta: 1 | -1 }
    | { type: 'line/quantity'; delta: 1 | -1 }
    | { type: 'line/set-quantity'; quantity: number }
    | { type: 'line/removed'; lineId?: string }
    | { type: 'manual/needed'; code: string }
    | { type: 'manual/done' }
    | { type: 'coupon/applied'; coupon: AppliedCoupon; giftLine?: Line }
    | { type: 'coupon/removed'; code: string }
    | { type: 'tender/started' }
    | { type: 'tender/points-typed'; value: string }
    | { type: 'tender/points-set'; points: number }
    | { type: 'tender/cash-typed'; value: string }
    | { type: 'tender/cash-exact' }
    | { type: 'tender/cash-quick'; direction: 1 | -1 }
    | { type: 'hold/placed'; hold: Hold; attempt: number }
    | { type: 'hold/cleared'; pointsBack: boolean }
    | { type: 'tender/hold-unsettled'; attempt: number; points: number }
    | { type: 'tender/hold-settled' }
    | { type: 'tender/capture-sent'; sent: boolean }
    | { type: 'tender/captured'; points: number; cashMinor: number }
    | { type: 'tender/coupon-redeemed'; code: string }
    | { type: 'tender/abandoned' }
    | { type: 'sale/completed'; receipt: ReceiptDoc }
    | { type: 'sale/new'; saleId: string; keyNonce: string }
    | { type: 'return/started'; nonce: string }
    | { type: 'return/found'; saleId: string; known: JournalSale | null; lines: ReturnLine[] }
    | { type: 'return/line-added'; line: Omit<ReturnLine, 'quantity' | 'sold' | 'returnable'> }
    | { type: 'return/select'; delta: 1 | -1 }
    | { type: 'return/quantity'; delta: 1 | -1 }
    | { type: 'return/all' }
    | { type: 'return/without-points' }
    | { type: 'return/unsettled'; unsettled: boolean }
    | { type: 'return/done'; result: ReturnResult }
  );

const BACKGROUND: ReadonlySet<SaleAction['type']> = new Set([
  'programme/loaded',
  'connectivity',
  'queue',
  'device-note',
  'busy',
  'member/refreshed',
  'quote/loaded',
  'notice',
  'release/pending',
  'release/done',
  'tick',
]);

export function saleReducer(state: SaleState, action: SaleAction): SaleState {
  const base = BACKGROUND.has(action.type) ? state : { ...state, notice: null };
  const next = apply(base, action);
  return action.notice !== undefined ? { ...next, notice: action.notice } : next;
}

const UNSETTLED_RETURN: Notice = { kind: 'error', text: 'The return was sent without an answer: press F10 to send the same return again before changing it' };

function withWallet(member: Member | null, change: { available: number; held: number }): Member | null {
  if (!member) return null;
  return { ...member, wallet: { ...member.wallet, available: member.wallet.available + change.available, held: Math.max(0, member.wallet.held + change.held) } };
}

function selectedIndex(s: SaleState): number {
  const i = s.lines.findIndex((l) => l.id === s.selectedLineId);
  return i >= 0 ? i : s.lines.length - 1;
}

function apply(s: SaleState, a: SaleAction): SaleState {
  switch (a.type) {
    case 'programme/loaded':
      return { ...s, programme: a.programme, currencyCode: a.programme.currencyCode };
    case 'connectivity':
      return { ...s, connectivity: a.online ? 'online' : 'offline' };
    case 'queue':
      return { ...s, queue: { pending: a.pending, lastError: a.lastError } };
    case 'device-note':
      return { ...s, deviceNote: a.text };
    case 'busy':
      return { ...s, busy: a.label };
    case 'member/refreshed':
      return s.member && s.member.id === a.member.id ? { ...s, member: a.member } : s;
    case 'quote/loaded':
      return { ...s, levelQuote: a.quote };
    case 'notice':
    case 'step':
      return s;
    case 'release/pending':
      return s.pendingReleases.some((r) => r.holdId === a.release.holdId) ? s : { ...s, pendingReleases: [...s.pendingReleases, a.release] };
    case 'release/done':
      return { ...s, pendingReleases: s.pendingReleases.filter((r) => r.holdId !== a.holdId) };
    case 'tick': {
      const pending = s.pendingReleases.filter((r) => Date.parse(r.expiresAt) > a.now);
      const base = pending.length === s.pendingReleases.length ? s : { ...s, pendingReleases: pending };
      const hold = base.tender.hold;
      if (!hold || Date.parse(hold.expiresAt) > a.now || base.tender.captured) return base;
      return {
        ...base,
        member: withWallet(base.member, { available: hold.points, held: -hold.points }),
        tender: { ...base.tender, hold: null, pointsText: '', pointsFresh: true },
        notice: { kind: 'error', text: `The hold of ${hold.points} points expired; the points went back to the member. Hold them again (F9) or take cash.` },
      };
    }

    case 'member/identified':
      return { ...s, member: a.member, search: null };
    case 'member/cleared':
      return s.stage === 'sale' ? { ...s, member: null } : s;
    case 'search/results':
      return {
        ...s,
        search: {
          text: a.text,
          results: a.append && s.search ? [...s.search.results, ...a.results] : a.results,
          total: a.total,
          endCursor: a.endCursor,
          hasMore: a.hasMore,
        },
      };
    case 'search/closed':
      return { ...s, search: null };

    case 'line/added': {
      const same = s.lines.find((l) => l.productId === a.line.productId && l.unitPrice === a.line.unitPrice && l.name === a.line.name);
      if (same) return { ...s, lines: s.lines.map((l) => (l === same ? { ...l, quantity: Math.min(999, l.quantity + a.line.quantity) } : l)), selectedLineId: same.id, manualEntry: null };
      return { ...s, lines: [...s.lines, a.line], selectedLineId: a.line.id, manualEntry: null };
    }
    case 'line/select': {
      if (s.lines.length === 0) return s;
      const i = Math.min(s.lines.length - 1, Math.max(0, selectedIndex(s) + a.delta));
      return { ...s, selectedLineId: s.lines[i]!.id };
    }
    case 'line/quantity':
    case 'line/set-quantity': {
      const line = s.lines[selectedIndex(s)];
      if (!line) return { ...s, notice: { kind: 'error', text: 'No line to change: scan a product first' } };
      const quantity = a.type === 'line/set-quantity' ? a.quantity : line.quantity + a.delta;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) {
        return { ...s, notice: { kind: 'error', text: quantity < 1 ? `${line.name}: the quantity cannot go below 1 (Delete voids the line)` : 'A quantity is 1 to 999' } };
      }
      return { ...s, lines: s.lines.map((l) => (l === line ? { ...l, quantity } : l)), selectedLineId: line.id };
    }
    case 'line/removed': {
      const line = a.lineId ? s.lines.find((l) => l.id === a.lineId) : s.lines[selectedIndex(s)];
      if (!line) return { ...s, notice: { kind: 'error', text: 'No line to void' } };
      const i = s.lines.indexOf(line);
      const lines = s.lines.filter((l) => l !== line);
      const selected = lines[Math.min(i, lines.length - 1)]?.id ?? null;
      return { ...s, lines, selectedLineId: selected, notice: { kind: 'info', text: `Voided: ${line.quantity} x ${line.name}` } };
    }
    case 'manual/needed':
      return { ...s, manualEntry: { code: a.code } };
    case 'manual/done':
      return { ...s, manualEntry: null };
    case 'coupon/applied':
      return {
        ...s,
        coupons: [...s.coupons, a.coupon],
        lines: a.giftLine ? [...s.lines, a.giftLine] : s.lines,
        selectedLineId: a.giftLine?.id ?? s.selectedLineId,
      };
    case 'coupon/removed':
      return { ...s, coupons: s.coupons.filter((c) => c.code !== a.code) };

    case 'tender/started':
      return { ...s, stage: 'tender', search: null, manualEntry: null, tender: { ...EMPTY_TENDER, holdAttempts: s.tender.holdAttempts } };
    case 'tender/points-typed': {
      const old = s.tender.pointsText;
      let value = a.value;
      // Typing into a fresh field replaces what it showed ("0", the maximum, the held points).
      if (s.tender.pointsFresh && value.startsWith(old) && value.length > old.length) value = value.slice(old.length);
      return { ...s, tender: { ...s.tender, pointsText: value.replace(/\D/g, '').slice(0, 9), pointsFresh: false } };
    }
    case 'tender/points-set':
      return { ...s, tender: { ...s.tender, pointsText: String(a.points), pointsFresh: true } };
    case 'tender/cash-typed':
      return { ...s, tender: { ...s.tender, cash: { mode: 'typed', text: a.value } } };
    case 'tender/cash-exact':
      return { ...s, tender: { ...s.tender, cash: { mode: 'exact' } } };
    case 'tender/cash-quick': {
      const f = cashFigures(s);
      const current = f.given.ok ? f.given.minor : 0;
      const options = quickCashAmounts(f.cashDue, s.currencyCode, 6);
      let amount: number | undefined;
      if (a.direction === 1) amount = options.find((o) => o > Math.max(current, f.cashDue - 1)) ?? options.at(-1);
      else amount = [...options].reverse().find((o) => o < current);
      if (amount === undefined) return { ...s, tender: { ...s.tender, cash: { mode: 'exact' } } };
      return { ...s, tender: { ...s.tender, cash: { mode: 'typed', text: toDecimal(amount, s.currencyCode) } } };
    }
    case 'hold/placed':
      return {
        ...s,
        member: withWallet(s.member, { available: -a.hold.points, held: a.hold.points }),
        tender: { ...s.tender, hold: a.hold, holdAttempts: Math.max(s.tender.holdAttempts, a.attempt), unsettledHold: null, pointsText: String(a.hold.points), pointsFresh: true },
      };
    case 'tender/hold-unsettled':
      return { ...s, tender: { ...s.tender, unsettledHold: { attempt: a.attempt, points: a.points }, holdAttempts: Math.max(s.tender.holdAttempts, a.attempt) } };
    case 'tender/hold-settled':
      return { ...s, tender: { ...s.tender, unsettledHold: null } };
    case 'tender/capture-sent':
      return { ...s, tender: { ...s.tender, captureSent: a.sent } };
    case 'hold/cleared': {
      const hold = s.tender.hold;
      if (!hold) return s;
      return {
        ...s,
        member: a.pointsBack ? withWallet(s.member, { available: hold.points, held: -hold.points }) : s.member,
        tender: { ...s.tender, hold: null, captureSent: false },
      };
    }
    case 'tender/captured':
      return { ...s, tender: { ...s.tender, captured: { points: a.points, cashMinor: a.cashMinor }, captureSent: false } };
    case 'tender/coupon-redeemed':
      return { ...s, tender: { ...s.tender, couponsRedeemed: [...s.tender.couponsRedeemed, a.code] } };
    case 'tender/abandoned':
      return { ...s, stage: 'sale', tender: { ...EMPTY_TENDER, holdAttempts: s.tender.holdAttempts } };
    case 'sale/completed':
      return { ...s, stage: 'receipt', receipt: a.receipt, tender: { ...s.tender, hold: null } };
    case 'sale/new':
      return { ...s, ...freshSale(), saleId: a.saleId, keyNonce: a.keyNonce };

    case 'return/started':
      return { ...s, stage: 'return', search: null, ret: { phase: 'find', saleId: null, known: null, lines: [], selected: 0, nonce: a.nonce, withoutPoints: false, unsettled: false, result: null } };
    case 'return/found':
      return s.ret ? { ...s, ret: { ...s.ret, phase: 'pick', saleId: a.saleId, known: a.known, lines: a.lines, selected: 0, withoutPoints: false } } : s;
    case 'return/line-added': {
      const r = s.ret;
      if (!r || r.phase !== 'pick') return s;
      if (r.unsettled) return { ...s, notice: UNSETTLED_RETURN };
      const i = r.lines.findIndex((l) => l.productId === a.line.productId);
      if (i >= 0) {
        const l = r.lines[i]!;
        if (l.returnable !== null && l.quantity >= l.returnable) return { ...s, notice: { kind: 'error', text: `The sale had ${l.sold} of ${l.name}; ${l.returnable} can come back` } };
        return { ...s, ret: { ...r, lines: r.lines.map((x, k) => (k === i ? { ...x, quantity: x.quantity + 1 } : x)), selected: i } };
      }
      if (r.known) return { ...s, notice: { kind: 'error', text: `${a.line.name} is not on sale ${r.saleId}` } };
      return { ...s, ret: { ...r, lines: [...r.lines, { ...a.line, sold: null, returnable: null, quantity: 1 }], selected: r.lines.length } };
    }
    case 'return/select': {
      const r = s.ret;
      if (!r || r.lines.length === 0) return s;
      return { ...s, ret: { ...r, selected: Math.min(r.lines.length - 1, Math.max(0, r.selected + a.delta)) } };
    }
    case 'return/quantity': {
      const r = s.ret;
      const l = r?.lines[r.selected];
      if (!r || !l || r.phase !== 'pick') return s;
      if (r.unsettled) return { ...s, notice: UNSETTLED_RETURN };
      const q = l.quantity + a.delta;
      if (q < 0) return s;
      if (l.returnable !== null && q > l.returnable) return { ...s, notice: { kind: 'error', text: `The sale had ${l.sold} of ${l.name}; ${l.returnable} can come back` } };
      return { ...s, ret: { ...r, lines: r.lines.map((x, k) => (k === r.selected ? { ...x, quantity: q } : x)) } };
    }
    case 'return/all': {
      const r = s.ret;
      if (!r || r.phase !== 'pick') return s;
      if (r.unsettled) return { ...s, notice: UNSETTLED_RETURN };
      return { ...s, ret: { ...r, lines: r.lines.map((l) => ({ ...l, quantity: l.returnable ?? Math.max(1, l.quantity) })) } };
    }
    case 'return/without-points':
      return s.ret ? { ...s, ret: { ...s.ret, withoutPoints: true } } : s;
    case 'return/unsettled':
      return s.ret ? { ...s, ret: { ...s.ret, unsettled: a.unsettled } } : s;
    case 'return/done':
      return s.ret ? { ...s, ret: { ...s.ret, phase: 'done', result: a.result } } : s;
  }
}
