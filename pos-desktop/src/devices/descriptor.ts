/**
 * Just enough of the HID report descriptor to tell what a device is: the usage page and usage
 * of its first top-level collection. Never throws.
 */

export interface TopLevelUsage {
  readonly usagePage: number;
  readonly usage: number;
}

/** Short item prefix with the size bits masked off. */
const USAGE_PAGE_ITEM = 0x04; // global, tag 0
const USAGE_ITEM = 0x08; // local, tag 0
const COLLECTION_ITEM = 0xa0; // main, tag 0xA
const LONG_ITEM = 0xfe;

/**
 * Walks the descriptor's items up to the first Collection and returns the Usage Page and Usage
 * in force there, or null when the descriptor is truncated or has none.
 *
 * @param descriptor the raw report descriptor bytes (as in a recording's `R:` line)
 */
export function topLevelUsage(descriptor: Uint8Array): TopLevelUsage | null {
  let usagePage: number | undefined;
  let usage: number | undefined;
  let i = 0;
  while (i < descriptor.length) {
    const prefix = descriptor[i];
    if (prefix === LONG_ITEM) {
      if (i + 1 >= descriptor.length) return null;
      i += 3 + descriptor[i + 1];
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03];
    if (i + 1 + size > descriptor.length) return null;
    let value = 0;
    for (let b = size - 1; b >= 0; b--) value = value * 256 + descriptor[i + 1 + b];
    const item = prefix & 0xfc;
    if (item === USAGE_PAGE_ITEM) usagePage = value;
    else if (item === USAGE_ITEM) {
      // A 4-byte Usage carries its own page in the high half.
      if (size === 4) {
        usagePage = Math.floor(value / 0x10000);
        usage = value & 0xffff;
      } else usage = value;
    } else if (item === COLLECTION_ITEM) {
      return usagePage === undefined || usage === undefined ? null : { usagePage, usage };
    }
    i += 1 + size;
  }
  return null;
}
