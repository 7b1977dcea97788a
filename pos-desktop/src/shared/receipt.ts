/**
 * A sale's receipt as data, and its layout as rows that every output shares: the screen, the
 * HTML the browser or Electron prints, and the ESC/POS bytes for a thermal printer.
 *
 * Part of the shared contract: no Node and no DOM imports. Main re-checks a receipt that comes
 * over IPC (`src/main/validate.ts`) before printing it.
 */
import { formatMoney } from './money';

export type EarnBasis = 'WHOLE_SALE' | 'CASH_PAID';

/** What became of the sale's points, as the receipt tells the member. */
export type ReceiptEarn =
  /** `extras`: what campaigns gave on top (points, or a coupon put in the member's account). */
  | { readonly status: 'credited'; readonly points: number; readonly extras?: readonly { readonly name: string; readonly points: number; readonly coupon: boolean }[] }
  /** Kept in the offline queue: credited when the till is back online. */
  | { readonly status: 'queued' }
  /** The service refused the earn (the reason is for the cashier). */
  | { readonly status: 'refused'; readonly message: string }
  /** Neither credited nor kept (the queue could not be written): the cashier must note the sale. */
  | { readonly status: 'not-kept'; readonly message: string };

export interface ReceiptLine {
  readonly name: string;
  readonly quantity: number;
  /** Minor units. */
  readonly unitPrice: number;
  /** quantity x unitPrice, minor units. */
  readonly amount: number;
  /** The member's level discount on this line (e.g. "Gold 10% off (Clothing)"), minor units; absent without one. */
  readonly levelDiscount?: { readonly text: string; readonly amount: number };
}

export interface ReceiptDoc {
  readonly storeName: string;
  readonly storeId: string;
  readonly tillId: string;
  /** The sale id the cashier and the service know; also the barcode's payload after `LS:`. */
  readonly saleId: string;
  /** When the sale was completed, ISO 8601. */
  readonly at: string;
  /** IANA time zone the date and time are printed in (the till's). */
  readonly timeZone: string;
  readonly currencyCode: string;
  readonly lines: readonly ReceiptLine[];
  /** Sum of the lines, minor units. */
  readonly subtotal: number;
  /** What coupons took off, minor units. */
  readonly discount: number;
  /** What the member's level discounts took off the lines (before coupons), minor units; absent or 0 without any. */
  readonly levelDiscount?: number;
  readonly coupons: readonly { readonly code: string; readonly title: string }[];
  /** What was due after coupons, minor units. */
  readonly total: number;
  readonly pointsUsed: number;
  /** Cash value of the points used, minor units. */
  readonly pointsValue: number;
  /** Cash handed over, minor units. */
  readonly cashGiven: number;
  /** Change given back (from cash only), minor units. */
  readonly change: number;
  /** Member name, or null for a sale without a member (then no points rows). */
  readonly member: string | null;
  readonly earn: ReceiptEarn | null;
  /** The programme's earn basis when the graph says it, else null (the row is left out). */
  readonly earnBasis: EarnBasis | null;
  /** The member's available points after the sale, when known. */
  readonly balanceAfter: number | null;
}

export type ReceiptRow =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'center'; readonly text: string }
  | { readonly kind: 'pair'; readonly left: string; readonly right: string; readonly strong?: boolean; readonly testId?: string }
  | { readonly kind: 'text'; readonly text: string; readonly testId?: string }
  | { readonly kind: 'rule' }
  | { readonly kind: 'barcode'; readonly data: string; readonly text: string };

/** The barcode payload of a receipt: the sale id after `LS:` (the till reads it back for a return). */
export function receiptBarcode(saleId: string): string {
  return `LS:${saleId}`;
}

export const EARN_BASIS_TEXT: Record<EarnBasis, string> = { WHOLE_SALE: 'the whole sale', CASH_PAID: 'the part paid in cash' };

/** Date and time as printed, e.g. "22/11/2026 14:05", in the receipt's time zone. */
export function receiptDateTime(at: string, timeZone: string, locale = 'en-GB'): string {
  const d = new Date(at);
  const opts: Intl.DateTimeFormatOptions = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat(locale, opts);
  } catch {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
  }
  return f.format(d).replace(',', '');
}

/** The rows of a receipt, top to bottom. */
export function receiptRows(r: ReceiptDoc, locale = 'en-GB'): ReceiptRow[] {
  const m = (minor: number) => formatMoney(minor, r.currencyCode, locale);
  const rows: ReceiptRow[] = [
    { kind: 'title', text: r.storeName },
    { kind: 'center', text: `Store ${r.storeId} · Till ${r.tillId}` },
    { kind: 'center', text: receiptDateTime(r.at, r.timeZone, locale) },
    { kind: 'center', text: `Sale ${r.saleId}` },
    { kind: 'rule' },
  ];
  for (const l of r.lines) {
    rows.push({ kind: 'pair', left: l.quantity === 1 ? l.name : `${l.quantity} x ${l.name}`, right: m(l.amount) });
    if (l.quantity !== 1) rows.push({ kind: 'text', text: `  ${l.quantity} @ ${m(l.unitPrice)}` });
    if (l.levelDiscount && l.levelDiscount.amount > 0) rows.push({ kind: 'pair', left: `  ${l.levelDiscount.text}`, right: `-${m(l.levelDiscount.amount)}`, testId: 'receipt-line-discount' });
  }
  rows.push({ kind: 'rule' });
  const levelDiscount = r.levelDiscount ?? 0;
  if (r.discount > 0 || levelDiscount > 0) rows.push({ kind: 'pair', left: 'Subtotal', right: m(r.subtotal) });
  if (levelDiscount > 0) rows.push({ kind: 'pair', left: 'Level discounts', right: `-${m(levelDiscount)}`, testId: 'receipt-level-discounts' });
  if (r.discount > 0) {
    for (const c of r.coupons) rows.push({ kind: 'text', text: `Coupon ${c.code} ${c.title}` });
    rows.push({ kind: 'pair', left: 'Coupons', right: `-${m(r.discount)}` });
  }
  rows.push({ kind: 'pair', left: 'Total', right: m(r.total), strong: true, testId: 'receipt-total' });
  if (r.pointsUsed > 0) rows.push({ kind: 'pair', left: `Paid with ${r.pointsUsed} points`, right: m(r.pointsValue), testId: 'receipt-points-paid' });
  rows.push({ kind: 'pair', left: 'Cash', right: m(r.cashGiven), testId: 'receipt-cash' });
  rows.push({ kind: 'pair', left: 'Change', right: m(r.change), testId: 'receipt-change' });
  if (r.member !== null) {
    rows.push({ kind: 'rule' });
    rows.push({ kind: 'pair', left: 'Member', right: r.member });
    const e = r.earn;
    if (e?.status === 'credited') {
      rows.push({ kind: 'pair', left: 'Points earned', right: String(e.points), testId: 'receipt-points-earned' });
      for (const x of e.extras ?? []) {
        if (x.points > 0) rows.push({ kind: 'pair', left: `  ${x.name}`, right: `+${x.points}`, testId: 'receipt-campaign' });
        if (x.coupon) rows.push({ kind: 'text', text: `  ${x.name}: a coupon is in your account`, testId: 'receipt-campaign' });
      }
    }
    else if (e?.status === 'queued') rows.push({ kind: 'text', text: 'Points earned: will be credited when the till is back online', testId: 'receipt-points-earned' });
    else if (e) rows.push({ kind: 'text', text: `Points not credited: ${e.message}`, testId: 'receipt-points-earned' });
    if (r.earnBasis) rows.push({ kind: 'pair', left: 'Points earned on', right: EARN_BASIS_TEXT[r.earnBasis], testId: 'receipt-earn-basis' });
    if (r.balanceAfter !== null) rows.push({ kind: 'pair', left: 'Points balance', right: String(r.balanceAfter), testId: 'receipt-balance' });
  }
  rows.push({ kind: 'rule' });
  rows.push({ kind: 'barcode', data: receiptBarcode(r.saleId), text: r.saleId });
  rows.push({ kind: 'center', text: 'Keep this receipt for returns' });
  return rows;
}
