/**
 * AIM symbology identifiers (ISO/IEC 15424): `]` + a code character + a modifier character,
 * e.g. `]E0` for EAN/UPC. Scanners put them in front of the data so the till can tell a
 * GS1-128 from a plain Code 128 without guessing from the text.
 */

const AIM_PATTERN = /^\][A-Za-z][0-9A-Za-z]$/;

/** Names for the modifiers that change what a symbology means (GS1 variants, EAN-8). */
const EXACT_NAMES: Readonly<Record<string, string>> = {
  ']E4': 'EAN-8',
  ']C1': 'GS1-128',
  ']e0': 'GS1 DataBar',
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
};

/** Names by code character. */
const FAMILY_NAMES: Readonly<Record<string, string>> = {
  A: 'Code 39',
  C: 'Code 128',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code 93',
  I: 'Interleaved 2 of 5',
  L: 'PDF417',
  Q: 'QR Code',
  X: 'Other',
  d: 'Data Matrix',
  e: 'GS1 DataBar',
  z: 'Aztec',
};

/** True for a well-formed three-character AIM identifier. */
export function isAimId(text: string): boolean {
  return AIM_PATTERN.test(text);
}

/** True when the three bytes at `offset` form an AIM identifier. */
export function isAimAt(bytes: Uint8Array, offset: number): boolean {
  if (offset < 0 || offset + 3 > bytes.length) return false;
  return isAimId(String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2]));
}

/** A readable name for an AIM identifier, or undefined when the symbology is not one we know. */
export function symbologyName(aimId: string): string | undefined {
  return EXACT_NAMES[aimId] ?? FAMILY_NAMES[aimId.charAt(1)];
}

/**
 * Splits a leading AIM identifier off scanned text. Keyboard-mode scanners can be set to send
 * it as the first three characters.
 */
export function splitAimPrefix(text: string): { symbology: string | null; data: string } {
  const head = text.slice(0, 3);
  return isAimId(head) && text.length > 3 ? { symbology: head, data: text.slice(3) } : { symbology: null, data: text };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns scanned bytes into text: UTF-8 when they are valid UTF-8 (QR codes often are), else one
 * character per byte (latin1), so binary payloads and GS1 separators (0x1D) survive unchanged.
 */
export function bytesToText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return text;
  }
}
