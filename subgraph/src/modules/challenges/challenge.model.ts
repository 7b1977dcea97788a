import type { AutomationAction } from '../automations/automation.model';
import type { CampaignSale } from '../campaigns/campaign-engine';

/**
 * Challenges (docs/campaigns.md#challenges): a goal over a window (visits, spend, products tried,
 * optionally in some categories or products) with a reward on completion, completed once per
 * member. Progress is kept per member and raised by earns, under the member's wallet lock.
 */

export enum ChallengeStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

export enum ChallengeGoalKind {
  /** Sales with a qualifying line. */
  VISITS = 'VISITS',
  /** Minor units of qualifying lines, at the prices paid. */
  SPEND = 'SPEND',
  /** Different qualifying products bought. */
  PRODUCTS_TRIED = 'PRODUCTS_TRIED',
}

export interface ChallengeDef {
  id: string;
  code: string;
  name: string;
  description: string | null;
  status: ChallengeStatus;
  startsAt: Date;
  endsAt: Date | null;
  goal: { kind: ChallengeGoalKind; target: number; categoryIds?: string[]; productIds?: string[] };
  /** The reward: points and/or a coupon (an ISSUE_COUPON action's coupon). */
  rewardPoints: number;
  rewardCoupon: AutomationAction['coupon'] | null;
}

/** What a sale adds to a challenge: null when the sale is outside its window or has no qualifying line. */
export function saleProgress(c: ChallengeDef, sale: CampaignSale): { amount: number; products: string[] } | null {
  if (c.status !== ChallengeStatus.ACTIVE || sale.at < c.startsAt || (c.endsAt && sale.at >= c.endsAt)) return null;
  const g = c.goal;
  const byLine = Boolean(g.categoryIds || g.productIds);
  const lines = sale.lines.filter((l) => !l.excluded && (!byLine || g.productIds?.includes(l.productId) || (l.categoryId !== null && g.categoryIds?.includes(l.categoryId))));
  if (lines.length === 0) return null;
  if (g.kind === ChallengeGoalKind.VISITS) return { amount: 1, products: [] };
  if (g.kind === ChallengeGoalKind.SPEND) {
    const amount = lines.reduce((n, l) => n + l.quantity * l.unitPrice, 0);
    return amount > 0 ? { amount, products: [] } : null;
  }
  return { amount: 0, products: [...new Set(lines.map((l) => l.productId))] };
}
