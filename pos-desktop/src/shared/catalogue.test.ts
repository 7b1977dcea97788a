import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFormat, csvRecords, findInCatalogue, parseCatalogue } from './catalogue';
import { isGtin } from './gtin';

describe('the local catalogue file', () => {
  it('reads CSV with quoted fields, prices in major units of the currency', () => {
    const csv = 'barcode,productId,name,categoryId,price\r\n5000112637922,lipstick-red,"Lipstick, red",beauty,12.99\r\n,gift-wrap,"Gift wrap ""deluxe""",,1.5\n';
    expect(parseCatalogue(csv, 'csv', 'GBP')).toEqual({
      products: [
        { barcode: '5000112637922', productId: 'lipstick-red', name: 'Lipstick, red', categoryId: 'beauty', unitPrice: 1299 },
        { barcode: null, productId: 'gift-wrap', name: 'Gift wrap "deluxe"', categoryId: null, unitPrice: 150 },
      ],
      problems: [],
    });
    expect(parseCatalogue('productId,name,price\nrice,Rice 1 kg,450\n', 'csv', 'JPY').products[0]!.unitPrice).toBe(450);
  });

  it('leaves out rows that break a rule, saying which line and why, and keeps the rest', () => {
    const csv = 'barcode,productId,name,price\n5099999999994,headphones,Headphones,129.99\n5099999999995,headphones,Headphones,129.99\n4006381333931,,Coffee card,5\n4006381333931,coffee,Coffee card,five\n';
    const { products, problems } = parseCatalogue(csv, 'csv', 'GBP');
    expect(products.map((p) => p.barcode)).toEqual(['5099999999995']);
    expect(problems).toEqual([
      'line 2: barcode 5099999999994 is not a GTIN with a valid check digit',
      'line 4: productId must be 1 to 64 characters',
      'line 5: price: "five" is not an amount: type e.g. 20 or 20.50',
    ]);
    expect(parseCatalogue('sku,title\n', 'csv', 'GBP').problems[0]).toMatch(/header needs productId, name, price/);
  });

  it('reads JSON, with prices as text, numbers or minor units', () => {
    const json = JSON.stringify({ products: [{ barcode: '4006381333931', productId: 'coffee-card', name: 'Coffee card', price: 5 }, { productId: 'tea', name: 'Tea', priceMinor: 250 }, 'junk'] });
    const { products, problems } = parseCatalogue(json, 'json', 'GBP');
    expect(products.map((p) => [p.productId, p.unitPrice])).toEqual([['coffee-card', 500], ['tea', 250]]);
    expect(problems).toEqual(['product 3: not an object']);
    expect(parseCatalogue('{', 'json', 'GBP').problems[0]).toMatch(/^not JSON/);
  });

  it('finds by barcode, else by SKU', () => {
    const { products } = parseCatalogue('barcode,productId,name,price\n5000112637922,lipstick-red,Lipstick,12.99\n', 'csv', 'GBP');
    expect(findInCatalogue(products, ' 5000112637922 ')?.productId).toBe('lipstick-red');
    expect(findInCatalogue(products, 'lipstick-red')?.barcode).toBe('5000112637922');
    expect(findInCatalogue(products, '5000112637923')).toBeUndefined();
    expect([catalogueFormat('a/B.CSV'), catalogueFormat('x.json'), catalogueFormat('x.txt')]).toEqual(['csv', 'json', null]);
  });

  it('splits CSV records across quoted line breaks and keeps their first line number', () => {
    expect(csvRecords('a,b\n"x\ny",z\n\nlast')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x\ny', 'z'], line: 2 },
      { fields: ['last'], line: 5 },
    ]);
  });

  it('ships a demo catalogue whose every barcode has a valid check digit', () => {
    const text = readFileSync(path.resolve(__dirname, '../../catalogue/demo-catalogue.csv'), 'utf8');
    const { products, problems } = parseCatalogue(text, 'csv', 'GBP');
    expect(problems).toEqual([]);
    expect(products.length).toBeGreaterThanOrEqual(6);
    for (const p of products) expect(isGtin(p.barcode!)).toBe(true);
    expect(findInCatalogue(products, '5099999999995')?.name).toBe('Headphones');
  });
});
