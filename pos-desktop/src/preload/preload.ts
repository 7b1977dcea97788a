/**
 * The till's preload script: exposes exactly `PosApi` as `window.pos`, one function per IPC
 * channel, and never `ipcRenderer` itself (nor the IPC event, whose `sender` is ipcRenderer).
 *
 * It runs sandboxed, where `require` knows only `electron` and a few Node built-ins, not our own
 * files. So it is compiled on its own to CommonJS, imports only types from `src/shared`, and
 * keeps a copy of the channel names (a test checks the copy equals `IPC`, and another that this
 * file imports nothing else at run time).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeviceEvent, DeviceStatus } from '../shared/device-events';
import type { IpcResult, PosApi } from '../shared/ipc';

/** Copy of `IPC` from `src/shared/ipc.ts` (the sandbox cannot load that file). */
export const CHANNELS = {
  getConfig: 'pos:get-config',
  saveConfig: 'pos:save-config',
  graphql: 'pos:graphql',
  enqueueEarn: 'pos:enqueue-earn',
  queueStatus: 'pos:queue-status',
  printReceipt: 'pos:print-receipt',
  getCatalogue: 'pos:get-catalogue',
  deviceEvent: 'pos:device-event',
} as const;

/** The part of `ipcRenderer` the API uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isDeviceEvent(value: unknown): value is DeviceEvent {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'barcode-scanned' || kind === 'card-read' || kind === 'device-status';
}

/**
 * Builds the API over `ipc`. Device events are received from the moment the preload runs; the
 * latest status of each device is kept and given to every new listener (right after it
 * subscribes), so a screen that subscribes late still knows whether the scanner is connected.
 * Scans and card reads are delivered only to the listeners present at the time.
 */
export function createPosApi(ipc: IpcRendererLike): PosApi {
  const listeners = new Set<(event: DeviceEvent) => void>();
  const statuses = new Map<string, DeviceStatus>();

  const deliver = (listener: (event: DeviceEvent) => void, event: DeviceEvent) => {
    try {
      listener(event);
    } catch (error) {
      console.error('A window.pos device listener failed', error);
    }
  };

  ipc.on(CHANNELS.deviceEvent, (_event, payload) => {
    if (!isDeviceEvent(payload)) return;
    if (payload.kind === 'device-status') statuses.set(payload.deviceId, payload);
    for (const listener of [...listeners]) deliver(listener, payload);
  });

  /** Never rejects: a failure of IPC itself (such as an argument that cannot be cloned) is an IpcResult too. */
  const invoke = async <T>(channel: string, ...args: unknown[]): Promise<IpcResult<T>> => {
    try {
      return (await ipc.invoke(channel, ...args)) as IpcResult<T>;
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `The till's main process could not be asked: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };

  const api: PosApi = {
    getConfig: () => invoke(CHANNELS.getConfig),
    saveConfig: (config) => invoke(CHANNELS.saveConfig, config),
    graphql: (request) => invoke(CHANNELS.graphql, request),
    enqueueEarn: (input) => invoke(CHANNELS.enqueueEarn, input),
    queueStatus: () => invoke(CHANNELS.queueStatus),
    printReceipt: (job) => invoke(CHANNELS.printReceipt, job),
    getCatalogue: () => invoke(CHANNELS.getCatalogue),
    onDeviceEvent: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onDeviceEvent needs a function');
      listeners.add(listener);
      const known = [...statuses.values()];
      void Promise.resolve().then(() => {
        for (const status of known) if (listeners.has(listener)) deliver(listener, status);
      });
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return api;
}

contextBridge.exposeInMainWorld('pos', createPosApi(ipcRenderer));
