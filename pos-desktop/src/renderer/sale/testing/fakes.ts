/**
 * Stand-ins for the sale workflow's outside world, for its unit tests: a scripted TillApi that
 * records every call, an in-memory queue and journal. No network, no DOM.
 */
import type { EarnAttempt } from '../../../shared/earn-delivery';
import type { QueueStatus } from '../../../shared/ipc';
import type { Call, Failure, ReturnAnswer, TillApi, UserErr } from '../api';
import { memoryJournalStorage, SaleJournal } from '../journal';
import { initialState, type Hold, type Member, type Programme } from '../model';
import { ProductLookup } from '../products';
import { createSaleStore } from '../store';
import { SaleWorkflow } from '../workflow';

export const PROGRAMME: Programme = { currencyCode: 'GBP', redeemPoints: 100, redeemAmountMinor: 100, minRedeemPoints: 100, maxRedeemSharePercent: 100, holdTtlDefaultSeconds: 300, earnBasis: 'WHOLE_SALE' };

export function member(available: number, id = 'm-1'): Member {
  return {
    id,
    firstName: 'Ada',
    lastName: 'Lovelace',
    status: 'ACTIVE',
    email: 'ada@example.com',
    phone: null,
    tier: { name: 'Bronze' },
    tierProgress: { tierPoints: 0, pointsToNextTier: 100, nextTier: { name: 'Silver' } },
    wallet: { available, pending: 0, held: 0, cashValue: { amount: available, currencyCode: 'GBP' }, expiring: [] },
    coupons: [],
    challenges: [],
  };
}

export const NETWORK: Failure = { kind: 'network', message: 'Failed to fetch', codes: [] };
export const ok = <T>(data: T): Call<T> => ({ ok: true, data });
export const fail = <T>(failure: Failure = NETWORK): Call<T> => ({ ok: false, failure });
export const answer = (status: number, body: unknown): EarnAttempt => ({ kind: 'answer', status, body: JSON.stringify(body) });
export const credited = (points: number) => answer(200, { data: { earnPoints: { duplicate: false, earn: { id: 'e-1', points, status: 'AVAILABLE' }, userErrors: [] } } });

type Calls = { method: keyof TillApi; input: unknown }[];

/**
 * A TillApi whose answers the test sets per method (a function of the input, or the next of a
 * list), with a member wallet the holds really change, so raise and lower can be checked.
 */
export class FakeApi implements TillApi {
  readonly calls: Calls = [];
  wallet = { available: 1000, held: 0 };
  holds = new Map<string, Hold & { key: string }>();
  captures = new Map<string, { capturedPoints: number; capturedCash: number }>();
  private holdSeq = 0;
  online = true;
  /** Scripted answers, used before the defaults. */
  script: Partial<{ [K in keyof TillApi]: ((input: any) => ReturnType<TillApi[K]> | Awaited<ReturnType<TillApi[K]>> | undefined)[] }> = {};

  private async scripted<K extends keyof TillApi>(method: K, input: unknown): Promise<Awaited<ReturnType<TillApi[K]>> | undefined> {
    this.calls.push({ method, input });
    const list = this.script[method] as ((input: unknown) => unknown)[] | undefined;
    const next = list?.shift();
    return next ? ((await next(input)) as Awaited<ReturnType<TillApi[K]>> | undefined) : undefined;
  }

  called(method: keyof TillApi): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  member$(): Member {
    const m = member(this.wallet.available);
    return { ...m, wallet: { ...m.wallet, held: this.wallet.held } };
  }

  async programme() {
    return (await this.scripted('programme', null)) ?? ok(PROGRAMME);
  }
  async memberByCard(cardNumber: string) {
    return (await this.scripted('memberByCard', cardNumber)) ?? ok({ member: this.member$(), cardStatus: 'ACTIVE' });
  }
  async member(id: string) {
    return (await this.scripted('member', id)) ?? ok(this.member$());
  }
  async searchMembers(text: string, after: string | null, first: number) {
    return (await this.scripted('searchMembers', { text, after, first })) ?? ok({ results: [], total: 0, endCursor: null, hasMore: false });
  }
  async validateCoupon(code: string, memberId: string | null) {
    return (await this.scripted('validateCoupon', { code, memberId })) ?? ok({ valid: false, reason: 'COUPON_NOT_FOUND' as const, message: 'No such coupon', coupon: null });
  }
  async holdPoints(input: Parameters<TillApi['holdPoints']>[0]) {
    const s = await this.scripted('holdPoints', input);
    if (s) return s;
    return this.realHold(input);
  }

  /** What the service does with a hold request (a script may call it and then lose the answer). */
  async realHold(input: Parameters<TillApi['holdPoints']>[0]) {
    const same = [...this.holds.values()].find((h) => h.key === input.idempotencyKey);
    if (same) return ok({ hold: same, userErrors: [] as UserErr[] });
    const points = input.points ?? 0;
    if (points > this.wallet.available) return ok({ hold: null, userErrors: [{ code: 'INSUFFICIENT_POINTS', message: `Only ${this.wallet.available} points available` }] });
    const hold = { id: `h-${++this.holdSeq}`, points, cashMinor: points, expiresAt: new Date(Date.now() + 300_000).toISOString(), key: input.idempotencyKey };
    this.holds.set(hold.id, hold);
    this.wallet = { available: this.wallet.available - points, held: this.wallet.held + points };
    return ok({ hold: { id: hold.id, points, cashMinor: points, expiresAt: hold.expiresAt }, userErrors: [] as UserErr[] });
  }
  async releaseHold(holdId: string) {
    const s = await this.scripted('releaseHold', holdId);
    if (s) return s;
    const h = this.holds.get(holdId);
    if (!h) return ok({ userErrors: [{ code: 'HOLD_ALREADY_RESOLVED', message: 'The hold is resolved' }] });
    this.holds.delete(holdId);
    this.wallet = { available: this.wallet.available + h.points, held: this.wallet.held - h.points };
    return ok({ userErrors: [] as UserErr[] });
  }
  async captureHold(input: Parameters<TillApi['captureHold']>[0]) {
    const s = await this.scripted('captureHold', input);
    if (s) return s;
    // the same key again answers the stored first result, as the service does
    const stored = this.captures.get(input.idempotencyKey);
    if (stored) return ok({ ...stored, userErrors: [] as UserErr[] });
    const h = this.holds.get(input.holdId);
    if (!h) return ok({ capturedPoints: null, capturedCash: null, userErrors: [{ code: 'HOLD_NOT_FOUND', message: 'No such hold' }] });
    this.holds.delete(input.holdId);
    this.wallet = { ...this.wallet, held: this.wallet.held - h.points };
    this.captures.set(input.idempotencyKey, { capturedPoints: h.points, capturedCash: h.cashMinor });
    return ok({ capturedPoints: h.points, capturedCash: h.cashMinor, userErrors: [] as UserErr[] });
  }
  async redeemCoupon(input: Parameters<TillApi['redeemCoupon']>[0]) {
    return (await this.scripted('redeemCoupon', input)) ?? ok({ userErrors: [] as UserErr[] });
  }
  async returnSale(input: Parameters<TillApi['returnSale']>[0]) {
    return (await this.scripted('returnSale', input)) ?? ok<ReturnAnswer>({ pointsReversed: 0, pointsClawedBack: 0, pointsRefunded: 0, couponsRestored: [], balance: this.wallet.available, userErrors: [] });
  }
  /** By default no level discounts: every line null. */
  async quoteSale(input: Parameters<TillApi['quoteSale']>[0], memberId: string) {
    return (await this.scripted('quoteSale', { input, memberId })) ?? ok({ lines: input.lines.map(() => null), userErrors: [] as UserErr[] });
  }
  async sendEarn(input: Record<string, unknown>) {

    return (await this.scripted('sendEarn', input)) ?? credited(13);
  }
  async raw(query: string, variables: Record<string, unknown>) {
    return (await this.scripted('raw', { query, variables })) ?? answer(200, { data: null });
  }
  async ping() {
    return (await this.scripted('ping', null)) ?? this.online;
  }
}

export class FakeQueue {
  items: Record<string, unknown>[] = [];
  failWith: Error | null = null;
  async enqueueEarn(input: Record<string, unknown>): Promise<QueueStatus> {
    if (this.failWith) throw this.failWith;
    this.items.push(input);
    return this.queueStatus();
  }
  async queueStatus(): Promise<QueueStatus> {
    return { pending: this.items.length, lastError: null };
  }
}

export const CATALOGUE = [
  { barcode: '5000112637922', productId: 'lipstick-red', name: 'Lipstick, red', categoryId: 'beauty', unitPrice: 1299 },
  { barcode: '5010029000016', productId: 'bread-white', name: 'White bread', categoryId: 'bakery', unitPrice: 145 },
  { barcode: '5099999999995', productId: 'headphones', name: 'Headphones', categoryId: 'electronics', unitPrice: 12999 },
];
export const LIPSTICK = '5000112637922';
export const BREAD = '5010029000016';
export const HEADPHONES = '5099999999995';
export const CARD = '0420000000013';

/** A workflow over fakes, started (programme loaded). */
export async function till(options: { api?: FakeApi; queue?: FakeQueue; now?: () => Date } = {}) {
  const api = options.api ?? new FakeApi();
  const queue = options.queue ?? new FakeQueue();
  const storage = memoryJournalStorage();
  const journal = new SaleJournal(storage);
  const store = createSaleStore(initialState({ storeId: 'store-001', tillId: 'till-01', storeName: 'Harbour Street', currencyCode: 'GBP', saleId: 'store-001-till-01-first', keyNonce: 'nonce-1' }));
  let n = 0;
  const products = new ProductLookup({ graph: null, send: (q, v) => api.raw(q, v), catalogue: () => CATALOGUE, currencyCode: () => 'GBP' });
  const wf = new SaleWorkflow({
    store,
    api,
    products,
    journal,
    queue,
    till: { storeId: 'store-001', tillId: 'till-01', storeName: 'Harbour Street', timeZone: 'Europe/London' },
    clock: options.now ?? (() => new Date('2026-11-22T14:05:00Z')),
    randomHex: (bytes) => String(++n).padStart(bytes * 2, '0'),
  });
  await wf.start();
  const s = () => store.getState();
  /** Card, then products, waiting for each. */
  const sale = async (...codes: string[]) => {
    for (const c of codes) await wf.scan(c);
  };
  return { api, queue, journal, storage, store, wf, s, sale };
}
