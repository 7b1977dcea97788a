import { ErrorCode, userError, type UserError } from './errors';
import type { MoneyInput } from './money';

/**
 * Collects input problems as `UserError`s (code INVALID_INPUT) so a caller sees every bad field at
 * once, and returns normalised values.
 */
export class InputChecker {
  readonly errors: UserError[] = [];

  constructor(private readonly prefix: string[] = ['input']) {}

  fail(field: string, message: string, code: ErrorCode = ErrorCode.INVALID_INPUT): void {
    this.errors.push(userError(code, message, [...this.prefix, ...field.split('.')]));
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Trimmed text of 1..max printable characters. */
  text(field: string, value: string | null | undefined, max: number, opts: { required?: boolean; label?: string } = {}): string | null {
    const label = opts.label ?? field;
    const v = (value ?? '').trim();
    if (v === '') {
      if (opts.required) this.fail(field, `${label} is required`);
      return null;
    }
    if (v.length > max) {
      this.fail(field, `${label} must be at most ${max} characters`);
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(v)) {
      this.fail(field, `${label} must not contain control characters`);
      return null;
    }
    return v;
  }

  /** An admin's code for a thing (campaign, audience...): trimmed, upper case, letters, digits, _ and -. */
  code(field: string, value: string | null | undefined, opts: { required?: boolean } = {}): string | null {
    const c = this.text(field, value, 64, { required: opts.required, label: field })?.toUpperCase() ?? null;
    if (c && !/^[A-Z0-9][A-Z0-9_-]*$/.test(c)) {
      this.fail(field, `${field} may hold letters, digits, _ and - only`);
      return null;
    }
    return c;
  }

  /** A whole number from min to max, or undefined when not given; `what` names it in the message. */
  int(field: string, value: number | null | undefined, min: number, max: number, what = 'a whole number'): number | undefined {
    if (value === null || value === undefined) return undefined;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `${field} must be ${what} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`);
      return undefined;
    }
    return value;
  }

  /** An amount in the programme's currency, minor units from min to max, or undefined when not given. */
  money(field: string, value: MoneyInput | null | undefined, currencyCode: string, min: number, max: number): number | undefined {
    if (!value) return undefined;
    if (value.currencyCode?.toUpperCase() !== currencyCode) {
      this.fail(`${field}.currencyCode`, `${field} must be given in ${currencyCode}, the programme's currency`, ErrorCode.CURRENCY_MISMATCH);
      return undefined;
    }
    return this.int(`${field}.amount`, value.amount, min, max, 'a whole number of minor units');
  }

  /** Lower-cased e-mail address (pragmatic syntax check, not RFC 5322). */
  email(field: string, value: string | null | undefined): string | null {
    const v = this.text(field, value, 254, { label: 'email' });
    if (v === null) return null;
    if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v)) {
      this.fail(field, `"${v.slice(0, 60)}" is not an e-mail address`);
      return null;
    }
    return v.toLowerCase();
  }

  /** Phone in international form, normalised to E.164 (`+` and 7..15 digits). */
  phone(field: string, value: string | null | undefined): string | null {
    const v = this.text(field, value, 32, { label: 'phone' });
    if (v === null) return null;
    const compact = v.replace(/[\s().-]/g, '');
    const normalised = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
    if (!/^\+[1-9]\d{6,14}$/.test(normalised)) {
      this.fail(field, 'phone must be in international format, e.g. +44 7700 900123');
      return null;
    }
    return normalised;
  }

  /** A calendar date in the past (`YYYY-MM-DD`), no earlier than 1900. */
  birthday(field: string, value: string | null | undefined, today: Date = new Date()): string | null {
    if (value === null || value === undefined || value === '') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
    if (!m || !date || date.getUTCMonth() !== +m[2]! - 1 || date.getUTCDate() !== +m[3]!) {
      this.fail(field, 'birthday must be a date YYYY-MM-DD');
      return null;
    }
    if (+m[1]! < 1900 || date.getTime() > today.getTime()) {
      this.fail(field, 'birthday must be in the past and after 1900');
      return null;
    }
    return value;
  }
}

/** Card numbers are stored upper-case, without spaces or hyphens: 6..32 letters and digits. */
export function normaliseCardNumber(raw: string): string | null {
  const v = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{6,32}$/.test(v) ? v : null;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
