/**
 * The one typed contract between the renderer and the Electron main process. The preload script
 * exposes exactly `PosApi` as `window.pos`; main validates every payload it receives.
 *
 * Part of the shared contract: no Node and no DOM imports.
 */
import type { CatalogueProduct } from './catalogue';
import type { DeviceEvent } from './device-events';
import type { ReceiptDoc } from './receipt';

/** Every IPC answer: a value, or an error with a stable code. Never a thrown exception. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

export type IpcErrorCode = 'INVALID_REQUEST' | 'NETWORK' | 'NOT_CONFIGURED' | 'STORAGE' | 'INTERNAL';

/** How this till is set up; stored per till by main (Electron) or given by the dev server (browser mode). */
export interface TillConfig {
  /** The GraphQL endpoint: the loyalty subgraph or the federated graph. */
  graphqlUrl: string;
  storeId: string;
  tillId: string;
  /** The store's name as the receipt prints it (default: the store id). */
  storeName: string;
  /** ISO 4217, the programme's currency. */
  currencyCode: string;
  /** Keyboard-wedge detection: a burst is at least this many characters... */
  wedgeMinLength: number;
  /** ...typed with no gap longer than this (milliseconds)... */
  wedgeMaxGapMs: number;
  /** ...and ends with Enter or Tab. */
  wedgeTerminators: ('Enter' | 'Tab')[];
  /**
   * The commerce graph's product lookup: GraphQL text with a `$code: String!` variable, sent to
   * `graphqlUrl` (the router). Null: the local catalogue only.
   */
  productQuery: string | null;
  /** Where the product and its fields are in the query's answer. */
  productMapping: ProductMapping | null;
  /** Whether a till token is set (the token itself never reaches the renderer). */
  hasToken: boolean;
}

/** Dotted paths into the product query's answer, e.g. `data.productByBarcode`, `price.amount`. */
export interface ProductMapping {
  /** The product object (a list: its first item). */
  product: string;
  /** Within the product: its id (the loyalty line's productId), name and price. */
  id: string;
  name: string;
  price: string;
  /** `minor` (default): an integer of minor units; `major`: "12.99" or 12.99. */
  priceUnit?: 'minor' | 'major';
  category?: string;
  /** When given, a product in another currency is refused. */
  currency?: string;
}

/** The local catalogue as main (or the dev server) read it from the configured file. */
export interface CatalogueAnswer {
  products: CatalogueProduct[];
  /** The file read, or null when none is configured. */
  file: string | null;
  /** Rows left out and why, or why the file could not be read. */
  problems: string[];
}

/** A receipt to print: the document (for an ESC/POS printer) and its HTML (for a system printer). */
export interface PrintJob {
  receipt: ReceiptDoc;
  html: string;
}

/** A GraphQL operation sent through main, which adds the till's token. */
export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** The raw GraphQL response body and HTTP status, as a fetch would give them. */
export interface GraphqlResponse {
  status: number;
  body: string;
}

/** An earn request kept on disk while the graph is unreachable, replayed in order later. */
export interface QueuedEarn {
  /** The earnPoints input: its idempotency key derives from the sale, so replays are safe. */
  input: Record<string, unknown>;
  queuedAt: string;
}

export interface QueueStatus {
  pending: number;
  /** The last replay error, if the graph refused or could not be reached. */
  lastError: string | null;
}

/** Channel names (requests from the renderer) and event names (pushed by main). */
export const IPC = {
  getConfig: 'pos:get-config',
  saveConfig: 'pos:save-config',
  graphql: 'pos:graphql',
  enqueueEarn: 'pos:enqueue-earn',
  queueStatus: 'pos:queue-status',
  printReceipt: 'pos:print-receipt',
  getCatalogue: 'pos:get-catalogue',
  deviceEvent: 'pos:device-event',
} as const;

/** What `window.pos` offers the renderer. */
export interface PosApi {
  getConfig(): Promise<IpcResult<TillConfig>>;
  /** Saves settings; `token` replaces the stored till token when given. */
  saveConfig(config: Partial<Omit<TillConfig, 'hasToken'>> & { token?: string }): Promise<IpcResult<TillConfig>>;
  graphql(request: GraphqlRequest): Promise<IpcResult<GraphqlResponse>>;
  enqueueEarn(input: Record<string, unknown>): Promise<IpcResult<QueueStatus>>;
  queueStatus(): Promise<IpcResult<QueueStatus>>;
  /**
   * Prints a receipt on the printer the settings choose: an ESC/POS thermal printer (main
   * renders the document to bytes) or a system printer (the HTML, in a locked-down window).
   */
  printReceipt(job: PrintJob): Promise<IpcResult<true>>;
  /** The local product catalogue (the product lookup's offline fallback). */
  getCatalogue(): Promise<IpcResult<CatalogueAnswer>>;
  /** Device events (card reads, scans, connection changes); returns an unsubscribe function. */
  onDeviceEvent(listener: (event: DeviceEvent) => void): () => void;
}

/** Default wedge thresholds: scanners send 1–19 ms apart; people type 100 ms+ apart. */
export const DEFAULT_WEDGE = { wedgeMinLength: 6, wedgeMaxGapMs: 35, wedgeTerminators: ['Enter', 'Tab'] as ('Enter' | 'Tab')[] };
