/**
 * Recordings of raw HID input in the hid-recorder text format (hid-tools), so a swipe or a scan
 * captured at a till can be replayed through the decoders anywhere:
 *
 * ```
 * # any comment
 * # usage-page: 0x8c        (ours: the device's usage page when no descriptor was captured)
 * # usage: 0x02             (ours: the device's usage)
 * R: 5 05 8c 09 02 a1       (descriptor: length in decimal, bytes in hex)
 * N: Honeywell Voyager 1250g
 * P: usb-0000:00:14.0-1/input0
 * I: 3 0c2e 0b61            (bus, vendor id, product id, hex)
 * E: 000000.004100 64 02 0d 5d 45 30 ...   (seconds.microseconds, length in decimal, bytes in hex)
 * ```
 *
 * `D: 0` (hid-recorder's device index) is accepted; recordings of several devices are not.
 */

export interface HidRecordedReport {
  /** Time since the start of the recording, in microseconds. */
  readonly timeUs: number;
  readonly data: Uint8Array;
}

export interface HidRecording {
  readonly name?: string;
  readonly phys?: string;
  readonly bus?: number;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly descriptor?: Uint8Array;
  /** From `# usage-page:`; lets a recording without a descriptor say what device it came from. */
  readonly usagePage?: number;
  /** From `# usage:`. */
  readonly usage?: number;
  /** Other comment lines, text after `#` and one space; written back at the top. */
  readonly comments: readonly string[];
  readonly reports: readonly HidRecordedReport[];
}

/** A malformed recording; `line` is 1-based. */
export class RecordingParseError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'RecordingParseError';
  }
}

const META_COMMENT = /^(usage-page|usage):\s*(.*)$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Parses a hid-recorder text file.
 * @throws RecordingParseError naming the first malformed line
 */
export function parseRecording(text: string): HidRecording {
  const recording: Mutable<HidRecording> = { comments: [], reports: [] };
  const comments: string[] = [];
  const reports: HidRecordedReport[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trimEnd();
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const comment = line.slice(1).replace(/^ /, '');
      const meta = META_COMMENT.exec(comment);
      if (meta) recording[meta[1] === 'usage' ? 'usage' : 'usagePage'] = parseNumber(meta[2].trim(), lineNo, `# ${meta[1]}:`);
      else comments.push(comment);
      return;
    }
    const match = /^([A-Z]):(?:\s+(.*))?$/.exec(line);
    if (!match) throw new RecordingParseError(lineNo, `expected "X: ..." or a # comment, got ${JSON.stringify(line.slice(0, 40))}`);
    const type = match[1];
    const rest = (match[2] ?? '').trim();
    if (type !== 'E') {
      if (seen.has(type)) throw new RecordingParseError(lineNo, `second ${type}: line; a recording holds one device`);
      seen.add(type);
    }
    switch (type) {
      case 'N':
        recording.name = rest;
        break;
      case 'P':
        recording.phys = rest;
        break;
      case 'I': {
        const ids = rest.split(/\s+/);
        if (ids.length !== 3 || !ids.every((id) => /^[0-9a-f]{1,8}$/i.test(id))) {
          throw new RecordingParseError(lineNo, 'I: needs bus, vendor id and product id in hex, e.g. "I: 3 0c2e 0b61"');
        }
        [recording.bus, recording.vendorId, recording.productId] = ids.map((id) => parseInt(id, 16));
        break;
      }
      case 'R':
        recording.descriptor = parseBytes(rest.split(/\s+/), lineNo, 'R:');
        break;
      case 'D':
        if (rest !== '0') throw new RecordingParseError(lineNo, 'only single-device recordings (D: 0) are supported');
        break;
      case 'E': {
        const [time = '', ...counted] = rest.split(/\s+/);
        const clock = /^(\d+)\.(\d{6})$/.exec(time);
        if (!clock) throw new RecordingParseError(lineNo, `E: timestamp must be <seconds>.<6-digit microseconds>, got ${JSON.stringify(time)}`);
        const timeUs = Number(clock[1]) * 1_000_000 + Number(clock[2]);
        if (!Number.isSafeInteger(timeUs)) throw new RecordingParseError(lineNo, 'E: timestamp out of range');
        reports.push({ timeUs, data: parseBytes(counted, lineNo, 'E:') });
        break;
      }
      default:
        throw new RecordingParseError(lineNo, `unknown line type ${type}:; expected N:, I:, R:, E:, P:, D: or #`);
    }
  });
  return { ...recording, comments, reports };
}

/** Writes a recording in hid-recorder text format; {@link parseRecording} reads it back unchanged. */
export function formatRecording(recording: HidRecording): string {
  return formatRecordingHeader(recording) + recording.reports.map(formatReportLine).join('');
}

/** Everything before the `E:` lines, ending in a newline; for writing a recording as it happens. */
export function formatRecordingHeader(recording: Omit<HidRecording, 'reports'>): string {
  const lines = recording.comments.map((comment) => (comment === '' ? '#' : `# ${oneLine(comment)}`));
  if (recording.usagePage !== undefined) lines.push(`# usage-page: ${hex(recording.usagePage, 2)}`);
  if (recording.usage !== undefined) lines.push(`# usage: ${hex(recording.usage, 2)}`);
  if (recording.descriptor !== undefined) lines.push(`R: ${recording.descriptor.length}${hexBytes(recording.descriptor)}`);
  if (recording.name !== undefined) lines.push(`N: ${oneLine(recording.name)}`);
  if (recording.phys !== undefined) lines.push(`P: ${oneLine(recording.phys)}`);
  if (recording.vendorId !== undefined && recording.productId !== undefined) {
    const bus = (recording.bus ?? 3).toString(16);
    lines.push(`I: ${bus} ${recording.vendorId.toString(16).padStart(4, '0')} ${recording.productId.toString(16).padStart(4, '0')}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** One `E:` line with its newline. */
export function formatReportLine(report: HidRecordedReport): string {
  const seconds = Math.floor(report.timeUs / 1_000_000);
  const micros = report.timeUs % 1_000_000;
  return `E: ${String(seconds).padStart(6, '0')}.${String(micros).padStart(6, '0')} ${report.data.length}${hexBytes(report.data)}\n`;
}

function parseBytes(tokens: string[], lineNo: number, what: string): Uint8Array {
  const [count = '', ...bytes] = tokens.filter((token) => token !== '');
  if (!/^\d+$/.test(count)) throw new RecordingParseError(lineNo, `${what} must start with the byte count in decimal`);
  const bad = bytes.find((byte) => !/^[0-9a-f]{2}$/i.test(byte));
  if (bad !== undefined) throw new RecordingParseError(lineNo, `${what} byte ${JSON.stringify(bad)} is not two hex digits`);
  if (bytes.length !== Number(count)) {
    throw new RecordingParseError(lineNo, `${what} says ${count} bytes but lists ${bytes.length}`);
  }
  return Uint8Array.from(bytes, (byte) => parseInt(byte, 16));
}

function parseNumber(text: string, lineNo: number, what: string): number {
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return parseInt(text.slice(2), 16);
  if (/^\d{1,10}$/.test(text)) return Number(text);
  throw new RecordingParseError(lineNo, `${what} needs a number such as 0x8c, got ${JSON.stringify(text)}`);
}

function hexBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += ` ${byte.toString(16).padStart(2, '0')}`;
  return out;
}

function hex(value: number, width: number): string {
  return `0x${value.toString(16).padStart(width, '0')}`;
}

/** A line break inside a name or comment would end the line; flatten it. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
