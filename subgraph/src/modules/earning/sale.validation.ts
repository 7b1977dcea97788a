import { ErrorCode } from '../../common/errors';
import type { Principal } from '../../auth/principal';
import type { InputChecker } from '../../common/validation';
import type { SaleInput } from './sale.input';

export interface ValidSale {
  id: string;
  channel: string;
  orderId: string | null;
  storeId: string | null;
  tillId: string | null;
  occurredAt: Date;
  currencyCode: string;
  lines: { productId: string; categoryId: string | null; quantity: number; unitPrice: number }[];
  totalMinor: number;
}

export const MAX_SALE_LINES = 500;
/** 10,000,000.00 in a two-decimal currency: far above any till sale, far below overflow. */
export const MAX_SALE_TOTAL_MINOR = 1_000_000_000;
const ID_TEXT = /^[\x21-\x7e]+$/;

/**
 * Checks a sale for earning or preview: ids, channel, currency (must be the programme's),
 * 1..500 lines of whole quantities 1..10,000 and unit prices 0..100,000,000 minor units.
 */
export function checkSale(check: InputChecker, sale: SaleInput, programmeCurrency: string, now: Date = new Date()): ValidSale | null {
  const p = 'sale';
  const id = check.text(`${p}.id`, sale.id, 128, { required: true, label: 'sale.id' });
  if (id && !ID_TEXT.test(id)) check.fail(`${p}.id`, 'sale.id must not contain spaces');
  const channel = check.text(`${p}.channel`, sale.channel, 64, { required: true, label: 'sale.channel' });
  if (channel && !/^[A-Za-z0-9_.-]+$/.test(channel)) check.fail(`${p}.channel`, 'sale.channel may use letters, digits, _ . - only');
  const orderId = check.text(`${p}.orderId`, sale.orderId, 128, { label: 'sale.orderId' });
  if (orderId && !ID_TEXT.test(orderId)) check.fail(`${p}.orderId`, 'sale.orderId must not contain spaces');
  const storeId = check.text(`${p}.storeId`, sale.storeId, 64, { label: 'sale.storeId' });
  const tillId = check.text(`${p}.tillId`, sale.tillId, 64, { label: 'sale.tillId' });
  const currencyCode = (sale.currencyCode ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currencyCode)) check.fail(`${p}.currencyCode`, 'currencyCode must be an ISO 4217 code such as GBP');
  else if (currencyCode !== programmeCurrency) {
    check.fail(`${p}.currencyCode`, `This programme runs in ${programmeCurrency}; the sale is in ${currencyCode}`, ErrorCode.CURRENCY_MISMATCH);
  }
  const occurredAt = sale.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) check.fail(`${p}.occurredAt`, 'occurredAt is in the future');
  const lines: ValidSale['lines'] = [];
  if (!Array.isArray(sale.lines) || sale.lines.length === 0) check.fail(`${p}.lines`, 'A sale needs at least one line');
  else if (sale.lines.length > MAX_SALE_LINES) check.fail(`${p}.lines`, `A sale has at most ${MAX_SALE_LINES} lines`);
  else {
    sale.lines.forEach((line, i) => {
      const f = `${p}.lines.${i}`;
      const productId = check.text(`${f}.productId`, line.productId, 64, { required: true, label: 'productId' });
      const categoryId = check.text(`${f}.categoryId`, line.categoryId, 64, { label: 'categoryId' });
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 10_000) check.fail(`${f}.quantity`, 'quantity must be a whole number from 1 to 10,000');
      if (!Number.isInteger(line.unitPrice) || line.unitPrice < 0 || line.unitPrice > 100_000_000) check.fail(`${f}.unitPrice`, 'unitPrice must be whole minor units from 0 to 100,000,000');
      if (productId) lines.push({ productId, categoryId, quantity: line.quantity, unitPrice: line.unitPrice });
    });
  }
  const totalMinor = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  if (totalMinor > MAX_SALE_TOTAL_MINOR) check.fail(`${p}.lines`, `A sale may total at most ${MAX_SALE_TOTAL_MINOR} minor units`);
  if (!check.ok || !id || !channel) return null;
  return {
    id,
    channel,
    orderId,
    storeId,
    tillId,
    occurredAt,
    currencyCode,
    lines,
    totalMinor,
  };
}

/** The channel a till sells in: its holds, coupon redemptions and returns default to it. */
export const TILL_CHANNEL = 'store';

/**
 * The channel of the sale a hold, coupon redemption or return refers to (sale ids are unique per
 * channel only): as given, or the till channel for a till; other callers must say.
 */
export function checkSaleChannel(check: InputChecker, field: string, raw: string | null | undefined, principal: Principal | null): string | null {
  const given = check.text(field, raw, 64, { label: field });
  if (given && !/^[A-Za-z0-9_.-]+$/.test(given)) {
    check.fail(field, `${field} may use letters, digits, _ . - only`);
    return null;
  }
  if (given) return given;
  if (principal?.roles.has('till')) return TILL_CHANNEL;
  check.fail(field, `${field} is required: the channel of the sale (e.g. web, app, store)`);
  return null;
}
