/**
 * Money at the till: integer minor units plus an ISO 4217 code. The number of minor digits comes
 * from the currency (`Intl.NumberFormat(...).resolvedOptions()`): GBP has 2, JPY none, BHD 3. No
 * floats: amounts are parsed and printed as digit strings.
 *
 * Part of the shared contract: no Node and no DOM imports (Intl is in both).
 */

const exponents = new Map<string, number>();

/** Minor digits of `currencyCode` (2 when the platform does not know it). */
export function currencyExponent(currencyCode: string): number {
  let e = exponents.get(currencyCode);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    exponents.set(currencyCode, e);
  }
  return e;
}

/** Minor units in one major unit (100 for GBP, 1 for JPY, 1000 for BHD). */
export function minorPerMajor(currencyCode: string): number {
  return 10 ** currencyExponent(currencyCode);
}

/** `minor` as a plain decimal string in major units: 1299 GBP -> "12.99", 500 JPY -> "500". */
export function toDecimal(minor: number, currencyCode: string): string {
  const e = currencyExponent(currencyCode);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(minor))).padStart(e + 1, '0');
  return e === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -e)}.${digits.slice(-e)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * `minor` as a cashier reads it, e.g. "£12.99". Formatted from the decimal string (the platform
 * parses "12.99" exactly), so no division by 100 anywhere.
 */
export function formatMoney(minor: number, currencyCode: string, locale = 'en-GB'): string {
  const key = `${locale}|${currencyCode}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode });
    formatters.set(key, f);
  }
  // Intl.NumberFormat.format accepts a decimal string and formats it without float rounding.
  return f.format(toDecimal(minor, currencyCode) as unknown as number);
}

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * What a cashier types for money: "20", "20.5", "20,50", "£20", "20 GBP". A currency symbol or the
 * code may stand before or after; at most the currency's minor digits after the separator.
 * Refuses anything else with a reason, rather than reading it as 0.
 */
export function parseMoney(text: string, currencyCode: string): MoneyParse {
  const e = currencyExponent(currencyCode);
  const cleaned = text.trim().replace(new RegExp(`^(?:${currencyCode}|[^\\d\\s.,-]{1,3})\\s*|\\s*(?:${currencyCode}|[^\\d\\s.,-]{1,3})$`, 'gi'), '').trim();
  const example = e === 0 ? '2000' : `20 or 20.${'5'.padEnd(e, '0')}`;
  if (cleaned === '') return { ok: false, message: `"${text.trim()}" is not an amount: type e.g. ${example}` };
  const m = /^(\d{1,9})(?:[.,](\d*))?$/.exec(cleaned);
  if (!m) return { ok: false, message: `"${text.trim()}" is not an amount: type e.g. ${example}` };
  const fraction = m[2] ?? '';
  if (fraction.length > e) {
    return { ok: false, message: e === 0 ? `${currencyCode} has no minor units: type a whole amount` : `At most ${e} digits after the point` };
  }
  return { ok: true, minor: Number(m[1]) * 10 ** e + Number(fraction.padEnd(e, '0') || '0') };
}

/**
 * Shares of `total` in proportion to `weights`, floored, with the remainder given one unit at a
 * time to the largest remainders: the parts always sum to `total` exactly.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = weights.map((w, i) => ({ i, r: (total * w) % sum })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}
