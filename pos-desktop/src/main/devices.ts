/**
 * Connects the HID host (`src/devices`) to the till's window: opens the configured scanners
 * and card readers and forwards their events. A till without node-hid's native libraries still
 * starts: it publishes one `device-status` error saying what to install, and the cashier keeps
 * keyboard-wedge input.
 */
import { DEVICE_KINDS, HidUnavailableError, type DeviceKind, type DeviceMatcher, type HidHost, type OpenedDevice } from '../devices';
import type { DeviceEvent, DeviceStatus } from '../shared/device-events';
import { isPlainObject, type Checked } from './validate';
import { describeError, type Logger } from './log';

/** One device to watch, as written in the till's settings file under `devices`. */
export interface DeviceConfig {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly usagePage?: number;
  readonly usage?: number;
  /** Decoder to use; by default chosen from the device's usage page. */
  readonly kind?: DeviceKind;
  /** Name on events and in the status line, e.g. `scanner`. */
  readonly deviceId?: string;
}

/** Any HID-POS barcode scanner (usage page 0x8C) and any magnetic-stripe reader (0x8E). */
export const DEFAULT_DEVICES: readonly DeviceConfig[] = [
  { usagePage: 0x8c, deviceId: 'scanner' },
  { usagePage: 0x8e, deviceId: 'card-reader' },
];

/** The device id used when node-hid itself cannot load (no device can be opened). */
export const HID_DEVICE_ID = 'hid';

const NUMBER_FIELDS = ['vendorId', 'productId', 'usagePage', 'usage'] as const;

/**
 * The `devices` list of the settings file. Each entry needs at least one of vendorId, productId,
 * usagePage (numbers 0–0xFFFF; strings such as "0x0c2e" are accepted too). An empty list turns
 * the HID host off.
 */
export function checkDeviceConfigs(value: unknown): Checked<DeviceConfig[]> {
  if (!Array.isArray(value) || value.length > 16) return { ok: false, message: 'devices must be a list of at most 16 devices' };
  const devices: DeviceConfig[] = [];
  for (const [index, entry] of value.entries()) {
    const where = `devices[${index}]`;
    if (!isPlainObject(entry)) return { ok: false, message: `${where} must be an object` };
    const device: { -readonly [K in keyof DeviceConfig]: DeviceConfig[K] } = {};
    for (const field of NUMBER_FIELDS) {
      if (entry[field] === undefined) continue;
      const raw = entry[field];
      const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 0xffff) {
        return { ok: false, message: `${where}.${field} must be a number from 0 to 0xFFFF` };
      }
      device[field] = number;
    }
    if (device.vendorId === undefined && device.productId === undefined && device.usagePage === undefined) {
      return { ok: false, message: `${where} needs a vendorId, productId or usagePage` };
    }
    if (entry.kind !== undefined) {
      if (typeof entry.kind !== 'string' || !(DEVICE_KINDS as readonly string[]).includes(entry.kind)) {
        return { ok: false, message: `${where}.kind must be one of ${DEVICE_KINDS.join(', ')}` };
      }
      device.kind = entry.kind as DeviceKind;
    }
    if (entry.deviceId !== undefined) {
      if (typeof entry.deviceId !== 'string' || !/^[A-Za-z0-9:._-]{1,64}$/.test(entry.deviceId)) {
        return { ok: false, message: `${where}.deviceId must be 1–64 letters, digits, colons, dots, dashes or underscores` };
      }
      device.deviceId = entry.deviceId;
    }
    devices.push(device);
  }
  return { ok: true, value: devices };
}

/**
 * Runs the HID host for the till's window. Keeps the latest status of every device so that a
 * page that (re)loads gets it again (`resend`): the window may load after the devices opened.
 */
export class DeviceBridge {
  private readonly statuses = new Map<string, DeviceStatus>();
  private readonly opened: OpenedDevice[] = [];
  private readonly onEvent = (event: DeviceEvent) => this.forward(event);
  private readonly onRejected = (report: { deviceId: string; reason: string }) =>
    this.log.warn('A device report was refused', { deviceId: report.deviceId, reason: report.reason });

  constructor(
    private readonly host: HidHost,
    private readonly publish: (event: DeviceEvent) => void,
    private readonly log: Logger,
  ) {}

  /**
   * Opens each configured device (and reopens it whenever it is plugged back in). Never
   * rejects: problems become `device-status` errors.
   */
  async start(devices: readonly DeviceConfig[]): Promise<void> {
    this.host.on('event', this.onEvent);
    this.host.on('rejected', this.onRejected);
    if (devices.length === 0) {
      this.log.info('No HID devices configured: keyboard-wedge input only');
      return;
    }
    for (const device of devices) {
      const { kind, deviceId, ...matcher } = device;
      try {
        this.opened.push(
          await this.host.open(matcher as DeviceMatcher, { ...(kind ? { kind } : {}), ...(deviceId ? { deviceId } : {}) }),
        );
      } catch (error) {
        if (error instanceof HidUnavailableError) {
          this.log.error('HID devices are unavailable; the till continues with keyboard-wedge input', { error: error.message });
          this.forward({ kind: 'device-status', deviceId: HID_DEVICE_ID, status: 'error', message: error.message });
          return;
        }
        const id = deviceId ?? describeMatcher(matcher);
        this.log.error('A device could not be watched', { deviceId: id, error: describeError(error) });
        this.forward({ kind: 'device-status', deviceId: id, status: 'error', message: `cannot watch this device: ${describeError(error)}` });
      }
    }
  }

  /** Sends every device's latest status again (after the page loaded or reloaded). */
  resend(): void {
    for (const status of this.statuses.values()) this.send(status);
  }

  async stop(): Promise<void> {
    this.host.off('event', this.onEvent);
    this.host.off('rejected', this.onRejected);
    await this.host.close();
  }

  private forward(event: DeviceEvent): void {
    if (event.kind === 'device-status') {
      this.statuses.set(event.deviceId, event);
      const level = event.status === 'error' ? 'warn' : 'info';
      this.log[level]('Device status', { deviceId: event.deviceId, status: event.status, detail: event.message });
    }
    this.send(event);
  }

  private send(event: DeviceEvent): void {
    try {
      this.publish(event);
    } catch (error) {
      this.log.error('A device event could not be sent to the window', { error: describeError(error) });
    }
  }
}

function describeMatcher(matcher: DeviceMatcher): string {
  return Object.entries(matcher)
    .map(([key, value]) => `${key}=0x${Number(value).toString(16)}`)
    .join(',');
}
