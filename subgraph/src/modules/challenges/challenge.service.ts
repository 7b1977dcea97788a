import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker } from '../../common/validation';
import { codes } from '../audiences/audience-rules';
import { checkOfferCoupon, type OfferCouponInputShape } from '../automations/automation.definition';
import { challengeDef } from './challenge.apply';
import { ChallengeGoalKind, ChallengeStatus, type ChallengeDef } from './challenge.model';

export interface ChallengeInputShape {
  code: string;
  name: string;
  description?: string | null;
  status?: ChallengeStatus | null;
  startsAt: Date;
  endsAt?: Date | null;
  goal: { kind: ChallengeGoalKind; target: number; categoryIds?: string[] | null; productIds?: string[] | null };
  reward: { points?: number | null; coupon?: OfferCouponInputShape | null };
}

/** A challenge as the API shows it. */
export function challengeView(c: ChallengeDef) {
  return { ...c, goal: { ...c.goal, categoryIds: c.goal.categoryIds ?? null, productIds: c.goal.productIds ?? null }, rewardCoupon: c.rewardCoupon ?? null };
}

export async function saveChallenge(ctx: RequestContext, input: ChallengeInputShape): Promise<{ challenge: ReturnType<typeof challengeView> | null; userErrors: UserError[] }> {
  const settings = await ctx.loaders.settings();
  const check = new InputChecker();
  const code = check.code('code', input.code, { required: true });
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });
  const description = check.text('description', input.description, 500, { label: 'description' });
  if (input.endsAt && input.endsAt <= input.startsAt) check.fail('endsAt', 'endsAt must be after startsAt');
  const g = input.goal;
  const goal: ChallengeDef['goal'] = { kind: g?.kind, target: g?.target };
  const max = g?.kind === ChallengeGoalKind.SPEND ? 1_000_000_000 : 10_000;
  if (!Number.isInteger(g?.target) || g.target < 1 || g.target > max) check.fail('goal.target', `goal.target must be a whole number from 1 to ${max.toLocaleString('en')}${g?.kind === ChallengeGoalKind.SPEND ? ' (minor units)' : ''}`);
  const categoryIds = codes(check, 'goal.categoryIds', g?.categoryIds ?? undefined);
  if (categoryIds) goal.categoryIds = categoryIds;
  const productIds = codes(check, 'goal.productIds', g?.productIds ?? undefined);
  if (productIds) goal.productIds = productIds;
  const r = input.reward ?? {};
  const points = r.points ?? 0;
  if (!Number.isInteger(points) || points < 0 || points > 1_000_000) check.fail('reward.points', 'reward.points must be a whole number from 0 to 1,000,000');
  if (!points && !r.coupon) check.fail('reward', 'A challenge rewards points, a coupon or both');
  const coupon: ChallengeDef['rewardCoupon'] = r.coupon ? checkOfferCoupon(check, 'reward.coupon', r.coupon, settings.currencyCode) : null;
  if (!check.ok || !code || !name) return { challenge: null, userErrors: check.errors };
  const now = new Date();
  const [row] = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `insert into challenge (id, code, name, description, status, starts_at, ends_at, goal, reward_points, reward_coupon, created_at, updated_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)
     on conflict (code) do update set name = excluded.name, description = excluded.description, status = excluded.status, starts_at = excluded.starts_at,
       ends_at = excluded.ends_at, goal = excluded.goal, reward_points = excluded.reward_points, reward_coupon = excluded.reward_coupon, updated_at = excluded.updated_at
     returning *`,
    [code, name, description, input.status ?? ChallengeStatus.DRAFT, input.startsAt, input.endsAt ?? null, JSON.stringify(goal), points, coupon ? JSON.stringify(coupon) : null, now, now],
  );
  ctx.programme.invalidate();
  return { challenge: challengeView(challengeDef(row!)), userErrors: [] };
}

export async function setChallengeStatus(ctx: RequestContext, code: string, status: ChallengeStatus) {
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>('update challenge set status = ?, updated_at = now() where code = ? returning *', [status, (code ?? '').trim().toUpperCase()]);
  if (!rows[0]) return { challenge: null, userErrors: [userError(ErrorCode.CHALLENGE_NOT_FOUND, 'No challenge has this code', ['input', 'code'])] };
  ctx.programme.invalidate();
  return { challenge: challengeView(challengeDef(rows[0])), userErrors: [] };
}

export async function listChallenges(ctx: RequestContext, status: ChallengeStatus | null) {
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(`select * from challenge where (?::text is null or status = ?::text) order by starts_at, code`, [status, status]);
  return rows.map((r) => challengeView(challengeDef(r)));
}

/**
 * Members' challenges, for each of `memberIds`: every ACTIVE challenge whose window has not ended
 * (with their progress, 0 when none yet), and the ones they completed. Two statements per batch.
 */
export async function challengesOfMembers(em: EntityManager, memberIds: readonly string[], now = new Date()) {
  const conn = em.getConnection();
  const progress = await conn.execute<Record<string, unknown>[]>(
    `select p.*, c.* , p.progress as member_progress from challenge_progress p join challenge c on c.id = p.challenge_id where p.member_id = any(?::uuid[])`,
    [`{${memberIds.join(',')}}`],
  );
  const open = await conn.execute<Record<string, unknown>[]>(`select * from challenge where status = 'ACTIVE' and starts_at <= ? and (ends_at is null or ends_at > ?) order by ends_at nulls last, code`, [now, now]);
  return memberIds.map((memberId) => {
    const mine = progress.filter((p) => p.member_id === memberId);
    const rows: { challenge: ReturnType<typeof challengeView>; progress: number; completedAt: Date | null }[] = [];
    for (const c of open) {
      const p = mine.find((x) => x.challenge_id === c.id);
      rows.push({ challenge: challengeView(challengeDef(c)), progress: Number(p?.member_progress ?? 0), completedAt: p?.completed_at ? new Date(p.completed_at as string) : null });
    }
    for (const p of mine) {
      if (p.completed_at && !open.some((c) => c.id === p.challenge_id)) rows.push({ challenge: challengeView(challengeDef({ ...p, id: p.challenge_id })), progress: Number(p.member_progress), completedAt: new Date(p.completed_at as string) });
    }
    return rows.map((r) => ({
      ...r,
      target: r.challenge.goal.target,
      progress: Math.min(r.progress, r.challenge.goal.target),
      percent: Math.min(100, Math.floor((Math.min(r.progress, r.challenge.goal.target) * 100) / r.challenge.goal.target)),
      completed: r.completedAt !== null,
    }));
  });
}
