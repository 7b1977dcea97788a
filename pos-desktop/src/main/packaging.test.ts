/**
 * The packaging files cannot be exercised here (electron-builder needs the network), so these
 * checks catch what would only show on a till: a missing install script, a template name
 * electron-builder would not fill in, a udev rule for the wrong devices.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const POS = path.resolve(__dirname, '..', '..');
const ROOT = path.resolve(POS, '..');
const builderYml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
const LINUX = path.join(POS, 'build', 'linux');
const SCRIPTS = ['after-install.sh', 'after-remove.sh'];

describe('packaging', () => {
  it('installs a udev rule giving the seat user the HID-POS scanner and stripe reader vendors', () => {
    const rules = readFileSync(path.join(LINUX, '70-loyalty-till-hid.rules'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'));
    // Honeywell, Hand Held, Zebra, Datalogic, Newland, MagTek (REFERENCES.md, "HID devices").
    const vendors = ['0c2e', '0536', '05e0', '05f9', '1eab', '0801'];
    expect(rules).toEqual(vendors.map((vendor) => `KERNEL=="hidraw*", ATTRS{idVendor}=="${vendor}", TAG+="uaccess"`));
  });

  it('points electron-builder at files that exist, from the repository root', () => {
    const referenced = [...builderYml.matchAll(/pos-desktop\/build\/[^\s"']+/g)].map((match) => match[0]);
    expect(referenced).toEqual(expect.arrayContaining(['pos-desktop/build/linux/after-install.sh', 'pos-desktop/build/linux/after-remove.sh', 'pos-desktop/build/linux/70-loyalty-till-hid.rules']));
    for (const file of referenced) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    // The rule reaches the place after-install.sh copies it from.
    expect(builderYml).toMatch(/to: udev\/70-loyalty-till-hid\.rules/);
    expect(readFileSync(path.join(LINUX, 'after-install.sh'), 'utf8')).toContain("/resources/udev/70-loyalty-till-hid.rules'");
  });

  it('starts the compiled main process and keeps native modules out of the asar', () => {
    expect(builderYml).toMatch(/^\s+main: dist\/main\/main\.js$/m);
    expect(existsSync(path.join(POS, 'src', 'main', 'main.ts'))).toBe(true); // compiled to dist/main/main.js (rootDir src)
    expect(builderYml).toMatch(/asarUnpack:\s*\n\s+- "\*\*\/\*\.node"/);
    expect(builderYml).toMatch(/depends: \[libudev1, libusb-1\.0-0,/);
    expect(builderYml).toMatch(/^\s+app: pos-desktop$/m);
  });

  it('uses only the template names electron-builder fills in, in valid bash', () => {
    for (const script of SCRIPTS) {
      const text = readFileSync(path.join(LINUX, script), 'utf8');
      const names = new Set([...text.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]));
      expect([...names].filter((name) => name !== 'executable' && name !== 'sanitizedProductName'), script).toEqual([]);
      if (process.platform !== 'win32') {
        const check = spawnSync('bash', ['-n', path.join(LINUX, script)], { encoding: 'utf8' });
        expect(check.status, check.stderr).toBe(0);
      }
    }
  });
});
