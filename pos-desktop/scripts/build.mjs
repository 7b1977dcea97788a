#!/usr/bin/env node
/**
 * Builds the till into pos-desktop/dist, for `npm run pos` and `npm run package`:
 *
 * - dist/main, dist/preload, dist/shared, dist/devices: tsc with scripts/tsconfig.build.json
 *   (CommonJS, without tests). The preload must need nothing but `electron` at run time (the
 *   sandbox cannot load our other files): checked here after compiling.
 * - dist/renderer: `npm run build:web` (Vite; the renderer's own script).
 *
 *   node scripts/build.mjs [--main-only]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const POS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(POS_DIR, '..');
export const DIST = path.join(POS_DIR, 'dist');

export class BuildError extends Error {}

function run(command, args, what, options = {}) {
  console.error(`\n> ${what}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: POS_DIR, ...options });
  if (result.error) throw new BuildError(`${what} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new BuildError(`${what} failed (exit code ${result.status ?? result.signal})`);
}

/** npm itself: the one running us when started by `npm run`, else `npm` on PATH. */
export function npmCommand(args) {
  const cli = process.env.npm_execpath;
  if (cli && cli.endsWith('.js')) return { command: process.execPath, args: [cli, ...args], shell: false };
  return { command: 'npm', args, shell: process.platform === 'win32' };
}

/** Compiles main, preload, shared and devices into dist/. */
export function buildMain() {
  for (const dir of ['main', 'preload', 'shared', 'devices']) rmSync(path.join(DIST, dir), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  run(process.execPath, [tsc, '-p', path.join(POS_DIR, 'scripts', 'tsconfig.build.json')], 'Compiling the main process and the preload script (tsc)');
  checkPreload(path.join(DIST, 'preload', 'preload.js'));
}

/** The sandboxed preload can `require('electron')` and nothing of ours. */
export function checkPreload(file) {
  const code = readFileSync(file, 'utf8');
  const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const others = required.filter((name) => name !== 'electron');
  if (others.length) throw new BuildError(`${file} requires ${others.join(', ')}: a sandboxed preload can load only 'electron'. Import only types there.`);
}

/** Builds the renderer with Vite (the renderer's `build:web` script). */
export function buildWeb() {
  const npm = npmCommand(['run', 'build:web']);
  run(npm.command, npm.args, 'Building the renderer (npm run build:web)', { shell: npm.shell });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    buildMain();
    if (!process.argv.includes('--main-only')) buildWeb();
  } catch (error) {
    console.error(`\n${error instanceof BuildError ? error.message : error}`);
    process.exit(1);
  }
}
