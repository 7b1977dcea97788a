import { describe, expect, it } from 'vitest';
import { BootKeyboardDecoder } from './boot-keyboard';
import type { DecodeOutcome } from './events';
import { loadFixture } from './fixtures/load';

const RELEASE = [0, 0, 0, 0, 0, 0, 0, 0];
const key = (usage: number, modifier = 0): number[] => [modifier, 0, usage, 0, 0, 0, 0, 0];

/** Pushes reports 5 ms apart and returns every outcome. */
function feed(decoder: BootKeyboardDecoder, reports: number[][], startMs = 0): DecodeOutcome[] {
  return reports.flatMap((report, i) => decoder.push(Uint8Array.from(report), startMs + i * 5));
}

describe('boot keyboard reports from keyboard-mode devices', () => {
  it('types a coupon code with shifted letters, ignoring held keys and rollover reports', () => {
    const recording = loadFixture('keyboard-coupon-and-swipe.hid');
    const decoder = new BootKeyboardDecoder({ deviceId: 'kbd' });
    const events = recording.reports.flatMap((report) => decoder.push(report.data, report.timeUs / 1000));
    expect(events).toEqual([
      { ok: true, event: { kind: 'barcode-scanned', data: 'LX-7K2Q', symbology: null, deviceId: 'kbd' } },
      { ok: true, event: { kind: 'card-read', cardNumber: '0420000000013', track: 2, deviceId: 'kbd' } },
    ]);
  });

  it('maps shifted digits and punctuation with either Shift key', () => {
    const decoder = new BootKeyboardDecoder();
    const outcomes = feed(decoder, [
      key(0x1e, 0x02), // !
      RELEASE,
      key(0x1f, 0x20), // @ (right Shift)
      RELEASE,
      key(0x2d, 0x02), // _
      RELEASE,
      key(0x38), // /
      RELEASE,
      key(0x27), // 0
      RELEASE,
      key(0x2c), // space
      RELEASE,
      key(0x34, 0x20), // "
      RELEASE,
      key(0x2b), // Tab ends the scan
      RELEASE,
    ]);
    expect(outcomes).toEqual([{ ok: true, event: { kind: 'barcode-scanned', data: '!@_/0 "', symbology: null } }]);
  });

  it('counts a key held across reports once, but a second press twice', () => {
    const decoder = new BootKeyboardDecoder();
    const outcomes = feed(decoder, [key(0x1e), key(0x1e), key(0x1e), RELEASE, key(0x1e), RELEASE, key(0x28)]);
    expect(outcomes).toEqual([{ ok: true, event: expect.objectContaining({ data: '11' }) }]);
  });

  it('reads several new keys in one report in slot order', () => {
    const decoder = new BootKeyboardDecoder();
    // a held, then b and c join it: only b and c are new.
    const outcomes = feed(decoder, [key(0x04), [0, 0, 0x04, 0x05, 0x06, 0, 0, 0], RELEASE, key(0x58)]);
    expect(outcomes).toEqual([{ ok: true, event: expect.objectContaining({ data: 'abc' }) }]);
  });

  it('splits an AIM prefix sent in keyboard mode off the data', () => {
    const decoder = new BootKeyboardDecoder();
    // "]E0" then 1 2 Enter: ] is 0x30, E is shift+0x08, 0 is 0x27.
    const outcomes = feed(decoder, [key(0x30), RELEASE, key(0x08, 0x02), RELEASE, key(0x27), RELEASE, key(0x1e), RELEASE, key(0x1f), RELEASE, key(0x28)]);
    expect(outcomes).toEqual([
      { ok: true, event: { kind: 'barcode-scanned', data: '12', symbology: ']E0', symbologyName: 'EAN/UPC' } },
    ]);
  });

  it('ignores Ctrl chords, unknown keys and an Enter without text', () => {
    const decoder = new BootKeyboardDecoder();
    const outcomes = feed(decoder, [key(0x28), RELEASE, key(0x04, 0x01), RELEASE, key(0x3a), RELEASE, key(0x05), RELEASE, key(0x28)]);
    expect(outcomes).toEqual([{ ok: true, event: expect.objectContaining({ data: 'b' }) }]);
  });

  it('drops unfinished text after the timeout and rejects wrong-length reports', () => {
    const decoder = new BootKeyboardDecoder({ timeoutMs: 50 });
    expect(feed(decoder, [key(0x04), RELEASE])).toEqual([]);
    expect(decoder.push(Uint8Array.from(key(0x05)), 1_000)).toEqual([
      { ok: false, reason: 'no Enter within 50 ms of the last key; discarded "a"' },
    ]);
    expect(decoder.push(Uint8Array.from([0, 0, 0x05]), 1_001)).toEqual([
      { ok: false, reason: 'keyboard report must be 8 bytes, got 3; discarded "b"' },
    ]);
  });

  it('accepts 9-byte reports that carry a report id', () => {
    const decoder = new BootKeyboardDecoder();
    const outcomes = feed(decoder, [[1, ...key(0x04)], [1, ...RELEASE], [1, ...key(0x28)]]);
    expect(outcomes).toEqual([{ ok: true, event: expect.objectContaining({ data: 'a' }) }]);
  });

  it('rejects a keyboard-mode swipe whose track is unreadable', () => {
    const decoder = new BootKeyboardDecoder();
    // ";E?" + Enter: ; is 0x33, E shift+0x08, ? shift+0x38.
    const outcomes = feed(decoder, [key(0x33), RELEASE, key(0x08, 0x02), RELEASE, key(0x38, 0x02), RELEASE, key(0x28)]);
    expect(outcomes).toEqual([{ ok: false, reason: 'track 2: reader reported a read error' }]);
  });
});
