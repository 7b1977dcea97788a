/**
 * Which printer a receipt goes to, from the settings: an ESC/POS thermal printer gets the bytes
 * main renders from the receipt document (`src/shared/escpos.ts`); a system printer gets the
 * HTML, printed by Chromium in a locked-down window (`receipt-printer.ts`).
 */
import { renderEscPos } from '../shared/escpos';
import type { PrintJob } from '../shared/ipc';
import type { PrinterConfig } from './config-store';

export interface ReceiptPrintingDeps {
  printer: () => Promise<PrinterConfig>;
  sendEscPos: (target: string, bytes: Uint8Array) => Promise<void>;
  printHtml: (html: string, options: { deviceName?: string | undefined }) => Promise<void>;
}

export function createReceiptPrinting(deps: ReceiptPrintingDeps): (job: PrintJob) => Promise<void> {
  return async (job) => {
    const printer = await deps.printer();
    if (printer.kind === 'escpos') return deps.sendEscPos(printer.target, renderEscPos(job.receipt, printer.widthMm));
    return deps.printHtml(job.html, { deviceName: printer.name });
  };
}
