/**
 * Per-till settings, kept in Electron's userData directory:
 *
 * - `till-config.json`: `{ "version": 1, "settings": {...}, "devices": [...] }`. Only the settings
 *   someone saved are stored; the others follow the environment's defaults, so a changed
 *   POS_GRAPHQL_URL applies to every till that did not override it. `devices` (edited by hand,
 *   not from the renderer) lists the HID devices to open.
 * - The till token, apart from the settings and never sent to the renderer:
 *   `till-token.enc` encrypted with Electron's safeStorage (the OS keychain: Keychain on macOS,
 *   DPAPI on Windows, libsecret/KWallet on Linux) when it really encrypts, otherwise
 *   `till-token`, a plain file readable only by the till's user (0600).
 *
 * Every write replaces the file atomically. The token used is, in order: the one saved in the
 * settings, POS_TILL_TOKEN, and for the demo the `till` token of `$LOYALTY_DATA_DIR/demo-tokens.json`
 * (read again on every use: the demo service mints new tokens at every start).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PaperWidth } from '../shared/escpos';
import { DEFAULT_WEDGE, type ProductMapping, type TillConfig } from '../shared/ipc';
import { checkDeviceConfigs, DEFAULT_DEVICES, type DeviceConfig } from './devices';
import { readJsonFile, writeFileAtomic } from './files';
import { describeError, type Logger } from './log';
import { checkGraphqlUrl, checkProductMapping, checkProductQuery, checkStoredSettings, checkToken, DEVICE_ID, isPlainObject, SETTING_RULES, type TillConfigPatch, type TillSettings } from './validate';

/** Electron's `safeStorage`, or a stand-in. */
export interface SecretCodec {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface ConfigStoreOptions {
  /** Electron's `app.getPath('userData')` (a temporary directory in tests). */
  readonly dir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** null when the OS offers no real encryption: the token is then kept in a 0600 file. */
  readonly codec: SecretCodec | null;
  /** Where a relative LOYALTY_DATA_DIR is resolved from. */
  readonly cwd: string;
  readonly log: Logger;
  /** The catalogue used when none is configured (the demo one in development), or none. */
  readonly defaultCatalogueFile?: string;
}

export type TokenSource = 'settings' | 'environment' | 'demo' | 'none';

export const CONFIG_FILE = 'till-config.json';
export const TOKEN_FILE_ENCRYPTED = 'till-token.enc';
export const TOKEN_FILE_PLAIN = 'till-token';
export const DEFAULT_GRAPHQL_URL = 'http://localhost:4001/graphql';
/** The demo till (`subgraph/src/auth/demo-tokens.ts`), used when neither env nor token name one. */
const DEMO_TILL = { storeId: 'store-001', tillId: 'till-01' };

interface EnvironmentDefaults {
  graphqlUrl: string;
  storeId?: string;
  tillId?: string;
  storeName?: string;
  currencyCode?: string;
  productQuery?: string | null;
  productMapping?: ProductMapping | null;
}

/** The receipt printer: the system's (HTML, through Chromium's print) or an ESC/POS thermal printer. */
export type PrinterConfig = { kind: 'system'; name?: string } | { kind: 'escpos'; target: string; widthMm: PaperWidth };

/**
 * Settings only a person edits in `till-config.json` (or the environment), never the renderer:
 * they name files and devices on this machine.
 */
interface MachineSettings {
  devices: DeviceConfig[] | null;
  /** The catalogue file (CSV or JSON), absolute or relative to the settings directory. */
  catalogueFile?: string;
  printer?: PrinterConfig;
}

interface StoredFile extends MachineSettings {
  settings: TillSettings;
  /** The hand-edited keys as written, kept on save even when they could not be used. */
  raw: Record<string, unknown>;
}

export class ConfigStore {
  private stored?: Promise<StoredFile>;
  private fromEnv?: EnvironmentDefaults;
  private warnedEnvToken = false;
  /** The token saved in the settings: undefined until read, null when there is none. */
  private savedToken?: string | null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ConfigStoreOptions) {}

  /** The effective configuration, as the renderer sees it. */
  async get(): Promise<TillConfig> {
    const { settings } = await this.load();
    const token = await this.token();
    return { ...this.defaults(token), ...settings, hasToken: token !== null };
  }

  /**
   * Saves the given settings (already validated) and, when `token` is given, replaces the stored
   * token (an empty string removes it). Saves run one after another.
   */
  save(patch: TillConfigPatch): Promise<TillConfig> {
    const run = this.writes.then(async () => {
      const { token, ...settings } = patch;
      const current = await this.load();
      const next: StoredFile = { ...current, settings: { ...current.settings, ...settings } };
      await writeFileAtomic(this.file(CONFIG_FILE), `${JSON.stringify(toFileJson(next), null, 2)}\n`);
      this.stored = Promise.resolve(next);
      if (token !== undefined) await this.saveToken(token);
      return this.get();
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** The GraphQL endpoint in effect (read for every request: settings may change). */
  async graphqlUrl(): Promise<string> {
    const { settings } = await this.load();
    return settings.graphqlUrl ?? (this.fromEnv ??= this.readEnvironment()).graphqlUrl;
  }

  /** The till token to send, or null. */
  async token(): Promise<string | null> {
    return (await this.tokenWithSource()).token;
  }

  async tokenSource(): Promise<TokenSource> {
    return (await this.tokenWithSource()).source;
  }

  /** The HID devices to open: the settings file's `devices`, else any scanner and stripe reader. */
  async devices(): Promise<DeviceConfig[]> {
    return (await this.load()).devices ?? [...DEFAULT_DEVICES];
  }

  /** The catalogue file: `catalogueFile` in the settings file, else POS_CATALOGUE_FILE, else the default (or null). */
  async catalogueFile(): Promise<string | null> {
    const fromFile = (await this.load()).catalogueFile;
    if (fromFile) return path.resolve(this.options.dir, fromFile);
    const fromEnv = this.options.env.POS_CATALOGUE_FILE;
    if (fromEnv) return path.resolve(this.options.cwd, fromEnv);
    return this.options.defaultCatalogueFile ?? null;
  }

  /**
   * The receipt printer: `printer` in the settings file, else POS_ESCPOS_PRINTER (a thermal
   * printer: `tcp://host:9100` or a device such as `/dev/usb/lp0`, width POS_RECEIPT_WIDTH 58 or
   * 80), else the system printer POS_RECEIPT_PRINTER (or the default printer).
   */
  async printer(): Promise<PrinterConfig> {
    const fromFile = (await this.load()).printer;
    if (fromFile) return fromFile;
    const { env, log } = this.options;
    if (env.POS_ESCPOS_PRINTER) {
      const checked = checkPrinter({ kind: 'escpos', target: env.POS_ESCPOS_PRINTER, widthMm: env.POS_RECEIPT_WIDTH ? Number(env.POS_RECEIPT_WIDTH) : 80 });
      if (typeof checked !== 'string') return checked;
      log.warn('POS_ESCPOS_PRINTER ignored', { problem: checked });
    }
    return env.POS_RECEIPT_PRINTER ? { kind: 'system', name: env.POS_RECEIPT_PRINTER } : { kind: 'system' };
  }

  /** Where the token is kept when saved: `encrypted` (safeStorage) or `file` (0600). */
  get tokenStorage(): 'encrypted' | 'file' {
    return this.options.codec ? 'encrypted' : 'file';
  }

  private async tokenWithSource(): Promise<{ token: string | null; source: TokenSource }> {
    const saved = await this.readSavedToken();
    if (saved) return { token: saved, source: 'settings' };
    const fromEnv = this.options.env.POS_TILL_TOKEN?.trim();
    if (fromEnv) {
      const checked = checkToken(fromEnv);
      if (checked.ok) return { token: checked.value, source: 'environment' };
      if (!this.warnedEnvToken) this.options.log.warn('POS_TILL_TOKEN is not a bearer token; ignored', { problem: checked.message });
      this.warnedEnvToken = true;
    }
    const demo = await this.readDemoToken();
    return demo ? { token: demo, source: 'demo' } : { token: null, source: 'none' };
  }

  private defaults(token: string | null): Omit<TillConfig, 'hasToken'> {
    const env = (this.fromEnv ??= this.readEnvironment());
    const claims = token ? tokenClaims(token) : {};
    const storeId = env.storeId ?? claims.storeId ?? DEMO_TILL.storeId;
    return {
      graphqlUrl: env.graphqlUrl,
      storeId,
      tillId: env.tillId ?? claims.tillId ?? DEMO_TILL.tillId,
      storeName: env.storeName ?? storeId,
      productQuery: env.productQuery ?? null,
      productMapping: env.productMapping ?? null,
      currencyCode: env.currencyCode ?? 'GBP',
      wedgeMinLength: DEFAULT_WEDGE.wedgeMinLength,
      wedgeMaxGapMs: DEFAULT_WEDGE.wedgeMaxGapMs,
      wedgeTerminators: [...DEFAULT_WEDGE.wedgeTerminators],
    };
  }

  /** The environment's settings, read once (invalid values are logged once and ignored). */
  private readEnvironment(): EnvironmentDefaults {
    const { env, log } = this.options;
    let graphqlUrl = DEFAULT_GRAPHQL_URL;
    if (env.POS_GRAPHQL_URL) {
      const checked = checkGraphqlUrl(env.POS_GRAPHQL_URL);
      if (checked.ok) graphqlUrl = checked.value;
      else log.warn('POS_GRAPHQL_URL ignored', { problem: checked.message });
    }
    const pick = (name: string, rule: keyof TillSettings): string | undefined => {
      const value = env[name];
      if (value === undefined || value === '') return undefined;
      const checked = SETTING_RULES[rule](value);
      if (checked.ok) return value;
      log.warn(`${name} ignored`, { problem: checked.message });
      return undefined;
    };
    const storeId = pick('POS_STORE_ID', 'storeId');
    const tillId = pick('POS_TILL_ID', 'tillId');
    const storeName = pick('POS_STORE_NAME', 'storeName');
    const currencyCode = pick('POS_CURRENCY', 'currencyCode');
    let productQuery: string | null = null;
    if (env.POS_PRODUCT_QUERY) {
      const checked = checkProductQuery(env.POS_PRODUCT_QUERY);
      if (checked.ok) productQuery = checked.value;
      else log.warn('POS_PRODUCT_QUERY ignored', { problem: checked.message });
    }
    let productMapping: ProductMapping | null = null;
    if (env.POS_PRODUCT_MAPPING) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(env.POS_PRODUCT_MAPPING);
      } catch {
        parsed = undefined;
      }
      const checked = checkProductMapping(parsed);
      if (checked.ok) productMapping = checked.value;
      else log.warn('POS_PRODUCT_MAPPING ignored (it must be JSON)', { problem: checked.message });
    }
    return {
      graphqlUrl,
      ...(storeId ? { storeId } : {}),
      ...(tillId ? { tillId } : {}),
      ...(storeName ? { storeName } : {}),
      ...(currencyCode ? { currencyCode } : {}),
      productQuery,
      productMapping,
    };
  }

  private load(): Promise<StoredFile> {
    this.stored ??= this.read();
    return this.stored;
  }

  private async read(): Promise<StoredFile> {
    const { log } = this.options;
    const read = await readJsonFile(this.file(CONFIG_FILE), checkFileShape, log);
    if (read.kind !== 'ok') return { settings: {}, devices: null, raw: {} };
    const { settings, problems } = checkStoredSettings(read.value.settings);
    for (const problem of problems) log.warn(`A setting in ${CONFIG_FILE} was ignored`, { problem });
    const raw = read.value.machine;
    const out: StoredFile = { settings, devices: null, raw };
    if (raw.devices !== undefined) {
      const checked = checkDeviceConfigs(raw.devices);
      if (checked.ok) out.devices = checked.value;
      else log.warn(`devices in ${CONFIG_FILE} ignored; using any HID-POS scanner and stripe reader`, { problem: checked.message });
    }
    if (raw.catalogueFile !== undefined) {
      if (typeof raw.catalogueFile === 'string' && /\.(csv|json)$/i.test(raw.catalogueFile)) out.catalogueFile = raw.catalogueFile;
      else log.warn(`catalogueFile in ${CONFIG_FILE} ignored`, { problem: 'catalogueFile must be the path of a .csv or .json file' });
    }
    if (raw.printer !== undefined) {
      const checked = checkPrinter(raw.printer);
      if (typeof checked === 'string') log.warn(`printer in ${CONFIG_FILE} ignored; using the system printer`, { problem: checked });
      else out.printer = checked;
    }
    return out;
  }

  private async readSavedToken(): Promise<string | null> {
    if (this.savedToken !== undefined) return this.savedToken;
    const { codec, log } = this.options;
    let token: string | null = null;
    const encrypted = await readIfExists(this.file(TOKEN_FILE_ENCRYPTED));
    if (encrypted && codec) {
      try {
        token = codec.decryptString(encrypted);
      } catch (error) {
        log.error('The saved till token cannot be decrypted (was the OS keyring reset?); enter it again in the settings', { error: describeError(error) });
      }
    } else if (encrypted) {
      log.warn('A till token is saved encrypted, but the OS keyring is not available now; it cannot be used');
    }
    if (token === null) {
      const plain = await readIfExists(this.file(TOKEN_FILE_PLAIN));
      if (plain) token = plain.toString('utf8').trim() || null;
    }
    if (token !== null && !checkToken(token).ok) {
      log.warn('The saved till token is damaged; ignored');
      token = null;
    }
    this.savedToken = token;
    return token;
  }

  private async saveToken(token: string): Promise<void> {
    const encryptedFile = this.file(TOKEN_FILE_ENCRYPTED);
    const plainFile = this.file(TOKEN_FILE_PLAIN);
    const { codec } = this.options;
    if (token === '') {
      await fs.rm(encryptedFile, { force: true });
      await fs.rm(plainFile, { force: true });
    } else if (codec) {
      await writeFileAtomic(encryptedFile, codec.encryptString(token), { mode: 0o600 });
      await fs.rm(plainFile, { force: true });
    } else {
      await writeFileAtomic(plainFile, `${token}\n`, { mode: 0o600 });
      await fs.rm(encryptedFile, { force: true });
    }
    this.savedToken = token === '' ? null : token;
  }

  private async readDemoToken(): Promise<string | null> {
    const dataDir = path.resolve(this.options.cwd, this.options.env.LOYALTY_DATA_DIR || '.data');
    const text = await readIfExists(path.join(dataDir, 'demo-tokens.json'));
    if (!text) return null;
    try {
      const till: unknown = JSON.parse(text.toString('utf8')).till;
      if (typeof till === 'string' && checkToken(till).ok && till !== '') return till;
    } catch {
      // A half-written demo file: no demo token this time.
    }
    return null;
  }

  private file(name: string): string {
    return path.join(this.options.dir, name);
  }
}

/** The keys of `till-config.json` besides `settings` that a person edits by hand. */
const MACHINE_KEYS = ['devices', 'catalogueFile', 'printer'] as const;

function checkFileShape(value: unknown): { settings: Record<string, unknown>; machine: Record<string, unknown> } | string {
  if (!isPlainObject(value)) return 'not a JSON object';
  if (value.version !== 1) return `unknown version ${JSON.stringify(value.version)}`;
  if (!isPlainObject(value.settings)) return '"settings" is not an object';
  const machine: Record<string, unknown> = {};
  for (const key of MACHINE_KEYS) if (value[key] !== undefined) machine[key] = value[key];
  return { settings: value.settings, machine };
}

function toFileJson(file: StoredFile): Record<string, unknown> {
  return { version: 1, settings: file.settings, ...file.raw };
}

/** A printer entry: `{ "kind": "system", "name"? }` or `{ "kind": "escpos", "target", "widthMm": 58 | 80 }`; a problem as text. */
export function checkPrinter(value: unknown): PrinterConfig | string {
  if (!isPlainObject(value)) return 'printer must be an object';
  if (value.kind === 'system') {
    if (value.name !== undefined && (typeof value.name !== 'string' || value.name === '' || value.name.length > 200)) return 'printer.name must be a printer name';
    return typeof value.name === 'string' ? { kind: 'system', name: value.name } : { kind: 'system' };
  }
  if (value.kind !== 'escpos') return 'printer.kind must be system or escpos';
  const target = value.target;
  if (typeof target !== 'string' || !(/^tcp:\/\/[A-Za-z0-9.-]+:\d{1,5}$/.test(target) || /^\/dev\/[A-Za-z0-9/._-]+$/.test(target) || /^(?:\\\\\.\\)?(?:COM\d+|LPT\d)$/i.test(target))) {
    return 'printer.target must be tcp://host:port or a device such as /dev/usb/lp0';
  }
  const widthMm = value.widthMm ?? 80;
  if (widthMm !== 58 && widthMm !== 80) return 'printer.widthMm must be 58 or 80';
  return { kind: 'escpos', target, widthMm };
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The store and till a till token names (its claims, read without verifying: only to fill in
 * defaults that match the token; the subgraph verifies it).
 */
export function tokenClaims(token: string): { storeId?: string; tillId?: string } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!isPlainObject(claims)) return {};
    const pick = (value: unknown) => (typeof value === 'string' && DEVICE_ID.test(value) ? value : undefined);
    const storeId = pick(claims.storeId);
    const tillId = pick(claims.tillId);
    return { ...(storeId ? { storeId } : {}), ...(tillId ? { tillId } : {}) };
  } catch {
    return {};
  }
}
