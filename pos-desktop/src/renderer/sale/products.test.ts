import { describe, expect, it } from 'vitest';
import type { EarnAttempt } from '../../shared/earn-delivery';
import type { ProductMapping } from '../../shared/ipc';
import { ProductLookup, productFromAnswer } from './products';
import { CATALOGUE } from './testing/fakes';

const QUERY = 'query P($code: String!) { productByBarcode(barcode: $code) { sku name price { amount currencyCode } category { id } } }';
const MAPPING: ProductMapping = { product: 'data.productByBarcode', id: 'sku', name: 'name', price: 'price.amount', category: 'category.id', currency: 'price.currencyCode' };
const body = (product: unknown) => ({ data: { productByBarcode: product } });

function lookup(answers: EarnAttempt[], mapping = MAPPING) {
  const sent: unknown[] = [];
  const l = new ProductLookup({
    graph: { query: QUERY, mapping },
    send: async (query, variables) => (sent.push({ query, variables }), answers.shift()!),
    catalogue: () => CATALOGUE,
    currencyCode: () => 'GBP',
  });
  return { l, sent };
}
const ok = (b: unknown): EarnAttempt => ({ kind: 'answer', status: 200, body: JSON.stringify(b) });

describe('the product lookup', () => {
  it('asks the commerce graph with the configured query and maps its answer', async () => {
    const { l, sent } = lookup([ok(body({ sku: 'SKU-9', name: 'Scarf', price: { amount: 2500, currencyCode: 'GBP' }, category: { id: 'clothing' } }))]);
    expect(await l.find('5012345678900')).toEqual({ kind: 'found', product: { productId: 'SKU-9', name: 'Scarf', categoryId: 'clothing', unitPrice: 2500, source: 'graph' } });
    expect(sent).toEqual([{ query: QUERY, variables: { code: '5012345678900' } }]);
  });

  it('falls back to the catalogue file when the graph is down, errs or does not know the code', async () => {
    const { l } = lookup([{ kind: 'no-answer', message: 'offline' }, { kind: 'answer', status: 502, body: 'bad gateway' }, ok({ errors: [{ message: 'Cannot query field "productByBarcode"' }], data: null }), ok(body(null))]);
    for (let i = 0; i < 4; i++) expect(await l.find('5000112637922')).toMatchObject({ kind: 'found', product: { productId: 'lipstick-red', source: 'catalogue' } });
  });

  it('says why the graph did not help when the catalogue has nothing either', async () => {
    const { l } = lookup([{ kind: 'no-answer', message: 'offline' }, ok(body({ sku: 'X', name: 'Jacket', price: { amount: 9900, currencyCode: 'EUR' } })), ok(body(null))]);
    expect(await l.find('4006381333931')).toEqual({ kind: 'not-found', graphNote: 'the commerce graph cannot be reached' });
    expect(await l.find('4006381333931')).toEqual({ kind: 'not-found', graphNote: 'the product is priced in EUR, the till takes GBP' });
    expect(await l.find('4006381333931')).toEqual({ kind: 'not-found', graphNote: null });
  });

  it('maps prices in major units, lists and missing fields', () => {
    const major: ProductMapping = { product: 'data.products.nodes', id: 'id', name: 'title', price: 'price', priceUnit: 'major' };
    expect(productFromAnswer({ data: { products: { nodes: [{ id: 7, title: 'Mug', price: '8.50' }] } } }, major, 'GBP')).toEqual({ ok: true, product: { productId: '7', name: 'Mug', categoryId: null, unitPrice: 850, source: 'graph' } });
    expect(productFromAnswer({ data: { products: { nodes: [{ id: 7, title: 'Mug', price: 8.5 }] } } }, major, 'GBP')).toMatchObject({ ok: true, product: { unitPrice: 850 } });
    expect(productFromAnswer(body({ sku: 'a', name: 'b', price: { amount: 12.5 } }), MAPPING, 'GBP')).toEqual({ ok: false, note: "the product's price 12.5 is not whole minor units" });
    expect(productFromAnswer(body({ name: 'b', price: { amount: 1 } }), MAPPING, 'GBP')).toEqual({ ok: false, note: 'the product has no sku' });
  });

  it('uses only the catalogue when no query is configured', async () => {
    const l = new ProductLookup({ graph: null, send: async () => ({ kind: 'no-answer', message: 'never' }), catalogue: () => CATALOGUE, currencyCode: () => 'GBP' });
    expect(await l.find('headphones')).toMatchObject({ kind: 'found', product: { name: 'Headphones' } });
    expect(await l.find('nothing')).toEqual({ kind: 'not-found', graphNote: null });
  });
});
