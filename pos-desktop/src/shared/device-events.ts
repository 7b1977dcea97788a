/**
 * Events the device layer (Electron main process) publishes to the rest of the till.
 *
 * This file is part of the shared IPC contract: it must stay free of Node and DOM imports so
 * the main process, the preload script and the renderer can all import it.
 */

/** A barcode read by a scanner (HID-POS or keyboard mode). */
export interface BarcodeScanned {
  readonly kind: 'barcode-scanned';
  /** The decoded text; binary bytes that are not valid UTF-8 are kept one char per byte (latin1). */
  readonly data: string;
  /** AIM symbology identifier such as `]E0`, or null when the device did not send one. */
  readonly symbology: string | null;
  /** Human-readable symbology name derived from the AIM id, e.g. `EAN/UPC`. */
  readonly symbologyName?: string;
  /** Which configured device produced the event (e.g. `0c2e:0b61`). */
  readonly deviceId?: string;
}

/** A magnetic stripe swiped through a reader (or typed by a keyboard-mode reader). */
export interface CardRead {
  readonly kind: 'card-read';
  /** The primary account number: digits only, 1–19 (up to 37 for track-2-only loyalty cards). */
  readonly cardNumber: string;
  /** The ISO 7813 track the number was taken from. */
  readonly track: 1 | 2;
  /** Cardholder name from track 1, `SURNAME/FIRST` turned into `FIRST SURNAME`. */
  readonly name?: string;
  /** Expiry date as `YYMM`, when the card carries a valid one. */
  readonly expiry?: string;
  readonly deviceId?: string;
}

export type DeviceConnectionStatus = 'connected' | 'disconnected' | 'error';

/** A change in a device's connection, published by the HID host. */
export interface DeviceStatus {
  readonly kind: 'device-status';
  readonly deviceId: string;
  readonly status: DeviceConnectionStatus;
  /** Why, for `disconnected` and `error`; safe to show to a cashier or technician. */
  readonly message?: string;
}

/** What a decoder can produce from input reports. */
export type InputEvent = BarcodeScanned | CardRead;

/** Everything the device layer publishes. */
export type DeviceEvent = InputEvent | DeviceStatus;
