#!/usr/bin/env node
/**
 * `npm run pos`: builds the till and starts it in Electron.
 *
 *   npm run pos [-- --skip-build] [-- <arguments for Electron>]
 *
 * The Electron binary is not part of `npm ci` here (its install script is not allowed: it
 * downloads from GitHub). When it is missing this tries the download once
 * (node node_modules/electron/install.js) and otherwise explains what to do instead. Nothing in
 * `npm ci` or `npm test` needs the binary.
 *
 * LOYALTY_DATA_DIR defaults to the repository's .data, so the demo till token written by
 * `npm start` is found whichever directory npm runs this from.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BuildError, buildMain, buildWeb, DIST, POS_DIR, REPO_ROOT } from './build.mjs';

const NO_BINARY =
  'The Electron binary could not be downloaded (no network?). The till also runs in a browser: npm run pos:web.\n' +
  '(Or install Electron 45 yourself and point ELECTRON_OVERRIDE_DIST_PATH at its directory.)';

function electronPackageDir() {
  return path.dirname(createRequire(path.join(POS_DIR, 'package.json')).resolve('electron/package.json'));
}

/** The Electron executable if it is installed, else null. Same rules as the electron package's index.js. */
export function electronBinary(dir = electronPackageDir(), env = process.env) {
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = path.join(dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function ensureElectron() {
  const dir = electronPackageDir();
  const found = electronBinary(dir);
  if (found) return found;
  console.error('\n> The Electron binary is not installed; trying to download it once (node node_modules/electron/install.js)');
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'inherit', cwd: dir, timeout: 180_000 });
  if (result.status === 0) return electronBinary(dir);
  return null;
}

function main() {
  const args = process.argv.slice(2);
  const skipBuild = args.includes('--skip-build');
  const electronArgs = args.filter((arg) => arg !== '--skip-build');
  try {
    if (!skipBuild) {
      buildMain();
      buildWeb();
    }
  } catch (error) {
    console.error(`\n${error instanceof BuildError ? error.message : error}`);
    process.exit(1);
  }
  const entry = path.join(DIST, 'main', 'main.js');
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run without --skip-build.`);
    process.exit(1);
  }
  const electron = ensureElectron();
  if (!electron) {
    console.error(`\n${NO_BINARY}`);
    process.exit(1);
  }
  const env = { ...process.env, LOYALTY_DATA_DIR: process.env.LOYALTY_DATA_DIR || path.join(REPO_ROOT, '.data') };
  delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; it would turn Electron into plain Node
  console.error(`\n> ${electron} ${path.relative(process.cwd(), entry)} ${electronArgs.join(' ')}`.trimEnd());
  const child = spawn(electron, [entry, ...electronArgs], { stdio: 'inherit', cwd: REPO_ROOT, env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Electron could not start: ${error.message}`);
    process.exit(1);
  });
}

main();
