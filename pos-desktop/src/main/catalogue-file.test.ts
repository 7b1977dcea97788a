import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogueFile } from './catalogue-file';
import { memoryLogger, tempDir } from './testing/support';

describe('readCatalogueFile', () => {
  it('reads CSV and JSON files, and lists what it left out', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const log = memoryLogger();
      await writeFile(path.join(dir, 'c.json'), JSON.stringify([{ productId: 'tea', name: 'Tea', price: '2.50' }, { productId: '', name: 'x', price: 1 }]));
      const json = await readCatalogueFile(path.join(dir, 'c.json'), 'GBP', log);
      expect(json.products).toEqual([{ barcode: null, productId: 'tea', name: 'Tea', categoryId: null, unitPrice: 250 }]);
      expect(json.problems).toEqual(['product 2: productId must be 1 to 64 characters']);
      expect(log.text()).toMatch(/Catalogue rows left out/);
    } finally {
      await cleanup();
    }
  });

  it('answers no products, with the reason, for no file, a missing file or another format', async () => {
    const log = memoryLogger();
    expect(await readCatalogueFile(null, 'GBP', log)).toEqual({ products: [], file: null, problems: [] });
    expect((await readCatalogueFile('/nonexistent/catalogue.csv', 'GBP', log)).problems[0]).toMatch(/^cannot read it: .*ENOENT/);
    expect((await readCatalogueFile('/etc/passwd', 'GBP', log)).problems).toEqual(['the catalogue file must end in .csv or .json']);
  });
});
