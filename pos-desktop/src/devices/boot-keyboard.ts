/**
 * Keyboard-mode scanners and stripe readers opened over hidraw: 8-byte boot keyboard reports
 * (`modifier, reserved, key1..key6`) turned back into the text the device "typed".
 *
 * Only key-down transitions count: a key still held in the next report is the same press. The
 * text ends at Enter (main or keypad) or Tab, the usual scanner suffixes; ISO 7813 track text
 * becomes a `card-read`, anything else a `barcode-scanned`. US layout, as scanners ship.
 */
import { barcodeEventFromText } from './barcode-event';
import { cardFromSwipeText, looksLikeTrackText } from './iso7813';
import type { DecodeOutcome, ReportDecoder } from './events';

export const BOOT_KEYBOARD_REPORT_BYTES = 8;
const SHIFT = 0x02 | 0x20;
/** Ctrl, Alt and GUI on either side: a chord with them is not text. */
const NON_TEXT_MODIFIERS = 0x01 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80;
/** Keyboard page usage a device reports in every slot when too many keys are down. */
const ROLLOVER_ERROR = 0x01;
const ENTER = 0x28;
const TAB = 0x2b;
const KEYPAD_ENTER = 0x58;

/** Usage → [unshifted, shifted] for the keys a scanner types. */
const KEYMAP: ReadonlyMap<number, readonly [string, string]> = new Map<number, readonly [string, string]>([
  ...Array.from({ length: 26 }, (_, i): [number, [string, string]] => {
    const letter = String.fromCharCode(0x61 + i);
    return [0x04 + i, [letter, letter.toUpperCase()]];
  }),
  ...[...'1234567890'].map((digit, i): [number, [string, string]] => [0x1e + i, [digit, '!@#$%^&*()'[i]]]),
  [0x2c, [' ', ' ']],
  [0x2d, ['-', '_']],
  [0x2e, ['=', '+']],
  [0x2f, ['[', '{']],
  [0x30, [']', '}']],
  [0x31, ['\\', '|']],
  [0x33, [';', ':']],
  [0x34, ["'", '"']],
  [0x35, ['`', '~']],
  [0x36, [',', '<']],
  [0x37, ['.', '>']],
  [0x38, ['/', '?']],
  // Keypad: some scanners "type" digits on the keypad (Alt-code emulation off, Num Lock assumed on).
  [0x54, ['/', '/']],
  [0x55, ['*', '*']],
  [0x56, ['-', '-']],
  [0x57, ['+', '+']],
  ...[...'1234567890'].map((digit, i): [number, [string, string]] => [0x59 + i, [digit, digit]]),
  [0x63, ['.', '.']],
]);

export interface BootKeyboardOptions {
  /** Longest gap between keys of one scan, in ms; after a longer gap the unfinished text is dropped. */
  readonly timeoutMs?: number;
  /** Longest text accepted, in characters; guards against a device that never sends Enter. */
  readonly maxChars?: number;
  readonly deviceId?: string;
}

/**
 * Stateful decoder for one keyboard-mode device. Time comes from the caller: no timers inside.
 */
export class BootKeyboardDecoder implements ReportDecoder {
  private readonly timeoutMs: number;
  private readonly maxChars: number;
  private held = new Set<number>();
  private text = '';
  private lastAtMs = 0;

  constructor(private readonly options: BootKeyboardOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 500;
    this.maxChars = options.maxChars ?? 4096;
  }

  /**
   * @param report 8 bytes, or 9 with a leading report id (composite devices number their reports)
   */
  push(report: Uint8Array, atMs: number): DecodeOutcome[] {
    const outcomes = this.expire(atMs);
    let keys: Uint8Array;
    if (report.length === BOOT_KEYBOARD_REPORT_BYTES) keys = report;
    else if (report.length === BOOT_KEYBOARD_REPORT_BYTES + 1) keys = report.subarray(1);
    else {
      return [...outcomes, { ok: false, reason: this.discardWith(`keyboard report must be 8 bytes, got ${report.length}`) }];
    }
    const modifier = keys[0];
    const slots = Array.from(keys.subarray(2));
    // Phantom state: the device cannot say which keys are down. Keep the previous state.
    if (slots.every((usage) => usage === ROLLOVER_ERROR)) return outcomes;

    const down = slots.filter((usage) => usage !== 0);
    const pressed = down.filter((usage) => !this.held.has(usage));
    this.held = new Set(down);
    if (pressed.length > 0) this.lastAtMs = atMs;

    const shifted = (modifier & SHIFT) !== 0;
    const chord = (modifier & NON_TEXT_MODIFIERS) !== 0;
    for (const usage of pressed) {
      if (usage === ENTER || usage === KEYPAD_ENTER || usage === TAB) {
        const finished = this.finish();
        if (finished) outcomes.push(finished);
        continue;
      }
      const chars = chord ? undefined : KEYMAP.get(usage);
      if (chars === undefined) continue; // function keys, arrows, Ctrl chords: not part of a scan
      this.text += chars[shifted ? 1 : 0];
      if (this.text.length > this.maxChars) {
        outcomes.push({ ok: false, reason: this.discardWith(`typed text longer than ${this.maxChars} characters without Enter`) });
      }
    }
    return outcomes;
  }

  expire(atMs: number): DecodeOutcome[] {
    if (this.text === '' || atMs - this.lastAtMs <= this.timeoutMs) return [];
    return [{ ok: false, reason: this.discardWith(`no Enter within ${this.timeoutMs} ms of the last key`) }];
  }

  private finish(): DecodeOutcome | undefined {
    const text = this.text;
    this.text = '';
    if (text === '') return undefined;
    if (looksLikeTrackText(text)) {
      const card = cardFromSwipeText(text, this.options.deviceId);
      return card.ok ? { ok: true, event: card.value } : { ok: false, reason: card.reason };
    }
    return { ok: true, event: barcodeEventFromText(text, this.options.deviceId) };
  }

  private discardWith(reason: string): string {
    const full = this.text === '' ? reason : `${reason}; discarded ${JSON.stringify(this.text)}`;
    this.text = '';
    return full;
  }
}
