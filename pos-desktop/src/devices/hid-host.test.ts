import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceEvent } from './events';
import { fixtureReports } from './fixtures/load';
import { HidHost, HidUnavailableError, loadNodeHid, type HidApi, type HidDeviceInfo, type HidHandle, type RawReport } from './hid-host';

/** An open device of the fake node-hid: reports and errors are pushed by the test. */
class FakeHandle extends EventEmitter implements HidHandle {
  closed = false;
  constructor(readonly path: string) {
    super();
  }
  async close(): Promise<void> {
    this.closed = true;
    this.removeAllListeners();
  }
  send(report: Uint8Array | number[]): void {
    this.emit('data', Buffer.from(report));
  }
  /** What node-hid does when the device is pulled out: an 'error', no close event. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }
}

/** node-hid 3 stand-in: a device list the test edits, opens that can be made to fail. */
class FakeHid implements HidApi {
  devices: HidDeviceInfo[] = [];
  readonly opened: FakeHandle[] = [];
  readonly openFailures = new Map<string, Error>();
  listFailure?: Error;
  readonly HIDAsync = {
    open: async (path: string): Promise<FakeHandle> => {
      const failure = this.openFailures.get(path);
      if (failure) throw failure;
      const handle = new FakeHandle(path);
      this.opened.push(handle);
      return handle;
    },
  };
  devicesAsync(): Promise<HidDeviceInfo[]> {
    // The real binding throws synchronously when it cannot load; mimic that, not a rejection.
    if (this.listFailure) throw this.listFailure;
    return Promise.resolve(this.devices.map((device) => ({ ...device })));
  }
  get last(): FakeHandle {
    return this.opened[this.opened.length - 1]!;
  }
}

const SCANNER: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b6a,
  path: '/dev/hidraw3',
  manufacturer: 'Honeywell',
  product: 'Voyager 1450g',
  release: 0x100,
  interface: 0,
  usagePage: 0x8c,
  usage: 0x02,
};
const READER: HidDeviceInfo = { ...SCANNER, vendorId: 0x0801, productId: 0x0002, path: '/dev/hidraw5', manufacturer: 'MagTek', product: 'USB Swipe Reader', usagePage: 0x8e, usage: 0x01 };

function setup(options: { pollIntervalMs?: number | null } = {}) {
  const hid = new FakeHid();
  const host = new HidHost({ hid, pollIntervalMs: options.pollIntervalMs === undefined ? null : options.pollIntervalMs, now: () => 1_000 });
  const events: DeviceEvent[] = [];
  const reports: RawReport[] = [];
  const rejected: string[] = [];
  host.on('event', (event) => events.push(event));
  host.on('report', (report) => reports.push(report));
  host.on('rejected', (report) => rejected.push(report.reason));
  return { hid, host, events, reports, rejected };
}

const ean = fixtureReports('honeywell-ean13.hid');
const qr = fixtureReports('honeywell-qr-two-reports.hid');
const statuses = (events: DeviceEvent[]) => events.flatMap((event) => (event.kind === 'device-status' ? [`${event.status}: ${event.message}`] : []));
const scans = (events: DeviceEvent[]) => events.flatMap((event) => (event.kind === 'barcode-scanned' ? [event.data] : []));

afterEach(() => {
  vi.useRealTimers();
});

describe('HidHost with a fake node-hid', () => {
  it('opens a matching device and publishes its decoded scans', async () => {
    const { hid, host, events, reports } = setup();
    hid.devices = [READER, SCANNER];
    const opened = await host.open({ vendorId: 0x0c2e, productId: 0x0b6a });
    expect(opened.deviceId).toBe('0c2e:0b6a');
    expect(hid.opened.map((handle) => handle.path)).toEqual(['/dev/hidraw3']);
    hid.last.send(ean[0]!);
    expect(events).toEqual([
      { kind: 'device-status', deviceId: '0c2e:0b6a', status: 'connected', message: 'Honeywell Voyager 1450g as barcode' },
      { kind: 'barcode-scanned', data: '4006381333931', symbology: ']E0', symbologyName: 'EAN/UPC', deviceId: '0c2e:0b6a' },
    ]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ deviceId: '0c2e:0b6a', atMs: 1_000 });
    expect(Array.from(reports[0]!.data)).toEqual(Array.from(ean[0]!));
    await host.close();
    expect(hid.last.closed).toBe(true);
  });

  it('survives an unplug and reopens the device when it comes back at a new path', async () => {
    const { hid, host, events, rejected } = setup();
    hid.devices = [SCANNER];
    await host.open({ vendorId: 0x0c2e, productId: 0x0b6a });
    const first = hid.last;
    first.send(qr[0]!); // half a QR code, then the cable comes out
    hid.devices = [];
    expect(() => first.unplug()).not.toThrow();
    await vi.waitFor(() => expect(first.closed).toBe(true));
    await host.poll(); // still gone: no reopen, no second "disconnected"
    expect(hid.opened).toHaveLength(1);

    hid.devices = [{ ...SCANNER, path: '/dev/hidraw7' }];
    await host.poll();
    expect(hid.opened.map((handle) => handle.path)).toEqual(['/dev/hidraw3', '/dev/hidraw7']);
    hid.last.send(qr[1]!); // the tail of the old scan alone is a complete 4-byte scan
    hid.last.send(ean[1]!);
    first.send(ean[0]!); // a late report from the dead handle is ignored

    expect(statuses(events)).toEqual([
      'connected: Honeywell Voyager 1450g as barcode',
      'disconnected: device read failed (unplugged?): could not read from HID device',
      'connected: Honeywell Voyager 1450g as barcode',
    ]);
    expect(scans(events)).toEqual(['2027', '0420000000013']);
    expect(rejected).toEqual([]);
    await host.close();
  });

  it('notices a device that vanished from the list without an error', async () => {
    const { hid, host, events } = setup();
    hid.devices = [SCANNER];
    await host.open({ usagePage: 0x8c });
    hid.devices = [];
    await host.poll();
    expect(hid.last.closed).toBe(true);
    expect(statuses(events).at(-1)).toBe('disconnected: device unplugged');
    await host.close();
  });

  it('reports a device that is not plugged in yet, then opens it once it appears', async () => {
    const { hid, host, events } = setup();
    await host.open({ vendorId: 0x0801, productId: 0x0002 });
    expect(hid.opened).toHaveLength(0);
    hid.devices = [READER];
    await host.poll();
    hid.last.send(fixtureReports('magtek-loyalty-track2.hid')[0]!);
    expect(events).toEqual([
      { kind: 'device-status', deviceId: '0801:0002', status: 'disconnected', message: 'device not plugged in' },
      { kind: 'device-status', deviceId: '0801:0002', status: 'connected', message: 'MagTek USB Swipe Reader as msr' },
      { kind: 'card-read', cardNumber: '0420000000013', track: 2, deviceId: '0801:0002' },
    ]);
    await host.close();
  });

  it('reopens after an unplug by polling on its own timer', async () => {
    vi.useFakeTimers();
    const { hid, host, events } = setup({ pollIntervalMs: 1_500 });
    hid.devices = [SCANNER];
    await host.open({ vendorId: 0x0c2e, productId: 0x0b6a });
    hid.devices = [];
    hid.last.unplug();
    await vi.advanceTimersByTimeAsync(1_500);
    hid.devices = [{ ...SCANNER, path: '/dev/hidraw8' }];
    await vi.advanceTimersByTimeAsync(1_499);
    expect(hid.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hid.opened.map((handle) => handle.path)).toEqual(['/dev/hidraw3', '/dev/hidraw8']);
    expect(statuses(events).map((status) => status.split(':')[0])).toEqual(['connected', 'disconnected', 'connected']);
    await host.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hid.opened).toHaveLength(2);
  });

  it('reports a device it cannot open, with the udev hint, and retries on the next poll', async () => {
    const { hid, host, events } = setup();
    hid.devices = [SCANNER];
    hid.openFailures.set('/dev/hidraw3', new Error('Permission denied'));
    await host.open({ vendorId: 0x0c2e, productId: 0x0b6a });
    await host.poll(); // same error again: said once
    hid.openFailures.clear();
    await host.poll();
    const said = statuses(events);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^error: cannot open \/dev\/hidraw3: Permission denied/);
    if (process.platform === 'linux') expect(said[0]).toContain('udev rule');
    expect(said[1]).toBe('connected: Honeywell Voyager 1450g as barcode');
    await host.close();
  });

  it('turns a failing device listing into an error status instead of a crash', async () => {
    const { hid, host, events } = setup();
    hid.listFailure = new Error('hid_enumerate failed');
    await host.open({ usagePage: 0x8c }, { deviceId: 'scanner' });
    expect(events).toEqual([{ kind: 'device-status', deviceId: 'scanner', status: 'error', message: 'cannot list HID devices: hid_enumerate failed' }]);
    await expect(host.listDevices()).rejects.toThrow('hid_enumerate failed');
    await host.close();
  });

  it('publishes raw reports of devices it has no decoder for, and honours an explicit kind', async () => {
    const { hid, host, events, reports } = setup();
    const vendorPage: HidDeviceInfo = { ...SCANNER, path: '/dev/hidraw9', usagePage: 0xff00, usage: 0x01 };
    hid.devices = [vendorPage];
    await host.open({ path: '/dev/hidraw9' });
    hid.last.send(ean[0]!);
    expect(reports).toHaveLength(1);
    expect(scans(events)).toEqual([]);
    expect(statuses(events)).toEqual(['connected: Honeywell Voyager 1450g (no decoder for this usage)']);

    const forced = setup();
    forced.hid.devices = [vendorPage];
    await forced.host.open({ path: '/dev/hidraw9' }, { kind: 'barcode' });
    forced.hid.last.send(ean[0]!);
    expect(scans(forced.events)).toEqual(['4006381333931']);
    await host.close();
    await forced.host.close();
  });

  it('keeps the device open when one of its own listeners throws', async () => {
    const hid = new FakeHid();
    hid.devices = [SCANNER];
    const logged: string[] = [];
    const host = new HidHost({ hid, pollIntervalMs: null, log: (message) => logged.push(message) });
    await host.open({ usagePage: 0x8c });
    host.on('event', (event) => {
      if (event.kind === 'barcode-scanned') throw new Error('renderer gone');
    });
    hid.last.send(ean[0]!);
    expect(logged).toEqual(['HidHost listener failed for usage-page-0x8c: renderer gone']);
    expect(hid.last.closed).toBe(false);
    await host.close();
  });

  it('stops watching a device closed by its owner', async () => {
    const { hid, host } = setup();
    hid.devices = [SCANNER];
    const opened = await host.open({ usagePage: 0x8c });
    await opened.close();
    expect(hid.last.closed).toBe(true);
    await host.poll();
    expect(hid.opened).toHaveLength(1);
    await host.close();
  });
});

describe('loading node-hid', () => {
  it('turns a missing native library into a clear, actionable error', async () => {
    const host = new HidHost({
      hid: () => {
        throw Object.assign(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory'), { code: 'ERR_DLOPEN_FAILED' });
      },
      pollIntervalMs: null,
    });
    const failure = host.listDevices();
    await expect(failure).rejects.toBeInstanceOf(HidUnavailableError);
    await expect(failure).rejects.toThrow(
      'node-hid could not load: install libusb-1.0-0 and libudev1 (Debian/Ubuntu: sudo apt-get install libusb-1.0-0 libudev1), then restart. ' +
        'Cause: libusb-1.0.so.0: cannot open shared object file: No such file or directory',
    );
    await expect(host.open({ usagePage: 0x8c })).rejects.toBeInstanceOf(HidUnavailableError);
  });

  it('the real loader either works or says what to install', () => {
    let api: HidApi | undefined;
    try {
      api = loadNodeHid();
    } catch (error) {
      expect(error).toBeInstanceOf(HidUnavailableError);
      expect((error as Error).message).toMatch(/^node-hid could not load: install libusb-1.0-0 and libudev1/);
      return;
    }
    expect(typeof api.devicesAsync).toBe('function');
  });
});
