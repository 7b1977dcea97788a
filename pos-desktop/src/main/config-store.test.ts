import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE } from '../shared/ipc';
import { CONFIG_FILE, ConfigStore, DEFAULT_GRAPHQL_URL, TOKEN_FILE_ENCRYPTED, TOKEN_FILE_PLAIN, tokenClaims, type SecretCodec } from './config-store';
import { DEFAULT_DEVICES } from './devices';
import { memoryLogger, tempDir } from './testing/support';

/** A JWT-shaped token with the given claims (unsigned: the store never verifies). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part(claims)}.c2ln`;
}

/** Reversible stand-in for safeStorage that visibly changes the bytes. */
const codec: SecretCodec = {
  encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`),
  decryptString: (encrypted) => {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('enc:')) throw new Error('not ours');
    return Buffer.from(text.slice(4), 'base64').toString('utf8');
  },
};

let dir: string;
let dataDir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  dataDir = path.join(dir, 'data');
});
afterEach(() => cleanup());

function store(env: Record<string, string | undefined> = {}, options: { codec?: SecretCodec | null; defaultCatalogueFile?: string } = {}) {
  const log = memoryLogger();
  const userData = path.join(dir, 'userData');
  return {
    log,
    userData,
    store: new ConfigStore({
      dir: userData,
      env: { LOYALTY_DATA_DIR: dataDir, ...env },
      codec: options.codec === undefined ? codec : options.codec,
      cwd: dir,
      log,
      ...(options.defaultCatalogueFile ? { defaultCatalogueFile: options.defaultCatalogueFile } : {}),
    }),
  };
}

describe('ConfigStore defaults', () => {
  it('comes up with the demo defaults and no token on a fresh machine', async () => {
    const { store: s } = store();
    expect(await s.get()).toEqual({
      graphqlUrl: DEFAULT_GRAPHQL_URL,
      storeId: 'store-001',
      tillId: 'till-01',
      storeName: 'store-001',
      productQuery: null,
      productMapping: null,
      currencyCode: 'GBP',
      ...DEFAULT_WEDGE,
      hasToken: false,
    });
    expect(await s.token()).toBeNull();
    expect(await s.tokenSource()).toBe('none');
  });

  it('takes the endpoint, ids and currency from the environment', async () => {
    const { store: s } = store({ POS_GRAPHQL_URL: 'https://graph.example.com/graphql', POS_STORE_ID: 'store-042', POS_TILL_ID: 'till-3', POS_CURRENCY: 'EUR' });
    expect(await s.get()).toMatchObject({ graphqlUrl: 'https://graph.example.com/graphql', storeId: 'store-042', tillId: 'till-3', currencyCode: 'EUR' });
    expect(await s.graphqlUrl()).toBe('https://graph.example.com/graphql');
  });

  it('ignores environment values that break the rules, and says so', async () => {
    const { store: s, log } = store({ POS_GRAPHQL_URL: 'ftp://graph', POS_STORE_ID: 'store 42' });
    expect(await s.get()).toMatchObject({ graphqlUrl: DEFAULT_GRAPHQL_URL, storeId: 'store-001' });
    expect(log.text()).toMatch(/POS_GRAPHQL_URL ignored/);
    expect(log.text()).toMatch(/POS_STORE_ID ignored/);
  });

  it('uses POS_TILL_TOKEN, else the demo till token, and fills store and till from its claims', async () => {
    const demo = jwt({ roles: ['till'], storeId: 'store-777', tillId: 'till-9' });
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'demo-tokens.json'), JSON.stringify({ admin: jwt({ roles: ['admin'] }), till: demo }));
    const { store: s } = store();
    expect(await s.token()).toBe(demo);
    expect(await s.tokenSource()).toBe('demo');
    expect(await s.get()).toMatchObject({ storeId: 'store-777', tillId: 'till-9', hasToken: true });

    const fromEnv = jwt({ storeId: 'store-1', tillId: 'till-1' });
    const { store: withEnv } = store({ POS_TILL_TOKEN: fromEnv, POS_TILL_ID: 'till-override' });
    expect(await withEnv.token()).toBe(fromEnv);
    expect(await withEnv.tokenSource()).toBe('environment');
    expect(await withEnv.get()).toMatchObject({ storeId: 'store-1', tillId: 'till-override' });
  });

  it('reads the demo token again each time (the demo service mints new ones at every start)', async () => {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, 'demo-tokens.json');
    await writeFile(file, JSON.stringify({ till: jwt({ n: 1 }) }));
    const { store: s } = store();
    expect(await s.token()).toBe(jwt({ n: 1 }));
    await writeFile(file, JSON.stringify({ till: jwt({ n: 2 }) }));
    expect(await s.token()).toBe(jwt({ n: 2 }));
    await writeFile(file, '{"till": "half-writ');
    expect(await s.token()).toBeNull();
  });
});

describe('ConfigStore saving', () => {
  it('keeps saved settings across restarts, over the environment defaults', async () => {
    const env = { POS_GRAPHQL_URL: 'https://graph.example.com/graphql', POS_STORE_ID: 'store-042' };
    const { store: first } = store(env);
    const saved = await first.save({ storeId: 'store-100', wedgeMaxGapMs: 50 });
    expect(saved).toMatchObject({ storeId: 'store-100', wedgeMaxGapMs: 50, graphqlUrl: 'https://graph.example.com/graphql' });

    const { store: second, userData } = store({ ...env, POS_GRAPHQL_URL: 'https://new-graph.example.com/graphql' });
    // Saved fields stay; unsaved ones follow the (changed) environment.
    expect(await second.get()).toMatchObject({ storeId: 'store-100', wedgeMaxGapMs: 50, graphqlUrl: 'https://new-graph.example.com/graphql' });
    const file = JSON.parse(await readFile(path.join(userData, CONFIG_FILE), 'utf8'));
    expect(file).toEqual({ version: 1, settings: { storeId: 'store-100', wedgeMaxGapMs: 50 } });
  });

  it('stores the token apart from the settings, encrypted when the OS can, and never in the config', async () => {
    const token = jwt({ storeId: 'store-5', tillId: 'till-5' });
    const { store: s, userData } = store();
    const config = await s.save({ token, tillId: 'till-x' });
    expect(config).toMatchObject({ hasToken: true, tillId: 'till-x', storeId: 'store-5' });
    expect(config).not.toHaveProperty('token');
    expect(await readFile(path.join(userData, CONFIG_FILE), 'utf8')).not.toContain(token);
    const encrypted = await readFile(path.join(userData, TOKEN_FILE_ENCRYPTED), 'utf8');
    expect(encrypted).not.toContain(token);
    expect((await stat(path.join(userData, TOKEN_FILE_ENCRYPTED))).mode & 0o777).toBe(0o600);

    const { store: restarted } = store();
    expect(await restarted.token()).toBe(token);
    expect(await restarted.tokenSource()).toBe('settings');
  });

  it('falls back to a file only its user can read when there is no keyring', async () => {
    const token = jwt({ a: 1 });
    const { store: s, userData } = store({}, { codec: null });
    expect(s.tokenStorage).toBe('file');
    await s.save({ token });
    const file = path.join(userData, TOKEN_FILE_PLAIN);
    expect((await readFile(file, 'utf8')).trim()).toBe(token);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store({}, { codec: null }).store.token()).toBe(token);
  });

  it('a saved token wins over the environment; an empty token removes it', async () => {
    const env = { POS_TILL_TOKEN: jwt({ from: 'env' }) };
    const { store: s, userData } = store(env);
    await s.save({ token: jwt({ from: 'settings' }) });
    expect(await s.token()).toBe(jwt({ from: 'settings' }));
    await s.save({ token: '' });
    expect(await s.token()).toBe(jwt({ from: 'env' }));
    expect(await readdir(userData)).toEqual([CONFIG_FILE]);
  });

  it('does not use a token it cannot decrypt (keyring reset), and says why', async () => {
    const { store: s } = store();
    await s.save({ token: jwt({ a: 1 }) });
    const broken: SecretCodec = { ...codec, decryptString: () => { throw new Error('keyring locked'); } };
    const { store: after, log } = store({}, { codec: broken });
    expect(await after.token()).toBeNull();
    expect(log.text()).toMatch(/cannot be decrypted/);
  });

  it('runs concurrent saves one after another without losing either', async () => {
    const { store: s } = store();
    await Promise.all([s.save({ storeId: 'store-a' }), s.save({ tillId: 'till-b' }), s.save({ currencyCode: 'EUR' })]);
    expect(await store().store.get()).toMatchObject({ storeId: 'store-a', tillId: 'till-b', currencyCode: 'EUR' });
  });
});

describe('ConfigStore settings file', () => {
  it('sets a damaged file aside instead of overwriting it, and starts from the defaults', async () => {
    const { userData } = store();
    await mkdir(userData, { recursive: true });
    await writeFile(path.join(userData, CONFIG_FILE), '{"version": 1, "settings": {"storeId": "store-1"');
    const { store: s, log } = store();
    expect((await s.get()).storeId).toBe('store-001');
    const names = await readdir(userData);
    const aside = names.find((name) => name.startsWith(`${CONFIG_FILE}.corrupt-`));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(userData, aside!), 'utf8')).toContain('"store-1"');
    expect(log.text()).toMatch(/damaged file was set aside/);
    await s.save({ tillId: 'till-2' });
    expect(await readFile(path.join(userData, aside!), 'utf8')).toContain('"store-1"');
  });

  it('drops only the invalid fields of a hand-edited file', async () => {
    const { userData } = store();
    await mkdir(userData, { recursive: true });
    await writeFile(path.join(userData, CONFIG_FILE), JSON.stringify({ version: 1, settings: { storeId: 'store-9', wedgeMinLength: 0 } }));
    const { store: s, log } = store();
    expect(await s.get()).toMatchObject({ storeId: 'store-9', wedgeMinLength: DEFAULT_WEDGE.wedgeMinLength });
    expect(log.text()).toMatch(/wedgeMinLength/);
  });

  it('lists the HID devices from the file, else any scanner and stripe reader, and keeps them on save', async () => {
    const { store: fresh } = store();
    expect(await fresh.devices()).toEqual(DEFAULT_DEVICES);

    const { userData } = store();
    await mkdir(userData, { recursive: true });
    const devices = [{ vendorId: '0x0c2e', productId: 2922, deviceId: 'front-scanner' }];
    await writeFile(path.join(userData, CONFIG_FILE), JSON.stringify({ version: 1, settings: {}, devices }));
    const { store: s } = store();
    expect(await s.devices()).toEqual([{ vendorId: 0x0c2e, productId: 2922, deviceId: 'front-scanner' }]);
    await s.save({ storeId: 'store-2' });
    expect(JSON.parse(await readFile(path.join(userData, CONFIG_FILE), 'utf8')).devices).toEqual(devices);

    await writeFile(path.join(userData, CONFIG_FILE), JSON.stringify({ version: 1, settings: {}, devices: [{ usage: 2 }] }));
    const { store: invalid, log } = store();
    expect(await invalid.devices()).toEqual(DEFAULT_DEVICES);
    expect(log.text()).toMatch(/needs a vendorId, productId or usagePage/);
  });
});

describe('ConfigStore: store name, products, catalogue and printer', () => {
  const QUERY = 'query P($code: String!) { productByBarcode(barcode: $code) { sku name price { amount } } }';
  const MAPPING = { product: 'data.productByBarcode', id: 'sku', name: 'name', price: 'price.amount' };

  it('takes the store name and the product query from the environment, refusing bad ones', async () => {
    const { store: s } = store({ POS_STORE_NAME: 'Harbour Street', POS_PRODUCT_QUERY: QUERY, POS_PRODUCT_MAPPING: JSON.stringify(MAPPING) });
    expect(await s.get()).toMatchObject({ storeName: 'Harbour Street', productQuery: QUERY, productMapping: MAPPING });
    const { store: bad, log } = store({ POS_PRODUCT_QUERY: '{ products { id } }', POS_PRODUCT_MAPPING: '{not json' });
    expect(await bad.get()).toMatchObject({ productQuery: null, productMapping: null });
    expect(log.text()).toMatch(/POS_PRODUCT_QUERY ignored.*\$code/);
    expect(log.text()).toMatch(/POS_PRODUCT_MAPPING ignored/);
  });

  it('finds the catalogue file: the settings file, else POS_CATALOGUE_FILE, else the default', async () => {
    expect(await store().store.catalogueFile()).toBeNull();
    expect(await store({}, { defaultCatalogueFile: '/opt/demo.csv' }).store.catalogueFile()).toBe('/opt/demo.csv');
    expect(await store({ POS_CATALOGUE_FILE: 'cat.json' }, { defaultCatalogueFile: '/opt/demo.csv' }).store.catalogueFile()).toBe(path.join(dir, 'cat.json'));
    const { userData } = store();
    await mkdir(userData, { recursive: true });
    await writeFile(path.join(userData, CONFIG_FILE), JSON.stringify({ version: 1, settings: {}, catalogueFile: 'products.csv' }));
    expect(await store({ POS_CATALOGUE_FILE: 'cat.json' }).store.catalogueFile()).toBe(path.join(userData, 'products.csv'));
  });

  it('chooses the printer: the settings file, else POS_ESCPOS_PRINTER, else the system printer', async () => {
    expect(await store().store.printer()).toEqual({ kind: 'system' });
    expect(await store({ POS_RECEIPT_PRINTER: 'Receipt' }).store.printer()).toEqual({ kind: 'system', name: 'Receipt' });
    expect(await store({ POS_ESCPOS_PRINTER: 'tcp://10.0.0.9:9100', POS_RECEIPT_WIDTH: '58' }).store.printer()).toEqual({ kind: 'escpos', target: 'tcp://10.0.0.9:9100', widthMm: 58 });
    const { store: bad, log } = store({ POS_ESCPOS_PRINTER: 'http://printer', POS_RECEIPT_PRINTER: 'Receipt' });
    expect(await bad.printer()).toEqual({ kind: 'system', name: 'Receipt' });
    expect(log.text()).toMatch(/POS_ESCPOS_PRINTER ignored.*tcp:\/\/host:port/);

    const { userData } = store();
    await mkdir(userData, { recursive: true });
    const printer = { kind: 'escpos', target: '/dev/usb/lp0', widthMm: 80 };
    await writeFile(path.join(userData, CONFIG_FILE), JSON.stringify({ version: 1, settings: {}, printer, catalogueFile: 'x.csv' }));
    const { store: s } = store({ POS_ESCPOS_PRINTER: 'tcp://10.0.0.9:9100' });
    expect(await s.printer()).toEqual(printer);
    // hand-edited keys survive a save from the renderer
    await s.save({ storeName: 'Quay Road' });
    const saved = JSON.parse(await readFile(path.join(userData, CONFIG_FILE), 'utf8'));
    expect(saved).toEqual({ version: 1, settings: { storeName: 'Quay Road' }, printer, catalogueFile: 'x.csv' });

    await writeFile(path.join(userData, CONFIG_FILE), JSON.stringify({ version: 1, settings: {}, printer: { kind: 'escpos', target: '/dev/usb/lp0', widthMm: 76 } }));
    const { store: odd, log: oddLog } = store();
    expect(await odd.printer()).toEqual({ kind: 'system' });
    expect(oddLog.text()).toMatch(/widthMm must be 58 or 80/);
  });
});

describe('tokenClaims', () => {
  it('reads store and till ids only when they are valid ids', () => {
    expect(tokenClaims(jwt({ storeId: 'store-001', tillId: 'till-01' }))).toEqual({ storeId: 'store-001', tillId: 'till-01' });
    expect(tokenClaims(jwt({ storeId: 'store 1', tillId: 5 }))).toEqual({});
    expect(tokenClaims('opaque-token')).toEqual({});
    expect(tokenClaims('a.!!!.c')).toEqual({});
  });
});
