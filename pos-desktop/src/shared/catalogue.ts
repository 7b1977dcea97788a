/**
 * The till's local product catalogue: the offline fallback of the product lookup (the commerce
 * graph is asked first when a product query is configured). A file a person or a sync job writes,
 * CSV or JSON:
 *
 * ```csv
 * barcode,productId,name,categoryId,price
 * 5000112637922,lipstick-red,"Lipstick, red",beauty,12.99
 * ```
 *
 * ```json
 * [{ "barcode": "5000112637922", "productId": "lipstick-red", "name": "Lipstick, red", "categoryId": "beauty", "price": "12.99" }]
 * ```
 *
 * `price` is in major units as written on a shelf label ("12.99"; a JSON number is read the same
 * way), or `priceMinor` an integer in minor units. `barcode` is optional (a product found by its
 * SKU, the productId, only); when given it must be a GTIN with a valid check digit. Rows that
 * break a rule are left out and reported with their line or index, the others are used.
 *
 * Part of the shared contract: no Node and no DOM imports.
 */
import { isGtin } from './gtin';
import { parseMoney } from './money';

export interface CatalogueProduct {
  /** GTIN printed on the product, or null for SKU-only products. */
  readonly barcode: string | null;
  readonly productId: string;
  readonly name: string;
  readonly categoryId: string | null;
  /** Minor units of the till's currency. */
  readonly unitPrice: number;
}

export interface Catalogue {
  readonly products: readonly CatalogueProduct[];
  /** Rows left out, and why ("line 4: price "12,999" ..."). */
  readonly problems: readonly string[];
}

export const MAX_CATALOGUE_PRODUCTS = 100_000;

/** Parses a catalogue file's text; `format` from its extension (`.csv` or `.json`). */
export function parseCatalogue(text: string, format: 'csv' | 'json', currencyCode: string): Catalogue {
  return format === 'json' ? parseJson(text, currencyCode) : parseCsv(text, currencyCode);
}

/** The format a file name says, or null. */
export function catalogueFormat(fileName: string): 'csv' | 'json' | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.json') ? 'json' : null;
}

/** Finds a product by barcode, else by productId (SKU), ignoring surrounding spaces. */
export function findInCatalogue(products: readonly CatalogueProduct[], code: string): CatalogueProduct | undefined {
  const c = code.trim();
  return products.find((p) => p.barcode === c) ?? products.find((p) => p.productId === c);
}

function checkRow(row: Record<string, unknown>, where: string, currencyCode: string, problems: string[]): CatalogueProduct | null {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const productId = text(row.productId);
  const name = text(row.name);
  const barcode = text(row.barcode);
  const categoryId = text(row.categoryId);
  if (!productId || productId.length > 64) return problems.push(`${where}: productId must be 1 to 64 characters`), null;
  if (!name || name.length > 120) return problems.push(`${where}: name must be 1 to 120 characters`), null;
  if (barcode && !isGtin(barcode)) return problems.push(`${where}: barcode ${barcode} is not a GTIN with a valid check digit`), null;
  let unitPrice: number;
  if (row.priceMinor !== undefined && row.priceMinor !== '') {
    const minor = Number(row.priceMinor);
    if (!Number.isSafeInteger(minor) || minor < 0) return problems.push(`${where}: priceMinor must be a whole number of minor units`), null;
    unitPrice = minor;
  } else {
    const parsed = parseMoney(text(row.price), currencyCode);
    if (!parsed.ok) return problems.push(`${where}: price: ${parsed.message}`), null;
    unitPrice = parsed.minor;
  }
  return { barcode: barcode || null, productId, name, categoryId: categoryId || null, unitPrice };
}

function parseJson(text: string, currencyCode: string): Catalogue {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { products: [], problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const rows = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as { products?: unknown }).products) ? (value as { products: unknown[] }).products : null;
  if (!rows) return { products: [], problems: ['a JSON catalogue is a list of products (or { "products": [...] })'] };
  const problems: string[] = [];
  const products: CatalogueProduct[] = [];
  rows.slice(0, MAX_CATALOGUE_PRODUCTS).forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return void problems.push(`product ${i + 1}: not an object`);
    const p = checkRow(row as Record<string, unknown>, `product ${i + 1}`, currencyCode, problems);
    if (p) products.push(p);
  });
  if (rows.length > MAX_CATALOGUE_PRODUCTS) problems.push(`only the first ${MAX_CATALOGUE_PRODUCTS} products are read`);
  return { products, problems };
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function csvRecords(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') (quoted = true), (any = true);
    else if (ch === ',') fields.push(field), (field = ''), (any = true);
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      if (any || field !== '') out.push({ fields: [...fields, field], line: start });
      fields = [];
      field = '';
      any = false;
      line++;
      start = line;
    } else (field += ch), (any = true);
  }
  if (any || field !== '') out.push({ fields: [...fields, field], line: start });
  return out;
}

function parseCsv(text: string, currencyCode: string): Catalogue {
  const records = csvRecords(text);
  const header = records.shift();
  if (!header) return { products: [], problems: ['the CSV file is empty'] };
  const names = header.fields.map((h) => h.trim());
  const missing = ['productId', 'name'].filter((n) => !names.includes(n));
  if (!names.includes('price') && !names.includes('priceMinor')) missing.push('price');
  if (missing.length) return { products: [], problems: [`line ${header.line}: the header needs ${missing.join(', ')} (columns: barcode, productId, name, categoryId, price)`] };
  const problems: string[] = [];
  const products: CatalogueProduct[] = [];
  for (const record of records.slice(0, MAX_CATALOGUE_PRODUCTS)) {
    const row: Record<string, unknown> = {};
    names.forEach((n, i) => (row[n] = record.fields[i] ?? ''));
    const p = checkRow(row, `line ${record.line}`, currencyCode, problems);
    if (p) products.push(p);
  }
  if (records.length > MAX_CATALOGUE_PRODUCTS) problems.push(`only the first ${MAX_CATALOGUE_PRODUCTS} products are read`);
  return { products, problems };
}
