/**
 * MagTek HID magnetic-stripe readers (usage page 0x8E): one fixed 337-byte report per swipe,
 * the tracks already decoded to ASCII.
 *
 * | bytes   | content                                  |
 * |---------|------------------------------------------|
 * | 0-2     | decode status of tracks 1-3, 0 = ok      |
 * | 3-5     | data length of tracks 1-3 (max 110 each) |
 * | 6       | card encoding type                       |
 * | 7-116   | track 1                                  |
 * | 117-226 | track 2                                  |
 * | 227-336 | track 3                                  |
 */
import { cardFromTracks } from './iso7813';
import { fail, type CardRead, type DecodeOutcome, type DecodeResult, type ReportDecoder } from './events';

export const MSR_USAGE_PAGE = 0x8e;
export const MAGTEK_REPORT_BYTES = 337;
const TRACK_FIELD_BYTES = 110;
const TRACK_OFFSETS = [7, 117, 227] as const;

/**
 * Decodes a MagTek swipe report into a `card-read` event. Never throws.
 *
 * A track with length 0 is absent (loyalty cards often carry track 2 only); a track whose status
 * byte reports an error is discarded with its reason. Track 2 is preferred, see {@link cardFromTracks}.
 *
 * @param report exactly 337 bytes, no report id
 */
export function decodeMagTekReport(report: Uint8Array, deviceId?: string): DecodeResult<CardRead> {
  if (report.length !== MAGTEK_REPORT_BYTES) {
    return fail(`MagTek report must be ${MAGTEK_REPORT_BYTES} bytes, got ${report.length}`);
  }
  const tracks: string[] = [];
  const errors: string[] = [];
  for (const index of [0, 1] as const) {
    const track = index + 1;
    const length = report[3 + index];
    if (length === 0) continue;
    if (report[index] !== 0) {
      errors.push(`track ${track}: reader reported decode error 0x${report[index].toString(16).padStart(2, '0')}`);
      continue;
    }
    if (length > TRACK_FIELD_BYTES) {
      errors.push(`track ${track}: length ${length} exceeds the ${TRACK_FIELD_BYTES}-byte field`);
      continue;
    }
    const start = TRACK_OFFSETS[index];
    tracks[index] = String.fromCharCode(...report.subarray(start, start + length));
  }
  const [track1, track2] = tracks;
  if (track1 === undefined && track2 === undefined) {
    return fail(errors.length > 0 ? errors.join('; ') : 'swipe without track 1 or track 2 data');
  }
  const card = cardFromTracks({ ...(track1 === undefined ? {} : { track1 }), ...(track2 === undefined ? {} : { track2 }) }, deviceId);
  if (card.ok || errors.length === 0) return card;
  return fail([...errors, card.reason].join('; '));
}

/** {@link decodeMagTekReport} as a {@link ReportDecoder}: every report is a whole swipe. */
export class MagTekDecoder implements ReportDecoder {
  constructor(private readonly deviceId?: string) {}

  push(report: Uint8Array): DecodeOutcome[] {
    const result = decodeMagTekReport(report, this.deviceId);
    return [result.ok ? { ok: true, event: result.value } : { ok: false, reason: result.reason }];
  }

  expire(): DecodeOutcome[] {
    return [];
  }
}
