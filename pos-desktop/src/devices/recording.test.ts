import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from './fixtures/load';
import { formatRecording, parseRecording, RecordingParseError, type HidRecording } from './recording';

const FIXTURES = readdirSync(dirname(fixturePath('x'))).filter((name) => name.endsWith('.hid'));

function parseError(text: string): RecordingParseError {
  try {
    parseRecording(text);
  } catch (error) {
    if (error instanceof RecordingParseError) return error;
    throw error;
  }
  throw new Error('expected a RecordingParseError');
}

describe('hid-recorder recordings', () => {
  it('parses every header line type and the reports', () => {
    const recording = parseRecording(
      [
        '# captured at till 3',
        '# usage-page: 0x8c',
        '# usage: 2',
        'R: 4 05 8c 09 02',
        'N: Honeywell Voyager 1450g',
        'P: usb-0000:00:14.0-1/input0',
        'I: 3 0c2e 0b6a',
        'D: 0',
        '',
        'E: 000001.000250 3 02 0a FF',
        'E: 12.500000 0',
      ].join('\r\n'),
    );
    expect(recording).toEqual({
      comments: ['captured at till 3'],
      usagePage: 0x8c,
      usage: 2,
      descriptor: Uint8Array.from([0x05, 0x8c, 0x09, 0x02]),
      name: 'Honeywell Voyager 1450g',
      phys: 'usb-0000:00:14.0-1/input0',
      bus: 3,
      vendorId: 0x0c2e,
      productId: 0x0b6a,
      reports: [
        { timeUs: 1_000_250, data: Uint8Array.from([0x02, 0x0a, 0xff]) },
        { timeUs: 12_500_000, data: new Uint8Array(0) },
      ],
    });
  });

  it.each(FIXTURES)('writes %s back byte for byte', (name) => {
    const text = readFileSync(fixturePath(name), 'utf8');
    expect(formatRecording(parseRecording(text))).toBe(text);
  });

  it('reads the fixtures with their report counts', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(8);
    expect(loadFixture('honeywell-qr-two-reports.hid').reports.map((report) => report.data.length)).toEqual([64, 64]);
    expect(loadFixture('magtek-loyalty-track2.hid').reports[0]?.data.length).toBe(337);
  });

  it('round-trips any recording through write and parse', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcXYZ 019:/-_.'.split('')), maxLength: 30 });
    const recording: fc.Arbitrary<HidRecording> = fc.record(
      {
        name: text.map((name) => name.trim()),
        phys: text.map((phys) => phys.trim()),
        bus: fc.integer({ min: 0, max: 0xff }),
        vendorId: fc.integer({ min: 0, max: 0xffff }),
        productId: fc.integer({ min: 0, max: 0xffff }),
        descriptor: fc.uint8Array({ maxLength: 80 }),
        usagePage: fc.integer({ min: 0, max: 0xffff }),
        usage: fc.integer({ min: 0, max: 0xffff }),
        comments: fc.array(
          text.map((comment) => comment.trimEnd()).filter((comment) => !/^(usage-page|usage):/.test(comment)),
          { maxLength: 3 },
        ),
        reports: fc.array(
          fc.record({ timeUs: fc.integer({ min: 0, max: 999_999_999_999 }), data: fc.uint8Array({ maxLength: 70 }) }),
          { maxLength: 5 },
        ),
      },
      { requiredKeys: ['comments', 'reports'] },
    );
    fc.assert(
      fc.property(recording, (original) => {
        // Writing fills in the USB bus when ids are given without one; compare what is written.
        const written = formatRecording(original);
        expect(formatRecording(parseRecording(written))).toBe(written);
        const parsed = parseRecording(written);
        expect(parsed.reports).toEqual(original.reports);
        expect(parsed.descriptor).toEqual(original.descriptor);
        expect(parsed.comments).toEqual(original.comments);
        expect(parsed.name).toEqual(original.name);
      }),
    );
  });

  it('names the line of a malformed recording', () => {
    const header = 'N: scanner\nI: 3 0c2e 0b6a\n';
    expect(parseError(`${header}E: 0.000100 2 02\n`).message).toBe('line 3: E: says 2 bytes but lists 1');
    expect(parseError(`${header}E: 0.1 1 02\n`).message).toBe('line 3: E: timestamp must be <seconds>.<6-digit microseconds>, got "0.1"');
    expect(parseError(`${header}\nE: 0.000000 1 2g\n`).message).toBe('line 4: E: byte "2g" is not two hex digits');
    expect(parseError(`${header}E: 0.000000 x 02\n`).message).toBe('line 3: E: must start with the byte count in decimal');
    expect(parseError('I: 3 0c2e\n').message).toBe('line 1: I: needs bus, vendor id and product id in hex, e.g. "I: 3 0c2e 0b61"');
    expect(parseError('# usage-page: scanner\n').message).toBe('line 1: # usage-page: needs a number such as 0x8c, got "scanner"');
    expect(parseError('N: a\nN: b\n').message).toBe('line 2: second N: line; a recording holds one device');
    expect(parseError('D: 1\n').message).toBe('line 1: only single-device recordings (D: 0) are supported');
    expect(parseError('Z: what\n').message).toBe('line 1: unknown line type Z:; expected N:, I:, R:, E:, P:, D: or #');
    expect(parseError('hello\n').message).toBe('line 1: expected "X: ..." or a # comment, got "hello"');
    expect(parseError('R: 3 05 8c\n').line).toBe(1);
  });
});
