import { randomInt } from 'node:crypto';

/** Crockford base 32: no I, L, O or U, so codes survive being read aloud and typed. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
/** Random characters per code: 10 x 5 bits = 50 bits, unguessable at any plausible rate of guesses. */
export const RANDOM_LENGTH = 10;
export const CHECK_LENGTH = 2;
export const CODE_LENGTH = RANDOM_LENGTH + CHECK_LENGTH;
/** A prime above every weighted difference, so no single error or transposition goes unnoticed. */
const MODULUS = 1021;

/**
 * Two check characters: sum of (position + 1) x value, modulo the prime 1021, written in base 32.
 * A changed character alters the sum by d x w with 0 < |d| < 32 and 0 < w <= 10, and swapping any
 * two characters by (a - b)(w1 - w2); neither is a multiple of 1021, so every single-character
 * mistake and every transposition is refused before any lookup.
 */
export function checkCharacters(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = ALPHABET.indexOf(body[i]!);
    if (v < 0) throw new RangeError(`not a code character: ${body[i]}`);
    sum += (i + 1) * v;
  }
  const check = sum % MODULUS;
  return ALPHABET[Math.floor(check / N)]! + ALPHABET[check % N]!;
}

/** A new random code with its check characters (canonical form, no separators). */
export function generateCouponCode(): string {
  let body = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) body += ALPHABET[randomInt(N)];
  return body + checkCharacters(body);
}

/**
 * Reads a code as typed or scanned: case-insensitive, the `LC:` barcode prefix, hyphens and spaces
 * ignored, and the usual
 * confusions mapped (O to 0, I and L to 1). Null when it is not a well-formed code (wrong length,
 * foreign characters, or check characters that do not match).
 */
export function parseCouponCode(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const s = raw.toUpperCase().replace(/^LC:/, '').replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH || ![...s].every((c) => ALPHABET.includes(c))) return null;
  return checkCharacters(s.slice(0, RANDOM_LENGTH)) === s.slice(RANDOM_LENGTH) ? s : null;
}

/** Grouped for people: `ABCD-EFGH-JKXY`. */
export function formatCouponCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What the till's scanner reads (QR code or Code 128): a prefix, then the canonical code. */
export function couponBarcodePayload(code: string): string {
  return `LC:${code}`;
}
