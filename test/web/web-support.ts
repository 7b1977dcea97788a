/**
 * The back office in real headless Chromium (Debian's, driven by playwright-core) against a real
 * subgraph on embedded PostgreSQL that serves the built console and portal itself, as `npm start`
 * does: each test file builds `admin-web` into a temporary directory (a second or two) and points
 * LOYALTY_WEB_DIR at it. `checkAccessibility` runs axe-core on the page.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';
import { startTestService, type TestService, type TestServiceOptions } from '../../subgraph/src/test-support/harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const require = createRequire(__filename);

/**
 * Where screenshots go: a temporary directory, so tests leave the work tree clean; `npm run
 * screenshots` sets WEB_SCREENSHOTS_DIR=docs/screenshots to regenerate the committed ones.
 */
export const SHOTS = process.env.WEB_SCREENSHOTS_DIR ? path.resolve(ROOT, process.env.WEB_SCREENSHOTS_DIR) : mkdtempSync(path.join(tmpdir(), 'web-shots-'));

export interface BackOffice {
  svc: TestService;
  browser: Browser;
  /** The service's origin, e.g. http://127.0.0.1:41234 (console at /admin/, portal at /portal/). */
  origin: string;
  stop(): Promise<void>;
}

/** Builds the back office, starts a service serving it, and launches Chromium. */
export async function startBackOffice(opts: TestServiceOptions = {}): Promise<BackOffice> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const outDir = mkdtempSync(path.join(tmpdir(), 'admin-web-'));
  process.env.ADMIN_WEB_OUT_DIR = outDir;
  try {
    await build({ configFile: path.join(ROOT, 'admin-web/vite.config.mts'), logLevel: 'error' });
  } finally {
    delete process.env.ADMIN_WEB_OUT_DIR;
  }
  const svc = await startTestService({ ...opts, env: { LOYALTY_WEB_DIR: outDir, ...opts.env } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    svc,
    browser,
    origin: new URL(svc.url).origin,
    async stop() {
      await browser.close();
      await svc.stop();
    },
  };
}

/** Signs in on the console's or the portal's sign-in form with `token`, and waits for the page behind it. */
export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('form', { name: 'Sign in' }).waitFor({ state: 'detached' });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and fails on any violation, naming
 * the rule and the elements. Call it on each page a test visits.
 */
export async function checkAccessibility(page: Page, what: string): Promise<void> {
  // evaluated through the DevTools protocol, which the pages' content security policy does not govern
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  const lines = (violations as AxeViolation[]).map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(lines, `accessibility of ${what}`).toEqual([]);
}
