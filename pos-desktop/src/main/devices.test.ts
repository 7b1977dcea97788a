import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { HidHost, type HidApi, type HidDeviceInfo, type HidHandle } from '../devices';
import { fixtureReports } from '../devices/fixtures/load';
import type { DeviceEvent } from '../shared/device-events';
import { checkDeviceConfigs, DEFAULT_DEVICES, DeviceBridge, HID_DEVICE_ID } from './devices';
import { memoryLogger } from './testing/support';

/** node-hid stand-in: a device list and handles the test drives. */
class FakeHandle extends EventEmitter implements HidHandle {
  async close(): Promise<void> {
    this.removeAllListeners();
  }
  send(report: Uint8Array): void {
    this.emit('data', Buffer.from(report));
  }
}
class FakeHid implements HidApi {
  devices: HidDeviceInfo[] = [];
  readonly handles = new Map<string, FakeHandle>();
  readonly HIDAsync = {
    open: async (path: string) => {
      const handle = new FakeHandle();
      this.handles.set(path, handle);
      return handle;
    },
  };
  async devicesAsync(): Promise<HidDeviceInfo[]> {
    return this.devices;
  }
}

const SCANNER: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b6a, path: '/dev/hidraw3', manufacturer: 'Honeywell', product: 'Voyager 1450g', release: 1, interface: 0, usagePage: 0x8c, usage: 0x02 };
const READER: HidDeviceInfo = { vendorId: 0x0801, productId: 0x0002, path: '/dev/hidraw5', manufacturer: 'MagTek', product: 'USB Swipe Reader', release: 1, interface: 0, usagePage: 0x8e, usage: 0x01 };

const bridges: DeviceBridge[] = [];
afterEach(async () => {
  while (bridges.length) await bridges.pop()!.stop();
});

function setup(hid: HidApi | (() => HidApi)) {
  const published: DeviceEvent[] = [];
  const log = memoryLogger();
  const bridge = new DeviceBridge(new HidHost({ hid, pollIntervalMs: null }), (event) => published.push(event), log);
  bridges.push(bridge);
  return { bridge, published, log };
}

describe('DeviceBridge', () => {
  it('opens any HID-POS scanner and stripe reader by default and forwards their events', async () => {
    const hid = new FakeHid();
    hid.devices = [SCANNER, READER];
    const { bridge, published } = setup(hid);
    await bridge.start(DEFAULT_DEVICES);
    expect(published).toEqual([
      { kind: 'device-status', deviceId: 'scanner', status: 'connected', message: 'Honeywell Voyager 1450g as barcode' },
      { kind: 'device-status', deviceId: 'card-reader', status: 'connected', message: 'MagTek USB Swipe Reader as msr' },
    ]);
    for (const report of fixtureReports('honeywell-ean13.hid')) hid.handles.get('/dev/hidraw3')!.send(report);
    for (const report of fixtureReports('magtek-loyalty-track2.hid')) hid.handles.get('/dev/hidraw5')!.send(report);
    const inputs = published.filter((e) => e.kind !== 'device-status');
    // The recording holds a product EAN-13 and a 042 loyalty card EAN-13, then one swipe.
    expect(inputs.map((e) => e.kind)).toEqual(['barcode-scanned', 'barcode-scanned', 'card-read']);
    expect(inputs[0]).toMatchObject({ deviceId: 'scanner', symbology: ']E0', data: '4006381333931' });
    expect(inputs[1]).toMatchObject({ deviceId: 'scanner', data: '0420000000013' });
    expect(inputs[2]).toMatchObject({ deviceId: 'card-reader', track: 2 });
  });

  it('says a configured device is not plugged in', async () => {
    const hid = new FakeHid();
    const { bridge, published } = setup(hid);
    await bridge.start([{ vendorId: 0x0c2e, productId: 0x0b6a, deviceId: 'front-scanner' }]);
    expect(published).toEqual([{ kind: 'device-status', deviceId: 'front-scanner', status: 'disconnected', message: 'device not plugged in' }]);
  });

  it('keeps the till going when node-hid cannot load: one error status, logged', async () => {
    const { bridge, published, log } = setup(() => {
      throw new Error('libudev.so.1: cannot open shared object file');
    });
    await expect(bridge.start(DEFAULT_DEVICES)).resolves.toBeUndefined();
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ kind: 'device-status', deviceId: HID_DEVICE_ID, status: 'error' });
    expect((published[0] as { message: string }).message).toMatch(/install libusb-1.0-0 and libudev1.*libudev\.so\.1/);
    expect(log.text()).toMatch(/keyboard-wedge input/);
  });

  it('sends the latest status of every device again when the page reloads', async () => {
    const hid = new FakeHid();
    hid.devices = [SCANNER];
    const { bridge, published } = setup(hid);
    await bridge.start(DEFAULT_DEVICES);
    published.length = 0;
    bridge.resend();
    expect(published).toEqual([
      { kind: 'device-status', deviceId: 'scanner', status: 'connected', message: 'Honeywell Voyager 1450g as barcode' },
      { kind: 'device-status', deviceId: 'card-reader', status: 'disconnected', message: 'device not plugged in' },
    ]);
  });

  it('survives a window that cannot take events', async () => {
    const hid = new FakeHid();
    hid.devices = [SCANNER];
    const log = memoryLogger();
    const bridge = new DeviceBridge(new HidHost({ hid, pollIntervalMs: null }), () => {
      throw new Error('Object has been destroyed');
    }, log);
    bridges.push(bridge);
    await expect(bridge.start(DEFAULT_DEVICES)).resolves.toBeUndefined();
    expect(log.text()).toMatch(/could not be sent to the window/);
  });

  it('opens nothing for an empty list', async () => {
    const hid = new FakeHid();
    hid.devices = [SCANNER];
    const { bridge, published } = setup(hid);
    await bridge.start([]);
    expect(published).toEqual([]);
    expect(hid.handles.size).toBe(0);
  });
});

describe('checkDeviceConfigs', () => {
  it('accepts ids as numbers or hex strings and a decoder kind', () => {
    expect(checkDeviceConfigs([{ vendorId: '0x0c2e', productId: 2922, kind: 'keyboard', deviceId: 'wedge' }, { usagePage: 0x8e }])).toEqual({
      ok: true,
      value: [{ vendorId: 0x0c2e, productId: 2922, kind: 'keyboard', deviceId: 'wedge' }, { usagePage: 0x8e }],
    });
  });

  it('refuses entries that would match nothing sensible', () => {
    expect(checkDeviceConfigs({ usagePage: 0x8c }).ok).toBe(false);
    expect(checkDeviceConfigs([{ usage: 2 }])).toEqual({ ok: false, message: 'devices[0] needs a vendorId, productId or usagePage' });
    expect(checkDeviceConfigs([{ vendorId: 0x10000 }]).ok).toBe(false);
    expect(checkDeviceConfigs([{ vendorId: '' }]).ok).toBe(false);
    expect(checkDeviceConfigs([{ vendorId: 1, kind: 'printer' }]).ok).toBe(false);
    expect(checkDeviceConfigs([{ vendorId: 1, deviceId: 'a b' }]).ok).toBe(false);
  });
});
