/**
 * Event and result types of the device layer. The event shapes live in `src/shared` so the
 * renderer's IPC contract can use them without pulling in Node; they are re-exported here.
 */
export type {
  BarcodeScanned,
  CardRead,
  DeviceConnectionStatus,
  DeviceEvent,
  DeviceStatus,
  InputEvent,
} from '../shared/device-events';

import type { InputEvent } from '../shared/device-events';

/**
 * The result of decoding one report or one piece of text. Decoders never throw on bad input;
 * they say why they refused it so the doctor and the logs can show it.
 */
export type DecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** One thing a stateful decoder has to say after a report: an event, or a rejected report. */
export type DecodeOutcome = { readonly ok: true; readonly event: InputEvent } | { readonly ok: false; readonly reason: string };

/**
 * A decoder fed with the reports of one device, in order. Stateful decoders join multi-report
 * scans; a report may produce nothing yet (an empty array), an event, or a rejection.
 */
export interface ReportDecoder {
  /**
   * @param report the raw input report as read from the device (report id first on numbered reports)
   * @param atMs when the report arrived, in milliseconds on any monotonic clock
   */
  push(report: Uint8Array, atMs: number): DecodeOutcome[];
  /** Drops a scan in progress that has been idle too long at `atMs`; reports it as rejected. */
  expire(atMs: number): DecodeOutcome[];
}

export const ok = <T>(value: T): DecodeResult<T> => ({ ok: true, value });
export const fail = (reason: string): { readonly ok: false; readonly reason: string } => ({ ok: false, reason });
