/**
 * The till's Electron entry: wires the plain modules of `src/main` to Electron. Decisions live
 * in those modules (security.ts, validate.ts, config-store.ts...) where they are unit-tested;
 * this file only connects them, so it stays short.
 *
 * One till window, hardened: context isolation, sandbox, no Node in the page, a strict CSP,
 * navigation and new windows refused, permissions refused, every IPC request checked for its
 * sender and payload.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, net, safeStorage, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { HidHost } from '../devices';
import { IPC } from '../shared/ipc';
import { OfflineEarnQueue } from '../shared/offline-queue';
import { ConfigStore, type SecretCodec } from './config-store';
import { DeviceBridge } from './devices';
import { createEarnSender, QueueReplayer } from './earn-replay';
import { GraphqlClient } from './graphql-client';
import { registerIpcHandlers } from './ipc-handlers';
import { createLogger, describeError } from './log';
import { FileQueueStorage, QUEUE_FILE } from './offline-queue-file';
import { readCatalogueFile } from './catalogue-file';
import { sendToPrinter } from './escpos-printer';
import { printReceiptHtml } from './receipt-printer';
import { createReceiptPrinting } from './receipt-printing';
import { contentSecurityPolicy, isAllowedNavigation, isTrustedSender, resolveAppLocation, type AppLocation, type SenderInfo } from './security';

/** `dist/`: this file is `dist/main/main.js`, next to `dist/preload` and `dist/renderer`. */
const DIST = path.resolve(__dirname, '..');
const RENDERER_INDEX = path.join(DIST, 'renderer', 'index.html');
const PRELOAD = path.join(DIST, 'preload', 'preload.js');
/** The demo catalogue beside `dist/` in the repository (development only: not packaged). */
const DEMO_CATALOGUE = path.resolve(DIST, '..', 'catalogue', 'demo-catalogue.csv');

const log = createLogger();
let tillWindow: BrowserWindow | null = null;

function bootstrap(): void {
  app.enableSandbox();
  app.setName('Loyalty Till');
  // Fixed, so `electron dist/main/main.js` and the packaged app share the settings; before the
  // single-instance lock, which lives in this directory.
  const userData = process.env.POS_USER_DATA_DIR ? path.resolve(process.env.POS_USER_DATA_DIR) : path.join(app.getPath('appData'), 'loyalty-till');
  app.setPath('userData', userData);
  if (!app.requestSingleInstanceLock()) {
    log.warn('The till is already running on this machine (same userData); this copy quits', { userData });
    app.quit();
    return;
  }
  let location: AppLocation;
  try {
    location = resolveAppLocation({ devUrl: process.env.POS_DEV_URL, packaged: app.isPackaged, indexFile: RENDERER_INDEX });
  } catch (error) {
    log.error(describeError(error));
    app.exit(1);
    return;
  }
  app.on('web-contents-created', (_event, contents) => harden(contents, location));
  app.on('second-instance', () => {
    if (!tillWindow) return;
    if (tillWindow.isMinimized()) tillWindow.restore();
    tillWindow.focus();
  });
  // A till has one window: closing it ends the till, on macOS too.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => start(location, userData))
    .catch((error) => {
      log.error('The till could not start', { error: describeError(error), stack: error instanceof Error ? error.stack : undefined });
      app.exit(1);
    });
}

/** Applies to every web contents, the till's and the receipt printer's. */
function harden(contents: WebContents, location: AppLocation): void {
  const allowed = (url: string) => contents === tillWindow?.webContents && isAllowedNavigation(url, location);
  contents.on('will-navigate', (event) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    log.warn('Navigation refused', { url: event.url });
  });
  contents.on('will-redirect', (event) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    log.warn('Redirect refused', { url: event.url });
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links never open a window or a browser (no shell.openExternal anywhere in the till).
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open refused', { url });
    return { action: 'deny' };
  });
}

function secureSession(location: AppLocation): void {
  const ses = session.defaultSession;
  const csp = contentSecurityPolicy(location);
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // The page needs no camera, notifications, WebHID...: devices are read in main.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** safeStorage when it really encrypts; Linux without a keyring only obfuscates ('basic_text'). */
function secretCodec(): SecretCodec | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return safeStorage;
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return null;
    return { webContentsId: event.sender.id, frameUrl: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null; // the frame went away meanwhile
  }
}

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 1 ? value : fallback;
}

async function start(location: AppLocation, userData: string): Promise<void> {
  secureSession(location);
  if (app.isPackaged) Menu.setApplicationMenu(null); // no reload or DevTools shortcuts for cashiers

  const store = new ConfigStore({
    dir: userData,
    env: process.env,
    codec: secretCodec(),
    cwd: process.cwd(),
    log,
    ...(app.isPackaged || !existsSync(DEMO_CATALOGUE) ? {} : { defaultCatalogueFile: DEMO_CATALOGUE }),
  });
  let replayer: QueueReplayer | undefined;
  const client = new GraphqlClient({
    // Chromium's network stack: the OS proxy settings and certificate store apply.
    fetch: (url, init) => net.fetch(url, init),
    endpoint: () => store.graphqlUrl(),
    token: () => store.token(),
    onReachable: () => void replayer?.kick(),
  });
  const queue = new OfflineEarnQueue(new FileQueueStorage(path.join(userData, QUEUE_FILE), log));
  replayer = new QueueReplayer(queue, createEarnSender(client, log), log);
  replayer.start(seconds('POS_QUEUE_REPLAY_SECONDS', 30) * 1000);
  let online = net.isOnline();
  const onlineWatch = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) void replayer.kick();
    online = now;
  }, 5_000);

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Loyalty Till',
    autoHideMenuBar: true,
    kiosk: process.env.POS_KIOSK === '1',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  tillWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    tillWindow = null;
  });

  registerIpcHandlers<IpcMainInvokeEvent>(ipcMain, {
    isTrustedSender: (event) => isTrustedSender(senderInfo(event), window.isDestroyed() ? null : window.webContents.id, location),
    config: store,
    graphql: client,
    queue,
    replayQueue: () => void replayer.kick(),
    printReceipt: createReceiptPrinting({ printer: () => store.printer(), sendEscPos: sendToPrinter, printHtml: printReceiptHtml }),
    catalogue: async () => readCatalogueFile(await store.catalogueFile(), (await store.get()).currencyCode, log),
    log,
  });

  const devices = new DeviceBridge(
    new HidHost({ log: (message) => log.warn(message) }),
    (event) => {
      if (!window.isDestroyed()) window.webContents.send(IPC.deviceEvent, event);
    },
    log,
  );
  window.webContents.on('did-finish-load', () => devices.resend());
  void devices.start(await store.devices());

  app.on('before-quit', () => {
    clearInterval(onlineWatch);
    replayer.stop();
    void devices.stop();
  });

  log.info('Till started', {
    userData,
    page: location.url,
    graphqlUrl: await store.graphqlUrl(),
    tokenSource: await store.tokenSource(),
    tokenStorage: store.tokenStorage,
  });

  if (location.kind === 'file') {
    if (!existsSync(RENDERER_INDEX)) {
      log.error(`The till's page is missing: ${RENDERER_INDEX}. Build it with: npm run -w pos-desktop build:web`);
      app.exit(1);
      return;
    }
    await window.loadFile(RENDERER_INDEX);
  } else {
    await window.loadURL(location.url);
  }
}

bootstrap();
