import type { EntityManager } from '@mikro-orm/postgresql';
import { textArray } from '../audiences/audience-rules';
import type { CampaignSale } from '../campaigns/campaign-engine';
import { issueOfferCoupon, offerCouponText } from '../coupons/offer-coupon';
import type { ValidSale } from '../earning/sale.validation';
import { credit } from '../ledger/adjust.service';
import { ACCOUNT, MAX_POINTS, type MemberLedger } from '../ledger/ledger.core';
import { LedgerEntryType } from '../ledger/ledger.entities';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { ChallengeGoalKind, ChallengeStatus, saleProgress, type ChallengeDef } from './challenge.model';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function challengeDef(r: Record<string, unknown>): ChallengeDef {
  return {
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    description: (r.description as string | null) ?? null,
    status: r.status as ChallengeStatus,
    startsAt: new Date(r.starts_at as string),
    endsAt: r.ends_at ? new Date(r.ends_at as string) : null,
    goal: json(r.goal),
    rewardPoints: Number(r.reward_points),
    rewardCoupon: r.reward_coupon ? json(r.reward_coupon) : null,
  };
}

export async function loadActiveChallenges(em: EntityManager): Promise<ChallengeDef[]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(`select * from challenge where status = 'ACTIVE'`);
  return rows.map(challengeDef);
}

/** Whether an ACTIVE challenge may count the sale (its window and lines): such a sale takes the general earn path. */
export function challengesMayApply(challenges: readonly ChallengeDef[], sale: ValidSale, at: Date): boolean {
  if (challenges.length === 0) return false;
  const lines = sale.lines.map((l) => ({ ...l, points: 0, excluded: false }));
  return challenges.some((c) => saleProgress(c, { channel: sale.channel, storeId: null, at, lines }) !== null);
}

/** A challenge's progress after a sale, as earns answer it. */
export interface ChallengeStep {
  challengeId: string;
  code: string;
  name: string;
  progress: number;
  target: number;
  /** Completed by this sale (the reward was given now). */
  completed: boolean;
}

/**
 * Raises the member's progress on each challenge the sale counts for, in the earn's transaction
 * under the wallet lock. A challenge is completed once: the progress row is raised only while it
 * is not completed, and the completion is claimed by an update that sets `completed_at` only where
 * it is still null; the reward (points in a BONUS entry naming the challenge, and/or a coupon) is
 * booked with the claim.
 */
export async function advanceChallenges(em: EntityManager, ledger: MemberLedger, challenges: readonly ChallengeDef[], sale: CampaignSale, settings: ProgrammeSettings): Promise<ChallengeStep[]> {
  const steps: ChallengeStep[] = [];
  const memberId = ledger.wallet.memberId;
  for (const c of challenges) {
    const add = saleProgress(c, sale);
    if (!add) continue;
    const tried = c.goal.kind === ChallengeGoalKind.PRODUCTS_TRIED;
    const merged = `(select coalesce(array_agg(distinct p order by p), '{}') from unnest(challenge_progress.products || excluded.products) p)`;
    const rows = await em.execute<{ progress: string }[]>(
      `insert into challenge_progress (challenge_id, member_id, progress, products, updated_at) values (?, ?, ?, ?::text[], ?)
       on conflict (challenge_id, member_id) do update set
         progress = ${tried ? `cardinality(${merged})` : 'challenge_progress.progress + excluded.progress'},
         products = ${tried ? merged : 'challenge_progress.products'},
         updated_at = excluded.updated_at
       where challenge_progress.completed_at is null
       returning progress`,
      [c.id, memberId, tried ? add.products.length : add.amount, textArray(tried ? add.products : []), ledger.now],
    );
    if (!rows[0]) continue; // completed before
    const progress = Number(rows[0].progress);
    let completed = false;
    if (progress >= c.goal.target) {
      const claim = await em.execute<{ member_id: string }[]>(
        'update challenge_progress set completed_at = ? where challenge_id = ? and member_id = ? and completed_at is null returning member_id',
        [ledger.now, c.id, memberId],
      );
      if (claim[0]) {
        completed = true;
        await rewardChallenge(em, ledger, c, settings);
      }
    }
    steps.push({ challengeId: c.id, code: c.code, name: c.name, progress: Math.min(progress, c.goal.target), target: c.goal.target, completed });
  }
  return steps;
}

async function rewardChallenge(em: EntityManager, ledger: MemberLedger, c: ChallengeDef, settings: ProgrammeSettings): Promise<void> {
  let entryId: string | null = null;
  let couponCode: string | null = null;
  const w = ledger.wallet;
  const points = Math.min(c.rewardPoints, MAX_POINTS - (Math.max(w.available, 0) + w.pending + w.held), MAX_POINTS - w.lifetimeEarned);
  if (points > 0) {
    entryId = await credit(ledger, settings, LedgerEntryType.BONUS, ACCOUNT.BONUS, points, `challenge ${c.code} (${c.name}) completed`.slice(0, 500));
    ledger.wallet.lifetimeEarned += points;
    ledger.touch();
  }
  if (c.rewardCoupon) {
    const coupon = await issueOfferCoupon(em, w.memberId, c.rewardCoupon, { title: `${c.name}: ${offerCouponText(c.rewardCoupon, settings.currencyCode)}`, issuedBy: `challenge:${c.code}`, now: ledger.now, settings });
    couponCode = coupon.code;
    const noted = await ledger.note(LedgerEntryType.COUPON_ISSUE, { couponCode, reason: `challenge ${c.code} (${c.name}) completed: ${coupon.title}`.slice(0, 500) });
    entryId ??= noted;
  }
  await em.execute('update challenge_progress set reward_entry_id = ?, reward_coupon_code = ? where challenge_id = ? and member_id = ?', [entryId, couponCode, c.id, w.memberId]);
}
