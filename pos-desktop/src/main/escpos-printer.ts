/**
 * Sends ESC/POS bytes to a thermal receipt printer: over the network (`tcp://host:9100`, the
 * raw port nearly every Ethernet receipt printer listens on) or to a device file (`/dev/usb/lp0`
 * on Linux, `COM3` or `\\.\LPT1` on Windows). Plain Node, tested against a local server and a
 * temporary file.
 */
import { open } from 'node:fs/promises';
import { connect } from 'node:net';

export const PRINTER_TIMEOUT_MS = 10_000;

export async function sendToPrinter(target: string, bytes: Uint8Array, timeoutMs = PRINTER_TIMEOUT_MS): Promise<void> {
  const tcp = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(target);
  if (tcp) return sendTcp(tcp[1]!, Number(tcp[2]), bytes, timeoutMs);
  const file = await open(target, 'a');
  try {
    await file.write(bytes);
  } finally {
    await file.close();
  }
}

function sendTcp(host: string, port: number, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`the printer at ${host}:${port} did not answer within ${Math.round(timeoutMs / 1000)} s`)));
    socket.once('error', (error) => fail(new Error(`the printer at ${host}:${port} cannot be reached: ${error.message}`)));
    socket.once('connect', () => socket.end(bytes));
    socket.once('close', (hadError) => {
      if (!hadError) resolve();
    });
  });
}
