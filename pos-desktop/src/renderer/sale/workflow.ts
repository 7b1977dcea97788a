/**
 * The sale workflow: every call the till makes for a sale (identify, coupons, holds, capture,
 * earn delivery, returns), and what each outcome does to the state. Plain TypeScript around
 * the reducer; React only renders the state and calls these commands.
 *
 * Commands run one after another (a cashier's keys are never dropped while a call is in
 * flight: F9 then Enter completes after the hold is placed). Idempotency keys derive from a
 * random secret per sale (`keyNonce`) or per return, never from the printed sale id.
 */
import { classifyScan } from '../../devices/classify';
import { earnDelivery, type EarnDelivery } from '../../shared/earn-delivery';
import type { QueueStatus } from '../../shared/ipc';
import { formatMoney, parseMoney } from '../../shared/money';
import type { ReceiptDoc, ReceiptEarn } from '../../shared/receipt';
import type { TillApi, UserErr } from './api';
import type { SaleJournal } from './journal';
import { cashFigures, checkPointsText, levelDiscounts, pointsMax, quoteKey, returnFigures, saleTotals, type JournalSale, type ReturnLine, type ReturnResult, type SaleState } from './model';
import type { ProductLookup } from './products';
import type { SaleAction } from './reducer';
import type { SaleStore } from './store';

/** The channel of this till's sales: earns, holds, coupon redemptions and returns carry it. */
export const TILL_CHANNEL = 'store';
/** Members per page of a search. */
export const SEARCH_PAGE = 8;

export interface WorkflowDeps {
  store: SaleStore;
  api: TillApi;
  products: ProductLookup;
  journal: SaleJournal;
  queue: { enqueueEarn(input: Record<string, unknown>): Promise<QueueStatus>; queueStatus(): Promise<QueueStatus> };
  till: { storeId: string; tillId: string; storeName: string; timeZone: string };
  clock?: () => Date;
  /** Random hex from a CSPRNG, `bytes` long. */
  randomHex?: (bytes: number) => string;
}

export function cryptoHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A new sale id: the till's store and till, the time in milliseconds and a random byte (against a
 * clock set back). Printed, and as a barcode on the receipt: kept short.
 */
export function newSaleId(storeId: string, tillId: string, now: Date, randomHex: (bytes: number) => string): string {
  return `${storeId}-${tillId}-${now.getTime().toString(36)}${randomHex(1)}`;
}

const GONE_HOLD = new Set(['HOLD_ALREADY_RESOLVED', 'HOLD_EXPIRED', 'HOLD_NOT_FOUND']);
const list = (errors: UserErr[]) => errors.map((e) => e.message).join('; ');

export class SaleWorkflow {
  private chain: Promise<void> = Promise.resolve();
  private readonly clock: () => Date;
  private readonly hex: (bytes: number) => string;

  constructor(private readonly deps: WorkflowDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.hex = deps.randomHex ?? cryptoHex;
  }

  private get s(): SaleState {
    return this.deps.store.getState();
  }

  private dispatch(action: SaleAction): void {
    this.deps.store.dispatch(action);
  }

  private say(kind: 'error' | 'info' | 'success', text: string): void {
    this.dispatch({ type: 'notice', notice: { kind, text } });
  }

  private money(minor: number): string {
    return formatMoney(minor, this.s.currencyCode);
  }

  /** Commands queued or running. */
  private pending = 0;

  /** True while commands are queued or running: keys typed now wait for them (App.tsx). */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Runs `fn` after every command before it; `label` shows while it runs. Never rejects. */
  private enqueue(label: string | null, fn: () => Promise<void> | void): Promise<void> {
    this.pending++;
    const run = this.chain.then(async () => {
      if (label) this.dispatch({ type: 'busy', label });
      try {
        await fn();
        await this.requote();
      } catch (error) {
        this.say('error', `Something went wrong in the till: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        if (label) this.dispatch({ type: 'busy', label: null });
        this.pending--;
      }
    });
    this.chain = run;
    return run;
  }

  /**
   * After a command on the sale screen: when the member or the lines changed, asks the service for
   * the member's level discounts on the lines (what the earn will apply), so the sale, the tender
   * and the receipt show them. Without an answer the sale shows none; nothing is said (the
   * connectivity indicator tells).
   */
  private async requote(): Promise<void> {
    const s = this.s;
    if (s.stage !== 'sale' || !s.member || s.lines.length === 0) return;
    const key = quoteKey(s);
    if (s.levelQuote?.key === key) return;
    const r = await this.deps.api.quoteSale(
      {
        id: s.saleId,
        channel: TILL_CHANNEL,
        storeId: this.deps.till.storeId,
        tillId: this.deps.till.tillId,
        currencyCode: s.currencyCode,
        lines: s.lines.map((l) => ({ productId: l.productId, categoryId: l.categoryId, quantity: l.quantity, unitPrice: l.unitPrice })),
      },
      s.member.id,
    );
    if (!r.ok) {
      if (r.failure.kind === 'network') this.online(false);
      return;
    }
    if (r.data.userErrors.length === 0) this.dispatch({ type: 'quote/loaded', quote: { key, lines: r.data.lines } });
  }

  /** Resolves when every command sent so far has finished (for tests and shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private online(ok: boolean): void {
    const before = this.s.connectivity;
    this.dispatch({ type: 'connectivity', online: ok });
    if (ok && before === 'offline' && this.s.pendingReleases.length) void this.releasePending();
  }

  // -------------------------------------------------------------------------------------------
  // Start-up and background

  /** Loads the programme: the tender's limits, and what sales earn on (for the receipt). */
  start(): Promise<void> {
    return this.enqueue(null, async () => {
      const p = await this.deps.api.programme();
      if (!p.ok) {
        this.online(p.failure.kind !== 'network');
        return this.say('error', p.failure.kind === 'network' ? 'The loyalty service cannot be reached: sales go on, points and coupons wait for it.' : `The programme settings could not be read: ${p.failure.message}`);
      }
      this.online(true);
      this.dispatch({ type: 'programme/loaded', programme: p.data });
    });
  }

  /** The online indicator: a cheap request; when the graph is back, pending work resumes. */
  async healthCheck(): Promise<void> {
    const ok = await this.deps.api.ping();
    this.online(ok);
    if (ok && !this.s.programme) void this.start();
    if (ok && this.s.pendingReleases.length) void this.releasePending();
  }

  async refreshQueue(): Promise<void> {
    try {
      const q = await this.deps.queue.queueStatus();
      this.dispatch({ type: 'queue', pending: q.pending, lastError: q.lastError });
    } catch {
      // the badge keeps its last figure
    }
  }

  /** Releases holds an abandoned tender could not release while the service was unreachable. */
  releasePending(): Promise<void> {
    return this.enqueue(null, async () => {
      for (const r of this.s.pendingReleases) {
        const out = await this.deps.api.releaseHold(r.holdId);
        if (!out.ok) {
          if (out.failure.kind === 'network') this.online(false);
          return; // try again later
        }
        this.online(true);
        this.dispatch({ type: 'release/done', holdId: r.holdId });
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Scans, typed codes, members, coupons, lines

  /** One scanned or swiped text (wedge, HID), or a code typed in the product field. */
  scan(text: string, origin: 'scanner' | 'typed' = 'scanner'): Promise<void> {
    return this.enqueue(null, async () => {
      if (this.s.stage === 'receipt' || (this.s.stage === 'return' && this.s.ret?.phase === 'done')) this.resetSale();
      const scan = classifyScan(text);
      const stage = this.s.stage;
      if (stage === 'tender') return this.say('error', 'The tender is open: finish it (F10) or abandon it (Esc) before scanning.');
      if (stage === 'return') {
        if (scan.kind === 'sale-receipt') return this.findReturnSale(scan.saleId);
        if (this.s.ret?.phase === 'find') return this.findReturnSale(text.trim());
        return this.returnProduct(text.trim());
      }
      if (scan.kind === 'sale-receipt') {
        if (this.s.lines.length > 0) return this.say('error', 'That is a receipt: finish or clear this sale (F6) before a return.');
        this.beginReturn();
        return this.findReturnSale(scan.saleId);
      }
      if (scan.kind === 'product') return this.addProduct(scan.gtin);
      if (origin === 'typed' && scan.kind !== 'loyalty-card') {
        // A SKU typed by hand looks like a coupon code: the catalogue and the graph come first.
        const found = await this.deps.products.find(text.trim());
        if (found.kind === 'found') return this.addFound(found.product);
      }
      if (scan.kind === 'loyalty-card') return this.identifyByCard(scan.cardNumber);
      if (scan.kind === 'coupon') return this.applyCoupon(scan.code);
      this.say('error', `"${scan.text.slice(0, 40)}" is not a card, coupon, product or receipt.`);
    });
  }

  private async addProduct(code: string): Promise<void> {
    const found = await this.deps.products.find(code);
    if (found.kind === 'found') return this.addFound(found.product);
    this.dispatch({
      type: 'manual/needed',
      code,
      notice: { kind: 'info', text: `Barcode ${code} is not in the catalogue${found.graphNote ? ` (${found.graphNote})` : ''}: type its price, or Esc.` },
    });
  }

  private addFound(p: { productId: string; name: string; categoryId: string | null; unitPrice: number }): void {
    this.dispatch({ type: 'line/added', line: { id: this.hex(8), productId: p.productId, name: p.name, categoryId: p.categoryId, quantity: 1, unitPrice: p.unitPrice } });
  }

  /** The price (and optionally category and quantity) of a barcode found nowhere. */
  addManualLine(priceText: string, categoryText: string, quantityText: string): Promise<void> {
    return this.enqueue(null, () => {
      const entry = this.s.manualEntry;
      if (!entry) return;
      const price = parseMoney(priceText, this.s.currencyCode);
      if (!price.ok) return this.say('error', `Price: ${price.message}`);
      const quantity = quantityText.trim() === '' ? 1 : Number(quantityText);
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) return this.say('error', 'Quantity must be a whole number from 1 to 999');
      this.dispatch({ type: 'line/added', line: { id: this.hex(8), productId: entry.code, name: entry.code, categoryId: categoryText.trim() || null, quantity, unitPrice: price.minor } });
    });
  }

  private async identifyByCard(cardNumber: string): Promise<void> {
    if (this.s.stage !== 'sale') return this.say('error', 'The member can change only on the sale screen.');
    const r = await this.deps.api.memberByCard(cardNumber);
    if (!r.ok) {
      this.online(r.failure.kind !== 'network');
      return this.say('error', r.failure.kind === 'network' ? 'The loyalty service cannot be reached: continue the sale without loyalty.' : r.failure.message);
    }
    this.online(true);
    const m = r.data.member;
    if (m) this.dispatch({ type: 'member/identified', member: m, notice: { kind: 'success', text: `Card ${cardNumber}: ${m.firstName} ${m.lastName}` } });
    else if (r.data.cardStatus) this.say('error', `Card ${cardNumber} is ${r.data.cardStatus.toLowerCase()}: ask for another card or search the member.`);
    else this.say('error', `Card ${cardNumber} is not known.`);
  }

  /** The search field: a card number, or words to search members by (first page). */
  search(text: string): Promise<void> {
    return this.enqueue('Searching…', async () => {
      const t = text.trim();
      if (!t) return this.say('error', 'Type a phone, e-mail, name or card number to search.');
      if (/^\d{8,19}$/.test(t.replace(/\s/g, ''))) return this.identifyByCard(t.replace(/\s/g, ''));
      await this.searchPage(t, null);
    });
  }

  /** The next page of the current search. */
  searchMore(): Promise<void> {
    return this.enqueue('Searching…', async () => {
      const s = this.s.search;
      if (!s || !s.hasMore) return this.say('info', 'No more members match.');
      await this.searchPage(s.text, s.endCursor);
    });
  }

  private async searchPage(text: string, after: string | null): Promise<void> {
    const r = await this.deps.api.searchMembers(text, after, SEARCH_PAGE);
    if (!r.ok) {
      this.online(r.failure.kind !== 'network');
      return this.say('error', r.failure.kind === 'network' ? 'The loyalty service cannot be reached.' : r.failure.message);
    }
    this.online(true);
    const d = r.data;
    const shown = (after && this.s.search ? this.s.search.results.length : 0) + d.results.length;
    this.dispatch({
      type: 'search/results',
      text,
      results: d.results,
      total: d.total,
      endCursor: d.endCursor,
      hasMore: d.hasMore,
      append: after !== null,
      notice: d.total === 0 ? { kind: 'info', text: `No member matches "${text}".` } : { kind: 'info', text: `${shown} of ${d.total} members${d.hasMore ? ': PageDown for more' : ''}` },
    });
  }

  pickMember(id: string): Promise<void> {
    return this.enqueue(null, async () => {
      if (this.s.stage !== 'sale') return this.say('error', 'The member can change only on the sale screen.');
      const r = await this.deps.api.member(id);
      if (!r.ok) return this.say('error', r.failure.kind === 'network' ? 'The loyalty service cannot be reached.' : r.failure.message);
      if (!r.data) return this.say('error', 'That member is not there any more.');
      this.dispatch({ type: 'member/identified', member: r.data, notice: { kind: 'success', text: `${r.data.firstName} ${r.data.lastName}` } });
    });
  }

  private async applyCoupon(code: string): Promise<void> {
    if (this.s.stage !== 'sale') return this.say('error', 'Coupons go on the sale screen, before the tender.');
    const r = await this.deps.api.validateCoupon(code, this.s.member?.id ?? null);
    if (!r.ok) {
      this.online(r.failure.kind !== 'network');
      return this.say('error', r.failure.kind === 'network' ? 'Coupons need the loyalty service, which cannot be reached.' : r.failure.message);
    }
    const v = r.data;
    if (!v.valid || !v.coupon) return this.say('error', `Coupon refused: ${v.message ?? 'not valid'} (${v.reason ?? 'INVALID'})`);
    const c = v.coupon;
    if (this.s.coupons.some((x) => x.code === c.code)) return this.say('info', `Coupon ${c.displayCode} is already on this sale.`);
    this.dispatch({
      type: 'coupon/applied',
      coupon: { code: c.code, displayCode: c.displayCode, title: c.title, kind: c.kind, valueMinor: c.value?.amount ?? 0, percent: c.percent ?? 0 },
      ...(c.kind === 'GIFT_ITEM' && c.productId ? { giftLine: { id: this.hex(8), productId: c.productId, name: `${c.title} (gift)`, categoryId: null, quantity: 1, unitPrice: 0 } } : {}),
      notice: { kind: 'success', text: `Coupon ${c.displayCode} accepted: ${c.title}` },
    });
  }

  /** The coupon field (F3). */
  couponTyped(code: string): Promise<void> {
    return this.enqueue(null, () => (code.trim() ? this.applyCoupon(code.trim().toUpperCase()) : this.say('error', 'Type or scan the coupon code.')));
  }

  /** Key-driven line commands (↑ ↓ + − Delete, quantity typed then *). */
  line(action: Extract<SaleAction, { type: 'line/select' | 'line/quantity' | 'line/removed' | 'line/set-quantity' }>): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage !== 'sale') return this.say('error', 'Lines change on the sale screen: abandon the tender first (Esc).');
      this.dispatch(action);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Tender

  startTender(): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage !== 'sale') return;
      if (this.s.lines.length === 0) return this.say('error', 'The sale has no lines yet: scan a product first.');
      this.dispatch({ type: 'tender/started' });
    });
  }

  /** Enter in the points field: hold what it says (replacing the current hold). */
  usePoints(): Promise<void> {
    return this.enqueue('Holding points…', async () => {
      if (this.s.stage !== 'tender') return;
      const check = checkPointsText(this.s);
      if (!check.ok) return this.say('error', check.message);
      const held = this.s.tender.hold?.points ?? 0;
      if (check.points === held && !this.s.tender.unsettledHold) {
        return this.say('info', held === 0 ? 'No points used: all cash.' : `${held} points are held already. Take the rest in cash.`);
      }
      await this.replaceHold(check.points);
    });
  }

  /** F9: the most points the member may use on this sale, held at once. */
  maxPoints(): Promise<void> {
    return this.enqueue('Holding points…', async () => {
      if (this.s.stage !== 'tender') return;
      if (!this.s.member) return this.say('error', 'No member on this sale: points need a member.');
      if (!this.s.programme) return this.say('error', 'The programme settings are not loaded: points need the loyalty service.');
      const max = pointsMax(this.s);
      if (max === 0) {
        const p = this.s.programme;
        return this.say('error', `No points can be used: the member has ${this.s.member.wallet.available + (this.s.tender.hold?.points ?? 0)} available and the least is ${p.minRedeemPoints}.`);
      }
      this.dispatch({ type: 'tender/points-set', points: max });
      if (max === (this.s.tender.hold?.points ?? 0) && !this.s.tender.unsettledHold) return this.say('info', `${max} points are held already. Take the rest in cash.`);
      await this.replaceHold(max);
    });
  }

  /**
   * Makes the sale's hold `points`: an unanswered hold request is sent again first (same key, so
   * it cannot make a second hold), the current hold is released (its points count as available
   * for the new one), then the new hold is placed.
   */
  private async replaceHold(points: number): Promise<void> {
    const s = this.s;
    if (s.tender.captureSent || s.tender.captured) return this.say('error', 'The points are being taken: press F10 to finish the sale (nothing is charged twice).');
    if (s.tender.unsettledHold) {
      const settled = await this.settleUnknownHold();
      if (!settled) return;
    }
    const current = this.s.tender.hold;
    if (current?.points === points) return this.say('info', `${points} points are held. Take the rest in cash.`);
    if (current) {
      const r = await this.deps.api.releaseHold(current.id);
      if (!r.ok) {
        this.online(r.failure.kind !== 'network');
        return this.say('error', `The ${current.points} held points could not be changed: ${r.failure.kind === 'network' ? 'the loyalty service cannot be reached' : r.failure.message}. They stay held; take cash for the rest, or try again.`);
      }
      const other = r.data.userErrors.find((e) => !GONE_HOLD.has(e.code));
      if (other) return this.say('error', `The held points could not be changed: ${other.message}`);
      this.dispatch({ type: 'hold/cleared', pointsBack: true });
    }
    if (points === 0) return this.say('info', current ? `The ${current.points} held points went back to the member: all cash.` : 'No points used: all cash.');
    await this.placeHold(this.s.tender.holdAttempts + 1, points);
  }

  private async placeHold(attempt: number, points: number): Promise<boolean> {
    const s = this.s;
    const member = s.member!;
    const r = await this.deps.api.holdPoints({
      idempotencyKey: `${s.keyNonce}:hold:${attempt}`,
      memberId: member.id,
      points,
      saleId: s.saleId,
      channel: TILL_CHANNEL,
      tillId: this.deps.till.tillId,
      saleTotal: { amount: saleTotals(s).total, currencyCode: s.currencyCode },
    });
    if (!r.ok) {
      // The hold may have been made: the next request sends this one again to find out.
      this.dispatch({ type: 'tender/hold-unsettled', attempt, points });
      this.online(r.failure.kind !== 'network');
      this.say('error', r.failure.kind === 'network' ? 'Points need the loyalty service, which cannot be reached: take cash for the whole sale, or press Enter to try again.' : `The points could not be held: ${r.failure.message}. Press Enter to try again.`);
      return false;
    }
    this.online(true);
    if (this.s.tender.unsettledHold) this.dispatch({ type: 'tender/hold-settled' });
    if (r.data.userErrors.length || !r.data.hold) {
      this.say('error', `The points could not be held: ${list(r.data.userErrors) || 'no hold was made'}`);
      return false;
    }
    const h = r.data.hold;
    this.dispatch({ type: 'hold/placed', hold: h, attempt, notice: { kind: 'success', text: `${h.points} points held = ${this.money(h.cashMinor)}. Take the rest in cash.` } });
    return true;
  }

  /** Sends an unanswered hold request again (same key): true once it is known (made or refused). */
  private async settleUnknownHold(): Promise<boolean> {
    const u = this.s.tender.unsettledHold;
    if (!u) return true;
    await this.placeHold(u.attempt, u.points);
    return !this.s.tender.unsettledHold; // still no answer: the notice says so
  }

  cashTyped(value: string): void {
    this.dispatch({ type: 'tender/cash-typed', value });
  }

  pointsTyped(value: string): void {
    this.dispatch({ type: 'tender/points-typed', value });
  }

  exactCash(): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage === 'tender') this.dispatch({ type: 'tender/cash-exact' });
    });
  }

  quickCash(direction: 1 | -1): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage === 'tender') this.dispatch({ type: 'tender/cash-quick', direction });
    });
  }

  /** F10 (or Enter in the cash field): coupons, capture, earn, receipt. Safe to press again after a failure. */
  complete(): Promise<void> {
    return this.enqueue('Completing the sale…', async () => {
      if (this.s.stage !== 'tender') return;
      const f = cashFigures(this.s);
      if (!f.given.ok) return this.say('error', `Cash given: ${f.given.message}`);
      if (!f.covered) {
        return this.say('error', `${this.money(f.given.minor)} does not cover the ${this.money(f.cashDue)} due: take ${this.money(f.cashDue - f.given.minor)} more, or F7 for exact cash.`);
      }
      if (this.s.tender.unsettledHold && !this.s.tender.hold) {
        // An unanswered hold: learn whether it exists, so it is used or released, not left over.
        if (!(await this.settleUnknownHold())) return;
        const found = this.s.tender.hold as { points: number } | null;
        if (found) return this.say('info', `The earlier hold of ${found.points} points went through: check the cash due, then F10.`);
      }
      const at = this.clock();
      const s = this.s;
      const k = s.keyNonce;

      for (const c of s.coupons) {
        if (this.s.tender.couponsRedeemed.includes(c.code)) continue;
        const r = await this.deps.api.redeemCoupon({ idempotencyKey: `${k}:coupon:${c.code}`, code: c.code, saleId: s.saleId, channel: TILL_CHANNEL, tillId: this.deps.till.tillId, memberId: s.member?.id ?? null });
        if (!r.ok) {
          this.online(r.failure.kind !== 'network');
          return this.say('error', r.failure.kind === 'network' ? `Network lost while using coupon ${c.displayCode}: press F10 to retry (nothing is used twice).` : `Coupon ${c.displayCode}: ${r.failure.message}. Press F10 to retry.`);
        }
        if (r.data.userErrors.length) return this.say('error', `Coupon ${c.displayCode}: ${list(r.data.userErrors)}. Abandon the tender (Esc) and remove the coupon.`);
        this.dispatch({ type: 'tender/coupon-redeemed', code: c.code });
      }

      const hold = this.s.tender.hold;
      if (hold && !this.s.tender.captured) {
        this.dispatch({ type: 'tender/capture-sent', sent: true });
        const r = await this.deps.api.captureHold({ idempotencyKey: `${k}:capture:${hold.id}`, holdId: hold.id });
        if (!r.ok) {
          this.online(r.failure.kind !== 'network');
          return this.say('error', r.failure.kind === 'network' ? 'Network lost while taking the points: press F10 to retry (nothing is charged twice).' : `The points could not be taken: ${r.failure.message}. Press F10 to retry.`);
        }
        this.online(true);
        const gone = r.data.userErrors.find((e) => GONE_HOLD.has(e.code));
        if (gone) {
          this.dispatch({ type: 'hold/cleared', pointsBack: true });
          return this.say('error', `${gone.code === 'HOLD_EXPIRED' ? 'The points hold expired' : 'The points hold is no longer there'}: the points went back to the member. Hold them again (F9) or take cash, then F10.`);
        }
        if (r.data.userErrors.length) {
          this.dispatch({ type: 'tender/capture-sent', sent: false });
          return this.say('error', `The points could not be taken: ${list(r.data.userErrors)}`);
        }
        this.dispatch({ type: 'tender/captured', points: r.data.capturedPoints ?? hold.points, cashMinor: r.data.capturedCash ?? hold.cashMinor });
      }

      await this.finish(at);
    });
  }

  /** The earn (delivered, queued or reported: never dropped), the journal and the receipt. */
  private async finish(at: Date): Promise<void> {
    const s = this.s;
    const totals = saleTotals(s);
    const discounts = levelDiscounts(s);
    const figures = cashFigures(s);
    const captured = s.tender.captured;
    const member = s.member;
    let earn: ReceiptEarn | null = null;
    let balanceAfter: number | null = null;
    if (member) {
      const input = {
        idempotencyKey: `${s.keyNonce}:earn`,
        memberId: member.id,
        sale: {
          id: s.saleId,
          channel: TILL_CHANNEL,
          storeId: this.deps.till.storeId,
          tillId: this.deps.till.tillId,
          currencyCode: s.currencyCode,
          occurredAt: at.toISOString(),
          lines: s.lines.map((l) => ({ productId: l.productId, categoryId: l.categoryId, quantity: l.quantity, unitPrice: l.unitPrice })),
        },
      };
      const attempt = await this.deps.api.sendEarn(input);
      this.online(attempt.kind === 'answer' && attempt.status < 500);
      earn = await this.settleEarn(earnDelivery(attempt), input);
      const after = await this.deps.api.member(member.id);
      if (after.ok && after.data) {
        balanceAfter = after.data.wallet.available;
        this.dispatch({ type: 'member/refreshed', member: after.data });
      } else balanceAfter = earn.status === 'credited' ? null : member.wallet.available;
    }
    const receipt: ReceiptDoc = {
      storeName: this.deps.till.storeName,
      storeId: this.deps.till.storeId,
      tillId: this.deps.till.tillId,
      saleId: s.saleId,
      at: at.toISOString(),
      timeZone: this.deps.till.timeZone,
      currencyCode: s.currencyCode,
      lines: s.lines.map((l, i) => {
        const d = discounts[i];
        return { name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.quantity * l.unitPrice, ...(d ? { levelDiscount: { text: d.text, amount: d.discountMinor } } : {}) };
      }),
      subtotal: totals.linesTotal,
      discount: totals.discount,
      ...(totals.levelDiscount > 0 ? { levelDiscount: totals.levelDiscount } : {}),
      coupons: s.coupons.map((c) => ({ code: c.displayCode, title: c.title })),
      total: totals.total,
      pointsUsed: captured?.points ?? 0,
      pointsValue: captured?.cashMinor ?? 0,
      cashGiven: figures.given.ok ? figures.given.minor : 0,
      change: figures.change,
      member: member ? `${member.firstName} ${member.lastName}` : null,
      earn,
      earnBasis: member ? (s.programme?.earnBasis ?? null) : null,
      balanceAfter,
    };
    const journal: JournalSale = {
      saleId: s.saleId,
      at: receipt.at,
      memberId: member?.id ?? null,
      memberName: receipt.member,
      currencyCode: s.currencyCode,
      // at the prices paid after level discounts, as the service counts returned goods
      lines: s.lines.map((l, i) => ({ productId: l.productId, name: l.name, quantity: l.quantity, unitPrice: discounts[i]?.unitPrice ?? l.unitPrice, returned: 0 })),
      subtotal: totals.linesTotal - totals.levelDiscount,
      total: totals.total,
      pointsUsed: receipt.pointsUsed,
      pointsValue: receipt.pointsValue,
      returnedValue: 0,
    };
    try {
      this.deps.journal.record(journal);
    } catch {
      // a full storage: the sale stands, only the return picker will not know it
    }
    const notice =
      earn === null || earn.status === 'credited'
        ? { kind: 'success' as const, text: 'Sale complete.' }
        : earn.status === 'queued'
          ? { kind: 'info' as const, text: 'Sale complete. Points will be credited when the till is back online.' }
          : earn.status === 'refused'
            ? { kind: 'error' as const, text: `Sale complete, but the points were not credited: ${earn.message}` }
            : { kind: 'error' as const, text: `Sale complete, but the points could not be kept for later (${earn.message}): note sale ${s.saleId} for ${receipt.member}, for an adjustment.` };
    this.dispatch({ type: 'sale/completed', receipt, notice });
  }

  private async settleEarn(d: EarnDelivery, input: Record<string, unknown>): Promise<ReceiptEarn> {
    if (d.outcome === 'credited') return { status: 'credited', points: d.points ?? 0, ...(d.extras?.length ? { extras: d.extras } : {}) };
    if (d.outcome === 'refused') return { status: 'refused', message: d.message };
    try {
      const q = await this.deps.queue.enqueueEarn(input);
      this.dispatch({ type: 'queue', pending: q.pending, lastError: q.lastError });
      return { status: 'queued' };
    } catch (error) {
      return { status: 'not-kept', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Esc in the tender: back to the sale, the hold released (or kept for a later release, and said so). */
  abandon(): Promise<void> {
    return this.enqueue('Abandoning…', async () => {
      const s = this.s;
      if (s.stage !== 'tender') return;
      if (s.tender.captureSent || s.tender.captured || s.tender.couponsRedeemed.length) {
        return this.say('error', 'Part of the sale is done (points or coupons taken): press F10 to finish it; nothing is charged twice.');
      }
      if (s.tender.unsettledHold && !s.tender.hold) await this.settleUnknownHold();
      const hold = this.s.tender.hold;
      if (!hold) {
        const unknown = this.s.tender.unsettledHold;
        this.dispatch({ type: 'tender/abandoned' });
        return this.say('info', unknown ? `Tender abandoned. A hold of ${unknown.points} points may have been made without an answer; if so it expires by itself.` : 'Tender abandoned.');
      }
      const r = await this.deps.api.releaseHold(hold.id);
      if (r.ok && !r.data.userErrors.some((e) => !GONE_HOLD.has(e.code))) {
        this.online(true);
        this.dispatch({ type: 'hold/cleared', pointsBack: true });
        this.dispatch({ type: 'tender/abandoned', notice: { kind: 'info', text: `Tender abandoned; the ${hold.points} held points went back to the member.` } });
        if (s.member) void this.refreshMember(s.member.id);
        return;
      }
      if (!r.ok) this.online(r.failure.kind !== 'network');
      // The service still holds them: say so, and release later.
      this.dispatch({ type: 'release/pending', release: { holdId: hold.id, points: hold.points, expiresAt: hold.expiresAt } });
      this.dispatch({ type: 'hold/cleared', pointsBack: false });
      const until = new Date(hold.expiresAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: this.deps.till.timeZone });
      const why = !r.ok ? (r.failure.kind === 'network' ? 'the loyalty service cannot be reached' : r.failure.message) : list(r.data.userErrors);
      this.dispatch({
        type: 'tender/abandoned',
        notice: { kind: 'error', text: `Tender abandoned, but ${why}: the ${hold.points} held points stay held until the till can release them (it keeps trying) or the hold expires at ${until}.` },
      });
    });
  }

  private async refreshMember(id: string): Promise<void> {
    const r = await this.deps.api.member(id);
    if (r.ok && r.data) this.dispatch({ type: 'member/refreshed', member: r.data });
  }

  private resetSale(): void {
    const now = this.clock();
    this.dispatch({ type: 'sale/new', saleId: newSaleId(this.deps.till.storeId, this.deps.till.tillId, now, this.hex), keyNonce: this.hex(16) });
  }

  /** F6: a new, empty sale (not during a tender: abandon it first). */
  newSale(): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage === 'tender') return this.say('error', 'The tender is open: abandon it first (Esc).');
      this.resetSale();
      if (this.s.pendingReleases.length) void this.releasePending();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Returns

  private beginReturn(): void {
    this.dispatch({ type: 'return/started', nonce: this.hex(16), notice: { kind: 'info', text: 'Return: scan the receipt barcode or type the sale id, then Enter.' } });
  }

  /** F7 on the sale screen. */
  startReturn(): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage === 'receipt') this.resetSale();
      if (this.s.stage !== 'sale') return;
      if (this.s.lines.length > 0) return this.say('error', 'Finish or clear this sale first (F6): a return starts on an empty till.');
      this.beginReturn();
    });
  }

  /** Enter in the return's sale field. */
  returnSaleTyped(text: string): Promise<void> {
    return this.enqueue(null, () => {
      const scan = classifyScan(text);
      return this.findReturnSale(scan.kind === 'sale-receipt' ? scan.saleId : text.trim());
    });
  }

  private findReturnSale(saleId: string): void {
    if (!this.s.ret) return;
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(saleId)) return this.say('error', `"${saleId.slice(0, 40)}" is not a sale id: scan the receipt's barcode or type the id printed under it.`);
    const known = this.deps.journal.find(saleId);
    const lines: ReturnLine[] = (known?.lines ?? []).map((l) => ({ productId: l.productId, name: l.name, unitPrice: l.unitPrice, sold: l.quantity, returnable: l.quantity - l.returned, quantity: 0 }));
    const note = !known
      ? `Sale ${saleId} is not in this till's journal: scan the products that come back, then F10.`
      : lines.every((l) => l.returnable === 0)
        ? `Everything on sale ${saleId} has come back already.`
        : `Sale ${saleId}: pick what comes back (↑ ↓ line, + − quantity, F9 everything), then F10.`;
    this.dispatch({ type: 'return/found', saleId, known, lines, notice: { kind: 'info', text: note } });
  }

  private async returnProduct(code: string): Promise<void> {
    const found = await this.deps.products.find(code);
    if (found.kind !== 'found') return this.say('error', `${code} is not in the catalogue${found.graphNote ? ` (${found.graphNote})` : ''}.`);
    this.dispatch({ type: 'return/line-added', line: { productId: found.product.productId, name: found.product.name, unitPrice: found.product.unitPrice } });
  }

  returnLine(action: Extract<SaleAction, { type: 'return/select' | 'return/quantity' | 'return/all' }>): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage === 'return') this.dispatch(action);
    });
  }

  /** F10 in a return: the loyalty service takes back the points (when the sale had a member). */
  confirmReturn(): Promise<void> {
    return this.enqueue('Returning…', async () => {
      const ret = this.s.ret;
      if (this.s.stage !== 'return' || !ret || ret.phase !== 'pick' || !ret.saleId) return;
      const lines = ret.lines.filter((l) => l.quantity > 0);
      if (lines.length === 0) return this.say('error', 'Nothing is picked to come back: + on a line (or F9 for everything).');
      const done = (result: Omit<ReturnResult, 'refundCash'>, text: string) => {
        const { refundCash } = returnFigures(ret, result.pointsRefunded, this.s.programme);
        try {
          this.deps.journal.recordReturn(ret.saleId!, lines);
        } catch {
          // the return stands
        }
        this.dispatch({ type: 'return/done', result: { ...result, refundCash }, notice: { kind: 'success', text: `Refund ${this.money(refundCash)} in cash. ${text}` } });
      };
      if ((ret.known && ret.known.memberId === null) || ret.withoutPoints) {
        return done({ withPoints: false, pointsReversed: 0, pointsClawedBack: 0, pointsRefunded: 0, couponsRestored: [], balanceAfter: null }, 'No loyalty points on this sale.');
      }
      const r = await this.deps.api.returnSale({ idempotencyKey: `${ret.nonce}:return`, saleId: ret.saleId, channel: TILL_CHANNEL, lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) });
      if (!r.ok) {
        this.online(r.failure.kind !== 'network');
        this.dispatch({ type: 'return/unsettled', unsettled: true });
        return this.say('error', `${r.failure.kind === 'network' ? 'The loyalty service cannot be reached' : r.failure.message}: the return needs it to take back the points. Press F10 to try again (nothing is returned twice).`);
      }
      this.online(true);
      this.dispatch({ type: 'return/unsettled', unsettled: false });
      const e = r.data.userErrors[0];
      if (e) {
        if (e.code === 'SALE_NOT_FOUND' && ret.known?.memberId) {
          return this.say('error', `Return refused: ${e.message} (SALE_NOT_FOUND). The sale's points are not credited yet (the earn waits in the offline queue): return it once the queue has synced.`);
        }
        if (e.code === 'SALE_NOT_FOUND' && !ret.known && ret.saleId.startsWith(`${this.deps.till.storeId}-`)) {
          this.dispatch({ type: 'return/without-points' });
          return this.say('error', `Return refused: ${e.message} (SALE_NOT_FOUND). If this store's sale had no member, it has no points: press F10 to refund it without points.`);
        }
        return this.say('error', `Return refused: ${list(r.data.userErrors)} (${r.data.userErrors.map((x) => x.code).join(', ')})`);
      }
      const d = r.data;
      const parts = [
        `${d.pointsReversed} points taken back${d.pointsClawedBack ? ` (${d.pointsClawedBack} of them owed: already spent)` : ''}`,
        `${d.pointsRefunded} points given back`,
        d.couponsRestored.length ? `coupons usable again: ${d.couponsRestored.join(', ')}` : '',
      ].filter(Boolean);
      done({ withPoints: true, pointsReversed: d.pointsReversed, pointsClawedBack: d.pointsClawedBack, pointsRefunded: d.pointsRefunded, couponsRestored: d.couponsRestored, balanceAfter: d.balance }, `${parts.join('; ')}.`);
    });
  }

  /** Esc outside the tender: out of a return, a manual entry or a search. */
  cancel(): Promise<void> {
    return this.enqueue(null, () => {
      if (this.s.stage === 'return') return this.resetSale();
      if (this.s.manualEntry) return this.dispatch({ type: 'manual/done' });
      if (this.s.search) return this.dispatch({ type: 'search/closed' });
    });
  }
}
