/**
 * The sale at the till as plain data, and the figures derived from it. No React, no DOM, no
 * network: the reducer (`reducer.ts`) changes this state, the workflow (`workflow.ts`) makes the
 * calls, components render it.
 */
import type { MemberPanelFieldsFragment } from '../gql/graphql';
import { cashTender, cashValueOf, checkPoints, maxPoints, totalAfterCoupons, type Programme as TenderProgramme } from '../lib/tender';
import { currencyExponent, minorPerMajor, parseMoney, type MoneyParse } from '../../shared/money';
import type { EarnBasis, ReceiptDoc } from '../../shared/receipt';

export type Member = MemberPanelFieldsFragment;

export interface Programme extends TenderProgramme {
  currencyCode: string;
  holdTtlDefaultSeconds: number;
  /** What a sale earns points on (`loyaltyProgramme.earnBasis`), printed on the receipt. */
  earnBasis: EarnBasis;
}

export interface Line {
  id: string;
  productId: string;
  name: string;
  categoryId: string | null;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
}

/** A line's level discount, as the service quoted it for the member. */
export interface LevelDiscountLine {
  /** Taken off the line, minor units. */
  discountMinor: number;
  /** One unit after the discount, minor units. */
  unitPrice: number;
  /** The reason, e.g. "Gold 10% off (Clothing)". */
  text: string;
}

/** The service's quote of the member's level discounts, for the sale as it was when asked (`key`). */
export interface LevelDiscountQuote {
  key: string;
  lines: (LevelDiscountLine | null)[];
}

export interface AppliedCoupon {
  code: string;
  displayCode: string;
  title: string;
  kind: string;
  valueMinor: number;
  percent: number;
}

export interface Hold {
  id: string;
  points: number;
  cashMinor: number;
  expiresAt: string;
}

export type Stage = 'sale' | 'tender' | 'receipt' | 'return';
export type Notice = { kind: 'error' | 'info' | 'success'; text: string } | null;

/** Cash given: typed by the cashier, or "exact" (follows what is due, whatever the points). */
export type CashEntry = { mode: 'typed'; text: string } | { mode: 'exact' };

export interface TenderState {
  /** The points field; '' shows the placeholder 0. */
  pointsText: string;
  /** The next typing replaces the field (after F9, a hold, or entering the tender). */
  pointsFresh: boolean;
  cash: CashEntry;
  hold: Hold | null;
  /** Holds placed in this sale, for their idempotency keys. */
  holdAttempts: number;
  /** Steps of completion already done, so a retry after a failure skips them. */
  captured: { points: number; cashMinor: number } | null;
  /** A capture was sent and its outcome is not known yet: the hold may no longer change. */
  captureSent: boolean;
  couponsRedeemed: string[];
  /**
   * A hold request that got no answer: it may exist on the server. The next hold request sends it
   * again first, with the same idempotency key, to learn its id.
   */
  unsettledHold: { attempt: number; points: number } | null;
}

/** A hold the till must still release (the service could not be reached when it tried). */
export interface PendingRelease {
  holdId: string;
  points: number;
  expiresAt: string;
}

export interface SearchResult {
  id: string;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  tier?: { name: string } | null;
}

export interface SearchState {
  text: string;
  results: SearchResult[];
  total: number;
  endCursor: string | null;
  hasMore: boolean;
}

/** A sale this till completed, kept for returns (the journal, `journal.ts`). */
export interface JournalSale {
  saleId: string;
  at: string;
  memberId: string | null;
  memberName: string | null;
  currencyCode: string;
  lines: { productId: string; name: string; quantity: number; unitPrice: number; returned: number }[];
  subtotal: number;
  total: number;
  pointsUsed: number;
  pointsValue: number;
  /** Money value (at line prices) of what has come back so far. */
  returnedValue: number;
}

export interface ReturnLine {
  productId: string;
  name: string;
  unitPrice: number;
  /** How many the sale had (null: not known, the sale is not in this till's journal). */
  sold: number | null;
  /** How many may still come back (null: not known). */
  returnable: number | null;
  /** How many come back now. */
  quantity: number;
}

export interface ReturnResult {
  /** False when the sale had no member: nothing to do in the loyalty service. */
  withPoints: boolean;
  pointsReversed: number;
  pointsClawedBack: number;
  pointsRefunded: number;
  couponsRestored: string[];
  /** What goes back to the customer in cash, minor units. */
  refundCash: number;
  balanceAfter: number | null;
}

export interface ReturnState {
  phase: 'find' | 'pick' | 'done';
  saleId: string | null;
  /** The sale from this till's journal, when it is there. */
  known: JournalSale | null;
  lines: ReturnLine[];
  selected: number;
  /** Secret the return's idempotency key derives from (random per return, never shown). */
  nonce: string;
  /** Set after the service said SALE_NOT_FOUND for a sale of this store: F10 refunds it without points. */
  withoutPoints: boolean;
  /** The return was sent and got no answer: the lines are fixed until F10 gets one. */
  unsettled: boolean;
  result: ReturnResult | null;
}

export interface SaleState {
  storeId: string;
  tillId: string;
  storeName: string;
  /** The programme's currency when known, else the till's setting. */
  currencyCode: string;
  programme: Programme | null;
  saleId: string;
  /** Secret the sale's idempotency keys derive from: random per sale, never printed. */
  keyNonce: string;
  stage: Stage;
  member: Member | null;
  lines: Line[];
  selectedLineId: string | null;
  coupons: AppliedCoupon[];
  /** The member's level discounts on the lines, when the service quoted them for the sale as it is. */
  levelQuote: LevelDiscountQuote | null;
  /** A barcode that is in no catalogue, waiting for the cashier to type its price. */
  manualEntry: { code: string } | null;
  tender: TenderState;
  receipt: ReceiptDoc | null;
  notice: Notice;
  /** What the till is doing now (a call in flight), or null. */
  busy: string | null;
  pendingReleases: PendingRelease[];
  connectivity: 'online' | 'offline' | 'unknown';
  queue: { pending: number; lastError: string | null };
  search: SearchState | null;
  ret: ReturnState | null;
  deviceNote: string | null;
}

export const EMPTY_TENDER: TenderState = {
  pointsText: '',
  pointsFresh: true,
  cash: { mode: 'typed', text: '' },
  hold: null,
  holdAttempts: 0,
  captured: null,
  captureSent: false,
  couponsRedeemed: [],
  unsettledHold: null,
};

/** What every new sale starts from; the till's own state (programme, connectivity, queue...) carries over. */
export function freshSale(): Pick<SaleState, 'stage' | 'member' | 'lines' | 'selectedLineId' | 'coupons' | 'levelQuote' | 'manualEntry' | 'tender' | 'receipt' | 'search' | 'ret'> {
  return {
    stage: 'sale',
    member: null,
    lines: [],
    selectedLineId: null,
    coupons: [],
    levelQuote: null,
    manualEntry: null,
    tender: EMPTY_TENDER,
    receipt: null,
    search: null,
    ret: null,
  };
}

export function initialState(init: { storeId: string; tillId: string; storeName: string; currencyCode: string; saleId: string; keyNonce: string }): SaleState {
  return {
    ...init,
    ...freshSale(),
    programme: null,
    notice: null,
    busy: null,
    pendingReleases: [],
    connectivity: 'unknown',
    queue: { pending: 0, lastError: null },
    deviceNote: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Derived figures

/** What the level-discount quote is for: the member and the lines as they are (a change makes it stale). */
export function quoteKey(s: Pick<SaleState, 'member' | 'lines'>): string {
  return JSON.stringify([s.member?.id ?? null, s.lines.map((l) => [l.productId, l.categoryId, l.quantity, l.unitPrice])]);
}

/** Each line's level discount (null: none), from a quote of the sale as it is; all null without one. */
export function levelDiscounts(s: Pick<SaleState, 'member' | 'lines' | 'levelQuote'>): (LevelDiscountLine | null)[] {
  const q = s.levelQuote;
  if (!q || !s.member || q.key !== quoteKey(s)) return s.lines.map(() => null);
  return s.lines.map((_, i) => q.lines[i] ?? null);
}

/**
 * The sale's figures: the lines at their prices, the member's level discounts on them (as the
 * service quoted them), coupons on what is left, and the total due.
 */
export function saleTotals(s: Pick<SaleState, 'lines' | 'coupons'> & Partial<Pick<SaleState, 'member' | 'levelQuote'>>): { linesTotal: number; levelDiscount: number; discount: number; total: number } {
  const linesTotal = s.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  const levelDiscount = levelDiscounts({ member: s.member ?? null, lines: s.lines, levelQuote: s.levelQuote ?? null }).reduce((sum, d) => sum + (d?.discountMinor ?? 0), 0);
  const { total, discount } = totalAfterCoupons(linesTotal - levelDiscount, s.coupons);
  return { linesTotal, levelDiscount, discount, total };
}

/**
 * The points the member can put on this sale: what the wallet has available plus what this sale
 * already holds (replacing the hold gives those back first).
 */
export function pointsAvailable(s: Pick<SaleState, 'member' | 'tender'>): number {
  return (s.member?.wallet.available ?? 0) + (s.tender.hold?.points ?? 0);
}

export function pointsMax(s: SaleState): number {
  if (!s.programme || !s.member) return 0;
  return maxPoints(s.programme, pointsAvailable(s), saleTotals(s).total);
}

/** Checks the points typed, with the reason a cashier can act on. */
export function checkPointsText(s: SaleState): { ok: true; points: number } | { ok: false; message: string } {
  if (!s.member) return { ok: false, message: 'No member on this sale: points need a member (scan the card first)' };
  if (!s.programme) return { ok: false, message: 'The programme settings are not loaded yet: points need the loyalty service' };
  const text = s.tender.pointsText.trim();
  if (text !== '' && !/^\d{1,9}$/.test(text)) return { ok: false, message: `"${text}" is not a number of points` };
  const points = text === '' ? 0 : Number(text);
  const check = checkPoints(s.programme, points, pointsAvailable(s), saleTotals(s).total);
  return check.ok ? { ok: true, points } : check;
}

export function pointsCash(s: SaleState, points: number): number {
  return s.programme ? cashValueOf(s.programme, points) : 0;
}

export interface CashFigures {
  /** Left to pay in cash after the points hold. */
  cashDue: number;
  /** What the cash field says, or why it says nothing usable. */
  given: MoneyParse;
  change: number;
  covered: boolean;
}

export function cashFigures(s: SaleState): CashFigures {
  const { total } = saleTotals(s);
  const held = s.tender.captured?.cashMinor ?? s.tender.hold?.cashMinor ?? 0;
  const due = cashTender(total, held, 0).cashDue;
  let given: MoneyParse;
  if (s.tender.cash.mode === 'exact') given = { ok: true, minor: due };
  else if (s.tender.cash.text.trim() === '') given = { ok: true, minor: 0 };
  else given = parseMoney(s.tender.cash.text, s.currencyCode);
  const t = cashTender(total, held, given.ok ? given.minor : 0);
  return { cashDue: t.cashDue, given, change: t.change, covered: given.ok && t.covered };
}

/** Bank notes by currency, major units (the quick-cash keys offer the next ones up). */
const NOTES: Record<string, number[]> = {
  GBP: [5, 10, 20, 50],
  EUR: [5, 10, 20, 50, 100],
  USD: [1, 5, 10, 20, 50, 100],
  JPY: [1000, 5000, 10000],
};

/**
 * Amounts a customer is likely to hand over for `due` minor units: the next whole unit, then the
 * next multiple of each note, ascending, above `due` (exact cash is its own key).
 */
export function quickCashAmounts(due: number, currencyCode: string, count = 4): number[] {
  const unit = minorPerMajor(currencyCode);
  const notes = (NOTES[currencyCode] ?? [1, 5, 10, 20, 50, 100]).map((n) => n * unit);
  const steps = currencyExponent(currencyCode) > 0 ? [unit, ...notes] : notes;
  const out = new Set<number>();
  for (const step of steps) {
    const next = Math.ceil(due / step) * step;
    if (next > due) out.add(next);
    else if (step !== unit) out.add(next + step); // £20 due: £25, £30, £40, £50 (not £21)
  }
  return [...out].sort((a, b) => a - b).slice(0, count);
}

/** Money value of the lines coming back and what the customer gets in cash. */
export function returnFigures(ret: ReturnState, pointsRefunded: number, programme: TenderProgramme | null): { returnedValue: number; refundCash: number } {
  const returnedValue = ret.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const k = ret.known;
  let moneyBack = returnedValue;
  let pointsValue = programme ? cashValueOf(programme, pointsRefunded) : 0;
  if (k && k.subtotal > 0) {
    // What was paid for these goods after coupons, cumulative and floored as the service does.
    const share = (value: number) => Math.floor((k.total * value) / k.subtotal);
    moneyBack = share(k.returnedValue + returnedValue) - share(k.returnedValue);
    pointsValue = k.pointsUsed > 0 ? Math.floor((pointsRefunded * k.pointsValue) / k.pointsUsed) : 0;
  }
  return { returnedValue, refundCash: Math.max(0, moneyBack - pointsValue) };
}
