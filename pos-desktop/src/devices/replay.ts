/**
 * Feeding a recording through the decoder for its device, as the doctor's `replay` does.
 */
import { createDecoder, kindForUsage, type DeviceKind } from './decoders';
import { topLevelUsage } from './descriptor';
import type { InputEvent } from './events';
import { vidPid } from './hid-host';
import type { HidRecording } from './recording';

/** Vendors that make only scanners or only stripe readers (REFERENCES.md), for recordings without usage. */
const SCANNER_VENDORS: ReadonlySet<number> = new Set([0x0c2e, 0x0536, 0x05e0, 0x05f9, 0x1eab]);
const MAGTEK = 0x0801;

export interface KindChoice {
  readonly kind: DeviceKind;
  /** Which rule chose it, for the doctor to say: `descriptor`, `usage-page comment`, `report shape: ...`, `device name "..."`, `vendor id`. */
  readonly source: string;
}

/** The MagTek stripe report size (REFERENCES.md). */
const MAGTEK_REPORT_BYTES = 337;

/**
 * The decoder the reports' shape asks for, or null when they do not all agree: 8-byte reports
 * with a zero reserved byte (byte 1) are boot keyboard reports; 337-byte reports are MagTek's
 * stripe reports; 64-byte reports starting with report id 0x02 are HID-POS scanned data.
 */
export function kindForReportShape(reports: readonly { data: Uint8Array }[]): KindChoice | null {
  if (reports.length === 0) return null;
  if (reports.every((r) => r.data.length === 8 && r.data[1] === 0)) return { kind: 'keyboard', source: 'report shape: 8-byte boot keyboard reports with a zero reserved byte' };
  if (reports.every((r) => r.data.length === MAGTEK_REPORT_BYTES)) return { kind: 'msr', source: `report shape: ${MAGTEK_REPORT_BYTES}-byte stripe reader reports` };
  if (reports.every((r) => r.data.length === 64 && r.data[0] === 0x02)) return { kind: 'barcode', source: 'report shape: 64-byte HID-POS reports with report id 2' };
  return null;
}

/** The decoder a device name suggests ("... Keyboard", "... Swipe Reader", "... HID-POS"), or null. */
export function kindForName(name: string | undefined): KindChoice | null {
  if (!name) return null;
  const said = `device name "${name}"`;
  if (/\bkeyboard\b|\bkbd\b/i.test(name)) return { kind: 'keyboard', source: said };
  if (/\bswipe\b|\bstripe\b|\bmsr\b|card reader/i.test(name)) return { kind: 'msr', source: said };
  if (/hid-?pos|\bscanner\b|\bimager\b/i.test(name)) return { kind: 'barcode', source: said };
  return null;
}

/**
 * Decides which decoder a recording needs, first rule that tells: the descriptor's top-level
 * usage; the `# usage-page:` comment; the shape of the reports; the device name; the vendor id of
 * `I:` (MagTek makes stripe readers, the others scanners, but a scanner in keyboard mode sends
 * keyboard reports: hence shape and name first). Null when none of them tells.
 */
export function kindForRecording(recording: HidRecording): KindChoice | null {
  const fromDescriptor = recording.descriptor && topLevelUsage(recording.descriptor);
  if (fromDescriptor) {
    const kind = kindForUsage(fromDescriptor.usagePage, fromDescriptor.usage);
    if (kind) return { kind, source: 'descriptor' };
  }
  const fromComment = kindForUsage(recording.usagePage, recording.usage);
  if (fromComment) return { kind: fromComment, source: 'usage-page comment' };
  const fromShape = kindForReportShape(recording.reports);
  if (fromShape) return fromShape;
  const fromName = kindForName(recording.name);
  if (fromName) return fromName;
  if (recording.vendorId === MAGTEK) return { kind: 'msr', source: 'vendor id' };
  if (recording.vendorId !== undefined && SCANNER_VENDORS.has(recording.vendorId)) return { kind: 'barcode', source: 'vendor id' };
  return null;
}

/** A report the decoder refused, as the doctor prints it. */
export interface RejectedLine {
  readonly kind: 'rejected';
  readonly reason: string;
  /** 1-based index of the report among the recording's `E:` lines; null at the end of the recording. */
  readonly report: number | null;
  /** The report's timestamp as written in the recording (`seconds.micros`). */
  readonly time: string | null;
}

export type ReplayLine = InputEvent | RejectedLine;

/**
 * Runs every report of `recording` through a fresh decoder of `kind`, in order, with the
 * recording's timestamps as the clock. A scan still incomplete at the end is reported rejected.
 */
export function replayRecording(recording: HidRecording, kind: DeviceKind): ReplayLine[] {
  const deviceId =
    recording.vendorId !== undefined && recording.productId !== undefined ? vidPid(recording.vendorId, recording.productId) : undefined;
  const decoder = createDecoder(kind, deviceId === undefined ? {} : { deviceId });
  const lines: ReplayLine[] = [];
  recording.reports.forEach((report, index) => {
    for (const outcome of decoder.push(report.data, report.timeUs / 1000)) {
      lines.push(outcome.ok ? outcome.event : { kind: 'rejected', reason: outcome.reason, report: index + 1, time: formatTime(report.timeUs) });
    }
  });
  for (const outcome of decoder.expire(Number.POSITIVE_INFINITY)) {
    if (!outcome.ok) lines.push({ kind: 'rejected', reason: `recording ended: ${outcome.reason}`, report: null, time: null });
  }
  return lines;
}

function formatTime(timeUs: number): string {
  return `${Math.floor(timeUs / 1_000_000)}.${String(timeUs % 1_000_000).padStart(6, '0')}`;
}
