import { readFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../shared/fixtures/sample-receipt';
import type { PrintJob } from '../shared/ipc';
import { renderEscPos } from '../shared/escpos';
import { sendToPrinter } from './escpos-printer';
import { createReceiptPrinting } from './receipt-printing';
import { tempDir } from './testing/support';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A stand-in network receipt printer: keeps what each connection sent. */
async function printerServer(onConnect?: (socket: Socket) => void): Promise<{ target: string; received: Promise<Buffer> }> {
  let deliver!: (b: Buffer) => void;
  const received = new Promise<Buffer>((resolve) => (deliver = resolve));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => {
      deliver(Buffer.concat(chunks));
      socket.end();
    });
    onConnect?.(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { target: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('sending ESC/POS bytes to a printer', () => {
  it('writes them to a network printer over TCP', async () => {
    const printer = await printerServer();
    const bytes = renderEscPos(SAMPLE_RECEIPT, 80);
    await sendToPrinter(printer.target, bytes);
    expect(new Uint8Array(await printer.received)).toEqual(bytes);
  });

  it('writes them to a device file', async () => {
    const { dir, cleanup } = await tempDir();
    closers.push(cleanup);
    const device = path.join(dir, 'lp0');
    await sendToPrinter(device, Uint8Array.from([0x1b, 0x40]));
    await sendToPrinter(device, Uint8Array.from([0x0a]));
    expect([...(await readFile(device))]).toEqual([0x1b, 0x40, 0x0a]);
  });

  it('says which printer cannot be reached or does not answer', async () => {
    const gone = await printerServer();
    await closers.pop()!(); // closed: the port refuses
    await expect(sendToPrinter(gone.target, Uint8Array.from([1]))).rejects.toThrow(/the printer at 127\.0\.0\.1:\d+ cannot be reached: .*ECONNREFUSED/);
    const silent = await printerServer((socket) => socket.pause());
    await expect(sendToPrinter(silent.target, new Uint8Array(8 * 1024 * 1024), 200)).rejects.toThrow(/did not answer within/);
  });
});

describe('choosing the printer for a receipt', () => {
  const job: PrintJob = { receipt: SAMPLE_RECEIPT, html: '<p>receipt</p>' };

  it('sends an ESC/POS printer the bytes of the receipt at its paper width, a system printer the HTML', async () => {
    const sent: [string, Uint8Array][] = [];
    const html: [string, unknown][] = [];
    const deps = { sendEscPos: async (t: string, b: Uint8Array) => void sent.push([t, b]), printHtml: async (h: string, o: unknown) => void html.push([h, o]) };
    await createReceiptPrinting({ ...deps, printer: async () => ({ kind: 'escpos', target: '/dev/usb/lp0', widthMm: 58 }) })(job);
    expect(sent).toEqual([['/dev/usb/lp0', renderEscPos(SAMPLE_RECEIPT, 58)]]);
    await createReceiptPrinting({ ...deps, printer: async () => ({ kind: 'system', name: 'Receipt' }) })(job);
    expect(html).toEqual([['<p>receipt</p>', { deviceName: 'Receipt' }]]);
  });
});
