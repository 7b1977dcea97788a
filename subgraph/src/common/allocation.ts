/**
 * Splits a non-negative integer `total` (points or minor units) into parts proportional to
 * `weights`, by the largest-remainder method, so the parts always sum exactly to `total`.
 *
 * Each part is the floor of its exact share `total * w / Σw` or one more; the units left over by
 * flooring go to the largest remainders, ties to the lower index. A zero weight always gets 0.
 * Arithmetic is bigint throughout, so it is exact for any safe-integer total and any weights.
 *
 * @param total a safe non-negative integer (the whole, in whatever integer unit the caller uses)
 * @param weights non-negative weights, one per part (any scale: micro-points, minor units, ...)
 * @returns one integer part per weight, in the same order, summing to `total`
 * @throws RangeError when `total` is not a safe non-negative integer, a weight is negative, or
 *   `total > 0` while every weight is 0 (or there are none): there is nothing to split it over,
 *   and inventing a split would hide a caller's bug.
 */
export function allocate(total: number, weights: readonly bigint[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`allocate: total must be a safe non-negative integer, got ${String(total)}`);
  }
  let sum = 0n;
  for (const [i, w] of weights.entries()) {
    if (w < 0n) throw new RangeError(`allocate: weight ${i} is negative (${w})`);
    sum += w;
  }
  if (sum === 0n) {
    if (total > 0) throw new RangeError(`allocate: cannot split ${total} over ${weights.length} zero weights`);
    return weights.map(() => 0);
  }

  const whole = BigInt(total);
  const parts = weights.map((w) => (whole * w) / sum);
  const remainders = weights.map((w, index) => ({ index, rem: (whole * w) % sum }));
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  // left < number of positive remainders, so a zero weight (remainder 0) never receives a unit.
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
