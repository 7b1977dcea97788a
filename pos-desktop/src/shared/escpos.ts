/**
 * ESC/POS bytes for 58 mm and 80 mm thermal receipt printers (Epson TM-T20/T88 and the many
 * printers that speak the same commands), from the receipt rows every output shares.
 *
 * Font A (12 x 24 dots): 32 characters a line on 58 mm paper (384 dots), 48 on 80 mm (576 dots).
 * Text is sent in code page PC858 (ESC t 19: Latin-1 letters, £ and €); characters it lacks are
 * printed as "?". The sale barcode is the printer's own Code 128 (GS k 73), its text printed below.
 *
 * Pure: a receipt in, bytes out; tested against committed golden files. Part of the shared
 * contract: no Node and no DOM imports.
 */
import { receiptRows, type ReceiptDoc, type ReceiptRow } from './receipt';

export type PaperWidth = 58 | 80;

export const PAPER: Record<PaperWidth, { columns: number; dots: number }> = {
  58: { columns: 32, dots: 384 },
  80: { columns: 48, dots: 576 },
};

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** PC858's upper half, 0x80-0xFF, in order. */
const PC858_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const PC858 = new Map<string, number>([...PC858_HIGH].map((ch, i) => [ch, 0x80 + i]));
/** Typographic characters the code page lacks, written the way a receipt would. */
const FALLBACK: Record<string, string> = { '−': '-', '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...' };

/** Text as PC858 bytes. */
export function encodePc858(text: string): number[] {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) out.push(code);
    else if (FALLBACK[ch] !== undefined) out.push(...encodePc858(FALLBACK[ch]));
    else out.push(PC858.get(ch) ?? 0x3f);
  }
  return out;
}

/** Breaks text into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

/** A left text and a right-aligned amount on one line (the left wrapped above it when long). */
export function pairLines(left: string, right: string, width: number): string[] {
  const room = width - right.length - 1;
  // A long right side (a name, a phrase) goes under its label rather than squeezing it.
  if (room < 4 || (left.length > room && right.length > width / 3)) return [...wrap(left, width), ...wrap(right, width).map((l) => l.padStart(width))];
  const lines = wrap(left, room);
  const last = lines.pop()!;
  return [...lines, `${last.padEnd(room)} ${right}`];
}

/**
 * Code 128 module width (dots) that fits `data` on the paper: 3, 2 or 1 (0.125 mm at 203 dpi,
 * which imaging scanners read; keep store and till ids short for wider bars).
 */
export function barcodeModuleWidth(data: string, width: PaperWidth): number {
  const modules = 11 * (data.length + 2) + 13; // start, data, check character, stop
  for (const w of [3, 2]) if (modules * w <= PAPER[width].dots) return w;
  return 1;
}

/** The ESC/POS bytes of a receipt: initialise, the rows, feed and a partial cut. */
export function renderEscPos(receipt: ReceiptDoc, width: PaperWidth): Uint8Array {
  const { columns } = PAPER[width];
  const out: number[] = [ESC, 0x40, ESC, 0x74, 19];
  const align = (n: 0 | 1 | 2) => out.push(ESC, 0x61, n);
  const bold = (on: boolean) => out.push(ESC, 0x45, on ? 1 : 0);
  const line = (text: string) => out.push(...encodePc858(text), LF);
  for (const row of receiptRows(receipt)) emit(row);
  out.push(ESC, 0x64, 4, GS, 0x56, 66, 0);
  return Uint8Array.from(out);

  function emit(row: ReceiptRow): void {
    switch (row.kind) {
      case 'title':
        align(1);
        out.push(GS, 0x21, 0x11); // double width and height
        for (const l of wrap(row.text, Math.floor(columns / 2))) line(l);
        out.push(GS, 0x21, 0x00);
        align(0);
        return;
      case 'center':
        align(1);
        for (const l of wrap(row.text, columns)) line(l);
        align(0);
        return;
      case 'rule':
        line('-'.repeat(columns));
        return;
      case 'text':
        for (const l of wrap(row.text, columns)) line(l);
        return;
      case 'pair':
        if (row.strong) bold(true);
        for (const l of pairLines(row.left, row.right, columns)) line(l);
        if (row.strong) bold(false);
        return;
      case 'barcode': {
        const data = encodePc858(row.data).slice(0, 253);
        align(1);
        out.push(GS, 0x68, 80); // height in dots
        out.push(GS, 0x77, barcodeModuleWidth(row.data, width));
        out.push(GS, 0x48, 0); // no printer text: ours follows
        out.push(GS, 0x6b, 73, data.length + 2, 0x7b, 0x42, ...data); // Code 128, code set B
        out.push(LF);
        line(row.text);
        align(0);
        return;
      }
    }
  }
}
