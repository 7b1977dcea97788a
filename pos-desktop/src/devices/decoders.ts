/**
 * Which decoder reads which device, by HID usage or by the operator's say-so.
 */
import { BootKeyboardDecoder } from './boot-keyboard';
import type { ReportDecoder } from './events';
import { HIDPOS_USAGE_PAGE, HidPosAssembler } from './hid-pos';
import { MagTekDecoder, MSR_USAGE_PAGE } from './magtek';

export const DEVICE_KINDS = ['barcode', 'msr', 'keyboard'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

const GENERIC_DESKTOP = 0x01;
const KEYBOARD = 0x06;
const KEYPAD = 0x07;

export function isDeviceKind(value: string): value is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(value);
}

/**
 * The kind of input device a HID usage names: HID-POS barcode scanner (page 0x8C), magnetic
 * stripe reader (page 0x8E), or keyboard (Generic Desktop keyboard/keypad); null for anything else.
 * @param usage undefined matches any usage on the POS pages
 */
export function kindForUsage(usagePage: number | undefined, usage?: number): DeviceKind | null {
  if (usagePage === HIDPOS_USAGE_PAGE) return 'barcode';
  if (usagePage === MSR_USAGE_PAGE) return 'msr';
  if (usagePage === GENERIC_DESKTOP && (usage === KEYBOARD || usage === KEYPAD)) return 'keyboard';
  return null;
}

export interface DecoderOptions {
  readonly deviceId?: string;
  /** Longest gap inside one multi-report scan or typed scan, in ms. */
  readonly timeoutMs?: number;
}

/** A fresh decoder for one device of the given kind. */
export function createDecoder(kind: DeviceKind, options: DecoderOptions = {}): ReportDecoder {
  switch (kind) {
    case 'barcode':
      return new HidPosAssembler(options);
    case 'msr':
      return new MagTekDecoder(options.deviceId);
    case 'keyboard':
      return new BootKeyboardDecoder(options);
  }
}
