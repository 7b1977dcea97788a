import { describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../shared/fixtures/sample-receipt';
import { IPC, type PrintJob, type TillConfig } from '../shared/ipc';
import { registerIpcHandlers, REQUEST_CHANNELS, type IpcDependencies, type IpcMainLike } from './ipc-handlers';
import { memoryLogger } from './testing/support';

interface FakeEvent {
  trusted: boolean;
}

/** ipcMain stand-in: keeps the handlers so the test can call them as Electron would. */
class FakeIpcMain implements IpcMainLike<FakeEvent> {
  readonly handlers = new Map<string, (event: FakeEvent, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: FakeEvent, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  call(channel: string, args: unknown[], trusted = true): Promise<unknown> {
    return this.handlers.get(channel)!({ trusted }, ...args);
  }
}

const CONFIG: TillConfig = {
  graphqlUrl: 'http://localhost:4001/graphql',
  storeId: 's',
  tillId: 't',
  storeName: 'S',
  productQuery: null,
  productMapping: null,
  currencyCode: 'GBP',
  wedgeMinLength: 6,
  wedgeMaxGapMs: 35,
  wedgeTerminators: ['Enter'],
  hasToken: true,
};
const JOB: PrintJob = { receipt: SAMPLE_RECEIPT, html: '<p>Thanks</p>' };

function setup(overrides: Partial<IpcDependencies<FakeEvent>> = {}) {
  const ipcMain = new FakeIpcMain();
  const log = memoryLogger();
  const calls: string[] = [];
  const deps: IpcDependencies<FakeEvent> = {
    isTrustedSender: (event) => event.trusted,
    config: {
      get: async () => CONFIG,
      save: async (patch) => {
        calls.push(`save ${JSON.stringify(patch)}`);
        return { ...CONFIG, ...patch, hasToken: true } as TillConfig;
      },
    },
    graphql: { send: async () => ({ ok: true, value: { status: 200, body: '{}' } }) },
    queue: { enqueue: async () => ({ pending: 1, lastError: null }), status: async () => ({ pending: 0, lastError: null }) },
    replayQueue: () => calls.push('replay'),
    printReceipt: async (job) => {
      calls.push(`print ${job.html} ${job.receipt.saleId}`);
    },
    catalogue: async () => {
      calls.push('catalogue');
      return { products: [], file: '/x.csv', problems: [] };
    },
    log,
    ...overrides,
  };
  const remove = registerIpcHandlers(ipcMain, deps);
  return { ipcMain, log, calls, remove };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per request channel, and removes them again', () => {
    const { ipcMain, remove } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(REQUEST_CHANNELS).toEqual(Object.values(IPC).filter((channel) => channel !== IPC.deviceEvent));
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers nothing but a refusal to an untrusted sender, on every channel', async () => {
    const { ipcMain, calls, log } = setup();
    for (const channel of REQUEST_CHANNELS) {
      expect(await ipcMain.call(channel, [], false)).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: 'Refused: not sent by the till window' } });
    }
    expect(await ipcMain.call(IPC.printReceipt, [JOB], false)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(log.lines.filter((l) => l.message.includes('untrusted sender'))).toHaveLength(REQUEST_CHANNELS.length + 1);
  });

  it('checks the payload before doing anything', async () => {
    const { ipcMain, calls } = setup();
    expect(await ipcMain.call(IPC.saveConfig, [{ storeId: 'bad id' }])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await ipcMain.call(IPC.saveConfig, [])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/exactly one/) } });
    expect(await ipcMain.call(IPC.getConfig, ['extra'])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await ipcMain.call(IPC.enqueueEarn, [{ idempotencyKey: 'k' }])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await ipcMain.call(IPC.printReceipt, [42])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await ipcMain.call(IPC.printReceipt, ['<p>Thanks</p>'])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await ipcMain.call(IPC.printReceipt, [{ ...JOB, receipt: { ...SAMPLE_RECEIPT, total: 1.5 } }])).toMatchObject({ ok: false, error: { message: 'receipt.total must be a whole number' } });
    expect(await ipcMain.call(IPC.getCatalogue, ['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(calls).toEqual([]);
  });

  it('saves checked settings, queues earns and starts a replay, prints receipts', async () => {
    const { ipcMain, calls } = setup();
    expect(await ipcMain.call(IPC.saveConfig, [{ storeId: 'store-2' }])).toMatchObject({ ok: true, value: { storeId: 'store-2' } });
    const earn = { idempotencyKey: 'k', memberId: 'm', sale: { id: '1', channel: 'store' } };
    expect(await ipcMain.call(IPC.enqueueEarn, [earn])).toEqual({ ok: true, value: { pending: 1, lastError: null } });
    expect(await ipcMain.call(IPC.printReceipt, [JOB])).toEqual({ ok: true, value: true });
    expect(await ipcMain.call(IPC.getCatalogue, [])).toEqual({ ok: true, value: { products: [], file: '/x.csv', problems: [] } });
    expect(calls).toEqual(['save {"storeId":"store-2"}', 'replay', `print <p>Thanks</p> ${SAMPLE_RECEIPT.saleId}`, 'catalogue']);
  });

  it('never throws across IPC: storage and printer failures keep their code, bugs become INTERNAL without details', async () => {
    const { ipcMain, log } = setup({
      config: {
        get: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        },
        save: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
      graphql: {
        send: async () => {
          throw new Error('secret internals');
        },
      },
      printReceipt: async () => {
        throw new Error('no printer named "Receipt"');
      },
    });
    expect(await ipcMain.call(IPC.saveConfig, [{ storeId: 'store-2' }])).toEqual({
      ok: false,
      error: { code: 'STORAGE', message: 'The till settings could not be saved: ENOSPC: no space left on device' },
    });
    expect(await ipcMain.call(IPC.getConfig, [])).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(await ipcMain.call(IPC.printReceipt, [JOB])).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The receipt could not be printed: no printer named "Receipt"' } });
    const bug = await ipcMain.call(IPC.graphql, [{ query: '{ a }' }]);
    expect(bug).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong in the till; the details are in its log' } });
    expect(log.text()).toContain('secret internals');
  });
});
