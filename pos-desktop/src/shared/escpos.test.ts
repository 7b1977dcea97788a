import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { barcodeModuleWidth, encodePc858, pairLines, renderEscPos, wrap } from './escpos';
import { CASH_ONLY_RECEIPT, SAMPLE_RECEIPT } from './fixtures/sample-receipt';

const golden = (width: number) => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', `receipt-${width}mm.escpos`)));

/** The first differing byte, for a readable failure. */
function firstDifference(a: Uint8Array, b: Uint8Array): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `byte ${i}: ${a[i]?.toString(16)} vs golden ${b[i]?.toString(16)} (lengths ${a.length} / ${b.length})`;
  }
  return null;
}

/** The printable lines of ESC/POS bytes (commands dropped), as the paper shows them. */
function paper(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x1b || b === 0x1d) {
      const cmd = bytes[i + 1];
      if (b === 0x1d && cmd === 0x6b) i += 3 + bytes[i + 3]!; // GS k m n data
      else if (b === 0x1d && cmd === 0x56) i += 3; // GS V m n
      else if (b === 0x1b && cmd === 0x40) i += 1;
      else i += 2;
      continue;
    }
    if (b === 0x0a) (out.push(line), (line = ''));
    else line += b === 0x9c ? '£' : String.fromCharCode(b);
  }
  return out;
}

describe('ESC/POS receipts', () => {
  it('match the committed golden bytes for 58 mm and 80 mm paper', () => {
    for (const width of [58, 80] as const) {
      const bytes = renderEscPos(SAMPLE_RECEIPT, width);
      expect(firstDifference(bytes, golden(width)), `${width} mm; after a deliberate layout change run npm run -w pos-desktop escpos:golden`).toBeNull();
    }
  });

  it('start with initialise and code page PC858, end with a feed and a partial cut', () => {
    const bytes = [...renderEscPos(SAMPLE_RECEIPT, 80)];
    expect(bytes.slice(0, 5)).toEqual([0x1b, 0x40, 0x1b, 0x74, 19]);
    expect(bytes.slice(-7)).toEqual([0x1b, 0x64, 4, 0x1d, 0x56, 66, 0]);
  });

  it('fit every line to the paper: 32 characters on 58 mm, 48 on 80 mm', () => {
    for (const [width, columns] of [[58, 32], [80, 48]] as const) {
      const lines = paper(renderEscPos(SAMPLE_RECEIPT, width));
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(columns);
      expect(lines).toContain(`Total${' '.repeat(columns - 11)}£39.48`);
      expect(lines.some((l) => l.startsWith('Points earned on'))).toBe(true);
    }
  });

  it('print the sale id as a Code 128 barcode the till reads back, with the id below', () => {
    const bytes = [...renderEscPos(SAMPLE_RECEIPT, 80)];
    const at = bytes.findIndex((b, i) => b === 0x1d && bytes[i + 1] === 0x6b && bytes[i + 2] === 73);
    expect(at).toBeGreaterThan(0);
    const n = bytes[at + 3]!;
    const data = String.fromCharCode(...bytes.slice(at + 4, at + 4 + n));
    expect(data).toBe(`{BLS:${SAMPLE_RECEIPT.saleId}`);
    expect(paper(renderEscPos(SAMPLE_RECEIPT, 80))).toContain(SAMPLE_RECEIPT.saleId);
  });

  it('leave the points out of a sale without a member', () => {
    const lines = paper(renderEscPos(CASH_ONLY_RECEIPT, 58));
    expect(lines.some((l) => /Points|Member/.test(l))).toBe(false);
  });

  it('encode £ and € in PC858 and replace what it lacks', () => {
    expect(encodePc858('£5 €2 é')).toEqual([0x9c, 0x35, 0x20, 0xd5, 0x32, 0x20, 0x82]);
    expect(encodePc858('a–b ☃')).toEqual([0x61, 0x2d, 0x62, 0x20, 0x3f]);
  });

  it('wrap at spaces and right-align amounts', () => {
    expect(wrap('Moisturising day cream with SPF 30', 16)).toEqual(['Moisturising day', 'cream with SPF', '30']);
    expect(pairLines('Total', '£9.99', 16)).toEqual(['Total      £9.99']);
    expect(pairLines('Points earned on', 'the part paid in cash', 32)).toEqual(['Points earned on', '           the part paid in cash']);
    expect(barcodeModuleWidth('LS:s-t-abc', 80)).toBe(3);
    expect(barcodeModuleWidth(`LS:${SAMPLE_RECEIPT.saleId}`, 58)).toBe(1);
  });
});
