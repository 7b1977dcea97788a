/**
 * Finding a product from a scanned or typed code (a GTIN, or a SKU typed by hand): first the
 * commerce graph through the configured product query, then the till's local catalogue file, the
 * offline fallback. Scans and typing take this same path.
 *
 * The query is any GraphQL text with a `$code: String!` variable, sent to the same endpoint as
 * the loyalty calls (the router). The mapping says where the product and its fields are in the
 * answer, as dotted paths:
 *
 * ```json
 * { "product": "data.productByBarcode", "id": "sku", "name": "name", "price": "price.amount",
 *   "priceUnit": "minor", "category": "category.id", "currency": "price.currencyCode" }
 * ```
 *
 * `product` may lead to a list (the first item is used). `price` is minor units by default
 * (`priceUnit: "major"` reads "12.99" or 12.99 as major units, as strings, without floats).
 */
import type { CatalogueProduct } from '../../shared/catalogue';
import { findInCatalogue } from '../../shared/catalogue';
import type { EarnAttempt } from '../../shared/earn-delivery';
import type { ProductMapping } from '../../shared/ipc';
import { parseMoney } from '../../shared/money';

export interface FoundProduct {
  productId: string;
  name: string;
  categoryId: string | null;
  unitPrice: number;
  source: 'graph' | 'catalogue';
}

export type ProductLookupResult =
  | { kind: 'found'; product: FoundProduct }
  /** In neither place; `graphNote` says why the graph did not help, when it was asked. */
  | { kind: 'not-found'; graphNote: string | null };

export interface ProductLookupOptions {
  /** The configured product query and its mapping, or null (catalogue only). */
  graph: { query: string; mapping: ProductMapping } | null;
  send: (query: string, variables: Record<string, unknown>) => Promise<EarnAttempt>;
  catalogue: () => readonly CatalogueProduct[];
  currencyCode: () => string;
}

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.').filter(Boolean)) {
    if (Array.isArray(v)) v = v[0];
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return Array.isArray(v) ? v[0] : v;
}

/** Maps one graph answer to a product, or says why it cannot. */
export function productFromAnswer(body: unknown, mapping: ProductMapping, currencyCode: string): { ok: true; product: FoundProduct | null } | { ok: false; note: string } {
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors;
  const node = at(body, mapping.product);
  if (node === undefined || node === null) {
    if (Array.isArray(errors) && errors.length) return { ok: false, note: `the product query failed: ${errors.map((e) => e.message).join('; ')}` };
    return { ok: true, product: null };
  }
  const id = at(node, mapping.id);
  const name = at(node, mapping.name);
  const price = at(node, mapping.price);
  const category = mapping.category ? at(node, mapping.category) : null;
  const currency = mapping.currency ? at(node, mapping.currency) : null;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') return { ok: false, note: `the product has no ${mapping.id}` };
  if (typeof name !== 'string' || name === '') return { ok: false, note: `the product has no ${mapping.name}` };
  if (typeof currency === 'string' && currency !== currencyCode) return { ok: false, note: `the product is priced in ${currency}, the till takes ${currencyCode}` };
  let unitPrice: number;
  if (mapping.priceUnit === 'major') {
    const parsed = parseMoney(String(price ?? ''), currencyCode);
    if (!parsed.ok) return { ok: false, note: `the product's price ${JSON.stringify(price)} is not an amount` };
    unitPrice = parsed.minor;
  } else {
    if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0) return { ok: false, note: `the product's price ${JSON.stringify(price)} is not whole minor units` };
    unitPrice = price;
  }
  return { ok: true, product: { productId: String(id), name, categoryId: typeof category === 'string' || typeof category === 'number' ? String(category) : null, unitPrice, source: 'graph' } };
}

export class ProductLookup {
  constructor(private readonly options: ProductLookupOptions) {}

  async find(code: string): Promise<ProductLookupResult> {
    let graphNote: string | null = null;
    const g = this.options.graph;
    if (g) {
      const answer = await this.options.send(g.query, { code });
      if (answer.kind === 'no-answer') graphNote = 'the commerce graph cannot be reached';
      else if (answer.status >= 500) graphNote = `the commerce graph answered HTTP ${answer.status}`;
      else {
        let body: unknown = null;
        try {
          body = JSON.parse(answer.body);
        } catch {
          graphNote = `HTTP ${answer.status} without a GraphQL answer`;
        }
        if (graphNote === null) {
          const mapped = productFromAnswer(body, g.mapping, this.options.currencyCode());
          if (!mapped.ok) graphNote = mapped.note;
          else if (mapped.product) return { kind: 'found', product: mapped.product };
        }
      }
    }
    const local = findInCatalogue(this.options.catalogue(), code);
    if (local) return { kind: 'found', product: { productId: local.productId, name: local.name, categoryId: local.categoryId, unitPrice: local.unitPrice, source: 'catalogue' } };
    return { kind: 'not-found', graphNote };
  }
}
