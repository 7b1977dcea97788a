import { describe, expect, it } from 'vitest';
import { fixtureReports } from './fixtures/load';
import { cardFromSwipeText, cardFromTracks, parseTrack1, parseTrack2 } from './iso7813';
import { decodeMagTekReport, MAGTEK_REPORT_BYTES } from './magtek';

function magtek(track1: string, track2: string, status: number[] = [0, 0, 0]): Uint8Array {
  const report = new Uint8Array(MAGTEK_REPORT_BYTES);
  report.set(status, 0);
  report.set([track1.length, track2.length, 0], 3);
  report.set(Buffer.from(track1, 'latin1'), 7);
  report.set(Buffer.from(track2, 'latin1'), 117);
  return report;
}

describe('MagTek swipe reports', () => {
  it('reads a loyalty card encoded on track 2 only', () => {
    const [report] = fixtureReports('magtek-loyalty-track2.hid');
    expect(decodeMagTekReport(report!, '0801:0002')).toEqual({
      ok: true,
      value: { kind: 'card-read', cardNumber: '0420000000013', track: 2, deviceId: '0801:0002' },
    });
  });

  it('takes the number from track 2 and the name and expiry from track 1', () => {
    const [report] = fixtureReports('magtek-track1-track2.hid');
    expect(decodeMagTekReport(report!)).toEqual({
      ok: true,
      value: { kind: 'card-read', cardNumber: '6009990000000001', track: 2, name: 'JANE DOE', expiry: '2812' },
    });
  });

  it('rejects decode errors, bad sentinels and wrong report sizes with a reason', () => {
    const results = fixtureReports('magtek-bad-swipes.hid').map((report) => decodeMagTekReport(report));
    expect(results).toEqual([
      { ok: false, reason: 'track 2: reader reported decode error 0x01' },
      { ok: false, reason: 'track 2: missing end sentinel ?' },
      { ok: false, reason: 'MagTek report must be 337 bytes, got 64' },
    ]);
  });

  it('falls back to track 1 when track 2 could not be decoded', () => {
    const result = decodeMagTekReport(magtek('%B6009990000000001^DOE/JANE^2812101?', ';6009990000000001=2812?', [0, 1, 0]));
    expect(result).toEqual({
      ok: true,
      value: { kind: 'card-read', cardNumber: '6009990000000001', track: 1, name: 'JANE DOE', expiry: '2812' },
    });
  });

  it('rejects a swipe with no track data and a track length beyond its field', () => {
    expect(decodeMagTekReport(magtek('', ''))).toEqual({ ok: false, reason: 'swipe without track 1 or track 2 data' });
    const overlong = magtek('', ';1?');
    overlong[4] = 200;
    expect(decodeMagTekReport(overlong)).toEqual({ ok: false, reason: 'track 2: length 200 exceeds the 110-byte field' });
  });
});

describe('ISO 7813 tracks', () => {
  it('parses track 1 with name, expiry and title', () => {
    expect(parseTrack1('%B4111111111111111^SMITH/JOHN Q.MR^2501101000?')).toEqual({
      ok: true,
      value: { pan: '4111111111111111', name: 'JOHN Q SMITH', expiry: '2501' },
    });
  });

  it('accepts a track 1 without expiry (field separator in its place) and without name', () => {
    expect(parseTrack1('%B1234567^^^?')).toEqual({ ok: true, value: { pan: '1234567' } });
  });

  it('rejects malformed track 1', () => {
    expect(parseTrack1('B1234^A^2501?')).toEqual({ ok: false, reason: 'track 1: missing start sentinel %' });
    expect(parseTrack1('%A1234^NAME^2501?')).toEqual({ ok: false, reason: 'track 1: format code "A", expected B' });
    expect(parseTrack1('%B1234NAME2501?')).toEqual({ ok: false, reason: 'track 1: missing field separators ^' });
    expect(parseTrack1('%B12345678901234567890^X^2501?')).toEqual({ ok: false, reason: 'track 1: account number must be 1-19 digits' });
    expect(parseTrack1('%Babc^X^2501?')).toEqual({ ok: false, reason: 'track 1: invalid character 0x61' });
    expect(parseTrack1('%E?')).toEqual({ ok: false, reason: 'track 1: reader reported a read error' });
  });

  it('parses track 2 with and without the = separator', () => {
    expect(parseTrack2(';6009990000000001=28121010000000000?')).toEqual({ ok: true, value: { pan: '6009990000000001', expiry: '2812' } });
    expect(parseTrack2(';0420000000013?')).toEqual({ ok: true, value: { pan: '0420000000013' } });
    // A month of 13 is no date: the number still counts, the expiry is left out.
    expect(parseTrack2(';6009990000000001=2813?')).toEqual({ ok: true, value: { pan: '6009990000000001' } });
  });

  it('rejects malformed track 2', () => {
    expect(parseTrack2('0420000000013?')).toEqual({ ok: false, reason: 'track 2: missing start sentinel ;' });
    expect(parseTrack2(';0420000000013')).toEqual({ ok: false, reason: 'track 2: missing end sentinel ?' });
    expect(parseTrack2(';?')).toEqual({ ok: false, reason: 'track 2: empty' });
    expect(parseTrack2(';04200A0013?')).toEqual({ ok: false, reason: 'track 2: only digits and = are allowed' });
    expect(parseTrack2(`;${'1'.repeat(38)}?`)).toEqual({ ok: false, reason: 'track 2: number longer than 37 digits' });
  });

  it('ignores the name of a track 1 that belongs to another number', () => {
    const card = cardFromTracks({ track1: '%B1111^DOE/JANE^2812?', track2: ';2222=2901?' });
    expect(card).toEqual({ ok: true, value: { kind: 'card-read', cardNumber: '2222', track: 2, expiry: '2901' } });
  });

  it('reads the text a keyboard-mode reader types for a swipe', () => {
    expect(cardFromSwipeText('%B6009990000000001^DOE/JANE^2812101?;6009990000000001=2812101?')).toEqual({
      ok: true,
      value: { kind: 'card-read', cardNumber: '6009990000000001', track: 2, name: 'JANE DOE', expiry: '2812' },
    });
    expect(cardFromSwipeText('0420000000013')).toEqual({ ok: false, reason: 'not ISO 7813 track text' });
    expect(cardFromSwipeText(';E?')).toEqual({ ok: false, reason: 'track 2: reader reported a read error' });
  });
});
