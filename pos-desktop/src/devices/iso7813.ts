/**
 * ISO/IEC 7813 magnetic stripe tracks, as decoded text with their sentinels:
 *
 * - track 1: `%B<PAN, 1-19 digits>^<NAME, up to 26>^<YYMM><service code><discretionary>?`
 * - track 2: `;<PAN>=<YYMM><service code><discretionary>?`
 *
 * Loyalty cards are often encoded on track 2 only, sometimes as just `;<number>?` without a
 * separator; then the whole number (up to 37 digits, the track's capacity) is the card number.
 * A missing expiry is written as a field separator, so it is optional here.
 */
import { fail, ok, type CardRead, type DecodeResult } from './events';

export interface TrackFields {
  /** Primary account number, digits only. */
  readonly pan: string;
  /** `YYMM`, only when the card carries a plausible date (month 01-12). */
  readonly expiry?: string;
  /** Track 1 only: the cardholder name made readable (`DOE/JANE.MRS` → `JANE DOE`). */
  readonly name?: string;
}

/** Reader marks for an unreadable track (MagTek keyboard mode sends `%E?` / `;E?`). */
const READ_ERROR_BODY = 'E';

/**
 * Parses ISO 7813 track 1 text including `%` and `?`. Never throws.
 * @returns the fields, or why the text is not a valid track 1
 */
export function parseTrack1(text: string): DecodeResult<TrackFields> {
  const framed = unframe(text, '%', 1);
  if (!framed.ok) return framed;
  const body = framed.value;
  if (body.length === 0) return fail('track 1: empty');
  for (const char of body) {
    const code = char.charCodeAt(0);
    // Track 1 is 6-bit: 0x20-0x5F. `%` and `?` are sentinels only.
    if (code < 0x20 || code > 0x5f || char === '%' || char === '?') {
      return fail(`track 1: invalid character 0x${code.toString(16).padStart(2, '0')}`);
    }
  }
  if (body[0] !== 'B') return fail(`track 1: format code ${JSON.stringify(body[0])}, expected B`);
  const first = body.indexOf('^');
  const second = first < 0 ? -1 : body.indexOf('^', first + 1);
  if (second < 0) return fail('track 1: missing field separators ^');
  const pan = body.slice(1, first);
  if (!/^\d{1,19}$/.test(pan)) return fail('track 1: account number must be 1-19 digits');
  const rawName = body.slice(first + 1, second);
  if (rawName.length > 26) return fail('track 1: name longer than 26 characters');
  const expiry = readExpiry(body.slice(second + 1));
  const name = readableName(rawName);
  return ok({ pan, ...(expiry === undefined ? {} : { expiry }), ...(name === '' ? {} : { name }) });
}

/**
 * Parses ISO 7813 track 2 text including `;` and `?`. Never throws.
 * @returns the fields, or why the text is not a valid track 2
 */
export function parseTrack2(text: string): DecodeResult<TrackFields> {
  const framed = unframe(text, ';', 2);
  if (!framed.ok) return framed;
  const body = framed.value;
  if (body.length === 0) return fail('track 2: empty');
  if (!/^[0-9=]+$/.test(body)) return fail('track 2: only digits and = are allowed');
  const separator = body.indexOf('=');
  if (separator < 0) {
    if (body.length > 37) return fail('track 2: number longer than 37 digits');
    return ok({ pan: body });
  }
  const pan = body.slice(0, separator);
  if (!/^\d{1,19}$/.test(pan)) return fail('track 2: account number must be 1-19 digits');
  const expiry = readExpiry(body.slice(separator + 1));
  return ok({ pan, ...(expiry === undefined ? {} : { expiry }) });
}

/**
 * Combines the tracks of one swipe into a `card-read` event. Track 2 wins when it is valid
 * (it is what loyalty cards encode); track 1 then only adds the name, and only when both
 * carry the same number. Track 1 alone is used when track 2 is missing or bad.
 *
 * @param tracks the raw track texts with sentinels; absent tracks left undefined
 */
export function cardFromTracks(tracks: { track1?: string; track2?: string }, deviceId?: string): DecodeResult<CardRead> {
  const t1 = tracks.track1 === undefined ? undefined : parseTrack1(tracks.track1);
  const t2 = tracks.track2 === undefined ? undefined : parseTrack2(tracks.track2);
  const device = deviceId === undefined ? {} : { deviceId };
  if (t2?.ok) {
    const fromTrack1 = t1?.ok && t1.value.pan === t2.value.pan ? t1.value : undefined;
    const expiry = t2.value.expiry ?? fromTrack1?.expiry;
    const name = fromTrack1?.name;
    return ok({
      kind: 'card-read',
      cardNumber: t2.value.pan,
      track: 2,
      ...(name === undefined ? {} : { name }),
      ...(expiry === undefined ? {} : { expiry }),
      ...device,
    });
  }
  if (t1?.ok) {
    const { pan, name, expiry } = t1.value;
    return ok({
      kind: 'card-read',
      cardNumber: pan,
      track: 1,
      ...(name === undefined ? {} : { name }),
      ...(expiry === undefined ? {} : { expiry }),
      ...device,
    });
  }
  const reasons = [t2, t1].flatMap((result) => (result && !result.ok ? [result.reason] : []));
  return fail(reasons.length > 0 ? reasons.join('; ') : 'no track 1 or track 2 data');
}

/** True when text has the shape of swiped tracks (`%...?` and/or `;...?`), e.g. from a keyboard-mode reader. */
export function looksLikeTrackText(text: string): boolean {
  return /^(?:%[^?]*\?)?(?:;[^?]*\?)?(?:[;+][^?]*\?)?$/.test(text) && (text.startsWith('%') || text.startsWith(';'));
}

/**
 * Turns the text a keyboard-mode reader types for one swipe (`%B...?;...?`, possibly followed
 * by track 3) into a `card-read` event. Never throws.
 */
export function cardFromSwipeText(text: string, deviceId?: string): DecodeResult<CardRead> {
  if (!looksLikeTrackText(text)) return fail('not ISO 7813 track text');
  const track1 = /^%[^?]*\?/.exec(text)?.[0];
  const track2 = /;[^?]*\?/.exec(text)?.[0];
  return cardFromTracks({ ...(track1 === undefined ? {} : { track1 }), ...(track2 === undefined ? {} : { track2 }) }, deviceId);
}

function unframe(text: string, start: '%' | ';', track: 1 | 2): DecodeResult<string> {
  if (!text.startsWith(start)) return fail(`track ${track}: missing start sentinel ${start}`);
  if (text.length < 2 || !text.endsWith('?')) return fail(`track ${track}: missing end sentinel ?`);
  const body = text.slice(1, -1);
  if (body === READ_ERROR_BODY) return fail(`track ${track}: reader reported a read error`);
  return ok(body);
}

/** `YYMM` from the start of the field after the separator, when its month is 01-12. */
function readExpiry(field: string): string | undefined {
  const match = /^(\d{2})(\d{2})/.exec(field);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? match[0] : undefined;
}

/** `DOE/JANE M.MRS` → `JANE M DOE`; a name without `/` is only trimmed. */
function readableName(raw: string): string {
  const slash = raw.indexOf('/');
  if (slash < 0) return raw.trim();
  const surname = raw.slice(0, slash).trim();
  const given = raw.slice(slash + 1).replace(/\..*$/, '').trim();
  return [given, surname].filter((part) => part !== '').join(' ');
}
