/**
 * The node-hid adapter: finds, opens and watches HID devices in the Electron main process (or
 * plain Node), runs their reports through the decoders and publishes events.
 *
 * node-hid 3 has no hot-plug events and reports an unplug only as an `'error'` on the open
 * device, so the host polls `devicesAsync()` (every 1.5 s by default) and reopens a device that
 * comes back, wherever its hidraw path now points. An unplug never throws out of the host.
 *
 * node-hid is loaded on first use, not at import: its native binding needs libudev (and libusb)
 * and a till without them must still start and say what is missing.
 */
import { EventEmitter } from 'node:events';
import { createDecoder, kindForUsage, type DeviceKind } from './decoders';
import type { DeviceConnectionStatus, DeviceEvent, ReportDecoder } from './events';

/** A HID device as node-hid lists it. */
export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly product?: string | undefined;
  readonly release: number;
  readonly interface: number;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
}

/** An open device: node-hid's `HIDAsync`. Reading starts when a `'data'` listener is added. */
export interface HidHandle {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

/** The part of node-hid 3 the host uses; the real module satisfies it, tests pass a fake. */
export interface HidApi {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  readonly HIDAsync: { open(path: string): Promise<HidHandle> };
}

/** node-hid (or its native binding) cannot be loaded on this machine. */
export class HidUnavailableError extends Error {
  readonly code = 'HID_UNAVAILABLE';
  constructor(cause: unknown) {
    super(
      'node-hid could not load: install libusb-1.0-0 and libudev1 ' +
        `(Debian/Ubuntu: sudo apt-get install libusb-1.0-0 libudev1), then restart. Cause: ${describe(cause)}`,
    );
    this.name = 'HidUnavailableError';
  }
}

/**
 * Loads node-hid and its native binding now (node-hid itself defers the binding to the first
 * call, which would turn a missing library into an error far from its cause).
 * @throws HidUnavailableError when the module or its shared libraries are missing
 */
export function loadNodeHid(): HidApi {
  try {
    // Lazy on purpose: see the file comment.
    const hid = require('node-hid') as typeof import('node-hid');
    hid.getHidapiVersion();
    return hid;
  } catch (error) {
    throw new HidUnavailableError(error);
  }
}

/** Which device to open. Every given field must match; give at least one. */
export interface DeviceMatcher {
  readonly path?: string;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly usagePage?: number;
  readonly usage?: number;
}

/** True when `device` has every field `matcher` names. */
export function matchesDevice(device: HidDeviceInfo, matcher: DeviceMatcher): boolean {
  return (
    (matcher.path === undefined || device.path === matcher.path) &&
    (matcher.vendorId === undefined || device.vendorId === matcher.vendorId) &&
    (matcher.productId === undefined || device.productId === matcher.productId) &&
    (matcher.usagePage === undefined || device.usagePage === matcher.usagePage) &&
    (matcher.usage === undefined || device.usage === matcher.usage)
  );
}

/** `0c2e:0b61`, the id the host gives a device unless told otherwise. */
export function vidPid(vendorId: number, productId: number): string {
  return `${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`;
}

export interface OpenOptions {
  /** The decoder to use; by default chosen from the device's usage page and usage. */
  readonly kind?: DeviceKind;
  /** Id put on events; defaults to `vid:pid` from the matcher, else the path. */
  readonly deviceId?: string;
  /** Longest gap inside one multi-report or typed scan, in ms. */
  readonly timeoutMs?: number;
}

/** A report exactly as read, for recording. */
export interface RawReport {
  readonly deviceId: string;
  readonly device: HidDeviceInfo;
  readonly data: Uint8Array;
  /** From the host's clock, in ms. */
  readonly atMs: number;
}

export interface RejectedReport {
  readonly deviceId: string;
  readonly reason: string;
  readonly atMs: number;
}

export interface HidHostEvents {
  /** Decoded input and connection changes. */
  event: [DeviceEvent];
  /** Every report read, before decoding. */
  report: [RawReport];
  /** Reports a decoder refused; worth a log line, not a cashier's attention. */
  rejected: [RejectedReport];
}

export interface HidHostOptions {
  /** node-hid or a stand-in, or a loader for it; defaults to {@link loadNodeHid}, called on first use. */
  readonly hid?: HidApi | (() => HidApi);
  /** How often to look for unplugged and replugged devices, in ms; null turns polling off (call `poll()`). */
  readonly pollIntervalMs?: number | null;
  /** Clock for report times, in ms. */
  readonly now?: () => number;
  /** Where errors thrown by the host's own listeners are reported. */
  readonly log?: (message: string) => void;
}

/** A device the host keeps open while it is plugged in. */
export interface OpenedDevice {
  readonly deviceId: string;
  /** Stops watching and closes the device. */
  close(): Promise<void>;
}

interface Watch {
  readonly matcher: DeviceMatcher;
  readonly deviceId: string;
  readonly options: OpenOptions;
  handle?: HidHandle;
  device?: HidDeviceInfo;
  decoder?: ReportDecoder;
  lastStatus?: string;
  closed: boolean;
}

export class HidHost extends EventEmitter<HidHostEvents> {
  private readonly watches = new Set<Watch>();
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private loaded?: HidApi;
  private timer?: ReturnType<typeof setInterval>;
  private inFlight?: Promise<void>;
  private rerun = false;
  private closed = false;

  constructor(private readonly options: HidHostOptions = {}) {
    super();
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /**
   * Lists the HID devices present now.
   * @throws HidUnavailableError when node-hid cannot load
   */
  async listDevices(): Promise<HidDeviceInfo[]> {
    return this.api().devicesAsync();
  }

  /**
   * Opens the first device matching `matcher` now if it is present, and again whenever it
   * comes back after an unplug. Resolves after the first attempt; its outcome arrives as a
   * `device-status` event (`connected`, `disconnected` while absent, or `error`).
   * @throws HidUnavailableError when node-hid cannot load
   */
  async open(matcher: DeviceMatcher, options: OpenOptions = {}): Promise<OpenedDevice> {
    if (this.closed) throw new Error('HidHost is closed');
    this.api();
    const watch: Watch = { matcher, options, deviceId: options.deviceId ?? defaultDeviceId(matcher), closed: false };
    this.watches.add(watch);
    this.startPolling();
    await this.poll();
    return {
      deviceId: watch.deviceId,
      close: async () => {
        watch.closed = true;
        this.watches.delete(watch);
        await this.release(watch);
      },
    };
  }

  /**
   * One pass of hot-plug handling: closes devices that vanished, opens watched devices that
   * are present. Never rejects. Calls made while a pass runs share it (plus one more pass).
   */
  poll(): Promise<void> {
    if (this.inFlight) {
      this.rerun = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      try {
        do {
          this.rerun = false;
          await this.pollOnce();
        } while (this.rerun && !this.closed);
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }

  /** Stops polling and closes every device. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const watches = [...this.watches];
    this.watches.clear();
    for (const watch of watches) watch.closed = true;
    await Promise.all(watches.map((watch) => this.release(watch)));
  }

  private api(): HidApi {
    if (this.loaded) return this.loaded;
    const source = this.options.hid ?? loadNodeHid;
    if (typeof source !== 'function') return (this.loaded = source);
    try {
      return (this.loaded = source());
    } catch (error) {
      throw error instanceof HidUnavailableError ? error : new HidUnavailableError(error);
    }
  }

  private startPolling(): void {
    const interval = this.options.pollIntervalMs === undefined ? 1500 : this.options.pollIntervalMs;
    if (interval === null || this.timer !== undefined) return;
    this.timer = setInterval(() => void this.poll(), interval);
  }

  private async pollOnce(): Promise<void> {
    if (this.watches.size === 0) return;
    let devices: HidDeviceInfo[];
    try {
      devices = await this.api().devicesAsync();
    } catch (error) {
      for (const watch of this.watches) this.setStatus(watch, 'error', `cannot list HID devices: ${describe(error)}`);
      return;
    }
    for (const watch of [...this.watches]) {
      if (watch.handle) {
        // Some platforms never report an error for an unplugged device: its absence is the signal.
        if (!devices.some((device) => device.path === watch.device?.path)) await this.disconnect(watch, 'device unplugged');
        continue;
      }
      const device = devices.find((candidate) => matchesDevice(candidate, watch.matcher));
      if (device) await this.connect(watch, device);
      else this.setStatus(watch, 'disconnected', 'device not plugged in');
    }
  }

  private async connect(watch: Watch, device: HidDeviceInfo): Promise<void> {
    if (device.path === undefined) {
      this.setStatus(watch, 'error', 'device has no path to open');
      return;
    }
    let handle: HidHandle;
    try {
      handle = await this.api().HIDAsync.open(device.path);
    } catch (error) {
      const hint = process.platform === 'linux' ? ' (check the udev rule for /dev/hidraw* access, see pos-desktop/README.md)' : '';
      this.setStatus(watch, 'error', `cannot open ${device.path}: ${describe(error)}${hint}`);
      return;
    }
    if (watch.closed) {
      await closeQuietly(handle);
      return;
    }
    const kind = watch.options.kind ?? kindForUsage(device.usagePage, device.usage);
    watch.handle = handle;
    watch.device = device;
    watch.decoder =
      kind === null ? undefined : createDecoder(kind, { deviceId: watch.deviceId, ...(watch.options.timeoutMs === undefined ? {} : { timeoutMs: watch.options.timeoutMs }) });
    // The error listener goes first: an EventEmitter without one throws, and an unplug is an error.
    handle.on('error', (error) => {
      if (watch.handle === handle) void this.disconnect(watch, `device read failed (unplugged?): ${describe(error)}`);
    });
    handle.on('data', (report) => {
      if (watch.handle === handle) this.receive(watch, device, report);
    });
    const what = [device.manufacturer, device.product].filter(Boolean).join(' ') || vidPid(device.vendorId, device.productId);
    this.setStatus(watch, 'connected', kind === null ? `${what} (no decoder for this usage)` : `${what} as ${kind}`);
  }

  private receive(watch: Watch, device: HidDeviceInfo, report: Uint8Array): void {
    const atMs = this.now();
    // A throwing listener must not look like an unplug to node-hid, which would emit 'error'.
    try {
      this.emit('report', { deviceId: watch.deviceId, device, data: report, atMs });
      for (const outcome of watch.decoder?.push(report, atMs) ?? []) {
        if (outcome.ok) this.emit('event', outcome.event);
        else this.emit('rejected', { deviceId: watch.deviceId, reason: outcome.reason, atMs });
      }
    } catch (error) {
      this.log(`HidHost listener failed for ${watch.deviceId}: ${describe(error)}`);
    }
  }

  private async disconnect(watch: Watch, reason: string): Promise<void> {
    const handle = this.detach(watch);
    if (!handle) return;
    // Say it before awaiting the close, so a poll running meanwhile cannot tell it differently.
    this.setStatus(watch, 'disconnected', reason);
    await closeQuietly(handle);
  }

  private async release(watch: Watch): Promise<void> {
    const handle = this.detach(watch);
    if (handle) await closeQuietly(handle);
  }

  /** Forgets the open device (and any partial scan with it); returns the handle to close. */
  private detach(watch: Watch): HidHandle | undefined {
    const handle = watch.handle;
    watch.handle = undefined;
    watch.device = undefined;
    watch.decoder = undefined;
    return handle;
  }

  /**
   * Emits a status change once: a repeated status is dropped, except an error with a new
   * message (the cause changed, the technician should see it).
   */
  private setStatus(watch: Watch, status: DeviceConnectionStatus, message: string): void {
    const key = status === 'error' ? `${status}\n${message}` : status;
    if (watch.lastStatus === key || watch.closed) return;
    watch.lastStatus = key;
    try {
      this.emit('event', { kind: 'device-status', deviceId: watch.deviceId, status, message });
    } catch (error) {
      this.log(`HidHost listener failed for ${watch.deviceId}: ${describe(error)}`);
    }
  }
}

function defaultDeviceId(matcher: DeviceMatcher): string {
  if (matcher.vendorId !== undefined && matcher.productId !== undefined) return vidPid(matcher.vendorId, matcher.productId);
  if (matcher.path !== undefined) return matcher.path;
  if (matcher.usagePage !== undefined) return `usage-page-0x${matcher.usagePage.toString(16)}`;
  return 'hid-device';
}

/** Closing an unplugged device can fail; it is gone either way. */
async function closeQuietly(handle: HidHandle): Promise<void> {
  try {
    await handle.close();
  } catch {
    // nothing to do
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
