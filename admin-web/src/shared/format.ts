/** Money and dates as people read them; amounts are in minor units (pence, cents) as the API gives them. */
export interface Money {
  amount: number;
  currencyCode: string;
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for GBP, 0 for JPY), from Intl. */
export function currencyDigits(currencyCode: string): number {
  let digits = digitsCache.get(currencyCode);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currencyCode, digits);
  }
  return digits;
}

export function formatMoney(m: Money | null | undefined): string {
  if (!m) return '–';
  const digits = currencyDigits(m.currencyCode);
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currencyCode }).format(m.amount / 10 ** digits);
}

/** "12.50" in the currency's major unit to minor units; null when it is not an amount. */
export function parseAmount(text: string, currencyCode: string): number | null {
  const digits = currencyDigits(currencyCode);
  const re = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  const t = text.trim();
  if (!re.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || 0);
}

export function toMajor(amount: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  return (amount / 10 ** digits).toFixed(digits);
}

export const formatPoints = (n: number | null | undefined) => (n === null || n === undefined ? '–' : new Intl.NumberFormat().format(n));

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export const formatPercent = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
