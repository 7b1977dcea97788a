/**
 * The tender arithmetic of the till, in integer minor units and whole points (no floats). The
 * server decides the final figures (the hold's cash value); these give the cashier the same
 * numbers before asking.
 */
export interface Programme {
  redeemPoints: number;
  redeemAmountMinor: number;
  minRedeemPoints: number;
  maxRedeemSharePercent: number;
}

/** Cash value of points, floored (as the server computes it). */
export function cashValueOf(p: Programme, points: number): number {
  return Math.floor((points * p.redeemAmountMinor) / p.redeemPoints);
}

/**
 * The most points the member may use on a sale of `totalMinor`: no more than they have, no more
 * than the programme's share of the sale, and never worth more than the sale.
 */
export function maxPoints(p: Programme, available: number, totalMinor: number): number {
  const maxCash = Math.floor((totalMinor * p.maxRedeemSharePercent) / 100);
  const byShare = Math.floor((maxCash * p.redeemPoints) / p.redeemAmountMinor);
  const usable = Math.max(0, Math.min(available, byShare));
  return usable >= p.minRedeemPoints ? usable : 0;
}

export type PointsCheck = { ok: true } | { ok: false; message: string };

export function checkPoints(p: Programme, points: number, available: number, totalMinor: number): PointsCheck {
  if (!Number.isInteger(points) || points < 0) return { ok: false, message: 'Points must be a whole number' };
  if (points === 0) return { ok: true };
  if (points < p.minRedeemPoints) return { ok: false, message: `At least ${p.minRedeemPoints} points` };
  if (points > available) return { ok: false, message: `Only ${available} points available` };
  if (points > maxPoints(p, available, totalMinor)) return { ok: false, message: `At most ${maxPoints(p, available, totalMinor)} points on this sale` };
  return { ok: true };
}

export interface CashTender {
  /** What is left to pay in cash after points (minor units). */
  cashDue: number;
  /** Change to give back: only ever from cash, never from points. */
  change: number;
  /** True when the cash given covers what is due. */
  covered: boolean;
}

export function cashTender(totalMinor: number, pointsCashMinor: number, cashGivenMinor: number): CashTender {
  const cashDue = Math.max(0, totalMinor - pointsCashMinor);
  return { cashDue, change: Math.max(0, cashGivenMinor - cashDue), covered: cashGivenMinor >= cashDue };
}

/** Sale total after coupons: a voucher pays its value, a percent coupon takes its share (floored). */
export function totalAfterCoupons(linesTotal: number, coupons: { kind: string; valueMinor?: number | null; percent?: number | null }[]): { total: number; discount: number } {
  let remaining = linesTotal;
  for (const c of coupons.filter((x) => x.kind === 'PERCENT_DISCOUNT')) remaining -= Math.floor((remaining * (c.percent ?? 0)) / 100);
  for (const c of coupons.filter((x) => x.kind === 'CASH_VOUCHER')) remaining -= Math.min(remaining, c.valueMinor ?? 0);
  return { total: remaining, discount: linesTotal - remaining };
}
