import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = path.resolve(__dirname, '../..');
const tsc = path.resolve(pkg, '../node_modules/typescript/bin/tsc');
const dir = mkdtempSync(path.join(tmpdir(), 'renderer-boundary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks `source` as if it were renderer code (the renderer's own tsconfig). */
function checkAsRenderer(source: string) {
  writeFileSync(path.join(dir, 'probe.ts'), source);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(pkg, 'tsconfig.renderer.json'), include: [path.join(dir, 'probe.ts')] }));
  return spawnSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
}

describe('the renderer process boundary', () => {
  it('cannot import Node modules', () => {
    const result = checkAsRenderer(`import { readFileSync } from 'node:fs';\nexport const x = readFileSync('/etc/passwd', 'utf8');\n`);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("Cannot find module 'node:fs'");
  });

  it('can use the DOM and the shared contract', () => {
    const result = checkAsRenderer(`import { IPC } from '${path.join(pkg, 'src/shared/ipc')}';\nexport const x: string = IPC.graphql + document.title;\n`);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
