/**
 * HID-POS barcode scanners (usage page 0x8C): the Scanned Data Report and the joining of scans
 * that span several reports.
 *
 * Honeywell layout, 64 bytes with report id:
 *
 * | byte  | content                                            |
 * |-------|----------------------------------------------------|
 * | 0     | report id 0x02                                     |
 * | 1     | number of data bytes in this report (max 56)       |
 * | 2-4   | AIM symbology id `]xy`                             |
 * | 5-60  | data, zero padded                                  |
 * | 61-62 | vendor code id                                     |
 * | 63    | bit 0: the scan continues in the next report       |
 *
 * Other vendors move the header by a byte, and a device without numbered reports sends no report
 * id at all. So the decoder finds the `]` of the AIM id in bytes 1-3 and takes the byte just
 * before it as the length; the continuation flag is always the last byte. Without an AIM id the
 * length is byte 1 when the report carries id 0x02 and is a full 64 bytes, else byte 0; an
 * all-zero symbology slot after it (AIM transmission switched off) is skipped, and data holding
 * a NUL byte is refused, since nothing else shows the report really is a scan.
 * Not supported: layouts with no length byte at all (the data length cannot be known).
 */
import { bytesToText, isAimAt } from './aim';
import { barcodeEvent } from './barcode-event';
import { fail, ok, type DecodeOutcome, type DecodeResult, type ReportDecoder } from './events';

export const HIDPOS_USAGE_PAGE = 0x8c;
/** Report id of the Scanned Data Report on Honeywell and most HID-POS scanners. */
export const HIDPOS_SCANNED_DATA_REPORT_ID = 0x02;
/** Full-speed HID interrupt reports are at most 64 bytes. */
export const HIDPOS_MAX_REPORT_BYTES = 64;
/** Header, a data byte and the flag byte: anything shorter cannot be a scan. */
export const HIDPOS_MIN_REPORT_BYTES = 8;

/** One report's share of a scan. */
export interface HidPosFragment {
  /** The data bytes of this report only (without AIM id and padding). */
  readonly data: Uint8Array;
  /** The AIM symbology id, or null when the report has none. */
  readonly symbology: string | null;
  /** True when the scan continues in the next report. */
  readonly continues: boolean;
}

export interface HidPosLayoutOptions {
  /**
   * Whether reports start with a report id. Only consulted for reports without an AIM id;
   * `undefined` guesses from the report (id 0x02 and 64 bytes long).
   */
  readonly hasReportId?: boolean;
}

/** Where `]` may sit: Honeywell first, then no report id, then shifted right by a vendor byte. */
const AIM_OFFSETS = [2, 1, 3] as const;

/**
 * Decodes one HID-POS Scanned Data Report into its fragment of a scan. Never throws.
 *
 * @param report the input report as read (1-64 bytes; report id first when the device numbers its reports)
 * @returns the fragment, or a reason for rejecting the report (short, oversized, zero-length,
 *   length byte pointing past the report)
 */
export function decodeHidPosReport(report: Uint8Array, options: HidPosLayoutOptions = {}): DecodeResult<HidPosFragment> {
  if (report.length < HIDPOS_MIN_REPORT_BYTES) {
    return fail(`HID-POS report too short: ${report.length} bytes, need at least ${HIDPOS_MIN_REPORT_BYTES}`);
  }
  if (report.length > HIDPOS_MAX_REPORT_BYTES) {
    return fail(`HID-POS report oversized: ${report.length} bytes, at most ${HIDPOS_MAX_REPORT_BYTES}`);
  }
  const flagIndex = report.length - 1;

  let lengthIndex: number;
  let dataStart: number;
  let symbology: string | null = null;
  const aimAt = AIM_OFFSETS.find((offset) => isAimAt(report, offset));
  if (aimAt !== undefined) {
    lengthIndex = aimAt - 1;
    dataStart = aimAt + 3;
    symbology = String.fromCharCode(report[aimAt], report[aimAt + 1], report[aimAt + 2]);
  } else {
    const hasReportId =
      options.hasReportId ?? (report[0] === HIDPOS_SCANNED_DATA_REPORT_ID && report.length === HIDPOS_MAX_REPORT_BYTES);
    lengthIndex = hasReportId ? 1 : 0;
    const slot = lengthIndex + 1;
    dataStart = report[slot] === 0 && report[slot + 1] === 0 && report[slot + 2] === 0 ? slot + 3 : slot;
  }

  const length = report[lengthIndex];
  if (length === 0) return fail('HID-POS report has zero-length data');
  const room = flagIndex - dataStart;
  if (length > room) {
    return fail(`HID-POS report inconsistent: length byte says ${length} data bytes, the report holds at most ${room}`);
  }
  const data = report.slice(dataStart, dataStart + length);
  // Without an AIM id nothing else vouches for the layout; NULs are padding read as data.
  if (symbology === null && data.includes(0)) {
    return fail('HID-POS report without AIM id has NUL bytes in its data: not a scan, or a layout this decoder does not know');
  }
  return ok({
    data,
    symbology,
    continues: (report[flagIndex] & 0x01) === 1,
  });
}

export interface HidPosAssemblerOptions extends HidPosLayoutOptions {
  /** Longest gap between two reports of one scan, in ms; a longer gap drops the partial scan. */
  readonly timeoutMs?: number;
  /** Largest scan accepted, in bytes; guards against a stuck continuation flag. */
  readonly maxScanBytes?: number;
  /** Copied into every event. */
  readonly deviceId?: string;
}

/**
 * Joins the reports of one scan (a 60-character QR code arrives in two) and emits one
 * `barcode-scanned` event when the continuation flag clears. A bad report, a change of
 * symbology mid-scan, an overlong scan or a gap longer than the timeout discards the partial
 * scan, so the next scan starts clean. Time comes from the caller: no timers inside.
 */
export class HidPosAssembler implements ReportDecoder {
  private readonly timeoutMs: number;
  private readonly maxScanBytes: number;
  private parts: Uint8Array[] = [];
  private size = 0;
  private symbology: string | null = null;
  private lastAtMs = 0;

  constructor(private readonly options: HidPosAssemblerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 500;
    this.maxScanBytes = options.maxScanBytes ?? 4096;
  }

  /** True while a multi-report scan waits for its next report. */
  get pending(): boolean {
    return this.parts.length > 0;
  }

  push(report: Uint8Array, atMs: number): DecodeOutcome[] {
    const outcomes = this.expire(atMs);
    const decoded = decodeHidPosReport(report, this.options);
    if (!decoded.ok) {
      return [...outcomes, { ok: false, reason: this.discardWith(decoded.reason) }];
    }
    const fragment = decoded.value;
    if (this.pending && fragment.symbology !== null && this.symbology !== null && fragment.symbology !== this.symbology) {
      const reason = `symbology changed mid-scan from ${this.symbology} to ${fragment.symbology}`;
      return [...outcomes, { ok: false, reason: this.discardWith(reason) }];
    }
    if (this.size + fragment.data.length > this.maxScanBytes) {
      return [...outcomes, { ok: false, reason: this.discardWith(`scan longer than ${this.maxScanBytes} bytes`) }];
    }
    // The first report naming a symbology names the scan's (reset() leaves it null between scans).
    this.symbology ??= fragment.symbology;
    this.parts.push(fragment.data);
    this.size += fragment.data.length;
    this.lastAtMs = atMs;
    if (fragment.continues) return outcomes;

    const data = concat(this.parts, this.size);
    const event = barcodeEvent(bytesToText(data), this.symbology, this.options.deviceId);
    this.reset();
    return [...outcomes, { ok: true, event }];
  }

  expire(atMs: number): DecodeOutcome[] {
    if (!this.pending || atMs - this.lastAtMs <= this.timeoutMs) return [];
    return [{ ok: false, reason: this.discardWith(`scan incomplete: no continuation within ${this.timeoutMs} ms`) }];
  }

  /** Appends what happened to a partial scan to `reason`, then forgets it. */
  private discardWith(reason: string): string {
    const full = this.pending ? `${reason}; discarded ${this.size} bytes of the scan in progress` : reason;
    this.reset();
    return full;
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
    this.symbology = null;
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
