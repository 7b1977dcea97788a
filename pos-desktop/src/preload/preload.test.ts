/**
 * The preload's `window.pos` against the real main-process handlers, store, graph client and
 * queue. Electron itself is not available here, so `electron` is a small in-memory IPC bus that
 * copies arguments with structuredClone, as Electron's IPC does.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCatalogueFile } from '../main/catalogue-file';
import { ConfigStore } from '../main/config-store';
import { GraphqlClient } from '../main/graphql-client';
import { registerIpcHandlers } from '../main/ipc-handlers';
import { FileQueueStorage, QUEUE_FILE } from '../main/offline-queue-file';
import { httpServer, json, memoryLogger, realFetch, tempDir } from '../main/testing/support';
import type { DeviceEvent } from '../shared/device-events';
import { SAMPLE_RECEIPT } from '../shared/fixtures/sample-receipt';
import { IPC, type PosApi } from '../shared/ipc';
import { OfflineEarnQueue } from '../shared/offline-queue';
// Runs exposeInMainWorld on import, against the mock above (vi.mock is hoisted before imports).
import { CHANNELS } from './preload';

type Listener = (event: unknown, ...args: unknown[]) => void;
type Handler = (event: { trusted: boolean }, ...args: unknown[]) => Promise<unknown>;

const bus = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Listener>>();
  const exposed: Record<string, unknown> = {};
  const sender = { trusted: true };
  return {
    handlers,
    listeners,
    exposed,
    sender,
    ipcMain: {
      handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
    /** What main's `webContents.send` would deliver. */
    sendToRenderer(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer object' }, structuredClone(payload));
    },
    electron: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          const cloned = structuredClone(args); // throws DataCloneError for functions, as Electron does
          const handler = handlers.get(channel);
          if (!handler) throw new Error(`No handler registered for '${channel}'`);
          return handler({ trusted: sender.trusted }, ...cloned);
        },
        on: (channel: string, listener: Listener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(listener);
        },
      },
    },
  };
});

vi.mock('electron', () => bus.electron);

const pos = bus.exposed.pos as PosApi;

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdG9yZUlkIjoic3RvcmUtMDAxIiwidGlsbElkIjoidGlsbC0wMSJ9.c2ln';

describe('the preload script', () => {
  it('keeps an exact copy of the channel names', () => {
    expect(CHANNELS).toEqual(IPC);
  });

  it('imports nothing but electron at run time (the sandbox can require nothing else of ours)', () => {
    const file = path.join(__dirname, 'preload.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const runtimeImports: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const typeOnly =
          clause?.isTypeOnly ||
          (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) runtimeImports.push((node.moduleSpecifier as ts.StringLiteral).text);
      }
      if (ts.isCallExpression(node) && (node.expression.getText() === 'require' || node.expression.kind === ts.SyntaxKind.ImportKeyword)) {
        runtimeImports.push(node.arguments[0]?.getText() ?? '?');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(runtimeImports).toEqual(['electron']);
  });

  it('exposes exactly the PosApi functions and no IPC object', () => {
    expect(Object.keys(bus.exposed)).toEqual(['pos']);
    expect(Object.keys(pos).sort()).toEqual(['enqueueEarn', 'getCatalogue', 'getConfig', 'graphql', 'onDeviceEvent', 'printReceipt', 'queueStatus', 'saveConfig']);
    for (const value of Object.values(pos)) expect(typeof value).toBe('function');
  });
});

describe('window.pos against the main process', () => {
  let cleanup: () => Promise<void>;
  let userData: string;
  let graph: Awaited<ReturnType<typeof httpServer>>;
  let printed: string[];
  let catalogueFile: string;
  let replays: number;
  let removeHandlers: () => void;

  beforeEach(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    userData = temp.dir;
    graph = await httpServer((request, response) => {
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return json(response, 401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
      json(response, 200, { data: { tiers: [{ id: 't1', name: 'Silver' }] } });
    });
    const log = memoryLogger();
    const store = new ConfigStore({ dir: userData, env: { POS_GRAPHQL_URL: graph.url, LOYALTY_DATA_DIR: path.join(userData, 'none') }, codec: null, cwd: userData, log });
    const client = new GraphqlClient({ fetch: realFetch, endpoint: () => store.graphqlUrl(), token: () => store.token() });
    const queue = new OfflineEarnQueue(new FileQueueStorage(path.join(userData, QUEUE_FILE), log));
    printed = [];
    replays = 0;
    catalogueFile = path.join(userData, 'catalogue.csv');
    bus.sender.trusted = true;
    removeHandlers = registerIpcHandlers(bus.ipcMain, {
      isTrustedSender: (event) => event.trusted,
      config: store,
      graphql: client,
      queue,
      replayQueue: () => void replays++,
      printReceipt: async (job) => void printed.push(job.html),
      catalogue: () => readCatalogueFile(catalogueFile, 'GBP', log),
      log,
    });
  });

  afterEach(async () => {
    removeHandlers();
    await graph.close();
    await cleanup();
  });

  it('configures the till: the token goes in, never comes back out', async () => {
    expect(await pos.getConfig()).toMatchObject({ ok: true, value: { graphqlUrl: graph.url, hasToken: false } });
    expect(await pos.graphql({ query: '{ loyaltyTiers { id } }' })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });

    const saved = await pos.saveConfig({ token: TOKEN, currencyCode: 'EUR' });
    expect(saved).toMatchObject({ ok: true, value: { hasToken: true, currencyCode: 'EUR', storeId: 'store-001', tillId: 'till-01' } });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);
    expect(JSON.stringify(await pos.getConfig())).not.toContain(TOKEN);

    const result = await pos.graphql({ query: '{ loyaltyTiers { id name } }', variables: {}, operationName: undefined });
    expect(result).toEqual({ ok: true, value: { status: 200, body: '{"data":{"tiers":[{"id":"t1","name":"Silver"}]}}' } });
    expect(graph.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('refuses bad payloads with a reason, and requests from anything but the till page', async () => {
    expect(await pos.graphql({ query: 42 } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: 'query must be a non-empty string' } });
    expect(await pos.saveConfig({ wedgeMaxGapMs: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    bus.sender.trusted = false;
    expect(await pos.getConfig()).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/not sent by the till window/) } });
  });

  it('answers an IpcResult even when IPC itself fails (an argument that cannot be copied)', async () => {
    const result = await pos.enqueueEarn({ idempotencyKey: 'k', callback: () => 1 } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/could not be asked/) } });
  });

  it('queues an earn on disk, starts a replay and reports the queue', async () => {
    const input = { idempotencyKey: 'sale-9:earn', memberId: 'm-1', sale: { id: '9', channel: 'store', currencyCode: 'GBP', lines: [] } };
    expect(await pos.enqueueEarn(input)).toEqual({ ok: true, value: { pending: 1, lastError: null } });
    expect(await pos.enqueueEarn(input)).toEqual({ ok: true, value: { pending: 1, lastError: null } });
    expect(await pos.queueStatus()).toEqual({ ok: true, value: { pending: 1, lastError: null } });
    expect(replays).toBe(2);
    expect(JSON.parse(await readFile(path.join(userData, QUEUE_FILE), 'utf8')).items[0].input).toEqual(input);
  });

  it('prints a receipt document with its HTML up to 200 KB', async () => {
    expect(await pos.printReceipt({ receipt: SAMPLE_RECEIPT, html: '<h1>Thank you</h1>' })).toEqual({ ok: true, value: true });
    expect(await pos.printReceipt({ receipt: SAMPLE_RECEIPT, html: 'x'.repeat(200 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await pos.printReceipt({ receipt: { ...SAMPLE_RECEIPT, lines: 'all' }, html: '<p/>' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(printed).toEqual(['<h1>Thank you</h1>']);
  });

  it('reads the catalogue file main is configured with, listing its problems', async () => {
    await writeFile(catalogueFile, 'barcode,productId,name,price\n5000112637922,lipstick-red,Lipstick,12.99\n5000112637923,bad,Bad,1\n');
    const answer = await pos.getCatalogue();
    expect(answer).toEqual({
      ok: true,
      value: {
        file: catalogueFile,
        products: [{ barcode: '5000112637922', productId: 'lipstick-red', name: 'Lipstick', categoryId: null, unitPrice: 1299 }],
        problems: ['line 3: barcode 5000112637923 is not a GTIN with a valid check digit'],
      },
    });
  });
});

describe('window.pos device events', () => {
  const scan: DeviceEvent = { kind: 'barcode-scanned', data: '0420000000013', symbology: ']E0', deviceId: 'scanner' };

  it('delivers events without the IPC event object, until unsubscribed', () => {
    const seen: unknown[][] = [];
    const stop = pos.onDeviceEvent((...args: unknown[]) => seen.push(args));
    bus.sendToRenderer(IPC.deviceEvent, scan);
    stop();
    bus.sendToRenderer(IPC.deviceEvent, scan);
    expect(seen).toEqual([[scan]]);
  });

  it('gives a late subscriber the latest status of each device, but not old scans', async () => {
    bus.sendToRenderer(IPC.deviceEvent, { kind: 'device-status', deviceId: 'scanner', status: 'disconnected', message: 'device not plugged in' });
    bus.sendToRenderer(IPC.deviceEvent, { kind: 'device-status', deviceId: 'scanner', status: 'connected', message: 'Honeywell as barcode' });
    bus.sendToRenderer(IPC.deviceEvent, { kind: 'device-status', deviceId: 'card-reader', status: 'error', message: 'cannot open' });
    bus.sendToRenderer(IPC.deviceEvent, scan);
    const seen: DeviceEvent[] = [];
    const stop = pos.onDeviceEvent((event) => seen.push(event));
    await Promise.resolve();
    stop();
    expect(seen).toEqual([
      { kind: 'device-status', deviceId: 'scanner', status: 'connected', message: 'Honeywell as barcode' },
      { kind: 'device-status', deviceId: 'card-reader', status: 'error', message: 'cannot open' },
    ]);
  });

  it('ignores malformed pushes and keeps other listeners going when one throws', () => {
    const seen: DeviceEvent[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stopBad = pos.onDeviceEvent(() => {
      throw new Error('listener bug');
    });
    const stopGood = pos.onDeviceEvent((event) => seen.push(event));
    bus.sendToRenderer(IPC.deviceEvent, { kind: 'rm -rf' });
    bus.sendToRenderer(IPC.deviceEvent, 'nonsense');
    bus.sendToRenderer(IPC.deviceEvent, scan);
    stopBad();
    stopGood();
    errors.mockRestore();
    expect(seen.filter((e) => e.kind !== 'device-status')).toEqual([scan]);
  });
});
