import { describe, expect, it } from 'vitest';
import type { DecodeOutcome } from './events';
import { fixtureReports, loadFixture } from './fixtures/load';
import { decodeHidPosReport, HidPosAssembler } from './hid-pos';

/** Feeds a recording through a fresh assembler with the recording's clock. */
function replay(name: string): DecodeOutcome[] {
  const assembler = new HidPosAssembler();
  return loadFixture(name).reports.flatMap((report) => assembler.push(report.data, report.timeUs / 1000));
}

function honeywell(aim: string, data: string, flag = 0): Uint8Array {
  const report = new Uint8Array(64);
  report[0] = 0x02;
  report[1] = data.length;
  report.set(Buffer.from(aim, 'latin1'), 2);
  report.set(Buffer.from(data, 'latin1'), 5);
  report[63] = flag;
  return report;
}

describe('HID-POS scanned data reports', () => {
  it('decodes Honeywell EAN-13 scans with their AIM symbology', () => {
    expect(replay('honeywell-ean13.hid')).toEqual([
      { ok: true, event: { kind: 'barcode-scanned', data: '4006381333931', symbology: ']E0', symbologyName: 'EAN/UPC' } },
      { ok: true, event: { kind: 'barcode-scanned', data: '0420000000013', symbology: ']E0', symbologyName: 'EAN/UPC' } },
    ]);
  });

  it('joins a 60-character QR code sent in two reports into one event', () => {
    const [first, second] = fixtureReports('honeywell-qr-two-reports.hid');
    const assembler = new HidPosAssembler();
    expect(assembler.push(first!, 0)).toEqual([]);
    expect(assembler.pending).toBe(true);
    const outcomes = assembler.push(second!, 2);
    expect(outcomes).toHaveLength(1);
    const event = outcomes[0]!.ok ? outcomes[0]!.event : undefined;
    expect(event).toEqual({
      kind: 'barcode-scanned',
      data: 'https://loyalty.example/c/0420000000013?campaign=SPRING-2027',
      symbology: ']Q1',
      symbologyName: 'QR Code',
    });
    expect(event?.kind === 'barcode-scanned' && event.data.length).toBe(60);
    expect(assembler.pending).toBe(false);
  });

  it('finds the AIM id in a layout shifted right by a vendor byte', () => {
    expect(replay('newland-shifted-layout.hid').map((outcome) => outcome.ok && outcome.event)).toEqual([
      { kind: 'barcode-scanned', data: 'LX-7K2Q', symbology: ']C0', symbologyName: 'Code 128' },
      { kind: 'barcode-scanned', data: '4006381333931', symbology: ']E0', symbologyName: 'EAN/UPC' },
    ]);
  });

  it('reads reports without report id, with and without an AIM id', () => {
    expect(replay('datalogic-no-report-id.hid').map((outcome) => outcome.ok && outcome.event)).toEqual([
      { kind: 'barcode-scanned', data: '0420000000013', symbology: ']E0', symbologyName: 'EAN/UPC' },
      { kind: 'barcode-scanned', data: '4006381333931', symbology: null },
    ]);
  });

  it('rejects short, oversized, zero-length and inconsistent reports, and recovers for the next scan', () => {
    const outcomes = replay('hidpos-garbage.hid');
    const reasons = outcomes.map((outcome) => (outcome.ok ? `event ${outcome.event.kind}` : outcome.reason));
    expect(reasons).toEqual([
      expect.stringContaining('too short: 4 bytes'),
      expect.stringContaining('oversized: 65 bytes'),
      expect.stringContaining('zero-length'),
      expect.stringContaining('length byte says 60 data bytes, the report holds at most 58'),
      expect.stringMatching(/too short: 3 bytes.*discarded 56 bytes of the scan in progress/),
      'event barcode-scanned',
    ]);
    const scanned = outcomes.find((outcome) => outcome.ok);
    expect(scanned?.ok && scanned.event).toMatchObject({ data: '4006381333931' });
  });

  it('drops a partial scan whose continuation comes after the timeout', () => {
    const assembler = new HidPosAssembler({ timeoutMs: 100 });
    expect(assembler.push(honeywell(']Q1', 'A'.repeat(56), 1), 1_000)).toEqual([]);
    expect(assembler.expire(1_100)).toEqual([]);
    const late = assembler.push(honeywell(']Q1', 'tail'), 1_101);
    expect(late).toEqual([
      { ok: false, reason: expect.stringContaining('no continuation within 100 ms; discarded 56 bytes') },
      { ok: true, event: expect.objectContaining({ data: 'tail' }) },
    ]);
  });

  it('refuses a scan whose symbology changes between reports', () => {
    const assembler = new HidPosAssembler();
    assembler.push(honeywell(']Q1', 'first part', 1), 0);
    expect(assembler.push(honeywell(']E0', '4006381333931'), 1)).toEqual([
      { ok: false, reason: expect.stringContaining('symbology changed mid-scan from ]Q1 to ]E0') },
    ]);
    expect(assembler.pending).toBe(false);
  });

  it('stops a scan that never clears its continuation flag', () => {
    const assembler = new HidPosAssembler({ maxScanBytes: 100 });
    expect(assembler.push(honeywell(']Q1', 'x'.repeat(56), 1), 0)).toEqual([]);
    expect(assembler.push(honeywell(']Q1', 'x'.repeat(56), 1), 1)).toEqual([
      { ok: false, reason: expect.stringContaining('scan longer than 100 bytes') },
    ]);
  });

  it('keeps GS1 group separators and decodes UTF-8 payloads', () => {
    const gs1 = decodeHidPosReport(honeywell(']C1', '0104006381333931\u001d10ABC'));
    expect(gs1.ok && gs1.value.symbology).toBe(']C1');
    const assembler = new HidPosAssembler();
    const [outcome] = assembler.push(honeywell(']C1', '0104006381333931\u001d10ABC'), 0);
    expect(outcome?.ok && outcome.event).toMatchObject({ data: '0104006381333931\u001d10ABC', symbologyName: 'GS1-128' });

    const utf8 = new Uint8Array(64);
    const bytes = new TextEncoder().encode('Café');
    utf8.set([0x02, bytes.length, 0x5d, 0x51, 0x31], 0);
    utf8.set(bytes, 5);
    const [qr] = new HidPosAssembler().push(utf8, 0);
    expect(qr?.ok && qr.event).toMatchObject({ data: 'Café' });
  });

  it('honours an explicit report id setting for reports without AIM id', () => {
    // 64 bytes starting 0x02: by default read as report id 2 + length 5.
    const report = new Uint8Array(64);
    report.set([0x02, 0x05, ...Buffer.from('12345')], 0);
    const guessed = decodeHidPosReport(report);
    expect(guessed.ok && new TextDecoder().decode(guessed.value.data)).toBe('12345');
    // Told there is no report id, the 0x02 is the length.
    const told = decodeHidPosReport(report, { hasReportId: false });
    expect(told.ok && Array.from(told.value.data)).toEqual([0x05, 0x31]);
  });

  it('refuses NUL bytes in data that no AIM id vouches for, such as a keyboard report', () => {
    expect(decodeHidPosReport(Uint8Array.from([0x02, 0x00, 0x04, 0, 0, 0, 0, 0]))).toEqual({
      ok: false,
      reason: expect.stringContaining('without AIM id has NUL bytes'),
    });
  });
});
