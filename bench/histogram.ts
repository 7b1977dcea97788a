import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';

/** Latencies in microseconds (1 µs .. 2 min, 3 significant digits); read back in milliseconds. */
export class Latencies {
  private readonly h: Histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

  recordMs(ms: number): void {
    this.h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  /** Adds latencies recorded elsewhere (another slice, another process). */
  merge(other: Latencies | string): void {
    this.h.add(typeof other === 'string' ? decodeFromCompressedBase64(other) : other.h);
  }

  encode(): string {
    return encodeIntoCompressedBase64(this.h);
  }

  get count(): number {
    return this.h.totalCount;
  }

  percentileMs(p: number): number {
    return this.h.getValueAtPercentile(p) / 1000;
  }

  summary(): LatencySummary {
    return { count: this.count, p50: this.percentileMs(50), p99: this.percentileMs(99), max: this.h.maxValue / 1000 };
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}
