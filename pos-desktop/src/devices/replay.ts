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
  /** Where the choice came from, for the doctor to say. */
  readonly source: 'descriptor' | 'usage-page comment' | 'vendor id';
}

/**
 * Decides which decoder a recording needs: from the descriptor's top-level usage, else the
 * `# usage-page:` comment, else the vendor id of `I:`. Null when none of them tells.
 */
export function kindForRecording(recording: HidRecording): KindChoice | null {
  const fromDescriptor = recording.descriptor && topLevelUsage(recording.descriptor);
  if (fromDescriptor) {
    const kind = kindForUsage(fromDescriptor.usagePage, fromDescriptor.usage);
    if (kind) return { kind, source: 'descriptor' };
  }
  const fromComment = kindForUsage(recording.usagePage, recording.usage);
  if (fromComment) return { kind: fromComment, source: 'usage-page comment' };
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
