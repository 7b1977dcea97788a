import { DriverException } from '@mikro-orm/core';

/**
 * Masking for logs: logs travel further than the database (aggregators, support tickets), so
 * they carry no recipient, name or search term a reader could tie to a person (docs/security.md).
 */

/** `ada.lovelace@example.com` -> `a***@example.com`: the domain stays, for delivery problems. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** `+44 7700 900123` -> `***23`: the last two digits, enough to tell two test phones apart. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? '***' : `***${digits.slice(-2)}`;
}

/** A message recipient as it may be logged: e-mail addresses and phone numbers masked. */
export function maskRecipient(recipient: string): string {
  return recipient.includes('@') ? maskEmail(recipient) : maskPhone(recipient);
}

const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** `+44 7700 900123`, or 9+ digits in a row (spaces allowed); not dates, times or short numbers. */
const PHONE_IN_TEXT = /\+\d[\d ()-]{6,}\d|(?<![\w.:-])\d[\d ]{7,}\d(?![\w.:-])/g;

/** Free text (an error from a mail server, say) with the e-mail addresses and phone numbers in it masked. */
export function maskText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, maskEmail).replace(PHONE_IN_TEXT, maskPhone);
}

/** PostgreSQL's error (pg's DatabaseError), whether or not MikroORM wrapped it in a DriverException. */
function isDatabaseError(err: unknown): err is Error & { code?: string; table?: string; constraint?: string; column?: string } {
  if (err instanceof DriverException) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && 'severity' in err && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * An error as it may be logged. A database error's message starts with the failed statement with
 * its values inlined (knex does that), so it is replaced by the driver's error code, table and
 * constraint; other messages and stacks are passed through {@link maskText}.
 */
export function errorForLog(err: unknown): { message: string; stack?: string } {
  if (isDatabaseError(err)) {
    const e = err;
    const where = [e.table && `table ${e.table}`, e.constraint && `constraint ${e.constraint}`, e.column && `column ${e.column}`].filter(Boolean).join(', ');
    const message = `${e.name} (SQLSTATE ${e.code ?? 'unknown'}${where ? `, ${where}` : ''}; statement and values not logged)`;
    const frames = (e.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
    return { message, stack: [message, ...frames].join('\n') };
  }
  if (err instanceof Error) return { message: maskText(err.message), stack: err.stack === undefined ? undefined : maskText(err.stack) };
  return { message: maskText(String(err)) };
}
