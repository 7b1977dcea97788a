import type { ConsoleCampaignFieldsFragment, LoyaltyCampaignStatus } from '../../gql/graphql';
import { formatMoney, formatPoints } from '../../shared/format';

export function StatusBadge({ status, running }: { status: LoyaltyCampaignStatus; running?: boolean }) {
  const kind = status === 'ACTIVE' ? (running === false ? 'warn' : 'ok') : status === 'PAUSED' ? 'bad' : '';
  return <span className={`badge ${kind}`}>{status === 'ACTIVE' ? (running === false ? 'Active, not running now' : 'Active') : status === 'PAUSED' ? 'Paused' : 'Draft'}</span>;
}

/** Whether the service counts what the campaign gives: it keeps the counters only of campaigns with a budget. */
export const hasBudget = (b: ConsoleCampaignFieldsFragment['budget']) => b.points != null || b.value != null || b.coupons != null;

/** What the budget has given, against the budget; the service does not count it for a campaign without one. */
export function budgetUse(c: Pick<ConsoleCampaignFieldsFragment, 'offer' | 'budget'>): string {
  const b = c.budget;
  if (!hasBudget(b)) return 'No budget';
  if (c.offer.kind === 'EXTRA_POINTS' || c.offer.kind === 'POINTS_MULTIPLIER') return `${formatPoints(b.pointsGiven)} of ${formatPoints(b.points)} points`;
  const coupons = b.coupons ? `${formatPoints(b.couponsIssued)} of ${formatPoints(b.coupons)} coupons` : `${formatPoints(b.couponsIssued)} coupons`;
  return b.value ? `${formatMoney(b.valueIssued)} of ${formatMoney(b.value)}; ${coupons}` : coupons;
}
