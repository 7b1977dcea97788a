#!/usr/bin/env node
/**
 * `npm run package`: builds the till, then packages it with electron-builder 26 using the
 * repository's electron-builder.yml (AppImage + deb on Linux, nsis on Windows, dmg on macOS; the
 * targets of the machine it runs on unless told otherwise):
 *
 *   npm run -w pos-desktop package [-- --linux deb] [-- --win] ...
 *
 * Needs the network: npx fetches electron-builder, which downloads the Electron release for the
 * target platform (and its packaging tools). The project directory is the repository root and
 * the app directory `pos-desktop` (directories.app), so paths in the config are from the root.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BuildError, buildMain, buildWeb, REPO_ROOT } from './build.mjs';

try {
  buildMain();
  buildWeb();
} catch (error) {
  console.error(`\n${error instanceof BuildError ? error.message : error}`);
  process.exit(1);
}
const args = ['--yes', 'electron-builder@26', '--projectDir', REPO_ROOT, '--config', path.join(REPO_ROOT, 'electron-builder.yml'), ...process.argv.slice(2)];
console.error(`\n> npx ${args.join(' ')}`);
const result = spawnSync('npx', args, { stdio: 'inherit', cwd: REPO_ROOT, shell: process.platform === 'win32' });
if (result.error) console.error(`npx could not start: ${result.error.message}`);
process.exit(result.status ?? 1);
