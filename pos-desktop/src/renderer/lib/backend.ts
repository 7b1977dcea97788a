/**
 * Where the renderer's outside world comes from. In Electron, `window.pos` (the preload's typed
 * API): GraphQL goes through main, which adds the till's token; devices push events; the offline
 * queue lives on disk. In a plain browser (`npm run pos:web`, and the end-to-end tests), the dev
 * server proxies `/graphql` (adding the token) and serves `/pos-config`; the queue lives in
 * localStorage; input comes from the keyboard wedge only.
 */
import type { DeviceEvent } from '../../shared/device-events';
import { EARN_MUTATION, earnDelivery } from '../../shared/earn-delivery';
import type { CatalogueAnswer, PosApi, PrintJob, QueueStatus, TillConfig } from '../../shared/ipc';
import { OfflineEarnQueue, type QueueStorage } from '../../shared/offline-queue';
import type { JournalSale } from '../sale/model';
import type { JournalStorage } from '../sale/journal';

export interface TillBackend {
  mode: 'electron' | 'browser';
  config(): Promise<TillConfig>;
  /** A fetch for urql: GraphQL only. A network failure rejects, as fetch does. */
  fetch: typeof fetch;
  enqueueEarn(input: Record<string, unknown>): Promise<QueueStatus>;
  queueStatus(): Promise<QueueStatus>;
  onDeviceEvent(listener: (event: DeviceEvent) => void): () => void;
  /** Prints on the printer the settings choose (Electron), or through the browser's print dialog. */
  printReceipt(job: PrintJob): Promise<void>;
  /** The local product catalogue (the configured file). */
  catalogue(): Promise<CatalogueAnswer>;
  /** Where this till keeps its own recent sales, for returns. */
  journalStorage: JournalStorage;
}

declare global {
  interface Window {
    pos?: PosApi;
  }
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function electronBackend(pos: PosApi): TillBackend {
  return {
    mode: 'electron',
    config: async () => unwrap(await pos.getConfig()),
    fetch: (async (_url: unknown, init?: RequestInit) => {
      const request = JSON.parse(String(init?.body ?? '{}'));
      const r = await pos.graphql({ query: request.query, variables: request.variables, operationName: request.operationName });
      if (!r.ok) throw new TypeError(r.error.message); // what fetch does when the network fails
      return new Response(r.value.body, { status: r.value.status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
    enqueueEarn: async (input) => unwrap(await pos.enqueueEarn(input)),
    queueStatus: async () => unwrap(await pos.queueStatus()),
    onDeviceEvent: (listener) => pos.onDeviceEvent(listener),
    printReceipt: async (job) => {
      unwrap(await pos.printReceipt(job));
    },
    catalogue: async () => unwrap(await pos.getCatalogue()),
    journalStorage: localStorageJournal,
  };
}

const JOURNAL_KEY = 'pos.sale-journal';

/** The sale journal in the page's localStorage (Electron keeps it in userData, per till). */
const localStorageJournal: JournalStorage = {
  load: () => JSON.parse(window.localStorage.getItem(JOURNAL_KEY) ?? '[]') as JournalSale[],
  save: (sales) => window.localStorage.setItem(JOURNAL_KEY, JSON.stringify(sales)),
};

const QUEUE_KEY = 'pos.offline-earn-queue';

const localStorageQueue: QueueStorage = {
  load: async () => JSON.parse(window.localStorage.getItem(QUEUE_KEY) ?? '[]'),
  save: async (items) => window.localStorage.setItem(QUEUE_KEY, JSON.stringify(items)),
};

function browserBackend(): TillBackend {
  const queue = new OfflineEarnQueue(localStorageQueue);
  const doFetch: typeof fetch = (_input, init) => window.fetch('/graphql', init);
  // The same delivery rule as the first attempt and Electron's replayer (src/shared/earn-delivery.ts).
  const replay = () =>
    queue.replay(async (input) => {
      let delivery;
      try {
        const res = await doFetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: EARN_MUTATION, variables: { input } }),
        });
        delivery = earnDelivery({ kind: 'answer', status: res.status, body: await res.text() });
      } catch (err) {
        delivery = earnDelivery({ kind: 'no-answer', message: (err as Error).message });
      }
      if (delivery.outcome === 'retry') return { outcome: 'retry', error: delivery.message };
      if (delivery.outcome === 'refused') {
        console.error('A queued earn was refused; removed from the queue', { idempotencyKey: input.idempotencyKey, error: delivery.message });
        return { outcome: 'done', error: `A queued earn was refused: ${delivery.message}` };
      }
      return { outcome: 'done' };
    });
  window.addEventListener('online', () => void replay());
  window.setInterval(() => void replay(), 15_000);
  return {
    mode: 'browser',
    config: async () => {
      const res = await window.fetch('/pos-config');
      if (!res.ok) throw new Error('The till is not configured (no /pos-config)');
      return (await res.json()) as TillConfig;
    },
    fetch: doFetch,
    enqueueEarn: async (input) => {
      const status = await queue.enqueue(input);
      void replay();
      return status;
    },
    queueStatus: () => queue.status(),
    onDeviceEvent: () => () => {},
    printReceipt: async ({ html }) => {
      const w = window.open('', 'receipt', 'width=420,height=700');
      if (!w) throw new Error('the browser blocked the print window');
      w.document.write(html);
      w.document.close();
      w.print();
    },
    catalogue: async () => {
      const res = await window.fetch('/pos-catalogue');
      if (!res.ok) return { products: [], file: null, problems: [`the dev server has no catalogue (HTTP ${res.status})`] };
      return (await res.json()) as CatalogueAnswer;
    },
    journalStorage: localStorageJournal,
  };
}

export function createBackend(): TillBackend {
  return window.pos ? electronBackend(window.pos) : browserBackend();
}
