/**
 * The receipt as HTML (the browser's print, or Electron's system printer) and the sale-id
 * barcode as SVG: Code 128, drawn by bwip-js from the receipt rows every output shares.
 */
import { code128, drawingSVG } from 'bwip-js/browser';
import { receiptRows, type ReceiptDoc } from '../../shared/receipt';

/** A Code 128 barcode of `data` as an SVG document (no text: the receipt prints the id below). */
export function barcodeSvg(data: string): string {
  return code128({ bcid: 'code128', text: data, scale: 2, height: 12, includetext: false, paddingwidth: 10 }, drawingSVG());
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained printable receipt: no scripts, no external resources. */
export function receiptHtml(doc: ReceiptDoc): string {
  const body = receiptRows(doc)
    .map((row) => {
      switch (row.kind) {
        case 'title':
          return `<h1>${escape(row.text)}</h1>`;
        case 'center':
          return `<p class="c">${escape(row.text)}</p>`;
        case 'rule':
          return '<hr>';
        case 'text':
          return `<p>${escape(row.text)}</p>`;
        case 'pair':
          return `<p class="pair${row.strong ? ' strong' : ''}"><span>${escape(row.left)}</span><span>${escape(row.right)}</span></p>`;
        case 'barcode':
          return `<div class="c barcode">${barcodeSvg(row.data)}<p class="c">${escape(row.text)}</p></div>`;
      }
    })
    .join('');
  const style =
    'body{font:13px/1.35 monospace;width:72mm;margin:0 auto}h1{font-size:18px;text-align:center;margin:4px 0}p{margin:2px 0}.c{text-align:center}' +
    '.pair{display:flex;justify-content:space-between;gap:8px}.strong{font-weight:bold}hr{border:0;border-top:1px dashed #000}.barcode svg{width:100%;height:auto}';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Receipt ${escape(doc.saleId)}</title><style>${style}</style></head><body>${body}</body></html>`;
}
