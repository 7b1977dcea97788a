/**
 * Checks for everything that crosses into the main process from the renderer (and for the
 * settings file, which a person may have edited). Pure functions: a payload in, a typed value or
 * a message a technician can act on out. Nothing here throws on bad input.
 *
 * The renderer is treated as untrusted: a compromised page may send anything the structured
 * clone algorithm can carry (Maps, Dates, typed arrays, cycles, huge strings).
 */
import type { GraphqlRequest, PosApi, PrintJob, ProductMapping, TillConfig } from '../shared/ipc';
import type { ReceiptDoc } from '../shared/receipt';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Size limits, in UTF-8 bytes. */
export const LIMITS = {
  query: 100 * 1024,
  variables: 100 * 1024,
  receiptHtml: 200 * 1024,
  earnInput: 100 * 1024,
  token: 8 * 1024,
  url: 2048,
  idempotencyKey: 200,
  operationName: 200,
  productQuery: 10 * 1024,
  /** Lines of one receipt. */
  receiptLines: 500,
  /** Nesting of objects and arrays in variables and earn inputs. */
  depth: 32,
} as const;

/** The fields `saveConfig` accepts: `TillConfig` without `hasToken`, plus `token`. */
export type TillConfigPatch = Parameters<PosApi['saveConfig']>[0];
/** The settings a till stores, each optional (unset fields follow the environment's defaults). */
export type TillSettings = Partial<Omit<TillConfig, 'hasToken'>>;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A string no longer than `max` UTF-8 bytes (cheap check first: bytes >= UTF-16 units). */
function withinBytes(text: string, max: number): boolean {
  return text.length <= max && utf8Bytes(text) <= max;
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !allowed.includes(key));
}

/**
 * Why `value` is not plain JSON data (null, booleans, finite numbers, strings, arrays, plain
 * objects, at most `LIMITS.depth` deep), or null when it is. Keys with `undefined` values are
 * allowed in objects (JSON.stringify drops them, as the renderer's fetch would).
 */
export function jsonProblem(value: unknown, path = '', depth = 0): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path || 'value'} is not a finite number`;
  if (depth >= LIMITS.depth) return `${path || 'value'} is nested more than ${LIMITS.depth} levels deep`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const problem = jsonProblem(item, path ? `${path}.${key}` : key, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${path || 'value'} is not JSON data (${Object.prototype.toString.call(value).slice(8, -1)})`;
}

/** JSON text of `value` if it is plain JSON data no larger than `max` bytes. */
function jsonWithin(value: unknown, what: string, max: number): Checked<string> {
  const problem = jsonProblem(value);
  if (problem) return fail(`${what}: ${problem}`);
  const text = JSON.stringify(value);
  if (!withinBytes(text, max)) return fail(`${what} are larger than ${kib(max)}`);
  return ok(text);
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The `graphql` channel: `{ query, variables?, operationName? }`, nothing else. */
export function checkGraphqlRequest(value: unknown): Checked<GraphqlRequest> {
  if (!isPlainObject(value)) return fail('A GraphQL request must be an object');
  const extra = unknownKeys(value, ['query', 'variables', 'operationName']);
  if (extra.length) return fail(`Unknown GraphQL request fields: ${extra.join(', ')}`);
  const { query, variables, operationName } = value;
  if (typeof query !== 'string' || query.trim() === '') return fail('query must be a non-empty string');
  if (!withinBytes(query, LIMITS.query)) return fail(`query is larger than ${kib(LIMITS.query)}`);
  const request: GraphqlRequest = { query };
  if (variables !== undefined && variables !== null) {
    if (!isPlainObject(variables)) return fail('variables must be an object');
    const text = jsonWithin(variables, 'variables', LIMITS.variables);
    if (!text.ok) return text;
    request.variables = variables;
  }
  if (operationName !== undefined && operationName !== null) {
    if (typeof operationName !== 'string' || operationName.length > LIMITS.operationName || !GRAPHQL_NAME.test(operationName)) {
      return fail('operationName must be a GraphQL name');
    }
    request.operationName = operationName;
  }
  return ok(request);
}

/** Receipt HTML text up to 200 KB. */
export function checkReceiptHtml(value: unknown): Checked<string> {
  if (typeof value !== 'string' || value.trim() === '') return fail('The receipt must be non-empty HTML text');
  if (!withinBytes(value, LIMITS.receiptHtml)) return fail(`The receipt is larger than ${kib(LIMITS.receiptHtml)}`);
  return ok(value);
}

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) <= 1e12;

/**
 * A receipt document as `src/shared/receipt.ts` defines it: every field there with its type,
 * amounts whole numbers, texts short, at most 500 lines. Main renders ESC/POS bytes from it, so
 * nothing else may come along.
 */
export function checkReceiptDoc(value: unknown): Checked<ReceiptDoc> {
  if (!isPlainObject(value)) return fail('The receipt must be an object');
  const v = value;
  for (const key of ['storeName', 'storeId', 'tillId', 'saleId', 'at', 'timeZone', 'currencyCode'] as const) {
    if (!isText(v[key]) || v[key] === '') return fail(`receipt.${key} must be a short text`);
  }
  if (Number.isNaN(Date.parse(String(v.at)))) return fail('receipt.at must be an ISO date and time');
  if (!/^[A-Z]{3}$/.test(String(v.currencyCode))) return fail('receipt.currencyCode must be ISO 4217');
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(String(v.saleId))) return fail('receipt.saleId must be a sale id');
  for (const key of ['subtotal', 'discount', 'total', 'pointsUsed', 'pointsValue', 'cashGiven', 'change'] as const) {
    if (!isAmount(v[key])) return fail(`receipt.${key} must be a whole number`);
  }
  if (!Array.isArray(v.lines) || v.lines.length > LIMITS.receiptLines) return fail(`receipt.lines must be a list of at most ${LIMITS.receiptLines}`);
  for (const [i, l] of v.lines.entries()) {
    if (!isPlainObject(l) || !isText(l.name) || !isAmount(l.quantity) || !isAmount(l.unitPrice) || !isAmount(l.amount)) return fail(`receipt.lines[${i}] must have name, quantity, unitPrice, amount`);
    const d = l.levelDiscount;
    if (d !== undefined && !(isPlainObject(d) && isText(d.text) && isAmount(d.amount))) return fail(`receipt.lines[${i}].levelDiscount must be { text, amount }`);
  }
  if (v.levelDiscount !== undefined && !isAmount(v.levelDiscount)) return fail('receipt.levelDiscount must be a whole number');
  if (!Array.isArray(v.coupons) || v.coupons.length > 50 || !v.coupons.every((c) => isPlainObject(c) && isText(c.code) && isText(c.title))) return fail('receipt.coupons must list { code, title }');
  if (v.member !== null && !isText(v.member)) return fail('receipt.member must be a name or null');
  if (v.balanceAfter !== null && !isAmount(v.balanceAfter)) return fail('receipt.balanceAfter must be a whole number or null');
  if (v.earnBasis !== null && v.earnBasis !== 'WHOLE_SALE' && v.earnBasis !== 'CASH_PAID') return fail('receipt.earnBasis must be WHOLE_SALE, CASH_PAID or null');
  if (v.earn !== null) {
    const e = v.earn;
    const good =
      isPlainObject(e) &&
      ((e.status === 'credited' && isAmount(e.points)) || e.status === 'queued' || ((e.status === 'refused' || e.status === 'not-kept') && isText(e.message, 1000)));
    if (!good) return fail('receipt.earn must be credited (with points), queued, refused or not-kept (with a message), or null');
    const x = (e as { extras?: unknown }).extras;
    if (x !== undefined && !(Array.isArray(x) && x.length <= 20 && x.every((c) => isPlainObject(c) && isText(c.name) && isAmount(c.points) && (c.points as number) >= 0 && typeof c.coupon === 'boolean'))) {
      return fail('receipt.earn.extras must list at most 20 { name, points, coupon }');
    }
  }
  const text = jsonWithin(value, 'receipt', LIMITS.receiptHtml);
  if (!text.ok) return text;
  return ok(JSON.parse(text.value) as ReceiptDoc);
}

/** The `printReceipt` channel: `{ receipt, html }`. */
export function checkPrintJob(value: unknown): Checked<PrintJob> {
  if (!isPlainObject(value)) return fail('A print job must be { receipt, html }');
  const extra = unknownKeys(value, ['receipt', 'html']);
  if (extra.length) return fail(`Unknown print job fields: ${extra.join(', ')}`);
  const html = checkReceiptHtml(value.html);
  if (!html.ok) return html;
  const receipt = checkReceiptDoc(value.receipt);
  if (!receipt.ok) return receipt;
  return ok({ receipt: receipt.value, html: html.value });
}


/**
 * The `enqueueEarn` channel: an `EarnPointsInput` as JSON data. Its shape is checked only as far
 * as the queue relies on it (the idempotency key de-duplicates, the member and sale make it
 * worth keeping); the server validates the rest when the earn is replayed.
 */
export function checkEarnInput(value: unknown): Checked<Record<string, unknown>> {
  if (!isPlainObject(value)) return fail('An earn must be an object');
  const key = value.idempotencyKey;
  if (typeof key !== 'string' || key.trim() === '' || key.length > LIMITS.idempotencyKey) {
    return fail(`idempotencyKey must be a non-empty string of at most ${LIMITS.idempotencyKey} characters`);
  }
  const hasMember = typeof value.memberId === 'string' && value.memberId !== '';
  const hasCard = typeof value.cardNumber === 'string' && value.cardNumber !== '';
  if (!hasMember && !hasCard) return fail('An earn needs a memberId or a cardNumber');
  const sale = value.sale;
  if (!isPlainObject(sale) || typeof sale.id !== 'string' || sale.id === '' || typeof sale.channel !== 'string' || sale.channel === '') {
    return fail('An earn needs a sale with an id and a channel');
  }
  const text = jsonWithin(value, 'earn input', LIMITS.earnInput);
  if (!text.ok) return text;
  // A copy without undefined values: what is queued is exactly what will be sent.
  return ok(JSON.parse(text.value) as Record<string, unknown>);
}

/** Channels without a payload. */
export function checkNoArguments(args: readonly unknown[]): Checked<void> {
  return args.length === 0 ? ok(undefined) : fail('This request takes no arguments');
}

// ---------------------------------------------------------------------------------------------
// Till settings. The same rules apply to what the renderer saves and to what the settings file
// holds, field by field.

/** Store and till ids as the subgraph accepts them in till tokens. */
export const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A bearer token as RFC 6750 allows it in a header (so it cannot smuggle in a header line). */
export const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

type FieldRule<T> = (value: unknown) => Checked<T>;

/** The rules per setting, exported for tests and documentation. */
export const SETTING_RULES: { [K in keyof Required<TillSettings>]: FieldRule<Required<TillSettings>[K]> } = {
  graphqlUrl: (value) => checkGraphqlUrl(value),
  storeId: (value) => (typeof value === 'string' && DEVICE_ID.test(value) ? ok(value) : fail('storeId must be 1–64 letters, digits, dots, dashes or underscores')),
  tillId: (value) => (typeof value === 'string' && DEVICE_ID.test(value) ? ok(value) : fail('tillId must be 1–64 letters, digits, dots, dashes or underscores')),
  storeName: (value) => (typeof value === 'string' && /^[^\p{Cc}]{1,64}$/u.test(value) && value.trim() !== '' ? ok(value.trim()) : fail('storeName must be 1–64 characters on one line')),
  productQuery: (value) => checkProductQuery(value),
  productMapping: (value) => checkProductMapping(value),
  currencyCode: (value) => (typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? ok(value) : fail('currencyCode must be three capital letters (ISO 4217)')),
  wedgeMinLength: (value) => integerIn(value, 'wedgeMinLength', 2, 128),
  wedgeMaxGapMs: (value) => integerIn(value, 'wedgeMaxGapMs', 5, 500),
  wedgeTerminators: (value) => {
    if (!Array.isArray(value) || value.length === 0 || value.length > 2) return fail('wedgeTerminators must list Enter, Tab or both');
    const seen = new Set<string>();
    for (const item of value) {
      if ((item !== 'Enter' && item !== 'Tab') || seen.has(item)) return fail('wedgeTerminators must list Enter, Tab or both');
      seen.add(item);
    }
    return ok([...seen] as ('Enter' | 'Tab')[]);
  },
};

/** The product query: GraphQL text with a `$code` variable, or null for none. */
export function checkProductQuery(value: unknown): Checked<string | null> {
  if (value === null || value === '') return ok(null);
  if (typeof value !== 'string' || !withinBytes(value, LIMITS.productQuery)) return fail(`productQuery must be GraphQL text of at most ${kib(LIMITS.productQuery)}`);
  if (!/\$code\b/.test(value)) return fail('productQuery must take the barcode as $code (e.g. query($code: String!) { ... })');
  return ok(value);
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){0,15}$/;

/** The product mapping: dotted paths (`data.productByBarcode`, `price.amount`), or null for none. */
export function checkProductMapping(value: unknown): Checked<ProductMapping | null> {
  if (value === null) return ok(null);
  if (!isPlainObject(value)) return fail('productMapping must be an object of paths such as { "product": "data.productByBarcode", "id": "id", "name": "name", "price": "price.amount" }');
  const extra = unknownKeys(value, ['product', 'id', 'name', 'price', 'priceUnit', 'category', 'currency']);
  if (extra.length) return fail(`Unknown productMapping fields: ${extra.join(', ')}`);
  for (const key of ['product', 'id', 'name', 'price'] as const) {
    if (typeof value[key] !== 'string' || !PATH.test(value[key])) return fail(`productMapping.${key} must be a dotted path such as price.amount`);
  }
  for (const key of ['category', 'currency'] as const) {
    if (value[key] !== undefined && (typeof value[key] !== 'string' || !PATH.test(value[key]))) return fail(`productMapping.${key} must be a dotted path`);
  }
  if (value.priceUnit !== undefined && value.priceUnit !== 'minor' && value.priceUnit !== 'major') return fail('productMapping.priceUnit must be minor or major');
  return ok(value as unknown as ProductMapping);
}

function integerIn(value: unknown, name: string, min: number, max: number): Checked<number> {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? ok(value) : fail(`${name} must be a whole number from ${min} to ${max}`);
}

/** An http(s) URL without credentials in it (the token travels in a header, never in the URL). */
export function checkGraphqlUrl(value: unknown): Checked<string> {
  if (typeof value !== 'string' || value.length > LIMITS.url) return fail('graphqlUrl must be a URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('graphqlUrl must be a URL such as http://localhost:4001/graphql');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('graphqlUrl must start with http:// or https://');
  if (url.username || url.password) return fail('graphqlUrl must not contain a user name or password');
  if (url.hash) return fail('graphqlUrl must not contain a #fragment');
  return ok(url.toString());
}

/** A till token: an empty string removes the stored one. Surrounding spaces are dropped. */
export function checkToken(value: unknown): Checked<string> {
  if (typeof value !== 'string') return fail('token must be a string');
  const token = value.trim();
  if (token === '') return ok('');
  if (token.length > LIMITS.token || !BEARER_TOKEN.test(token)) return fail('token must be a bearer token (such as a JWT) on one line');
  return ok(token);
}

const PATCH_KEYS = [...(Object.keys(SETTING_RULES) as (keyof TillSettings)[]), 'token'] as const;

/** The `saveConfig` channel: any subset of the settings, and optionally `token`. */
export function checkConfigPatch(value: unknown): Checked<TillConfigPatch> {
  if (!isPlainObject(value)) return fail('Settings must be an object');
  const extra = unknownKeys(value, PATCH_KEYS);
  if (extra.length) return fail(`Unknown settings: ${extra.join(', ')}`);
  const patch: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of Object.keys(SETTING_RULES) as (keyof TillSettings)[]) {
    if (value[key] === undefined) continue;
    const checked = SETTING_RULES[key](value[key]);
    if (checked.ok) patch[key] = checked.value;
    else problems.push(checked.message);
  }
  if (value.token !== undefined) {
    const checked = checkToken(value.token);
    if (checked.ok) patch.token = checked.value;
    else problems.push(checked.message);
  }
  return problems.length ? fail(problems.join('; ')) : ok(patch as TillConfigPatch);
}

/**
 * Settings read from the file: the valid fields, and what was wrong with the others (they are
 * dropped, so the environment's defaults apply to them).
 */
export function checkStoredSettings(value: Record<string, unknown>): { settings: TillSettings; problems: string[] } {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of Object.keys(SETTING_RULES) as (keyof TillSettings)[]) {
    if (value[key] === undefined) continue;
    const checked = SETTING_RULES[key](value[key]);
    if (checked.ok) settings[key] = checked.value;
    else problems.push(checked.message);
  }
  return { settings: settings as TillSettings, problems };
}
