import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from './doctor';
import { fixturePath, fixtureReports } from './fixtures/load';
import type { HidApi, HidDeviceInfo } from './hid-host';
import { parseRecording } from './recording';

async function doctor(argv: string[], extra: { hid?: HidApi; interrupted?: Promise<void> } = {}) {
  let out = '';
  let err = '';
  const code = await runDoctor(argv, { out: (text) => (out += text), err: (text) => (err += text), cwd: tmpdir(), ...extra });
  const lines = out.split('\n').filter((line) => line !== '');
  return { code, out, err, lines };
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
const KEYBOARD: HidDeviceInfo = { ...SCANNER, vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', manufacturer: 'Logitech', product: 'Keyboard', usagePage: 0x01, usage: 0x06 };

/** A fake node-hid whose device sends `reports` as soon as reading starts, then calls `done`. */
function fakeHid(devices: HidDeviceInfo[], reports: Uint8Array[] = [], done: () => void = () => {}): HidApi {
  return {
    devicesAsync: async () => devices,
    HIDAsync: {
      open: async () => {
        const handle = Object.assign(new EventEmitter(), { close: async () => {} });
        handle.on('newListener', (name) => {
          if (name !== 'data') return;
          setImmediate(() => {
            for (const report of reports) handle.emit('data', Buffer.from(report));
            done();
          });
        });
        return handle;
      },
    },
  };
}

describe('doctor replay', () => {
  it('prints one JSON event per line for a recording', async () => {
    const { code, lines, err } = await doctor(['replay', fixturePath('honeywell-qr-two-reports.hid')]);
    expect(code).toBe(EXIT_OK);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        kind: 'barcode-scanned',
        data: 'https://loyalty.example/c/0420000000013?campaign=SPRING-2027',
        symbology: ']Q1',
        symbologyName: 'QR Code',
        deviceId: '0c2e:0b6a',
      },
    ]);
    expect(err).toBe('replayed 2 reports as barcode (from descriptor): 1 events, 0 rejected\n');
  });

  it('prints rejected reports in the same stream, in order', async () => {
    const { code, lines } = await doctor(['replay', fixturePath('hidpos-garbage.hid')]);
    expect(code).toBe(EXIT_OK);
    const parsed = lines.map((line) => JSON.parse(line) as { kind: string; report?: number | null });
    expect(parsed.map((line) => line.kind)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'barcode-scanned', 'rejected']);
    expect(parsed[0]).toEqual({ kind: 'rejected', reason: 'HID-POS report too short: 4 bytes, need at least 8', report: 1, time: '0.000000' });
    expect(parsed.at(-1)).toMatchObject({ report: null, reason: expect.stringMatching(/^recording ended: scan incomplete/) });
  });

  it('chooses the decoder from the descriptor, the usage-page comment or --kind', async () => {
    const swipe = await doctor(['replay', fixturePath('magtek-loyalty-track2.hid')]);
    expect(JSON.parse(swipe.lines[0]!)).toEqual({ kind: 'card-read', cardNumber: '0420000000013', track: 2, deviceId: '0801:0002' });
    const shifted = await doctor(['replay', fixturePath('newland-shifted-layout.hid')]);
    expect(shifted.err).toContain('as barcode (from usage-page comment)');
    const typed = await doctor(['replay', fixturePath('keyboard-coupon-and-swipe.hid')]);
    expect(typed.lines.map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual(['barcode-scanned', 'card-read']);

    // The same keyboard reports forced through the HID-POS decoder are all refused.
    const forced = await doctor(['replay', fixturePath('keyboard-coupon-and-swipe.hid'), '--kind', 'barcode']);
    expect(forced.err).toContain('as barcode (from --kind): 0 events');
  });

  it('asks for --kind when the recording does not say what device it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
    writeFileSync(join(dir, 'bare.hid'), 'N: something\nE: 0.000000 8 00 00 04 00 00 00 00 00\nE: 0.004000 5 01 02 03 04 05\n');
    const bare = await doctor(['replay', join(dir, 'bare.hid')]);
    expect(bare.code).toBe(EXIT_USAGE);
    expect(bare.err).toContain('pass --kind');
    const forced = await doctor(['replay', join(dir, 'bare.hid'), '--kind', 'keyboard']);
    expect(forced.code).toBe(EXIT_OK);
    expect(forced.err).toContain('as keyboard (from --kind)');
  });

  it("decodes a scanner vendor's keyboard-mode scanner from its report shape, before the vendor id", async () => {
    const { code, lines, err } = await doctor(['replay', fixturePath('honeywell-keyboard-no-descriptor.hid')]);
    expect(code).toBe(EXIT_OK);
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ kind: 'barcode-scanned', data: '4006381333931', symbology: null, deviceId: '0c2e:0b61' }]);
    expect(err).toBe('replayed 28 reports as keyboard (from report shape: 8-byte boot keyboard reports with a zero reserved byte): 1 events, 0 rejected\n');
  });

  it('falls back to the device name, then the vendor id, and says which rule chose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
    // no reports to judge by: the name says keyboard although the vendor makes scanners
    writeFileSync(join(dir, 'named.hid'), 'N: Honeywell Voyager 1450g Keyboard\nI: 3 0c2e 0b61\n');
    expect((await doctor(['replay', join(dir, 'named.hid')])).err).toContain('as keyboard (from device name "Honeywell Voyager 1450g Keyboard")');
    writeFileSync(join(dir, 'vendor.hid'), 'N: Voyager 1450g\nI: 3 0c2e 0b61\n');
    expect((await doctor(['replay', join(dir, 'vendor.hid')])).err).toContain('as barcode (from vendor id)');
    writeFileSync(join(dir, 'swipe.hid'), 'N: USB Swipe Reader\nI: 3 1234 0001\n');
    expect((await doctor(['replay', join(dir, 'swipe.hid')])).err).toContain('as msr (from device name "USB Swipe Reader")');
  });

  it('exits 2 for missing and malformed files, naming the bad line', async () => {
    const missing = await doctor(['replay', 'no-such-recording.hid']);
    expect(missing.code).toBe(EXIT_PROBLEM);
    expect(missing.err).toMatch(/cannot read .*no-such-recording\.hid: ENOENT/);

    const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
    writeFileSync(join(dir, 'bad.hid'), '# fine\nE: 0.000000 3 01 02\n');
    const bad = await doctor(['replay', join(dir, 'bad.hid')]);
    expect(bad.code).toBe(EXIT_PROBLEM);
    expect(bad.err).toContain('bad.hid: line 2: E: says 3 bytes but lists 2');
  });

  it('exits 1 on usage errors', async () => {
    expect((await doctor([])).code).toBe(EXIT_USAGE);
    expect((await doctor(['frobnicate'])).err).toContain('unknown command "frobnicate"');
    expect((await doctor(['replay'])).err).toContain('missing FILE');
    expect((await doctor(['replay', 'a.hid', '--kind', 'printer'])).err).toContain('--kind must be one of barcode, msr, keyboard');
    expect((await doctor(['list', '--verbose'])).code).toBe(EXIT_USAGE);
    expect((await doctor(['record', '--seconds', '-1'])).code).toBe(EXIT_USAGE);
    expect((await doctor(['--help'])).code).toBe(EXIT_OK);
  });
});

describe('doctor list and record', () => {
  it('lists devices with ids, usage, kind, name and path', async () => {
    const { code, lines } = await doctor(['list'], { hid: fakeHid([KEYBOARD, SCANNER]) });
    expect(code).toBe(EXIT_OK);
    expect(lines).toEqual([
      '046d:c31c  page 0x01 usage 0x06  keyboard  Logitech Keyboard  /dev/hidraw0',
      '0c2e:0b6a  page 0x8c usage 0x02  barcode   Honeywell Voyager 1450g  /dev/hidraw3',
    ]);
    const json = await doctor(['list', '--json'], { hid: fakeHid([SCANNER]) });
    expect(JSON.parse(json.lines[0]!)).toEqual(SCANNER);
  });

  it('exits 2 with the install hint when node-hid cannot load', async () => {
    const { code, err } = await runDoctorWithBrokenHid();
    expect(code).toBe(EXIT_PROBLEM);
    expect(err).toMatch(/^doctor: node-hid could not load: install libusb-1.0-0 and libudev1/);
  });

  it('records the only HID-POS device to a file that replays to the same scans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
    let finish!: () => void;
    const interrupted = new Promise<void>((resolve) => (finish = resolve));
    const hid = fakeHid([KEYBOARD, SCANNER], fixtureReports('honeywell-qr-two-reports.hid'), () => finish());
    const recorded = await doctor(['record', '--out', join(dir, 'scan.hid')], { hid, interrupted });
    expect(recorded.code).toBe(EXIT_OK);
    expect(recorded.err).toContain('recorded 2 reports to');
    expect(recorded.err).toContain('"kind":"barcode-scanned"');

    const recording = parseRecording(readFileSync(join(dir, 'scan.hid'), 'utf8'));
    expect(recording).toMatchObject({ name: 'Voyager 1450g', vendorId: 0x0c2e, productId: 0x0b6a, usagePage: 0x8c, usage: 0x02 });
    expect(recording.reports.map((report) => Array.from(report.data))).toEqual(
      fixtureReports('honeywell-qr-two-reports.hid').map((report) => Array.from(report)),
    );
    const replayed = await doctor(['replay', join(dir, 'scan.hid')]);
    expect(JSON.parse(replayed.lines[0]!)).toMatchObject({ kind: 'barcode-scanned', symbology: ']Q1' });
  });

  it('refuses to guess between several devices or record a device that is absent', async () => {
    const two = await doctor(['record'], { hid: fakeHid([SCANNER, { ...SCANNER, path: '/dev/hidraw4', productId: 0x0b6b }]) });
    expect(two.code).toBe(EXIT_USAGE);
    expect(two.err).toContain('pick one with --device');
    const none = await doctor(['record'], { hid: fakeHid([KEYBOARD]) });
    expect(none.code).toBe(EXIT_PROBLEM);
    expect(none.err).toContain('no HID-POS scanner or card reader found');
    const absent = await doctor(['record', '--device', '0801:0002'], { hid: fakeHid([SCANNER]) });
    expect(absent.code).toBe(EXIT_PROBLEM);
    expect(absent.err).toContain('no HID device matches 0801:0002');
  });
});

function runDoctorWithBrokenHid() {
  let err = '';
  return runDoctor(['list'], {
    out: () => {},
    err: (text) => (err += text),
    cwd: tmpdir(),
    hid: () => {
      throw new Error('libusb-1.0.so.0: cannot open shared object file');
    },
  }).then((code) => ({ code, err }));
}
