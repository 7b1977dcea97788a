import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BootKeyboardDecoder } from './boot-keyboard';
import { classifyScan } from './classify';
import { createDecoder, DEVICE_KINDS } from './decoders';
import { decodeHidPosReport, HidPosAssembler } from './hid-pos';
import { cardFromSwipeText, parseTrack1, parseTrack2 } from './iso7813';
import { decodeMagTekReport } from './magtek';
import { parseRecording, RecordingParseError } from './recording';

/** Byte arrays of every size the decoders care about, including exactly the expected sizes. */
const reportBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.uint8Array({ minLength: 63, maxLength: 64 }),
  fc.uint8Array({ minLength: 8, maxLength: 9 }),
  fc.uint8Array({ minLength: 337, maxLength: 337 }),
);

/** Reports that look like HID-POS (report id, small length, AIM) with random rest, to reach deep paths. */
const hidPosLike = fc
  .tuple(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.integer({ min: 0, max: 70 }), fc.constantFrom(']E0', ']Q1', ']C1'), fc.boolean())
  .map(([bytes, length, aim, continues]) => {
    bytes[0] = 0x02;
    bytes[1] = length;
    bytes.set(Buffer.from(aim), 2);
    bytes[63] = continues ? 1 : 0;
    return bytes;
  });

describe('decoders on arbitrary bytes', () => {
  it('never throw and always answer with an event or a reason', () => {
    fc.assert(
      fc.property(reportBytes, (bytes) => {
        const hidPos = decodeHidPosReport(bytes);
        expect(hidPos.ok || hidPos.reason.length > 0).toBe(true);
        const magtek = decodeMagTekReport(bytes);
        expect(magtek.ok || magtek.reason.length > 0).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('stateful decoders never throw on any sequence of reports', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEVICE_KINDS),
        fc.array(fc.tuple(fc.oneof(reportBytes, hidPosLike), fc.nat({ max: 2_000 })), { maxLength: 30 }),
        (kind, reports) => {
          const decoder = createDecoder(kind, { timeoutMs: 500 });
          let atMs = 0;
          for (const [bytes, gap] of reports) {
            atMs += gap;
            for (const outcome of decoder.push(bytes, atMs)) {
              expect(outcome.ok || outcome.reason.length > 0).toBe(true);
            }
          }
          decoder.expire(Number.POSITIVE_INFINITY);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any payload split into HID-POS reports of any sizes comes back as one scan', () => {
    const payload = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(payload, fc.array(fc.integer({ min: 1, max: 56 }), { minLength: 1, maxLength: 300 }), (text, sizes) => {
        const reports: Uint8Array[] = [];
        for (let start = 0, i = 0; start < text.length; i++) {
          const chunk = text.slice(start, start + sizes[i % sizes.length]!);
          start += chunk.length;
          const report = new Uint8Array(64);
          report.set([0x02, chunk.length, 0x5d, 0x51, 0x31], 0);
          report.set(Buffer.from(chunk, 'latin1'), 5);
          report[63] = start < text.length ? 1 : 0;
          reports.push(report);
        }
        const assembler = new HidPosAssembler();
        const outcomes = reports.flatMap((report, i) => assembler.push(report, i));
        expect(outcomes).toEqual([{ ok: true, event: { kind: 'barcode-scanned', data: text, symbology: ']Q1', symbologyName: 'QR Code' } }]);
      }),
    );
  });

  it('keyboard decoding of random 8-byte reports never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 60 }), (reports) => {
        const decoder = new BootKeyboardDecoder();
        reports.forEach((report, i) => decoder.push(report, i));
      }),
    );
  });

  it('text parsers never throw', () => {
    const trackish = fc.string({ unit: fc.constantFrom(...'%;?^=/B0123456789 ABCDEFE'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), trackish), (text) => {
        parseTrack1(text);
        parseTrack2(text);
        cardFromSwipeText(text);
        expect(classifyScan(text).kind).toMatch(/^(loyalty-card|coupon|product|unknown)$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a malformed recording fails only with a RecordingParseError', () => {
    const lineish = fc.string({ unit: fc.constantFrom(...'NIREPD#: 0123456789abcdefx.\n'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(lineish, (text) => {
        try {
          parseRecording(text);
        } catch (error) {
          expect(error).toBeInstanceOf(RecordingParseError);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
