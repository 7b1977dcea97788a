/**
 * Where the renderer's outside world comes from. In Electron, `window.pos` (the preload's typed
 * API): GraphQL goes through main, which adds the till's token; devices push events; the offline
 * queue lives on disk. In a plain browser (`npm run pos:web`, and the end-to-end tests), the dev
 * server proxies `/graphql` (adding the token) and serves `/pos-config`; the queue lives in
 * localStorage; input comes from the keyboard wedge only.
 */
import type { DeviceEvent } from '../../shared/device-events';
import type { PosApi, QueueStatus, TillConfig } from '../../shared/ipc';
import { OfflineEarnQueue, type QueueStorage } from '../../shared/offline-queue';

export interface TillBackend {
  mode: 'electron' | 'browser';
  config(): Promise<TillConfig>;
  /** A fetch for urql: GraphQL only. A network failure rejects, as fetch does. */
  fetch: typeof fetch;
  enqueueEarn(input: Record<string, unknown>): Promise<QueueStatus>;
  queueStatus(): Promise<QueueStatus>;
  onDeviceEvent(listener: (event: DeviceEvent) => void): () => void;
  printReceipt(html: string): Promise<void>;
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
    printReceipt: async (html) => {
      unwrap(await pos.printReceipt(html));
    },
  };
}

const QUEUE_KEY = 'pos.offline-earn-queue';

const localStorageQueue: QueueStorage = {
  load: async () => JSON.parse(window.localStorage.getItem(QUEUE_KEY) ?? '[]'),
  save: async (items) => window.localStorage.setItem(QUEUE_KEY, JSON.stringify(items)),
};

function browserBackend(): TillBackend {
  const queue = new OfflineEarnQueue(localStorageQueue);
  const doFetch: typeof fetch = (_input, init) => window.fetch('/graphql', init);
  const replay = () =>
    queue.replay(async (input) => {
      try {
        const res = await doFetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: REPLAY_EARN, variables: { input } }),
        });
        if (res.status >= 500) return { outcome: 'retry', error: `HTTP ${res.status}` };
        return { outcome: 'done' };
      } catch (err) {
        return { outcome: 'retry', error: (err as Error).message };
      }
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
    printReceipt: async (html) => {
      const w = window.open('', 'receipt', 'width=400,height=600');
      if (!w) return;
      w.document.write(html);
      w.document.close();
      w.print();
    },
  };
}

/** The earnPoints mutation used for replays (the payload is not needed). */
export const REPLAY_EARN = 'mutation ReplayEarn($input: EarnPointsInput!) { earnPoints(input: $input) { duplicate userErrors { code } } }';

export function createBackend(): TillBackend {
  return window.pos ? electronBackend(window.pos) : browserBackend();
}
