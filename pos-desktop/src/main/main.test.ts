/**
 * main.ts is thin wiring around Electron, which cannot run here. This test loads it against an
 * in-memory stand-in for the parts of Electron's API it uses and checks the wiring a till relies
 * on: the hardened window, the preload path, the CSP header, navigation and window.open refused,
 * every IPC channel handled, devices configured from the settings file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../shared/ipc';
import { REQUEST_CHANNELS } from './ipc-handlers';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  const state = {
    userData: '' as string,
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    headersListener: undefined as undefined | ((details: unknown, callback: (response: unknown) => void) => void),
    permissionRequest: undefined as undefined | Listener,
    calls: [] as string[],
  };
  class FakeWebContents extends Emitter {
    static nextId = 1;
    readonly id = FakeWebContents.nextId++;
    windowOpenHandler?: (details: { url: string }) => unknown;
    sent: unknown[][] = [];
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    enableSandbox: () => state.calls.push('enableSandbox'),
    setName: (name: string) => state.calls.push(`setName ${name}`),
    getPath: (name: string) => (name === 'userData' ? state.userData : path.join(tmpdir(), 'appData')),
    setPath: (name: string, value: string) => {
      state.calls.push(`setPath ${name}`);
      if (name === 'userData') state.userData = value;
    },
    requestSingleInstanceLock: () => (state.calls.push('requestSingleInstanceLock'), true),
    whenReady: () => Promise.resolve(),
    quit: () => state.calls.push('quit'),
    exit: (code: number) => state.calls.push(`exit ${code}`),
  });
  class FakeWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loaded?: string;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed = () => false;
    loadFile = async (file: string) => {
      this.loaded = `file ${file}`;
    };
    loadURL = async (url: string) => {
      this.loaded = `url ${url}`;
    };
    show() {}
  }
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => void state.handlers.set(channel, listener),
      removeHandler: (channel: string) => void state.handlers.delete(channel),
    },
    Menu: { setApplicationMenu: () => undefined },
    net: { fetch: async () => ({ status: 200, text: async () => '{}' }), isOnline: () => true },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (listener: typeof state.headersListener) => void (state.headersListener = listener) },
        setPermissionRequestHandler: (handler: Listener) => void (state.permissionRequest = handler),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
      },
      fromPartition: () => undefined,
    },
  };
  return { state, electron, FakeWindow };
});

vi.mock('electron', () => fake.electron);

// Before main.ts runs: its own userData, one HID device that is not plugged in (node-hid loads
// for real: the status is "disconnected", or an "error" where its native libraries are missing),
// and no demo token.
const userData = mkdtempSync(path.join(tmpdir(), 'pos-main-wiring-'));
mkdirSync(userData, { recursive: true });
writeFileSync(path.join(userData, 'till-config.json'), JSON.stringify({ version: 1, settings: {}, devices: [{ vendorId: 0xfffe, productId: 0xfffe, deviceId: 'test-scanner' }] }));
vi.stubEnv('POS_USER_DATA_DIR', userData);
vi.stubEnv('LOYALTY_DATA_DIR', path.join(userData, 'no-demo'));
vi.stubEnv('POS_QUEUE_REPLAY_SECONDS', '3600');
vi.stubEnv('POS_LOG_LEVEL', 'silent');
vi.stubEnv('POS_DEV_URL', undefined);

async function started() {
  await import('./main.js');
  await vi.waitFor(() => expect(fake.state.windows[0]?.loaded).toBeDefined());
  return fake.state.windows[0]!;
}

afterAll(async () => {
  fake.electron.app.emit('before-quit');
  vi.unstubAllEnvs();
  await new Promise((resolve) => setTimeout(resolve, 50));
  rmSync(userData, { recursive: true, force: true });
});

describe('main.ts wiring', () => {
  it('enables the sandbox and fixes userData before taking the single-instance lock', async () => {
    await started();
    const { calls } = fake.state;
    expect(calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('setPath userData')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
    expect(fake.state.userData).toBe(userData);
  });

  it('opens one hardened window with the compiled preload and loads the built page', async () => {
    const window = await started();
    expect(fake.state.windows).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.resolve(__dirname, '..', 'preload', 'preload.js'),
    });
    expect(window.loaded).toBe(`file ${path.resolve(__dirname, '..', 'renderer', 'index.html')}`);
  });

  it('handles every request channel, and only for the till page', async () => {
    await started();
    expect([...fake.state.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    const getConfig = fake.state.handlers.get(IPC.getConfig)!;
    const window = fake.state.windows[0]!;
    const pageUrl = `file://${path.resolve(__dirname, '..', 'renderer', 'index.html')}`;
    const fromTill = { sender: window.webContents, senderFrame: { url: pageUrl, parent: null } };
    expect(await getConfig(fromTill)).toMatchObject({ ok: true, value: { hasToken: false } });
    const fromSubFrame = { sender: window.webContents, senderFrame: { url: pageUrl, parent: {} } };
    expect(await getConfig(fromSubFrame)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const fromElsewhere = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await getConfig(fromElsewhere)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('puts the CSP on pages (not on API responses) and refuses permissions', async () => {
    await started();
    const answer = (resourceType: string) =>
      new Promise<unknown>((resolve) => fake.state.headersListener!({ resourceType, responseHeaders: { 'x-a': ['1'] } }, resolve));
    const page = (await answer('mainFrame')) as { responseHeaders: Record<string, string[]> };
    expect(page.responseHeaders['x-a']).toEqual(['1']);
    expect(page.responseHeaders['Content-Security-Policy']![0]).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(await answer('xhr')).toEqual({});
    const granted = await new Promise((resolve) => fake.state.permissionRequest!({}, 'media', resolve));
    expect(granted).toBe(false);
  });

  it('refuses navigation away from the page and every window.open', async () => {
    const window = await started();
    const contents = window.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate(`file://${path.resolve(__dirname, '..', 'renderer', 'index.html')}#/settings`)).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('sends device statuses to the window, and again when the page reloads', async () => {
    const window = await started();
    await vi.waitFor(() => expect(window.webContents.sent.length).toBeGreaterThan(0));
    const [channel, event] = window.webContents.sent[0]!;
    expect(channel).toBe(IPC.deviceEvent);
    expect(event).toMatchObject({ kind: 'device-status' });
    expect(['test-scanner', 'hid']).toContain((event as { deviceId: string }).deviceId);
    const before = window.webContents.sent.length;
    window.webContents.emit('did-finish-load');
    expect(window.webContents.sent.slice(before)).toEqual([[IPC.deviceEvent, event]]);
  });
});
