/**
 * Tells keyboard-wedge scans from people typing, by timing alone: a scanner sends a burst of
 * characters a few milliseconds apart ending in Enter or Tab; a person types 100 ms or more apart.
 * Pure: the caller feeds key events with their timestamps (`event.timeStamp`).
 */
export interface WedgeOptions {
  /** Shortest burst that counts as a scan (characters before the terminator). */
  minLength: number;
  /** Longest gap between two keys of one burst, in milliseconds. */
  maxGapMs: number;
  terminators: readonly string[];
}

export type WedgeResult =
  /** The key belongs to a burst in progress (or may start one): keep watching. */
  | { kind: 'pending' }
  /** A complete scan: `text`, and how many characters were typed into the focused field meanwhile. */
  | { kind: 'scan'; text: string; length: number }
  /** Not a scan (human typing, or a burst too short); the keys are the user's. */
  | { kind: 'none' };

export class WedgeDetector {
  private buffer = '';
  private last = -Infinity;

  constructor(private readonly options: WedgeOptions) {}

  /** Feeds one keydown: `key` as in `KeyboardEvent.key`, `time` in milliseconds. */
  feed(key: string, time: number): WedgeResult {
    const gap = time - this.last;
    this.last = time;
    if (gap > this.options.maxGapMs) this.buffer = '';
    if (this.options.terminators.includes(key)) {
      const text = this.buffer;
      this.buffer = '';
      return text.length >= this.options.minLength && gap <= this.options.maxGapMs ? { kind: 'scan', text, length: text.length } : { kind: 'none' };
    }
    if (key.length !== 1) return { kind: 'none' }; // Shift, arrows...: not part of a scan
    this.buffer += key;
    return { kind: 'pending' };
  }

  reset(): void {
    this.buffer = '';
    this.last = -Infinity;
  }
}
