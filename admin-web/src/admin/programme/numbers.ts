/** Whole-number text fields of the programme pages: parsing and the messages when they are not. */

/** The integer in `text`, or null when it is not a whole number (empty included). */
export function parseWhole(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Checks a whole-number field: returns the problem to show, or null. `min`/`max` only where the
 * schema states them; the service checks the rest and its messages are shown by field too.
 */
export function wholeProblem(label: string, text: string, opts: { min?: number; max?: number; optional?: boolean } = {}): string | null {
  if (text.trim() === '') return opts.optional ? null : `${label} is required.`;
  const n = parseWhole(text);
  if (n === null) return `${label} must be a whole number.`;
  const { min = 0, max } = opts;
  if (n < min || (max !== undefined && n > max)) return max !== undefined ? `${label} must be from ${min} to ${max}.` : `${label} must be at least ${min}.`;
  return null;
}
