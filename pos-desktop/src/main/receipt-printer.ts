/**
 * Prints the receipt HTML the renderer made, in a hidden window that can do nothing else: no
 * scripts, no preload, no network (its own in-memory session cancels every request but the
 * page itself), no navigation (see main.ts). Thin on purpose: Electron only.
 */
import { BrowserWindow, session } from 'electron';

const PARTITION = 'receipt-printer';
let sessionReady = false;

export interface ReceiptPrinterOptions {
  /** The printer's system name (POS_RECEIPT_PRINTER); the default printer when unset. */
  readonly deviceName?: string | undefined;
  /** Print without a dialog (a till prints to its receipt printer); default true. */
  readonly silent?: boolean;
}

export async function printReceiptHtml(html: string, options: ReceiptPrinterOptions = {}): Promise<void> {
  const receiptSession = session.fromPartition(PARTITION);
  if (!sessionReady) {
    receiptSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    receiptSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    sessionReady = true;
  }
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: receiptSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        { silent: options.silent ?? true, printBackground: true, ...(options.deviceName ? { deviceName: options.deviceName } : {}) },
        (success, failureReason) => (success ? resolve() : reject(new Error(failureReason || 'the printer refused the job'))),
      );
    });
  } finally {
    window.destroy();
  }
}
