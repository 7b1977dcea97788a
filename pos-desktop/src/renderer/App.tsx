import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { classifyScan } from '../devices/classify';
import type { TillConfig } from '../shared/ipc';
import { IdentifyPanel } from './components/IdentifyPanel';
import { MemberPanel } from './components/MemberPanel';
import { ReceiptPanel, receiptHtml, type Receipt } from './components/ReceiptPanel';
import { SalePanel } from './components/SalePanel';
import { TenderPanel } from './components/TenderPanel';
import type { TillBackend } from './lib/backend';
import { findProduct } from './lib/catalogue';
import {
  CaptureHoldMutation,
  EarnPointsMutation,
  MemberByCardQuery,
  MemberQuery,
  ProgrammeQuery,
  RedeemCouponMutation,
  ReleaseHoldMutation,
  HoldPointsMutation,
  ValidateCouponQuery,
} from './lib/operations';
import { cashTender, checkPoints, maxPoints, parseMoney, totalAfterCoupons } from './lib/tender';
import { WedgeDetector } from './lib/wedge';
import type { MemberPanelFieldsFragment } from './gql/graphql';

export interface Line {
  id: string;
  productId: string;
  name: string;
  categoryId: string | null;
  quantity: number;
  unitPrice: number;
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

type Stage = 'sale' | 'tender' | 'receipt';
export type Notice = { kind: 'error' | 'info' | 'success'; text: string } | null;

/** Random hex from the platform's CSPRNG (also outside secure contexts, unlike randomUUID). */
function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
const newSaleId = (c: TillConfig) => `${c.storeId}-${c.tillId}-${Date.now().toString(36)}${randomHex(2)}`;
/**
 * The secret the sale's idempotency keys derive from: random per sale and never shown (the sale id
 * is printed on the receipt), so nobody can predict, and squat, this till's keys.
 */
const newKeyNonce = () => randomHex(16);
/** The channel of this till's sales: its earns, holds and coupon redemptions carry it. */
const TILL_CHANNEL = 'store';

function isNetworkError(error: { networkError?: unknown } | undefined): boolean {
  return Boolean(error?.networkError);
}

export function App({ backend, config }: { backend: TillBackend; config: TillConfig }) {
  const client = useClient();
  const [{ data: programmeData }] = useQuery({ query: ProgrammeQuery });
  const programme = programmeData?.loyaltyProgramme;
  const currency = programme?.currencyCode ?? config.currencyCode;

  const [member, setMember] = useState<MemberPanelFieldsFragment | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [coupons, setCoupons] = useState<AppliedCoupon[]>([]);
  const [stage, setStage] = useState<Stage>('sale');
  const [saleId, setSaleId] = useState(() => newSaleId(config));
  const [keyNonce, setKeyNonce] = useState(newKeyNonce);
  const [hold, setHold] = useState<Hold | null>(null);
  const [holdAttempt, setHoldAttempt] = useState(0);
  const [pointsText, setPointsText] = useState('0');
  const [cashText, setCashText] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(0);
  const [deviceNote, setDeviceNote] = useState<string | null>(null);

  const linesTotal = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const { total, discount } = totalAfterCoupons(linesTotal, coupons);
  const available = member?.wallet.available ?? 0;
  const pointsMax = programme && member ? maxPoints(programme, available, total) : 0;
  const cashGiven = parseMoney(cashText || '0') ?? 0;
  const tender = cashTender(total, hold?.cashMinor ?? 0, cashGiven);

  const refreshQueue = useCallback(async () => setQueued((await backend.queueStatus()).pending), [backend]);
  useEffect(() => {
    void refreshQueue();
    const t = window.setInterval(() => void refreshQueue(), 5000);
    return () => window.clearInterval(t);
  }, [refreshQueue]);

  const loadMember = useCallback(
    async (id: string) => {
      const r = await client.query(MemberQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
      if (r.data?.loyaltyMember) setMember(r.data.loyaltyMember);
      return r.data?.loyaltyMember ?? null;
    },
    [client],
  );

  const identifyByCard = useCallback(
    async (cardNumber: string) => {
      const r = await client.query(MemberByCardQuery, { cardNumber }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error) return setNotice({ kind: 'error', text: isNetworkError(r.error) ? 'The loyalty service cannot be reached: continue the sale without loyalty.' : r.error.message });
      if (r.data?.loyaltyMemberByCard) {
        setMember(r.data.loyaltyMemberByCard);
        setNotice({ kind: 'success', text: `Card ${cardNumber}: ${r.data.loyaltyMemberByCard.firstName} ${r.data.loyaltyMemberByCard.lastName}` });
      } else if (r.data?.loyaltyCard) {
        setNotice({ kind: 'error', text: `Card ${cardNumber} is ${r.data.loyaltyCard.status.toLowerCase()}: ask for another card or search the member.` });
      } else {
        setNotice({ kind: 'error', text: `Card ${cardNumber} is not known.` });
      }
    },
    [client],
  );

  const applyCoupon = useCallback(
    async (code: string) => {
      const r = await client.query(ValidateCouponQuery, { code, memberId: member?.id ?? null }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error) return setNotice({ kind: 'error', text: isNetworkError(r.error) ? 'Coupons need the loyalty service, which cannot be reached.' : r.error.message });
      const v = r.data!.validateLoyaltyCoupon;
      if (!v.valid || !v.coupon) return setNotice({ kind: 'error', text: `Coupon refused: ${v.message} (${v.reason})` });
      const c = v.coupon;
      if (coupons.some((x) => x.code === c.code)) return setNotice({ kind: 'info', text: `Coupon ${c.displayCode} is already on this sale.` });
      setCoupons((list) => [...list, { code: c.code, displayCode: c.displayCode, title: c.title, kind: c.kind, valueMinor: c.value?.amount ?? 0, percent: c.percent ?? 0 }]);
      if (c.kind === 'GIFT_ITEM' && c.productId) {
        setLines((ls) => [...ls, { id: crypto.randomUUID(), productId: c.productId!, name: `${c.title} (gift)`, categoryId: null, quantity: 1, unitPrice: 0 }]);
      }
      setNotice({ kind: 'success', text: `Coupon ${c.displayCode} accepted: ${c.title}` });
    },
    [client, coupons, member],
  );

  const addProduct = useCallback((line: Omit<Line, 'id'>) => {
    setLines((ls) => {
      const same = ls.find((l) => l.productId === line.productId && l.unitPrice === line.unitPrice);
      return same ? ls.map((l) => (l === same ? { ...l, quantity: l.quantity + line.quantity } : l)) : [...ls, { ...line, id: crypto.randomUUID() }];
    });
  }, []);

  const [manualProduct, setManualProduct] = useState<string | null>(null);

  /** One scanned or swiped text, wherever it came from. */
  const handleScan = useCallback(
    (text: string) => {
      if (stage === 'receipt') return;
      const scan = classifyScan(text);
      if (scan.kind === 'loyalty-card') void identifyByCard(scan.cardNumber);
      else if (scan.kind === 'coupon') void applyCoupon(scan.code);
      else if (scan.kind === 'product') {
        const p = findProduct(scan.gtin);
        if (p) addProduct({ productId: p.productId, name: p.name, categoryId: p.categoryId, quantity: 1, unitPrice: p.unitPrice });
        else {
          setManualProduct(scan.gtin);
          setNotice({ kind: 'info', text: `Barcode ${scan.gtin} is not in the catalogue: enter the line by hand.` });
        }
      } else setNotice({ kind: 'error', text: `Scanned "${scan.text.slice(0, 40)}" is not a card, coupon or product.` });
    },
    [stage, identifyByCard, applyCoupon, addProduct],
  );

  // Keyboard-wedge scanners: bursts of keys, told apart from typing by timing.
  const handleScanRef = useRef(handleScan);
  handleScanRef.current = handleScan;
  useEffect(() => {
    const detector = new WedgeDetector({ minLength: config.wedgeMinLength, maxGapMs: config.wedgeMaxGapMs, terminators: config.wedgeTerminators });
    const onKey = (e: KeyboardEvent) => {
      const r = detector.feed(e.key, e.timeStamp);
      if (r.kind !== 'scan') return;
      e.preventDefault();
      e.stopPropagation();
      // The burst may have gone into a focused field: take it back out.
      const field = document.activeElement;
      if (field instanceof HTMLInputElement && field.value.endsWith(r.text)) {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(field, field.value.slice(0, -r.text.length));
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      handleScanRef.current(r.text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [config]);

  // HID devices (Electron only).
  useEffect(
    () =>
      backend.onDeviceEvent((event) => {
        if (event.kind === 'card-read') void identifyByCard(event.cardNumber);
        else if (event.kind === 'barcode-scanned') handleScanRef.current(event.data);
        else setDeviceNote(event.status === 'connected' ? null : `Device ${event.deviceId} ${event.status}${event.message ? `: ${event.message}` : ''}`);
      }),
    [backend, identifyByCard],
  );

  const releaseHold = useCallback(async (): Promise<boolean> => {
    if (!hold) return true;
    const r = await client.mutation(ReleaseHoldMutation, { input: { holdId: hold.id } }).toPromise();
    if (r.error) {
      setNotice({ kind: 'error', text: 'The points hold could not be released now; it expires by itself within minutes.' });
      setHold(null);
      return false;
    }
    setHold(null);
    if (member) void loadMember(member.id);
    return true;
  }, [client, hold, member, loadMember]);

  const placeHold = useCallback(async () => {
    if (!member || !programme) return;
    const points = Number(pointsText || '0');
    const check = checkPoints(programme, points, available, total);
    if (!check.ok) return setNotice({ kind: 'error', text: check.message });
    setBusy(true);
    try {
      if (hold) await releaseHold();
      if (points === 0) return setNotice({ kind: 'info', text: 'No points used: all cash.' });
      const attempt = holdAttempt + 1;
      setHoldAttempt(attempt);
      const r = await client
        .mutation(HoldPointsMutation, {
          input: { idempotencyKey: `${keyNonce}:hold:${attempt}`, memberId: member.id, points, saleId, channel: TILL_CHANNEL, tillId: config.tillId, saleTotal: { amount: total, currencyCode: currency } },
        })
        .toPromise();
      if (r.error) return setNotice({ kind: 'error', text: isNetworkError(r.error) ? 'Points need the loyalty service, which cannot be reached: take cash for the whole sale.' : r.error.message });
      const out = r.data!.holdPoints;
      if (out.userErrors.length || !out.hold) return setNotice({ kind: 'error', text: out.userErrors.map((e) => e.message).join('; ') });
      setHold({ id: out.hold.id, points: out.hold.points, cashMinor: out.hold.cashValue.amount, expiresAt: out.hold.expiresAt });
      setNotice({ kind: 'success', text: `${out.hold.points} points held. Take the rest in cash.` });
      void loadMember(member.id);
    } finally {
      setBusy(false);
    }
  }, [member, programme, pointsText, available, total, hold, releaseHold, holdAttempt, client, saleId, keyNonce, config.tillId, currency, loadMember]);

  const startTender = useCallback(() => {
    if (lines.length === 0) return setNotice({ kind: 'error', text: 'The sale has no lines yet.' });
    setStage('tender');
    setPointsText('0');
    setCashText('');
    setNotice(null);
  }, [lines.length]);

  const abandonTender = useCallback(async () => {
    setBusy(true);
    try {
      await releaseHold();
      setStage('sale');
      setNotice({ kind: 'info', text: 'Tender abandoned; held points went back to the member.' });
    } finally {
      setBusy(false);
    }
  }, [releaseHold]);

  const newSale = useCallback(async () => {
    if (hold) await releaseHold();
    setMember(null);
    setLines([]);
    setCoupons([]);
    setHold(null);
    setHoldAttempt(0);
    setReceipt(null);
    setPointsText('0');
    setCashText('');
    setStage('sale');
    setSaleId(newSaleId(config));
    setKeyNonce(newKeyNonce());
    setNotice(null);
  }, [config, hold, releaseHold]);

  /** Capture, coupons, earn: each with a key derived from the sale's secret, so a retry never charges twice. */
  const complete = useCallback(async () => {
    if (!tender.covered) return setNotice({ kind: 'error', text: 'The cash given does not cover what is due.' });
    setBusy(true);
    try {
      let captured = 0;
      if (hold) {
        const r = await client.mutation(CaptureHoldMutation, { input: { idempotencyKey: `${keyNonce}:capture`, holdId: hold.id } }).toPromise();
        if (r.error) return setNotice({ kind: 'error', text: isNetworkError(r.error) ? 'Network lost while taking the points: press F10 to retry (nothing is charged twice).' : r.error.message });
        const e = r.data!.capturePointsHold.userErrors[0];
        if (e) return setNotice({ kind: 'error', text: `${e.message}. Abandon the tender (Esc) and try again.` });
        captured = r.data!.capturePointsHold.hold?.capturedPoints ?? hold.points;
      }
      for (const c of coupons) {
        const r = await client.mutation(RedeemCouponMutation, { input: { idempotencyKey: `${keyNonce}:coupon:${c.code}`, code: c.code, saleId, channel: TILL_CHANNEL, tillId: config.tillId, memberId: member?.id ?? null } }).toPromise();
        if (r.error) return setNotice({ kind: 'error', text: isNetworkError(r.error) ? 'Network lost while using a coupon: press F10 to retry.' : r.error.message });
        const e = r.data!.redeemLoyaltyCoupon.userErrors[0];
        if (e) return setNotice({ kind: 'error', text: `Coupon ${c.displayCode}: ${e.message}` });
      }
      let earned: number | null = null;
      let earnQueued = false;
      if (member) {
        const input = {
          idempotencyKey: `${keyNonce}:earn`,
          memberId: member.id,
          sale: {
            id: saleId, channel: TILL_CHANNEL, storeId: config.storeId, tillId: config.tillId, currencyCode: currency, occurredAt: new Date().toISOString(),
            lines: lines.map((l) => ({ productId: l.productId, categoryId: l.categoryId, quantity: l.quantity, unitPrice: l.unitPrice })),
          },
        };
        const r = await client.mutation(EarnPointsMutation, { input }).toPromise();
        if (r.error && isNetworkError(r.error)) {
          await backend.enqueueEarn(input);
          earnQueued = true;
          void refreshQueue();
        } else if (r.data) earned = r.data.earnPoints.earn?.points ?? 0;
      }
      const after = member ? await loadMember(member.id) : null;
      setReceipt({
        saleId, lines, coupons, linesTotal, discount, total, currency,
        pointsUsed: captured, pointsCash: hold?.cashMinor ?? 0, cashGiven, change: tender.change, cashDue: tender.cashDue,
        pointsEarned: earned, earnQueued, member: member ? `${member.firstName} ${member.lastName}` : null,
        balance: after?.wallet.available ?? null, storeId: config.storeId, tillId: config.tillId, at: new Date().toISOString(),
      });
      setHold(null);
      setStage('receipt');
      setNotice({ kind: 'success', text: earnQueued ? 'Sale complete. Points will be credited when the till is back online.' : 'Sale complete.' });
    } finally {
      setBusy(false);
    }
  }, [tender, hold, client, saleId, keyNonce, coupons, config, member, currency, lines, backend, refreshQueue, loadMember, linesTotal, discount, total, cashGiven]);

  // Keyboard-first: every action has a key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (busy) return;
      const focus = (id: string) => document.getElementById(id)?.focus();
      if (e.key === 'F2') focus('member-search');
      else if (e.key === 'F3') focus('coupon-code');
      else if (e.key === 'F4') focus('manual-product');
      else if (e.key === 'F6') void newSale();
      else if (e.key === 'F8' && stage === 'sale') startTender();
      else if (e.key === 'F9' && stage === 'tender') setPointsText(String(pointsMax));
      else if (e.key === 'F10' && stage === 'tender') void complete();
      else if (e.key === 'Escape' && stage === 'tender') void abandonTender();
      else if (e.key === 'p' && e.ctrlKey && stage === 'receipt' && receipt) void backend.printReceipt(receiptHtml(receipt));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, stage, pointsMax, complete, abandonTender, newSale, startTender, receipt, backend]);

  const holdSecondsLeft = useHoldCountdown(hold?.expiresAt ?? null);
  useEffect(() => {
    if (hold && holdSecondsLeft === 0) {
      setHold(null);
      setNotice({ kind: 'error', text: 'The points hold expired; the points went back to the member. Hold them again or take cash.' });
    }
  }, [hold, holdSecondsLeft]);

  const header = useMemo(
    () => (
      <header className="topbar">
        <strong>Loyalty till</strong>
        <span>
          {config.storeId} / {config.tillId}
        </span>
        <span className="sale-id">Sale {saleId}</span>
        {queued > 0 && <span className="badge warn" data-testid="queue-badge">{queued} earn{queued > 1 ? 's' : ''} waiting to sync</span>}
        {deviceNote && <span className="badge warn">{deviceNote}</span>}
        <span className="mode">{backend.mode === 'browser' ? 'browser mode (keyboard wedge)' : 'desktop'}</span>
      </header>
    ),
    [config, saleId, queued, deviceNote, backend.mode],
  );

  return (
    <div className="till">
      {header}
      <main className="columns">
        <section className="left">
          {member ? (
            <MemberPanel member={member} currency={currency} onClear={stage === 'sale' ? () => setMember(null) : undefined} />
          ) : (
            <IdentifyPanel onCard={identifyByCard} onPick={loadMember} setNotice={setNotice} />
          )}
        </section>
        <section className="right">
          {notice && (
            <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
              {notice.text}
            </div>
          )}
          {stage === 'sale' && (
            <SalePanel
              lines={lines}
              coupons={coupons}
              currency={currency}
              linesTotal={linesTotal}
              discount={discount}
              total={total}
              manualProduct={manualProduct}
              onManualDone={() => setManualProduct(null)}
              onAddLine={addProduct}
              onRemoveLine={(id) => setLines((ls) => ls.filter((l) => l.id !== id))}
              onCoupon={applyCoupon}
              onRemoveCoupon={(code) => setCoupons((cs) => cs.filter((c) => c.code !== code))}
              onTender={startTender}
            />
          )}
          {stage === 'tender' && (
            <TenderPanel
              currency={currency}
              total={total}
              member={member}
              pointsMax={pointsMax}
              minPoints={programme?.minRedeemPoints ?? 0}
              pointsText={pointsText}
              setPointsText={setPointsText}
              onHold={placeHold}
              hold={hold}
              holdSecondsLeft={holdSecondsLeft}
              cashText={cashText}
              setCashText={setCashText}
              tender={tender}
              busy={busy}
              onComplete={complete}
              onAbandon={abandonTender}
              toCash={(p) => (programme ? Math.floor((p * programme.redeemAmountMinor) / programme.redeemPoints) : 0)}
            />
          )}
          {stage === 'receipt' && receipt && <ReceiptPanel receipt={receipt} onPrint={() => void backend.printReceipt(receiptHtml(receipt))} onNewSale={() => void newSale()} />}
        </section>
      </main>
      <footer className="keys">
        <span><kbd>F2</kbd> find member</span>
        <span><kbd>F3</kbd> coupon</span>
        <span><kbd>F4</kbd> add line</span>
        <span><kbd>F8</kbd> tender</span>
        <span><kbd>F9</kbd> max points</span>
        <span><kbd>F10</kbd> complete</span>
        <span><kbd>Esc</kbd> abandon tender</span>
        <span><kbd>F6</kbd> new sale</span>
      </footer>
    </div>
  );
}

function useHoldCountdown(expiresAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [expiresAt]);
  return expiresAt ? Math.max(0, Math.round((new Date(expiresAt).getTime() - now) / 1000)) : null;
}
