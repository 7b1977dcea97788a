/**
 * GS1 numbers (GTIN-8, -12, -13, -14, and cards printed as EAN-13): the mod-10 check digit.
 *
 * Part of the shared contract: no Node and no DOM imports.
 */

/** True for an 8-, 12-, 13- or 14-digit GTIN whose last digit is the GS1 mod-10 check digit. */
export function isGtin(digits: string): boolean {
  if (!/^(?:\d{8}|\d{12,14})$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** GS1 mod-10 check digit of the digits before it: weights 3,1,3,... from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}
