/**
 * One `ipcMain.handle` per request channel of the IPC contract. Each handler first checks who
 * is asking (the till window's main frame on the till's page), then the payload
 * (`validate.ts`), and always answers an `IpcResult`: nothing is thrown across IPC, and an
 * unexpected failure is logged here and answered as `INTERNAL` without details.
 */
import { IPC, type CatalogueAnswer, type GraphqlRequest, type GraphqlResponse, type IpcErrorCode, type IpcResult, type PrintJob, type QueueStatus, type TillConfig } from '../shared/ipc';
import { describeError, type Logger } from './log';
import { checkConfigPatch, checkEarnInput, checkGraphqlRequest, checkNoArguments, checkPrintJob, type Checked, type TillConfigPatch } from './validate';

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcDependencies<E> {
  /** Whether `event` comes from the till window's main frame showing the till's page. */
  readonly isTrustedSender: (event: E) => boolean;
  readonly config: { get(): Promise<TillConfig>; save(patch: TillConfigPatch): Promise<TillConfig> };
  readonly graphql: { send(request: GraphqlRequest): Promise<IpcResult<GraphqlResponse>> };
  readonly queue: { enqueue(input: Record<string, unknown>): Promise<QueueStatus>; status(): Promise<QueueStatus> };
  /** Starts a replay of the offline queue (fire and forget). */
  readonly replayQueue: () => void;
  /** Prints a receipt on the configured printer; rejects with a message the cashier can read. */
  readonly printReceipt: (job: PrintJob) => Promise<void>;
  /** Reads the configured catalogue file (never rejects for a bad file: its problems are listed). */
  readonly catalogue: () => Promise<CatalogueAnswer>;
  readonly log: Logger;
}

/** The channels the renderer calls (`deviceEvent` goes the other way). */
export const REQUEST_CHANNELS = [IPC.getConfig, IPC.saveConfig, IPC.graphql, IPC.enqueueEarn, IPC.queueStatus, IPC.printReceipt, IPC.getCatalogue] as const;

type Handler = (args: unknown[]) => Promise<IpcResult<unknown>>;

const value = <T>(v: T): IpcResult<T> => ({ ok: true, value: v });
const failure = (code: IpcErrorCode, message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

/** A failure of a step that has its own error code (storage, printing). */
class CodedError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

async function coded<T>(code: IpcErrorCode, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new CodedError(code, `${what}: ${describeError(error)}`);
  }
}

function withPayload<P, T>(check: (value: unknown) => Checked<P>, run: (payload: P) => Promise<IpcResult<T>>): Handler {
  return async (args) => {
    if (args.length !== 1) return failure('INVALID_REQUEST', 'This request takes exactly one argument');
    const checked = check(args[0]);
    return checked.ok ? run(checked.value) : failure('INVALID_REQUEST', checked.message);
  };
}

function withoutPayload<T>(run: () => Promise<IpcResult<T>>): Handler {
  return async (args) => {
    const checked = checkNoArguments(args);
    return checked.ok ? run() : failure('INVALID_REQUEST', checked.message);
  };
}

/** The handlers by channel, before sender checks (exported for tests). */
export function createHandlers<E>(deps: IpcDependencies<E>): Record<(typeof REQUEST_CHANNELS)[number], Handler> {
  return {
    [IPC.getConfig]: withoutPayload(async () => value(await coded('STORAGE', 'The till settings could not be read', () => deps.config.get()))),
    [IPC.saveConfig]: withPayload(checkConfigPatch, async (patch) => value(await coded('STORAGE', 'The till settings could not be saved', () => deps.config.save(patch)))),
    [IPC.graphql]: withPayload(checkGraphqlRequest, (request) => deps.graphql.send(request)),
    [IPC.enqueueEarn]: withPayload(checkEarnInput, async (input) => {
      const status = await coded('STORAGE', 'The earn could not be kept for later', () => deps.queue.enqueue(input));
      deps.replayQueue();
      return value(status);
    }),
    [IPC.queueStatus]: withoutPayload(async () => value(await coded('STORAGE', 'The offline queue could not be read', () => deps.queue.status()))),
    [IPC.printReceipt]: withPayload(checkPrintJob, async (job) => {
      await coded('INTERNAL', 'The receipt could not be printed', () => deps.printReceipt(job));
      return value(true as const);
    }),
    [IPC.getCatalogue]: withoutPayload(async () => value(await coded('STORAGE', 'The catalogue could not be read', () => deps.catalogue()))),
  };
}

/**
 * Registers the handlers on `ipcMain`; returns a function that removes them.
 */
export function registerIpcHandlers<E>(ipcMain: IpcMainLike<E>, deps: IpcDependencies<E>): () => void {
  const handlers = createHandlers(deps);
  for (const channel of REQUEST_CHANNELS) {
    const handler = handlers[channel];
    ipcMain.handle(channel, async (event, ...args) => {
      if (!deps.isTrustedSender(event)) {
        deps.log.warn('IPC request from an untrusted sender refused', { channel });
        return failure('INVALID_REQUEST', 'Refused: not sent by the till window');
      }
      try {
        const result = await handler(args);
        if (!result.ok && result.error.code === 'INVALID_REQUEST') deps.log.warn('Invalid IPC request refused', { channel, problem: result.error.message });
        return result;
      } catch (error) {
        if (error instanceof CodedError) {
          deps.log.error('IPC request failed', { channel, code: error.code, error: error.message });
          return failure(error.code, error.message);
        }
        deps.log.error('IPC handler failed', { channel, error: describeError(error), stack: error instanceof Error ? error.stack : undefined });
        return failure('INTERNAL', 'Something went wrong in the till; the details are in its log');
      }
    });
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}
