/**
 * The till's screen: wiring only. The sale lives in the store (`sale/reducer.ts`), the calls in
 * the workflow (`sale/workflow.ts`), the keys in one table (`sale/keymap.ts`); this file
 * connects them to React, the keyboard, the devices and the timers.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import type { CatalogueProduct } from '../shared/catalogue';
import type { TillConfig } from '../shared/ipc';
import { IdentifyPanel } from './components/IdentifyPanel';
import { MemberPanel } from './components/MemberPanel';
import { ReceiptPanel } from './components/ReceiptPanel';
import { ReturnPanel } from './components/ReturnPanel';
import { SalePanel } from './components/SalePanel';
import { TenderPanel } from './components/TenderPanel';
import type { TillBackend } from './lib/backend';
import { receiptHtml } from './lib/receipt-html';
import { WedgeDetector } from './lib/wedge';
import { createTillApi } from './sale/api';
import { SaleJournal } from './sale/journal';
import { bindingFor, footerFor, isTypeAheadKey, keyName, type Command, type FieldId } from './sale/keymap';
import { initialState } from './sale/model';
import { ProductLookup } from './sale/products';
import { createSaleStore } from './sale/store';
import { cryptoHex, newSaleId, SaleWorkflow } from './sale/workflow';

const FIELDS: ReadonlySet<string> = new Set<FieldId>(['member-search', 'coupon-code', 'product-code', 'manual-price', 'manual-category', 'manual-qty', 'points', 'cash', 'return-sale']);
/** How often the online indicator asks the graph, and the queue badge asks the queue. */
const HEALTH_CHECK_MS = 10_000;
const QUEUE_STATUS_MS = 2_000;

function input(id: string): HTMLInputElement | null {
  const el = document.getElementById(id);
  return el instanceof HTMLInputElement ? el : null;
}

/** Reads a field and empties it. */
function take(id: string): string {
  const el = input(id);
  const value = el?.value ?? '';
  if (el) el.value = '';
  return value;
}

function useTill(backend: TillBackend, config: TillConfig) {
  const client = useClient();
  const catalogue = useRef<readonly CatalogueProduct[]>([]);
  const [till] = useState(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const store = createSaleStore(
      initialState({
        storeId: config.storeId,
        tillId: config.tillId,
        storeName: config.storeName,
        currencyCode: config.currencyCode,
        saleId: newSaleId(config.storeId, config.tillId, new Date(), cryptoHex),
        keyNonce: cryptoHex(16),
      }),
    );
    const api = createTillApi(client, backend.fetch);
    const products = new ProductLookup({
      graph: config.productQuery && config.productMapping ? { query: config.productQuery, mapping: config.productMapping } : null,
      send: (q, v) => api.raw(q, v),
      catalogue: () => catalogue.current,
      currencyCode: () => store.getState().currencyCode,
    });
    const workflow = new SaleWorkflow({
      store,
      api,
      products,
      journal: new SaleJournal(backend.journalStorage),
      queue: backend,
      till: { storeId: config.storeId, tillId: config.tillId, storeName: config.storeName, timeZone },
    });
    return { store, workflow };
  });
  const loadCatalogue = async () => {
    try {
      const c = await backend.catalogue();
      catalogue.current = c.products;
      if (c.problems.length) console.warn(`Catalogue ${c.file ?? ''}: ${c.problems.length} problem(s)`, c.problems);
    } catch (error) {
      console.warn('The catalogue could not be read', error);
    }
  };
  return { ...till, loadCatalogue };
}

export function App({ backend, config }: { backend: TillBackend; config: TillConfig }) {
  const { store, workflow: wf, loadCatalogue } = useTill(backend, config);
  const state = useSyncExternalStore(store.subscribe, store.getState);

  // Start-up, timers: hold expiry, the online indicator, the queue badge.
  useEffect(() => {
    void wf.start();
    void wf.refreshQueue();
    const tick = window.setInterval(() => store.dispatch({ type: 'tick', now: Date.now() }), 1000);
    const health = window.setInterval(() => void wf.healthCheck(), HEALTH_CHECK_MS);
    const queue = window.setInterval(() => void wf.refreshQueue(), QUEUE_STATUS_MS);
    const online = () => void wf.healthCheck();
    window.addEventListener('online', online);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(health);
      window.clearInterval(queue);
      window.removeEventListener('online', online);
    };
  }, [wf, store]);

  // The catalogue file may be refreshed by a sync job: read again for every sale.
  useEffect(() => void loadCatalogue(), [state.saleId]);

  const print = async () => {
    const receipt = store.getState().receipt;
    if (!receipt) return;
    try {
      await backend.printReceipt({ receipt, html: receiptHtml(receipt) });
    } catch (error) {
      store.dispatch({ type: 'notice', notice: { kind: 'error', text: `The receipt could not be printed: ${error instanceof Error ? error.message : String(error)}` } });
    }
  };

  // Every key through the one table.
  const commands: Record<Command, (field: HTMLInputElement | null) => void> = {
    focus: () => {},
    search: (f) => void wf.search(f?.value ?? ''),
    searchMore: () => void wf.searchMore(),
    coupon: () => void wf.couponTyped(take('coupon-code')),
    code: () => void wf.scan(take('product-code'), 'typed'),
    manualLine: () => {
      void wf.addManualLine(input('manual-price')?.value ?? '', input('manual-category')?.value ?? '', input('manual-qty')?.value ?? '').then(() => {
        if (!store.getState().manualEntry) input('product-code')?.focus();
      });
    },
    lineUp: () => void wf.line({ type: 'line/select', delta: -1 }),
    lineDown: () => void wf.line({ type: 'line/select', delta: 1 }),
    quantityUp: () => void wf.line({ type: 'line/quantity', delta: 1 }),
    quantityDown: () => void wf.line({ type: 'line/quantity', delta: -1 }),
    quantityTyped: () => void wf.line({ type: 'line/set-quantity', quantity: Number(take('product-code')) }),
    voidLine: () => void wf.line({ type: 'line/removed' }),
    cancel: () => void wf.cancel(),
    newSale: () => void wf.newSale(),
    startReturn: () => void wf.startReturn(),
    tender: () => void wf.startTender(),
    maxPoints: () => void wf.maxPoints(),
    usePoints: () => void wf.usePoints(),
    exactCash: () => void wf.exactCash(),
    nextNote: () => void wf.quickCash(1),
    previousNote: () => void wf.quickCash(-1),
    complete: () => void wf.complete(),
    abandon: () => void wf.abandon(),
    print: () => void print(),
    returnSale: () => void wf.returnSaleTyped(take('return-sale')),
    returnUp: () => void wf.returnLine({ type: 'return/select', delta: -1 }),
    returnDown: () => void wf.returnLine({ type: 'return/select', delta: 1 }),
    returnMore: () => void wf.returnLine({ type: 'return/quantity', delta: 1 }),
    returnLess: () => void wf.returnLine({ type: 'return/quantity', delta: -1 }),
    returnAll: () => void wf.returnLine({ type: 'return/all' }),
    confirmReturn: () => void wf.confirmReturn(),
  };
  const commandsRef = useRef(commands);
  commandsRef.current = commands;

  useEffect(() => {
    /** The key's binding in the stage and field of now. */
    const lookUp = (key: string) => {
      const s = store.getState();
      const el = document.activeElement;
      const field = el instanceof HTMLInputElement && FIELDS.has(el.id) ? el : null;
      return { field, binding: bindingFor(key, { stage: s.stage, field: (field?.id as FieldId | undefined) ?? null, fieldValue: field?.value ?? '', searchShown: Boolean(s.search?.results.length) }) };
    };
    /** Runs the key's command in the stage and field of now; false when it has none. */
    const run = (key: string): boolean => {
      const { field, binding } = lookUp(key);
      if (!binding) return false;
      if (binding.focus) input(binding.focus)?.focus();
      commandsRef.current[binding.command](field);
      return true;
    };
    // Keys typed ahead (keymap.ts isTypeAheadKey) while commands run wait for them, in order, and are
    // looked up in the stage those leave (F8 F9 F7 Enter: F9 and F7 meant for the tender F8 opens).
    // A key that only moves the focus runs at once, so what is typed after it lands in its field
    // (F4, then a barcode typed by hand).
    let typedAhead: Promise<void> = Promise.resolve();
    let waiting = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const key = keyName(e);
      if (isTypeAheadKey(key) && (waiting > 0 || (wf.busy && lookUp(key).binding?.command !== 'focus'))) {
        e.preventDefault();
        waiting++;
        typedAhead = typedAhead.then(async () => {
          await wf.idle();
          await new Promise((resolve) => setTimeout(resolve, 0)); // let React render the stage the commands left
          run(key);
          waiting--;
        });
        return;
      }
      if (run(key)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, wf]);

  // Keyboard-wedge scanners: bursts of keys, told apart from typing by timing.
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
      void wf.scan(r.text);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [config, wf]);

  // HID devices (Electron only).
  useEffect(
    () =>
      backend.onDeviceEvent((event) => {
        if (event.kind === 'card-read') void wf.scan(event.cardNumber);
        else if (event.kind === 'barcode-scanned') void wf.scan(event.data);
        else store.dispatch({ type: 'device-note', text: event.status === 'connected' ? null : `Device ${event.deviceId} ${event.status}${event.message ? `: ${event.message}` : ''}` });
      }),
    [backend, wf, store],
  );

  const s = state;
  return (
    <div className="till">
      <header className="topbar">
        <strong>{s.storeName}</strong>
        <span>
          {s.storeId} / {s.tillId}
        </span>
        <span className="sale-id" data-testid="sale-id">
          Sale {s.saleId}
        </span>
        <span className={`badge online-${s.connectivity}`} data-testid="connectivity" title="the loyalty service, checked every few seconds">
          {s.connectivity === 'online' ? '● online' : s.connectivity === 'offline' ? '● offline' : '○ checking'}
        </span>
        {s.queue.pending > 0 && (
          <span className="badge warn" data-testid="queue-badge" title={s.queue.lastError ?? undefined}>
            {s.queue.pending} earn{s.queue.pending > 1 ? 's' : ''} waiting to sync
          </span>
        )}
        {s.queue.pending === 0 && s.queue.lastError && (
          <span className="badge warn" data-testid="queue-error">
            {s.queue.lastError}
          </span>
        )}
        {s.pendingReleases.length > 0 && (
          <span className="badge warn" data-testid="pending-releases">
            {s.pendingReleases.reduce((n, r) => n + r.points, 0)} points to release
          </span>
        )}
        {s.deviceNote && <span className="badge warn">{s.deviceNote}</span>}
        {s.busy && <span className="busy">{s.busy}</span>}
        <span className="mode">{backend.mode === 'browser' ? 'browser mode (keyboard wedge)' : 'desktop'}</span>
      </header>
      <main className="columns">
        <section className="left">
          {s.member ? (
            <MemberPanel member={s.member} currency={s.currencyCode} onClear={s.stage === 'sale' ? () => store.dispatch({ type: 'member/cleared' }) : undefined} />
          ) : (
            <IdentifyPanel search={s.search} onSearch={(t) => void wf.search(t)} onMore={() => void wf.searchMore()} onPick={(id) => void wf.pickMember(id)} />
          )}
        </section>
        <section className="right">
          {s.notice && (
            <div className={`notice ${s.notice.kind}`} role={s.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
              {s.notice.text}
            </div>
          )}
          {s.stage === 'sale' && (
            <SalePanel
              state={s}
              onCode={() => commands.code(null)}
              onManualLine={() => commands.manualLine(null)}
              onCoupon={() => commands.coupon(null)}
              onRemoveLine={(id) => void wf.line({ type: 'line/removed', lineId: id })}
              onRemoveCoupon={(code) => store.dispatch({ type: 'coupon/removed', code })}
              onTender={() => void wf.startTender()}
            />
          )}
          {s.stage === 'tender' && (
            <TenderPanel
              state={s}
              onPointsTyped={(v) => wf.pointsTyped(v)}
              onCashTyped={(v) => wf.cashTyped(v)}
              onUsePoints={() => void wf.usePoints()}
              onMaxPoints={() => void wf.maxPoints()}
              onExactCash={() => void wf.exactCash()}
              onComplete={() => void wf.complete()}
              onAbandon={() => void wf.abandon()}
            />
          )}
          {s.stage === 'receipt' && s.receipt && <ReceiptPanel receipt={s.receipt} onPrint={() => void print()} onNewSale={() => void wf.newSale()} />}
          {s.stage === 'return' && <ReturnPanel state={s} onFind={() => commands.returnSale(null)} onConfirm={() => void wf.confirmReturn()} />}
        </section>
      </main>
      <footer className="keys" data-testid="keys">
        {footerFor(s.stage).map((b) => (
          <span key={`${b.key}-${b.command}`}>
            <kbd>{b.label}</kbd> {b.does}
          </span>
        ))}
      </footer>
    </div>
  );
}
