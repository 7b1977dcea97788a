import { describe, expect, it } from 'vitest';
import { SAMPLE_RECEIPT } from '../../shared/fixtures/sample-receipt';
import { barcodeSvg, receiptHtml } from './receipt-html';

describe('the printable receipt', () => {
  it('draws the sale barcode as Code 128 SVG', () => {
    const svg = barcodeSvg('LS:store-001-till-01-abc');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    // Code 128 start B, 24 data symbols, check and stop: a different payload draws other bars
    expect(barcodeSvg('LS:store-001-till-01-abd')).not.toBe(svg);
    expect(svg.length).toBeGreaterThan(1000);
  });

  it('is self-contained HTML, escaped, with the store, the time, the sale id and its barcode', () => {
    const html = receiptHtml({ ...SAMPLE_RECEIPT, storeName: 'Bob & <Sons>' });
    expect(html).toContain('<h1>Bob &#38; &#60;Sons&#62;</h1>');
    expect(html).toContain('22/11/2026 14:05');
    expect(html).toContain(`<p class="c">${SAMPLE_RECEIPT.saleId}</p>`);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|src=|href=/);
  });
});
