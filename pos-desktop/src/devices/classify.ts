/**
 * What a scanned text is to the till. Deliberately simple rules, first match wins:
 *
 * 1. ISO 7813 track text (`%B...?`, `;...?`) → loyalty card, number from the track.
 * 2. EAN-13 with a GS1 "within a company" prefix 040-049 and a valid check digit → loyalty card
 *    (restricted-circulation numbers never name a product in the wild, so a retailer prints its
 *    customer cards in that range, e.g. `0420000000013`).
 * 3. GTIN-8, -12, -13 or -14 with a valid check digit → product (including in-store 02x/2x
 *    numbers such as price-embedded `23...`; the product lookup decodes those).
 * 4. `LC:` and a code (the loyalty subgraph's coupon barcode payload) → coupon code; `LS:` and a
 *    sale id (the barcode on the till's own receipts) → the sale, for a return.
 * 5. 4-32 letters, digits and single dashes with at least one letter → coupon code, upper-cased
 *    (e.g. `LX-7K2Q`).
 * 6. Anything else → unknown; the till shows it rather than guessing.
 *
 * The symbology is not consulted: keyboard-mode scanners usually do not send one.
 */
import { gs1CheckDigit, isGtin } from '../shared/gtin';
import { cardFromSwipeText, looksLikeTrackText } from './iso7813';

export type ScanClass =
  | { readonly kind: 'loyalty-card'; readonly cardNumber: string }
  | { readonly kind: 'coupon'; readonly code: string }
  | { readonly kind: 'product'; readonly gtin: string }
  | { readonly kind: 'sale-receipt'; readonly saleId: string }
  | { readonly kind: 'unknown'; readonly text: string };

/** Classifies scanned text (surrounding whitespace ignored). Never throws. */
export function classifyScan(text: string): ScanClass {
  const value = text.trim();
  if (looksLikeTrackText(value)) {
    const card = cardFromSwipeText(value);
    return card.ok ? { kind: 'loyalty-card', cardNumber: card.value.cardNumber } : { kind: 'unknown', text: value };
  }
  const sale = /^LS:([A-Za-z0-9._-]{1,128})$/.exec(value);
  if (sale) return { kind: 'sale-receipt', saleId: sale[1]! };
  const payload = /^LC:([0-9A-Z-]{4,32})$/i.exec(value);
  if (payload) return { kind: 'coupon', code: payload[1]!.toUpperCase() };
  if (/^\d+$/.test(value)) {
    if (!isGtin(value)) return { kind: 'unknown', text: value };
    if (value.length === 13 && /^04\d/.test(value)) return { kind: 'loyalty-card', cardNumber: value };
    return { kind: 'product', gtin: value };
  }
  if (value.length >= 4 && value.length <= 32 && /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/i.test(value) && /[A-Z]/i.test(value)) {
    return { kind: 'coupon', code: value.toUpperCase() };
  }
  return { kind: 'unknown', text: value };
}

export { gs1CheckDigit, isGtin };
