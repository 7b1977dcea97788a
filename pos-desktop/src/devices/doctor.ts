/**
 * The device doctor: what a technician runs at a till when a scanner or card reader "does
 * nothing".
 *
 *   doctor list [--json]
 *   doctor record [--device PATH|VID:PID] [--out FILE] [--seconds N] [--kind barcode|msr|keyboard]
 *   doctor replay FILE [--kind barcode|msr|keyboard]
 *
 * `replay` prints one JSON object per line on stdout: the decoded events, and reports the decoder
 * refused as `{"kind":"rejected","reason":...,"report":N,"time":"s.us"}` in the same stream, so
 * the order is kept. A summary goes to stderr.
 *
 * Exit codes: 0 ok, 1 usage error, 2 device or file problem.
 * Relative paths are taken from where npm was started (INIT_CWD), not from the workspace.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isDeviceKind, kindForUsage, DEVICE_KINDS, type DeviceKind } from './decoders';
import { HidHost, HidUnavailableError, vidPid, type DeviceMatcher, type HidDeviceInfo, type HidHostOptions } from './hid-host';
import { formatRecordingHeader, formatReportLine, parseRecording, RecordingParseError } from './recording';
import { kindForRecording, replayRecording } from './replay';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_PROBLEM = 2;

const USAGE = `Usage: npm run -w pos-desktop doctor -- <command>

  list [--json]                     HID devices: ids, usage page/usage, name, path
  record [--device PATH|VID:PID]    raw reports to a hid-recorder file
         [--out FILE] [--seconds N] (default: stdout, until Ctrl-C)
         [--kind barcode|msr|keyboard]
  replay FILE [--kind barcode|msr|keyboard]
                                    decode a recording, one JSON line per event or rejected report

Exit codes: 0 ok, 1 usage error, 2 device or file problem.`;

export interface DoctorIo {
  /** Writes to standard output (text includes its newlines). */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** node-hid or a stand-in, see {@link HidHostOptions.hid}. */
  readonly hid?: HidHostOptions['hid'];
  /** Resolves when `record` without `--seconds` should stop (Ctrl-C). */
  readonly interrupted?: Promise<void>;
}

class UsageError extends Error {}
class ProblemError extends Error {}

/**
 * Runs one doctor command.
 * @param argv the arguments after the script name
 * @returns the exit code
 */
export async function runDoctor(argv: readonly string[], io: DoctorIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        return await list(rest, io);
      case 'record':
        return await record(rest, io);
      case 'replay':
        return replay(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(`${USAGE}\n`);
        return EXIT_OK;
      default:
        throw new UsageError(command === undefined ? 'missing command' : `unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`doctor: ${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ProblemError || error instanceof HidUnavailableError || error instanceof RecordingParseError) {
      io.err(`doctor: ${error.message}\n`);
      return EXIT_PROBLEM;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`doctor: ${message}\n`);
    return EXIT_PROBLEM;
  }
}

async function list(args: readonly string[], io: DoctorIo): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } }, 0);
  const host = new HidHost(hostOptions(io));
  const devices = await host.listDevices();
  if (values.json) {
    for (const device of devices) io.out(`${JSON.stringify(device)}\n`);
    return EXIT_OK;
  }
  if (devices.length === 0) {
    io.err('no HID devices found\n');
    return EXIT_OK;
  }
  for (const device of devices) io.out(`${describeDevice(device)}\n`);
  return EXIT_OK;
}

async function record(args: readonly string[], io: DoctorIo): Promise<number> {
  const { values } = parse(
    args,
    { device: { type: 'string' }, out: { type: 'string' }, seconds: { type: 'string' }, kind: { type: 'string' } },
    0,
  );
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) throw new UsageError('--seconds needs a positive number');
  const kind = kindOption(values.kind);

  const host = new HidHost(hostOptions(io));
  const devices = await host.listDevices();
  const device = chooseDevice(devices, values.device);

  const fd = values.out === undefined ? undefined : openOut(resolve(io.cwd, values.out));
  const write = (text: string): void => {
    if (fd === undefined) io.out(text);
    else writeSync(fd, text);
  };
  write(
    formatRecordingHeader({
      comments: [`recorded by the pos-desktop device doctor, ${new Date().toISOString()}`],
      ...(device.product === undefined ? {} : { name: device.product }),
      ...(device.path === undefined ? {} : { phys: device.path }),
      bus: 3,
      vendorId: device.vendorId,
      productId: device.productId,
      ...(device.usagePage === undefined ? {} : { usagePage: device.usagePage }),
      ...(device.usage === undefined ? {} : { usage: device.usage }),
    }),
  );

  let count = 0;
  let startMs: number | undefined;
  host.on('report', (report) => {
    startMs ??= report.atMs;
    write(formatReportLine({ timeUs: Math.round((report.atMs - startMs) * 1000), data: report.data }));
    count++;
  });
  host.on('event', (event) => io.err(`${JSON.stringify(event)}\n`));
  host.on('rejected', (rejected) => io.err(`${JSON.stringify({ kind: 'rejected', reason: rejected.reason })}\n`));

  // Match by ids, not path: a replug during the recording gets a new hidraw path.
  const matcher: DeviceMatcher = {
    vendorId: device.vendorId,
    productId: device.productId,
    ...(device.usagePage === undefined ? {} : { usagePage: device.usagePage }),
    ...(device.usage === undefined ? {} : { usage: device.usage }),
  };
  await host.open(matcher, kind === undefined ? {} : { kind });
  io.err(`recording ${describeDevice(device)}${seconds === undefined ? ', Ctrl-C to stop' : ` for ${seconds} s`}\n`);
  await (seconds === undefined ? (io.interrupted ?? new Promise<void>(() => {})) : delay(seconds * 1000));
  await host.close();
  if (fd !== undefined) closeSync(fd);
  io.err(`recorded ${count} report${count === 1 ? '' : 's'}${values.out === undefined ? '' : ` to ${values.out}`}\n`);
  return EXIT_OK;
}

function replay(args: readonly string[], io: DoctorIo): number {
  const { values, positionals } = parse(args, { kind: { type: 'string' } }, 1);
  const forced = kindOption(values.kind);
  const file = resolve(io.cwd, positionals[0]!);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProblemError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let recording;
  try {
    recording = parseRecording(text);
  } catch (error) {
    if (error instanceof RecordingParseError) throw new ProblemError(`${file}: ${error.message}`);
    throw error;
  }
  const choice = forced === undefined ? kindForRecording(recording) : { kind: forced, source: '--kind' };
  if (choice === null) {
    throw new UsageError(`cannot tell what device ${positionals[0]} came from (no descriptor, # usage-page:, telling report shape, device name or known vendor); pass --kind`);
  }
  const lines = replayRecording(recording, choice.kind);
  for (const line of lines) io.out(`${JSON.stringify(line)}\n`);
  const rejected = lines.filter((line) => line.kind === 'rejected').length;
  io.err(
    `replayed ${recording.reports.length} reports as ${choice.kind} (from ${choice.source}): ` +
      `${lines.length - rejected} events, ${rejected} rejected\n`,
  );
  return EXIT_OK;
}

/** Picks the device to record: the one `--device` names, else the only HID-POS scanner or stripe reader. */
function chooseDevice(devices: readonly HidDeviceInfo[], selector: string | undefined): HidDeviceInfo {
  if (selector !== undefined) {
    const ids = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(selector);
    const found = ids
      ? devices.find((device) => device.vendorId === parseInt(ids[1]!, 16) && device.productId === parseInt(ids[2]!, 16))
      : devices.find((device) => device.path === selector);
    if (!found) throw new ProblemError(`no HID device matches ${selector}; see "doctor list"`);
    return found;
  }
  // Keyboards are left out: every till has one, and recording it would capture the cashier's typing.
  const candidates = devices.filter((device) => {
    const kind = kindForUsage(device.usagePage, device.usage);
    return kind === 'barcode' || kind === 'msr';
  });
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new ProblemError('no HID-POS scanner or card reader found; pass --device PATH|VID:PID');
  throw new UsageError(`several devices could be meant, pick one with --device:\n${candidates.map((d) => `  ${describeDevice(d)}`).join('\n')}`);
}

function describeDevice(device: HidDeviceInfo): string {
  const kind = kindForUsage(device.usagePage, device.usage);
  const usage = device.usagePage === undefined ? 'usage ?' : `page 0x${device.usagePage.toString(16).padStart(2, '0')} usage 0x${(device.usage ?? 0).toString(16).padStart(2, '0')}`;
  const name = [device.manufacturer, device.product].filter(Boolean).join(' ') || '(no name)';
  return `${vidPid(device.vendorId, device.productId)}  ${usage}  ${(kind ?? '-').padEnd(8)}  ${name}  ${device.path ?? ''}`;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse<T extends OptionSpec>(args: readonly string[], options: T, positionalCount: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== positionalCount) {
    throw new UsageError(positionalCount === 0 ? `unexpected argument ${JSON.stringify(parsed.positionals[0])}` : 'missing FILE');
  }
  return parsed;
}

function kindOption(value: string | undefined): DeviceKind | undefined {
  if (value === undefined) return undefined;
  if (!isDeviceKind(value)) throw new UsageError(`--kind must be one of ${DEVICE_KINDS.join(', ')}`);
  return value;
}

function hostOptions(io: DoctorIo): HidHostOptions {
  return io.hid === undefined ? {} : { hid: io.hid };
}

function openOut(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw new ProblemError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

if (require.main === module) {
  const interrupted = new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  void runDoctor(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.env['INIT_CWD'] ?? process.cwd(),
    interrupted,
  }).then((code) => {
    process.exitCode = code;
  });
}
